// The overview reads only the rollups (and the short list of failing reports), so it answers at
// once at any dataset size: `division_level = 'nation'` rows count every report exactly once.
import { definePreaggregate, withPreaggregate } from './preaggregated';
import type { BuiltQuery } from './query';
import { metricColumn, QueryInputError } from './query';

const NATION = "division_level = 'nation'";

/**
 * The overview's charts take no parameter: each one's whole answer is kept as a table on first use
 * (from the rollups, at any dataset size), and read again as it is. Their sums over the rollups'
 * ~185 columns cost 13–21 ms of CPU each time at province size; reading a stored answer ~1.5 ms.
 */
function wholeAnswer(name: string, rows: () => BuiltQuery, order: string): () => BuiltQuery {
  const table = definePreaggregate(name, rows, { behindInit: false, anySize: true });
  return () => withPreaggregate(rows(), { sql: `SELECT * FROM ${table}${order ? ` ORDER BY ${order}` : ''}`, params: [], tables: [], preaggregates: [table] });
}

/** Reports by reporting year × issuer level, every status and scope (this is coverage, not a total). */
const reportsByYearLevelRows = (): BuiltQuery => ({
  name: 'overview.byYearLevel',
  sql: `SELECT year, level, sum(reports) AS reports
FROM rollups
WHERE ${NATION}
GROUP BY year, level
ORDER BY year NULLS LAST, level NULLS LAST`,
  params: [],
  tables: ['rollups'],
  provinces: [],
});
export const reportsByYearLevel = wholeAnswer('pre_overview_year_level', reportsByYearLevelRows, 'year NULLS LAST, level NULLS LAST');

/** One row of dataset-wide counts: status, templates (and of each, how many from the year alone), scope, failing checks. */
const datasetCountsRow = (): BuiltQuery => ({
  name: 'overview.counts',
  sql: `SELECT
  coalesce(sum(reports), 0) AS reports,
  coalesce(sum(ok), 0) AS ok,
  coalesce(sum(partial), 0) AS partial,
  coalesce(sum(failed), 0) AS failed,
  coalesce(sum(narrative), 0) AS narrative,
  coalesce(sum(table2019), 0) AS table2019,
  coalesce(sum(table2021), 0) AS table2021,
  coalesce(sum(template_unknown), 0) AS template_unknown,
  coalesce(sum(narrative_by_year), 0) AS narrative_by_year,
  coalesce(sum(table2019_by_year), 0) AS table2019_by_year,
  coalesce(sum(table2021_by_year), 0) AS table2021_by_year,
  coalesce(sum(reports) FILTER (WHERE scope = 'area'), 0) AS area,
  coalesce(sum(failing_checks), 0) AS failing_checks,
  coalesce(sum(synthetic), 0) AS synthetic,
  min(year) AS first_year,
  max(year) AS last_year
FROM rollups
WHERE ${NATION}`,
  params: [],
  tables: ['rollups'],
  provinces: [],
});
export const datasetCounts = wholeAnswer('pre_overview_counts', datasetCountsRow, '');

export const HEADLINE_METRICS = ['r.new.total', 'r.handled.total', 'rv.total', 'lit.total'] as const;

/** Headline sums per year over self reports (area summaries would double count), with how many reports state each. */
function headlineTrendsRows(): BuiltQuery {
  const parts = HEADLINE_METRICS.map((m) => {
    const c = metricColumn(m);
    return `sum(${c}) AS ${c}, sum(${c}__reports) AS ${c}__reports`;
  });
  return {
    name: 'overview.trends',
    sql: `SELECT year, sum(reports - failed) AS reports, ${parts.join(', ')}
FROM rollups
WHERE ${NATION} AND year IS NOT NULL AND scope = 'self'
GROUP BY year
HAVING sum(reports - failed) > 0
ORDER BY year`,
    params: [],
    tables: ['rollups'],
    provinces: [],
  };
}
export const headlineTrends = wholeAnswer('pre_overview_trends', headlineTrendsRows, 'year');

export interface FailingFilter {
  /** One report year. */
  year?: number | null;
  /** A division (6-digit code): reports of it or of any division below it. */
  parent?: string | null;
}

/**
 * Reports whose arithmetic does not add up, most failures first, at most `limit`; `total` is how
 * many match, so a list that is cut can say so.
 */
export function failingReports(limit = 50, filter: FailingFilter = {}): BuiltQuery {
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  if (filter.year !== undefined && filter.year !== null) {
    if (!Number.isInteger(filter.year)) throw new QueryInputError(`not a report year: ${JSON.stringify(filter.year)}`);
    conditions.push('f.year = ?');
    params.push(filter.year);
  }
  const parent = filter.parent ?? null;
  if (parent !== null) {
    if (!/^\d{6}$/.test(parent)) throw new QueryInputError(`not a division code: ${JSON.stringify(parent)}`);
    conditions.push('(w.division_code = ? OR w.province_code = ? OR w.city_code = ? OR w.county_code = ?)');
    params.push(parent, parent, parent, parent);
  }
  return {
    name: 'overview.failing',
    sql: `SELECT f.report_id, f.issuer, f.year, f.template, f.n_failed_checks, count(*) OVER () AS total
FROM failing f
${parent !== null ? 'JOIN facts_wide w USING (report_id)' : ''}
${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
ORDER BY f.n_failed_checks DESC, f.report_id
LIMIT ?`,
    params: [...params, limit],
    tables: parent !== null ? ['failing', 'facts_wide'] : ['failing'],
    ...(parent !== null ? { provinces: [parent.slice(0, 2)] } : {}),
  };
}
