// Totals a report does not print, computed from printed values and marked derived: the reason
// subtotals the tables leave out (the 2019 table has no 不予公开/无法提供/不予处理 total rows; the
// 2021 table none for 其他处理) and the totals of DERIVED_TOTALS (lit.total = direct + after review).
import { APPLICANT_COLUMNS, DERIVED_TOTALS, REASON_GROUP_NAMES, REASON_GROUPS } from '../../shared/metrics';
import type { Value } from '../types';

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
  const byMetric = new Map(values.map((v) => [v.metric, v]));
  const derived: Value[] = [];
  for (const { whole, parts } of DERIVABLE_TOTALS) {
    if (byMetric.has(whole)) continue;
    const stated = parts.map((p) => byMetric.get(p));
    if (stated.some((p) => p === undefined)) continue;
    const printed = stated as Value[];
    derived.push({
      metric: whole,
      value: Math.round(printed.reduce((a, p) => a + p.value, 0) * 100) / 100,
      approx: printed.some((p) => p.approx),
      derived: true,
      start: Math.min(...printed.map((p) => p.start)),
      end: Math.max(...printed.map((p) => p.end)),
      source: printed.every((p) => p.source === 'narrative') ? 'narrative' : 'table',
    });
  }
  return derived;
}
