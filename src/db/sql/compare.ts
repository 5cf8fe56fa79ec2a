import type { Param } from '../protocol';
import { type BuiltQuery, filterConditions, metricColumn, placeholders, QueryInputError, whereClause } from './query';

export interface CompareInput {
  issuers: readonly string[];
  metric: string;
  years?: readonly [number, number];
}

export const MAX_COMPARED = 12;

/**
 * One metric over years for chosen issuers. Where an issuer has several reports for a year, the
 * first report (by id) that states the metric gives the value, and `reports` says how many there
 * were: values from two reports of one year are never added.
 */
export function compareSeries(input: CompareInput): BuiltQuery {
  if (input.issuers.length === 0) throw new QueryInputError('pick at least one jurisdiction');
  if (input.issuers.length > MAX_COMPARED) throw new QueryInputError(`at most ${MAX_COMPARED} jurisdictions at once`);
  const c = metricColumn(input.metric);
  const { conditions, params } = filterConditions({ years: input.years, scope: 'all' });
  const all: Param[] = [...input.issuers, ...params];
  return {
    name: 'compare.series',
    sql: `SELECT issuer, year,
  arg_min(${c}, report_id) FILTER (WHERE ${c} IS NOT NULL) AS value,
  min(report_id) FILTER (WHERE ${c} IS NOT NULL) AS report_id,
  count(*) AS reports,
  bool_or(scope = 'area') AS area_summary
FROM facts_wide
${whereClause([`issuer IN (${placeholders(input.issuers.length)})`, 'year IS NOT NULL', ...conditions])}
GROUP BY issuer, year
ORDER BY issuer, year`,
    params: all,
    tables: ['facts_wide'],
  };
}
