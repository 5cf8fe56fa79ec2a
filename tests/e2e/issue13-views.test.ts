// Issue 13, the rest of "every number on screen means what it says", in real Chromium over the
// shipped dataset: index and log modes of Compare and Benchmark (values from the page's own DuckDB,
// window.__gongkai.query), tidy chart CSVs, the tree's counts saying what they count, and the
// property that every chart of every view draws the numbers its table and CSV give.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/charts/format';
import { downloadName } from '../../src/app/data/download-name';
import { TIDY_COLUMNS } from '../../src/app/data/tidy';
import { translator } from '../../src/app/i18n/messages';
import { metricLabel } from '../../src/app/i18n/metric-labels';
import { DEFAULT_STATE, VIEW_CHARTS, type View } from '../../src/app/state/url-state';
import { OUTCOME_SERIES } from '../../src/app/views/breakdown-series';
import { levelLabel, templateLabel } from '../../src/app/views/common';
import { safeFileName } from '../../src/charts/file-name';
import { benchmarkChildren, childrenTree, compareSeries, headlineTrends, type BuiltQuery } from '../../src/db/sql';
import { CATALOGUE } from '../../src/shared/metric-catalogue';
import { wideColumnName } from '../../src/shared/wide-metrics';
import type { NativeDataset } from '../helpers/native-duckdb';
import { browserSession, busiestCountyYear, comparePair, downloadFrom, openApp, parseCsv, READY_TIMEOUT, waitForChart, type Body } from './support';

const session = browserSession();
let page: Page;
let native: NativeDataset;
let pair: [Body, Body];
let benchYear: number;
let version: string;
const zh = translator('zh');
const GUANGZHOU = '440100';

beforeAll(async () => {
  ({ page, native } = session);
  pair = await comparePair(native);
  version = native.manifest.dataset_version;
  benchYear = await busiestCountyYear(native, GUANGZHOU);
});

type Cell = string | number | boolean | null;
type PageRow = Record<string, Cell>;

/** A built query with its parameters written in, for the console's read-only `query(sql)`. */
function inline(query: Pick<BuiltQuery, 'sql' | 'params'>): string {
  let i = 0;
  return query.sql.replace(/\?/g, () => {
    const p = query.params[i++];
    return typeof p === 'number' ? String(p) : `'${String(p).replaceAll("'", "''")}'`;
  });
}

/** Rows of a query run by the page's own DuckDB-WASM (`?bench=1` exposes window.__gongkai). */
async function pageQuery(query: Pick<BuiltQuery, 'sql' | 'params'>): Promise<PageRow[]> {
  return page.evaluate(async (sql) => {
    const api = (window as unknown as { __gongkai: { query: (s: string) => Promise<Record<string, Cell>[]> } }).__gongkai;
    return api.query(sql);
  }, inline(query));
}

interface DrawnSeries {
  name: string | null;
  id: string | null;
  type: string;
  /** Each data item's number (a tile's value, a point's value); null where absent. */
  values: (number | null)[];
  names: (string | null)[];
}

/** The series the chart last finished drawing (recorded under ?bench=1 by src/charts/Chart.tsx). */
async function drawn(id: string): Promise<{ series: DrawnSeries[]; categories: string[] }> {
  return page.evaluate((testId) => {
    const charts = (window as unknown as { __gongkaiCharts: Map<string, Record<string, unknown>> }).__gongkaiCharts;
    const option = charts.get(testId);
    if (!option) throw new Error(`no drawn option for ${testId}`);
    const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
    const category = [...asArray(option.xAxis), ...asArray(option.yAxis)].find((a) => (a as { type?: string }).type === 'category') as { data?: unknown[] } | undefined;
    const number = (item: unknown): number | null => {
      const v = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as { value?: unknown }).value : item;
      if (Array.isArray(v)) return typeof v[2] === 'number' ? v[2] : null;
      return typeof v === 'number' ? v : null;
    };
    return {
      categories: (category?.data ?? []).map(String),
      series: asArray(option.series).map((s) => {
        const series = s as { name?: string; id?: string; type: string; data?: unknown[] };
        const data = Array.isArray(series.data) ? series.data : [];
        return {
          name: series.name ?? null,
          id: series.id ?? null,
          type: series.type,
          values: data.map(number),
          names: data.map((d) => (d !== null && typeof d === 'object' && 'name' in d ? String((d as { name: unknown }).name) : null)),
        };
      }),
    };
  }, `chart-${id}`);
}

