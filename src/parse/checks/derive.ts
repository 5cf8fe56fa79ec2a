// Totals a report does not print, computed from printed values and marked derived: the reason
// subtotals the tables leave out (the 2019 table has no 不予公开/无法提供/不予处理 total rows; the
// 2021 table none for 其他处理) and the totals of DERIVED_TOTALS (lit.total = direct + after review).
import { APPLICANT_COLUMNS, DERIVED_TOTALS, REASON_GROUP_NAMES, REASON_GROUPS } from '../../shared/metrics';
import type { Value } from '../types';
import { makeValue } from '../value';

/** Every total the parser derives when it is not printed and all its parts are. */
export const DERIVABLE_TOTALS: readonly { whole: string; parts: readonly string[] }[] = [
  ...REASON_GROUP_NAMES.flatMap((group) =>
    APPLICANT_COLUMNS.map((col) => ({
      whole: `r.${group}.total.${col}`,
      parts: REASON_GROUPS[group].map((reason) => `r.${group}.${reason}.${col}`),
    })),
  ),
  ...DERIVED_TOTALS,
];

export function deriveSubtotals(values: Value[]): Value[] {
  const byMetric = new Map<string, Value>();
  for (let i = 0; i < values.length; i++) byMetric.set(values[i].metric, values[i]);
  const derived: Value[] = [];
  // plain loops, no arrays in between: arrays of varying element kinds made V8 compile this three times
  for (const { whole, parts } of DERIVABLE_TOTALS) {
    if (byMetric.has(whole)) continue;
    let sum = 0;
    let approx = false;
    let start = Infinity;
    let end = -Infinity;
    let narrative = true;
    let all = true;
    for (let k = 0; k < parts.length; k++) {
      const p = byMetric.get(parts[k]);
      if (p === undefined) {
        all = false;
        break;
      }
      sum += p.value;
      approx ||= p.approx;
      start = Math.min(start, p.start);
      end = Math.max(end, p.end);
      narrative &&= p.source === 'narrative';
    }
    if (!all) continue;
    derived.push(makeValue(whole, Math.round(sum * 100) / 100, approx, true, start, end, narrative ? 'narrative' : 'table'));
  }
  return derived;
}
