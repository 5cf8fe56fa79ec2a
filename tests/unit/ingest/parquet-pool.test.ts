// Parquet and gzipped Arrow files encoded in worker threads (src/ingest/parquet-pool.ts) are byte
// for byte what the main thread encodes, nulls, 64-bit integers and empty tables included, and
// arrive in part order: a group stored per year with each part's own Arrow file, a group stored
// whole with its one file on the first part.
import { Bool, Float64, Int32, Int64, Table, tableToIPC, Utf8 } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import type { TablePart } from '../../../src/ingest/arrow-tables';
import { columnVector } from '../../../src/ingest/columns';
import { createParquetPool, prefetchParquet } from '../../../src/ingest/parquet-pool';
import type { EncodedParts } from '../../../src/ingest/encode-parts';
import { tableToParquet } from '../../../src/shared/parquet';
import { encodeArrowFile } from '../../../src/shared/arrow-file';
import { concatTables } from '../../../src/ingest/concat-tables';
import { PARTITION_MAX_BYTES } from '../../../src/ingest/dataset-files';
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

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
const arrowOf = (t: Table): Uint8Array => encodeArrowFile(tableToIPC(t, 'stream'));

describe('parquet pool', () => {
  it('encodes the same Parquet bytes as the main thread, an empty table too', async () => {
    const tables = [table(2500, 'a'), table(0, 'b'), table(1, 'c'), table(40_000, 'd').concat(table(3, 'e'))];
    const encoded = await Promise.all(tables.map((t) => pool.encode(() => [t], 'parquet')));
    tables.forEach((t, i) => {
      expect(same(encoded[i].parquet[0], tableToParquet(t)), `table ${i}`).toBe(true);
      expect(encoded[i].arrow).toEqual([]);
    });
  });

  it('encodes each table\'s Arrow file, or one file of the tables, as the main thread does', async () => {
    const tables = [table(2500, 'a'), table(7, 'c'), table(40_000, 'd').concat(table(3, 'e'))];
    const each = await pool.encode(() => tables, 'each');
    const whole = await pool.encode(() => tables, 'whole');
    expect(each.arrow).toHaveLength(3);
    tables.forEach((t, i) => {
      expect(same(each.parquet[i], tableToParquet(t)), `parquet ${i}`).toBe(true);
      expect(same(whole.parquet[i], tableToParquet(t)), `parquet ${i}`).toBe(true);
      expect(same(each.arrow[i].file, arrowOf(t)), `arrow ${i}`).toBe(true);
      expect(each.arrow[i].ipcBytes).toBe(tableToIPC(t, 'stream').byteLength);
    });
    expect(whole.arrow).toHaveLength(1);
    expect(same(whole.arrow[0].file, arrowOf(concatTables(tables)))).toBe(true);
    // An empty table among them: encoded in process, the same files.
    const withEmpty = await pool.encode(() => [table(0, 'z'), tables[1]], 'whole');
    expect(same(withEmpty.arrow[0].file, arrowOf(tables[1]))).toBe(true);
  });

  it('gives the groups in order, each part with its own Parquet bytes, a small group its one Arrow file', async () => {
    const groups: TablePart[][] = [0, 1, 2, 3, 4].map((g) => [0, 1, 2].map((p) => ({ table: 'values', province: String(g), year: 2010 + p, rows: table(100 * (g + 1) + p, `${g}-${p}`) })));
    const out = [...prefetchParquet(groups, pool, 4)];
    expect(out.map((g) => g.map((p) => `${p.province}-${p.year}-${p.rows.numRows}`))).toEqual(groups.map((g) => g.map((p) => `${p.province}-${p.year}-${p.rows.numRows}`)));
    for (const [g, group] of out.entries()) {
      for (const [p, part] of group.entries()) expect(same(await part.parquet!, tableToParquet(groups[g][p].rows))).toBe(true);
      expect(group.map((p) => p.arrow)).toEqual([undefined, undefined, undefined]);
      expect(group.slice(1).map((p) => p.groupArrow)).toEqual([undefined, undefined]);
      expect(same((await group[0].groupArrow!).file, arrowOf(concatTables(groups[g].map((p) => p.rows))))).toBe(true);
    }
  });

  it('gives each part of a group stored per year its own Arrow file', async () => {
    // Declared larger than the bound: dataset-files.ts stores the group one file per year.
    const group: TablePart[] = [0, 1].map((p) => ({ table: 'values', province: '21', year: 2010 + p, rows: table(300 + p, `big-${p}`), numRows: 300 + p, bytes: PARTITION_MAX_BYTES }));
    const [out] = [...prefetchParquet([group], pool, 4)];
    for (const [p, part] of out.entries()) {
      expect(same(await part.parquet!, tableToParquet(group[p].rows))).toBe(true);
      expect(same((await part.arrow!).file, arrowOf(group[p].rows))).toBe(true);
      expect(part.groupArrow).toBeUndefined();
    }
  });

  it('fails only the part whose rows cannot be read back, and keeps encoding the others', async () => {
    const good = table(50, 'g');
    const results = await Promise.allSettled([
      pool.encode(() => {
        throw new Error('spill file gone');
      }, 'parquet'),
      pool.encode(() => [good], 'each'),
    ]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: new Error('spill file gone') });
    expect(results[1].status).toBe('fulfilled');
    const encoded = (results[1] as PromiseFulfilledResult<EncodedParts>).value;
    expect(same(encoded.parquet[0], tableToParquet(good))).toBe(true);
    expect(same(encoded.arrow[0].file, arrowOf(good))).toBe(true);
  });
});
