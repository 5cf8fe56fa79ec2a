// Example queries the console offers. Each one runs against the shipped dataset in
// tests/integration/db/user-sql.test.ts, so a renamed column breaks a test, not a user.
export interface ExampleQuery {
  id: string;
  zh: string;
  en: string;
  sql: string;
}

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    id: 'by-year-level',
    zh: '每年各层级的报告数',
    en: 'Reports per year and level',
    sql: `SELECT year, level, count(*) AS reports
FROM facts_wide
GROUP BY ALL
ORDER BY year, level`,
  },
  {
    id: 'top-requests',
    zh: '新收申请最多的主体（本级报告）',
    en: 'Bodies with the most new requests (own reports)',
    sql: `SELECT f.year, e.name, f.r_new_total
FROM facts_wide f
JOIN entities e ON e.key = f.body_key
WHERE f.scope = 'self' AND f.r_new_total IS NOT NULL
ORDER BY f.r_new_total DESC
LIMIT 20`,
  },
  {
    id: 'correction-rate',
    zh: '每年复议纠错率（合计后相除）',
    en: 'Reconsideration correction rate per year (from sums)',
    sql: `SELECT year,
  sum(rv_corrected) AS corrected,
  sum(rv_total) - coalesce(sum(rv_pending), 0) AS decided,
  round(sum(rv_corrected) / nullif(sum(rv_total) - coalesce(sum(rv_pending), 0), 0), 4) AS correction_rate
FROM facts_wide
WHERE scope = 'self' AND status <> 'failed' AND rv_total IS NOT NULL
GROUP BY year
ORDER BY year`,
  },
  {
    id: 'failing-checks',
    zh: '最常不成立的核对式',
    en: 'Checks that fail most often',
    sql: `SELECT id, count(*) AS failing_reports
FROM checks
WHERE status = 'fail'
GROUP BY id
ORDER BY failing_reports DESC, id`,
  },
  {
    id: 'approx-values',
    zh: '约数（“余”“多”）最多的指标',
    en: 'Metrics most often printed as approximations',
    sql: `SELECT metric, count(*) AS values_printed, count(*) FILTER (WHERE approx) AS approximate
FROM "values"
GROUP BY metric
ORDER BY approximate DESC, metric
LIMIT 20`,
  },
  {
    id: 'schema',
    zh: 'facts_wide 的列',
    en: 'Columns of facts_wide',
    sql: 'DESCRIBE facts_wide',
  },
];
