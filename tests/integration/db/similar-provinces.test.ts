// A copy across provinces (issue 17): whatever the page has loaded for a province answers every
// question about that province's reports completely. A real seed report (辽宁 营口 站前区) and the
// same report issued as 吉林 吉林市 船营区 are ingested by the CLI: the pair's report_a is in 21,
// report_b in 22. With only 22 loaded, 船营区's copy score (Benchmark) and the similar view under
// 吉林市 show the pair; with both provinces loaded it is still one pair with the same score; an
// outside engine reading the Hive Parquet counts it once. A third province (黑龙江 伊春市) has no pair:
// its partition is there, empty, so its views answer (score 0). Real DuckDB-WASM (the page's handler, in
// the modes of a small and a large dataset) and native DuckDB.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableRows, type Row } from '../../../src/app/data/rows';
import type { Handler } from '../../../src/db/handler';
import { fromErrorData, type InitResult, type LayerMode, type QueryResult, type Request } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import { runIngest } from '../../../src/ingest/run-ingest';
import { parseManifest, type Manifest } from '../../../src/shared/manifest';
import { collectOutput } from '../../helpers/collect-output';
import { createNodeHandler } from '../../helpers/duckdb-wasm-node';
import { makeTempDir } from '../../helpers/ingest-fixture';
import { requireSeeds } from '../../helpers/paths';
import { ingestLayer, layerPayload } from './layer-support';

const SEED = '2017-liaoning-yingkou-zhanqian-county.txt';
/** The seed issued by another body: its names replaced, every other character the same. */
const issuedAs = (text: string, names: [string, string][]): string => names.reduce((t, [from, to]) => t.replaceAll(from, to), text);
const TO_JILIN: [string, string][] = [['站前区', '船营区'], ['营口市', '吉林市'], ['营口', '吉林'], ['辽宁省', '吉林省'], ['辽宁', '吉林']];

const YEAR = 2017;
const YINGKOU = '210800';
const JILIN_CITY = '220200';
const A = 'pairs/a-zhanqian.txt';
const B = 'pairs/b-chuanying.txt';
/** 伊春市's report of 2013 (黑龙江, 23): a copy of nothing. */
const C = 'pairs/c-yichun.txt';
const HEILONGJIANG = '230000';

let root: string;
let dir: string;
let manifest: Manifest;
let manifestUrl: string;

beforeAll(async () => {
  root = makeTempDir('gongkai-pairs-');
  const seed = readFileSync(join(requireSeeds(), SEED), 'utf8');
  mkdirSync(join(root, 'pairs'));
  writeFileSync(join(root, A), seed);
  writeFileSync(join(root, B), issuedAs(seed, TO_JILIN));
  writeFileSync(join(root, C), readFileSync(join(requireSeeds(), '2013-heilongjiang-yichun-city.txt')));
  dir = join(root, 'build');
  await runIngest([join(root, 'pairs')], dir, collectOutput());
  manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  manifestUrl = pathToFileURL(join(dir, 'manifest.json')).href;
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The pair's rows in the Hive Parquet copy, as an outside engine reads it (the folder keys as columns). */
async function parquetRows(where: string): Promise<Row[]> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    await connection.run('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;');
    const parquet = `read_parquet('${join(dir, 'parquet', 'similar_pairs', '*', '*', '*.parquet')}', hive_partitioning = true)`;
    return (await connection.runAndReadAll(`SELECT province::VARCHAR AS province, report_a, report_b, is_primary FROM ${parquet} ${where} ORDER BY province`)).getRowObjectsJS() as Row[];
  } finally {
    connection.closeSync();
  }
}

describe('a pair of reports in two provinces, as ingest stores it', () => {
  it('is in both provinces\' partitions, primary in report_a\'s; counted once WHERE is_primary', async () => {
    expect(manifest.tables.facts_wide.partitions.map((p) => [p.province, p.rows])).toEqual([['21', 1], ['22', 1], ['23', 1]]);
    expect(manifest.tables.similar_pairs.partitions.map((p) => [p.province, p.rows])).toEqual([['21', 1], ['22', 1], ['23', 0]]);
    expect(manifest.tables.similar_pairs.rows).toBe(2);
    expect(await parquetRows('')).toEqual([
      { province: '21', report_a: A, report_b: B, is_primary: true },
      { province: '22', report_a: A, report_b: B, is_primary: false },
    ]);
    expect(await parquetRows('WHERE is_primary')).toEqual([{ province: '21', report_a: A, report_b: B, is_primary: true }]);
  });
});

