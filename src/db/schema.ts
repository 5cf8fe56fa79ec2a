// What the SQL console's schema browser lists: every table of the dataset (loaded or not), the
// derived tables, and whatever else the engine holds (views), with columns and row counts; not the
// worker's pre-aggregates (pre_*), which stay queryable.
import { DataType, RecordBatchReader, tableFromIPC, type Field } from 'apache-arrow';
import type { Manifest } from '../shared/manifest';
import type { Engine } from './engine';
import type { SchemaTable } from './protocol';
import { readFromDataset } from './user-layer';

export interface SchemaInput {
  engine: Engine;
  manifest: Manifest;
  /** Rows in the engine per dataset table. */
  rowsIn: ReadonlyMap<string, number>;
  /** Derived tables (built in the engine on first use). */
  derived: readonly string[];
  /** Columns of a table not in the engine yet, read from one of its files (cached by the caller). */
  columnsOf: (table: string) => Promise<SchemaTable['columns']>;
}

const rowsOf = (engine: Engine, sql: string): Record<string, unknown>[] => tableFromIPC(engine.run(sql)).toArray().map((r) => r.toJSON() as Record<string, unknown>);

/** A dataset table's columns as typed SQL sees them: with `layer` in every mode (src/db/user-layer.ts), the gazetteer apart. */
const withLayer = (name: string, columns: SchemaTable['columns']): SchemaTable['columns'] =>
  columns.length === 0 || readFromDataset(name) || columns.some((c) => c.name === 'layer') ? columns : [...columns, { name: 'layer', type: 'VARCHAR' }];

/** Every table and view, sorted by name. */
export async function describeSchema(input: SchemaInput): Promise<SchemaTable[]> {
  const { engine, manifest, rowsIn } = input;
  const columns = new Map<string, SchemaTable['columns']>();
  for (const r of rowsOf(engine, "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' AND NOT internal ORDER BY table_name, column_index")) {
    const name = String(r.table_name);
    columns.set(name, [...(columns.get(name) ?? []), { name: String(r.column_name), type: String(r.data_type) }]);
  }
  const inEngine = new Map(rowsOf(engine, "SELECT table_name AS name, 'table' AS kind FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal UNION ALL SELECT view_name, 'view' FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal").map((r) => [String(r.name), String(r.kind)]));
  const tables: SchemaTable[] = [];
  for (const [name, entry] of Object.entries(manifest.tables)) {
    const held = rowsIn.get(name);
    const loaded = held === undefined ? 'none' : held >= entry.rows ? 'all' : 'part';
    tables.push({ name, kind: 'table', rows: entry.rows, loaded, columns: withLayer(name, columns.get(name) ?? (await input.columnsOf(name))) });
  }
  for (const name of input.derived) {
    const built = inEngine.has(name);
    const rows = built ? Number(rowsOf(engine, `SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`)[0].n) : null;
    tables.push({ name, kind: 'table', rows, loaded: built ? 'all' : 'none', columns: withLayer(name, columns.get(name) ?? []) });
  }
  const listed = new Set(tables.map((t) => t.name));
  for (const [name, kind] of inEngine) {
    // Pre-aggregates (src/db/sql/preaggregated.ts) are the worker's own: queryable, not listed (they come and go with corrections).
    if (listed.has(name) || name.startsWith('pre_')) continue;
    tables.push({ name, kind: kind === 'view' ? 'view' : 'table', rows: null, loaded: 'all', columns: columns.get(name) ?? [] });
  }
  return tables.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A column type as DuckDB names it when it loads the Arrow column. */
export function duckdbTypeName(type: DataType): string {
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'VARCHAR';
  if (DataType.isBool(type)) return 'BOOLEAN';
  if (DataType.isInt(type)) return `${type.isSigned ? '' : 'U'}${({ 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' } as Record<number, string>)[type.bitWidth]}`;
  if (DataType.isFloat(type)) return type.precision === 2 ? 'DOUBLE' : 'FLOAT';
  if (DataType.isList(type)) return `${duckdbTypeName((type.children[0] as Field).type)}[]`;
  return type.toString().toUpperCase();
}

/** The columns of an Arrow IPC stream, from its schema message alone. */
export function arrowStreamColumns(ipc: Uint8Array): SchemaTable['columns'] {
  const reader = RecordBatchReader.from(ipc);
  reader.open();
  return reader.schema.fields.map((f) => ({ name: f.name, type: duckdbTypeName(f.type) }));
}
