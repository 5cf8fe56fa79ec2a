// Issue 13, "every number on screen means what it says", in real headless Chromium over the shipped
// dataset: each finding as a person sees it (the share, the embed, the notice, the label), the
// numbers taken from native DuckDB running the same SQL builders on the Parquet copy.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from '../../src/charts/format';
import { translator } from '../../src/app/i18n/messages';
import { VIEW_CHARTS, type View } from '../../src/app/state/url-state';
import { applicantBreakdown, benchmarkChildren, compareSeries, coverage, failingReports, headlineTrends, outcomeBreakdown, reportChecks, reportValues } from '../../src/db/sql';
import { identityById, identityWithValues, labelOfMetric, placeOfMetric } from '../../src/shared/metric-catalogue';
import { METRIC_IDS } from '../../src/shared/metrics';
import { chartMethod, VIEW_REGISTRY } from '../../src/app/views/registry';
import type { NativeDataset } from '../helpers/native-duckdb';
import { browserSession, busiestCountyYear, comparePair, downloadFrom, openApp, parseCsv, waitForEngine, READY_TIMEOUT, waitForChart, type Body } from './support';

const session = browserSession();
let page: Page;
let native: NativeDataset;
let pair: [Body, Body];
/** A year in which 广州's districts state r.new.total (the benchmark draws). */
let benchYear: number;
const zh = translator('zh');
const GUANGZHOU = '440100';

beforeAll(async () => {
  ({ page, native } = session);
  pair = await comparePair(native);
  benchYear = await busiestCountyYear(native, GUANGZHOU);
});

/** The query string of each chart view, with what it needs to draw. */
const viewQuery = (view: View): string => {
  const bodies = pair.map((b) => `e=${encodeURIComponent(b.key)}`).join('&');
  if (view === 'compare' || view === 'review') return `view=${view}&${bodies}`;
  if (view === 'outcomes') return `view=outcomes&${bodies}`;
  if (view === 'benchmark' || view === 'reconcile' || view === 'coverage') return `view=${view}&parent=${GUANGZHOU}&year=${benchYear}`;
  return view === 'overview' ? '' : `view=${view}`;
};

describe('finding 4: every chart has its own id in the URL, and its embed renders exactly that chart', () => {
  for (const [view, charts] of Object.entries(VIEW_CHARTS) as [View, readonly string[]][]) {
    for (const id of charts) {
      it(`${view} · ${id}`, async () => {
        await openApp(page, viewQuery(view));
        const link = page.getByTestId(`embed-link-${id}`);
        await link.waitFor({ timeout: READY_TIMEOUT });
        const href = new URL((await link.getAttribute('href')) ?? '');
        expect(href.searchParams.get('chart')).toBe(id);
        expect(href.searchParams.get('embed')).toBe('1');
        await page.goto(href.href);
        await waitForChart(page, id);
        await expect(page.getByTestId('embed').count()).resolves.toBe(1);
        expect(await page.locator('[data-testid^="chart-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')))).toEqual([`chart-${id}`]);
      });
    }
  }
});

