// Handcrafted tables loaded into both engines: DuckDB-WASM (the engine module the browser worker
// runs, fed Arrow IPC stream bytes exactly like the worker is) and native DuckDB (fed the Parquet
// copy, as the real dataset's reference). SQL builders run unchanged on either.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { type DataType, Float64, Int32, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableRows, type Row } from '../../src/app/data/rows';
import type { Engine } from '../../src/db/engine';
import type { BuiltQuery } from '../../src/db/sql';
import { tableToParquet } from '../../src/shared/parquet';
import { createNodeEngine } from './duckdb-wasm-node';
import { makeTempDir } from './ingest-fixture';

export type ColumnType = 'utf8' | 'int32' | 'float64';
const TYPES: Record<ColumnType, () => DataType> = { utf8: () => new Utf8(), int32: () => new Int32(), float64: () => new Float64() };

/** A table with explicit column types: strings are plain Utf8 (DuckDB-WASM drops dictionary-encoded input). */
export function arrowTable(columns: readonly (readonly [string, ColumnType])[], rows: readonly Record<string, unknown>[]): Table {
  const vectors: Record<string, Vector> = {};
  for (const [name, type] of columns) vectors[name] = vectorFromArray(rows.map((r) => r[name] ?? null), TYPES[type]());
  return new Table(vectors);
}

export interface TwoEngines {
  wasm: Engine;
  native: DuckDBConnection;
  /** A built query through DuckDB-WASM: Arrow IPC bytes back, read as the app reads them. */
  runWasm(query: Pick<BuiltQuery, 'sql' | 'params'>): Row[];
  /** The same query in native DuckDB; BigInt as numbers, like the browser engine's doubles. */
  runNative(query: Pick<BuiltQuery, 'sql' | 'params'>): Promise<Row[]>;
  close(): void;
}

export async function loadTwoEngines(tables: Record<string, Table>): Promise<TwoEngines> {
  const wasm = await createNodeEngine();
  const dir = makeTempDir('gongkai-two-engines-');
  const instance = await DuckDBInstance.create(':memory:');
  const native = await instance.connect();
  await native.run('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;');
  for (const [name, table] of Object.entries(tables)) {
    wasm.insertArrowStream(name, tableToIPC(table, 'stream'));
    const file = join(dir, `${name}.parquet`);
    writeFileSync(file, tableToParquet(table));
    await native.run(`CREATE TABLE "${name}" AS SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
  }
  return {
    wasm,
    native,
    runWasm: (query) => tableRows(tableFromIPC(wasm.run(query.sql, query.params))),
    async runNative(query) {
      const statement = await native.prepare(query.sql);
      if (query.params.length > 0) statement.bind([...query.params]);
      const reader = await statement.runAndReadAll();
      return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])) as Row);
    },
    close() {
      wasm.close();
      native.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
