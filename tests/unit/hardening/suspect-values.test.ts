import { describe, expect, it } from 'vitest';
import { dropImpossibleValues } from '../../../src/parse/checks/counts';
import { parseReport } from '../../../src/parse/index';
import type { Value } from '../../../src/parse/types';

const TEXT = '共收到申请90071992547409930件,减5件,12.5件,金额12.5万元,增-3,约2.5万件';
const value = (metric: string, v: number, printed: string, extra: Partial<Value> = {}): Value => {
  const start = TEXT.indexOf(printed);
  return { metric, value: v, approx: false, derived: false, start, end: start + printed.length, source: 'narrative', ...extra };
};

describe('values no count can hold are left out with a warning, never rounded', () => {
  it('leaves out counts beyond 2^53, negative and fractional counts, each with a warning naming its text; keeps money, changes and approximations', () => {
    const values = [
      value('r.new.total', 90071992547409930, '90071992547409930'),
      value('r.granted', -5, '减5'),
      value('r.partial', 12.5, '12.5件'),
      value('p.fees.amount_yuan', 125000, '12.5万元'),
      value('p.fees.change', -3, '-3'),
      value('r.denied.state_secret', 25000, '2.5万件', { approx: true }),
    ];
    const { values: kept, warnings } = dropImpossibleValues(values, TEXT);
    expect(kept.map((v) => v.metric)).toEqual(['p.fees.amount_yuan', 'p.fees.change', 'r.denied.state_secret']);
    expect(warnings).toEqual([
      'r.new.total: "90071992547409930" is a count too large to hold exactly (2^53 or more); left out',
      'r.granted: "减5" is a negative count; left out',
      'r.partial: "12.5件" is a fractional count; left out',
    ]);
  });

  it('a count beyond 2^53 never reaches the output rounded', () => {
    // A number slot takes at most 16 digits and never starts inside a digit run, so such a figure is
    // not read at all (left absent) rather than rounded into a double.
    const report = '某某县人民政府2015年政府信息公开工作年度报告\n本年度共收到政府信息公开申请90071992547409930件。\n';
    const parsed = parseReport(report);
    expect(parsed.values.filter((v) => !Number.isSafeInteger(Math.trunc(v.value)))).toEqual([]);
    expect(parsed.values.find((v) => v.metric === 'r.new.total')).toBeUndefined();
  });
});