describe('finding 1: outcome shares are taken over the handled total', () => {
  it('上海市 2019: 不予处理 is 158 of 805 handled, and the unitemised rest is its own segment', async () => {
    const [row] = await native.rows(outcomeBreakdown({ bodies: ['310000'], years: [2019, 2019] }));
    // 无法提供 265 is printed as the group's total (its reasons itemised as 0): read since stop 11.
    expect(row).toMatchObject({ r_handled_total: 805, r_rejected_total_total: 158, r_unable_total_total: 265 });
    const handled = Number(row.r_handled_total);
    await openApp(page, 'view=outcomes&e=310000&from=2019&to=2019');
    const table = page.getByTestId('outcomes-table');
    await table.waitFor({ timeout: READY_TIMEOUT });
    await waitForChart(page, 'outcomes');
    const cell = (series: string) => table.locator(`tbody td[data-series="${series}"]`).first().textContent();
    expect(await cell(zh('outcome.rejected'))).toBe(`${formatPercent(158 / handled, 'zh')}（158）`);
    expect(await cell(zh('outcome.rejected'))).toBe('19.6%（158）');
    const rest = Number(row.unitemised);
    expect(rest).toBe(handled - 35 - 158 - 0 - 265);
    expect(await cell(zh('outcome.unitemised'))).toBe(`${formatPercent(rest / handled, 'zh')}（${formatNumber(rest, 'zh')}）`);
    // What the bar rests on: one report, one body, 805 requests.
    const first = await table.locator('tbody tr').first().locator('td').allTextContents();
    expect(first.slice(0, 3)).toEqual(['1', '1', formatNumber(handled, 'zh')]);
  });

  it('the applicant chart carries its own note, and counts mode does not talk of shares (finding 11)', async () => {
    await openApp(page, `view=outcomes&breakdown=applicants&shares=0&e=${encodeURIComponent(pair[0].key)}`);
    const note = page.getByTestId('outcomes-note');
    await note.waitFor({ timeout: READY_TIMEOUT });
    // A body shown by its area summaries (海珠区 2019–2021) has the line saying so after it (audit38 F8).
    const area = (await native.rows(applicantBreakdown({ bodies: [pair[0].key] }))).some((r) => r.scope === 'area' && Number(r.reports_with_total) > 0);
    expect(await note.textContent()).toBe(area ? `${zh('outcomes.note.applicants.counts')}\n${zh('scope.areaNote')}` : zh('outcomes.note.applicants.counts'));
    expect(await note.textContent()).not.toContain('占比');
  });
});

describe('finding 8: the Report view speaks in labels, places and formulas, not ids', () => {
  const SHANGHAI_2019 = 'corpus/real/2019-shanghai-shanghai-government-office-department.html';

  it('上海市 2019: every value has its Chinese label and its place in the 2019 form; scope and status translated', async () => {
    const values = await native.rows(reportValues(SHANGHAI_2019));
    expect(values.length).toBeGreaterThan(50);
    await openApp(page, [['view', 'report'], ['report', SHANGHAI_2019]]);
    await page.getByTestId('value-row').first().waitFor({ timeout: READY_TIMEOUT });
    const labels = await page.getByTestId('value-label').allTextContents();
    expect(labels).toEqual(values.map((v) => labelOfMetric(String(v.metric), 'zh')));
    expect(labels.filter((l) => /^(r|p|rv|lit|fee)\./.test(l))).toEqual([]);
    const places = await page.getByTestId('value-place').allTextContents();
    expect(places).toEqual(values.map((v) => placeOfMetric(String(v.metric), 'table2019', 'zh') ?? '—'));
    expect(places).toContain('表三 第三项（五）（第1–5行之和）· 总计');
    const facts = await page.locator('dl.facts').textContent();
    expect(facts).toContain(zh('scope.self'));
    expect(facts).not.toMatch(/\bself\b|\bok\b/);
  });

  it('values are reachable by keyboard: Tab to a value, Enter marks its source', async () => {
    const first = page.getByTestId('value-row').first();
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-testid="value-row"].active').count()).resolves.toBe(1);
    // The text pane marks the source once it has rendered the value's segment: wait for it, not a
    // fixed count at once. (The snippet under the row marks it too, shown only in one column.)
    const marked = page.getByTestId('report-text').locator('mark.active');
    await marked.first().waitFor({ timeout: READY_TIMEOUT });
    await expect(marked.count()).resolves.toBeGreaterThan(0);
  });

  it('a failing check shows its identity as a formula with the numbers of the report', async () => {
    const [failing] = await native.rows({ sql: 'SELECT report_id FROM facts_wide WHERE n_failed_checks > 0 ORDER BY n_failed_checks DESC, report_id LIMIT 1', params: [] });
    const id = String(failing.report_id);
    const checks = (await native.rows(reportChecks(id))).filter((c) => c.status === 'fail');
    const values = new Map((await native.rows(reportValues(id))).map((v) => [String(v.metric), Number(v.value)]));
    await openApp(page, [['view', 'report'], ['report', id]]);
    await page.getByTestId('failing-checks').waitFor({ timeout: READY_TIMEOUT });
    const formulas = await page.getByTestId('check-formula').allTextContents();
    expect(formulas).toEqual(checks.map((c) => identityWithValues(identityById(String(c.id))!, values, 'zh')));
    // The first names the balance of individuals' requests with its four numbers.
    expect(formulas[0]).toMatch(/^本年新收申请·自然人 \d+ \+ 上年结转申请·自然人 \d+ = 办理结果总计·自然人 \d+ \+ 结转下年度继续办理·自然人 \d+$/);
  });
});

