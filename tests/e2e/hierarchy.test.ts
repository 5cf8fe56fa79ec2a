// The hierarchy views in real headless Chromium over the shipped dataset: the division tree with
// its report counts, the benchmark of 广州's districts (chart, table and CSV equal to native DuckDB
// running the same builder on the Parquet), coverage with missing flags, and the province map
// (tile grid, and a user-loaded GeoJSON). Expectations come from native DuckDB; no timing.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/app/i18n/messages';
import { benchmarkChildren, childrenTree, coverage, departmentsOf, provinceTotals, searchDivisions } from '../../src/db/sql';
import type { NativeDataset, NativeRow } from '../helpers/native-duckdb';
import { browserSession, chartInk, csvCellOf, downloadFrom, openApp, parseCsv, READY_TIMEOUT, waitForChart } from './support';

const session = browserSession();
let page: Page;
let native: NativeDataset;
/** A year in which at least two of 广州's districts state BENCH_METRIC in their own reports (most such districts). */
let year: number;
let bench: NativeRow[];
const zh = translator('zh');
const GUANGZHOU = '440100';
const GUANGDONG = '440000';
/** Benchmarked: the district reports that state their requests (r.new.total) are area summaries, ranked apart; their websites' counts are stated in own reports. */
const BENCH_METRIC = 'p.website';

/** Folds childrenTree rows of one node: own (government + departments) counts per year, subtree total. */
function expectedNode(rows: NativeRow[], code: string) {
  const mine = rows.filter((r) => r.division_code === code && r.year !== null);
  const compact = mine
    .filter((r) => Number(r.reports) + Number(r.department_reports) > 0)
    .map((r) => `${String(r.year)}:${Number(r.reports) + Number(r.department_reports)}`)
    .join(' ');
  return {
    compact,
    own: mine.reduce((s, r) => s + Number(r.reports) + Number(r.department_reports), 0),
    departments: mine.reduce((s, r) => s + Number(r.department_reports), 0),
    subtree: mine.reduce((s, r) => s + Number(r.subtree_reports), 0),
  };
}

async function attr(p: Page, testId: string, name: string): Promise<string | null> {
  return p.getByTestId(testId).getAttribute(name);
}

beforeAll(async () => {
  ({ page, native } = session);
  let best = -1;
  for (let y = 2014; y <= 2024; y++) {
    const rows = await native.rows(benchmarkChildren({ parent: GUANGZHOU, year: y, metric: BENCH_METRIC }));
    const withValue = rows.filter((r) => typeof r.value === 'number').length;
    if (withValue > best) [best, year, bench] = [withValue, y, rows];
  }
  expect(best).toBeGreaterThanOrEqual(2);
});

