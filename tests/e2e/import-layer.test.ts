// The user's layer beside the dataset (issue 14), in Chromium: a file the dataset already holds
// (same sha256) is counted once in views over both layers; a correction of an imported report
// behaves as one of a shipped report (printed value kept, `corrected`, checks re-run) and lasts
// across a fresh load; the import pool replaces a worker that dies (its file failed with the
// reason, the rest parsed), keeps its byte budget, and cancel keeps what finished.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { formatExact } from '../../src/charts/format';
import { wideColumnName } from '../../src/shared/wide-metrics';
import type { NativeDataset } from '../helpers/native-duckdb';
import { REPO_ROOT } from '../helpers/paths';
import { waitForLayer } from './import-support';
import { appUrl, browserSession, correctValue, downloadFrom, READY_TIMEOUT, valueRow, waitForEngine } from './support';

const SEEDS = resolve(REPO_ROOT, 'data/corpus/seeds');

let page: Page;
let native: NativeDataset;
/** A shipped report imported as is (a duplicate) and one imported with a line added (the user's own). */
let same: { name: string; sha256: string; datasetId: string };
let own: { name: string; id: string; metric: string; printed: number };

type Row = Record<string, unknown>;
const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

const query = (sql: string): Promise<Row[]> =>
  page.evaluate(async (text) => {
    const hook = (window as unknown as { __gongkai: { query(sql: string): Promise<Row[]> } }).__gongkai;
    return hook.query(text);
  }, sql);
const count = async (sql: string): Promise<number> => Number((await query(sql))[0].n);

interface RunOptions {
  workers?: number;
  budgetBytes?: number;
  crash?: string[];
  startMs?: number;
  stallStarts?: number;
  dieStarts?: number;
}

/** Imports named files through the page's hook (the page's own pool and store); answers the most bytes in flight. */
const run = (files: { path: string; text?: string; bytes?: number }[], options: RunOptions = {}): Promise<number> =>
  page.evaluate(
    ({ files, options }) => {
      const hook = (window as unknown as { __gongkaiImport: { run(files: { path: string; blob: Blob }[], options: RunOptions): Promise<number> } }).__gongkaiImport;
      return hook.run(files.map((f) => ({ path: f.path, blob: new Blob([f.text ?? new Uint8Array(f.bytes ?? 0)]) })), options);
    },
    { files, options },
  );

const waitIdle = (): Promise<string> => waitForLayer(page, false);

/** Opens the overview (or the Report view of `report`) with the test hooks, once the layer is in. */
async function open(report?: string): Promise<void> {
  await page.goto(appUrl([...(report ? [['view', 'report'], ['report', report]] as [string, string][] : []), ['bench', '1']]));
  if (report) await page.getByTestId('value-row').first().waitFor({ timeout: READY_TIMEOUT });
  else await waitForEngine(page);
  await waitIdle();
}

async function openPanel(): Promise<void> {
  if (!(await page.getByTestId('import-panel').isVisible())) await page.getByTestId('import-toggle').click();
}

/** Removes every imported report (none left by an earlier test). */
async function removeAll(): Promise<void> {
  if ((await page.getByTestId('import-remove-all').count()) === 0) return;
  await openPanel();
  await page.getByTestId('import-remove-all').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="import-toggle"]')?.getAttribute('data-layer-version') === '', undefined, { timeout: READY_TIMEOUT });
}

/** The overview with no imported report. */
async function openEmpty(): Promise<void> {
  await open();
  await removeAll();
}

const seedText = (name: string) => readFileSync(join(SEEDS, name), 'utf8');

const session = browserSession();