describe('finding 2: coverage counts what did report', () => {
  const row = (code: string) => page.locator(`[data-testid="coverage-row"][data-unit="government"][data-code="${code}"]`);

  it('广州 2024: 白云区 reported under an ambiguous name (440111 广州 / 520113 贵阳) is not missing, its ambiguity shown', async () => {
    const expected = await native.rows(coverage({ parent: GUANGZHOU, year: 2024, today: new Date().toISOString().slice(0, 10) }));
    const baiyun = expected.find((r) => r.division_code === '440111');
    expect(baiyun).toMatchObject({ reports: 0, ambiguous_reports: 1, missing: false });
    await openApp(page, `view=coverage&parent=${GUANGZHOU}&year=2024`);
    await page.getByTestId('coverage-table').waitFor({ timeout: READY_TIMEOUT });
    await expect(row('440111').getAttribute('data-missing')).resolves.toBe('false');
    await expect(row('440111').getByTestId('ambiguous-note').textContent()).resolves.toBe(zh('coverage.ambiguous', { issuers: '白云区政府 (440111 / 520113)' }));
    const missing = expected.filter((r) => r.missing === true).length;
    await expect(page.getByTestId('missing-flag').count()).resolves.toBe(missing);
  });

  it('广州 2020: 黄埔区, whose area summary is keyed to its disclosure office, is not missing', async () => {
    const expected = await native.rows(coverage({ parent: GUANGZHOU, year: 2020 }));
    expect(expected.find((r) => r.division_code === '440112')).toMatchObject({ reports: 1, area_reports: 1, missing: false });
    await openApp(page, `view=coverage&parent=${GUANGZHOU}&year=2020`);
    await page.getByTestId('coverage-table').waitFor({ timeout: READY_TIMEOUT });
    await expect(row('440112').getAttribute('data-missing')).resolves.toBe('false');
    await expect(row('440112').getAttribute('data-reports')).resolves.toBe('1');
  });
});

