import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, findChromium, playwrightBrowsers } from '../../helpers/chromium';
import { makeTempDir } from '../../helpers/ingest-fixture';

let tmp: string;
let fake: string;
let notExecutable: string;
beforeAll(() => {
  tmp = makeTempDir();
  fake = join(tmp, 'chrome');
  notExecutable = join(tmp, 'plain');
  writeFileSync(fake, '#!/bin/sh\n');
  chmodSync(fake, 0o755);
  writeFileSync(notExecutable, '');
  chmodSync(notExecutable, 0o644);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('findChromium on a fresh machine', () => {
  it('takes the environment variable first', () => {
    expect(findChromium({ GONGKAI_CHROMIUM: fake }, [])).toBe(fake);
    expect(findChromium({ CHROME_PATH: fake }, ['/nonexistent'])).toBe(fake);
  });

  it('then the first executable of the usual paths', () => {
    expect(findChromium({}, [join(tmp, 'missing'), notExecutable, fake])).toBe(fake);
  });

  it('finds a browser Playwright downloaded', () => {
    const cache = join(tmp, 'ms-playwright');
    const binary = join(cache, 'chromium-1200', 'chrome-linux', 'chrome');
    mkdirSync(join(cache, 'chromium-1200', 'chrome-linux'), { recursive: true });
    mkdirSync(join(cache, 'chromium-1100'), { recursive: true });
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o755);
    const candidates = playwrightBrowsers({ PLAYWRIGHT_BROWSERS_PATH: cache });
    expect(candidates[0].startsWith(join(cache, 'chromium-1200'))).toBe(true);
    expect(findChromium({}, candidates)).toBe(binary);
  });

  it('says exactly what to install when there is none', () => {
    expect(() => findChromium({}, [join(tmp, 'missing')])).toThrow(CHROMIUM_MISSING);
    expect(CHROMIUM_MISSING).toContain('apt-get install chromium fonts-noto-cjk');
    expect(() => findChromium({ GONGKAI_CHROMIUM: notExecutable }, [fake])).toThrow(`GONGKAI_CHROMIUM=${notExecutable} is not an executable file.`);
  });
});
