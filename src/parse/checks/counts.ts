// Values a table or sentence can print but a count cannot hold: negative or fractional counts
// (a signed change and money excepted), and magnitudes a double cannot hold exactly (≥ 2^53,
// or money whose cents pass 2^53). They are left out with a warning naming the printed text,
// never rounded or corrected.
import { isChangeMetric, isMoneyMetric } from '../../shared/metrics';
import type { Value } from '../types';

function problem(v: Value): string | null {
  if (isMoneyMetric(v.metric)) {
    return Number.isSafeInteger(Math.round(Math.abs(v.value) * 100)) ? null : 'an amount too large to hold exactly (2^53 cents or more)';
  }
  if (!Number.isSafeInteger(Math.trunc(v.value))) return 'a count too large to hold exactly (2^53 or more)';
  if (!Number.isInteger(v.value)) return 'a fractional count';
  if (v.value < 0 && !isChangeMetric(v.metric)) return 'a negative count';
  return null;
}

/** The values a report can hold, and a warning for each one left out. */
export function dropImpossibleValues(values: readonly Value[], text: string): { values: Value[]; warnings: string[] } {
  const kept: Value[] = [];
  const warnings: string[] = [];
  for (const v of values) {
    const why = problem(v);
    if (why === null) kept.push(v);
    else warnings.push(`${v.metric}: "${text.slice(v.start, v.end).slice(0, 40)}" is ${why}; left out`);
  }
  return { values: kept, warnings };
}
