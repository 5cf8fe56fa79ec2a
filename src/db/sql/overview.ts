import type { BuiltQuery } from './query';
import { metricColumn } from './query';

/** Reports by reporting year × issuer level, every status and scope (this is coverage, not a total). */
export const reportsByYearLevel = (): BuiltQuery => ({
  name: 'overview.byYearLevel',
  sql: `SELECT year, level, count(*) AS reports
FROM facts_wide
GROUP BY year, level
ORDER BY year NULLS LAST, level NULLS LAST`,
  params: [],
  tables: ['facts_wide'],
});

/** One row of dataset-wide counts: status, templates, scope, failing checks. */
export const datasetCounts = (): BuiltQuery => ({
  name: 'overview.counts',
  sql: `SELECT
  count(*) AS reports,
  count(*) FILTER (WHERE status = 'ok') AS ok,
  count(*) FILTER (WHERE status = 'partial') AS partial,
  count(*) FILTER (WHERE status = 'failed') AS failed,
  count(*) FILTER (WHERE template = 'narrative') AS narrative,
  count(*) FILTER (WHERE template = 'table2019') AS table2019,
  count(*) FILTER (WHERE template = 'table2021') AS table2021,
  count(*) FILTER (WHERE template IS NULL) AS template_unknown,
  count(*) FILTER (WHERE scope = 'area') AS area,
  count(*) FILTER (WHERE n_failed_checks > 0) AS failing_checks,
  min(year) AS first_year,
  max(year) AS last_year
FROM facts_wide`,
  params: [],
  tables: ['facts_wide'],
});

export const HEADLINE_METRICS = ['r.new.total', 'r.handled.total', 'rv.total', 'lit.total'] as const;

/** Headline sums per year over self reports (area summaries would double count), with how many reports state each. */
export function headlineTrends(): BuiltQuery {
  const parts = HEADLINE_METRICS.map((m) => {
    const c = metricColumn(m);
    return `sum(${c}) AS ${c}, count(${c}) AS ${c}__reports`;
  });
  return {
    name: 'overview.trends',
    sql: `SELECT year, count(*) AS reports, ${parts.join(', ')}
FROM facts_wide
WHERE year IS NOT NULL AND scope = 'self' AND status <> 'failed'
GROUP BY year
ORDER BY year`,
    params: [],
    tables: ['facts_wide'],
  };
}

/** Reports whose arithmetic does not add up, most failures first. */
export const failingReports = (limit = 50): BuiltQuery => ({
  name: 'overview.failing',
  sql: `SELECT report_id, issuer, year, template, n_failed_checks
FROM facts_wide
WHERE n_failed_checks > 0
ORDER BY n_failed_checks DESC, report_id
LIMIT ?`,
  params: [limit],
  tables: ['facts_wide'],
});
