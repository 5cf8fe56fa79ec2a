import { describe, expect, it } from 'vitest';
import { applyCorrections, type Correction, readCorrectionsCsv } from '../../../src/parse/corrections';
import type { Value } from '../../../src/parse/types';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);
const HEADER = 'report_sha256,metric,value,note,author,at';

const printed = (metric: string, value: number, extra: Partial<Value> = {}): Value => ({ metric, value, approx: false, derived: false, start: 10, end: 12, source: 'table', ...extra });
const correction = (metric: string, value: number | null, note = 'n'): Correction => ({ line: 2, report_sha256: SHA_A, metric, value, note, author: '张三', at: '2026-12-01' });

describe('readCorrectionsCsv', () => {
  it('reads RFC 4180 rows with a BOM, CRLF, quoted commas, quotes and newlines', () => {
    const csv = `\ufeff${HEADER}\r\n${SHA_A},rv.total,5,"表中合计,印错",王五,2026-12-01\r\n${SHA_A.toUpperCase()},rv.other,,"多行\n说明 ""引号""",李四,2026-12-02\r\n${SHA_B},lit.direct.total,"1,234",,,\r\n`;
    const { valid, rows } = readCorrectionsCsv(csv);
    expect(valid).toEqual([
      { line: 2, report_sha256: SHA_A, metric: 'rv.total', value: 5, note: '表中合计,印错', author: '王五', at: '2026-12-01' },
      { line: 3, report_sha256: SHA_A, metric: 'rv.other', value: null, note: '多行\n说明 "引号"', author: '李四', at: '2026-12-02' },
      { line: 5, report_sha256: SHA_B, metric: 'lit.direct.total', value: 1234, note: '', author: '', at: '' },
    ]);
    expect(rows.map((r) => r.status)).toEqual(['unused', 'unused', 'unused']);
  });

  it('keeps bad rows as invalid with a reason: unknown metric, bad number, bad sha256, wrong field count, duplicates', () => {
    const csv = [
      HEADER,
      `${SHA_A},no.such.metric,1,,,`,
      `${SHA_A},rv.total,1e3,,,`,
      `${SHA_A},rv.total,abc,,,`,
      `abc,rv.total,1,,,`,
      `${SHA_A},rv.total,1`,
      `${SHA_B},rv.upheld,1,,,`,
      `${SHA_B},rv.upheld,2,,,`,
      `${SHA_B},rv.pending,3,,,`,
    ].join('\n');
    const { valid, rows } = readCorrectionsCsv(csv);
    expect(rows.map((r) => [r.line, r.status, r.reason])).toEqual([
      [2, 'invalid', 'unknown metric id: no.such.metric'],
      [3, 'invalid', 'value: not a number: 1e3'],
      [4, 'invalid', 'value: not a number: abc'],
      [5, 'invalid', 'report_sha256: not a sha256 hex string'],
      [6, 'invalid', 'expected 6 fields, got 3'],
      [7, 'invalid', 'duplicate: 2 rows correct rv.upheld of this report'],
      [8, 'invalid', 'duplicate: 2 rows correct rv.upheld of this report'],
      [9, 'unused', null],
    ]);
    expect(valid.map((c) => c.metric)).toEqual(['rv.pending']);
  });

  it('refuses a file without the header', () => {
    expect(() => readCorrectionsCsv(`${SHA_A},rv.total,5,,,\n`)).toThrow(/expected the header report_sha256,metric,value,note,author,at/);
    expect(() => readCorrectionsCsv('')).toThrow(/an empty file/);
  });
});

