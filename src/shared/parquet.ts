// Isomorphic: ingest writes the dataset with it, the browser writes "download as Parquet" with it.
import { type Data, DataType, Precision, type Table, Type, type Vector } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer';

type ColumnValues = Parameters<typeof parquetWriteBuffer>[0]['columnData'][number]['data'];

function parquetType(type: DataType): BasicType {
  if (DataType.isUtf8(type)) return 'STRING';
  if (DataType.isInt(type)) return type.bitWidth === 64 ? 'INT64' : 'INT32';
  if (DataType.isFloat(type)) return 'DOUBLE';
  if (DataType.isBool(type)) return 'BOOLEAN';
  throw new Error(`no Parquet mapping for Arrow type ${type.toString()}`);
}

const utf8 = new TextDecoder('utf-8');

/**
 * Rows [from, to) of one chunk as JS values, read from its buffers: the values apache-arrow's
 * getters give (null where the validity bit is unset; a string decoded as its decodeUtf8 does,
 * with the default TextDecoder), without a generic getter per value, which was about a third of
 * writing Parquet. A string equal in bytes to the row before it is that row's string (a report's
 * id on each of its ~220 values). False for a chunk it does not read (then the getters do).
 */
function chunkValues(data: Data, from: number, to: number, out: unknown[], at: number): boolean {
  const { typeId } = data;
  // a half float is stored as 16 bits the getter converts
  const fixed = (DataType.isFloat(data.type) && data.type.precision !== Precision.HALF) || typeId === Type.Int;
  if (!(fixed || typeId === Type.Bool || typeId === Type.Utf8) || DataType.isUnion(data.type)) return false;
  const bitmap = data.nullable && data.nullCount > 0 ? data.nullBitmap : undefined;
  const valid = (i: number): boolean => bitmap === undefined || (bitmap[(data.offset + i) >> 3] & (1 << ((data.offset + i) % 8))) !== 0;
  const values = data.values as ArrayLike<unknown> & Uint8Array;
  if (fixed) {
    for (let i = from; i < to; i++) out[at++] = valid(i) ? values[i] : null;
  } else if (typeId === Type.Bool) {
    for (let i = from; i < to; i++) out[at++] = valid(i) ? (values[(data.offset + i) >> 3] & (1 << ((data.offset + i) % 8))) !== 0 : null;
  } else {
    const offsets = data.valueOffsets as Int32Array;
    let last: string | null = null;
    let lastStart = 0;
    let lastEnd = 0;
    for (let i = from; i < to; i++) {
      if (!valid(i)) {
        out[at++] = null;
        continue;
      }
      const start = offsets[i];
      const end = offsets[i + 1];
      if (last === null || end - start !== lastEnd - lastStart || !sameBytes(values, start, lastStart, end - start)) {
        last = utf8.decode(values.subarray(start, end));
        lastStart = start;
        lastEnd = end;
      }
      out[at++] = last;
    }
  }
  return true;
}

function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}

/** Rows [start, end) of a column as JS values: chunk by chunk, from the buffers where chunkValues reads them. */
export function columnValues(vector: Vector, start: number, stop: number): unknown[] {
  const end = Math.min(stop, vector.length);
  const out = new Array<unknown>(Math.max(0, end - start));
  let base = 0;
  for (const data of vector.data) {
    const from = Math.max(start, base) - base;
    const to = Math.min(end, base + data.length) - base;
    if (to > from && !chunkValues(data, from, to, out, base + from - start)) {
      for (let i = from; i < to; i++) out[base + i - start] = vector.get(base + i);
    }
    base += data.length;
  }
  return out;
}

/**
 * A column as the writer reads it (its length, then one row group's slice at a time): the values
 * become JS values one row group at a time, not the whole table's at once (a large part's millions).
 */
function lazyColumn(vector: Vector | null, rows: number): ColumnValues {
  if (!vector) return [];
  const column = { length: rows, slice: (start: number, end: number) => columnValues(vector, start, end) };
  return column as unknown as ColumnValues;
}

/** A column holding one whole number on every row. */
function constantColumn(value: number, rows: number): ColumnValues {
  const column = { length: rows, slice: (start: number, end: number) => new Array<number>(Math.max(0, Math.min(end, rows) - start)).fill(value) };
  return column as unknown as ColumnValues;
}

/** A column holding one string on every row. */
function constantStringColumn(value: string, rows: number): ColumnValues {
  const column = { length: rows, slice: (start: number, end: number) => new Array<string>(Math.max(0, Math.min(end, rows) - start)).fill(value) };
  return column as unknown as ColumnValues;
}

/**
 * Written from the Arrow table itself, so both files of a table always hold the same rows;
 * `leading`: whole-number columns put first with one value on every row (a one-year view's year);
 * `trailing`: string columns put last with one value on every row (pooled rows' scope).
 */
export function tableToParquet(table: Table, leading: Readonly<Record<string, number>> = {}, trailing: Readonly<Record<string, string>> = {}): Uint8Array {
  const constants = Object.entries(leading).map(([name, value]) => ({ name, type: 'INT32' as BasicType, data: constantColumn(value, table.numRows) }));
  const columnData = table.schema.fields.map((field) => ({
    name: field.name,
    type: parquetType(field.type),
    data: lazyColumn(table.getChild(field.name), table.numRows),
  }));
  const after = Object.entries(trailing).map(([name, value]) => ({ name, type: 'STRING' as BasicType, data: constantStringColumn(value, table.numRows) }));
  return new Uint8Array(parquetWriteBuffer({ columnData: [...constants, ...columnData, ...after] }));
}