describe('finding 7: URL parameters are checked against the dataset, and the controls show the state used', () => {
  const notices = () => page.getByTestId('notices').locator('li').allTextContents();
  let first: number;
  let last: number;

  beforeAll(async () => {
    const [bounds] = await native.rows({ sql: 'SELECT min(year) AS first, max(year) AS last FROM facts_wide', params: [] });
    [first, last] = [Number(bounds.first), Number(bounds.last)];
  });

  it('compare, from=1999&to=2030: a notice, every year of the dataset used, and the selects say so', async () => {
    await openApp(page, `view=compare&e=${encodeURIComponent(pair[0].key)}&from=1999&to=2030`);
    await page.getByTestId('notices').waitFor({ timeout: READY_TIMEOUT });
    await expect.poll(() => new URL(page.url()).searchParams.get('to'), { timeout: READY_TIMEOUT }).toBeNull();
    expect(await notices()).toContain(zh('noticeOutOfRange', { param: 'to', value: '2030', first, last }));
    await expect(page.getByTestId('year-from').inputValue()).resolves.toBe(String(first));
    await expect(page.getByTestId('year-to').inputValue()).resolves.toBe(String(last));
    expect(new URL(page.url()).searchParams.get('from')).toBeNull();
  });

  it('coverage, year=2035: a notice, and the latest year is shown', async () => {
    await openApp(page, `view=coverage&parent=${GUANGZHOU}&year=2035`);
    await page.getByTestId('notices').waitFor({ timeout: READY_TIMEOUT });
    expect(await notices()).toContain(zh('noticeOutOfRange', { param: 'year', value: '2035', first, last }));
    await expect.poll(() => new URL(page.url()).searchParams.get('year'), { timeout: READY_TIMEOUT }).toBeNull();
    await page.getByTestId('coverage-table').waitFor({ timeout: READY_TIMEOUT });
  });

  it('benchmark, parent=999999: a notice, and no division picked', async () => {
    await openApp(page, 'view=benchmark&parent=999999');
    await page.getByTestId('notices').waitFor({ timeout: READY_TIMEOUT });
    expect(await notices()).toContain(zh('noticeUnknownDivision', { value: '999999' }));
    await expect.poll(() => new URL(page.url()).searchParams.get('parent'), { timeout: READY_TIMEOUT }).toBeNull();
  });

  it('map, metric=rate.granted: a notice, and the metric select shows the metric drawn', async () => {
    await openApp(page, 'view=map&metric=rate.granted');
    await page.getByTestId('notices').waitFor({ timeout: READY_TIMEOUT });
    expect(await notices()).toContain(zh('noticeUnsupportedMetric', { value: 'rate.granted', fallback: labelOfMetric('r.new.total', 'zh') }));
    await expect(page.getByTestId('metric').inputValue()).resolves.toBe('r.new.total');
    expect(new URL(page.url()).searchParams.get('metric')).toBeNull();
  });
});

describe('finding 3: area summaries and own reports are never one line', () => {
  it('海珠区: 2019, 2020 and 2021 are area summaries, drawn and described as the area series, in the description and the CSV', async () => {
    // 2020 was read as its own report until its note (…海珠区分局数据未纳入上述统计) was read as a summary's: the
    // shipped corpus now holds no body with own and area values of one metric, so the series are area only
    const expected = await native.rows(compareSeries({ bodies: ['440105'], metric: 'r.new.total' }));
    const scopes = Object.fromEntries(expected.filter((r) => r.value !== null).map((r) => [String(r.year), r.scope]));
    expect(scopes).toMatchObject({ 2019: 'area', 2020: 'area', 2021: 'area' });
    await openApp(page, 'view=compare&e=440105');
    await waitForChart(page, 'compare');
    const name = String(expected[0].body);
    const series = (scope: string) => expected.filter((r) => r.scope === scope && r.value !== null).map((r) => `${String(r.year)} ${formatNumber(Number(r.value), 'zh')}`).join('，');
    const described = (['self', 'area'] as const).filter((scope) => series(scope) !== '').map((scope) => `${name}（${zh(`scope.${scope}`)}）：${series(scope)}`).join('；');
    expect(described).toContain(zh('scope.area'));
    // The view's own words follow the figures read from the drawn option (src/charts/describe.ts).
    await expect(page.getByTestId('description-compare').textContent()).resolves.toContain(described);
    const [header, ...rows] = parseCsv((await downloadFrom(page, 'csv-compare')).bytes.toString('utf8').replace(/^\uFEFF/, ''));
    const col = (c: string) => header.indexOf(c);
    expect(col('scope')).toBeGreaterThanOrEqual(0);
    expect(Object.fromEntries(rows.filter((r) => r[col('value')] !== '').map((r) => [r[col('year')], r[col('scope')]]))).toEqual(scopes);
  });

  it('benchmark ranks own reports by default; area summaries among themselves by switch; each row says its failing checks (finding 10)', async () => {
    const own = await native.rows(benchmarkChildren({ parent: GUANGZHOU, year: benchYear, metric: 'r.new.total' }));
    const areas = await native.rows(benchmarkChildren({ parent: GUANGZHOU, year: benchYear, metric: 'r.new.total', scope: 'area' }));
    expect(own.filter((r) => r.value !== null).every((r) => r.scope === 'self')).toBe(true);
    expect(areas.filter((r) => r.value !== null).every((r) => r.scope === 'area')).toBe(true);
    await openApp(page, `view=benchmark&parent=${GUANGZHOU}&year=${benchYear}`);
    await page.getByTestId('benchmark-table').waitFor({ timeout: READY_TIMEOUT });
    const ranked = () => page.locator('[data-testid^="bench-row-"]').evaluateAll((trs) => trs.filter((tr) => tr.getAttribute('data-rank') !== '').map((tr) => tr.getAttribute('data-code')));
    await expect.poll(ranked, { timeout: READY_TIMEOUT }).toEqual(own.filter((r) => r.rank !== null).map((r) => String(r.division_code)));
    const failing = await page.getByTestId('bench-failing').allTextContents();
    expect(failing).toEqual(own.map((r) => (Number(r.failed_checks ?? 0) > 0 ? String(r.failed_checks) : r.report_id ? '0' : '')));
    await page.getByTestId('bench-areas').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('scope')).toBe('area');
    await expect.poll(ranked, { timeout: READY_TIMEOUT }).toEqual(areas.filter((r) => r.rank !== null).map((r) => String(r.division_code)));
  });
});