describe('division tree', () => {
  it('expands 广东省 → 广州市 and shows report counts by year equal to native DuckDB', async () => {
    await openApp(page, 'view=benchmark');
    await page.getByTestId('pick-parent').waitFor({ timeout: READY_TIMEOUT });
    await page.getByTestId(`tree-toggle-${GUANGDONG}`).waitFor({ timeout: READY_TIMEOUT });
    const provinces = await native.rows(childrenTree({ parent: null }));
    const gd = expectedNode(provinces, GUANGDONG);
    expect(gd.subtree).toBeGreaterThan(50);
    await expect(attr(page, `tree-counts-${GUANGDONG}`, 'data-subtree')).resolves.toBe(String(gd.subtree));
    await expect(page.getByTestId(`tree-name-${GUANGDONG}`).textContent()).resolves.toContain('广东省');

    await page.getByTestId(`tree-toggle-${GUANGDONG}`).click();
    await page.getByTestId(`tree-node-${GUANGZHOU}`).waitFor({ timeout: READY_TIMEOUT });
    const cities = await native.rows(childrenTree({ parent: GUANGDONG }));
    const gz = expectedNode(cities, GUANGZHOU);
    expect(gz.own).toBeGreaterThan(0);
    expect(gz.compact).toMatch(/^\d{4}:\d+( \d{4}:\d+)*$/);
    const counts = page.getByTestId(`tree-counts-${GUANGZHOU}`);
    await expect(counts.textContent()).resolves.toContain(gz.compact);
    await expect(counts.getAttribute('data-own')).resolves.toBe(String(gz.own));
    await expect(counts.getAttribute('data-departments')).resolves.toBe(String(gz.departments));
    await expect(counts.getAttribute('data-subtree')).resolves.toBe(String(gz.subtree));
    // Every city of 广东 the gazetteer lists is a node.
    const cityCodes = [...new Set(cities.map((r) => String(r.division_code)))];
    await expect(page.getByTestId(`tree-level-${GUANGDONG}`).locator(':scope > li').count()).resolves.toBe(cityCodes.length);

    await page.getByTestId(`tree-toggle-${GUANGZHOU}`).click();
    await page.getByTestId(`tree-level-${GUANGZHOU}`).waitFor({ timeout: READY_TIMEOUT });
    const districts = await native.rows(childrenTree({ parent: GUANGZHOU }));
    for (const code of new Set(districts.map((r) => String(r.division_code)))) {
      const node = expectedNode(districts, code);
      await expect(attr(page, `tree-counts-${code}`, 'data-own'), code).resolves.toBe(String(node.own));
    }

    // Selecting 广州 sets parent in the URL.
    await page.getByTestId(`tree-select-${GUANGZHOU}`).click();
    await page.getByTestId('panel-benchmark').waitFor({ timeout: READY_TIMEOUT });
    expect(new URL(page.url()).searchParams.get('parent')).toBe(GUANGZHOU);
  });
});

describe('division tree search and departments', () => {
  it('finds 海珠区 by name, and picking it sets parent=440105 with its ancestors expanded', async () => {
    await openApp(page, 'view=benchmark');
    await page.getByTestId('tree-search').waitFor({ timeout: READY_TIMEOUT });
    const expected = await native.rows(searchDivisions({ text: '海珠', limit: 30 }));
    expect(expected.some((r) => r.code === '440105' && r.name === '海珠区')).toBe(true);
    await page.getByTestId('tree-search').fill('海珠');
    const match = page.getByTestId('tree-match-440105');
    await match.waitFor({ timeout: READY_TIMEOUT });
    await expect(match.textContent()).resolves.toContain('海珠区');
    await expect(page.getByTestId('tree-match').count()).resolves.toBe(expected.length);
    await match.getByTestId('tree-match').click();
    await page.getByTestId('panel-benchmark').waitFor({ timeout: READY_TIMEOUT });
    expect(new URL(page.url()).searchParams.get('parent')).toBe('440105');
    // Its ancestors are open: 海珠区 shows in the tree under 广州市.
    await page.getByTestId('tree-level-440100').getByTestId('tree-node-440105').waitFor({ timeout: READY_TIMEOUT });
  });

  it('lists the departments of 广州市 under its node, with counts equal to native departmentsOf', async () => {
    const expected = await native.rows(departmentsOf({ code: GUANGZHOU }));
    expect(expected.length).toBeGreaterThan(0);
    await openApp(page, 'view=benchmark');
    await page.getByTestId(`tree-toggle-${GUANGDONG}`).waitFor({ timeout: READY_TIMEOUT });
    await page.getByTestId(`tree-toggle-${GUANGDONG}`).click();
    await page.getByTestId(`tree-toggle-${GUANGZHOU}`).waitFor({ timeout: READY_TIMEOUT });
    await page.getByTestId(`tree-toggle-${GUANGZHOU}`).click();
    const list = page.getByTestId(`tree-departments-${GUANGZHOU}`);
    await list.waitFor({ timeout: READY_TIMEOUT });
    const shown = await list.getByTestId('tree-department').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-department'), li.getAttribute('data-reports')]));
    expect(shown).toEqual(expected.map((r) => [String(r.department), String(r.reports)]));
    // Departments are leaves: no select button.
    await expect(list.locator('.tree-select').count()).resolves.toBe(0);
  });
});

