// Stored answers (src/ingest/stored-answers.ts): the pre-aggregates ingest writes are the tables
// the page would build — on the shipped dataset against the page's own build (DuckDB-WASM), and on
// a small generated province against native DuckDB over the Parquet copy — and the page reads
// them instead of building: a view's first query builds nothing. A dataset without them (written
// before) still answers, by building as before.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableRows } from '../../../src/app/data/rows';
import type { Handler } from '../../../src/db/handler';
import { fromErrorData, type QueryPayload, type QueryResult, type Request } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import { buildableAtAnySize, inlineParams, preaggregate, preaggregateFingerprint, storedAnswerNames } from '../../../src/db/sql/preaggregated';
import { runGenerate } from '../../../src/generate/run';
import { runIngest } from '../../../src/ingest/run-ingest';
import { parseManifest, type Manifest, type ManifestStored } from '../../../src/shared/manifest';
import { collectOutput } from '../../helpers/collect-output';
import { createNodeHandler, readFileUrl } from '../../helpers/duckdb-wasm-node';
import { makeTempDir } from '../../helpers/ingest-fixture';
import { openNativeDataset } from '../../helpers/native-duckdb';
import { ingestShippedCorpus } from '../../helpers/shipped-dataset';

let nextId = 1;
async function send(handler: Handler, kind: Request['kind'], payload: Request['payload']) {
  const response = await handler.handle({ id: nextId++, kind, payload } as Request);
  if (!response.ok) throw fromErrorData(response.error);
  return response.result;
}

const ask = async (handler: Handler, payload: QueryPayload) => {
  const result = (await send(handler, 'query', { ...payload, layer: 'dataset' })) as QueryResult;
  return { rows: tableRows(tableFromIPC(result.ipc)), counts: result.preaggregates, warnings: result.warnings };
};
/** A pre-aggregate's whole table, as the page makes it (loaded from its stored answer, or built). */
const wholeTable = (handler: Handler, name: string) => ask(handler, { sql: 'SELECT 1 AS never', params: [], tables: [], preaggregated: { sql: `SELECT * FROM ${name}`, params: [], tables: [], preaggregates: [name] } });

const readManifest = (dir: string): Manifest => parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
const provincesOf = (manifest: Manifest) => [...new Set(manifest.tables.facts_wide.partitions.map((p) => p.province).filter((p): p is string => p !== undefined && /^\d{2}$/.test(p)))].sort();

/** The dataset as written before stored answers existed: its manifest without them. */
function withoutStored(manifestUrl: string, manifest: Manifest): Handler {
  const before: Manifest = { ...manifest };
  delete before.stored;
  return withManifest(manifestUrl, before);
}

/** The dataset read through another manifest (the files on disk unchanged). */
function withManifest(manifestUrl: string, manifest: Manifest, options: { eagerDetailRows?: number } = {}): Handler {
  const bytes = new TextEncoder().encode(JSON.stringify(manifest));
  return createNodeHandler({ ...options, fetchBytes: async (url) => (url === manifestUrl ? bytes : readFileUrl(url)) });
}

/** The manifest with stored answer `name`'s entry changed. */
const editStored = (manifest: Manifest, name: string, change: Partial<ManifestStored>): Manifest => ({ ...manifest, stored: { ...manifest.stored, [name]: { ...manifest.stored![name], ...change } } });

