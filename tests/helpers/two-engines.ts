// Handcrafted tables loaded into both engines: DuckDB-WASM (the engine module the browser worker
// runs, fed Arrow IPC stream bytes exactly like the worker is) and native DuckDB (fed the Parquet
// copy, as the real dataset's reference). SQL builders run unchanged on either.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Bool, type DataType, Float64, Int32, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableRows, type Row } from '../../src/app/data/rows';
import type { Engine } from '../../src/db/engine';
import type { BuiltQuery } from '../../src/db/sql';
import { tableToParquet } from '../../src/shared/parquet';
import { createNodeEngine } from './duckdb-wasm-node';
import { makeTempDir } from './ingest-fixture';
import { WIDE_METRICS, wideColumnName } from '../../src/shared/wide-metrics';
import { bodyKey } from '../../src/shared/body-key';

export type ColumnType = 'utf8' | 'int32' | 'float64' | 'bool';

/** The columns of `facts_wide` (src/ingest/arrow-tables.ts), for tables of hand-made reports. */
export const FACT_COLUMNS: [string, ColumnType][] = [
  ['report_id', 'utf8'],
  ['issuer', 'utf8'],
  ['jurisdiction', 'utf8'],
  ['division_code', 'utf8'],
  ['division_name', 'utf8'],
  ['division_level', 'utf8'],
  ['province_code', 'utf8'],
  ['city_code', 'utf8'],
  ['county_code', 'utf8'],
  ['parent_code', 'utf8'],
  ['department', 'utf8'],
  ['jurisdiction_flags', 'utf8'],
  ['published', 'utf8'],
  ['n_failed_checks', 'int32'],
  ['year', 'int32'],
  ['level', 'utf8'],
  ['scope', 'utf8'],
  ['template', 'utf8'],
  ['status', 'utf8'],
  ...WIDE_METRICS.map((m): [string, ColumnType] => [wideColumnName(m), 'float64']),
  ['body_key', 'utf8'],
  ['body_year_reports', 'int32'],
];

/** The columns of `jurisdictions` (the gazetteer), for hand-made division tables. */
export const JURISDICTION_COLUMNS: [string, ColumnType][] = [
  ['code', 'utf8'],
  ['name', 'utf8'],
  ['level', 'utf8'],
  ['parent', 'utf8'],
  ['kind', 'utf8'],
  ['first', 'int32'],
  ['last', 'int32'],
  ['province_code', 'utf8'],
];

/** The few metrics hand-made reports state: new (r), granted (g), handled (h) requests and reconsideration [total, corrected, pending]. */
export function fixtureMetrics(r: { r?: number; g?: number; h?: number; rv?: readonly [number, number, number | null] }): Record<string, number | null> {
  return {
    r_new_total: r.r ?? null,
    r_granted_total: r.g ?? null,
    r_handled_total: r.h ?? null,
    rv_total: r.rv?.[0] ?? null,
    rv_corrected: r.rv?.[1] ?? null,
    rv_pending: r.rv?.[2] ?? null,
  };
}

/** Hand-made facts_wide rows with the body columns ingest computes (src/ingest/arrow-tables.ts). */
export function withBodyColumns(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const keyed = rows.map((r) => ({ ...r, body_key: bodyKey(r as Parameters<typeof bodyKey>[0]) }));
  const unit = (r: Record<string, unknown>) => `${String(r.body_key ?? `report:${String(r.report_id)}`)}|${String(r.year)}`;
  const counts = new Map<string, number>();
  for (const r of keyed) counts.set(unit(r), (counts.get(unit(r)) ?? 0) + 1);
  return keyed.map((r) => ({ ...r, body_year_reports: counts.get(unit(r)) }));
}
const TYPES: Record<ColumnType, () => DataType> = { utf8: () => new Utf8(), int32: () => new Int32(), float64: () => new Float64(), bool: () => new Bool() };

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
