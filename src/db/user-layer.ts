// The user's imported layer in the page's database. Its tables (a dataset folder as ingest writes
// it, loaded whole) live in a database of their own, `ul`, attached in memory with compression (its
// rows take ~10× less memory than in the page's main database, which keeps them uncompressed for
// speed; and detaching it gives its memory back to DuckDB), each with a column
// layer = 'user'; schema `al` holds a view per table over both layers (the dataset's rows with
// layer = 'dataset'). A query runs with the database or schema of its mode as the default, so
// every view's SQL works unchanged over either layer or both:
//   dataset → main   user → ul   all → al
// The rollups of `all` are the two layers' rollups summed per key (their columns are additive).
// The gazetteer (jurisdictions) is the dataset's, the same files, in every mode: a layer's own is
// never loaded (the page's layer writes none), and `ul` holds a view of the dataset's instead.
import { tableFromIPC } from 'apache-arrow';
import { parseManifest, type Manifest } from '../shared/manifest';
import { MAIN_DATABASE, type Engine } from './engine';
import { DataError, type LayerMode, type LayerPayload, type LayerResult } from './protocol';
import { DERIVED_TABLES, quoteIdent } from './tables';

export const USER_SCHEMA = 'ul';
export const ALL_SCHEMA = 'al';
const ROLLUP_KEY = ['division_code', 'division_level', 'year', 'level', 'scope'];

/** Tables every mode reads from the dataset (the gazetteer), never from the layer. */
const DATASET_ONLY = new Set(['jurisdictions']);
export const readFromDataset = (name: string): boolean => DATASET_ONLY.has(name);

export interface UserLayer {
  manifest: Manifest;
  /** The layer's own tables (not those read from the dataset). */
  tables: Set<string>;
  /** Views of `ul` over the dataset's tables made so far (made once the dataset's table exists). */
  datasetViews: Set<string>;
  /** Tables of schema `al` made so far (made once the dataset's table exists). */
  allViews: Set<string>;
}

const rowsOf = (engine: Engine, sql: string): Record<string, unknown>[] => tableFromIPC(engine.run(sql)).toArray().map((r) => (r as { toJSON(): Record<string, unknown> }).toJSON());

/** Makes `schema` the default for unqualified names: the user's database, or a schema of the main one. */
export function enterSchema(engine: Engine, schema: string): void {
  engine.run(schema === USER_SCHEMA ? `USE ${USER_SCHEMA}` : `SET schema = '${schema}'`);
}

/** Back to the main database's schema `main` (after enterSchema). */
export function leaveSchema(engine: Engine): void {
  engine.run(`USE ${MAIN_DATABASE}.main`);
}

export function dropUserLayer(engine: Engine): void {
  leaveSchema(engine);
  engine.run(`DROP SCHEMA IF EXISTS ${ALL_SCHEMA} CASCADE; DETACH DATABASE IF EXISTS ${USER_SCHEMA}`);
}

/** Gives a partition's bytes once (the caller lets them go); undefined: missing. */
export type LayerRead = (path: string) => Uint8Array | undefined | Promise<Uint8Array | undefined>;

/** Reads the payload's own files, each let go once read. */
export const payloadRead = (files: LayerPayload['files']): LayerRead => (path) => {
  const bytes = files[path];
  delete files[path];
  return bytes;
};

/**
 * Loads a layer (replacing any): every partition of every table, read one at a time (from the
 * payload, or from OPFS: src/db/user-layer-spill.ts), straight into its table of the database `ul`
 * (no second copy in the engine's heap), each file let go once in and compressed (CHECKPOINT: rows
 * inserted stay uncompressed until then), each table checked by count.
 * The page's files carry the column `layer` already (src/app/user/layer-arrow.ts); files as ingest
 * writes them get it added.
 */
