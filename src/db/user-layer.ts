// The user's imported layer in the page's database. Its tables (a dataset folder as ingest writes
// it, loaded whole) live in a database of their own, `ul`, attached in memory with compression (its
// rows take ~10× less memory than in the page's main database, which keeps them uncompressed for
// speed; and detaching it gives its memory back to DuckDB), each with a column
// layer = 'user'; schema `al` holds a view per table over both layers (the dataset's rows with
// layer = 'dataset'). A query runs with the database or schema of its mode as the default, so
// every view's SQL works unchanged over either layer or both:
//   dataset → main   user → ul   all → al
// The layer holds every report the user imported, byte-copies of the dataset's reports too (the
// user's own reports alone show them); `al` counts such a copy once, as the dataset's row: its
// per-report rows are left out there (`layer_copies` lists them), the rollups of `all` are the
// dataset's and the layer's own reports' (the copies left out) summed per key (their columns are
// additive), and a body in both layers is one row of `bodies`.
// The gazetteer (jurisdictions) is the dataset's, the same files, in every mode: a layer's own is
// never loaded (the page's layer writes none), and `ul` holds a view of the dataset's instead.
import { tableFromIPC } from 'apache-arrow';
import { parseManifest, type Manifest } from '../shared/manifest';
import { MAIN_DATABASE, type Engine } from './engine';
import { notAReportSql } from './sql/not-a-report';
import { DataError, type LayerMode, type LayerPayload, type LayerResult } from './protocol';
import { DERIVED_TABLES, quoteIdent } from './tables';

export const USER_SCHEMA = 'ul';
export const ALL_SCHEMA = 'al';
/** The layer's reports whose file the dataset holds (same sha256), with the dataset's report. */
export const COPIES_TABLE = 'layer_copies';
const COPIES = `${USER_SCHEMA}.${COPIES_TABLE}`;
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
  /** How many of the layer's reports are copies of the dataset's (COPIES_TABLE). */
  copies: number;
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
export async function loadUserLayer(engine: Engine, rawManifest: unknown, read: LayerRead, copies: LayerCopies = {}): Promise<UserLayer> {
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
      const table = `${USER_SCHEMA}.${quoteIdent(name)}`;
      engine.run(`CREATE TABLE ${table} AS ${derived.select(`${USER_SCHEMA}.${quoteIdent(derived.from[0])}`, ', layer')}`);
      engine.run(`ALTER TABLE ${table} ALTER COLUMN layer SET DEFAULT 'user'`);
      tables.add(name);
    }
    const copied = tables.has('reports') ? markCopies(engine, copies) : 0;
    engine.run(`CHECKPOINT ${USER_SCHEMA}`);
    return { manifest, tables, allViews: new Set(), datasetViews: new Set(), copies: copied };
  } catch (error) {
    dropUserLayer(engine);
    throw error;
  }
}

/** The dataset's report id of each file (sha256) of the layer the dataset holds too, as the page found them. */
export type LayerCopies = Record<string, string>;

