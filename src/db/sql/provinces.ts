// A metric summed per province and year, for the province map. Own reports only (scope 'self':
// area summaries repeat their units' figures and are never added to them), parse not failed, and
// one report per unit and year (a government or one of its departments: several reports of a unit
// in one year are never added; the one stating the metric, then the lowest report_id, is used).
// Reports whose division is not resolved (no province_code) cannot be placed and are left out.
import type { Param } from '../protocol';
import { definePreaggregate, withPreaggregate } from './preaggregated';
import { type BuiltQuery, metricColumn, QueryInputError } from './query';

export interface ProvinceTotalsInput {
  /** A metric id of WIDE_METRICS (whitelisted; a rate cannot be summed). */
  metric: string;
  /** One report year; every year when absent. */
  year?: number;
}

/**
 * Columns: province_code (`NN0000`), year, value (Σ of the metric over the units stating it; null
 * when none does), units (units whose report states the metric), reports (own reports that did not
 * fail, every report of a unit counted).
 */
export function provinceTotals(input: ProvinceTotalsInput): BuiltQuery {
  const column = metricColumn(input.metric);
  const params: Param[] = [];
  let yearFilter = '';
  if (input.year !== undefined) {
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw new QueryInputError(`not a report year: ${JSON.stringify(input.year)}`);
    yearFilter = 'AND year = ?';
    params.push(input.year);
  }
  const sql = `WITH own AS (
  SELECT province_code, year, report_id, ${column} AS value,
    count(*) OVER (PARTITION BY year, division_code, department) AS unit_reports,
    row_number() OVER (PARTITION BY year, division_code, department ORDER BY CASE WHEN ${column} IS NOT NULL THEN 0 ELSE 1 END, report_id) AS pick
  FROM facts_wide
  WHERE scope = 'self' AND status <> 'failed' AND province_code IS NOT NULL AND division_code IS NOT NULL AND year IS NOT NULL ${yearFilter}
)
SELECT province_code, year, sum(value) AS value, count(value) AS units, sum(unit_reports) AS reports
FROM own
WHERE pick = 1
GROUP BY province_code, year
ORDER BY province_code, year`;
  const detail: BuiltQuery = { name: input.year === undefined ? 'provinces.totals' : 'provinces.totals.year', sql, params, tables: ['facts_wide'] };
  // Every year's answer is the pre-aggregate, a year a filter on it (a unit's pick is per year).
  const totals = PROVINCE_TOTALS.get(input.metric);
  if (!totals) return detail;
  return withPreaggregate(detail, {
    sql: `SELECT * FROM ${totals}${input.year === undefined ? '' : ' WHERE year = ?'} ORDER BY province_code, year`,
    params,
    tables: [],
    preaggregates: [totals],
  });
}

/**
 * The map's whole answer for the metric it opens on, built on first use; stored for a national
 * dataset, whose facts_wide the page never holds whole (the map reads every province). A
 * province's rows come from its own partitions (a unit is in its province's), so ingest builds it
 * a province at a time.
 */
const PROVINCE_TOTALS = new Map(
  ['r.new.total'].map((metric) => [
    metric,
    definePreaggregate('pre_province_totals_r_new_total', () => provinceTotals({ metric }), { behindInit: false, stored: 'national', byProvince: 'province_code, year' }),
  ]),
);

/**
 * The names of division codes (6 or 9 digits) from the gazetteer, under their latest name.
 * Columns: code, name, level, parent.
 */
export function divisionNames(codes: readonly string[]): BuiltQuery {
  const valid = [...new Set(codes)];
  for (const code of valid) if (typeof code !== 'string' || !/^\d{6}(\d{3})?$/.test(code)) throw new QueryInputError(`not a division code: ${JSON.stringify(code)}`);
  if (valid.length === 0) return { name: 'divisions.names', sql: 'SELECT NULL::VARCHAR AS code, NULL::VARCHAR AS name, NULL::VARCHAR AS level, NULL::VARCHAR AS parent WHERE false', params: [], tables: [] };
  return {
    name: 'divisions.names',
    sql: `SELECT code, arg_max(name, "first") AS name, arg_max(level, "first") AS level, arg_max(parent, "first") AS parent
FROM jurisdictions WHERE code IN (${valid.map(() => '?').join(', ')})
GROUP BY code ORDER BY code`,
    params: valid,
    tables: ['jurisdictions'],
  };
}
