// The identities of spec/metrics.md evaluated on one report's values. A report's own
// arithmetic errors are reported here as failing checks; values are never changed.
import { IDENTITIES } from '../../shared/metrics';
import type { Check, Value } from '../types';

const EPSILON = 1e-6;
const cents = (n: number) => Math.round(n * 100) / 100;

/** Each identity's metrics, whole first: built once, copied into a check only when one is made. */
const METRICS = IDENTITIES.map((identity) => [...identity.whole, ...identity.parts]);
/** Per metric, the identities (by index) naming it: a report's values are counted into them, not 459 lookups per report. */
const IDENTITIES_OF = new Map<string, number[]>();
METRICS.forEach((metrics, k) => {
  for (const m of metrics) {
    const list = IDENTITIES_OF.get(m);
    if (list) list.push(k);
    else IDENTITIES_OF.set(m, [k]);
  }
});

/** Per identity, how many of its metrics the report has (one array, reused: a new typed array per report cost as much as the count). */
const PRESENT = new Int32Array(IDENTITIES.length);

export function runChecks(values: Value[]): Check[] {
  const byMetric = new Map<string, Value>();
  for (let i = 0; i < values.length; i++) byMetric.set(values[i].metric, values[i]);
  const sum = (ids: string[]) => cents(ids.reduce((acc, m) => acc + (byMetric.get(m)?.value ?? 0), 0));
  const present = PRESENT.fill(0);
  for (const m of byMetric.keys()) {
    const of = IDENTITIES_OF.get(m);
    if (of) for (let i = 0; i < of.length; i++) present[of[i]]++;
  }
  const checks: Check[] = [];
  for (let k = 0; k < IDENTITIES.length; k++) {
    const identity = IDENTITIES[k];
    const all = METRICS[k];
    const presentCount = present[k];
    if (presentCount === 0) continue;
    // A whole computed from these very parts is true by construction.
    if (identity.whole.every((m) => byMetric.get(m)?.derived)) continue;
    const metrics = all.slice();
    if (presentCount < metrics.length) {
      checks.push({ id: identity.id, status: 'not_assessable', expected: null, actual: null, metrics });
      continue;
    }
    const expected = sum(identity.parts);
    const actual = sum(identity.whole);
    checks.push({ id: identity.id, status: Math.abs(expected - actual) < EPSILON ? 'pass' : 'fail', expected, actual, metrics });
  }
  return checks;
}
