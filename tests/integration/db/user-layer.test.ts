// The user's imported layer in the worker's database (src/db/user-layer.ts): a dataset folder as
// ingest writes it, loaded beside the shipped dataset; every query sees both layers, the user's
// alone or the dataset alone, as the request says; the rollups of both are summed; removing the
// layer leaves the dataset as it was. Real DuckDB-WASM (the Node build of the browser's engine).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_DATABASE } from '../../../src/db/engine';
import { fromErrorData, type LayerMode, type LayerResult } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import type { Manifest } from '../../../src/shared/manifest';
import { makeTempDir } from '../../helpers/ingest-fixture';
import { SHIPPED_CORPUS } from '../../helpers/shipped-dataset';
import { ingestLayer, layerPayload, openShippedDataset, type DatasetSession, type IngestedLayer } from './layer-support';

let session: DatasetSession;
let layer: IngestedLayer;
let userManifest: Manifest;
let datasetManifest: Manifest;

const request: DatasetSession['request'] = (kind, payload) => session.request(kind, payload);
const rows: DatasetSession['rows'] = (text, tables, mode) => session.rows(text, tables, mode);

beforeAll(async () => {
  session = await openShippedDataset();
  datasetManifest = session.manifest;
  layer = await ingestLayer([join(SHIPPED_CORPUS, 'seeds')], join(makeTempDir('gongkai-layer-'), 'user'));
  userManifest = layer.manifest;
}, 240_000);

afterAll(() => session?.handler.close());

