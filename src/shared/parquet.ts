// Isomorphic: ingest writes the dataset with it, the browser writes "download as Parquet" with it.
import { DataType, type Table } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer';

function parquetType(type: DataType): BasicType {
  if (DataType.isUtf8(type)) return 'STRING';
  if (DataType.isInt(type)) return type.bitWidth === 64 ? 'INT64' : 'INT32';
  if (DataType.isFloat(type)) return 'DOUBLE';
  if (DataType.isBool(type)) return 'BOOLEAN';
  throw new Error(`no Parquet mapping for Arrow type ${type.toString()}`);
}

/** Written from the Arrow table itself, so both files of a table always hold the same rows. */
export function tableToParquet(table: Table): Uint8Array {
  const columnData = table.schema.fields.map((field) => ({
    name: field.name,
    type: parquetType(field.type),
    data: Array.from(table.getChild(field.name) ?? []),
  }));
  return new Uint8Array(parquetWriteBuffer({ columnData }));
}
