// Typed SQL through the worker's handler on real DuckDB-WASM over the ingested shipped corpus:
// every kind of write is refused before the engine and leaves the data (tables, rows, settings,
// databases, extensions) unchanged; the same statements do change a bare engine, so the refusal is
// what kept them out. Reads load the tables they name whole; the schema lists every table.
import { tableFromIPC, tableFromArrays, tableToIPC } from 'apache-arrow';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableRows, type Row } from '../../../src/app/data/rows';
import { EXAMPLE_QUERIES } from '../../../src/app/sql-console/examples';
import type { Handler } from '../../../src/db/handler';
import { fromErrorData, type InitResult, type QueryResult, type Request, type Response, type SchemaResult } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import { inlineParams } from '../../../src/db/sql-guard';
import { loadedBytes, type Manifest } from '../../../src/shared/manifest';
import { createNodeEngine, createNodeHandler, readFileUrl } from '../../helpers/duckdb-wasm-node';
import { ingestShippedCorpus } from '../../helpers/shipped-dataset';

let handler: Handler;
let dataset: { dir: string; manifestUrl: string };
let manifest: Manifest;
let nextId = 1;

const request = (kind: Request['kind'], payload: Request['payload']): Promise<Response> => handler.handle({ id: nextId++, kind, payload } as Request);

async function userSql(text: string): Promise<Row[]> {
  const response = await request('sql', { sql: text });
  if (!response.ok) throw fromErrorData(response.error);
  return tableRows(tableFromIPC((response.result as QueryResult).ipc));
}

async function builtQuery(text: string, tables: string[] = []): Promise<Row[]> {
  const response = await request('query', { sql: text, params: [], tables });
  if (!response.ok) throw fromErrorData(response.error);
  return tableRows(tableFromIPC((response.result as QueryResult).ipc));
}

/** Everything a write could change: each table's rows and a hash of their content, views, settings, databases, extensions, sequences, macros. */
async function fingerprint(): Promise<string> {
  const tables = (await builtQuery("SELECT table_name FROM duckdb_tables() WHERE NOT internal ORDER BY table_name")).map((r) => String(r.table_name));
  const parts: unknown[] = [tables];
  for (const t of tables) {
    const q = `"${t.replaceAll('"', '""')}"`;
    parts.push(await builtQuery(`SELECT count(*) AS n, sum(hash(x) % 1000003) AS h FROM ${q} x`));
    parts.push(await builtQuery(`SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '${t.replaceAll("'", "''")}' ORDER BY column_index`));
  }
  parts.push(await builtQuery('SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1'));
  parts.push(await builtQuery("SELECT name, value FROM duckdb_settings() WHERE name NOT IN ('profiling_output') ORDER BY name"));
  parts.push(await builtQuery('SELECT database_name FROM duckdb_databases() ORDER BY 1'));
  parts.push(await builtQuery('SELECT extension_name, loaded, installed FROM duckdb_extensions() ORDER BY 1'));
  parts.push(await builtQuery('SELECT sequence_name FROM duckdb_sequences() ORDER BY 1'));
  parts.push(await builtQuery("SELECT function_name FROM duckdb_functions() WHERE NOT internal ORDER BY 1"));
  return JSON.stringify(parts);
}

