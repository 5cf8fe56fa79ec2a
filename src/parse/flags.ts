// A last pass over the values read from a report: a value printed next to a byte that could not be
// decoded gets a warning naming it (metric, span, printed text). Nothing is changed or dropped here.
// Values no count can hold (negative, fractional, beyond 2^53) were left out before, with their own
// warning, by checks/counts.ts.
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

/** One warning per value next to an undecodable byte (U+FFFD). */
export function suspectValueWarnings(values: readonly Value[], text: string): string[] {
  const warnings: string[] = [];
  const bad = replacementOffsets(text);
  if (bad.length === 0) return warnings;
  for (const value of values) {
    if (value.derived) continue;
    if (anyWithin(bad, value.start - NEAR_REPLACEMENT, value.end + NEAR_REPLACEMENT - 1)) {
      const where = `${value.metric} at ${value.start}–${value.end} (printed ${printed(text, value)})`;
      warnings.push(`suspect value: ${where} is next to an undecodable byte (U+FFFD); check it against the source`);
    }
  }
  return warnings;
}
