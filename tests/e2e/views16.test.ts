// Views that tell the truth, in real Chromium on the shipped data: what each download's rows and
// columns say (reconciliation parts, pooled Parquet, chosen bodies' outcomes, overview trends,
// coverage's governments), the overview's level colours, the pin button's icon and the embed
// code's height. Expectations come from native DuckDB.
import { strFromU8, unzipSync } from 'fflate';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PALETTE } from '../../src/charts/palette';
import { BODY_KEY_SQL, coverage, outcomeBreakdown, reconciliation, reportsByYearLevel } from '../../src/db/sql';
import type { NativeDataset } from '../helpers/native-duckdb';
import { browserSession, comparePair, csvCellOf, csvOf, downloadFrom, embedAsCopied, hexOf, openApp, parseCsv, READY_TIMEOUT, waitForChart, type Body } from './support';

const session = browserSession({ permissions: ['clipboard-read', 'clipboard-write'] });
let native: NativeDataset;
let page: Page;
let pair: [Body, Body];

beforeAll(async () => {
  ({ page, native } = session);
  pair = await comparePair(native);
  await page.setViewportSize({ width: 1280, height: 900 });
});

describe('reconciliation chart CSV', () => {
  // 番禺区 2019: the parent's own report and one child's; 海珠区 2020: an area summary and a department's.
  for (const [parent, year] of [['440113', 2019], ['440105', 2020]] as const) {
    it(`${parent} ${year}: each part says what it is in scope, the reports it rests on, and its report where it is one`, async () => {
      const [expected] = await native.rows(reconciliation({ parent, year, metric: 'r.new.total' }));
      await openApp(page, `view=reconcile&parent=${parent}&year=${year}`);
      await waitForChart(page, 'reconcile');
      const { rows, cell } = await csvOf(page, 'csv-reconcile');
      const parts = [
        ['area', expected.area_value, 'area', 1, expected.area_report_id],
        ['children', expected.children_value, 'children', expected.children_in_sum, null],
        ['parent_self', expected.parent_self_value, 'self', 1, expected.parent_self_report_id],
        ['departments', expected.departments_value, 'departments', expected.departments_in_sum, null],
      ].filter(([, value]) => value !== null);
      expect(parts.length).toBeGreaterThan(1);
      expect(rows.map((r) => ['part', 'value', 'scope', 'reports', 'report_id'].map((c) => cell(r, c)))).toEqual(parts.map((p) => p.map(csvCellOf)));
      // No two parts share a scope: only `part` told them apart before.
      expect(new Set(rows.map((r) => cell(r, 'scope'))).size).toBe(rows.length);
      // a gap over children who are not in the sum says so, with their count
      const outside = Number(expected.children_listed) - Number(expected.children_in_sum ?? 0);
      const caveat = page.getByTestId('rec-gap-incomplete');
      if (expected.gap !== null && outside > 0) await expect(caveat.textContent()).resolves.toContain(`区划表列出的 ${expected.children_listed} 个下级中 ${outside} 个不在合计内`);
      else expect(await caveat.count()).toBe(0);
      if (parent === '440113') expect(String(expected.parent_self_report_id)).toContain('panyu');
      if (parent === '440105') expect([expected.area_report_id !== null, outside > 0, expected.gap !== null]).toEqual([true, true, true]);
    });
  }
});

