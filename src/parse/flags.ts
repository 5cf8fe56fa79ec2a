// A last pass over the values read from a report: values that are printed but doubtful get a
// warning naming them (metric, span, printed text). Nothing is changed or dropped here: a report's
// own errors are flagged, never corrected.
import { isChangeMetric, isMoneyMetric } from '../shared/metrics';
import type { Value } from './types';

/** A value this close (characters) to a U+FFFD from a damaged byte may have lost or changed a character. */
export const NEAR_REPLACEMENT = 12;

function replacementOffsets(text: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) found.push(i);
  return found;
}

/** Is any offset in sorted `offsets` within [from, to]? */
function anyWithin(offsets: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length && offsets[lo] <= to;
}

const printed = (text: string, value: Value): string => JSON.stringify(text.slice(value.start, Math.min(value.end, value.start + 40)));

/** One warning per doubtful value: next to an undecodable byte, beyond 2^53, or a count that is negative or fractional. */
export function suspectValueWarnings(values: readonly Value[], text: string): string[] {
  const warnings: string[] = [];
  const bad = replacementOffsets(text);
  for (const value of values) {
    if (value.derived) continue;
    const where = `${value.metric} at ${value.start}–${value.end} (printed ${printed(text, value)})`;
    if (bad.length > 0 && anyWithin(bad, value.start - NEAR_REPLACEMENT, value.end + NEAR_REPLACEMENT - 1)) {
      warnings.push(`suspect value: ${where} is next to an undecodable byte (U+FFFD); check it against the source`);
    }
    if (Math.abs(value.value) > Number.MAX_SAFE_INTEGER) {
      warnings.push(`suspect value: ${where} is beyond 2^53 and cannot be held exactly; it is kept as read`);
    }
    if (!isMoneyMetric(value.metric)) {
      if (value.value < 0 && !isChangeMetric(value.metric)) warnings.push(`suspect value: ${where} is a negative count`);
      else if (!Number.isInteger(value.value) && !value.approx) warnings.push(`suspect value: ${where} is a fractional count`);
    }
  }
  return warnings;
}
