// The identities of spec/metrics.md evaluated on one report's values. A report's own
// arithmetic errors are reported here as failing checks; values are never changed.
import { IDENTITIES } from '../../../src/shared/metrics';
import type { Check, Value } from '../types';

const EPSILON = 1e-6;
const cents = (n: number) => Math.round(n * 100) / 100;

export function runChecks(values: Value[]): Check[] {
  const byMetric = new Map(values.map((v) => [v.metric, v]));
  const sum = (ids: string[]) => cents(ids.reduce((acc, m) => acc + (byMetric.get(m)?.value ?? 0), 0));
  const checks: Check[] = [];
  for (const identity of IDENTITIES) {
    const metrics = [...identity.whole, ...identity.parts];
    const present = metrics.filter((m) => byMetric.has(m));
    if (present.length === 0) continue;
    // A whole computed from these very parts is true by construction.
    if (identity.whole.every((m) => byMetric.get(m)?.derived)) continue;
    if (present.length < metrics.length) {
      checks.push({ id: identity.id, status: 'not_assessable', expected: null, actual: null, metrics });
      continue;
    }
    const expected = sum(identity.parts);
    const actual = sum(identity.whole);
    checks.push({ id: identity.id, status: Math.abs(expected - actual) < EPSILON ? 'pass' : 'fail', expected, actual, metrics });
  }
  return checks;
}
