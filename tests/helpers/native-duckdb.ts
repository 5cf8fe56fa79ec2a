// Native DuckDB (@duckdb/node-api) over a dataset's Parquet files, loaded into in-memory tables
// with the names the browser uses, so the SQL builders of src/db/sql run unchanged. The end-to-end
// tests take their expectations from it; bench/ui.ts compares its speed with the browser's.
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBPreparedStatement } from '@duckdb/node-api';
import type { BuiltQuery } from '../../src/db/sql';
import { DERIVED_TABLES } from '../../src/db/tables';
import { parseManifest, type Manifest } from '../../src/shared/manifest';
import { readFileSync } from 'node:fs';

export type NativeRow = Record<string, unknown>;

export interface NativeDataset {
  manifest: Manifest;
  connection: DuckDBConnection;
  /** Runs a built query (SQL + bound parameters); rows as plain JS values (numbers, strings, null). */
  rows(query: Pick<BuiltQuery, 'sql' | 'params'>): Promise<NativeRow[]>;
  /** A prepared statement per SQL text, reused like the browser engine does. */
  prepared(sql: string): Promise<DuckDBPreparedStatement>;
  close(): void;
}

const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

export async function openNativeDataset(dir: string, tables?: readonly string[]): Promise<NativeDataset> {
  const manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // Offline like the browser: nothing may be fetched (Parquet is built into the native engine).
  await connection.run('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;');
  for (const name of Object.keys(manifest.tables)) {
    if (tables && !tables.includes(name)) continue;
    const files = manifest.parquet.files.filter((f) => f.table === name).map((f) => sqlString(join(dir, f.path)));
    // The Hive folder keys (province, report_year) are not columns of the browser's tables.
    await connection.run(`CREATE TABLE "${name}" AS SELECT * FROM read_parquet([${files.join(', ')}], hive_partitioning = false)`);
  }
  // The browser engine derives these on first use; natively they are made up front, same SQL.
  for (const derived of Object.values(DERIVED_TABLES)) {
    if (derived.from.every((t) => !tables || tables.includes(t))) await connection.run(derived.sql);
  }
  const statements = new Map<string, DuckDBPreparedStatement>();
  const prepared = async (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = await connection.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  return {
    manifest,
    connection,
    prepared,
    async rows(query) {
      const statement = await prepared(query.sql);
      statement.clearBindings();
      if (query.params.length > 0) statement.bind([...query.params]);
      const reader = await statement.runAndReadAll();
      return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
    },
    close() {
      statements.clear();
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** BigInt counts and sums as numbers (the browser engine casts them to doubles too). */
function plain(value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value;
}
