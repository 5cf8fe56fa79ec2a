// The worker's protocol handler and every SQL builder, against real DuckDB-WASM (the Node build of
// the same engine module the browser worker uses) on the ingested shipped corpus, checked against
// native DuckDB reading the Parquet copy of the same dataset.
import { tableFromIPC } from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Handler } from '../../../src/db/handler';
import { fromErrorData, type InitResult, type QueryResult, type Request, type Response } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import { tableRows } from '../../../src/app/data/rows';
import { DERIVED_TABLES } from '../../../src/db/tables';
import { ENTITIES_REFERENCE_SQL } from '../../helpers/entities-reference';
import type { Manifest } from '../../../src/shared/manifest';
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

/** Columns of text that may be all digits (division codes, body keys): never read as numbers. */
const TEXT_COLUMNS = new Set(['issuer', 'body_key', 'key', 'value', 'code', 'province_code']);

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
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && !TEXT_COLUMNS.has(k) ? Number(v) : v])),
  );
}

beforeAll(async () => {
  dataset = await ingestShippedCorpus({ storedAnswers: false });
  handler = createNodeHandler();
  const instance = await DuckDBInstance.create(':memory:');
  native = await instance.connect();
  const manifest = JSON.parse(new TextDecoder().decode(await readFileUrl(dataset.manifestUrl))) as Manifest;
  for (const table of ['facts_wide', 'reports', 'values', 'checks', 'texts', 'rollups', 'failing', 'jurisdictions', 'bodies']) {
    const files = manifest.parquet.files.filter((f) => f.table === table).map((f) => `'${join(dataset.dir, f.path)}'`);
    await native.run(`CREATE TABLE "${table}" AS SELECT * FROM read_parquet([${files.join(', ')}], hive_partitioning = false)`);
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
    const result = (response as Extract<Response, { ok: true }>).result as InitResult;
    expect(result.datasetVersion).toBe(manifest.dataset_version);
    expect(result.engine).toMatch(/^duckdb-wasm v1\.4/);
    const byName = Object.fromEntries(result.tables.map((t) => [t.name, t]));
    const partitions = (name: string): number => manifest.tables[name].partitions.length;
    // Init waits for the shared rollups only; a small dataset's facts_wide loads right behind it.
    expect(byName.facts_wide).toEqual({ name: 'facts_wide', rows: manifest.tables.facts_wide.rows, partitions: partitions('facts_wide'), loaded: 0 });
    expect(byName.rollups).toMatchObject({ partitions: partitions('rollups'), loaded: 1 });
    expect(byName.texts.loaded).toBe(0);
    await vi.waitFor(async () => {
      const again = (await request('init', { manifestUrl: dataset.manifestUrl })) as Extract<Response, { ok: true }>;
      expect((again.result as InitResult).tables.find((t) => t.name === 'facts_wide')!.loaded).toBe(partitions('facts_wide'));
    }, { timeout: 30_000, interval: 50 });
  });

  it("fetches the shared rollups while the engine starts, once, and a bad one fails only the rollups' queries, which fetch it again", async () => {
    const fetched: string[] = [];
    let tamper = true;
    const watched = createNodeHandler({
      fetchBytes: async (url) => {
        fetched.push(url.slice(url.indexOf('/arrow/') + 1));
        const bytes = await readFileUrl(url);
        if (!(tamper && url.includes('/rollups/all'))) return bytes;
        const copy = bytes.slice();
        copy[copy.length - 20] ^= 0x01;
        return copy;
      },
    });
    try {
      const init = await watched.handle({ id: 1, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } });
      if (!init.ok) throw fromErrorData(init.error);
      const { trace, elapsedMs } = init.result as InitResult;
      // Engine and manifest overlap: their sum may exceed the whole; each part lies within it.
      for (const part of [trace!.manifestMs, trace!.engineMs, trace!.tablesMs]) expect(part).toBeGreaterThanOrEqual(0);
      expect(trace!.engineMs + trace!.tablesMs).toBeLessThanOrEqual(elapsedMs + 1);
      expect(fetched.filter((p) => p.startsWith('arrow/rollups/all'))).toHaveLength(1);
      const count = { sql: 'SELECT count(*) AS n FROM rollups', params: [], tables: ['rollups'] };
      const bad = await watched.handle({ id: 2, kind: 'query', payload: count });
      if (bad.ok) throw new Error('a tampered rollups file was loaded');
      expect(fetched.filter((p) => p.startsWith('arrow/rollups/all'))).toHaveLength(2);
      expect(bad.error.message).toMatch(/^table rollups: arrow\/rollups\/all\.arrows\.gz does not match the dataset's manifest \(SHA-256/);
      tamper = false;
      const good = await watched.handle({ id: 3, kind: 'query', payload: count });
      if (!good.ok) throw fromErrorData(good.error);
      expect(Number(tableRows(tableFromIPC((good.result as QueryResult).ipc))[0].n)).toBeGreaterThan(0);
      // Init's load failed (not retried by init), each query after it fetched the file anew.
      expect(fetched.filter((p) => p.startsWith('arrow/rollups/all'))).toHaveLength(3);
    } finally {
      watched.close();
    }
  });

  it('is single-flight: concurrent inits share one load', async () => {
    let fetches = 0;
    const counting = createNodeHandler({ fetchBytes: (url) => (fetches++, readFileUrl(url)) });
    const [a, b] = await Promise.all([
      counting.handle({ id: 1, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } }),
      counting.handle({ id: 2, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } }),
    ]);
    // Before the answer: the manifest and the shared rollups, once each.
    const beforeAnswer = fetches;
    expect(a.ok && b.ok).toBe(true);
    expect(beforeAnswer).toBe(2);
    const manifest = JSON.parse(new TextDecoder().decode(await readFileUrl(dataset.manifestUrl))) as Manifest;
    // A query on facts_wide meets the load begun behind init: every facts_wide partition, once each.
    const q = await counting.handle({ id: 3, kind: 'query', payload: { sql: 'SELECT count(*) AS n FROM facts_wide', params: [], tables: ['facts_wide'] } });
    expect(q.ok).toBe(true);
    expect(fetches).toBe(2 + manifest.tables.facts_wide.partitions.length);
    counting.close();
  });

  it('refuses a file whose bytes are not the manifest\'s, naming it, and disables only the views that need it', async () => {
    const count = (table: string) => ({ sql: `SELECT count(*) AS n FROM ${table}`, params: [], tables: [table] });
    const flipOne = (bytes: Uint8Array) => {
      const copy = bytes.slice();
      copy[copy.length - 20] ^= 0x01;
      return copy;
    };
    const tampered = createNodeHandler({ fetchBytes: async (url) => (url.includes('/facts_wide/44') ? flipOne(await readFileUrl(url)) : readFileUrl(url)) });
    expect((await tampered.handle({ id: 1, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } })).ok).toBe(true);
    const facts = await tampered.handle({ id: 2, kind: 'query', payload: count('facts_wide') });
    expect(facts.ok).toBe(false);
    if (!facts.ok) {
      expect(facts.error.message).toMatch(
        /^table facts_wide: arrow\/facts_wide\/44\.arrows\.gz does not match the dataset's manifest \(SHA-256 [0-9a-f]{12}…, the manifest says [0-9a-f]{12}…\): the file was altered or damaged, so it is not used; ingest again or copy the dataset again$/,
      );
    }
    const rollups = await tampered.handle({ id: 3, kind: 'query', payload: count('rollups') });
    expect(rollups.ok).toBe(true);
    tampered.close();

    // Another table's file in its place: refused before DuckDB sees it.
    const swapped = createNodeHandler({
      fetchBytes: async (url) => (url.includes('/facts_wide/44') ? readFileUrl(url.replace('/facts_wide/44', '/checks/44')) : readFileUrl(url)),
    });
    await swapped.handle({ id: 1, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } });
    const other = await swapped.handle({ id: 2, kind: 'query', payload: count('facts_wide') });
    if (other.ok) throw new Error('a swapped file was loaded');
    expect(other.error.message).toMatch(/^table facts_wide: arrow\/facts_wide\/44\.arrows\.gz does not match the dataset's manifest \(\d+ bytes, the manifest says \d+\)/);
    swapped.close();

    // A missing file (the server's 404): its table's views fail with the reason, the others work.
    const missing = createNodeHandler({
      fetchBytes: async (url) => {
        if (url.includes('/facts_wide/44')) throw new Error(`GET ${url}: HTTP 404`);
        return readFileUrl(url);
      },
    });
    expect((await missing.handle({ id: 1, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } })).ok).toBe(true);
    const gone = await missing.handle({ id: 2, kind: 'query', payload: count('facts_wide') });
    if (gone.ok) throw new Error('a missing file was not reported');
    expect(gone.error.message).toMatch(/^table facts_wide: cannot fetch arrow\/facts_wide\/44\.arrows\.gz: GET .*: HTTP 404$/);
    expect((await missing.handle({ id: 3, kind: 'query', payload: count('rollups') })).ok).toBe(true);
    missing.close();

    // A host that sends .gz files with Content-Encoding: the browser hands over the decoded stream.
    const decodedByHost = createNodeHandler({
      fetchBytes: async (url) => (url.includes('/facts_wide/44') ? gunzipSync(await readFileUrl(url)) : readFileUrl(url)),
    });
    expect((await decodedByHost.handle({ id: 1, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } })).ok).toBe(true);
    const decoded = await decodedByHost.handle({ id: 2, kind: 'query', payload: count('facts_wide') });
    if (decoded.ok) throw new Error('a file decoded on the way was loaded');
    expect(decoded.error.message).toMatch(/^table facts_wide: arrow\/facts_wide\/44\.arrows\.gz did not arrive as gzip data: the web server probably sends \.gz files with a Content-Encoding header/);
    decodedByHost.close();
  });

  it('older dataset layouts are refused with the schema version as the reason', async () => {
    const manifest = JSON.parse(new TextDecoder().decode(await readFileUrl(dataset.manifestUrl))) as Manifest;
    const older = createNodeHandler({ fetchBytes: async (url) => (url === dataset.manifestUrl ? new TextEncoder().encode(JSON.stringify({ ...manifest, schema_version: 8 })) : readFileUrl(url)) });
    const response = await older.handle({ id: 1, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } });
    if (response.ok) throw new Error('a schema-8 manifest was accepted');
    expect(response.error.message).toMatch(/schema_version: expected 12, got 8/);
    older.close();
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
    ['entity search by province', () => sql.searchEntities({ province: '440000', limit: 1000 })],
    ['entity provinces', sql.entityProvinces],
    ['body lookup, keys and printed names', () => sql.lookupBodies(['440100', '海珠区人民政府', '广州市海珠区人民政府'])],
    ['compare', () => sql.compareSeries({ bodies: ['440100', '440105'], metric: 'r.new.total' })],
    ['outcomes, pooled', () => sql.outcomeBreakdown({})],
    ['outcomes of bodies', () => sql.outcomeBreakdown({ bodies: ['440100', '440105', '440113'] })],
    ['applicants, pooled', () => sql.applicantBreakdown({ years: [2019, 2024] })],
    ['review and litigation', () => sql.reviewLitigation({})],
    ['review and litigation of bodies', () => sql.reviewLitigation({ bodies: ['440100', '440105', '440113'] })],
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
    expect(() => sql.compareSeries({ bodies: ['x'], metric: 'year; DROP TABLE reports' })).toThrow(/not a dashboard metric/);
  });

  it('computes correction rates from summed counts, one report per body and year, pending cases out of the denominator', async () => {
    const rows = await run(sql.reviewLitigation({}));
    const facts = await run({
      name: 't',
      sql: `SELECT report_id, ${sql.BODY_KEY_SQL} AS body_key, year, rv_corrected, rv_total, rv_pending, coalesce(lit_total, lit_direct_total + lit_after_rv_total) AS lit FROM facts_wide
WHERE scope = 'self' AND status <> 'failed' AND year IS NOT NULL ORDER BY report_id`,
      params: [],
      tables: ['facts_wide'],
    });
    // In plain JS: per body and year the first report (by id) stating a count, else the first.
    const units = new Map<string, typeof facts>();
    for (const f of facts) {
      const unit = JSON.stringify([f.body_key ?? `report:${String(f.report_id)}`, f.year]);
      units.set(unit, [...(units.get(unit) ?? []), f]);
    }
    const picked = [...units.values()].map((reports) => reports.find((r) => r.rv_total !== null || r.lit !== null) ?? reports[0]);
    const rated = picked.filter((f) => f.rv_total !== null && f.rv_corrected !== null && f.rv_pending !== null);
    expect(rated.length).toBeGreaterThan(0);
    for (const row of rows) {
      const mine = rated.filter((f) => f.year === row.year);
      if (mine.length === 0) continue;
      expect(row.rv_rate_numerator).toBe(mine.reduce((s, f) => s + Number(f.rv_corrected), 0));
      expect(row.rv_rate_denominator).toBe(mine.reduce((s, f) => s + Number(f.rv_total) - Number(f.rv_pending), 0));
    }
  });

  it('makes one body of a division printed under several names, apart from its departments', async () => {
    const entities = await run({ name: 't', sql: `SELECT key, name, reports, array_to_string(printed_names, '|') AS printed FROM entities ORDER BY key`, params: [], tables: ['entities'] });
    const issuers = await run({ name: 't', sql: `SELECT count(DISTINCT issuer) AS n FROM facts_wide`, params: [], tables: ['facts_wide'] });
    // The shipped corpus: 海珠区's government prints three names over four reports.
    expect(entities.find((e) => e.key === '440105')).toEqual({ key: '440105', name: '广州市海珠区', reports: 4, printed: '广州市海珠区人民政府|海珠区|海珠区人民政府' });
    expect(entities.filter((e) => String(e.key).startsWith('440105/')).map((e) => e.key)).toEqual(['440105/湿地保护管理办公室']);
    expect(entities.length).toBeLessThan(Number(issuers[0].n));
    const compare = await run(sql.compareSeries({ bodies: ['440105'], metric: 'r.new.total' }));
    expect(new Set(compare.map((r) => r.body))).toEqual(new Set(['广州市海珠区']));
    expect(compare.reduce((s, r) => s + Number(r.reports), 0)).toBe(4);
  });

  it('writes each report\'s body key and its body-year count as the SQL rule and a window count give them', async () => {
    const rows = await runNative({
      name: 't',
      sql: `SELECT count(*) AS n,
        count(*) FILTER (WHERE body_key IS DISTINCT FROM rule_key) AS key_differs,
        count(*) FILTER (WHERE body_year_reports <> counted) AS count_differs,
        count(*) FILTER (WHERE body_year_reports > 1) AS in_pairs
      FROM (
        SELECT body_key, body_year_reports, ${sql.BODY_KEY_SQL} AS rule_key,
          count(*) OVER (PARTITION BY coalesce(${sql.BODY_KEY_SQL}, 'report:' || report_id), year) AS counted
        FROM facts_wide
      )`,
      params: [],
      tables: [],
    });
    expect(rows[0]).toMatchObject({ key_differs: 0, count_differs: 0 });
    expect(Number(rows[0].in_pairs)).toBeGreaterThan(0);
  });

  it("keeps ingest's bodies (the entities' source) to the rules written as SQL over facts_wide and the gazetteer", async () => {
    await native.run(ENTITIES_REFERENCE_SQL.replace('CREATE TABLE entities AS', 'CREATE TABLE entities_reference AS'));
    const columns = `key, name, level, division_code, department, province_code, CAST(reports AS INTEGER) AS reports, first_year, last_year, array_to_string(printed_names, '|') AS printed`;
    const reference = await runNative({ name: 't', sql: `SELECT ${columns} FROM entities_reference ORDER BY key`, params: [], tables: [] });
    const written = await runNative({ name: 't', sql: `SELECT ${columns} FROM entities ORDER BY key`, params: [], tables: ['entities'] });
    expect(written.length).toBeGreaterThan(50);
    expect(written).toEqual(reference);
  });
});