describe('stored answers on the shipped dataset', () => {
  let dataset: { dir: string; manifestUrl: string };
  let manifest: Manifest;
  let stored: Handler;
  let built: Handler;
  beforeAll(async () => {
    dataset = await ingestShippedCorpus();
    manifest = readManifest(dataset.dir);
    // Too large to build (eagerDetailRows 0, as a national dataset): only what is stored answers.
    stored = createNodeHandler({ eagerDetailRows: 0 });
    built = withoutStored(dataset.manifestUrl, manifest);
    for (const handler of [stored, built]) await send(handler, 'init', { manifestUrl: dataset.manifestUrl });
  }, 600_000);
  afterAll(() => {
    stored?.close();
    built?.close();
    if (dataset) rmSync(dataset.dir, { recursive: true, force: true });
  });

  it('holds every stored answer, each equal to the table the page builds', async () => {
    const names = Object.keys(manifest.stored ?? {});
    expect(names.sort()).toEqual(storedAnswerNames(provincesOf(manifest)).sort());
    expect(names).toContain('pre_benchmark_answer_p_self_rate_granted');
    expect(names).toContain('pre_benchmark_answer_pl_self_r_new_total');
    expect(names.filter((n) => /^pre_coverage_answer_\d\d$/.test(n)).length).toBe(provincesOf(manifest).length);
    let rows = 0;
    for (const name of names) {
      const fromFile = await wholeTable(stored, name);
      const fromBuild = await wholeTable(built, name);
      // As a set: a table's order within its ORDER BY's ties is the engine's (views order their reads).
      expect(sorted(fromFile.rows), name).toEqual(sorted(fromBuild.rows));
      expect(fromFile.rows.length, name).toBe(manifest.stored![name].rows);
      rows += fromFile.rows.length;
    }
    expect(rows).toBeGreaterThan(1000);
    expect((await wholeTable(stored, names[0])).counts).toEqual({ built: 0, stored: names.length });
    expect((await wholeTable(built, names[0])).counts?.stored).toBe(0);
  }, 600_000);

  it('answers the views from them without building anything, as the row-level queries do', async () => {
    // Nothing built behind init, nothing buildable but what is at any size (a province's copy
    // scores, from its similar_pairs alone): the rest of a pre-aggregated answer can only be stored.
    const page = createNodeHandler({ eagerDetailRows: 0 });
    try {
      await send(page, 'init', { manifestUrl: dataset.manifestUrl });
      const [{ parent, year }] = (await ask(page, { sql: `SELECT parent_code AS parent, max(year) AS year FROM facts_wide WHERE parent_code IS NOT NULL AND year IS NOT NULL AND length(parent_code) = 6 GROUP BY parent_code ORDER BY count(*) DESC, parent_code LIMIT 1`, params: [], tables: ['facts_wide'] })).rows as { parent: string; year: number }[];
      const views = [
        sql.benchmarkChildren({ parent, year, metric: 'rate.granted' }),
        sql.benchmarkChildren({ parent, year, metric: 'r.new.total', peer: 'province-level' }),
        sql.reconciliation({ parent, year, metric: 'r.new.total' }),
        sql.coverage({ parent, year }),
      ];
      const anySize = new Set<string>();
      for (const view of views) {
        for (const name of view.preaggregated!.preaggregates) if (buildableAtAnySize(name)) anySize.add(name);
        const fast = await ask(page, { sql: 'SELECT 1 AS never', params: [], tables: [], preaggregated: view.preaggregated });
        const slow = await ask(page, { sql: view.sql, params: view.params, tables: view.tables, provinces: view.provinces, years: view.years });
        expect(fast.rows.length, view.name).toBeGreaterThan(0);
        expect(fast.rows, view.name).toEqual(slow.rows);
        expect(fast.counts?.built, `${view.name}: nothing built but the copy scores`).toBe(anySize.size);
      }
      expect([...anySize]).toEqual([`pre_copy_scores_${parent.slice(0, 2)}`]);
    } finally {
      page.close();
    }
  }, 600_000);

  it('records the fingerprint of the SQL that made each, and one made by other SQL is built, not loaded, to the same rows', async () => {
    const names = Object.keys(manifest.stored ?? {});
    for (const name of names) expect(manifest.stored![name].sql_sha256, name).toBe(await preaggregateFingerprint(name));
    const name = 'pre_benchmark_answer_p_self_rate_granted';
    const reference = await wholeTable(stored, name);
    // Another SQL's answer (a dataset ingested before the definition changed), and one that records none.
    for (const change of [{ sql_sha256: 'f'.repeat(64) }, { sql_sha256: undefined }]) {
      const page = withManifest(dataset.manifestUrl, editStored(manifest, name, change));
      try {
        await send(page, 'init', { manifestUrl: dataset.manifestUrl });
        const answer = await wholeTable(page, name);
        // Built (with the parts it reads), nothing loaded.
        expect(answer.counts!.stored, JSON.stringify(change)).toBe(0);
        expect(answer.counts!.built, JSON.stringify(change)).toBeGreaterThan(0);
        expect(sorted(answer.rows)).toEqual(sorted(reference.rows));
      } finally {
        page.close();
      }
    }
  }, 600_000);

  it('a stored file missing or altered gives way to a build, or to the row-level query, with a warning, never a failed view', async () => {
    const [{ parent, year }] = (await ask(built, { sql: `SELECT parent_code AS parent, max(year) AS year FROM facts_wide WHERE parent_code IS NOT NULL AND year IS NOT NULL AND length(parent_code) = 6 GROUP BY parent_code ORDER BY count(*) DESC, parent_code LIMIT 1`, params: [], tables: ['facts_wide'] })).rows as { parent: string; year: number }[];
    const view = sql.reconciliation({ parent, year, metric: 'r.new.total' });
    const rowLevel = await ask(built, { sql: view.sql, params: view.params, tables: view.tables, provinces: view.provinces, years: view.years });
    expect(rowLevel.rows.length).toBeGreaterThan(0);
    const name = view.preaggregated!.preaggregates.find((n) => manifest.stored![n] !== undefined)!;
    const entry = manifest.stored![name];
    const damaged = [
      { path: entry.path.replace(/[^/]+$/, 'pre_gone.arrows.gz') },
      { sha256: '0'.repeat(64) },
    ];
    for (const change of damaged) {
      for (const eagerDetailRows of [undefined, 0]) {
        const page = withManifest(dataset.manifestUrl, editStored(manifest, name, change), eagerDetailRows === undefined ? {} : { eagerDetailRows });
        const what = `${JSON.stringify(change)}, ${eagerDetailRows === 0 ? 'too large to build' : 'buildable'}`;
        try {
          await send(page, 'init', { manifestUrl: dataset.manifestUrl });
          const answer = await ask(page, { sql: view.sql, params: view.params, tables: view.tables, provinces: view.provinces, years: view.years, preaggregated: view.preaggregated });
          expect(answer.rows, what).toEqual(rowLevel.rows);
          // Too large to build: answered row by row (no pre-aggregate counts).
          if (eagerDetailRows === 0) expect(answer.counts, what).toBeUndefined();
          else expect(answer.counts!.built, what).toBeGreaterThan(0);
          expect(answer.warnings?.join('\n'), what).toMatch(new RegExp(`stored answer ${name} not used .*${eagerDetailRows === 0 ? 'answered row by row' : 'built from the rows'} instead`));
        } finally {
          page.close();
        }
      }
    }
  }, 600_000);

  it('give way to a build from the corrected rows after a correction, and serve again once none is set', async () => {
    const page = createNodeHandler();
    try {
      await send(page, 'init', { manifestUrl: dataset.manifestUrl });
      const [report] = (await ask(page, {
        sql: `SELECT f.report_id, r.sha256, f.year, f.parent_code, f.r_new_total FROM facts_wide f JOIN reports r USING (report_id)
          WHERE f.scope = 'self' AND f.department IS NULL AND f.status <> 'failed' AND f.r_new_total IS NOT NULL AND length(f.parent_code) = 6 AND f.year IS NOT NULL
          ORDER BY f.report_id LIMIT 1`,
        params: [],
        tables: ['facts_wide', 'reports'],
      })).rows as { report_id: string; sha256: string; year: number; parent_code: string; r_new_total: number }[];
      const view = sql.reconciliation({ parent: report.parent_code, year: report.year, metric: 'r.new.total' });
      const fast = () => ask(page, { sql: 'SELECT 1 AS never', params: [], tables: [], preaggregated: view.preaggregated });
      const rowLevel = () => ask(page, { sql: view.sql, params: view.params, tables: view.tables, provinces: view.provinces });
      const before = await fast();
      await send(page, 'corrections', {
        corrections: [{ report_sha256: report.sha256, report_id: report.report_id, metric: 'r.new.total', value: report.r_new_total + 1000, note: 'test', author: 'test', at: '2026-12-06T00:00:00.000Z' }],
      });
      const corrected = await fast();
      expect(Number(corrected.rows[0].children_value)).toBe(Number(before.rows[0].children_value) + 1000);
      expect(corrected.rows).toEqual((await rowLevel()).rows);
      expect(corrected.counts!.built, 'built from the corrected rows').toBeGreaterThan(before.counts!.built);
      await send(page, 'corrections', { corrections: [] });
      const again = await fast();
      expect(again.rows).toEqual(before.rows);
      expect(again.counts!.stored, 'read from its file again').toBe(before.counts!.stored + 1);
    } finally {
      page.close();
    }
  }, 600_000);
});

