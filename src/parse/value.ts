// One way to make a Value, for code that builds one from parts (most extractors write the literal).
import type { Value } from './types';

export function makeValue(metric: string, value: number, approx: boolean, derived: boolean, start: number, end: number, source: Value['source']): Value {
  return { metric, value, approx, derived, start, end, source };
}

// V8 gives every Value one hidden class (same fields in the same order, wherever it is made). Made
// first with a whole number, its `value` field is laid out for small integers, and the first
// fraction (12.5 %, or 3万 computed as a float) changes the class of every Value, throwing away the
// code compiled for it (runChecks, deriveSubtotals). A Value with a fraction made first lays the
// field out for any number; it is kept alive on the function, as V8 drops a class no object has.
Object.defineProperty(makeValue, 'layout', { value: makeValue('', 0.5, false, false, 0, 0, 'table') });