describe('benchmark', () => {
  it(`ranks 广州's districts: one bar per child with a value, table and CSV equal to native benchmarkChildren`, async () => {
    await openApp(page, `view=benchmark&parent=${GUANGZHOU}&year=${year}&metric=${BENCH_METRIC}`);
    await waitForChart(page, 'benchmark');
    const ink = await chartInk(page, 'benchmark');
    expect(ink.coloured).toBeGreaterThan(200);

    const rows = page.getByTestId('benchmark-table').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(bench.length);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => ({ code: tr.getAttribute('data-code'), rank: tr.getAttribute('data-rank'), value: tr.getAttribute('data-value') })));
    expect(shown).toEqual(bench.map((r) => ({ code: String(r.division_code), rank: csvCellOf(r.rank), value: csvCellOf(r.value) })));
    // The copy score (雷同度) of each child's report, as native benchmarkChildren gives it.
    const scores = await page.getByTestId('bench-copy').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-score')));
    expect(scores).toEqual(bench.map((r) => csvCellOf(r.copy_score)));
    // Area summaries are marked in the table.
    await expect(page.getByTestId('benchmark-table').getByTestId('scope-area').count()).resolves.toBe(bench.filter((r) => r.scope === 'area').length);

    // The chart's CSV, tidy: one row per child with a value (absent is no row), its rank and copy score after.
    const { bytes } = await downloadFrom(page, 'csv-benchmark');
    const [header, ...csv] = parseCsv(bytes.subarray(3).toString('utf8'));
    const col = (name: string) => header.indexOf(name);
    const stated = bench.filter((r) => typeof r.value === 'number');
    expect(csv.map((r) => [r[col('body_key')], r[col('year')], r[col('rank')], r[col('value')], r[col('scope')], r[col('report_id')], r[col('copy_score')], r[col('metric')]])).toEqual(
      stated.map((r) => [String(r.division_code), String(year), csvCellOf(r.rank), csvCellOf(r.value), csvCellOf(r.scope), csvCellOf(r.report_id), csvCellOf(r.copy_score), BENCH_METRIC]),
    );
  });

  it('says which listed children did not report and so are not ranked, as Coverage counts them', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const missing = (await native.rows(coverage({ parent: GUANGZHOU, year, today }))).filter((r) => r.unit === 'government' && r.missing === true).map((r) => String(r.division_name));
    expect(missing.length).toBeGreaterThan(0);
    await openApp(page, `view=benchmark&parent=${GUANGZHOU}&year=${year}&metric=${BENCH_METRIC}`);
    await waitForChart(page, 'benchmark');
    const note = page.getByTestId('bench-missing');
    await note.waitFor({ timeout: READY_TIMEOUT });
    expect((await note.textContent())!).toContain(zh('bench.missing', { n: missing.length, names: missing.join('、') }));
    // None of them is a row of the ranking.
    const ranked = await page.getByTestId('benchmark-table').locator('tbody tr td:nth-child(2)').allTextContents();
    for (const name of missing) expect(ranked.some((cell) => cell.startsWith(name))).toBe(false);
  });

  it('explains an empty selection instead of drawing nothing', async () => {
    // A year of the dataset in which none of 广州's children reported (a year outside the dataset is corrected with a notice).
    const [quiet] = await native.rows({
      sql: `SELECT min(year) AS year FROM facts_wide y WHERE year IS NOT NULL AND NOT EXISTS (SELECT 1 FROM facts_wide f WHERE f.parent_code = '${GUANGZHOU}' AND f.year = y.year)`,
      params: [],
    });
    expect(quiet.year).not.toBeNull();
    await openApp(page, `view=benchmark&parent=${GUANGZHOU}&year=${String(quiet.year)}`);
    await page.getByTestId('benchmark-empty').waitFor({ timeout: READY_TIMEOUT });
    await expect(page.getByTestId('benchmark-empty').textContent()).resolves.toContain(String(quiet.year));
    // An invalid parent is dropped with a notice.
    await openApp(page, 'view=benchmark&parent=44X100');
    await expect(page.getByTestId('notices').textContent()).resolves.toContain('44X100');
    await page.getByTestId('pick-parent').waitFor({ timeout: READY_TIMEOUT });
  });
});

