// Corrections in the page (issue 14 item 5), in Chromium: a person corrects, rejects and adds a
// value in the Report view; the corrections survive a reload, show as corrections, reach the
// views that use them; the exported corrections.csv is read by src/parse/corrections.ts, and
// `gongkai ingest --corrections` on the same report file gives the same values and checks.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatExact, formatNumber } from '../../src/charts/format';
import { main } from '../../src/ingest/cli';
import { readCorrectionsCsv } from '../../src/parse/corrections';
import { METRICS_BY_SECTION } from '../../src/shared/metric-catalogue';
import { WIDE_METRICS, wideColumnName } from '../../src/shared/wide-metrics';
import { collectOutput } from '../helpers/collect-output';
import { makeTempDir } from '../helpers/ingest-fixture';
import { openNativeDataset, type NativeDataset, type NativeRow } from '../helpers/native-duckdb';
import { SHIPPED_CORPUS } from '../helpers/shipped-dataset';
import { browserSession, correctValue, downloadFrom, openApp, READY_TIMEOUT, valueRow as valueRowOf } from './support';

let page: Page;
let native: NativeDataset;
let tmp: string;
/** The report corrected: its id, file, body and year, and the metrics corrected, rejected and added. */
let report: { id: string; body: string; year: number };
let corrected: { metric: string; printed: number; value: number };
let rejected: { metric: string; printed: number };
let added: { metric: string; value: number; span: { start: number; end: number; text: string } };

const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Rows of read-only SQL over the page's database (`?bench=1`). */
async function pageRows(sql: string): Promise<NativeRow[]> {
  return page.evaluate(async (text) => {
    const hook = (window as unknown as { __gongkai: { query(sql: string): Promise<Record<string, unknown>[]> } }).__gongkai;
    return hook.query(text);
  }, sql);
}

async function openReport(): Promise<void> {
  await openApp(page, [['view', 'report'], ['report', report.id], ['bench', '1']]);
  await page.getByTestId('value-row').first().waitFor({ timeout: READY_TIMEOUT });
}

const valueRow = (metric: string) => valueRowOf(page, metric);
const correct = (metric: string, fill: (form: Locator) => Promise<void>) => correctValue(page, metric, fill);

const session = browserSession();

