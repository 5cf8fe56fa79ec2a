// A Word 97–2003 .doc parsed in the page's import worker gives exactly the JSON line `gongkai
// parse --json` prints for it (the same reader, src/parse/input/doc.ts, runs in both), with its values.
import { copyFileSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportJsonLine } from '../../src/ingest/report-text';
import { runParse } from '../../src/ingest/run-parse';
import { collectInputFiles } from '../../src/ingest/walk';
import { collectOutput } from '../helpers/collect-output';
import { makeTempDir } from '../helpers/ingest-fixture';
import { libreOfficeFiles, PRODUCER_FIXTURES } from '../helpers/producers';
import { hookedAppSession, parseInPage } from './import-support';

const session = hookedAppSession();
let page: Page;

beforeAll(() => {
  ({ page } = session);
});

describe('a .doc imported in the page', () => {
  it('gives what gongkai parse --json gives, values included', { timeout: 300_000 }, async () => {
    const dir = makeTempDir('gongkai-doc-');
    const docs = libreOfficeFiles().filter(({ file }) => file.name.endsWith('.doc'));
    expect(docs.length).toBe(8);
    for (const { file } of docs) copyFileSync(join(PRODUCER_FIXTURES, file.name), join(dir, file.name));
    const io = collectOutput();
    await runParse([dir], true, io);
    const cli = new Map(io.stdout.text.trim().split('\n').map((line) => [(JSON.parse(line) as { file: string }).file, line]));
    const files = await collectInputFiles([dir]);
    const answers = await parseInPage(page, files.map((f) => ({ name: basename(f.path), base64: readFileSync(f.path).toString('base64') })));
    files.forEach((f, j) => {
      const a = answers[j];
      expect(a.parsed.status, `${f.path}: ${a.parsed.error}`).toBe('ok');
      expect(a.parsed.facts.encoding).toBe('doc');
      expect(a.parsed.values.length).toBeGreaterThan(30);
      const line = reportJsonLine({ id: f.id, file: f.path, parsed: a.parsed, sha256: a.sha256, bytes: a.bytes, jurisdiction: a.jurisdiction });
      expect(line, f.path).toBe(`${cli.get(f.path)}\n`);
    });
  });
});