/** One statement of each kind the console must refuse (they are valid SQL a bare engine runs). */
const WRITES: [kind: string, statement: string][] = [
  ['insert', "INSERT INTO facts_wide (report_id) VALUES ('planted')"],
  ['update', "UPDATE facts_wide SET issuer = 'planted'"],
  ['delete', 'DELETE FROM facts_wide'],
  ['truncate', 'TRUNCATE rollups'],
  ['create table', 'CREATE TABLE planted AS SELECT 1 AS x'],
  ['create view', 'CREATE VIEW planted AS SELECT 1 AS x'],
  ['create macro', 'CREATE MACRO planted(a) AS a + 1'],
  ['create sequence', 'CREATE SEQUENCE planted'],
  ['drop', 'DROP TABLE rollups'],
  ['alter', 'ALTER TABLE facts_wide RENAME TO planted'],
  ['attach', "ATTACH ':memory:' AS planted"],
  ['copy', "COPY facts_wide TO 'planted.csv'"],
  ['export', "EXPORT DATABASE 'planted'"],
  ['install', 'INSTALL json'],
  ['load', 'LOAD json'],
  ['set', "SET default_order = 'DESC'"],
  ['set variable', 'SET VARIABLE planted = 1'],
  ['reset', 'RESET default_order'],
  ['pragma', 'PRAGMA disable_optimizer'],
  ['call', 'CALL disable_optimizer()'],
  ['transaction', 'BEGIN TRANSACTION'],
  ['checkpoint', 'CHECKPOINT'],
  ['explain analyze', 'EXPLAIN ANALYZE DELETE FROM facts_wide'],
  ['cte then insert', "WITH x AS (SELECT 'planted' AS report_id) INSERT INTO facts_wide (report_id) SELECT report_id FROM x"],
  ['write after ;', 'SELECT 1; DELETE FROM facts_wide'],
  ['write after ; hidden by a comment and a string', "SELECT ';' /* ; */; DROP TABLE facts_wide"],
  ['plain string ends at backslash', "SELECT 'x\\'; DELETE FROM facts_wide; --'"],
  ['file read', "SELECT * FROM read_csv('/etc/hostname')"],
  ['sql in a string', "SELECT * FROM query('SELECT 1')"],
];

beforeAll(async () => {
  dataset = await ingestShippedCorpus({ storedAnswers: false });
  manifest = JSON.parse(new TextDecoder().decode(await readFileUrl(dataset.manifestUrl))) as Manifest;
  handler = createNodeHandler();
  const response = await request('init', { manifestUrl: dataset.manifestUrl });
  if (!response.ok) throw fromErrorData(response.error);
  expect((response.result as InitResult).tables.length).toBeGreaterThan(0);
}, 120_000);

afterAll(() => {
  handler?.close();
  if (dataset) rmSync(dirname(dataset.dir), { recursive: true, force: true });
});

describe('writes are refused and change nothing', () => {
  it.each(WRITES)('%s is refused by the sql and the query path, with a reason', async (_kind, statement) => {
    // Load every table first, so a write that slipped through would have something to change.
    await userSql('SELECT (SELECT count(*) FROM facts_wide) + (SELECT count(*) FROM rollups) AS n');
    const before = await fingerprint();
    for (const kind of ['sql', 'query'] as const) {
      const response = await request(kind, kind === 'sql' ? { sql: statement } : { sql: statement, params: [], tables: [] });
      expect(response.ok).toBe(false);
      if (!response.ok) {
        expect(response.error.name).toBe('SqlGuardError');
        expect(response.error.message).toMatch(/^refused: .*Only statements that read may run here/s);
        expect(response.error.sql).toBe(statement);
      }
    }
    expect(await fingerprint()).toBe(before);
  });

  it('the same statements do run on a bare engine (the refusal is what stops them)', async () => {
    const engine = await createNodeEngine();
    try {
      engine.insertArrowStream('facts_wide', tableToIPC(tableFromArrays({ report_id: ['a', 'b'], issuer: ['x', 'y'] }), 'stream'));
      engine.insertArrowStream('rollups', tableToIPC(tableFromArrays({ n: Int32Array.from([1]) }), 'stream'));
      const count = () => Number(tableFromIPC(engine.run('SELECT count(*) AS n FROM facts_wide')).getChild('n')?.get(0));
      engine.run('EXPLAIN ANALYZE DELETE FROM facts_wide');
      expect(count()).toBe(0);
      engine.run("WITH x AS (SELECT 'p' AS report_id) INSERT INTO facts_wide (report_id) SELECT report_id FROM x");
      expect(count()).toBe(1);
      engine.run("SELECT 'x\\'; DELETE FROM facts_wide; --'");
      expect(count()).toBe(0);
      engine.run("SET default_order = 'DESC'");
      expect(tableRows(tableFromIPC(engine.run("SELECT current_setting('default_order') AS t")))[0].t).toMatch(/desc/i);
      // The engine's own walls: one statement per run, no files.
      expect(() => engine.runStatement('SELECT 1; DROP TABLE rollups')).toThrow(/multiple statements/);
      expect(() => engine.run("SELECT * FROM read_csv('/etc/hostname')")).toThrow(/disabled by configuration/);
      expect(() => engine.run("SET enable_external_access = true")).toThrow(/Cannot change enable_external_access/);
    } finally {
      engine.close();
    }
  });
});