let nextId = 1;
async function send(handler: Handler, kind: Request['kind'], payload: unknown) {
  const response = await handler.handle({ id: nextId++, kind, payload } as Request);
  if (!response.ok) throw fromErrorData(response.error);
  return response.result;
}
/** A built query as the page sends it (its pre-aggregated form too); rows and the pre-aggregates it used. */
async function ask(handler: Handler, query: sql.BuiltQuery, layer: LayerMode = 'dataset') {
  const result = (await send(handler, 'query', { ...query, layer })) as QueryResult;
  return { rows: tableRows(tableFromIPC(result.ipc)), preaggregates: result.preaggregates };
}
const rowsOf = async (handler: Handler, query: sql.BuiltQuery, layer?: LayerMode) => (await ask(handler, query, layer)).rows;
/** Partitions of `table` in the engine now. */
const loaded = async (handler: Handler, table: string): Promise<number> => ((await send(handler, 'init', { manifestUrl })) as InitResult).tables.find((t) => t.name === table)!.loaded;

const benchmark = (parent: string) => sql.benchmarkChildren({ parent, year: YEAR, metric: 'r.new.total' });
const similarInput = (parent: string) => ({ parent, year: YEAR, minSimilarity: 0.5 });

/** What the page shows under 吉林市 (22) and 营口市 (21): Benchmark's copy scores, the similar view's pairs and scores. */
async function views(handler: Handler, parent: string, layer?: LayerMode) {
  return {
    copyScores: (await rowsOf(handler, benchmark(parent), layer)).map((r) => [r.report_id, r.copy_score]),
    pairs: (await rowsOf(handler, sql.similarPairs(similarInput(parent)), layer)).map((r) => [r.focus, r.other, r.report_a, r.report_b, r.kind]),
    scores: (await rowsOf(handler, sql.similarScores(similarInput(parent)), layer)).map((r) => [r.report_id, r.score, r.pairs, r.same_year]),
  };
}

describe.each([
  ['a small dataset (facts_wide whole, stored answers)', {}],
  ['a large dataset (every table per province)', { eagerDetailRows: 0 }],
])('the page over %s', (_, options) => {
  let handler: Handler;
  let similarity: number;

  beforeAll(async () => {
    handler = createNodeHandler(options);
    await send(handler, 'init', { manifestUrl });
  }, 60_000);
  afterAll(() => handler?.close());

  it("shows the copy under report_b's province with only that province loaded, and the same once both are", async () => {
    const onlyB = await views(handler, JILIN_CITY);
    // Only 吉林 (22) has been asked for: one partition of similar_pairs.
    expect(await loaded(handler, 'similar_pairs')).toBe(1);
    similarity = onlyB.copyScores[0][1] as number;
    expect(similarity).toBeGreaterThan(0.9);
    expect(onlyB).toEqual({
      copyScores: [[B, similarity]],
      pairs: [[B, A, A, B, 'same_year']],
      scores: [[B, similarity, 1, 1]],
    });
    // The other report's province (21) not loaded: the pair names it by its body, not by its file.
    const [otherNamed] = await rowsOf(handler, sql.similarPairs(similarInput(JILIN_CITY)));
    expect(otherNamed.other_issuer).not.toBe(A);
    expect(otherNamed.other_issuer).toMatch(/站前区/);
    // 营口 (21) asked for too: its report_a sees the pair, and 吉林's answers do not change.
    const yingkou = await views(handler, YINGKOU);
    expect(await loaded(handler, 'similar_pairs')).toBe(2);
    expect(yingkou).toEqual({
      copyScores: [[A, similarity]],
      pairs: [[A, B, A, B, 'same_year']],
      scores: [[A, similarity, 1, 1]],
    });
    expect(await views(handler, JILIN_CITY)).toEqual(onlyB);
  });

  it('answers under a province with no pair: copy score 0, no pairs', async () => {
    const c = { parent: HEILONGJIANG, year: 2013, minSimilarity: 0.5 };
    expect((await rowsOf(handler, sql.benchmarkChildren({ parent: HEILONGJIANG, year: 2013, metric: 'r.new.total' }))).map((r) => [r.division_code, r.report_id, r.copy_score])).toEqual([['230700', C, 0]]);
    expect(await rowsOf(handler, sql.similarPairs(c))).toEqual([]);
    expect((await rowsOf(handler, sql.similarScores(c))).map((r) => [r.report_id, r.score, r.pairs])).toEqual([[C, 0, 0]]);
  });

  it("reads Benchmark from its stored answer, with the copy score from its province's kept scores", async () => {
    const { rows, preaggregates } = await ask(handler, benchmark(JILIN_CITY));
    expect(preaggregates?.stored).toBeGreaterThan(0);
    expect(rows.map((r) => [r.division_code, r.report_id, r.copy_score])).toEqual([['220204', B, similarity]]);
    // The scores of 吉林's reports (built at any size from its similar_pairs partition), B's alone;
    // 营口's their own, A's: a pair across provinces counts once for each of its reports.
    const kept = async (province: string) =>
      tableRows(tableFromIPC(((await send(handler, 'sql', { sql: `SELECT report_id, copy_score FROM pre_copy_scores_${province} ORDER BY ALL`, layer: 'dataset' })) as QueryResult).ipc)).map((r) => [r.report_id, r.copy_score]);
    expect(await kept('22')).toEqual([[B, similarity]]);
    await ask(handler, benchmark(YINGKOU));
    expect(await kept('21')).toEqual([[A, similarity]]);
  });
});

