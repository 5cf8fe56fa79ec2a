// Which of a chart's (or download's) rows rest on a corrected value: the rows name a report, a
// body, a division or nothing (every own report pooled), and a year; a correction's report is
// known by all of these (src/db/user-corrections.ts). Rows count a correction only when they hold
// its metric (or a total made of it) or a value column; rows of report counts hold none.
import type { CorrectionOutcome } from '../../db/protocol';
import { DERIVED_TOTALS } from '../../shared/metrics';
import { wideColumnName } from '../../shared/wide-metrics';
import { POOLED_KEY } from '../data/pooled';
import type { Cell } from '../data/rows';

/** A correction applied to one report. */
export interface AppliedCorrection {
  metric: string;
  report: CorrectionOutcome['reports'][number];
}

export const appliedCorrections = (outcomes: readonly CorrectionOutcome[]): AppliedCorrection[] =>
  outcomes.flatMap((o) => (o.status === 'applied' ? o.reports.map((report) => ({ metric: o.metric, report })) : []));

/** The columns that may carry a metric's value: its own and those of the totals made of it. */
function columnsOf(metric: string): string[] {
  const wholes = DERIVED_TOTALS.filter((d) => d.parts.includes(metric)).map((d) => d.whole);
  return [metric, ...wholes].map(wideColumnName);
}

/** A column of one metric's value whatever the metric (value, area_value, children_value). */
const isValueColumn = (c: string) => c === 'value' || c.endsWith('_value');

/** Whether rows with these columns may hold the metric's value: rows of report counts (coverage, reports by year) never do. */
function relevant(columns: readonly string[], metric: string): boolean {
  if (columns.some(isValueColumn)) return true;
  return columnsOf(metric).some((c) => columns.includes(c) || columns.includes(`${c}__reports`));
}

/** Whether a body's row holds the report: its own body, or every own report pooled (area summaries are never pooled). */
const bodyHolds = (bodyKey: Cell, report: AppliedCorrection['report']) =>
  bodyKey === POOLED_KEY ? report.scope === 'self' : bodyKey === report.body_key;

function rowHolds(row: Record<string, Cell>, c: AppliedCorrection): boolean {
  const year = row.year;
  if (year !== undefined && year !== null && Number(year) !== c.report.year) return false;
  if (row.report_id !== undefined && row.report_id !== null) return row.report_id === c.report.report_id;
  if (row.body_key !== undefined && row.body_key !== null) return bodyHolds(row.body_key, c.report);
  if (row.division_code !== undefined && row.division_code !== null) return c.report.divisions.includes(String(row.division_code));
  return true;
}

/** Per row whether it rests on a corrected value, and how many corrections the rows hold. */
export function correctedRows(columns: readonly string[], rows: readonly Record<string, Cell>[], applied: readonly AppliedCorrection[]): { count: number; flags: boolean[] } {
  const flags = rows.map(() => false);
  if (applied.length === 0 || rows.length === 0) return { count: 0, flags };
  let count = 0;
  for (const c of applied) {
    if (!relevant(columns, c.metric)) continue;
    let held = false;
    rows.forEach((row, i) => {
      if (rowHolds(row, c)) {
        flags[i] = true;
        held = true;
      }
    });
    if (held) count++;
  }
  return { count, flags };
}

/**
 * Whether a tidy observation (one body or division, year and metric: src/app/data/tidy.ts) rests on
 * a corrected value: a correction of its metric (or of a part of it) in a report of that body or
 * division, that year.
 */
export function observationCorrected(o: { body_key: Cell; year: Cell; metric: Cell; report_id: Cell }, applied: readonly AppliedCorrection[]): boolean {
  return applied.some((c) => {
    if (o.metric !== c.metric && !DERIVED_TOTALS.some((d) => d.whole === o.metric && d.parts.includes(c.metric))) return false;
    if (o.year !== null && Number(o.year) !== c.report.year) return false;
    if (o.report_id !== null) return o.report_id === c.report.report_id;
    if (o.body_key !== null) return bodyHolds(o.body_key, c.report) || c.report.divisions.includes(String(o.body_key));
    return true;
  });
}
