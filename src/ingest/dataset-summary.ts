import type { Table } from 'apache-arrow';
import {
  compareNullsLast,
  compareYearLevel,
  type DatasetSummary,
  SUMMARY_STATUSES,
  type SummaryStatus,
  TREND_METRICS,
  type TrendMetric,
  type TrendRow,
  type YearLevelCount,
} from '../shared/summary';
import { SCHEMA_VERSION } from '../shared/manifest';
import type { DatasetTables } from './arrow-tables';

/** A column's values as plain JS (null where the cell is null). */
function column<T>(table: Table, name: string): T[] {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`table has no column ${name}`);
  return Array.from(vector) as T[];
}

function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * summary.json, read from the written tables themselves so it cannot disagree with them. Every
 * array has a fixed order and every object a fixed key order: the file is byte-deterministic.
 */
export function buildDatasetSummary(tables: Pick<DatasetTables, 'reports' | 'facts_wide'>, datasetVersion: string): DatasetSummary {
  const wide = tables.facts_wide;
  const years = column<number | null>(wide, 'year');
  const levels = column<string | null>(wide, 'level');
  const statuses = column<SummaryStatus>(wide, 'status');
  const templates = column<string | null>(wide, 'template');
  const scopes = column<string>(wide, 'scope');
  const failed = column<number>(wide, 'n_failed_checks');
  const metrics = Object.fromEntries(TREND_METRICS.map((m) => [m, column<number | null>(wide, m)])) as Record<TrendMetric, (number | null)[]>;

  const yearLevel = new Map<string, YearLevelCount>();
  const byStatus = new Map<SummaryStatus, number>();
  const byTemplate = new Map<string | null, number>();
  const trends = new Map<number, TrendRow>();
  let failingChecks = 0;
  for (let i = 0; i < wide.numRows; i++) {
    const [year, level] = [years[i], levels[i]];
    const key = JSON.stringify([year, level]);
    const cell = yearLevel.get(key) ?? { year, level, reports: 0 };
    cell.reports += 1;
    yearLevel.set(key, cell);
    increment(byStatus, statuses[i]);
    increment(byTemplate, templates[i]);
    if (failed[i] > 0) failingChecks += 1;

    if (year === null || statuses[i] === 'failed' || scopes[i] === 'area') continue;
    const trend = trends.get(year) ?? ({ year, reports: 0, ...Object.fromEntries(TREND_METRICS.map((m) => [m, null])) } as TrendRow);
    trend.reports += 1;
    for (const metric of TREND_METRICS) {
      const value = metrics[metric][i];
      if (value !== null) trend[metric] = (trend[metric] ?? 0) + value;
    }
    trends.set(year, trend);
  }

  const knownYears = years.filter((y): y is number => y !== null);
  return {
    schema_version: SCHEMA_VERSION,
    dataset_version: datasetVersion,
    reports: wide.numRows,
    synthetic: column<boolean | null>(tables.reports, 'synthetic').some((s) => s === true),
    by_year_level: [...yearLevel.values()].sort(compareYearLevel),
    by_status: SUMMARY_STATUSES.filter((s) => byStatus.has(s)).map((status) => ({ status, reports: byStatus.get(status)! })),
    by_template: [...byTemplate]
      .sort((a, b) => compareNullsLast(a[0], b[0]))
      .map(([template, reports]) => ({ template, reports })),
    failing_checks: failingChecks,
    years: knownYears.length === 0 ? null : [knownYears.reduce((a, b) => Math.min(a, b)), knownYears.reduce((a, b) => Math.max(a, b))],
    trends: [...trends.values()].sort((a, b) => a.year - b.year),
  };
}

/** The bytes of summary.json. */
export const summaryJson = (summary: DatasetSummary): string => `${JSON.stringify(summary, null, 2)}\n`;
