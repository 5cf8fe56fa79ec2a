// A one-year view's rows hold no year: its Parquet download gets a leading `year` column on every row.
import { Float64, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { tableToParquet } from '../../../src/shared/parquet';

describe('tableToParquet with a leading year', () => {
  it('puts the year first on every row of a table of several batches, its other columns unchanged', async () => {
    const part = (codes: string[], values: number[]) => new Table({ division_code: vectorFromArray(codes, new Utf8()), value: vectorFromArray(values, new Float64()) });
    const two = tableFromIPC(tableToIPC(part(['440103', '440104'], [3, 5]).concat(part(['440105'], [7]))));
    expect(two.batches.length).toBe(2);
    const rows = await parquetReadObjects({ file: new Uint8Array(tableToParquet(two, { year: 2020 })).buffer });
    expect(rows).toEqual([
      { year: 2020, division_code: '440103', value: 3 },
      { year: 2020, division_code: '440104', value: 5 },
      { year: 2020, division_code: '440105', value: 7 },
    ]);
    const plain = await parquetReadObjects({ file: new Uint8Array(tableToParquet(two)).buffer });
    expect(plain).toEqual(rows.map(({ division_code, value }) => ({ division_code, value })));
  });
});
