// The user's layer holds every report the user imported, byte-copies of the dataset's reports too
// (issue 14, audit19 P2): the user's reports alone count them; views over both layers count such a
// copy once, as the dataset's row (reports, values, facts_wide, rollups, bodies, entities, similar
// pairs); a correction keyed by the file's sha256 applies to the copy and to the dataset's report.
// And the column `layer` is there in every mode for SQL a person types (P6). Real DuckDB-WASM.
import { createHash } from 'node:crypto';
import { appendFile, copyFile, mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromErrorData, type LayerMode } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import { ownRollupsSql } from '../../../src/db/user-layer';
import type { Manifest } from '../../../src/shared/manifest';
import { makeTempDir } from '../../helpers/ingest-fixture';
import { SHIPPED_CORPUS } from '../../helpers/shipped-dataset';
import { ingestLayer, layerPayload, openShippedDataset, type DatasetSession } from './layer-support';

let session: DatasetSession;
let userManifest: Manifest;
let datasetManifest: Manifest;
/** The dataset's report id of each seed file, by sha256. */
const copies: Record<string, string> = {};
/** The user's own report: a seed with a line added. */
const OWN = 'mine/own.txt';

const request: DatasetSession['request'] = (kind, payload) => session.request(kind, payload);
const rows: DatasetSession['rows'] = (text, tables, layer) => session.rows(text, tables, layer);
const typed: DatasetSession['typed'] = (text, layer) => session.typed(text, layer);
const n = async (text: string, tables: string[], layer: LayerMode) => Number((await rows(text, tables, layer))[0].n);

const SEEDS = join(SHIPPED_CORPUS, 'seeds');
let seedNames: string[];