beforeAll(async () => {
  ({ page, native } = session);
  tmp = makeTempDir('gongkai-e2e-corrections-');
  // A self report of a body with one report that year, printing r.new.total once and another
  // facts_wide metric once: its body's Compare series is this report's figure.
  const candidates = (await native.rows({
    sql: `SELECT f.report_id, f.body_key, f.year FROM facts_wide f
          WHERE f.scope = 'self' AND f.status = 'ok' AND f.body_year_reports = 1 AND f.body_key IS NOT NULL AND f.r_new_total IS NOT NULL
            AND (SELECT count(*) FROM "values" v WHERE v.report_id = f.report_id AND v.metric = 'r.new.total' AND NOT v.derived) = 1
          ORDER BY f.report_id`,
    params: [],
  })) as { report_id: string; body_key: string; year: number }[];
  expect(candidates.length).toBeGreaterThan(0);
  for (const c of candidates) {
    const values = (await native.rows({ sql: 'SELECT metric, value, derived FROM "values" WHERE report_id = ? ORDER BY "start", metric', params: [c.report_id] })) as { metric: string; value: number; derived: boolean }[];
    const once = (m: string) => values.filter((v) => v.metric === m).length === 1;
    const other = values.find((v) => !v.derived && v.metric !== 'r.new.total' && WIDE_METRICS.includes(v.metric) && once(v.metric) && !/^r\.new\./.test(v.metric));
    if (!other) continue;
    const [{ text }] = (await native.rows({ sql: 'SELECT text FROM texts WHERE report_id = ?', params: [c.report_id] })) as { text: string }[];
    const digits = /\d{2,}/.exec(text.slice(200));
    if (!digits) continue;
    const start = 200 + digits.index;
    report = { id: c.report_id, body: c.body_key, year: c.year };
    corrected = { metric: 'r.new.total', printed: values.find((v) => v.metric === 'r.new.total')!.value, value: 0 };
    corrected.value = corrected.printed + 1000;
    rejected = { metric: other.metric, printed: other.value };
    const missing = Object.values(METRICS_BY_SECTION).flat().find((m) => !values.some((v) => v.metric === m) && !/\.total/.test(m))!;
    added = { metric: missing, value: 7, span: { start, end: start + digits[0].length, text: digits[0] } };
    break;
  }
  expect(report, 'a report to correct').toBeDefined();
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('corrections in the page', () => {
  it('corrects a value: kept across a reload, shown as a correction, used by the views with a note', async () => {
    await openReport();
    await correct(corrected.metric, async (form) => {
      await form.getByTestId('correction-value').fill(String(corrected.value));
      await form.getByTestId('correction-note').fill('合计印错');
      await form.getByTestId('correction-author').fill('测试员');
    });
    await valueRow(corrected.metric).getByTestId('value-corrected').waitFor({ timeout: READY_TIMEOUT });

    // A fresh load (the page drops `bench` from its URL, so a reload would lose the test hook).
    await openReport();
    await valueRow(corrected.metric).getByTestId('value-corrected').waitFor({ timeout: READY_TIMEOUT });
    const row = valueRow(corrected.metric);
    await expect(row.getByTestId('value-printed').textContent()).resolves.toBe(formatExact(corrected.printed));
    await expect(row.getByTestId('value-corrected').textContent()).resolves.toBe(formatExact(corrected.value));
    await expect(row.getByTestId('value-correction-note').textContent()).resolves.toContain('测试员');
    await expect(row.getByTestId('value-correction-note').textContent()).resolves.toContain('合计印错');
    await expect(page.getByTestId('correction-row').count()).resolves.toBe(1);
    await expect(page.getByTestId('correction-status').textContent()).resolves.toBe('已应用');

    const column = wideColumnName(corrected.metric);
    expect(await pageRows(`SELECT ${column} AS v FROM facts_wide WHERE report_id = ${sqlText(report.id)}`)).toEqual([{ v: corrected.value }]);
    const [nation] = await native.rows({ sql: `SELECT sum(${column}) AS v FROM rollups WHERE division_level = 'nation'`, params: [] });
    expect(await pageRows(`SELECT sum(${column}) AS v FROM rollups WHERE division_level = 'nation'`)).toEqual([{ v: (nation.v as number) + 1000 }]);

    // The Compare view over the report's body shows the corrected figure and says it holds a correction.
    await openApp(page, [['view', 'compare'], ['e', report.body]]);
    await page.getByTestId('compare-table').waitFor({ timeout: READY_TIMEOUT });
    await page.getByTestId('corrections-compare').waitFor({ timeout: READY_TIMEOUT });
    await expect(page.getByTestId('corrections-compare').textContent()).resolves.toContain('含 1 处人工更正');
    await expect(page.getByTestId('compare-table').locator('td').allTextContents()).resolves.toContain(formatNumber(corrected.value, 'zh'));
    const csv = (await downloadFrom(page, 'csv-compare')).bytes.toString('utf8');
    const [header, ...lines] = csv.replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(','));
    expect(header.at(-1)).toBe('corrected');
    const mine = lines.find((l) => l[header.indexOf('report_id')] === report.id)!;
    expect([mine[header.indexOf('value')], mine.at(-1)]).toEqual([String(corrected.value), 'true']);

    // The overview's yearly sums pool every own report (this one with them) and say so; its counts of
    // reports (by year and level, by template) rest on no value and say nothing (audit38 F10).
    await openApp(page, [['view', 'overview']]);
    await page.getByTestId('corrections-trends').waitFor({ timeout: READY_TIMEOUT });
    await expect(page.getByTestId('corrections-trends').textContent()).resolves.toContain('含 1 处人工更正');
    for (const id of ['overview', 'templates']) await page.locator(`[data-testid=panel-${id}][aria-busy=false]`).waitFor({ timeout: READY_TIMEOUT });
    await expect(page.getByTestId('corrections-overview').count()).resolves.toBe(0);
    await expect(page.getByTestId('corrections-templates').count()).resolves.toBe(0);
    // Four page loads and a download: 15-52 s on this 2-core machine as its load varies.
  }, 120_000);

  it('rejects a value: gone from the views, the printed value still visible in the Report view', async () => {
    await openReport();
    await valueRow(corrected.metric).getByTestId('value-corrected').waitFor({ timeout: READY_TIMEOUT });
    await correct(rejected.metric, async (form) => {
      await form.getByTestId('correction-mode-reject').check();
      await form.getByTestId('correction-note').fill('误读');
      // The name given before is remembered.
      await expect(form.getByTestId('correction-author').inputValue()).resolves.toBe('测试员');
    });
    const row = valueRow(rejected.metric);
    await row.locator('.rejected').waitFor({ timeout: READY_TIMEOUT });
    await expect(row.getByTestId('value-printed').textContent()).resolves.toBe(formatExact(rejected.printed));
    expect(await pageRows(`SELECT ${wideColumnName(rejected.metric)} AS v FROM facts_wide WHERE report_id = ${sqlText(report.id)}`)).toEqual([{ v: null }]);
    expect(await pageRows(`SELECT value, printed_value, corrected FROM "values" WHERE report_id = ${sqlText(report.id)} AND metric = ${sqlText(rejected.metric)}`)).toEqual([
      { value: null, printed_value: rejected.printed, corrected: true },
    ]);
  });

  it('adds a missing value with the text selected as its source', async () => {
    await page.evaluate(({ start, end }) => {
      const pre = document.querySelector('[data-testid="report-text"]')!;
      const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let at = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent!.length;
        if (start >= at && start <= at + length) range.setStart(node, start - at);
        if (end >= at && end <= at + length) {
          range.setEnd(node, end - at);
          break;
        }
        at += length;
      }
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    }, added.span);
    await page.waitForFunction(() => document.getSelection()?.toString().length);
    await page.getByTestId('value-add').click();
    const form = page.getByTestId('correction-form');
    await expect(form.getByTestId('correction-span').textContent()).resolves.toBe(added.span.text);
    await form.getByTestId('correction-metric').selectOption(added.metric);
    await form.getByTestId('correction-value').fill(String(added.value));
    await form.getByTestId('correction-note').fill('表外说明');
    await form.getByTestId('correction-save').click();
    await form.waitFor({ state: 'detached', timeout: READY_TIMEOUT });
    const row = valueRow(added.metric);
    await row.getByTestId('value-corrected').waitFor({ timeout: READY_TIMEOUT });
    await expect(row.getByTestId('value-printed').count()).resolves.toBe(0);
    await row.click();
    const marked = await page.locator('[data-testid="report-text"] mark.active').allTextContents();
    expect(marked).toContain(added.span.text);
    expect(await pageRows(`SELECT "start", "end", value, printed_value FROM "values" WHERE report_id = ${sqlText(report.id)} AND metric = ${sqlText(added.metric)}`)).toEqual([
      { start: added.span.start, end: added.span.end, value: added.value, printed_value: null },
    ]);
  });

  it('exports corrections.csv that gongkai ingest --corrections applies to the same file with the same values and checks', async () => {
    const { name, bytes } = await downloadFrom(page, 'corrections-export');
    expect(name).toBe('corrections.csv');
    const file = readCorrectionsCsv(bytes.toString('utf8'));
    expect(file.rows.filter((r) => r.status === 'invalid')).toEqual([]);
    expect(file.valid.map((c) => [c.metric, c.value, c.author]).sort()).toEqual(
      [[corrected.metric, corrected.value, '测试员'], [rejected.metric, null, '测试员'], [added.metric, added.value, '测试员']].sort(),
    );

    const [{ file: path }] = (await native.rows({ sql: 'SELECT file FROM reports WHERE report_id = ?', params: [report.id] })) as { file: string }[];
    mkdirSync(join(tmp, 'reports'));
    const source = join(SHIPPED_CORPUS, report.id.split('/').slice(1).join('/'));
    copyFileSync(source, join(tmp, 'reports', 'report.txt'));
    writeFileSync(join(tmp, 'corrections.csv'), bytes);
    const io = collectOutput();
    expect(await main(['ingest', join(tmp, 'reports'), '--out', join(tmp, 'out'), '--corrections', join(tmp, 'corrections.csv')], io), `${path}: ${io.stderr.text}`).toBe(0);
    expect(io.stdout.text).toContain('corrections: applied 3 · unused 0 · invalid 0');
    const cli = await openNativeDataset(join(tmp, 'out'));
    try {
      const values = (id: string) => `SELECT metric, value, printed_value, corrected, correction_note, correction_author, derived FROM "values" WHERE report_id = ${sqlText(id)} ORDER BY metric, value NULLS LAST`;
      const checks = (id: string) => `SELECT id, status, expected, actual, metrics, basis FROM checks WHERE report_id = ${sqlText(id)} ORDER BY basis, id`;
      const wide = (id: string) => `SELECT n_failed_checks, ${WIDE_METRICS.map(wideColumnName).join(', ')} FROM facts_wide WHERE report_id = ${sqlText(id)}`;
      for (const sql of [values, checks, wide]) {
        const inPage = await pageRows(sql(report.id));
        expect(inPage.length).toBeGreaterThan(0);
        expect(inPage).toEqual(await cli.rows({ sql: sql('reports/report.txt'), params: [] }));
      }
      const [{ n }] = await cli.rows({ sql: `SELECT count(*)::INTEGER AS n FROM checks WHERE basis = 'corrected'`, params: [] });
      expect(n).toBeGreaterThan(0);
    } finally {
      cli.close();
    }
  });

  it('removes every correction (the printed values come back) and imports the exported file again', async () => {
    const { bytes } = await downloadFrom(page, 'corrections-export');
    while ((await page.getByTestId('correction-row').count()) > 0) {
      const before = await page.getByTestId('correction-row').count();
      await page.getByTestId('correction-remove').first().click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="correction-row"]').length < n, before);
    }
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="value-correction"]').length === 0, undefined, { timeout: READY_TIMEOUT });
    const printed = await native.rows({ sql: 'SELECT metric, value FROM "values" WHERE report_id = ? ORDER BY metric, value', params: [report.id] });
    expect(await pageRows(`SELECT metric, value FROM "values" WHERE report_id = ${sqlText(report.id)} ORDER BY metric, value`)).toEqual(printed);

    await page.getByTestId('corrections-import').setInputFiles({ name: 'corrections.csv', mimeType: 'text/csv', buffer: bytes });
    await expect(page.getByTestId('corrections-message').textContent()).resolves.toContain('已导入 3 条更正');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="correction-row"]').length === 3);
    await valueRow(corrected.metric).getByTestId('value-corrected').waitFor({ timeout: READY_TIMEOUT });
    await expect(page.getByTestId('correction-status').allTextContents()).resolves.toEqual(['已应用', '已应用', '已应用']);
  });
});