beforeAll(async () => {
  ({ page, native } = session);
  // The user's own: a seed that prints r.new.total once, not derived.
  const [pick] = (await native.rows({
    sql: `SELECT r.report_id, v.value FROM reports r JOIN "values" v USING (report_id)
          WHERE r.report_id LIKE '%seeds/%' AND v.metric = 'r.new.total' AND NOT v.derived
            AND (SELECT count(*) FROM "values" w WHERE w.report_id = r.report_id AND w.metric = 'r.new.total') = 1
          ORDER BY r.report_id DESC LIMIT 1`,
    params: [],
  })) as { report_id: string; value: number }[];
  expect(pick, 'a seed report printing r.new.total').toBeDefined();
  const ownName = pick.report_id.slice(pick.report_id.lastIndexOf('/') + 1);
  own = { name: ownName, id: `mine/${ownName}`, metric: 'r.new.total', printed: pick.value };
  const sameName = ['2019-liaoning-fuxin-city.txt', '2013-heilongjiang-yichun-city.txt'].find((n) => n !== ownName)!;
  const sha256 = createHash('sha256').update(readFileSync(join(SEEDS, sameName))).digest('hex');
  const datasetId = pick.report_id.replace(ownName, sameName);
  same = { name: sameName, sha256, datasetId };
}, 120_000);


