// runChecks counts a report's values into the identities naming them: every identity's status must be
// what looking up each of its metrics gives (none present: no check; some: not assessable; all: pass or fail).
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/parse/checks/identities';
import { makeValue } from '../../../src/parse/value';
import { IDENTITIES } from '../../../src/shared/metrics';

/** A small deterministic generator (no Math.random: the same cases every run). */
function lcg(seed: number) {
  let x = seed;
  return () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

describe('identity checks over any set of metrics present', () => {
  const metrics = [...new Set(IDENTITIES.flatMap((i) => [...i.whole, ...i.parts]))];
  it('give each identity the status its metrics present say, over 300 random reports', () => {
    const random = lcg(25);
    for (let round = 0; round < 300; round++) {
      const share = random();
      const present = metrics.filter(() => random() < share);
      // a metric twice (a later value replaces the earlier) counts once
      const values = [...present, ...present.slice(0, 3)].map((m, k) => makeValue(m, k % 7, false, false, k, k + 1, 'table'));
      const byMetric = new Map(values.map((v) => [v.metric, v.value]));
      const checks = new Map(runChecks(values).map((c) => [c.id, c]));
      for (const identity of IDENTITIES) {
        const all = [...identity.whole, ...identity.parts];
        const count = all.filter((m) => byMetric.has(m)).length;
        const check = checks.get(identity.id);
        if (count === 0) expect(check).toBeUndefined();
        else if (count < all.length) expect(check?.status).toBe('not_assessable');
        else {
          const sum = (ids: string[]) => Math.round(ids.reduce((a, m) => a + byMetric.get(m)!, 0) * 100) / 100;
          expect(check?.status).toBe(sum(identity.parts) === sum(identity.whole) ? 'pass' : 'fail');
        }
      }
    }
  });
});