describe('coverage', () => {
  it(`lists 广州's districts with their missing flags, as native DuckDB`, async () => {
    await openApp(page, `view=coverage&parent=${GUANGZHOU}&year=${year}`);
    await page.getByTestId('coverage-table').waitFor({ timeout: READY_TIMEOUT });
    const expected = await native.rows(coverage({ parent: GUANGZHOU, year }));
    const governments = expected.filter((r) => r.unit === 'government');
    expect(governments.filter((r) => r.listed === true).length).toBeGreaterThanOrEqual(11);
    const rows = page.getByTestId('coverage-row');
    await expect(rows.count()).resolves.toBe(expected.length);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => ({ unit: tr.getAttribute('data-unit'), code: tr.getAttribute('data-code'), missing: tr.getAttribute('data-missing'), late: tr.getAttribute('data-late') })));
    expect(shown).toEqual(expected.map((r) => ({ unit: String(r.unit), code: String(r.division_code), missing: String(r.missing === true), late: String(r.late === true) })));
    const missing = governments.filter((r) => r.missing === true).length;
    expect(missing).toBeGreaterThan(0);
    await expect(page.getByTestId('missing-flag').count()).resolves.toBe(missing);
    await expect(page.getByTestId('coverage-kpi-missing').locator('.kpi-value').textContent()).resolves.toBe(String(missing));
    // Late, like every count above the donut but departments, is of the governments below 广州.
    const lateGovernments = governments.filter((r) => r.late === true).length;
    await expect(page.getByTestId('coverage-kpi-late').locator('.kpi-value').textContent()).resolves.toBe(String(lateGovernments));
    await expect(page.getByTestId('coverage-table').textContent()).resolves.toContain('海珠区');
  });
});

describe('map', () => {
  it('renders the province tile grid with the sums of native provinceTotals', async () => {
    await openApp(page, `view=map&year=${year}`);
    await waitForChart(page, 'map');
    const ink = await chartInk(page, 'map');
    expect(ink.coloured).toBeGreaterThan(500);
    await expect(page.getByTestId('map-no-boundaries').textContent()).resolves.toContain('审图号');
    const expected = await native.rows(provinceTotals({ metric: 'r.new.total', year }));
    expect(expected.some((r) => r.province_code === GUANGDONG)).toBe(true);
    const shown = await page.getByTestId('map-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-code'), tr.getAttribute('data-value')]));
    expect(shown).toEqual(expected.map((r) => [String(r.province_code), csvCellOf(r.value)]));
  });

  it('shows why a GeoJSON cannot be used, and draws one that can', async () => {
    const input = page.getByTestId('geojson-file');
    await input.setInputFiles({ name: 'bad.geojson', mimeType: 'application/json', buffer: Buffer.from('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":"abc"},"geometry":{"type":"Polygon","coordinates":[]}}]}') });
    await page.getByTestId('geojson-errors').waitFor({ timeout: READY_TIMEOUT });
    await expect(page.getByTestId('geojson-errors').textContent()).resolves.toContain(zh('map.invalid', { reason: '' }).trim());
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{not json') });
    await expect(page.getByTestId('geojson-errors').textContent()).resolves.toContain(zh('map.notJson'));

    const square = (x: number, y: number) => [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]];
    const geojson = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { adcode: 440000, name: '甲' }, geometry: { type: 'Polygon', coordinates: square(113, 23) } },
        { type: 'Feature', properties: { adcode: '650000', name: '乙' }, geometry: { type: 'Polygon', coordinates: square(115, 23) } },
      ],
    };
    await input.setInputFiles({ name: 'mine.geojson', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(geojson)) });
    await page.getByTestId('geojson-loaded').waitFor({ timeout: READY_TIMEOUT });
    await expect(page.getByTestId('geojson-errors').count()).resolves.toBe(0);
    await waitForChart(page, 'usermap');
    expect((await chartInk(page, 'usermap')).coloured).toBeGreaterThan(100);
  });
});
