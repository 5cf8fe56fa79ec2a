// Parquet encoded in worker threads (src/ingest/parquet-pool.ts) is byte for byte what the main
// thread encodes, nulls, 64-bit integers and empty tables included, and arrives in part order.
import { Bool, Float64, Int32, Int64, Table, Utf8 } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import type { TablePart } from '../../../src/ingest/arrow-tables';
import { columnVector } from '../../../src/ingest/columns';
import { createParquetPool, prefetchParquet } from '../../../src/ingest/parquet-pool';
import { tableToParquet } from '../../../src/shared/parquet';
import { parquetWriteBuffer } from 'hyparquet-writer';

const table = (n: number, salt: string): Table =>
  new Table({
    id: columnVector(new Utf8(), Array.from({ length: n }, (_, i) => (i % 7 === 3 ? null : `${salt}/报告-${i}`))),
    year: columnVector(new Int32(), Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : 2008 + (i % 17)))),
    bytes: columnVector(new Int64(), Array.from({ length: n }, (_, i) => BigInt(i * 1_000_003))),
    value: columnVector(new Float64(), Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : i / 7))),
    ok: columnVector(new Bool(), Array.from({ length: n }, (_, i) => i % 2 === 0)),
  });

const pool = createParquetPool(2);
afterAll(() => pool.close());

describe('tableToParquet', () => {
  it('reads the columns one row group at a time and writes the bytes of the whole columns read at once', () => {
    // 210,003 rows in two batches: row groups of 1,000, 100,000, 100,000 and 9,003 rows, one across the batches
    const rows = table(150_000, 'x').concat(table(60_003, 'y'));
    const types = { id: 'STRING', year: 'INT32', bytes: 'INT64', value: 'DOUBLE', ok: 'BOOLEAN' } as const;
    const whole = parquetWriteBuffer({ columnData: rows.schema.fields.map((f) => ({ name: f.name, type: types[f.name as keyof typeof types], data: Array.from(rows.getChild(f.name)!) })) });
    const lazy = tableToParquet(rows);
    expect(lazy.byteLength).toBeGreaterThan(1_000_000);
    expect(Buffer.from(lazy).equals(Buffer.from(whole))).toBe(true);
  });
});

describe('parquet pool', () => {
  it('encodes the same bytes as the main thread, an empty table too', async () => {
    const tables = [table(2500, 'a'), table(0, 'b'), table(1, 'c'), table(40_000, 'd').concat(table(3, 'e'))];
    const encoded = await Promise.all(tables.map((t) => pool.encode(() => t)));
    tables.forEach((t, i) => expect(Buffer.from(encoded[i]).equals(Buffer.from(tableToParquet(t))), `table ${i}`).toBe(true));
  });

  it('gives the groups in order, each part with its own Parquet bytes', async () => {
    const groups: TablePart[][] = [0, 1, 2, 3, 4].map((g) => [0, 1, 2].map((p) => ({ table: 'values', province: String(g), year: 2010 + p, rows: table(100 * (g + 1) + p, `${g}-${p}`) })));
    const out = [...prefetchParquet(groups, pool, 4)];
    expect(out.map((g) => g.map((p) => `${p.province}-${p.year}-${p.rows.numRows}`))).toEqual(groups.map((g) => g.map((p) => `${p.province}-${p.year}-${p.rows.numRows}`)));
    for (const [g, group] of out.entries()) {
      for (const [p, part] of group.entries()) expect(Buffer.from(await part.parquet!).equals(Buffer.from(tableToParquet(groups[g][p].rows)))).toBe(true);
    }
  });

  it('fails only the part whose rows cannot be read back, and keeps encoding the others', async () => {
    const good = table(50, 'g');
    const results = await Promise.allSettled([
      pool.encode(() => {
        throw new Error('spill file gone');
      }),
      pool.encode(() => good),
    ]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: new Error('spill file gone') });
    expect(results[1].status).toBe('fulfilled');
    expect(Buffer.from((results[1] as PromiseFulfilledResult<Uint8Array>).value).equals(Buffer.from(tableToParquet(good)))).toBe(true);
  });
});
