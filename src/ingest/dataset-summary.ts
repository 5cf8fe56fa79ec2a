import {
  compareNullsLast,
  compareYearLevel,
  type DatasetSummary,
  SUMMARY_STATUSES,
  type SummaryStatus,
  TREND_METRICS,
  type TrendRow,
  type YearLevelCount,
} from '../shared/summary';
import { SCHEMA_VERSION } from '../shared/manifest';
import { HARMONISED_METRICS, wideColumnName } from './harmonised';
import { type RollupRow, rollupSum } from './rollups';

function increment<K>(counts: Map<K, number>, key: K, by: number): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

// A template's rollup count, its name in by_template and the count of those given it by their year alone.
const TEMPLATE_COUNTS = [['narrative', 'narrative', 'narrative_by_year'], ['table2019', 'table2019', 'table2019_by_year'], ['table2021', 'table2021', 'table2021_by_year'], ['template_unknown', null, null]] as const;
const METRIC_OF_COLUMN = new Map(HARMONISED_METRICS.map((m) => [wideColumnName(m), m]));

/**
 * summary.json, read from the rollups' whole-dataset rows so it cannot disagree with them. Every
 * array has a fixed order and every object a fixed key order: the file is byte-deterministic.
 */
export function buildDatasetSummary(rollups: readonly RollupRow[], datasetVersion: string): DatasetSummary {
  const nation = rollups.filter((r) => r.division_level === 'nation');
  const yearLevel = new Map<string, YearLevelCount>();
  const byStatus = new Map<SummaryStatus, number>();
  const byTemplate = new Map<string | null, number>();
  const byTemplateYear = new Map<string | null, number>();
  const trends = new Map<number, TrendRow>();
  let failingChecks = 0;
  let reports = 0;
  let synthetic = 0;
  for (const row of nation) {
    const { year, level, counts } = row;
    reports += counts.reports;
    synthetic += counts.synthetic;
    failingChecks += counts.failing_checks;
    const key = JSON.stringify([year, level]);
    const cell = yearLevel.get(key) ?? { year, level, reports: 0 };
    cell.reports += counts.reports;
    yearLevel.set(key, cell);
    for (const status of SUMMARY_STATUSES) if (counts[status] > 0) increment(byStatus, status, counts[status]);
    for (const [count, template, byYear] of TEMPLATE_COUNTS) {
      if (counts[count] > 0) increment(byTemplate, template, counts[count]);
      if (byYear && counts[byYear] > 0) increment(byTemplateYear, template, counts[byYear]);
    }

    const kept = counts.reports - counts.failed;
    if (year === null || row.scope === 'area' || kept === 0) continue;
    const trend = trends.get(year) ?? ({ year, reports: 0, ...Object.fromEntries(TREND_METRICS.map((m) => [m, null])) } as TrendRow);
    trend.reports += kept;
    for (const column of TREND_METRICS) {
      const value = rollupSum(row, METRIC_OF_COLUMN.get(column)!);
      if (value !== null) trend[column] = (trend[column] ?? 0) + value;
    }
    trends.set(year, trend);
  }

  const knownYears = nation.map((r) => r.year).filter((y): y is number => y !== null);
  return {
    schema_version: SCHEMA_VERSION,
    dataset_version: datasetVersion,
    reports,
    synthetic: synthetic > 0,
    by_year_level: [...yearLevel.values()].sort(compareYearLevel),
    by_status: SUMMARY_STATUSES.filter((s) => byStatus.has(s)).map((status) => ({ status, reports: byStatus.get(status)! })),
    by_template: [...byTemplate]
      .sort((a, b) => compareNullsLast(a[0], b[0]))
      .map(([template, reports]) => ({ template, reports, by_year: byTemplateYear.get(template) ?? 0 })),
    failing_checks: failingChecks,
    years: knownYears.length === 0 ? null : [knownYears.reduce((a, b) => Math.min(a, b)), knownYears.reduce((a, b) => Math.max(a, b))],
    trends: [...trends.values()].sort((a, b) => a.year - b.year),
  };
}

/** The bytes of summary.json. */
export const summaryJson = (summary: DatasetSummary): string => `${JSON.stringify(summary, null, 2)}\n`;