beforeAll(async () => {
  session = await openShippedDataset();
  datasetManifest = session.manifest;
  // The user's folder: the shipped seeds as they are (copies) and one of them with a line added (its own).
  const parent = makeTempDir('gongkai-copies-');
  await mkdir(join(parent, 'mine'));
  seedNames = (await readdir(SEEDS, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  for (const name of seedNames) await copyFile(join(SEEDS, name), join(parent, 'mine', name));
  // The seed printing the most values.
  await copyFile(join(SEEDS, '2019-liaoning-fuxin-city.txt'), join(parent, OWN));
  await appendFile(join(parent, OWN), '\n');
  // Report ids start with the folder's name: mine/….
  const layer = await ingestLayer([join(parent, 'mine')], join(parent, 'out'));
  userManifest = layer.manifest;
  // As the page finds them: the dataset's report of each imported file, by sha256.
  for (const name of seedNames) {
    const sha = createHash('sha256').update(await readFile(join(SEEDS, name))).digest('hex');
    const [found] = await rows(`SELECT min(report_id) AS id FROM reports WHERE sha256 = '${sha}'`, ['reports'], 'dataset');
    copies[sha] = String(found.id);
  }
  const response = await request('layer', await layerPayload(layer, copies));
  if (!response.ok) throw fromErrorData(response.error);
}, 300_000);

afterAll(() => session?.handler.close());

describe('copies of the dataset\'s reports in the user\'s layer', () => {
  it('are the user\'s reports alone, and counted once (the dataset\'s) over both layers', async () => {
    const dataset = datasetManifest.tables.reports.rows;
    const imported = seedNames.length + 1;
    expect(userManifest.tables.reports.rows).toBe(imported);
    expect(await n('SELECT count(*) AS n FROM reports', ['reports'], 'user')).toBe(imported);
    expect(await n('SELECT count(*) AS n FROM reports', ['reports'], 'all')).toBe(dataset + 1);
    expect(await n('SELECT count(*) AS n FROM facts_wide', ['facts_wide'], 'all')).toBe(datasetManifest.tables.facts_wide.rows + 1);
    const ownValues = await n(`SELECT count(*) AS n FROM "values" WHERE report_id = '${OWN}'`, ['values'], 'user');
    expect(ownValues).toBeGreaterThan(10);
    expect(await n('SELECT count(*) AS n FROM "values"', ['values'], 'all')).toBe(datasetManifest.tables.values.rows + ownValues);
    expect(await n("SELECT count(*) AS n FROM reports WHERE layer = 'user'", ['reports'], 'all')).toBe(1);
    // Which of the layer's reports are copies, and of what.
    const listed = await rows('SELECT report_id, dataset_report_id FROM ul.layer_copies ORDER BY report_id', ['reports'], 'all');
    expect(listed).toEqual(seedNames.map((name) => ({ report_id: `mine/${name}`, dataset_report_id: `corpus/seeds/${name}` })));
  });

  it('sums the rollups of the dataset and the layer\'s own reports: the overview counts every report once', async () => {
    const kpis = sql.datasetCounts();
    const read = async (layer: LayerMode) => Number((await rows(kpis.sql, [...kpis.tables], layer))[0].reports);
    expect(await read('user')).toBe(seedNames.length + 1);
    expect(await read('all')).toBe((await read('dataset')) + 1);
    // Each rollup of both layers is the dataset's plus the own report's facts_wide row, in every division of its chain.
    const nation = (layer: LayerMode) => rows("SELECT sum(reports) AS reports, sum(r_new_total) AS total, sum(r_new_total__reports) AS stated FROM rollups WHERE division_level = 'nation'", ['rollups'], layer);
    const [own] = await rows(`SELECT r_new_total FROM facts_wide WHERE report_id = '${OWN}'`, ['facts_wide'], 'user');
    const [all, dataset] = [(await nation('all'))[0], (await nation('dataset'))[0]];
    expect(Number(all.reports)).toBe(Number(dataset.reports) + 1);
    expect(Number(all.stated)).toBe(Number(dataset.stated) + (own.r_new_total === null ? 0 : 1));
    expect(Number(all.total)).toBe(Number(dataset.total) + Number(own.r_new_total ?? 0));
    const byProvince = "SELECT division_code, sum(reports) AS reports FROM rollups WHERE division_level = 'province' GROUP BY division_code ORDER BY division_code";
    const provinces = await rows(byProvince, ['rollups'], 'all');
    const datasetProvinces = new Map((await rows(byProvince, ['rollups'], 'dataset')).map((r) => [r.division_code, Number(r.reports)]));
    const [ownAt] = await rows(`SELECT province_code FROM facts_wide WHERE report_id = '${OWN}'`, ['facts_wide'], 'user');
    expect(provinces.length).toBe(datasetProvinces.size);
    for (const p of provinces) expect(Number(p.reports), String(p.division_code)).toBe((datasetProvinces.get(p.division_code) ?? 0) + (p.division_code === ownAt.province_code ? 1 : 0));
  });

  it('counts the rollups of the layer\'s reports in SQL exactly as ingest does', async () => {
    // The rule the combined view counts the layer's own reports by (src/db/user-layer.ts), over every report of the layer, against ingest's rollups.
    const columns = (await rows("SELECT column_name FROM information_schema.columns WHERE table_catalog = 'ul' AND table_name = 'rollups' AND column_name <> 'layer' ORDER BY ordinal_position", ['reports'], 'dataset')).map((r) => String(r.column_name));
    expect(columns.length).toBeGreaterThan(20);
    const list = columns.map((c) => `"${c}"`).join(', ');
    const counted = ownRollupsSql(columns, true);
    const differ = async (a: string, b: string) => Number((await rows(`SELECT count(*) AS n FROM (${a} EXCEPT ALL ${b})`, ['reports'], 'dataset'))[0].n);
    const stored = `SELECT ${list} FROM ul.rollups`;
    expect(await n('SELECT count(*) AS n FROM ul.rollups', ['reports'], 'dataset')).toBe(userManifest.tables.rollups.rows);
    expect(await differ(`SELECT ${list} FROM (${counted})`, stored)).toBe(0);
    expect(await differ(stored, `SELECT ${list} FROM (${counted})`)).toBe(0);
  });

  it('has one row per body over both layers, the own report added to the dataset\'s body', async () => {
    const bodies = await rows('SELECT key, reports, layer FROM bodies ORDER BY key', ['bodies'], 'all');
    expect(new Set(bodies.map((b) => b.key)).size).toBe(bodies.length);
    expect(bodies.length).toBe(datasetManifest.tables.bodies.rows);
    const [{ body_key: ownBody }] = await rows(`SELECT body_key FROM facts_wide WHERE report_id = '${OWN}'`, ['facts_wide'], 'user');
    const [datasetBody] = await rows(`SELECT reports FROM bodies WHERE key = '${ownBody}'`, ['bodies'], 'dataset');
    expect(bodies.find((b) => b.key === ownBody)).toEqual({ key: ownBody, reports: Number(datasetBody.reports) + 1, layer: 'all' });
    const entities = await rows('SELECT key, reports FROM entities', ['entities'], 'all');
    expect(entities.length).toBe(bodies.length);
    expect(await n(`SELECT count(*) AS n FROM entities WHERE key = '${ownBody}' AND reports = ${Number(datasetBody.reports) + 1}`, ['entities'], 'all')).toBe(1);
  });

  it('names the dataset\'s report, never a copy, in similar pairs over both layers', async () => {
    const pairs = await rows('SELECT report_a, report_b FROM similar_pairs', ['similar_pairs'], 'all');
    expect(pairs.filter((p) => String(p.report_a).startsWith('mine/') && p.report_a !== OWN)).toEqual([]);
    expect(pairs.filter((p) => String(p.report_b).startsWith('mine/') && p.report_b !== OWN)).toEqual([]);
  });

  it('applies a correction keyed by a copy\'s sha256 to the copy and to the dataset\'s report', async () => {
    const [sha, datasetId] = Object.entries(copies)[0];
    const copyId = `mine/${datasetId.slice(datasetId.lastIndexOf('/') + 1)}`;
    const [printed] = await rows(`SELECT metric, value FROM "values" WHERE report_id = '${copyId}' AND NOT derived ORDER BY metric LIMIT 1`, ['values'], 'user');
    const value = Number(printed.value) + 1000;
    const response = await request('corrections', { corrections: [{ report_sha256: sha, metric: printed.metric, value, note: '', author: '测试', at: '2026-12-06T00:00:00.000Z' }] });
    if (!response.ok) throw fromErrorData(response.error);
    const read = (layer: LayerMode) => rows(`SELECT report_id, value, printed_value, corrected FROM "values" WHERE report_id IN ('${copyId}', '${datasetId}') AND metric = '${printed.metric}' ORDER BY report_id`, ['values'], layer);
    expect(await read('user')).toEqual([{ report_id: copyId, value, printed_value: Number(printed.value), corrected: true }]);
    expect(await read('all')).toEqual([{ report_id: datasetId, value, printed_value: Number(printed.value), corrected: true }]);
    // Still counted once over both layers.
    expect(await n('SELECT count(*) AS n FROM reports', ['reports'], 'all')).toBe(datasetManifest.tables.reports.rows + 1);
    await request('corrections', { corrections: [] });
  });

  it('has the column layer in every mode, for SQL a person types', async () => {
    const byLayer = async (layer: LayerMode) => (await typed('SELECT layer, count(*) AS n FROM reports GROUP BY layer ORDER BY layer', layer)).map((r) => [r.layer, Number(r.n)]);
    const dataset = datasetManifest.tables.reports.rows;
    expect(await byLayer('dataset')).toEqual([['dataset', dataset]]);
    expect(await byLayer('user')).toEqual([['user', seedNames.length + 1]]);
    expect(await byLayer('all')).toEqual([['dataset', dataset], ['user', 1]]);
    for (const layer of ['dataset', 'user', 'all'] as const) {
      for (const table of ['facts_wide', '"values"', 'rollups', 'bodies', 'entities']) {
        expect(Number((await typed(`SELECT count(*) AS n FROM ${table} WHERE layer IS NULL`, layer))[0].n), `${table} ${layer}`).toBe(0);
      }
    }
    // The worker's own tables are still found by SQL over the dataset alone.
    expect(Number((await typed('SELECT count(*) AS n FROM user_corrections', 'dataset'))[0].n)).toBe(0);
  });
});