describe("the user's layer with a copy across provinces", () => {
  let handler: Handler;

  beforeAll(async () => {
    // The layer: the seed issued as 营口 鲅鱼圈区 (21) and as 吉林 昌邑区 (22), a pair of the layer's own.
    const seed = readFileSync(join(requireSeeds(), SEED), 'utf8');
    const mine = join(root, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'x-bayuquan.txt'), issuedAs(seed, [['站前区', '鲅鱼圈区']]));
    writeFileSync(join(mine, 'y-changyi.txt'), issuedAs(seed, [...TO_JILIN.slice(1), ['站前区', '昌邑区']]));
    const layer = await ingestLayer([mine], join(root, 'layer'));
    expect(layer.manifest.tables.similar_pairs.partitions.map((p) => [p.province, p.rows])).toEqual([['21', 1], ['22', 1]]);
    handler = createNodeHandler();
    await send(handler, 'init', { manifestUrl });
    await send(handler, 'layer', await layerPayload(layer));
  }, 180_000);
  afterAll(() => handler?.close());

  it('counts each pair once, in the layer alone and over both layers', async () => {
    const X = 'mine/x-bayuquan.txt';
    const Y = 'mine/y-changyi.txt';
    const user = await views(handler, JILIN_CITY, 'user');
    const similarity = user.copyScores[0][1] as number;
    expect(similarity).toBeGreaterThan(0.9);
    expect(user).toEqual({ copyScores: [[Y, similarity]], pairs: [[Y, X, X, Y, 'same_year']], scores: [[Y, similarity, 1, 1]] });
    // Over both layers, with only 吉林's dataset partition loaded: the dataset's pair and the layer's, each once.
    const all = await views(handler, JILIN_CITY, 'all');
    expect(all.pairs).toEqual([[B, A, A, B, 'same_year'], [Y, X, X, Y, 'same_year']].sort((p, q) => (p[0] < q[0] ? -1 : 1)));
    const byReport = (rows: unknown[][]) => rows.map((r) => [r[0], r[2]]).sort((p, q) => (String(p[0]) < String(q[0]) ? -1 : 1));
    expect(byReport(all.scores)).toEqual([[Y, 1], [B, 1]]);
    expect(byReport((await views(handler, YINGKOU, 'all')).scores)).toEqual([[X, 1], [A, 1]]);
    expect(await views(handler, JILIN_CITY, 'all')).toEqual(all);
  });
});
