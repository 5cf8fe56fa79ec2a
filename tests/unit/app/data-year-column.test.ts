// A one-year view's rows hold no year: its Parquet download gets a `year` column on every row.
import { Float64, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { tableToParquet } from '../../../src/shared/parquet';
import { withYearColumn } from '../../../src/app/data/year-column';

describe('withYearColumn', () => {
  it('puts the year first on every row of a table of several batches, its other columns unchanged', async () => {
    const part = (codes: string[], values: number[]) => new Table({ division_code: vectorFromArray(codes, new Utf8()), value: vectorFromArray(values, new Float64()) });
    const [a, b] = [part(['440103', '440104'], [3, 5]), part(['440105'], [7])];
    const two = tableFromIPC(tableToIPC(a.concat(b)));
    expect(two.batches.length).toBe(2);
    const withYear = withYearColumn(two, 2020);
    expect(withYear.schema.fields.map((f) => f.name)).toEqual(['year', 'division_code', 'value']);
    const bytes = tableToParquet(withYear);
    const rows = await parquetReadObjects({ file: new Uint8Array(bytes).buffer });
    expect(rows).toEqual([
      { year: 2020, division_code: '440103', value: 3 },
      { year: 2020, division_code: '440104', value: 5 },
      { year: 2020, division_code: '440105', value: 7 },
    ]);
  });
});
