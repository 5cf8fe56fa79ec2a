// Shared by the tests of the user's layer in the worker's database (src/db/user-layer.ts): the
// worker's handler on real DuckDB-WASM over the ingested shipped corpus, and a folder ingested as
// the page ingests an import, sent to the handler as the page sends it.
import { tableFromIPC } from 'apache-arrow';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableRows, type Row } from '../../../src/app/data/rows';
import type { Handler } from '../../../src/db/handler';
import { fromErrorData, type LayerMode, type QueryResult, type Request, type Response } from '../../../src/db/protocol';
import { runIngest } from '../../../src/ingest/run-ingest';
import type { Manifest } from '../../../src/shared/manifest';
import { collectOutput } from '../../helpers/collect-output';
import { createNodeHandler } from '../../helpers/duckdb-wasm-node';
import { ingestShippedCorpus } from '../../helpers/shipped-dataset';

const readManifest = async (dir: string): Promise<Manifest> => JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;

/** The worker's handler, initialised on the shipped corpus (ingested without stored answers). */
export interface DatasetSession {
  handler: Handler;
  /** The shipped dataset's manifest. */
  manifest: Manifest;
  request(kind: Request['kind'], payload: unknown): Promise<Response>;
  /** Rows of a query the app builds (the tables it names loaded), in a layer mode. */
  rows(sql: string, tables: string[], layer?: LayerMode): Promise<Row[]>;
  /** Rows of SQL as a person types it (the console, `window.__gongkai.query`). */
  typed(sql: string, layer?: LayerMode): Promise<Row[]>;
}

export async function openShippedDataset(): Promise<DatasetSession> {
  const dataset = await ingestShippedCorpus({ storedAnswers: false });
  const handler = createNodeHandler();
  let nextId = 1;
  const request = (kind: Request['kind'], payload: unknown): Promise<Response> => handler.handle({ id: nextId++, kind, payload } as Request);
  const answer = async (response: Promise<Response>): Promise<Row[]> => {
    const done = await response;
    if (!done.ok) throw fromErrorData(done.error);
    return tableRows(tableFromIPC((done.result as QueryResult).ipc));
  };
  const init = await request('init', { manifestUrl: dataset.manifestUrl });
  if (!init.ok) throw fromErrorData(init.error);
  return {
    handler,
    manifest: await readManifest(dataset.dir),
    request,
    rows: (sql, tables, layer) => answer(request('query', { sql, params: [], tables, layer })),
    typed: (sql, layer) => answer(request('sql', { sql, layer })),
  };
}

/** A folder ingested as the user's layer: where it was written, and its manifest. */
export interface IngestedLayer {
  dir: string;
  manifest: Manifest;
}

export async function ingestLayer(inputs: string[], dir: string): Promise<IngestedLayer> {
  await runIngest(inputs, dir, collectOutput(), { storedAnswers: false });
  return { dir, manifest: await readManifest(dir) };
}

/** The `layer` request as the page sends it: the manifest, every partition's bytes, and the copies of the dataset's reports (sha256 → report id). */
export async function layerPayload(layer: IngestedLayer, copies?: Record<string, string>) {
  const files: Record<string, Uint8Array> = {};
  for (const entry of Object.values(layer.manifest.tables)) for (const p of entry.partitions) files[p.path] = new Uint8Array(await readFile(join(layer.dir, p.path)));
  return { manifest: layer.manifest, files, ...(copies ? { copies } : {}) };
}
