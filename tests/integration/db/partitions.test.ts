// Partitioned tables in the worker's handler, on real DuckDB-WASM over the ingested shipped corpus:
// a province's partitions load when a query names it, the gazetteer's towns load per province,
// the rollups' shared rows load up front, and a query needing more than the page may hold is
// refused with a reason instead of exhausting the wasm heap.
import { tableFromIPC } from 'apache-arrow';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handler } from '../../../src/db/handler';
import { fromErrorData, type InitResult, type QueryPayload, type QueryResult } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import { tableRows } from '../../../src/app/data/rows';
import { loadedBytes, type Manifest } from '../../../src/shared/manifest';
import { createNodeHandler } from '../../helpers/duckdb-wasm-node';
import { openNativeDataset, type NativeDataset } from '../../helpers/native-duckdb';
import { ingestShippedCorpus } from '../../helpers/shipped-dataset';

let dataset: { dir: string; manifestUrl: string };
let manifest: Manifest;
let native: NativeDataset;
const handlers: Handler[] = [];

beforeAll(async () => {
  dataset = await ingestShippedCorpus();
  manifest = JSON.parse(readFileSync(join(dataset.dir, 'manifest.json'), 'utf8')) as Manifest;
  native = await openNativeDataset(dataset.dir);
}, 600_000);

afterAll(() => {
  for (const h of handlers) h.close();
  native?.close();
  if (dataset) rmSync(dirname(dataset.dir), { recursive: true, force: true });
});

/** A handler that treats the shipped dataset as a large one: no facts_wide up front. */
async function largeDatasetHandler(options: { loadBudgetBytes?: number } = {}): Promise<{ handler: Handler; init: InitResult }> {
  const handler = createNodeHandler({ eagerDetailRows: 0, ...options });
  handlers.push(handler);
  const response = await handler.handle({ id: 1, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } });
  if (!response.ok) throw fromErrorData(response.error);
  return { handler, init: response.result as InitResult };
}

let nextId = 100;
async function query(handler: Handler, payload: QueryPayload) {
  const response = await handler.handle({ id: nextId++, kind: 'query', payload });
  if (!response.ok) throw fromErrorData(response.error);
  return tableRows(tableFromIPC((response.result as QueryResult).ipc));
}
const run = (handler: Handler, q: sql.BuiltQuery) => query(handler, { sql: q.sql, params: q.params, tables: q.tables, provinces: q.provinces });

const loaded = async (handler: Handler, table: string): Promise<number> => {
  const response = await handler.handle({ id: nextId++, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } });
  if (!response.ok) throw fromErrorData(response.error);
  return (response.result as InitResult).tables.find((t) => t.name === table)!.loaded;
};