export async function loadUserLayer(engine: Engine, rawManifest: unknown, read: LayerRead): Promise<UserLayer> {
  dropUserLayer(engine);
  const manifest = parseManifest(rawManifest);
  engine.run(`ATTACH ':memory:' AS ${USER_SCHEMA} (COMPRESS); CREATE SCHEMA ${ALL_SCHEMA}`);
  const tables = new Set<string>();
  try {
    for (const [name, entry] of Object.entries(manifest.tables)) {
      if (entry.partitions.length === 0 || readFromDataset(name)) continue;
      let rows = 0;
      for (const [i, partition] of entry.partitions.entries()) {
        const bytes = await read(partition.path);
        if (!bytes) throw new DataError(`imported layer: ${partition.path} is missing`);
        engine.insertArrowStream(name, bytes, i > 0, USER_SCHEMA);
        engine.run(`CHECKPOINT ${USER_SCHEMA}`);
        rows += partition.rows;
      }
      const table = `${USER_SCHEMA}.${quoteIdent(name)}`;
      const counted = Number(rowsOf(engine, `SELECT count(*) AS n FROM ${table}`)[0]?.n);
      if (counted !== entry.rows || rows !== entry.rows) throw new DataError(`imported layer: table ${name} brought ${counted} rows, its manifest says ${entry.rows}`);
      // Rows written later (corrections) are the user's too.
      const hasLayer = columnsOf(engine, USER_SCHEMA, name).some((c) => c.name === 'layer');
      engine.run(hasLayer ? `ALTER TABLE ${table} ALTER COLUMN layer SET DEFAULT 'user'` : `ALTER TABLE ${table} ADD COLUMN layer VARCHAR DEFAULT 'user'`);
      tables.add(name);
    }
    for (const [name, derived] of Object.entries(DERIVED_TABLES)) {
      if (!derived.from.every((t) => tables.has(t))) continue;
      enterSchema(engine, USER_SCHEMA);
      try {
        engine.run(derived.sql);
      } finally {
        leaveSchema(engine);
      }
      tables.add(name);
    }
    engine.run(`CHECKPOINT ${USER_SCHEMA}`);
  } catch (error) {
    dropUserLayer(engine);
    throw error;
  }
  return { manifest, tables, allViews: new Set(), datasetViews: new Set() };
}

export function describeLayer(layer: UserLayer | null): LayerResult {
  if (!layer) return { datasetVersion: null, rows: {} };
  return { datasetVersion: layer.manifest.dataset_version, rows: Object.fromEntries(Object.entries(layer.manifest.tables).map(([name, t]) => [name, t.rows])) };
}

/** A table's columns, of the user's database (`ul`) or of the main database's schema `main`. */
function columnsOf(engine: Engine, database: typeof USER_SCHEMA | 'main', table: string): { name: string; type: string }[] {
  const catalog = database === USER_SCHEMA ? USER_SCHEMA : MAIN_DATABASE;
  return rowsOf(engine, `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_catalog = '${catalog}' AND table_schema = 'main' AND table_name = '${table.replaceAll("'", "''")}' ORDER BY ordinal_position`) as { name: string; type: string }[];
}

/** The `al` view of a table whose dataset rows are in `main` (loaded first by the caller). */
export function ensureAllView(engine: Engine, layer: UserLayer, name: string): void {
  if (layer.allViews.has(name)) return;
  const q = quoteIdent(name);
  const main = `main.${q}`;
  const user = `${USER_SCHEMA}.${q}`;
  let sql: string;
  if (!layer.tables.has(name)) {
    sql = `SELECT * FROM ${main}`;
  } else if (name === 'rollups') {
    const columns = columnsOf(engine, 'main', name);
    const list = columns.map((c) => quoteIdent(c.name)).join(', ');
    const select = columns.map((c) => {
      const col = quoteIdent(c.name);
      if (ROLLUP_KEY.includes(c.name)) return col;
      return c.type === 'DOUBLE' ? `sum(${col}) AS ${col}` : `CAST(sum(${col}) AS ${c.type}) AS ${col}`;
    });
    sql = `SELECT ${select.join(', ')}, 'all' AS layer FROM (SELECT ${list} FROM ${main} UNION ALL SELECT ${list} FROM ${user}) GROUP BY ${ROLLUP_KEY.map(quoteIdent).join(', ')}`;
  } else {
    sql = `SELECT *, 'dataset' AS layer FROM ${main} UNION ALL BY NAME SELECT * FROM ${user}`;
  }
  engine.run(`CREATE OR REPLACE VIEW ${ALL_SCHEMA}.${q} AS ${sql}`);
  layer.allViews.add(name);
}

/** The `ul` view of a table read from the dataset, whose rows are in `main` (loaded first by the caller); other tables are the layer's own. */
export function ensureDatasetView(engine: Engine, layer: UserLayer, name: string): void {
  if (!readFromDataset(name) || layer.datasetViews.has(name)) return;
  const q = quoteIdent(name);
  engine.run(`CREATE OR REPLACE VIEW ${USER_SCHEMA}.main.${q} AS SELECT * FROM ${MAIN_DATABASE}.main.${q}`);
  layer.datasetViews.add(name);
}

/** Runs `run` with the mode's schema as the default; the SQL text carries the mode (prepared statements are per text). */
export function inLayer<T>(engine: Engine, mode: LayerMode, sql: string, run: (sql: string) => T): T {
  if (mode === 'dataset') return run(sql);
  enterSchema(engine, mode === 'user' ? USER_SCHEMA : ALL_SCHEMA);
  try {
    return run(`/* layer:${mode} */ ${sql}`);
  } finally {
    leaveSchema(engine);
  }
}

export const assertInLayer = (layer: UserLayer, name: string): void => {
  if (!layer.tables.has(name)) throw new DataError(`table ${name} is not in the imported layer`);
};