async function csvOf(id: string): Promise<{ name: string; header: string[]; rows: Record<string, string>[] }> {
  const file = await downloadFrom(page, `csv-${id}`);
  const [header, ...rows] = parseCsv(file.bytes.toString('utf8').replace(/^\uFEFF/, ''));
  return { name: file.name, header, rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

const sortNumbers = (values: readonly (number | null)[]): number[] => values.filter((v): v is number => v !== null).sort((a, b) => a - b);

describe('Compare: index mode and log scale (issue 13, every metric pickable)', () => {
  it('index=1: every line is value ÷ its value in ONE base year × 100 (the earliest year every line states above 0), as the page\'s DuckDB gives the values; the table keeps the values', async () => {
    await openApp(page, `view=compare&e=${encodeURIComponent(pair[0].key)}&e=${encodeURIComponent(pair[1].key)}&index=1&bench=1`);
    await waitForChart(page, 'compare');
    const rows = await pageQuery(compareSeries({ bodies: [pair[0].key, pair[1].key], metric: 'r.new.total' }));
    const { series, categories } = await drawn('compare');
    // Every drawn line: a body and a scope, with its stated points.
    const lines = pair.flatMap((body) =>
      (['self', 'area'] as const).map((scope) => ({
        name: scope === 'area' ? `${body.name} · ${zh('scope.areaSeries')}` : body.name,
        points: rows.filter((r) => r.body_key === body.key && (r.scope === 'area') === (scope === 'area') && typeof r.value === 'number').map((r) => ({ year: Number(r.year), value: r.value as number })),
      })),
    ).filter((l) => l.points.length > 0);
    const stating = lines.filter((l) => l.points.some((p) => p.value > 0));
    const shared = [...new Set(stating.flatMap((l) => l.points.filter((p) => p.value > 0).map((p) => p.year)))].filter((year) => stating.every((l) => l.points.some((p) => p.year === year && p.value > 0)));
    expect(shared.length, 'the pair shares a year both state above 0').toBeGreaterThan(0);
    const common = Math.min(...shared);
    let checked = 0;
    for (const l of stating) {
      const line = series.find((s) => s.name === l.name)!;
      expect(line, l.name).toBeDefined();
      const base = l.points.find((p) => p.year === common)!.value;
      for (const p of l.points) {
        expect(line.values[categories.indexOf(String(p.year))], `${l.name} ${p.year}`).toBeCloseTo((p.value / base) * 100, 9);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(2);
    await expect(page.getByTestId('scale-note').textContent()).resolves.toContain(zh('scale.indexCommon', { year: common, undrawn: '' }).split('）')[0]);
    // The table still gives the values as printed.
    const shown = await page.getByTestId('compare-table').locator('td[data-value]').evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-year'), td.getAttribute('data-value')]).filter(([, v]) => v !== ''));
    for (const [year, value] of shown) expect(rows.some((r) => String(r.year) === year && String(r.value) === value), `${year}`).toBe(true);
    expect(shown.length).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('index')).toBe('1');
  });

  it('scale=log: a log value axis; points of 0 are not drawn and the note counts them; the table lists them', async () => {
    // A body stating a metric as 0 in one year and above 0 in another (the first such, by most zeros).
    const candidates = ['rv.total', 'lit.total', 'r.denied.total.total', 'r.rejected.total.total', 'r.unable.total.total', 'r.other.total.total', 'r.partial.total'];
    const [found] = await native.rows({
      sql: `SELECT body_key, metric FROM (
  UNPIVOT (SELECT body_key, ${candidates.map(wideColumnName).join(', ')} FROM facts_wide WHERE status <> 'failed' AND body_key IS NOT NULL)
  ON COLUMNS(* EXCLUDE body_key) INTO NAME metric VALUE v)
GROUP BY ALL HAVING count(*) FILTER (WHERE v = 0) > 0 AND count(*) FILTER (WHERE v > 0) > 0
ORDER BY count(*) FILTER (WHERE v = 0) DESC, body_key, metric LIMIT 1`,
      params: [],
    });
    expect(found, 'a body stating 0 and more than 0 for one metric').toBeDefined();
    const key = String(found.body_key);
    const metric = METRIC_OF_COLUMN.get(String(found.metric))!;
    const expected = await native.rows(compareSeries({ bodies: [key], metric }));
    const zeros = expected.filter((r) => typeof r.value === 'number' && r.value <= 0).length;
    expect(zeros).toBeGreaterThan(0);
    await openApp(page, `view=compare&e=${encodeURIComponent(key)}&metric=${metric}&bench=1`);
    await waitForChart(page, 'compare');
    await expect(page.getByTestId('chart-compare').getAttribute('data-value-axis')).resolves.toBe('value');
    await page.getByTestId('scale').selectOption('log');
    await page.locator('[data-testid="chart-compare"][data-value-axis="log"][data-chart-ready="true"]').waitFor({ timeout: READY_TIMEOUT });
    expect(new URL(page.url()).searchParams.get('scale')).toBe('log');
    await expect(page.getByTestId('scale-note').textContent()).resolves.toBe(zh('scale.logNote', { n: zeros }));
    const { series } = await drawn('compare');
    const values = series.filter((s) => s.id !== 'template-breaks').flatMap((s) => s.values);
    expect(values.every((v) => v === null || v > 0)).toBe(true);
    expect(sortNumbers(values)).toEqual(sortNumbers(expected.map((r) => (typeof r.value === 'number' && r.value > 0 ? r.value : null))));
    // The table gives each year's figure (the first row of the year: own report before area summary), zeros included.
    const years = [...new Set(expected.map((r) => String(r.year)))];
    const tableZeros = years.filter((y) => expected.find((r) => String(r.year) === y)?.value === 0).length;
    expect(tableZeros).toBeGreaterThan(0);
    await expect(page.getByTestId('compare-table').locator('td[data-value="0"]').count()).resolves.toBe(tableZeros);
  });

  it('offers every metric of the catalogue a report states once, grouped by section', async () => {
    await openApp(page, `view=compare&e=${encodeURIComponent(pair[0].key)}`);
    const select = page.getByTestId('metric');
    await select.waitFor({ timeout: READY_TIMEOUT });
    const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(values.length).toBeGreaterThanOrEqual(80);
    for (const id of ['p.rules.issued', 'p.license.decisions', 'fee.collected_yuan', 'lit.total', 'r.denied.state_secret.total']) expect(values).toContain(id);
    expect(await select.locator('optgroup').count()).toBe(4);
    // A proactive-disclosure metric draws from the page's data.
    await openApp(page, `view=compare&e=${encodeURIComponent(pair[0].key)}&metric=p.total&bench=1`);
    await page.getByTestId('compare-table').waitFor({ timeout: READY_TIMEOUT });
    const rows = await pageQuery(compareSeries({ bodies: [pair[0].key], metric: 'p.total' }));
    const shown = await page.getByTestId('compare-table').locator('td[data-value]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value')).filter((v) => v !== ''));
    expect(shown.map(Number).sort((a, b) => a - b)).toEqual(sortNumbers(rows.map((r) => (typeof r.value === 'number' ? r.value : null))));
  });
});

describe('Benchmark: log scale', () => {
  it('draws a log axis; a child stating 0 keeps its row with its value printed, and the note counts it', async () => {
    const logYear = await busiestCountyYear(native, GUANGZHOU, 'rv.total');
    const expected = await native.rows(benchmarkChildren({ parent: GUANGZHOU, year: logYear, metric: 'rv.total', peer: 'parent', scope: 'self' }));
    const zeros = expected.filter((r) => r.value === 0).length;
    await openApp(page, `view=benchmark&parent=${GUANGZHOU}&year=${logYear}&metric=rv.total&scale=log&bench=1`);
    await waitForChart(page, 'benchmark');
    await expect(page.getByTestId('chart-benchmark').getAttribute('data-value-axis')).resolves.toBe('log');
    await expect(page.getByTestId('scale-note').textContent()).resolves.toBe(zeros > 0 ? zh('scale.logNote', { n: zeros }) : zh('scale.logNoteNone'));
    const { series } = await drawn('benchmark');
    const bars = series.find((s) => s.type === 'bar')!;
    expect(bars.values).toEqual(expected.map((r) => (typeof r.value === 'number' && r.value > 0 ? r.value : null)));
  });
});

describe('chart CSVs are tidy and named after what they hold', () => {
  it('compare: one row per body, year and scope with the metric, its label and unit, reports, report and dataset version', async () => {
    await openApp(page, [['view', 'compare'], ['e', pair[0].key], ['e', pair[1].key]]);
    await waitForChart(page, 'compare');
    const csv = await csvOf('compare');
    expect(csv.name).toBe(safeFileName(downloadName('compare', { ...DEFAULT_STATE, entities: pair.map((b) => b.key) }, null, version, 'compare'), 'csv'));
    expect(csv.name).toContain(version.slice(0, 8));
    expect(csv.header).toEqual([...TIDY_COLUMNS]);
    const expected = (await native.rows(compareSeries({ bodies: pair.map((b) => b.key), metric: 'r.new.total' }))).filter((r) => r.value !== null);
    expect(csv.rows).toEqual(
      expected.map((r) => ({
        body_key: String(r.body_key), body_name: String(r.body), year: String(r.year), metric: 'r.new.total', metric_label: metricLabel('r.new.total', 'zh'),
        unit: CATALOGUE.get('r.new.total')!.unit.zh, value: String(r.value), scope: String(r.scope), reports: String(r.reports), report_id: r.report_id === null ? '' : String(r.report_id), dataset_version: version,
      })),
    );
  });

  it('overview trends: each metric of each year a row, with the reports that state it', async () => {
    await openApp(page, '');
    await waitForChart(page, 'trends');
    const csv = await csvOf('trends');
    expect(csv.name).toBe(safeFileName(downloadName('overview', DEFAULT_STATE, null, version, 'trends'), 'csv'));
    // Each year's figure pools every own report of that year: scope pooled, no one report to name.
    expect(csv.header).toEqual(TIDY_COLUMNS.filter((c) => c !== 'report_id'));
    expect(new Set(csv.rows.map((r) => r.scope))).toEqual(new Set(['pooled']));
    const trends = await native.rows(headlineTrends());
    const newRequests = csv.rows.filter((r) => r.metric === 'r.new.total');
    expect(newRequests.map((r) => [r.year, r.value, r.reports])).toEqual(
      trends.filter((t) => t.r_new_total !== null).map((t) => [String(t.year), String(t.r_new_total), String(t.r_new_total__reports)]),
    );
    expect(new Set(csv.rows.map((r) => r.dataset_version))).toEqual(new Set([version]));
  });
});

describe('the tree says what each count counts', () => {
  it('search: the division\'s own and its departments\' reports; node: with every division below it; each with a tooltip', async () => {
    await openApp(page, `view=benchmark&parent=${GUANGZHOU}`);
    await page.getByTestId('tree-search').waitFor({ timeout: READY_TIMEOUT });
    const [own] = await native.rows({ sql: `SELECT count(*) AS n FROM facts_wide WHERE division_code = '440105'`, params: [] });
    await page.getByTestId('tree-search').fill('海珠');
    const match = page.getByTestId('tree-match-440105').getByTestId('tree-match-count');
    await match.waitFor({ timeout: READY_TIMEOUT });
    await expect(match.textContent()).resolves.toContain(`本级及部门报告 ${Number(own.n)} 份`);
    await expect(match.getAttribute('title')).resolves.toBe(zh('tree.matchTitle'));
    const tree = await native.rows(childrenTree({ parent: '440000' }));
    const subtree = tree.filter((r) => r.division_code === GUANGZHOU).reduce((s, r) => s + Number(r.subtree_reports), 0);
    const node = page.getByTestId(`tree-subtree-${GUANGZHOU}`);
    await node.waitFor({ timeout: READY_TIMEOUT });
    await expect(node.textContent()).resolves.toBe(` · ${zh('tree.subtree', { n: subtree })}`);
    await expect(node.getAttribute('title')).resolves.toBe(zh('tree.subtreeTitle'));
    expect(zh('tree.subtree', { n: subtree })).toBe(`连同下级区划共 ${subtree} 份`);
  });
});

/** The page of each chart view, drawing something on the shipped dataset. */
const chartPage = (view: View): string => {
  const one = `e=${encodeURIComponent(pair[0].key)}`;
  if (view === 'compare') return `view=compare&${one}&e=${encodeURIComponent(pair[1].key)}`;
  // 上海市: its reports itemise outcomes (the pair may be bodies of narrative reports without them).
  if (view === 'outcomes') return 'view=outcomes&e=310000&shares=0';
  if (view === 'review') return `view=review&${one}`;
  if (view === 'benchmark') return `view=benchmark&parent=${GUANGZHOU}&year=${benchYear}`;
  // 广州市 2020: its area summary and its districts' own reports (reconcile), its districts' coverage.
  if (view === 'reconcile' || view === 'coverage') return `view=${view}&parent=${GUANGZHOU}&year=2020`;
  return view === 'overview' ? '' : `view=${view}`;
};

/** Metric ids by their column in a view's rows (`r_granted_total` → `r.granted.total`). */
const METRIC_OF_COLUMN = new Map([...CATALOGUE.keys()].map((id) => [wideColumnName(id), id]));

describe('property: every chart of every view draws the numbers its CSV (and table, and description) give', () => {
  const charts = (Object.entries(VIEW_CHARTS) as [View, readonly string[]][]).flatMap(([view, ids]) => ids.map((id) => [view, id] as const));

  it('covers every chart of the registry', () => {
    expect(charts.map(([, id]) => id).sort()).toEqual(['benchmark', 'compare', 'coverage', 'map', 'outcomes', 'overview', 'reconcile', 'review', 'templates', 'trends']);
  });

  for (const [view, id] of charts) {
    it(`${view} · ${id}`, async () => {
      await openApp(page, `${chartPage(view)}${chartPage(view) ? '&' : ''}bench=1`);
      await waitForChart(page, id);
      const { series, categories } = await drawn(id);
      const csv = await csvOf(id);
      const num = (s: string) => (s === '' ? null : Number(s));
      // A category is its year (or level…), then on the outcomes chart what the bar rests on, after a line break.
      const keys = categories.map((c) => c.split('\n')[0]);
      const at = (s: DrawnSeries, category: string) => s.values[keys.indexOf(category)] ?? null;
      let compared = 0;
      if (id === 'overview') {
        for (const r of csv.rows) {
          expect(at(series.find((s) => s.name === levelLabel(zh, r.level === '' ? null : r.level))!, r.year), `${r.year} ${r.level}`).toBe(num(r.reports));
          compared += 1;
        }
      } else if (id === 'templates') {
        const donut = series[0];
        for (const r of csv.rows.filter((row) => Number(row.reports) > 0)) {
          expect(donut.values[donut.names.indexOf(templateLabel(zh, r.template === '' ? null : r.template))]).toBe(num(r.reports));
          compared += 1;
        }
      } else if (id === 'reconcile') {
        // One bar a part (area summary, children's sum, parent's own, departments), as the CSV's rows.
        const bars = series[0];
        for (const r of csv.rows.filter((row) => row.value !== '')) {
          expect(at(bars, r.label), r.part).toBe(num(r.value));
          compared += 1;
        }
      } else if (id === 'coverage') {
        // One slice an outcome with governments in it (on time, late, missing, not yet due); the CSV
        // has a row per government, each with its part's count, and as many rows as that count.
        const donut = series[0];
        for (const status of new Set(csv.rows.map((row) => row.status))) {
          const rows = csv.rows.filter((row) => row.status === status);
          expect(new Set(rows.map((row) => row.part_governments)), status).toEqual(new Set([String(rows.length)]));
          expect(donut.values[donut.names.indexOf(rows[0].label)], status).toBe(rows.length);
          compared += 1;
        }
      } else if (id === 'map') {
        expect(sortNumbers(series[0].values)).toEqual(sortNumbers(csv.rows.map((r) => num(r.value))));
        compared = csv.rows.length;
      } else if (id === 'benchmark') {
        // Bars in rank order; the CSV has a row for each child with a value, in the same order.
        const bars = series.find((s) => s.type === 'bar')!;
        expect(bars.values.filter((v) => v !== null)).toEqual(csv.rows.map((r) => num(r.value)));
        const table = await page.getByTestId('benchmark-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-code'), tr.getAttribute('data-value')]));
        const valued = csv.rows.filter((r) => r.value !== '').map((r) => [r.body_key, r.value]);
        expect(table.filter(([, v]) => v !== '')).toEqual(valued);
        const description = (await page.getByTestId('description-benchmark').textContent()) ?? '';
        for (const r of csv.rows) expect(description).toContain(`${r.body_name}${r.scope === 'area' ? ` (${zh('scope.area')})` : ''} ${formatNumber(Number(r.value), 'zh')}`);
        compared = valued.length;
      } else {
        // Line and bar charts over years: each drawn point is the CSV's value for its series and year.
        const seriesMetric = (s: DrawnSeries): { metric: string; scope?: string; body?: string } | null => {
          if (id === 'trends') return { metric: s.name === metricLabel('r.new.total', 'zh') ? 'r.new.total' : 'r.handled.total' };
          if (id === 'compare') return { metric: 'r.new.total', scope: s.name?.endsWith(zh('scope.areaSeries')) ? 'area' : 'self', body: s.name?.replace(` · ${zh('scope.areaSeries')}`, '') };
          if (id === 'review') return s.name === zh('review.rv') ? { metric: 'rv.total' } : s.name === zh('review.lit') ? { metric: 'lit.total' } : null;
          const part = OUTCOME_SERIES.find((p) => zh(p.label) === s.name);
          const metric = part ? METRIC_OF_COLUMN.get(part.column) : undefined;
          return metric ? { metric } : null;
        };
        // Outcomes and review: a body's year resting on its area summaries is a category of its own (2019 · 汇总报告).
        const areaSuffix = ` · ${zh('scope.areaSeries')}`;
        for (const s of series.filter((x) => x.id !== 'template-breaks')) {
          const target = seriesMetric(s);
          if (!target) continue;
          for (const category of keys) {
            const value = at(s, category);
            const area = category.endsWith(areaSuffix);
            const year = area ? category.slice(0, -areaSuffix.length) : category;
            const scopeFits = (r: Record<string, string>) => (target.scope !== undefined ? r.scope === target.scope : area ? r.scope === 'area' : r.scope !== 'area');
            const row = csv.rows.find((r) => r.metric === target.metric && r.year === year && scopeFits(r) && (target.body === undefined || r.body_name === target.body));
            expect(value, `${s.name} ${category}`).toBe(row ? num(row.value) : null);
            if (value !== null) compared += 1;
          }
        }
        if (id === 'compare') {
          // Each figure of the table (a series' figure of a year: a body's own reports, or its area
          // summaries) is the CSV's for that body, year and scope.
          const table = await page.getByTestId('compare-table').locator('tbody tr').evaluateAll((trs) =>
            trs.flatMap((tr) => [...tr.querySelectorAll('td[data-value]')].map((td) => [tr.querySelector('th')?.textContent ?? '', td.getAttribute('data-year'), td.getAttribute('data-value'), tr.getAttribute('data-scope')])),
          );
          for (const [series, year, value, scope] of table.filter(([, , v]) => v !== '')) {
            const body = scope === 'area' ? series!.replace(` · ${zh('scope.areaSeries')}`, '') : series;
            expect(csv.rows.some((r) => r.body_name === body && r.year === year && r.value === value && r.scope === scope), `${series} ${year}`).toBe(true);
          }
          expect(table.filter(([, , v]) => v !== '').length).toBeGreaterThan(0);
        }
        if (id === 'trends' || id === 'compare') {
          const description = (await page.getByTestId(`description-${id}`).textContent()) ?? '';
          for (const r of csv.rows.filter((row) => id === 'compare' || row.metric === 'r.new.total' || row.metric === 'r.handled.total')) {
            const value = formatNumber(Number(r.value), 'zh');
            expect(description).toContain(id === 'trends' ? `${metricLabel(r.metric, 'zh')}` : r.body_name);
            expect(description).toContain(id === 'trends' ? zh('overview.trendPoint', { year: r.year, value, n: r.reports }) : `${r.year} ${value}`);
          }
        }
      }
      expect(compared, 'numbers compared').toBeGreaterThan(0);
    });
  }
});
