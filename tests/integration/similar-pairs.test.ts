// Copied reports end to end: a small generated set with planted copies, ingested by the CLI;
// the similar_pairs table finds the planted pairs and no others, its passages are the copied
// text, it is the same bytes on a second ingest, and native DuckDB reads the Parquet copy with
// the rows of the Arrow files.
import { readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC, type Table } from 'apache-arrow';
import { decodeArrowFileSync } from '../../src/shared/arrow-file';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plantedPairs } from '../../bench/similar';
import type { Truth } from '../../src/generate/report';
import { runGenerate } from '../../src/generate/run';
import { main } from '../../src/ingest/cli';
import { parseManifest, type Manifest } from '../../src/shared/manifest';
import { pathToFileURL } from 'node:url';
import { tableRows } from '../../src/app/data/rows';
import { fromErrorData, type QueryResult } from '../../src/db/protocol';
import * as sql from '../../src/db/sql';
import { collectOutput } from '../helpers/collect-output';
import { createNodeHandler } from '../helpers/duckdb-wasm-node';
import { openNativeDataset } from '../helpers/native-duckdb';
import { makeTempDir } from '../helpers/ingest-fixture';

let root: string;
let manifest: Manifest;
interface PairRow {
  report_a: string;
  report_b: string;
  similarity: number;
  kind: string;
  year_a: number;
  year_b: number;
  spans_a: string;
  spans_b: string;
}
let rows: PairRow[];
let texts: Map<string, string>;
let planted: Set<string>;
const out = () => join(root, 'build');

/** A table's rows from its Arrow files, in file order. */
function arrowRows(dir: string, m: Manifest, table: string): Record<string, unknown>[] {
  return m.tables[table].partitions.flatMap((p) => {
    const t: Table = tableFromIPC(decodeArrowFileSync(p.path, readFileSync(join(dir, p.path))));
    return t.toArray().map((r) => ({ ...r.toJSON() }));
  });
}

/** The generated report id of an ingest id (`gen/64/2019/640000-gov-2019.txt`). */
const reportOf = (id: string) => basename(id).replace(/\.(txt|html)$/, '');
const han = (s: string) => s.replace(/[^\u4e00-\u9fff]/g, '');

