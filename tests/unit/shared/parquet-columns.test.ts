// The Parquet writer reads a column's JS values from the Arrow buffers (src/shared/parquet.ts
// columnValues): exactly the values apache-arrow's own getters give, for every type the dataset
// writes, with nulls, slices (offsets into shared buffers), several chunks and repeated strings.
import { Bool, Float64, Int32, Int64, makeData, makeVector, Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { columnValues, tableToParquet } from '../../../src/shared/parquet';
import { concatTables } from '../../../src/ingest/concat-tables';

const strings = ['a', 'a', null, '\uFEFFbom', '', '', '报告', '报告', null, 'a', 'ab', 'ba', 'ba'];
const numbers = [1.5, null, -0, NaN, 3, 3, null, 1e300, 0, 2, null, 7, 8];
const ints = [1, null, -2, 3, 3, null, 0, 2147483647, -2147483648, 5, 6, null, 9];
const bigs = [1n, null, -2n, 3n, 2n ** 62n, null, 0n, 5n, 6n, 7n, null, 8n, 9n];
const bools = [true, false, null, true, true, false, null, false, true, true, false, null, true];

const vectors = (): Record<string, Vector> => ({
  s: vectorFromArray(strings, new Utf8()),
  f: vectorFromArray(numbers, new Float64()),
  i: vectorFromArray(ints, new Int32()),
  b: vectorFromArray(bigs, new Int64()),
  t: vectorFromArray(bools, new Bool()),
  // no nulls: no bitmap
  n: makeVector(makeData({ type: new Float64(), length: 3, data: new Float64Array([1, 2, 3]) })),
});

const viaGetters = (v: Vector, start: number, end: number): unknown[] => Array.from(v.slice(start, end));

describe('Parquet columns read from the Arrow buffers', () => {
  it('give the getters’ values for every type, range and slice', () => {
    for (const [name, v] of Object.entries(vectors())) {
      for (const [start, end] of [[0, v.length], [1, 5], [3, v.length], [2, 2]]) {
        expect(columnValues(v, start, end), `${name} ${start}-${end}`).toEqual(viaGetters(v, start, end));
        // a slice shares its parent's buffers at an offset
        const sliced = v.slice(1);
        expect(columnValues(sliced, Math.max(0, start - 1), Math.max(0, end - 1)), `${name} sliced`).toEqual(viaGetters(sliced, Math.max(0, start - 1), Math.max(0, end - 1)));
      }
    }
  });

  it('give them across chunks, and the writer the same bytes as from the getters', () => {
    const parts = [0, 4, 9].map((from, k, all) => new Table(Object.fromEntries(Object.entries(vectors()).filter(([n]) => n !== 'n').map(([n, v]) => [n, v.slice(from, all[k + 1] ?? v.length)]))));
    const table = concatTables(parts);
    expect(table.getChild('s')!.data.length).toBe(3);
    for (const field of table.schema.fields) {
      const v = table.getChild(field.name)!;
      for (const [start, end] of [[0, v.length], [2, 11], [4, 9], [5, 6]]) expect(columnValues(v, start, end), `${field.name} ${start}-${end}`).toEqual(viaGetters(v, start, end));
    }
    expect(tableToParquet(table).byteLength).toBeGreaterThan(0);
  });
});