describe('finding 6: the overview trend says how many reports stand behind each point', () => {
  it('describes each point with its report count, as native DuckDB sums the rollups', async () => {
    const rows = await native.rows(headlineTrends());
    const expected = (['r.new.total', 'r.handled.total'] as const)
      .map((m) => {
        const c = m.replaceAll('.', '_');
        const points = rows.filter((r) => Number(r[`${c}__reports`] ?? 0) > 0 && r[c] !== null);
        return `${labelOfMetric(m, 'zh')}：${points.map((r) => zh('overview.trendPoint', { year: Number(r.year), value: formatNumber(Number(r[c]), 'zh'), n: Number(r[`${c}__reports`]) })).join('，')}`;
      })
      .join('；');
    await openApp(page);
    await waitForChart(page, 'trends');
    await expect(page.getByTestId('description-trends').textContent()).resolves.toContain(expected);
  });
});

describe('finding 10: the failing list is filtered by year and division', () => {
  it('lists what native DuckDB lists for a year, and nothing for a division none of them is resolved to', async () => {
    const all = await native.rows(failingReports(50));
    expect(all.length).toBeGreaterThan(0);
    const year = Number(all[0].year);
    await openApp(page, `year=${year}`);
    await waitForEngine(page);
    const links = page.getByTestId('failing-table').locator('tbody a');
    await expect.poll(() => links.count(), { timeout: READY_TIMEOUT }).toBe((await native.rows(failingReports(50, { year }))).length);
    await expect(page.getByTestId('failing-year').inputValue()).resolves.toBe(String(year));
    const none = await native.rows(failingReports(50, { parent: GUANGZHOU }));
    await openApp(page, `parent=${GUANGZHOU}`);
    await waitForEngine(page);
    await expect.poll(() => links.count(), { timeout: READY_TIMEOUT }).toBe(none.length);
  });
});

describe('the methods page', () => {
  it('lists every metric with its places, every identity, and every chart links to an existing part of it', async () => {
    await openApp(page, 'view=methods');
    await page.getByTestId('methods').waitFor({ timeout: READY_TIMEOUT });
    await expect(page.getByTestId('methods-metric').count()).resolves.toBe(METRIC_IDS.length);
    for (const part of new Set(VIEW_REGISTRY.flatMap((v) => v.charts.map((c) => c.method)))) await expect(page.locator(`#methods-${part}`).count(), part).resolves.toBe(1);
    await openApp(page, '');
    const href = await page.getByTestId('methods-trends').getAttribute('href');
    expect(new URL(href!).hash).toBe(`#methods-${chartMethod('trends')}`);
    expect(new URL(href!).searchParams.get('view')).toBe('methods');
  });
});