beforeAll(async () => {
  root = makeTempDir('gongkai-similar-');
  const gen = join(root, 'gen');
  const done = await runGenerate({ province: '64', years: [2018, 2019, 2020], seed: 5, scale: 0.04, noise: 'default', copies: 0.08, out: gen });
  expect(done.reports).toBeGreaterThan(300);
  expect(await main(['ingest', gen, '--out', out()], collectOutput())).toBe(0);
  manifest = parseManifest(JSON.parse(readFileSync(join(out(), 'manifest.json'), 'utf8')));
  rows = arrowRows(out(), manifest, 'similar_pairs') as unknown as PairRow[];
  texts = new Map(arrowRows(out(), manifest, 'texts').map((r) => [r.report_id as string, r.text as string]));
  const truths = [...texts.keys()].map((id) => JSON.parse(readFileSync(join(gen, 'truth', `${reportOf(id)}.json`), 'utf8')) as Truth);
  planted = plantedPairs(truths);
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('similar_pairs of a generated set', () => {
  it('finds the planted copies (recall ≥ 90 %) and pairs nothing else', () => {
    expect(planted.size).toBeGreaterThan(15);
    const found = rows.map((r) => [reportOf(r.report_a), reportOf(r.report_b)].sort().join(' '));
    const hits = found.filter((k) => planted.has(k));
    expect(found.filter((k) => !planted.has(k))).toEqual([]);
    expect(hits.length / planted.size).toBeGreaterThanOrEqual(0.9);
  });

  it('says how each pair is related, and its passages are the same words in both reports', () => {
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['same_body', 'same_year']));
    for (const r of rows) {
      expect(r.report_a < r.report_b).toBe(true);
      expect(r.similarity).toBeGreaterThanOrEqual(0.5);
      expect(r.similarity).toBeLessThanOrEqual(1);
      if (r.kind === 'same_body') expect(r.year_a).not.toBe(r.year_b);
      else expect(r.year_a).toBe(r.year_b);
      const passages = (id: string, spans: string) => (JSON.parse(spans) as [number, number][]).map(([s, e]) => han(texts.get(id)!.slice(s, e)));
      const a = passages(r.report_a, r.spans_a);
      const b = passages(r.report_b, r.spans_b);
      expect(a.length).toBeGreaterThan(0);
      // the longest passage of one report is in the other (names and figures aside)
      const longest = a.reduce((x, y) => (y.length > x.length ? y : x), '');
      expect(longest.length).toBeGreaterThan(40);
      if (r.kind === 'same_body') expect(b.join('')).toContain(longest);
    }
  });

  it('writes the same bytes on a second ingest', async () => {
    const again = join(root, 'again');
    expect(await main(['ingest', join(root, 'gen'), '--out', again], collectOutput())).toBe(0);
    const second = parseManifest(JSON.parse(readFileSync(join(again, 'manifest.json'), 'utf8')));
    expect(second.tables.similar_pairs).toEqual(manifest.tables.similar_pairs);
    expect(second.dataset_version).toBe(manifest.dataset_version);
  });

  it("answers the view's queries in the page's engine as native DuckDB does: the pair, its unit's copy score, both texts", async () => {
    const native = await openNativeDataset(out());
    const handler = createNodeHandler();
    try {
      const init = await handler.handle({ id: 1, kind: 'init', payload: { manifestUrl: pathToFileURL(join(out(), 'manifest.json')).href } });
      if (!init.ok) throw fromErrorData(init.error);
      let id = 2;
      const run = async (q: sql.BuiltQuery) => {
        const response = await handler.handle({ id: id++, kind: 'query', payload: { sql: q.sql, params: q.params, tables: q.tables, provinces: q.provinces, years: q.years } });
        if (!response.ok) throw fromErrorData(response.error);
        return tableRows(tableFromIPC((response.result as QueryResult).ipc));
      };
      const pair = rows.find((r) => r.kind === 'same_body')!;
      const [unit] = await native.rows({ sql: 'SELECT parent_code, issuer FROM facts_wide WHERE report_id = ?', params: [pair.report_b] });
      const input = { parent: unit.parent_code as string, year: pair.year_b, minSimilarity: 0.5 };
      const pairs = await run(sql.similarPairs(input));
      expect(pairs).toEqual(await native.rows(sql.similarPairs(input)));
      const row = pairs.find((r) => r.report_a === pair.report_a && r.report_b === pair.report_b)!;
      expect(row).toMatchObject({ focus: pair.report_b, other: pair.report_a, focus_issuer: unit.issuer, kind: 'same_body', similarity: pair.similarity });
      expect(await run(sql.similarPairs({ ...input, minSimilarity: 1.0 }))).toEqual(pairs.filter((r) => (r.similarity as number) >= 1));
      const scores = await run(sql.similarScores(input));
      expect(scores).toEqual(await native.rows(sql.similarScores(input)));
      expect(scores.find((r) => r.report_id === pair.report_b)).toMatchObject({ score: Math.max(...pairs.filter((r) => r.focus === pair.report_b).map((r) => r.similarity as number)) });
      expect(scores.some((r) => r.pairs === 0 && r.score === 0)).toBe(true);
      const both = await run(sql.pairTexts({ reportA: pair.report_a, reportB: pair.report_b, provinces: [row.province_a as string, row.province_b as string], years: [pair.year_a, pair.year_b] }));
      expect(both.map((r) => [r.report_id, r.text])).toEqual([pair.report_a, pair.report_b].map((r) => [r, texts.get(r)]));
    } finally {
      handler.close();
      native.close();
    }
  }, 120_000);

  it("gives Benchmark's children the copy score of the SQL reference (max similarity of the report used), in both engines", async () => {
    const native = await openNativeDataset(out());
    const handler = createNodeHandler();
    try {
      const init = await handler.handle({ id: 1, kind: 'init', payload: { manifestUrl: pathToFileURL(join(out(), 'manifest.json')).href } });
      if (!init.ok) throw fromErrorData(init.error);
      // The parent and year with the most copied child-government reports. (Planted copies print one
      // narrative, so a report's pairs here all have one similarity: that the score is the highest of
      // several is checked on handmade pairs in tests/integration/db/hierarchy.test.ts.)
      const [busiest] = await native.rows({
        sql: `SELECT f.parent_code, f.year, count(*) AS n FROM facts_wide f JOIN similar_pairs p ON f.report_id IN (p.report_a, p.report_b)
          WHERE f.department IS NULL AND length(f.parent_code) = 6 GROUP BY ALL ORDER BY n DESC, f.parent_code, f.year LIMIT 1`,
        params: [],
      });
      const query = sql.benchmarkChildren({ parent: busiest.parent_code as string, year: busiest.year as number, metric: 'r.new.total' });
      const response = await handler.handle({ id: 2, kind: 'query', payload: { sql: query.sql, params: query.params, tables: query.tables, provinces: query.provinces, years: query.years } });
      if (!response.ok) throw fromErrorData(response.error);
      const children = tableRows(tableFromIPC((response.result as QueryResult).ipc));
      expect(children).toEqual(await native.rows(query));
      const reference = new Map(
        (await native.rows({
          sql: `SELECT f.report_id, coalesce(max(p.similarity), 0) AS score FROM facts_wide f
            LEFT JOIN similar_pairs p ON f.report_id = p.report_a OR f.report_id = p.report_b
            GROUP BY f.report_id`,
          params: [],
        })).map((r) => [r.report_id, r.score]),
      );
      expect(children.length).toBeGreaterThan(1);
      expect(children.filter((r) => (r.copy_score as number) > 0).length).toBeGreaterThan(0);
      for (const child of children) expect(child.copy_score, String(child.report_id)).toBe(reference.get(child.report_id));
    } finally {
      handler.close();
      native.close();
    }
  }, 120_000);

  it('round-trips through native DuckDB: the Parquet copy holds the Arrow rows', async () => {
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      await connection.run('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;');
      const parquet = `read_parquet('${join(out(), 'parquet', 'similar_pairs', '*', '*', '*.parquet')}', hive_partitioning = true)`;
      const back = (await connection.runAndReadAll(`SELECT * EXCLUDE (province, report_year) FROM ${parquet} ORDER BY report_a, report_b`)).getRowObjectsJS();
      const sorted = [...rows].sort((x, y) => (x.report_a === y.report_a ? (x.report_b < y.report_b ? -1 : 1) : x.report_a < y.report_a ? -1 : 1));
      expect(back).toEqual(sorted);
      const [{ provinces }] = (await connection.runAndReadAll(`SELECT list(DISTINCT province::VARCHAR) AS provinces FROM ${parquet}`)).getRowObjectsJS();
      expect(provinces).toEqual(['64']);
    } finally {
      connection.closeSync();
    }
  });
});