describe('a dataset too large to load whole', () => {
  it('starts with the shared rollups only, and answers the overview from them exactly as native DuckDB does', async () => {
    const { handler, init } = await largeDatasetHandler();
    const byName = Object.fromEntries(init.tables.map((t) => [t.name, t]));
    expect(byName.facts_wide.loaded).toBe(0);
    expect(byName.rollups.loaded).toBe(1);
    expect(byName.rollups.partitions).toBeGreaterThan(1);
    for (const q of [sql.datasetCounts(), sql.reportsByYearLevel(), sql.headlineTrends()]) {
      expect(await run(handler, q), q.name).toEqual(await native.rows(q));
    }
    const [counts] = await run(handler, sql.datasetCounts());
    expect(counts.reports).toBe(manifest.tables.reports.rows);
    // Their whole answers, kept from the rollups, are built at this size too (facts_wide never held
    // whole), and give the same rows; they were what answered (the handler counts what it built).
    for (const q of [sql.datasetCounts(), sql.reportsByYearLevel(), sql.headlineTrends()]) {
      const response = await handler.handle({ id: nextId++, kind: 'query', payload: { sql: 'SELECT 1 AS never', params: [], tables: [], preaggregated: q.preaggregated } });
      if (!response.ok) throw fromErrorData(response.error);
      expect(tableRows(tableFromIPC((response.result as QueryResult).ipc)), `${q.name} kept`).toEqual(await native.rows(q));
      expect((response.result as QueryResult).preaggregates?.built, q.name).toBeGreaterThan(0);
    }
    expect(await loaded(handler, 'facts_wide')).toBe(0);
  });

  it('loads one province of facts_wide when a query names it, and only that one', async () => {
    const { handler } = await largeDatasetHandler();
    const count = { name: 't', sql: "SELECT count(*) AS n, count(DISTINCT province_code) AS provinces FROM facts_wide", params: [], tables: ['facts_wide' as const], provinces: ['44'] };
    const [n] = await run(handler, count);
    const partition44 = manifest.tables.facts_wide.partitions.find((p) => p.province === '44')!;
    expect(n).toEqual({ n: partition44.rows, provinces: 1 });
    expect(await loaded(handler, 'facts_wide')).toBe(1);
    // The benchmark of a Guangzhou parent keeps to province 44 and agrees with native DuckDB over everything.
    const bench = sql.benchmarkChildren({ parent: '440100', year: 2020, metric: 'r.new.total', peer: 'province-level' });
    expect(bench.provinces).toEqual(['44']);
    expect(await run(handler, bench)).toEqual(await native.rows(bench));
    expect(await loaded(handler, 'facts_wide')).toBe(1);
  });

  it("compares bodies from their provinces' partitions and the bodies table, never every province", async () => {
    const { handler } = await largeDatasetHandler({ loadBudgetBytes: loadedBytes(manifest.tables.facts_wide.partitions.find((p) => p.province === '44')!) * 3 });
    const compare = sql.compareSeries({ bodies: ['440105', '440100'], metric: 'r.new.total' });
    expect(compare.provinces).toEqual(['44']);
    const rows = await run(handler, compare);
    expect(rows).toEqual(await native.rows(compare));
    expect(new Set(rows.map((r) => r.body))).toEqual(new Set(['广州市海珠区', '广州市']));
    expect(await loaded(handler, 'facts_wide')).toBe(1);
    const names = await run(handler, sql.searchEntities({ text: '海珠', limit: 5 }));
    expect(names.map((r) => r.key)).toContain('440105');
  });

  it('refuses a query that would need more than the page may hold, and names what to do', async () => {
    const { handler } = await largeDatasetHandler({ loadBudgetBytes: loadedBytes(manifest.tables.rollups.partitions[0]) + 1000 });
    await expect(run(handler, { name: 't', sql: 'SELECT count(*) AS n FROM facts_wide', params: [], tables: ['facts_wide'] })).rejects.toThrow(
      /table facts_wide for every province needs \d+ MB more, beyond the 0 MB this page may hold .*: choose a province/,
    );
    expect(await loaded(handler, 'facts_wide')).toBe(0);
  });

  it('counts what a file weighs once decompressed, not the bytes fetched', async () => {
    const shared = manifest.tables.rollups.partitions[0];
    const facts = manifest.tables.facts_wide.partitions.find((p) => p.province === '44')!;
    // Twice the stored bytes would have held both while the budget counted stored bytes.
    expect(loadedBytes(facts)).toBeGreaterThan(2 * facts.bytes);
    const { handler } = await largeDatasetHandler({ loadBudgetBytes: 2 * (shared.bytes + facts.bytes) + loadedBytes(shared) });
    await expect(run(handler, sql.compareSeries({ bodies: ['440105'], metric: 'r.new.total' }))).rejects.toThrow(/table facts_wide for provinces 44 needs \d+ MB more/);
    expect(await loaded(handler, 'facts_wide')).toBe(0);
  });
});

describe('the gazetteer towns, per province', () => {
  it('are not loaded until a county of that province is opened, then all its towns are listed', async () => {
    const { handler } = await largeDatasetHandler();
    const tree = sql.childrenTree({ parent: '440106' });
    expect(tree.provinces).toEqual(['44']);
    const rows = await run(handler, tree);
    const expected = await native.rows(tree);
    expect(rows).toEqual(expected);
    const townsInGazetteer = readFileSync('data/gazetteer/towns/44.csv', 'utf8').split('\n').filter((l) => /^440106\d{3},.*,town,440106,/.test(l));
    const codes = new Set(townsInGazetteer.map((l) => l.slice(0, 9)));
    expect([...new Set(rows.filter((r) => r.division_level === 'town').map((r) => r.division_code))].sort()).toEqual([...codes].sort());
    expect(codes.size).toBeGreaterThan(15);
    const partitions = await loaded(handler, 'jurisdictions');
    expect(partitions).toBe(2); // the shared divisions to county level + province 44's towns
  });
});
