// Same answers in both places (issue 14 item 3): every corpus file (../shared/corpus and
// data/corpus, as ingest walks them) parsed in the page by the import workers gives exactly the
// JSON line `gongkai parse --json` prints for it: status, error, facts, every value with its span
// and source, every check, the warnings and the resolved division.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportJsonLine } from '../../src/ingest/report-text';
import { runParse } from '../../src/ingest/run-parse';
import { collectInputFiles } from '../../src/ingest/walk';
import { collectOutput } from '../helpers/collect-output';
import { REPO_ROOT } from '../helpers/paths';
import { hookedAppSession, parseInPage } from './import-support';

const INPUTS = [resolve(REPO_ROOT, '../shared/corpus'), resolve(REPO_ROOT, 'data/corpus')];
const BATCH = 16;

const session = hookedAppSession();
let page: Page;

beforeAll(() => {
  ({ page } = session);
});

describe('a report parsed in the page', () => {
  it('gives what gongkai parse --json gives, for every corpus file', { timeout: 900_000 }, async () => {
    const io = collectOutput();
    await runParse(INPUTS, true, io);
    const cli = new Map(io.stdout.text.trim().split('\n').map((line) => [(JSON.parse(line) as { file: string }).file, line]));
    const files = await collectInputFiles(INPUTS);
    expect(files.length).toBeGreaterThan(300);
    expect(cli.size).toBe(files.length);
    const formats = new Set<string>();
    for (let i = 0; i < files.length; i += BATCH) {
      const batch = files.slice(i, i + BATCH);
      const contents = await Promise.all(batch.map(async (f) => ({ name: basename(f.path), base64: (await readFile(f.path)).toString('base64') })));
      const answers = await parseInPage(page, contents);
      batch.forEach((f, j) => {
        const a = answers[j];
        formats.add(f.path.slice(f.path.lastIndexOf('.') + 1));
        const line = reportJsonLine({ id: f.id, file: f.path, parsed: a.parsed, sha256: a.sha256, bytes: a.bytes, jurisdiction: a.jurisdiction });
        expect(line, f.path).toBe(`${cli.get(f.path)}\n`);
      });
    }
    expect([...formats].sort()).toEqual(expect.arrayContaining(['html', 'pdf', 'txt']));
  });
});
