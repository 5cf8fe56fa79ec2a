import type { LayerMode } from '../../db/protocol';
import type { DatasetSummary } from '../../shared/summary';
import type { Row } from '../data/rows';
import { num } from './common';

const LEVEL_ORDER = ['province', 'city', 'county', 'town', 'department', null];

/** Years × levels as stacked bar inputs; from the precomputed summary or from DuckDB alike. */
export function yearLevelSeries(rows: readonly Row[], label: (level: unknown) => string) {
  const years = [...new Set(rows.map((r) => num(r.year)).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const levels = LEVEL_ORDER.filter((level) => rows.some((r) => (r.level ?? null) === level));
  const series = levels.map((level) => ({
    name: label(level),
    values: years.map((year) => {
      const row = rows.find((r) => r.year === year && (r.level ?? null) === level);
      // The rows count reports: a year with none of a level is a counted 0, not a figure missing.
      return row ? num(row.reports) : 0;
    }),
  }));
  // Each level keeps one of the palette's first six places, the six furthest apart for every vision.
  return { categories: years.map(String), series, slots: levels.map((level) => LEVEL_ORDER.indexOf(level)) };
}

/**
 * The overview's counts (datasetCounts' columns the view reads) from the precomputed summary, which
 * ingest reads from the same whole-dataset rollup rows: the same numbers before DuckDB has answered.
 * A status or template no report has is a counted 0 (the summary lists only those that occur).
 */
export function countsFromSummary(summary: DatasetSummary): Row {
  const status = (name: string) => summary.by_status.find((s) => s.status === name)?.reports ?? 0;
  const template = (name: string | null) => summary.by_template.find((s) => s.template === name)?.reports ?? 0;
  const byYear = (name: string) => summary.by_template.find((s) => s.template === name)?.by_year ?? 0;
  return {
    reports: summary.reports,
    ok: status('ok'),
    partial: status('partial'),
    failed: status('failed'),
    narrative: template('narrative'),
    table2019: template('table2019'),
    table2021: template('table2021'),
    template_unknown: template(null),
    narrative_by_year: byYear('narrative'),
    table2019_by_year: byYear('table2019'),
    table2021_by_year: byYear('table2021'),
    failing_checks: summary.failing_checks,
    first_year: summary.years?.[0] ?? null,
    last_year: summary.years?.[1] ?? null,
  };
}

/**
 * The summary when its numbers are the view's until DuckDB answers: it counts the dataset's rows alone,
 * so not under the user's reports alone, nor under both layers once the user's is in (null: the view
 * waits for DuckDB's answer rather than show the dataset's counts as theirs).
 */
export function summaryForFirstPaint(summary: DatasetSummary | null, layer: LayerMode, userLayerIn: boolean): DatasetSummary | null {
  return layer === 'user' || (layer === 'all' && userLayerIn) ? null : summary;
}