describe('applyCorrections', () => {
  // rv.total is printed 6, its parts add up to 5: the report's own check fails.
  const values = [printed('rv.upheld', 3), printed('rv.corrected', 1), printed('rv.other', 0), printed('rv.pending', 1), printed('rv.total', 6)];

  it('corrects a value, keeps the printed one and re-runs the checks on the corrected values', () => {
    const out = applyCorrections(values, [correction('rv.total', 5, '合计印错')]);
    expect(out.values.find((v) => v.metric === 'rv.total')).toEqual({
      ...printed('rv.total', 6),
      value: 5,
      printed_value: 6,
      corrected: true,
      correction_note: '合计印错',
      correction_author: '张三',
    });
    expect(out.values.find((v) => v.metric === 'rv.upheld')).toMatchObject({ value: 3, printed_value: 3, corrected: false, correction_note: null });
    expect(out.checks).toEqual([{ id: 'rv.total', status: 'pass', expected: 5, actual: 5, metrics: ['rv.total', 'rv.upheld', 'rv.corrected', 'rv.other', 'rv.pending'] }]);
    expect(out.unused).toEqual([]);
  });

  it('leaves a figure an extractor derived (a narrative sum) as it is when another figure is corrected', () => {
    // 信息不存在1件、非本机关掌握1件: the narrative sums them; no table part of it was corrected
    const sum = printed('r.unable.not_held.total', 2, { derived: true, source: 'narrative' });
    const out = applyCorrections([...values, printed('p.total', 40, { source: 'narrative' }), sum], [correction('p.total', 41)]);
    expect(out.values.find((v) => v.metric === 'r.unable.not_held.total')).toMatchObject({ value: 2, printed_value: 2, derived: true, corrected: false });
    expect(out.values.filter((v) => v.metric === 'r.unable.not_held.total')).toHaveLength(1);
  });

  it('rejects a value: the row stays with value null and its printed value', () => {
    const out = applyCorrections(values, [correction('rv.other', null)]);
    expect(out.values).toHaveLength(values.length);
    expect(out.values.find((v) => v.metric === 'rv.other')).toMatchObject({ value: null, printed_value: 0, corrected: true, start: 10, end: 12 });
    expect(out.checks).toEqual([{ id: 'rv.total', status: 'not_assessable', expected: null, actual: null, metrics: ['rv.total', 'rv.upheld', 'rv.corrected', 'rv.other', 'rv.pending'] }]);
  });

  it('adds a missing value with no printed value and no span', () => {
    const out = applyCorrections(values, [correction('lit.direct.total', 2)]);
    expect(out.values.at(-1)).toEqual({
      metric: 'lit.direct.total', value: 2, printed_value: null, approx: false, derived: false, start: null, end: null, source: null,
      corrected: true, correction_note: 'n', correction_author: '张三',
    });
    expect(out.checks.map((c) => [c.id, c.status])).toEqual([['rv.total', 'fail'], ['lit.direct.total', 'not_assessable'], ['lit.total', 'not_assessable']]);
  });

  it('reports a reject of a metric the report does not print as unused, and changes nothing', () => {
    const reject = correction('lit.direct.total', null);
    const out = applyCorrections(values, [reject]);
    expect(out.unused).toEqual([{ correction: reject, reason: 'nothing to reject: the report prints no value for this metric' }]);
    expect(out.values.every((v) => !v.corrected)).toBe(true);
  });

  it('derives a subtotal again from corrected parts, keeping what the parser derived as printed_value', () => {
    const parts = [printed('r.unable.not_held.natural', 2), printed('r.unable.need_creation.natural', 1), printed('r.unable.unclear.natural', 0)];
    const derived = { ...printed('r.unable.total.natural', 3), derived: true };
    const out = applyCorrections([...parts, derived], [correction('r.unable.unclear.natural', 4)]);
    expect(out.values.find((v) => v.metric === 'r.unable.total.natural')).toMatchObject({ value: 7, printed_value: 3, derived: true, corrected: true });
    expect(out.checks.find((c) => c.id === 'requests.unable_total.natural')).toBeUndefined();
  });

  it('leaves a derived subtotal uncorrected when its parts are untouched', () => {
    const parts = [printed('r.unable.not_held.natural', 2), printed('r.unable.need_creation.natural', 1), printed('r.unable.unclear.natural', 0)];
    const derived = { ...printed('r.unable.total.natural', 3), derived: true };
    const out = applyCorrections([...parts, derived, ...values], [correction('rv.total', 5)]);
    expect(out.values.find((v) => v.metric === 'r.unable.total.natural')).toMatchObject({ value: 3, printed_value: 3, derived: true, corrected: false });
  });
});
