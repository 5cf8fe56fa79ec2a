// Every view's queries, built by the same SQL builders the views use, on bodies and divisions
// picked from a dataset: bench/ui.ts times them in the page, bench/view-queries-node.ts in
// DuckDB-WASM under Node (old and new SQL side by side).
import * as sql from '../src/db/sql';
import { BODY_KEY_SQL } from '../src/db/sql/query';
import type { NativeDataset } from '../tests/helpers/native-duckdb';

const REPORT_ID = 'corpus/seeds/2019-liaoning-fuxin-city.txt';

export interface BenchQuery {
  view: string;
  label: string;
  query: sql.BuiltQuery;
}

export type Scale = 'shipped' | 'province' | 'national';

/** Every view's queries, built by the same SQL builders the views use, on bodies and divisions picked from the data. */
export async function benchQueries(native: NativeDataset, scale: Scale): Promise<{ queries: BenchQuery[]; notes: string[] }> {
  const one = async (text: string, params: (string | number)[] = []): Promise<Record<string, unknown>> => (await native.rows({ sql: text, params }))[0] ?? {};
  // At national size, a province other than the source one: its facts are copies under other codes.
  const province = scale === 'national' ? '440000' : String((await one('SELECT province_code FROM facts_wide WHERE province_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')).province_code);
  const city = String((await one('SELECT city_code FROM facts_wide WHERE province_code = ? AND city_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1', [province])).city_code);
  const county = String((await one('SELECT county_code FROM facts_wide WHERE city_code = ? AND county_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1', [city])).county_code);
  const year = Number((await one('SELECT max(year) AS y FROM facts_wide WHERE parent_code = ?', [city])).y);
  const overview: BenchQuery[] = [
    { view: 'overview', label: 'reportsByYearLevel', query: sql.reportsByYearLevel() },
    { view: 'overview', label: 'datasetCounts', query: sql.datasetCounts() },
    { view: 'overview', label: 'headlineTrends', query: sql.headlineTrends() },
    { view: 'overview', label: 'failingReports(50)', query: sql.failingReports(50) },
    { view: 'overview', label: 'failedFiles(50)', query: sql.failedFiles(50) },
  ];
  const hierarchy: BenchQuery[] = [
    { view: 'benchmark', label: `benchmarkChildren(${city}, ${year}, parent peers)`, query: sql.benchmarkChildren({ parent: city, year, metric: 'r.new.total' }) },
    { view: 'benchmark', label: `benchmarkChildren(${city}, province-level peers)`, query: sql.benchmarkChildren({ parent: city, year, metric: 'r.new.total', peer: 'province-level' }) },
    { view: 'benchmark', label: 'benchmarkChildren(rate.granted)', query: sql.benchmarkChildren({ parent: city, year, metric: 'rate.granted' }) },
    { view: 'reconcile', label: `reconciliation(${city}, ${year})`, query: sql.reconciliation({ parent: city, year, metric: 'r.new.total' }) },
    { view: 'coverage', label: `coverage(${city}, ${year})`, query: sql.coverage({ parent: city, year }) },
    { view: 'picker', label: `childrenTree(${county}) [towns of the province]`, query: sql.childrenTree({ parent: county }) },
    { view: 'picker', label: 'childrenTree(root)', query: sql.childrenTree({ parent: null }) },
    { view: 'picker', label: `departmentsOf(${city})`, query: sql.departmentsOf({ code: city }) },
    { view: 'picker', label: "searchDivisions('区', 30)", query: sql.searchDivisions({ text: '区', limit: 30 }) },
    { view: 'benchmark', label: `latestYearBelow(${city})`, query: sql.latestYearBelow({ parent: city }) },
    { view: 'benchmark', label: `benchmarkLatestYear(${city})`, query: sql.benchmarkLatestYear({ parent: city, metric: 'r.new.total' }) },
    { view: 'map', label: `provinceTotals(r.new.total, ${year})`, query: sql.provinceTotals({ metric: 'r.new.total', year }) },
    { view: 'similar', label: `similarPairs(${city}, ${year})`, query: sql.similarPairs({ parent: city, year }) },
    { view: 'similar', label: `similarScores(${city}, ${year})`, query: sql.similarScores({ parent: city, year }) },
  ];
  const notes = [`province ${province} · city ${city} · county ${county} · year ${year}`];
  const top = await native.rows({
    sql: `SELECT ${BODY_KEY_SQL} AS body, count(r_new_total) AS n FROM facts_wide
          WHERE r_new_total IS NOT NULL AND status <> 'failed' AND province_code = ?
          GROUP BY 1 HAVING body IS NOT NULL ORDER BY n DESC, body LIMIT 5`,
    params: [province],
  });
  const bodies = top.map((r) => String(r.body));
  const byBodies: BenchQuery[] = [
    { view: 'compare', label: `compareSeries(${bodies.length} bodies, r.new.total)`, query: sql.compareSeries({ bodies, metric: 'r.new.total' }) },
    { view: 'outcomes', label: `outcomeBreakdown(${bodies.length} bodies)`, query: sql.outcomeBreakdown({ bodies }) },
    { view: 'review', label: `reviewLitigation(${bodies.length} bodies)`, query: sql.reviewLitigation({ bodies }) },
  ];
  // National: the province drill-down (benchmark, first) loads the province's facts; bodies then reuse it.
  if (scale === 'national') return { queries: withRowLevel([...overview, ...hierarchy, ...byBodies]), notes: [...notes, `bodies ${bodies.join(', ')}`] };

  const [known] = await native.rows({ sql: 'SELECT count(*) AS n FROM reports WHERE report_id = ?', params: [REPORT_ID] });
  const reportId = Number(known.n) > 0 ? REPORT_ID : String((await native.rows({ sql: 'SELECT min(report_id) AS id FROM reports', params: [] }))[0].id);
  const where = await one("SELECT coalesce(substr(province_code, 1, 2), 'none') AS province, year FROM facts_wide WHERE report_id = ?", [reportId]);
  const location = { province: String(where.province), year: where.year === null ? null : Number(where.year) };
  notes.push(`bodies ${bodies.join(', ')} · report ${reportId}`);
  return {
    queries: withRowLevel([
      ...overview,
      ...byBodies,
      { view: 'outcomes', label: 'outcomeBreakdown(pooled)', query: sql.outcomeBreakdown({ bodies: [] }) },
      { view: 'outcomes', label: 'applicantBreakdown(pooled)', query: sql.applicantBreakdown({ bodies: [] }) },
      { view: 'review', label: 'reviewLitigation(pooled)', query: sql.reviewLitigation({ bodies: [] }) },
      { view: 'picker', label: "searchEntities('区', 30)", query: sql.searchEntities({ text: '区', limit: 30 }) },
      { view: 'picker', label: 'entityProvinces', query: sql.entityProvinces() },
      { view: 'report', label: 'reportList(500)', query: sql.reportList(500) },
      { view: 'report', label: "reportList(500, '局')", query: sql.reportList(500, '局') },
      ...hierarchy,
      { view: 'report', label: 'reportFacts(id) [lazy: its reports partition]', query: sql.reportFacts(reportId, location) },
      { view: 'report', label: 'reportValues(id) [lazy: its values partition]', query: sql.reportValues(reportId, location) },
      { view: 'report', label: 'reportChecks(id)', query: sql.reportChecks(reportId, location) },
      { view: 'report', label: 'reportText(id) [lazy: its texts partition]', query: sql.reportText(reportId, location) },
    ]),
    notes,
  };
}

/**
 * A query answered from a pre-aggregate (where the worker can: the dataset's own rows, held whole)
 * followed by the same query row-level, as before pre-aggregation: old and new timed in one run.
 */
function withRowLevel(queries: BenchQuery[]): BenchQuery[] {
  return queries.flatMap((q) => {
    if (!q.query.preaggregated) return [q];
    const rowLevel = { ...q.query, preaggregated: undefined };
    const parts = q.query.preaggregated.orElse;
    return [
      { ...q, label: `${q.label} [${parts ? 'stored answer' : 'pre-aggregated'}]` },
      // The form before stored answers (pre-aggregated parts, what answers a parent or year not stored).
      ...(parts ? [{ ...q, label: `${q.label} [parts]`, query: { ...q.query, preaggregated: parts } }] : []),
      { ...q, label: `${q.label} [row-level]`, query: rowLevel },
    ];
  });
}
