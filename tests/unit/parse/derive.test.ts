import { describe, expect, it } from 'vitest';
import { deriveSubtotals } from '../../../src/parse/checks/derive';
import type { Value } from '../../../src/parse/types';

const v = (metric: string, value: number, start: number, source: Value['source'] = 'table'): Value => ({ metric, value, approx: false, derived: false, start, end: start + 2, source });

describe('deriveSubtotals', () => {
  it('derives lit.total from direct and after-review suits, marked derived, spanning its parts', () => {
    const out = deriveSubtotals([v('lit.direct.total', 15, 100), v('lit.after_rv.total', 38, 120)]);
    expect(out).toEqual([{ metric: 'lit.total', value: 53, approx: false, derived: true, start: 100, end: 122, source: 'table' }]);
  });

  it('never replaces a printed total, and derives nothing from a missing part (absent is not 0)', () => {
    expect(deriveSubtotals([v('lit.direct.total', 15, 100), v('lit.after_rv.total', 38, 120), v('lit.total', 50, 140)])).toEqual([]);
    expect(deriveSubtotals([v('lit.direct.total', 15, 100)])).toEqual([]);
  });

  it('derives a reason-group total per applicant column only where every reason of that column is stated', () => {
    const reasons = ['not_held', 'need_creation', 'unclear'];
    const values = [...reasons.map((r, i) => v(`r.unable.${r}.total`, i + 1, 10 * i)), ...reasons.slice(0, 2).map((r, i) => v(`r.unable.${r}.natural`, 1, 50 + i))];
    expect(deriveSubtotals(values).map((d) => [d.metric, d.value, d.derived])).toEqual([['r.unable.total.total', 6, true]]);
  });

  it('labels a total derived from narrative figures as narrative', () => {
    const out = deriveSubtotals([v('lit.direct.total', 1, 5, 'narrative'), v('lit.after_rv.total', 2, 9, 'narrative')]);
    expect(out[0].source).toBe('narrative');
  });
});
