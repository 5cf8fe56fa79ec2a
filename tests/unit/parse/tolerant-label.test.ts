// A numbered row label misprinted with characters missing is its row only when the item number
// is the row's and the print is the form's label with at most a third left out, in order.
import { describe, expect, it } from 'vitest';
import { ALL_ROWS } from '../../../src/parse/extract/tables';
import { tolerantRowOf } from '../../../src/parse/extract/tolerant-label';

const metricOf = (label: string) => tolerantRowOf(label, ALL_ROWS)?.columns('table2021')[0] ?? null;

describe('tolerantRowOf', () => {
  it('reads 洪泽区 2023’s "2.其他法律行政止公开" as 2.其他法律行政法规禁止公开', () => {
    expect(metricOf('2.其他法律行政止公开')).toBe('r.denied.law_prohibited.natural');
  });

  it('one character missing from another numbered row', () => {
    expect(metricOf('3.补正后申请内容仍不明')).toBeNull(); // the last character is missing: not the same ending
    expect(metricOf('3.补正后申请内容不明确')).toBe('r.unable.unclear.natural');
  });

  it('refuses a wrong item number, too much missing, characters out of order or added', () => {
    expect(metricOf('3.其他法律行政止公开')).toBeNull();
    expect(metricOf('2.其他公开')).toBeNull();
    expect(metricOf('2.其他行政法律法规禁止公开')).toBeNull();
    expect(metricOf('2.其他法律行政法规禁止公开事项')).toBeNull();
    expect(metricOf('其他法律行政止公开')).toBeNull();
  });
});