/** Writes COPIES_TABLE: the layer's reports whose sha256 is one of `copies`, with the dataset's report; answers how many. */
function markCopies(engine: Engine, copies: LayerCopies): number {
  engine.run(`CREATE TABLE ${COPIES}_given (sha256 VARCHAR, dataset_report_id VARCHAR)`);
  const given = Object.entries(copies).filter(([sha, id]) => typeof sha === 'string' && typeof id === 'string');
  const BLOCK = 256;
  for (let i = 0; i < given.length; i += BLOCK) {
    const block = given.slice(i, i + BLOCK);
    engine.run(`INSERT INTO ${COPIES}_given VALUES ${block.map(() => '(?, ?)').join(', ')}`, block.flat());
  }
  engine.run(`CREATE TABLE ${COPIES} AS SELECT r.report_id, r.sha256, g.dataset_report_id FROM ${USER_SCHEMA}.reports r JOIN ${COPIES}_given g USING (sha256) ORDER BY r.report_id; DROP TABLE ${COPIES}_given`);
  return Number(rowsOf(engine, `SELECT count(*) AS n FROM ${COPIES}`)[0]?.n);
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

/** Rows of the layer's table `user` (qualified) that are not copies of the dataset's reports. */
const ownRows = (layer: UserLayer, user: string, column = 'report_id'): string =>
  layer.copies === 0 ? `SELECT * FROM ${user}` : `SELECT * FROM ${user} WHERE ${column} NOT IN (SELECT report_id FROM ${COPIES})`;

/** The `al` view of a table whose dataset rows are in `main` (loaded first by the caller). */
export function ensureAllView(engine: Engine, layer: UserLayer, name: string): void {
  if (layer.allViews.has(name)) return;
  const q = quoteIdent(name);
  const main = `main.${q}`;
  const user = `${USER_SCHEMA}.${q}`;
  let sql: string;
  if (readFromDataset(name)) {
    sql = `SELECT * FROM ${main}`;
  } else if (!layer.tables.has(name)) {
    sql = `SELECT *, 'dataset' AS layer FROM ${main}`;
  } else if (name === 'rollups') {
    const columns = columnsOf(engine, 'main', name);
    const list = columns.map((c) => quoteIdent(c.name)).join(', ');
    const select = columns.map((c) => {
      const col = quoteIdent(c.name);
      if (ROLLUP_KEY.includes(c.name)) return col;
      return c.type === 'DOUBLE' ? `sum(${col}) AS ${col}` : `CAST(sum(${col}) AS ${c.type}) AS ${col}`;
    });
    const own = layer.copies === 0 ? `SELECT ${list} FROM ${user}` : ownRollupsSql(columns.map((c) => c.name));
    sql = `SELECT ${select.join(', ')}, 'all' AS layer FROM (SELECT ${list} FROM ${main} UNION ALL ${own}) GROUP BY ${ROLLUP_KEY.map(quoteIdent).join(', ')}`;
  } else if (name === 'bodies') {
    sql = allBodiesSql(layer);
  } else if (name === 'entities') {
    ensureAllView(engine, layer, 'bodies');
    sql = DERIVED_TABLES.entities.select(`${ALL_SCHEMA}.bodies`, ', layer');
  } else if (name === 'similar_pairs') {
    sql = `SELECT *, 'dataset' AS layer FROM ${main} UNION ALL BY NAME ${ownPairsSql(layer, user)}`;
  } else {
    const perReport = columnsOf(engine, USER_SCHEMA, name).some((c) => c.name === 'report_id');
    sql = `SELECT *, 'dataset' AS layer FROM ${main} UNION ALL BY NAME ${perReport ? ownRows(layer, user) : `SELECT * FROM ${user}`}`;
  }
  engine.run(`CREATE OR REPLACE VIEW ${ALL_SCHEMA}.${q} AS ${sql}`);
  layer.allViews.add(name);
}

/**
 * What a rollup row counts of a report (src/ingest/rollups.ts), as SQL over facts_wide joined with
 * reports' `synthetic` and `template_basis`: the rollups of the layer's own reports (its copies left out) are summed
 * from their facts_wide rows, which corrections keep up to date as they do the rollups.
 */
const ROLLUP_COUNT_SQL: Record<string, string> = {
  reports: 'count(*)',
  ok: "count(*) FILTER (WHERE status = 'ok')",
  partial: "count(*) FILTER (WHERE status = 'partial')",
  failed: "count(*) FILTER (WHERE status = 'failed')",
  narrative: "count(*) FILTER (WHERE template = 'narrative')",
  table2019: "count(*) FILTER (WHERE template = 'table2019')",
  table2021: "count(*) FILTER (WHERE template = 'table2021')",
  template_unknown: "count(*) FILTER (WHERE template IS NULL OR template NOT IN ('narrative', 'table2019', 'table2021'))",
  narrative_by_year: "count(*) FILTER (WHERE template = 'narrative' AND template_basis = 'year')",
  table2019_by_year: "count(*) FILTER (WHERE template = 'table2019' AND template_basis = 'year')",
  table2021_by_year: "count(*) FILTER (WHERE template = 'table2021' AND template_basis = 'year')",
  failing_checks: 'count(*) FILTER (WHERE n_failed_checks > 0)',
  synthetic: 'count(*) FILTER (WHERE synthetic IS TRUE)',
};

/** The rollup rows of the layer's reports that are not copies: the whole layer and each division of a report's chain. */
export function ownRollupsSql(columns: readonly string[], all = false): string {
  // A harmonised metric: its sum and, beside it, how many reports state it.
  const metrics = columns.filter((c) => columns.includes(`${c}__reports`));
  const known = (c: string) => ROLLUP_KEY.includes(c) || Object.hasOwn(ROLLUP_COUNT_SQL, c) || metrics.includes(c) || metrics.includes(c.replace(/__reports$/, ''));
  const unknown = columns.filter((c) => !known(c));
  if (unknown.length > 0) throw new DataError(`rollups: no rule to count ${unknown.join(', ')}`);
  const carried = ['year', 'level', 'scope', 'status', 'template', 'template_basis', 'n_failed_checks', 'synthetic', ...metrics].map(quoteIdent).join(', ');
  const levels = [['NULL', 'nation', 'TRUE'], ['province_code', 'province', 'province_code IS NOT NULL'], ['city_code', 'city', 'city_code IS NOT NULL'], ['county_code', 'county', 'county_code IS NOT NULL']];
  const chain = levels.map(([code, level, where]) => `SELECT CAST(${code} AS VARCHAR) AS division_code, '${level}' AS division_level, ${carried} FROM own WHERE ${where}`).join(' UNION ALL ');
  const select = columns.map((c) => {
    const col = quoteIdent(c);
    if (ROLLUP_KEY.includes(c)) return col;
    if (Object.hasOwn(ROLLUP_COUNT_SQL, c)) return `CAST(${ROLLUP_COUNT_SQL[c]} AS INTEGER) AS ${col}`;
    if (c.endsWith('__reports')) return `CAST(count(${quoteIdent(c.slice(0, -'__reports'.length))}) AS INTEGER) AS ${col}`;
    return `sum(${col}) AS ${col}`;
  });
  // A file that is no report (a blank form, no disclosure wording) is counted nowhere, as ingest's rollups leave it out.
  const conditions = [`NOT ${notAReportSql('r')}`];
  if (!all) conditions.push(`f.report_id NOT IN (SELECT report_id FROM ${COPIES})`);
  return `SELECT ${select.join(', ')} FROM (
WITH own AS (SELECT f.*, r.synthetic, r.template_basis FROM ${USER_SCHEMA}.facts_wide f JOIN ${USER_SCHEMA}.reports r USING (report_id) WHERE ${conditions.join(' AND ')})
${chain}) GROUP BY ${ROLLUP_KEY.map(quoteIdent).join(', ')}`;
}

/**
 * A body in both layers is one row: the dataset's, with the layer's own reports (copies left out)
 * added to its count, years and printed names (layer `all` when it has any); the layer's other
 * bodies as they are.
 */
function allBodiesSql(layer: UserLayer): string {
  const notCopy = layer.copies === 0 ? '' : `AND report_id NOT IN (SELECT report_id FROM ${COPIES})`;
  return `WITH own AS (
  SELECT body_key AS key, count(*) AS reports, min(year) AS first_year, max(year) AS last_year, list(DISTINCT issuer) FILTER (WHERE issuer IS NOT NULL) AS names
  FROM ${USER_SCHEMA}.facts_wide WHERE body_key IS NOT NULL ${notCopy} GROUP BY body_key)
SELECT d.* REPLACE (
    d.reports + coalesce(o.reports, 0) AS reports,
    least(d.first_year, o.first_year) AS first_year,
    greatest(d.last_year, o.last_year) AS last_year,
    CASE WHEN o.key IS NULL THEN d.printed_names ELSE nullif(array_to_string(list_sort(list_distinct(coalesce(string_split(d.printed_names, chr(10)), []::VARCHAR[]) || coalesce(o.names, []::VARCHAR[]))), chr(10)), '') END AS printed_names),
  CASE WHEN o.key IS NULL THEN 'dataset' ELSE 'all' END AS layer
FROM main.bodies d LEFT JOIN own o ON o.key = d.key
UNION ALL BY NAME
SELECT * FROM ${USER_SCHEMA}.bodies WHERE key NOT IN (SELECT key FROM main.bodies)`;
}

/** The layer's similar pairs over both layers: a copy stands as the dataset's report; a pair of two copies is the dataset's already. */
function ownPairsSql(layer: UserLayer, user: string): string {
  if (layer.copies === 0) return `SELECT * FROM ${user}`;
  return `SELECT p.* REPLACE (coalesce(a.dataset_report_id, p.report_a) AS report_a, coalesce(b.dataset_report_id, p.report_b) AS report_b)
FROM ${user} p LEFT JOIN ${COPIES} a ON a.report_id = p.report_a LEFT JOIN ${COPIES} b ON b.report_id = p.report_b
WHERE a.report_id IS NULL OR b.report_id IS NULL`;
}

/** The `ul` view of a table read from the dataset, whose rows are in `main` (loaded first by the caller); other tables are the layer's own. */
export function ensureDatasetView(engine: Engine, layer: UserLayer, name: string): void {
  if (!readFromDataset(name) || layer.datasetViews.has(name)) return;
  const q = quoteIdent(name);
  engine.run(`CREATE OR REPLACE VIEW ${USER_SCHEMA}.main.${q} AS SELECT * FROM ${MAIN_DATABASE}.main.${q}`);
  layer.datasetViews.add(name);
}

/**
 * Schema `ds` of the main database: a view per dataset table with the column `layer` = 'dataset',
 * so SQL a person writes over one mode (naming `layer`) runs over the dataset alone too. Typed SQL
 * reads it first, then `main` (the worker's own tables: user_corrections…).
 */
export const DATASET_SCHEMA = 'ds';

/** The `ds` view of a dataset table (loaded first by the caller). */
export function ensureDatasetModeView(engine: Engine, made: Set<string>, name: string): void {
  if (made.has(name)) return;
  if (made.size === 0) engine.run(`CREATE SCHEMA IF NOT EXISTS ${DATASET_SCHEMA}`);
  const q = quoteIdent(name);
  engine.run(`CREATE OR REPLACE VIEW ${DATASET_SCHEMA}.${q} AS SELECT *${readFromDataset(name) ? '' : ", 'dataset' AS layer"} FROM main.${q}`);
  made.add(name);
}

/**
 * Runs `run` with the mode's schema as the default; the SQL text carries the mode (prepared
 * statements are per text). `typed`: SQL a person wrote, which reads `ds` over the dataset alone.
 */
export function inLayer<T>(engine: Engine, mode: LayerMode, sql: string, run: (sql: string) => T, typed = false): T {
  if (mode === 'dataset' && !typed) return run(sql);
  // The schema exists before its first view: typed SQL may name no table (SELECT 1, duckdb_tables()).
  if (mode === 'dataset') {
    engine.run(`CREATE SCHEMA IF NOT EXISTS ${DATASET_SCHEMA}`);
    engine.run(`SET search_path = '${DATASET_SCHEMA},main'`);
  } else enterSchema(engine, mode === 'user' ? USER_SCHEMA : ALL_SCHEMA);
  try {
    return run(`/* layer:${mode} */ ${sql}`);
  } finally {
    leaveSchema(engine);
  }
}

export const assertInLayer = (layer: UserLayer, name: string): void => {
  if (!layer.tables.has(name)) throw new DataError(`table ${name} is not in the imported layer`);
};
