import type { Row } from '../data/rows';
import { num } from './common';

export type ReconcilePart = 'area' | 'children' | 'parent_self' | 'departments';

/**
 * The chart's parts as rows: the area summary beside the sum of the children's own reports, then
 * what is kept apart. Each says its parent, year and what it is in `scope` (the area summary; the
 * children's or the departments' own reports summed; the parent's own report) and the reports its
 * value rests on (one summary is used however many were published), so its CSV is tidy as every
 * chart's: a sum has no one report_id, a single report has its own.
 */
export function reconcileChartRows(row: Row, of: { body_key: string | null; body_name: string | null; year: number | null }, labels: Record<ReconcilePart, string>): Row[] {
  const one = (value: unknown) => (num(value) === null ? null : 1);
  return [
    { ...of, part: 'area', label: labels.area, value: num(row.area_value), scope: 'area', reports: one(row.area_value), report_id: row.area_report_id ?? null },
    { ...of, part: 'children', label: labels.children, value: num(row.children_value), scope: 'children', reports: num(row.children_in_sum), report_id: null },
    { ...of, part: 'parent_self', label: labels.parent_self, value: num(row.parent_self_value), scope: 'self', reports: one(row.parent_self_value), report_id: row.parent_self_report_id ?? null },
    { ...of, part: 'departments', label: labels.departments, value: num(row.departments_value), scope: 'departments', reports: num(row.departments_in_sum), report_id: null },
  ];
}

/** Listed children outside the sum: the gap holds their figures too, not only what the reports disagree on. */
export function gapIncomplete(r: Record<string, unknown>): { k: number; m: number } | null {
  const m = num(r.children_listed) ?? 0;
  const k = m - (num(r.children_in_sum) ?? 0);
  return num(r.gap) !== null && k > 0 ? { k, m } : null;
}

/** With no gap to qualify, a children's sum that rests on only some of the listed children says how many (广州 2020: 113 from 1 of 11). */
export function childrenPartial(r: Record<string, unknown>): { n: number; m: number } | null {
  const m = num(r.children_listed) ?? 0;
  const n = num(r.children_in_sum) ?? 0;
  return num(r.gap) === null && num(r.children_value) !== null && n < m ? { n, m } : null;
}
