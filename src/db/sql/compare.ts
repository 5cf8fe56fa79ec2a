import { WIDE_METRICS, wideColumnName } from '../../shared/wide-metrics';
import { definePreaggregate, perBodySource, perBodyYear } from './preaggregated';
import { type BodiesInput, type BuiltQuery, metricColumn, pickedReports, QueryInputError } from './query';

export interface CompareInput extends BodiesInput {
  metric: string;
}

export const MAX_COMPARED = 12;

/**
 * One metric over years for chosen bodies (keys, see BODY_KEY_SQL). A body's own reports and its
 * area summaries are two series, so a year has a row for each scope it has a report of. Where a
 * body has several reports of one scope in a year (under one printed name or several), one gives
 * the value (see pickedReports) and `reports` says how many the body had that year: values from
 * two reports of one year are never added. Columns: body_key, body (its name), year, value,
 * report_id (of the value), reports, scope (`self` or `area`, of the report used), area_summary
 * (scope = 'area').
 */
export function compareSeries(input: CompareInput): BuiltQuery {
  const c = metricColumn(input.metric);
  const detail = compareRows(input, c);
  return perBodyYear(detail, input, COMPARED[c], SCOPE_ORDER);
}

/** A year's own report before its area summary, wherever the rows come from. */
const SCOPE_ORDER = 'scope DESC';

/** Per metric column, every body's series (a metric nobody compares costs nothing). */
const COMPARED: Record<string, string> = Object.fromEntries(
  WIDE_METRICS.map((metric) => {
    const c = wideColumnName(metric);
    // The default metric's behind init (compare opens on it), the others on first use.
    return [c, definePreaggregate(`pre_compare_${c}`, () => perBodySource(compareRows({ everyBody: true, metric }, c), ['reports']), { behindInit: metric === 'r.new.total' })];
  }),
);

function compareRows(input: CompareInput, c: string): BuiltQuery {
  const chosen = input.everyBody ? 1 : (input.bodies?.length ?? 0) || (input.issuers?.length ?? 0);
  if (chosen === 0) throw new QueryInputError('pick at least one body');
  if (chosen > MAX_COMPARED) throw new QueryInputError(`at most ${MAX_COMPARED} bodies at once`);
  const picked = pickedReports(input, `${c} IS NOT NULL`, c, true);
  return {
    name: 'compare.series',
    sql: `WITH picked AS (
${picked.sql}
)
SELECT p.body_key, e.name AS body, p.year, p.${c} AS value,
  CASE WHEN p.${c} IS NOT NULL THEN p.report_id END AS report_id,
  p.body_reports AS reports, p.scope, p.scope = 'area' AS area_summary
FROM picked p
JOIN entities e ON e.key = p.body_key
ORDER BY e.name, p.body_key, p.year, p.${SCOPE_ORDER}`,
    params: picked.params,
    tables: ['facts_wide', 'entities'],
    ...(picked.provinces ? { provinces: picked.provinces } : {}),
  };
}
