// The worker side of the protocol: turns requests into engine calls. Pure of any Worker API, so
// tests drive it directly in Node with the same DuckDB-WASM engine the browser uses.
import { tableFromIPC } from 'apache-arrow';
import { parseManifest, type Manifest } from '../shared/manifest';
import type { Engine } from './engine';
import { DataError, toErrorData, type InitPayload, type InitResult, type QueryPayload, type QueryResult, type Request, type Response } from './protocol';
import { DERIVED_TABLES, EAGER_TABLES, isDatasetTable, isDerivedTable, quoteIdent } from './tables';

export interface HandlerDeps {
  createEngine: () => Promise<Engine>;
  fetchBytes: (url: string) => Promise<Uint8Array>;
  now?: () => number;
}

interface Dataset {
  engine: Engine;
  manifest: Manifest;
  manifestUrl: string;
  /** Tables loaded or loading; a failed load is removed so a later query can retry it. */
  loaded: Map<string, Promise<void>>;
  elapsedMs: number;
}

export interface Handler {
  handle(request: Request): Promise<Response>;
  close(): void;
}

const decoder = new TextDecoder();

export function createHandler(deps: HandlerDeps): Handler {
  const now = deps.now ?? (() => performance.now());
  let dataset: Promise<Dataset> | null = null;
  let datasetUrl: string | null = null;

  async function loadTable(d: Dataset, name: string): Promise<void> {
    if (isDerivedTable(name)) {
      const derived = DERIVED_TABLES[name];
      for (const source of derived.from) await ensureTable(d, source);
      d.engine.run(derived.sql);
      return;
    }
    const entry = d.manifest.tables[name];
    if (!entry) throw new DataError(`table ${name} is not in the dataset's manifest`);
    const url = new URL(entry.files.arrow, d.manifestUrl).href;
    const bytes = await deps.fetchBytes(url);
    d.engine.insertArrowStream(name, bytes);
    // A failed insert can create nothing and raise nothing (STACK-NOTES), so count what arrived.
    const counted = countRows(d.engine, name);
    if (counted !== entry.rows) {
      throw new DataError(`table ${name}: loaded ${counted ?? 'no'} rows from ${entry.files.arrow}, the manifest says ${entry.rows}`);
    }
  }

  function ensureTable(d: Dataset, name: string): Promise<void> {
    let pending = d.loaded.get(name);
    if (!pending) {
      pending = loadTable(d, name);
      d.loaded.set(name, pending);
      pending.catch(() => d.loaded.delete(name));
    }
    return pending;
  }

  async function open(payload: InitPayload): Promise<Dataset> {
    const started = now();
    const manifest = parseManifest(JSON.parse(decoder.decode(await deps.fetchBytes(payload.manifestUrl))));
    const engine = await deps.createEngine();
    const d: Dataset = { engine, manifest, manifestUrl: payload.manifestUrl, loaded: new Map(), elapsedMs: 0 };
    try {
      for (const name of EAGER_TABLES) await ensureTable(d, name);
    } catch (error) {
      engine.close();
      throw error;
    }
    d.elapsedMs = now() - started;
    return d;
  }

  const describe = (d: Dataset): InitResult => ({
    datasetVersion: d.manifest.dataset_version,
    engine: d.engine.name,
    tables: Object.entries(d.manifest.tables).map(([name, t]) => ({ name, rows: t.rows, loaded: d.loaded.has(name) })),
    elapsedMs: d.elapsedMs,
  });

  /** Single flight: concurrent inits share one load; a failed one may be retried. */
  function init(payload: InitPayload): Promise<Dataset> {
    if (dataset && datasetUrl === payload.manifestUrl) return dataset;
    if (dataset) throw new DataError(`the worker already serves ${datasetUrl}; start a new worker for ${payload.manifestUrl}`);
    datasetUrl = payload.manifestUrl;
    const pending = open(payload);
    dataset = pending;
    pending.catch(() => {
      if (dataset === pending) {
        dataset = null;
        datasetUrl = null;
      }
    });
    return pending;
  }

  async function query(payload: QueryPayload): Promise<QueryResult> {
    if (!dataset) throw new DataError('query before init: the dataset is not loaded', { sql: payload.sql });
    const d = await dataset;
    for (const name of payload.tables) {
      if (!isDatasetTable(name)) throw new DataError(`unknown table ${name}`, { sql: payload.sql });
      await ensureTable(d, name);
    }
    const started = now();
    try {
      const ipc = ownBuffer(d.engine.run(payload.sql, payload.params));
      return { ipc, elapsedMs: now() - started };
    } catch (error) {
      throw new DataError((error as Error).message, { sql: payload.sql, cause: error });
    }
  }

  return {
    async handle(request) {
      try {
        if (request.kind === 'init') {
          return { id: request.id, ok: true, result: describe(await init(request.payload as InitPayload)) };
        }
        if (request.kind === 'query') return { id: request.id, ok: true, result: await query(request.payload as QueryPayload) };
        throw new DataError(`unknown request kind ${JSON.stringify((request as { kind: unknown }).kind)}`);
      } catch (error) {
        const sql = request.kind === 'query' ? (request.payload as QueryPayload).sql : undefined;
        return { id: request.id, ok: false, error: toErrorData(error, sql) };
      }
    },
    close() {
      void dataset?.then((d) => d.engine.close(), () => {});
      dataset = null;
    },
  };
}

function countRows(engine: Engine, table: string): number | null {
  try {
    const result = tableFromIPC(engine.run(`SELECT count(*) AS n FROM ${quoteIdent(table)}`));
    return Number(result.getChild('n')?.get(0));
  } catch {
    return null;
  }
}

/** A transferable result must own its whole buffer, or the transfer would move unrelated memory. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}
