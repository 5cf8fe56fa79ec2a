// The worker's protocol handler and every SQL builder, against real DuckDB-WASM (the Node build of
// the same engine module the browser worker uses) on the ingested shipped corpus, checked against
// native DuckDB reading the Parquet copy of the same dataset.
import { tableFromIPC } from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handler } from '../../../src/db/handler';
import { fromErrorData, type QueryResult, type Request, type Response } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import { tableRows } from '../../../src/app/data/rows';
import { DERIVED_TABLES } from '../../../src/db/tables';
import { createNodeHandler, readFileUrl } from '../../helpers/duckdb-wasm-node';
import { ingestShippedCorpus } from '../../helpers/shipped-dataset';

let handler: Handler;
let dataset: { dir: string; manifestUrl: string };
let native: Awaited<ReturnType<DuckDBInstance['connect']>>;
let nextId = 1;

async function request(kind: Request['kind'], payload: Request['payload']): Promise<Response> {
  return handler.handle({ id: nextId++, kind, payload } as Request);
}

async function run(query: sql.BuiltQuery) {
  const response = await request('query', { sql: query.sql, params: query.params, tables: query.tables });
  if (!response.ok) throw fromErrorData(response.error);
  return tableRows(tableFromIPC((response.result as QueryResult).ipc));
}

/** The same query in native DuckDB over the Parquet files: the two engines must agree. */
async function runNative(query: sql.BuiltQuery) {
  const prepared = await native.prepare(query.sql);
  query.params.forEach((p, i) => {
    if (typeof p === 'number') prepared.bindDouble(i + 1, p);
    else if (typeof p === 'string') prepared.bindVarchar(i + 1, p);
    else if (typeof p === 'boolean') prepared.bindBoolean(i + 1, p);
    else prepared.bindNull(i + 1);
  });
  const reader = await prepared.runAndReadAll();
  return reader.getRowObjectsJson().map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && k !== 'issuer' ? Number(v) : v])),
  );
}

beforeAll(async () => {
  dataset = await ingestShippedCorpus();
  handler = createNodeHandler();
  const instance = await DuckDBInstance.create(':memory:');
  native = await instance.connect();
  for (const table of ['facts_wide', 'reports', 'values', 'checks', 'texts']) {
    await native.run(`CREATE TABLE "${table}" AS SELECT * FROM read_parquet('${join(dataset.dir, `${table}.parquet`)}')`);
  }
  for (const derived of Object.values(DERIVED_TABLES)) await native.run(derived.sql);
}, 120_000);

afterAll(() => {
  handler?.close();
  if (dataset) rmSync(dirname(dataset.dir), { recursive: true, force: true });
});

describe('init', () => {
  it('loads the eager tables, checks their row counts and reports the dataset version', async () => {
    const response = await request('init', { manifestUrl: dataset.manifestUrl });
    expect(response.ok).toBe(true);
    const manifest = JSON.parse(new TextDecoder().decode(await readFileUrl(dataset.manifestUrl)));
    const result = (response as Extract<Response, { ok: true }>).result as { datasetVersion: string; tables: { name: string; rows: number; loaded: boolean }[]; engine: string };
    expect(result.datasetVersion).toBe(manifest.dataset_version);
    expect(result.engine).toMatch(/^duckdb-wasm v1\.4/);
    const byName = Object.fromEntries(result.tables.map((t) => [t.name, t]));
    expect(byName.facts_wide).toEqual({ name: 'facts_wide', rows: manifest.tables.facts_wide.rows, loaded: true });
    expect(byName.texts.loaded).toBe(false);
  });

  it('is single-flight: concurrent inits share one load', async () => {
    let fetches = 0;
    const counting = createNodeHandler({ fetchBytes: (url) => (fetches++, readFileUrl(url)) });
    const [a, b] = await Promise.all([
      counting.handle({ id: 1, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } }),
      counting.handle({ id: 2, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(fetches).toBe(2); // manifest + the one eager table, once
    counting.close();
  });

  it('fails with a readable error when a table file does not hold the rows the manifest promises', async () => {
    const broken = createNodeHandler({
      fetchBytes: async (url) => (url.endsWith('facts_wide.arrows') ? readFileUrl(url.replace('facts_wide.arrows', 'checks.arrows')) : readFileUrl(url)),
    });
    const response = await broken.handle({ id: 1, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } });
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.message).toMatch(/table facts_wide: loaded \d+ rows from facts_wide\.arrows, the manifest says \d+/);
  });

  it('rejects a manifest that does not validate', async () => {
    const bad = createNodeHandler({ fetchBytes: async () => new TextEncoder().encode('{"schema_version": 99}') });
    const response = await bad.handle({ id: 1, kind: 'init', payload: { manifestUrl: 'file:///nowhere/manifest.json' } });
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.message).toMatch(/invalid manifest/);
  });
});

