import { Bool, Float64, Int32, Int64, Utf8, vectorFromArray, tableFromIPC, tableToIPC, Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { columnVector } from '../../../src/ingest/columns';

const cases = [
  ['utf8', new Utf8(), ['广州市海珠区人民政府', null, '', 'a', '𠀀 emoji 🙂', undefined, '天河区']],
  ['float64', new Float64(), [1.5, null, 0, -3, 1e12, undefined, 0.1 + 0.2]],
  ['int32', new Int32(), [1, null, 0, -7, 2147483647, undefined]],
  ['bool', new Bool(), [true, false, null, true, undefined, false, true, true, false]],
] as const;

describe('columnVector', () => {
  it.each(cases)('holds the same values and nulls as vectorFromArray (%s), also after an IPC round trip', (_, type, values) => {
    const fast = columnVector(type, values);
    const reference = vectorFromArray(values.map((v) => v ?? null), type);
    expect([...fast]).toEqual([...reference]);
    expect(fast.nullCount).toBe(values.filter((v) => v === null || v === undefined).length);
    const back = tableFromIPC(tableToIPC(new Table({ c: fast }), 'stream')).getChild('c')!;
    expect([...back]).toEqual([...reference]);
  });

  it('writes each string\'s bytes exactly as TextEncoder does: every plane, lone surrogates (U+FFFD), strings short and long', () => {
    const values = ['广州市', 'a\u00e9\u07ff\u0800\uffff', '𠀀🙂', '\ud800', 'x\udc00y', '\ud83d', '\ud83d\ude00\ud83d', '政'.repeat(300) + '\ud800', 'ascii only'];
    const data = columnVector(new Utf8(), values).data[0];
    const encoder = new TextEncoder();
    values.forEach((v, i) => {
      const bytes = data.values.subarray(data.valueOffsets[i], data.valueOffsets[i + 1]);
      expect([...bytes], JSON.stringify(v)).toEqual([...encoder.encode(v)]);
    });
  });

  it('handles an empty column and falls back for other types', () => {
    expect(columnVector(new Utf8(), []).length).toBe(0);
    expect([...columnVector(new Int64(), [1n, null])]).toEqual([1n, null]);
  });

  it('refuses a value of the wrong kind instead of writing garbage', () => {
    expect(() => columnVector(new Utf8(), ['a', 3])).toThrow('not a string: 3');
    expect(() => columnVector(new Float64(), [1, 'x'])).toThrow('not a number: x');
  });
});
