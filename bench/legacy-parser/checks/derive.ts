// Subtotals the tables do not print (the 2019 table has no 不予公开/无法提供/不予处理 total
// rows; the 2021 table none for 其他处理), computed from printed cells and marked derived.
import { APPLICANT_COLUMNS } from '../../../src/shared/metrics';
import type { Value } from '../types';

const GROUPS: [string, string[]][] = [
  ['denied', ['state_secret', 'law_prohibited', 'security_stability', 'third_party', 'internal_affairs', 'process_info', 'enforcement_file', 'admin_query']],
  ['unable', ['not_held', 'need_creation', 'unclear']],
  ['rejected', ['petition', 'duplicate', 'publication', 'mass_repeat', 'confirm_reissue']],
  ['other', ['no_correction', 'no_fee', 'misc']],
];

export function deriveSubtotals(values: Value[]): Value[] {
  const byMetric = new Map(values.map((v) => [v.metric, v]));
  const derived: Value[] = [];
  for (const [group, reasons] of GROUPS) {
    const prefix = `r.${group}.${reasons[0]}.`;
    if (!values.some((v) => v.metric.startsWith(prefix))) continue;
    for (const col of APPLICANT_COLUMNS) {
      const total = `r.${group}.total.${col}`;
      if (byMetric.has(total)) continue;
      const parts = reasons.map((r) => byMetric.get(`r.${group}.${r}.${col}`));
      if (parts.some((p) => p === undefined)) continue;
      const printed = parts as Value[];
      derived.push({
        metric: total,
        value: Math.round(printed.reduce((a, p) => a + p.value, 0) * 100) / 100,
        approx: printed.some((p) => p.approx),
        derived: true,
        start: Math.min(...printed.map((p) => p.start)),
        end: Math.max(...printed.map((p) => p.end)),
        source: 'table',
      });
    }
  }
  return derived;
}