describe('queries and failures', () => {
  it('returns results as Arrow IPC bytes that own their buffer (transferable)', async () => {
    const response = await request('query', { sql: 'SELECT 42 AS answer', params: [], tables: [] });
    expect(response.ok).toBe(true);
    const ipc = ((response as Extract<Response, { ok: true }>).result as QueryResult).ipc;
    expect(ipc.byteOffset).toBe(0);
    expect(ipc.byteLength).toBe(ipc.buffer.byteLength);
    expect(tableRows(tableFromIPC(ipc))).toEqual([{ answer: 42 }]);
  });

  it('returns bad SQL as error data carrying the SQL, rebuilt into an Error with cause', async () => {
    const bad = 'SELECT no_such_column FROM facts_wide';
    const response = await request('query', { sql: bad, params: [], tables: ['facts_wide'] });
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.sql).toBe(bad);
    expect(response.error.message).toMatch(/no_such_column/);
    const error = fromErrorData(response.error);
    expect(error.sql).toBe(bad);
    expect(error.message).toContain('-- SQL:');
    expect((error.cause as Error).message).toMatch(/Binder Error/);
  });

  it('refuses tables that are not part of the dataset', async () => {
    const response = await request('query', { sql: 'SELECT 1', params: [], tables: ['secrets' as never] });
    expect(response.ok).toBe(false);
  });

  it('binds parameters instead of splicing them: a quote in a name is just a name', async () => {
    const rows = await run(sql.searchEntities({ text: "广州'; DROP TABLE facts_wide; --" }));
    expect(rows).toEqual([]);
    expect((await run({ name: 't', sql: 'SELECT count(*) AS n FROM facts_wide', params: [], tables: ['facts_wide'] }))[0].n).toBeGreaterThan(100);
  });

  it('loads a lazy table on first use and answers from it', async () => {
    const [first] = await run({ name: 't', sql: 'SELECT report_id FROM facts_wide ORDER BY report_id LIMIT 1', params: [], tables: ['facts_wide'] });
    const text = await run(sql.reportText(String(first.report_id)));
    expect(text).toHaveLength(1);
    expect(String(text[0].text).length).toBeGreaterThan(100);
  });
});

describe('SQL builders agree with native DuckDB on the same data', () => {
  const cases: [string, () => sql.BuiltQuery][] = [
    ['reports by year × level', sql.reportsByYearLevel],
    ['dataset counts', sql.datasetCounts],
    ['headline trends', sql.headlineTrends],
    ['failing reports', () => sql.failingReports(20)],
    ['entity search', () => sql.searchEntities({ text: '广州' })],
    ['entity search in one year', () => sql.searchEntities({ text: '广州', year: 2021 })],
    ['entity search by level', () => sql.searchEntities({ levels: ['department'] })],
    ['compare', () => sql.compareSeries({ issuers: ['广州市人民政府', '广州市海珠区人民政府'], metric: 'r.new.total' })],
    ['outcomes, pooled', () => sql.outcomeBreakdown({ issuers: [] })],
    ['applicants, pooled', () => sql.applicantBreakdown({ issuers: [], years: [2019, 2024] })],
    ['review and litigation', () => sql.reviewLitigation({ issuers: [] })],
  ];
  it.each(cases)('%s', async (_, build) => {
    const query = build();
    const wasm = await run(query);
    expect(wasm.length).toBeGreaterThan(0);
    expect(wasm).toEqual(await runNative(query));
  });

  it('counts every report once in year × level coverage', async () => {
    const rows = await run(sql.reportsByYearLevel());
    const [counts] = await run(sql.datasetCounts());
    expect(rows.reduce((s, r) => s + Number(r.reports), 0)).toBe(counts.reports);
  });

  it('refuses a metric that is not whitelisted before any SQL is built', () => {
    expect(() => sql.compareSeries({ issuers: ['x'], metric: 'year; DROP TABLE reports' })).toThrow(/not a dashboard metric/);
  });

  it('computes correction rates from summed counts and leaves pending cases out of the denominator', async () => {
    const rows = await run(sql.reviewLitigation({ issuers: [] }));
    const facts = await run({
      name: 't',
      sql: `SELECT year, rv_corrected, rv_total, rv_pending FROM facts_wide
WHERE scope = 'self' AND status <> 'failed' AND rv_total IS NOT NULL AND rv_corrected IS NOT NULL AND rv_pending IS NOT NULL`,
      params: [],
      tables: ['facts_wide'],
    });
    for (const row of rows) {
      const mine = facts.filter((f) => f.year === row.year);
      if (mine.length === 0) continue;
      expect(row.rv_rate_numerator).toBe(mine.reduce((s, f) => s + Number(f.rv_corrected), 0));
      expect(row.rv_rate_denominator).toBe(mine.reduce((s, f) => s + Number(f.rv_total) - Number(f.rv_pending), 0));
    }
  });
});