describe('reads', () => {
  it('load the dataset tables they name, whole, and agree with the manifest', async () => {
    const [row] = await userSql('SELECT (SELECT count(*) FROM "values") AS v, (SELECT count(*) FROM main.checks) AS c, (SELECT count(*) FROM texts) AS t');
    expect(row).toEqual({ v: manifest.tables.values.rows, c: manifest.tables.checks.rows, t: manifest.tables.texts.rows });
  });

  it('answer DESCRIBE, SUMMARIZE, SHOW, EXPLAIN, FROM-first and the derived entities table', async () => {
    const described = await userSql('DESCRIBE reports');
    expect(described.map((r) => r.column_name)).toContain('sha256');
    const summarized = await userSql('SUMMARIZE SELECT year FROM facts_wide');
    expect(summarized[0].column_name).toBe('year');
    expect((await userSql('SHOW TABLES')).map((r) => r.name)).toContain('facts_wide');
    expect((await userSql('EXPLAIN SELECT 1'))[0]).toHaveProperty('explain_key');
    expect(await userSql('FROM bodies SELECT count(*) AS n')).toEqual([{ n: manifest.tables.bodies.rows }]);
    expect(await userSql('SELECT count(*) AS n FROM entities')).toEqual([{ n: manifest.tables.bodies.rows }]);
  });

  it('run PIVOT with its values listed and UNPIVOT; a PIVOT DuckDB would split into statements is refused with a hint', async () => {
    const pivot = await userSql("PIVOT (SELECT scope FROM facts_wide) ON scope IN ('self', 'area') USING count(*)");
    const [{ self, area }] = await builtQuery("SELECT count(*) FILTER (WHERE scope = 'self') AS self, count(*) FILTER (WHERE scope = 'area') AS area FROM facts_wide");
    expect(pivot).toEqual([{ self, area }]);
    expect(await userSql('UNPIVOT (SELECT 1 AS p, 2 AS q) ON p, q INTO NAME k VALUE v')).toEqual([{ k: 'p', v: 1 }, { k: 'q', v: 2 }]);
    await expect(userSql('PIVOT (SELECT scope FROM facts_wide) ON scope USING count(*)')).rejects.toThrow(/runs this statement as several; for PIVOT, list the values/);
  });

  it('report a syntax error from the engine as it is', async () => {
    await expect(userSql('SELECT FROM WHERE')).rejects.toThrow(/syntax error/i);
  });

  it.each(EXAMPLE_QUERIES.map((e) => [e.id, e.sql]))('example %s runs and returns rows', async (_id, text) => {
    const rows = await userSql(text);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('a view query with its parameters inlined as literals returns the rows of the bound query', async () => {
    const queries = [
      sql.factsRows([2019, 2022]),
      sql.reportsByYearLevel(),
      sql.searchEntities({ text: '人民政府', limit: 10 }),
    ];
    for (const q of queries) {
      const response = await request('query', { sql: q.sql, params: q.params, tables: q.tables });
      if (!response.ok) throw fromErrorData(response.error);
      const bound = tableRows(tableFromIPC((response.result as QueryResult).ipc));
      expect(bound.length).toBeGreaterThan(0);
      // Typed SQL sees the column `layer` in every mode (the dataset alone: 'dataset'), which `*` brings.
      const typed = (await userSql(inlineParams(q.sql, q.params))).map(({ layer, ...rest }) => (layer === undefined || layer === 'dataset' ? rest : { layer, ...rest }));
      expect(typed).toEqual(bound);
    }
  });
});

describe('schema', () => {
  it('lists every dataset table with its manifest row count and columns, loaded or not', async () => {
    const response = await request('schema', {});
    if (!response.ok) throw fromErrorData(response.error);
    const { tables } = response.result as SchemaResult;
    for (const [name, entry] of Object.entries(manifest.tables)) {
      const t = tables.find((x) => x.name === name);
      expect(t, name).toBeDefined();
      expect(t!.rows).toBe(entry.rows);
      expect(t!.columns.length, name).toBeGreaterThan(0);
    }
    const facts = tables.find((t) => t.name === 'facts_wide')!;
    expect(facts.loaded).toBe('all');
    expect(facts.columns.find((c) => c.name === 'year')?.type).toBe('INTEGER');
    expect(tables.find((t) => t.name === 'entities')?.columns.map((c) => c.name)).toContain('printed_names');
  });

  it('reads the columns of a table not loaded yet from one of its files', async () => {
    const fresh = createNodeHandler();
    try {
      await fresh.handle({ id: 1, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } });
      const response = await fresh.handle({ id: 2, kind: 'schema', payload: {} });
      if (!response.ok) throw fromErrorData(response.error);
      const texts = (response.result as SchemaResult).tables.find((t) => t.name === 'texts')!;
      expect(texts.loaded).toBe('none');
      // `layer`: typed SQL sees it in every mode (src/db/user-layer.ts).
      expect(texts.columns).toEqual([{ name: 'report_id', type: 'VARCHAR' }, { name: 'text', type: 'VARCHAR' }, { name: 'layer', type: 'VARCHAR' }]);
    } finally {
      fresh.close();
    }
  });
});

describe('a table a view loaded in part', () => {
  it('loads whole when typed SQL names it, so a count is never of some provinces only', async () => {
    const lazy = createNodeHandler({ eagerDetailRows: 0 });
    try {
      await lazy.handle({ id: 1, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } });
      const partitions = manifest.tables.facts_wide.partitions;
      const province = partitions.find((p) => p.province !== undefined)!.province!;
      expect(new Set(partitions.map((p) => p.province)).size).toBeGreaterThan(1);
      // A view of one province loads that province's partition only.
      const one = await lazy.handle({ id: 2, kind: 'query', payload: { sql: 'SELECT count(*) AS n FROM facts_wide', params: [], tables: ['facts_wide'], provinces: [province] } });
      if (!one.ok) throw fromErrorData(one.error);
      const partial = Number(tableFromIPC((one.result as QueryResult).ipc).getChild('n')?.get(0));
      expect(partial).toBe(partitions.filter((p) => p.province === province || p.province === undefined).reduce((n, p) => n + p.rows, 0));
      expect(partial).toBeLessThan(manifest.tables.facts_wide.rows);
      const schemaBefore = await lazy.handle({ id: 3, kind: 'schema', payload: {} });
      if (!schemaBefore.ok) throw fromErrorData(schemaBefore.error);
      expect((schemaBefore.result as SchemaResult).tables.find((t) => t.name === 'facts_wide')?.loaded).toBe('part');
      // Typed SQL naming it loads the rest first.
      const all = await lazy.handle({ id: 4, kind: 'sql', payload: { sql: 'SELECT count(*) AS n FROM facts_wide' } });
      if (!all.ok) throw fromErrorData(all.error);
      expect(Number(tableFromIPC((all.result as QueryResult).ipc).getChild('n')?.get(0))).toBe(manifest.tables.facts_wide.rows);
    } finally {
      lazy.close();
    }
  });
});

describe('the load budget', () => {
  it('refuses typed SQL whose tables would pass the budget, with the reason', async () => {
    // What init loads and what loads right behind it: the rollups' shared partitions (province ones wait for a drill-down) and facts_wide.
    const eager = manifest.tables.rollups.partitions.filter((p) => p.province === undefined).reduce((n, p) => n + loadedBytes(p), 0) + manifest.tables.facts_wide.partitions.reduce((n, p) => n + loadedBytes(p), 0);
    const small = createNodeHandler({ loadBudgetBytes: eager + 1 });
    try {
      await small.handle({ id: 1, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } });
      // facts_wide loads behind init: a view's query waits for it.
      expect((await small.handle({ id: 3, kind: 'query', payload: { sql: 'SELECT count(*) FROM facts_wide', params: [], tables: ['facts_wide'] } })).ok).toBe(true);
      const response = await small.handle({ id: 2, kind: 'sql', payload: { sql: 'SELECT count(*) FROM texts' } });
      expect(response.ok).toBe(false);
      if (!response.ok) expect(response.error.message).toMatch(/table texts for every province needs .* beyond the .* this page may hold .*choose a province/);
    } finally {
      small.close();
    }
  });
});
