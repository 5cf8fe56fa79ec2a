// `gongkai open <folder>` in the browser: the built app (the e2e build, current, so the CLI builds
// nothing) over the dataset open ingested into its cache, the reports of that folder and no
// other, each with its source file served.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../helpers/chromium';
import { startGongkai, type Served } from '../helpers/gongkai-server';
import { makeTempDir } from '../helpers/ingest-fixture';
import { requireSeeds } from '../helpers/paths';
import { e2eContext, browserSession, waitForEngine } from './support';

let tmp: string;
let served: Served;
let browser: Browser;
const seeds = requireSeeds();
const expectedIds = readdirSync(seeds)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => `seeds/${name}`);

const session = browserSession();

beforeAll(async () => {
  tmp = makeTempDir('gongkai-e2e-open-');
  served = await startGongkai(['open', seeds], { ...process.env, GONGKAI_DIST: e2eContext().distDir, XDG_CACHE_HOME: join(tmp, 'cache') });
  ({ browser } = session);
}, 180_000);

afterAll(async () => {
  await served?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('gongkai open in the browser', () => {
  it('shows the dataset of the folder opened, each report linked to its source file', async () => {
    expect(expectedIds.length).toBeGreaterThan(1);
    const { page } = browser;
    await page.goto(`${served.url}?bench=1`);
    await waitForEngine(page);
    const outcome = await page.evaluate(async () => {
      const hook = (window as unknown as { __gongkai: { query(sql: string): Promise<{ report_id: string }[]> } }).__gongkai;
      const ids = (await hook.query('SELECT report_id FROM reports ORDER BY report_id')).map((row) => String(row.report_id));
      const statuses = await Promise.all(ids.map(async (id) => (await fetch(new URL(`sources/${id}`, document.baseURI))).status));
      return { ids, statuses };
    });
    expect(outcome.ids).toEqual(expectedIds);
    expect(outcome.statuses).toEqual(expectedIds.map(() => 200));
    expect(browser.offline).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
