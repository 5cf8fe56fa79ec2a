// Isomorphic: ingest writes the dataset with it, the browser writes "download as Parquet" with it.
import { DataType, type Table, type Vector } from 'apache-arrow';
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

/**
 * A column as the writer reads it (its length, then one row group's slice at a time): the values
 * become JS values one row group at a time, not the whole table's at once (a large part's millions).
 */
function lazyColumn(vector: Vector | null, rows: number): ColumnValues {
  if (!vector) return [];
  const column = { length: rows, slice: (start: number, end: number) => Array.from(vector.slice(start, end)) };
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