describe('pooled rows', () => {
  it('the Data view\'s Parquet of pooled outcomes says scope pooled and has no report_id; its ZIP\'s rows CSV too', async () => {
    await openApp(page, 'view=data&of=outcomes');
    await page.getByTestId('data-table').locator('tbody tr').first().waitFor({ timeout: READY_TIMEOUT });
    const expected = await native.rows(outcomeBreakdown({ bodies: [] }));
    const parquet = await downloadFrom(page, 'download-parquet');
    const buffer: ArrayBuffer = new Uint8Array(parquet.bytes).buffer;
    const names = parquetMetadata(buffer).schema.slice(1).map((s) => s.name);
    expect(names).toContain('scope');
    expect(names).not.toContain('report_id');
    const read = await parquetReadObjects({ file: buffer, columns: ['body_key', 'year', 'scope', 'r_handled_total'] });
    expect(read.map((r) => [r.body_key, Number(r.year), r.scope, r.r_handled_total ?? null])).toEqual(expected.map((r) => ['*', r.year, 'pooled', r.r_handled_total]));

    const zip = unzipSync(new Uint8Array((await downloadFrom(page, 'download-zip')).bytes));
    const rowsFile = Object.keys(zip).find((n) => n.endsWith('_rows.csv')) as string;
    const [header, ...rows] = parseCsv(strFromU8(zip[rowsFile]).replace(/^\ufeff/, ''));
    expect(header).toContain('scope');
    expect(header).not.toContain('report_id');
    expect(new Set(rows.map((r) => r[header.indexOf('scope')]))).toEqual(new Set(['pooled']));
  });

  it('the overview trends CSV says pooled in scope, and no column is empty on every row', async () => {
    await openApp(page, '');
    await waitForChart(page, 'trends');
    const { header, rows, cell } = await csvOf(page, 'csv-trends');
    expect(header).not.toContain('report_id');
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => cell(r, 'scope')))).toEqual(new Set(['pooled']));
    for (let c = 0; c < header.length; c++) expect(rows.some((r) => r[c] !== ''), header[c]).toBe(true);
  });
});

describe('request outcomes of chosen bodies', () => {
  it('each row names the report it rests on and its scope, as native DuckDB picks them', async () => {
    await openApp(page, [['view', 'outcomes'], ['e', pair[0].key], ['e', pair[1].key]]);
    await waitForChart(page, 'outcomes');
    const { rows, cell } = await csvOf(page, 'csv-outcomes');
    expect(rows.length).toBeGreaterThan(0);
    const reports = new Map((await native.rows({ sql: `SELECT report_id, ${BODY_KEY_SQL} AS body_key, year, scope FROM facts_wide`, params: [] })).map((r) => [String(r.report_id), r]));
    for (const r of rows) {
      const report = reports.get(cell(r, 'report_id'));
      expect(report, cell(r, 'report_id')).toBeDefined();
      expect([String(report?.body_key), String(report?.year), String(report?.scope)]).toEqual([cell(r, 'body_key'), cell(r, 'year'), cell(r, 'scope')]);
    }
    const expected = (await native.rows(outcomeBreakdown({ bodies: pair.map((b) => b.key) }))).filter((r) => r.r_handled_total !== null);
    const handled = rows.filter((r) => cell(r, 'metric') === 'r.handled.total');
    expect(handled.map((r) => [cell(r, 'body_key'), cell(r, 'year'), cell(r, 'report_id'), cell(r, 'value')]).sort()).toEqual(expected.map((r) => [String(r.body_key), String(r.year), String(r.report_id), csvCellOf(r.r_handled_total)]).sort());
  });
});

