// Calls into the browser that never answer (issue 14), in Chromium with the app's test hooks
// (workers/bounded-wait.ts: a call of a kind is not made and never answers; every limit shortened):
// an import whose worker's store, file read or digest never answers ends, the files it held failed
// with the reason naming the call in both languages, the rest stored; a reload whose IndexedDB open
// never answers says so on the import button, the dataset's views still answer, and the kept
// reports come back at the next load; a correction whose write never answers says so in its form.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { stalledReason, type BrowserCall } from '../../workers/bounded-wait';
import { REPO_ROOT } from '../helpers/paths';
import { pageQuery, waitForLayer } from './import-support';
import { appUrl, browserSession, READY_TIMEOUT, valueRow, waitForEngine } from './support';

const LIMIT_MS = 1500;
const seed = readFileSync(join(resolve(REPO_ROOT, 'data/corpus/seeds'), '2019-liaoning-fuxin-city.txt'), 'utf8');

let page: Page;
const session = browserSession();
beforeAll(() => {
  page = session.page;
});

async function open(query: [string, string][] = []): Promise<void> {
  await page.goto(appUrl([['bench', '1'], ...query]));
  await waitForEngine(page);
  await waitForLayer(page, false);
}

/** Removes every imported report. */
async function removeAll(): Promise<void> {
  await page.evaluate(() => new Promise((done) => {
    const request = indexedDB.deleteDatabase('gongkai-user-layer');
    request.onsuccess = request.onerror = request.onblocked = done;
  }));
}

/** Imports texts through the page's pool (one worker), `stalls` of its calls never answering, each named call given LIMIT_MS. */
const run = (files: { path: string; text: string }[], stalls: Partial<Record<BrowserCall, number>>) =>
  page.evaluate(
    ({ files, stalls, limitMs }) => {
      const hook = (window as unknown as { __gongkaiImport: { run(files: { path: string; blob: Blob }[], options: object): Promise<number> } }).__gongkaiImport;
      return hook.run(files.map((f) => ({ path: f.path, blob: new Blob([f.text]) })), { workers: 1, stalls, limitMs });
    },
    { files, stalls, limitMs: LIMIT_MS },
  );

const userReports = () => pageQuery(page, `SELECT report_id, status, error FROM reports WHERE layer = 'user' ORDER BY report_id`);
/** Three copies of a seed (each its own bytes), the year in their names as the seed's own name gives it. */
const files = (folder: string) => ['a', 'b', 'c'].map((name, i) => ({ path: `${folder}/2019-${name}.txt`, text: `${seed}${'\n'.repeat(i + 1)}` }));

describe('calls into the browser that never answer', { timeout: 300_000 }, () => {
  it("an import whose worker's store never answers ends: that batch's file failed with the reason, the others stored", async () => {
    await open();
    await removeAll();
    await open();
    // The worker stores its first report at once, alone: that store never answers.
    await run(files('store'), { 'layer-write': 1 });
    await waitForLayer(page, true);
    expect(await userReports()).toEqual([
      { report_id: 'store/2019-a.txt', status: 'failed', error: `could not be stored: ${stalledReason('layer-write', LIMIT_MS)}` },
      { report_id: 'store/2019-b.txt', status: 'ok', error: null },
      { report_id: 'store/2019-c.txt', status: 'ok', error: null },
    ]);
  });

  it("an import whose worker's file reads never answer ends, each file failed with the read's reason (not the parse's time limit)", async () => {
    await removeAll();
    await open();
    await run(files('read'), { 'file-read': 100 });
    await waitForLayer(page, true);
    expect(await userReports()).toEqual(['a', 'b', 'c'].map((name) => ({ report_id: `read/2019-${name}.txt`, status: 'failed', error: `cannot read: ${stalledReason('file-read', LIMIT_MS)}` })));
  });

  it("an import whose worker's digest never answers ends, that file failed with the reason, the others parsed", async () => {
    await removeAll();
    await open();
    await run(files('digest'), { digest: 1 });
    await waitForLayer(page, true);
    expect(await userReports()).toEqual([
      { report_id: 'digest/2019-a.txt', status: 'failed', error: `cannot hash: ${stalledReason('digest', LIMIT_MS)}` },
      { report_id: 'digest/2019-b.txt', status: 'ok', error: null },
      { report_id: 'digest/2019-c.txt', status: 'ok', error: null },
    ]);
  });

  it('a reload whose IndexedDB open never answers says so on the import button; the views still answer; the reports come back at the next load', async () => {
    await removeAll();
    await open();
    await run(files('kept').slice(0, 1), {});
    await waitForLayer(page, true);
    await open([['stall', 'layer-open'], ['limitMs', String(LIMIT_MS)]]);
    const marker = page.getByTestId('import-toggle-error');
    await marker.waitFor({ timeout: READY_TIMEOUT });
    expect(await marker.getAttribute('title')).toBe(`导入出错: ${stalledReason('layer-open', LIMIT_MS)}`);
    await page.getByTestId('import-toggle').click();
    expect(await page.getByTestId('import-error').textContent()).toBe(`导入出错: ${stalledReason('layer-open', LIMIT_MS)}`);
    // The dataset's views answer (no layer loaded).
    expect(Number((await pageQuery(page, `SELECT count(*) AS n FROM reports WHERE layer = 'dataset'`))[0].n)).toBeGreaterThan(0);
    expect(await page.getByTestId('import-toggle').getAttribute('data-layer-version')).toBe('');
    // Nothing lost: the next load builds the kept report's layer.
    await open();
    await waitForLayer(page, true);
    expect((await userReports()).map((r) => r.report_id)).toEqual(['kept/2019-a.txt']);
    expect(await page.getByTestId('import-toggle-error').count()).toBe(0);
  });

  it('a correction whose write never answers says so in its form, and the form stays to try again', async () => {
    const [report] = await pageQuery(page, `SELECT r.report_id, v.metric FROM reports r JOIN "values" v USING (report_id) WHERE r.layer = 'dataset' AND v.metric = 'r.new.total' AND NOT v.derived ORDER BY r.report_id LIMIT 1`);
    await page.goto(appUrl([['bench', '1'], ['view', 'report'], ['report', String(report.report_id)]]));
    const row = valueRow(page, 'r.new.total').first();
    await row.waitFor({ timeout: READY_TIMEOUT });
    await page.waitForFunction(() => '__gongkaiImport' in window);
    await page.evaluate((limitMs) => {
      const hook = (window as unknown as { __gongkaiImport: { stallNext(call: string): void; limitForTest(ms: number | null): void } }).__gongkaiImport;
      hook.limitForTest(limitMs);
      hook.stallNext('corrections-write');
    }, LIMIT_MS);
    await row.getByTestId('value-correct').click();
    const form = page.getByTestId('correction-form');
    await form.getByTestId('correction-value').fill('12345');
    await form.getByTestId('correction-author').fill('test');
    await form.getByTestId('correction-save').click();
    const problem = page.getByTestId('correction-problem');
    await problem.waitFor({ timeout: READY_TIMEOUT });
    expect(await problem.textContent()).toMatch(new RegExp(`: ${stalledReason('corrections-write', LIMIT_MS).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(await form.isVisible()).toBe(true);
    // Tried again, it is kept.
    await form.getByTestId('correction-save').click();
    await form.waitFor({ state: 'detached', timeout: READY_TIMEOUT });
  });
});