describe('the user layer beside the dataset', { timeout: 300_000 }, () => {
  it('counts a file the dataset already holds once in views over both layers, and still zips it', async () => {
    await open();
    const dataset = await count('SELECT count(*) AS n FROM reports');
    expect(await count(`SELECT count(*) AS n FROM reports WHERE sha256 = ${sqlText(same.sha256)}`)).toBe(1);
    await run([
      { path: `mine/${same.name}`, text: seedText(same.name) },
      { path: own.id, text: `${seedText(own.name)}\n` },
    ]);
    await openPanel();
    const list = page.getByTestId('import-list').locator('li');
    await expect(list.count()).resolves.toBe(2);
    await expect(page.getByTestId('import-duplicate').allTextContents()).resolves.toEqual([expect.stringContaining(same.datasetId)]);
    expect(await count('SELECT count(*) AS n FROM reports')).toBe(dataset + 1);
    expect(await count(`SELECT count(*) AS n FROM reports WHERE sha256 = ${sqlText(same.sha256)}`)).toBe(1);
    expect(await query(`SELECT layer FROM facts_wide WHERE report_id IN (${sqlText(same.datasetId)}, ${sqlText(`mine/${same.name}`)})`)).toEqual([{ layer: 'dataset' }]);
    // The nation's rollups over both: the dataset's plus the one report of the user's own.
    const [{ reports }] = (await native.rows({ sql: `SELECT sum(r_new_total__reports) AS reports FROM rollups WHERE division_level = 'nation'`, params: [] })) as { reports: number }[];
    expect(await query(`SELECT sum(r_new_total__reports) AS n FROM rollups WHERE division_level = 'nation'`)).toEqual([{ n: Number(reports) + 1 }]);
    // The zip is the folder ingest writes for both files.
    const zip = unzipSync(new Uint8Array((await downloadFrom(page, 'import-download')).bytes));
    const manifest = JSON.parse(new TextDecoder().decode(zip['gongkai-imported/manifest.json'])) as { tables: { reports: { rows: number } } };
    expect(manifest.tables.reports.rows).toBe(2);
  });

  it('corrects a value of an imported report as one of the dataset: printed value kept, checks re-run, kept across a load', async () => {
    const corrected = own.printed + 1000;
    await open(own.id);
    await correctValue(page, own.metric, { value: corrected, note: '合计印错', author: '测试员' });
    const row = valueRow(page, own.metric);
    await row.getByTestId('value-corrected').waitFor({ timeout: READY_TIMEOUT });

    const check = async () => {
      expect(await query(`SELECT value, printed_value, corrected, layer FROM "values" WHERE report_id = ${sqlText(own.id)} AND metric = ${sqlText(own.metric)}`)).toEqual([
        { value: corrected, printed_value: own.printed, corrected: true, layer: 'user' },
      ]);
      expect(await count(`SELECT count(*) AS n FROM checks WHERE report_id = ${sqlText(own.id)} AND basis = 'corrected'`)).toBeGreaterThan(0);
      expect(await count(`SELECT count(*) AS n FROM checks WHERE report_id = ${sqlText(own.id)} AND basis = 'printed'`)).toBeGreaterThan(0);
      expect(await query(`SELECT ${wideColumnName(own.metric)} AS v FROM facts_wide WHERE report_id = ${sqlText(own.id)}`)).toEqual([{ v: corrected }]);
      expect(await query(`SELECT status, report_id FROM main.user_corrections`)).toEqual([{ status: 'applied', report_id: own.id }]);
    };
    await check();
    // A fresh load: the layer is built again from the browser's store and corrected again.
    await open(own.id);
    await row.getByTestId('value-corrected').waitFor({ timeout: READY_TIMEOUT });
    await expect(row.getByTestId('value-printed').textContent()).resolves.toBe(formatExact(own.printed));
    await expect(row.getByTestId('value-corrected').textContent()).resolves.toBe(formatExact(corrected));
    await check();
    // Removing the correction restores what the report printed.
    await page.getByTestId('correction-remove').first().click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="value-corrected"]').length === 0, undefined, { timeout: READY_TIMEOUT });
    expect(await query(`SELECT value, printed_value, corrected FROM "values" WHERE report_id = ${sqlText(own.id)} AND metric = ${sqlText(own.metric)}`)).toEqual([
      { value: own.printed, printed_value: own.printed, corrected: false },
    ]);
  });

  it('replaces a worker that dies: its file failed with the reason, the other files parsed', async () => {
    await openEmpty();
    const text = seedText(own.name);
    const files = ['a', 'b', 'c', 'd'].map((n) => ({ path: `pool/${n}.txt`, text: `${text}\n${n}` }));
    await run(files, { workers: 1, crash: ['b.txt'] });
    await openPanel();
    const items = page.getByTestId('import-list').locator('li');
    await expect(items.count()).resolves.toBe(4);
    const failed = items.filter({ hasText: 'pool/b.txt' });
    await expect(failed.getAttribute('data-status')).resolves.toBe('failed');
    // the reason in the page's language, the parser's own words as its title
    await expect(failed.getByTestId('import-reason').textContent()).resolves.toContain('解析程序崩溃');
    await expect(failed.getByTestId('import-reason').getAttribute('title')).resolves.toContain('parser crashed');
    expect(await query(`SELECT report_id, status = 'failed' AS failed FROM reports WHERE layer = 'user' ORDER BY report_id`)).toEqual([
      { report_id: 'pool/a.txt', failed: false },
      { report_id: 'pool/b.txt', failed: true },
      { report_id: 'pool/c.txt', failed: false },
      { report_id: 'pool/d.txt', failed: false },
    ]);
  });

  it('replaces a worker that never starts: its files parsed by the next one, none failed; attempts bounded', async () => {
    await openEmpty();
    const text = seedText(own.name);
    const files = ['a', 'b', 'c'].map((n) => ({ path: `slow/${n}.txt`, text: `${text}\n${n}` }));
    // The first worker never answers init (a machine too busy to run it): the second parses all.
    await run(files, { workers: 1, startMs: 5000, stallStarts: 1 });
    expect(await query(`SELECT report_id, status = 'failed' AS failed FROM reports WHERE layer = 'user' ORDER BY report_id`)).toEqual([
      { report_id: 'slow/a.txt', failed: false },
      { report_id: 'slow/b.txt', failed: false },
      { report_id: 'slow/c.txt', failed: false },
    ]);
    // No worker ever starts: after three attempts the file fails with the reason, the import ends.
    await run([{ path: 'slow/d.txt', text: `${text}\nd` }], { workers: 1, startMs: 200, stallStarts: 99 });
    expect(await query(`SELECT error FROM reports WHERE layer = 'user' AND report_id = 'slow/d.txt'`)).toEqual([
      { error: 'import worker did not start: 3 attempts, the last given 0.8 s' },
    ]);
  });

  it('a worker that fails as it loads (a promise rejected, never handled) is replaced at once, and with none that loads the file fails with the error, not after minutes', async () => {
    await openEmpty();
    const text = seedText(own.name);
    // The start limit a silent worker gets (60 s, then 120 and 240, past this test's 300 s): a failed load is not given it.
    await run([{ path: 'dies/a.txt', text: `${text}\na` }], { workers: 1, startMs: 60_000, dieStarts: 1 });
    expect(await query(`SELECT report_id, status = 'failed' AS failed FROM reports WHERE layer = 'user' AND report_id LIKE 'dies/%'`)).toEqual([{ report_id: 'dies/a.txt', failed: false }]);
    await run([{ path: 'dies/b.txt', text: `${text}\nb` }], { workers: 1, startMs: 60_000, dieStarts: 99 });
    expect(await query(`SELECT error FROM reports WHERE layer = 'user' AND report_id = 'dies/b.txt'`)).toEqual([
      { error: 'import worker could not start: Uncaught Error: import worker failed as it loaded (test hook) (3 attempts)' },
    ]);
  });

  it("a build whose call into the browser never answers is built again at once by a new worker, in memory, not after the build's 30 s of silence", async () => {
    await openEmpty();
    const text = seedText(own.name);
    type Hook = { stallNextBuild(): void; build(): string | null; spilled(): boolean };
    await page.evaluate(() => (window as unknown as { __gongkaiImport: Hook }).__gongkaiImport.stallNextBuild());
    await run([{ path: 'stalled/a.txt', text: `${text}\na` }], { workers: 1 });
    const built = await page.evaluate(() => {
      const hook = (window as unknown as { __gongkaiImport: Hook }).__gongkaiImport;
      return { reached: hook.build(), spilled: hook.spilled() };
    });
    // The first worker said where it waited (', stalled'): a silent one is marked only by the page's own limit.
    expect(built.reached).toMatch(/^attempt 1: spill: a call that never answers \(test hook\) \(at \d+ ms, stalled\); attempt 2: [^;]+$/);
    expect(built.spilled).toBe(false);
    expect(await query(`SELECT report_id FROM reports WHERE layer = 'user'`)).toEqual([{ report_id: 'stalled/a.txt' }]);
  });

  it('keeps the bytes in flight within the budget', async () => {
    await openEmpty();
    const big = Array.from({ length: 8 }, (_, i) => ({ path: `big/${i}.txt`, bytes: 3_000_000 }));
    const budget = 5_000_000;
    // One file may pass the budget alone; never two at once.
    const peak = await run(big, { workers: 1, budgetBytes: budget });
    expect(peak).toBe(3_000_000);
    // Without the budget's bound, every lane holds a file at once: the budget is what kept them out.
    const unbounded = await run(big.map((f) => ({ ...f, path: f.path.replace('big/', 'big2/') })), { workers: 1, budgetBytes: 1e12 });
    expect(unbounded).toBeGreaterThan(budget);
    expect(await count(`SELECT count(*) AS n FROM reports WHERE layer = 'user' AND status = 'failed'`)).toBe(16);
  });

  it('cancel stops the run and keeps the reports that finished', async () => {
    await openEmpty();
    const text = seedText(own.name);
    const files = Array.from({ length: 400 }, (_, i) => ({ path: `many/${String(i).padStart(3, '0')}.txt`, text: `${text}\n${i}` }));
    const running = run(files, { workers: 1 });
    await openPanel();
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="import-progress"]');
      // at least one file parsed (the bar's value; the text opens with its step number now)
      return el?.getAttribute('data-running') === 'true' && (el.querySelector('progress')?.value ?? 0) > 0;
    }, undefined, { timeout: READY_TIMEOUT });
    await page.getByTestId('import-cancel').click();
    await running;
    await waitIdle();
    const progress = page.getByTestId('import-progress');
    await expect(progress.getAttribute('data-running')).resolves.toBe('false');
    await expect(progress.textContent()).resolves.toContain('已取消');
    const kept = await count(`SELECT count(*) AS n FROM reports WHERE layer = 'user'`);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(files.length);
    expect(await count(`SELECT count(*) AS n FROM reports WHERE layer = 'user' AND error = 'import cancelled'`)).toBe(0);
    await expect(page.getByTestId('import-list').locator('li').count()).resolves.toBe(kept);
  });
});