describe('coverage chart CSV', () => {
  it('lists the governments behind each part, with the parent, year and dataset version', async () => {
    const [parent, year] = ['440100', 2020];
    const today = new Date().toISOString().slice(0, 10);
    const governments = (await native.rows(coverage({ parent, year, today }))).filter((r) => r.unit === 'government');
    const partOf = (r: Record<string, unknown>) =>
      r.late === true ? 'late' : r.late === false ? 'on_time' : Number(r.reports) > 0 || Number(r.ambiguous_reports ?? 0) > 0 ? 'date_unknown' : r.missing === true ? 'missing' : r.not_due === true ? 'not_due' : null;
    await openApp(page, `view=coverage&parent=${parent}&year=${year}`);
    await waitForChart(page, 'coverage');
    const { header, rows, cell } = await csvOf(page, 'csv-coverage');
    expect(header).toEqual(['parent_code', 'parent_name', 'year', 'children_listed', 'status', 'label', 'part_governments', 'division_code', 'division_name', 'division_level', 'listed', 'reports', 'ambiguous_reports', 'published', 'deadline', 'dataset_version']);
    const expected = governments.filter((r) => partOf(r) !== null).map((r) => [partOf(r), String(r.division_code), csvCellOf(r.published)]).sort();
    expect(rows.map((r) => [cell(r, 'status'), cell(r, 'division_code'), cell(r, 'published')]).sort()).toEqual(expected);
    expect(rows.length).toBe(11);
    for (const r of rows) {
      expect([cell(r, 'parent_code'), cell(r, 'year'), cell(r, 'dataset_version')]).toEqual([parent, String(year), native.manifest.dataset_version]);
      expect(cell(r, 'parent_name')).toContain('广州');
      expect(Number(cell(r, 'part_governments'))).toBe(rows.filter((o) => cell(o, 'status') === cell(r, 'status')).length);
    }
  });
});

describe('overview levels', () => {
  it('each level drawn has its own colour, the palette\'s first six in level order', async () => {
    await openApp(page, '');
    await waitForChart(page, 'overview');
    const svg = (await downloadFrom(page, 'svg-overview')).bytes.toString('utf8');
    const fills = new Set([...svg.matchAll(/fill="([^"]+)"/g)].map((m) => hexOf(m[1])).filter((c): c is string => c !== null && PALETTE.includes(c)));
    const order = ['province', 'city', 'county', 'town', 'department', null];
    const levels = new Set((await native.rows(reportsByYearLevel())).map((r) => r.level ?? null));
    const expected = order.map((l, i) => (levels.has(l) ? PALETTE[i] : null)).filter((c): c is string => c !== null);
    expect(levels.has('city') && levels.has('county')).toBe(true);
    expect([...fills].sort()).toEqual([...expected].sort());
  });
});

describe('overview trends', () => {
  it('draw their two metrics in the palette\'s first two colours, not two near hues', async () => {
    await openApp(page, '');
    await waitForChart(page, 'trends');
    const svg = (await downloadFrom(page, 'svg-trends')).bytes.toString('utf8');
    const strokes = new Set([...svg.matchAll(/stroke="([^"]+)"/g)].map((m) => hexOf(m[1])).filter((c): c is string => c !== null && PALETTE.includes(c)));
    expect([...strokes].sort()).toEqual([PALETTE[0], PALETTE[1]].sort());
  });
});

describe('pin button', () => {
  for (const [locale, name] of [['zh', '加入简报'], ['en', 'Pin to briefing']] as const) {
    it(`has a drawn icon and no emoji; its accessible name is its text (${locale})`, async () => {
      await openApp(page, locale === 'en' ? 'lang=en' : '');
      await waitForChart(page, 'trends');
      const button = page.getByTestId('pin-trends');
      expect(await button.textContent()).toBe(name);
      expect(await page.getByRole('button', { name, exact: true }).count()).toBeGreaterThan(0);
      const icon = button.locator('svg[data-testid="pin-icon"]');
      expect(await icon.getAttribute('aria-hidden')).toBe('true');
      const box = await icon.boundingBox();
      expect(box && box.width > 8 && box.height > 8).toBe(true);
    });
  }
});

describe('embed code', () => {
  for (const [id, query] of [['trends', ''], ['reconcile', 'view=reconcile&parent=440113&year=2019'], ['outcomes', 'view=outcomes&lang=en']] as const) {
    it(`${id}: the copied iframe's height is the embed page's, its frame measured`, async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await openApp(page, query);
      await waitForChart(page, id);
      const { height, laid } = await embedAsCopied(page, id);
      expect(Math.abs(laid - height), `iframe ${height}, page ${laid}`).toBeLessThanOrEqual(1);
    });
  }
});