describe('the imported layer', () => {
  it('is never stood in for by the dataset: the user\'s reports alone, with no layer, are refused', async () => {
    await expect(rows('SELECT count(*) AS n FROM reports', ['reports'], 'user')).rejects.toThrow(/imported reports are not loaded/);
    expect(Number((await rows('SELECT count(*) AS n FROM reports', ['reports']))[0].n)).toBe(datasetManifest.tables.reports.rows);
  });

  it('is loaded whole and described by its manifest', async () => {
    const response = await request('layer', await layerPayload(layer));
    if (!response.ok) throw fromErrorData(response.error);
    const result = response.result as LayerResult;
    expect(result.datasetVersion).toBe(userManifest.dataset_version);
    expect(result.rows.reports).toBe(5);
    expect(userManifest.tables.reports.rows).toBe(5);
  });

  it('shows both layers, the user layer alone or the dataset alone', async () => {
    const count = async (layer?: LayerMode) => Number((await rows('SELECT count(*) AS n FROM reports', ['reports'], layer))[0].n);
    const datasetReports = datasetManifest.tables.reports.rows;
    expect(await count('dataset')).toBe(datasetReports);
    expect(await count('user')).toBe(5);
    expect(await count()).toBe(datasetReports + 5);
    const byLayer = await rows("SELECT layer, count(*) AS n FROM facts_wide GROUP BY layer ORDER BY layer", ['facts_wide'], 'all');
    expect(byLayer.map((r) => [r.layer, Number(r.n)])).toEqual([['dataset', datasetManifest.tables.facts_wide.rows], ['user', 5]]);
    const userIds = await rows("SELECT report_id FROM reports WHERE layer = 'user' ORDER BY report_id", ['reports'], 'all');
    expect(userIds.map((r) => r.report_id)).toEqual((await rows('SELECT report_id FROM reports ORDER BY report_id', ['reports'], 'user')).map((r) => r.report_id));
  });

  it('sums the rollups of both layers: the overview counts every report once', async () => {
    const kpis = sql.datasetCounts();
    const read = async (layer: LayerMode) => (await rows(kpis.sql, [...kpis.tables], layer))[0];
    const [all, user, dataset] = [await read('all'), await read('user'), await read('dataset')];
    expect(Number(all.reports)).toBe(Number(user.reports) + Number(dataset.reports));
    expect(Number(user.reports)).toBe(5);
  });

  it('is kept compressed, in a database of its own', async () => {
    // The page's main database keeps in-memory rows uncompressed (~10× the memory of the layer's).
    const segments = await rows("SELECT column_name, compression FROM pragma_storage_info('ul.values') WHERE segment_type = 'VARCHAR' AND column_name IN ('report_id', 'metric')", ['reports']);
    expect(segments.length).toBeGreaterThan(0);
    expect(segments.filter((s) => s.compression === 'Uncompressed')).toEqual([]);
    expect((await rows("SELECT database_name FROM duckdb_databases() WHERE database_name = 'ul'", ['reports'])).length).toBe(1);
    // Queries leave the main database the default.
    await rows('SELECT count(*) AS n FROM reports', ['reports'], 'user');
    expect((await rows('SELECT current_database() AS db, current_schema() AS s', ['reports'], 'dataset'))[0]).toEqual({ db: MAIN_DATABASE, s: 'main' });
  });

  it('reads the gazetteer from the dataset in every mode: a layer\'s own jurisdictions (ingest wrote them) is never loaded', async () => {
    const count = async (layer: LayerMode) => Number((await rows('SELECT count(*) AS n FROM jurisdictions', ['jurisdictions'], layer))[0].n);
    expect(userManifest.tables.jurisdictions.rows).toBe(datasetManifest.tables.jurisdictions.rows);
    for (const layer of ['user', 'all', 'dataset'] as const) expect(await count(layer), layer).toBe(datasetManifest.tables.jurisdictions.rows);
    // In `ul` a view of the dataset's table, no copy of its rows.
    const kinds = await rows("SELECT table_name, 'table' AS kind FROM duckdb_tables() WHERE database_name = 'ul' UNION ALL SELECT view_name, 'view' FROM duckdb_views() WHERE database_name = 'ul'", ['reports']);
    expect(kinds.filter((k) => k.table_name === 'jurisdictions')).toEqual([{ table_name: 'jurisdictions', kind: 'view' }]);
    // A user-mode join of the layer's reports with the gazetteer names their divisions.
    const named = await rows('SELECT count(*) AS n FROM reports r JOIN jurisdictions j ON j.code = r.division_code', ['reports', 'jurisdictions'], 'user');
    expect(Number(named[0].n)).toBeGreaterThan(0);
  });

  it('is removed whole; the dataset stays as it was', async () => {
    const response = await request('layer', { manifest: null, files: {} });
    expect(response.ok).toBe(true);
    // Its database is detached: its memory goes back to DuckDB.
    expect((await rows("SELECT database_name FROM duckdb_databases() WHERE database_name = 'ul'", ['reports'])).length).toBe(0);
    expect(Number((await rows('SELECT count(*) AS n FROM reports', ['reports']))[0].n)).toBe(datasetManifest.tables.reports.rows);
    await expect(rows("SELECT count(*) AS n FROM reports WHERE layer = 'user'", ['reports'])).rejects.toThrow(/layer/);
  });

  it('is never read half loaded: queries sent while it loads see it whole, the dataset alone goes on', async () => {
    const datasetReports = datasetManifest.tables.reports.rows;
    const count = (layer?: LayerMode) => rows('SELECT count(*) AS n FROM reports', ['reports'], layer).then((r) => Number(r[0].n));
    const valuesCount = (layer: LayerMode) => rows('SELECT count(*) AS n FROM "values"', ['values'], layer).then((r) => Number(r[0].n));
    // Sent together, as the page's charts ask while the import's layer goes in part by part.
    const loading = request('layer', await layerPayload(layer));
    const during = Promise.all([count('user'), count(), valuesCount('user'), count('dataset')]);
    expect((await loading).ok).toBe(true);
    const [user, all, values, dataset] = await during;
    expect(user).toBe(5);
    expect(all).toBe(datasetReports + 5);
    expect(values).toBe(userManifest.tables.values.rows);
    expect(dataset).toBe(datasetReports);
    // Replaced while queries wait: they see the new layer whole (here none), never a part of it.
    const removing = request('layer', { manifest: null, files: {} });
    const afterRemoval = count();
    expect((await removing).ok).toBe(true);
    expect(await afterRemoval).toBe(datasetReports);
  }, 240_000);
});