describe('stored answers on a generated province', () => {
  let root: string;
  let dir: string;
  beforeAll(async () => {
    root = makeTempDir('gongkai-stored-');
    await runGenerate({ province: '64', years: [2019, 2020], seed: 5, scale: 0.04, noise: 'default', copies: 0, out: join(root, 'corpus') });
    dir = join(root, 'dataset');
    await runIngest([join(root, 'corpus')], dir, collectOutput());
  }, 600_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('each equals its SQL run by native DuckDB over the Parquet copy', async () => {
    const manifest = readManifest(dir);
    const native = await openNativeDataset(dir);
    const page = createNodeHandler();
    try {
      await send(page, 'init', { manifestUrl: pathToFileURL(join(dir, 'manifest.json')).href });
      const names = Object.keys(manifest.stored ?? {});
      expect(names).toContain('pre_coverage_answer_64');
      for (const name of names) {
        const definition = preaggregate(name)!;
        for (const part of definition.needs ?? []) {
          const source = preaggregate(part)!.source();
          await native.connection.run(`CREATE OR REPLACE TABLE ${part} AS ${inlineParams(source.sql, source.params)}`);
        }
        const source = definition.source();
        const expected = (await native.rows({ sql: inlineParams(source.sql, source.params), params: [] })).map(plain);
        const got = (await wholeTable(page, name)).rows.map(plain);
        expect(got.length, name).toBeGreaterThan(0);
        expect(sorted(got), name).toEqual(sorted(expected));
      }
    } finally {
      page.close();
      native.close();
    }
  }, 600_000);
});

const sorted = (rows: Record<string, unknown>[]): string[] => rows.map((r) => JSON.stringify(r)).sort();

/** A row's values as both engines give them: a native date as Arrow's (ms since 1970), counts as numbers. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.getTime() : v !== null && typeof v === 'object' && 'days' in v ? Number((v as { days: number }).days) * 86_400_000 : v]),
  );
}
