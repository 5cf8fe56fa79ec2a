// The only module that imports DuckDB-WASM's bindings. In the browser '@duckdb/duckdb-wasm/blocking'
// is aliased (vite.config.ts) to the browser build; in Node it resolves to the Node build, so tests
// run the same engine code against the same wasm.
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { MAIN_DATABASE, type Engine, type EngineStartup } from './engine';
import type { Param } from './protocol';

export interface WasmBundles {
  mvp: string;
  eh: string;
  /** Unpacked size of each wasm, known at build time: the total when a host sends it compressed. */
  bytes?: { mvp: number; eh: number };
}

/** Sums come back as doubles, not 128-bit decimals; counts as numbers, not BigInt. See STACK-NOTES. */
const OPEN_CONFIG = { query: { castBigIntToDouble: true, castDecimalToDouble: true } };

// Extensions are fetched from the internet on demand: offline, that hangs (Node) or fails obscurely.
// Tables arrive as Arrow bytes, never from files or URLs: with external access off, no SQL can read
// a file or the network (and it cannot be switched back on while the database runs).
// The dataset's tables live in an in-memory database of their own name, NOT compressed: with
// COMPRESS, national facts_wide took 28 MB instead of 140 MB, but the per-body pre-aggregated
// queries cost 3–4× the CPU (outcomes 64 vs 17 ms p50, bench/view-queries-node.ts, 279,278
// reports) and facts_wide took twice as long to load. The user's layer (user-layer.ts) is compressed.
const OFFLINE_SETTINGS = `SET autoinstall_known_extensions=false; SET autoload_known_extensions=false; ATTACH ':memory:' AS ${MAIN_DATABASE}; USE ${MAIN_DATABASE}; SET enable_external_access=false;`;

/** Bytes of the wasm read so far, of `total` (the unpacked size; 0 when unknown). */
export interface LoadProgress {
  loaded: number;
  total: number;
}

/** How often progress is reported while the wasm streams in. */
const PROGRESS_EVERY_MS = 50;

/**
 * Counts the bytes of the wasm as DuckDB fetches it (its own progress callback skips every chunk
 * that comes within 20 ms of the one before, so a fast download reports nothing). Returns the
 * function that puts the original fetch back.
 */
function countWasmBytes(bundles: WasmBundles, onProgress: (progress: LoadProgress) => void): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await original(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!/\.wasm(\?|$)/.test(url) || !response.body) return response;
    // A compressed response's Content-Length counts compressed bytes; the stream gives unpacked ones,
    // so the total is the size the build recorded for this wasm, else an uncompressed Content-Length.
    const encoding = response.headers.get('content-encoding');
    const path = new URL(url, globalThis.location?.href ?? 'http://localhost/').pathname;
    const kind = (['eh', 'mvp'] as const).find((k) => path === new URL(bundles[k], globalThis.location?.href ?? 'http://localhost/').pathname);
    const known = kind && bundles.bytes ? bundles.bytes[kind] : 0;
    const total = known || (encoding && encoding !== 'identity' ? 0 : Number(response.headers.get('content-length') ?? 0) || 0);
    let loaded = 0;
    let last = 0;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        const now = Date.now();
        if (now - last >= PROGRESS_EVERY_MS) {
          last = now;
          onProgress({ loaded, total });
        }
        controller.enqueue(chunk);
      },
      flush() {
        onProgress({ loaded, total });
      },
    });
    return new Response(response.body.pipeThrough(counter), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return () => {
    globalThis.fetch = original;
  };
}

export async function createDuckDBEngine(bundles: WasmBundles, runtime: 'browser' | 'node', onProgress?: (progress: LoadProgress) => void): Promise<Engine> {
  // Each build exports only its own runtime (BROWSER_RUNTIME or NODE_RUNTIME): look it up by name.
  const runtimes = duckdb as unknown as Record<string, duckdb.DuckDBRuntime | undefined>;
  const rt = runtimes[runtime === 'browser' ? 'BROWSER_RUNTIME' : 'NODE_RUNTIME'];
  if (!rt) throw new Error(`this DuckDB-WASM build has no ${runtime} runtime`);
  const db = await duckdb.createDuckDB(
    { mvp: { mainModule: bundles.mvp, mainWorker: '' }, eh: { mainModule: bundles.eh, mainWorker: '' } },
    new duckdb.VoidLogger(),
    rt,
  );
  const startup: EngineStartup = { created: performance.now(), instantiated: 0, opened: 0 };
  const restore = runtime === 'browser' && onProgress ? countWasmBytes(bundles, onProgress) : () => {};
  try {
    await db.instantiate(() => {});
  } finally {
    restore();
  }
  startup.instantiated = performance.now();
  db.open(OPEN_CONFIG);
  const conn = db.connect();
  const connectionId = (conn as unknown as { _conn: number })._conn;
  db.runQuery(connectionId, OFFLINE_SETTINGS);
  startup.opened = performance.now();
  const prepared = new Map<string, number>();

  const statementFor = (sql: string): number => {
    let id = prepared.get(sql);
    if (id === undefined) {
      id = db.createPrepared(connectionId, sql);
      prepared.set(sql, id);
    }
    return id;
  };

  return {
    name: `duckdb-wasm ${db.getVersion()}`,
    startup,
    run(sql, params: readonly Param[] = []) {
      if (params.length === 0) return db.runQuery(connectionId, sql);
      return db.runPrepared(connectionId, statementFor(sql), [...params]);
    },
    runStatement(sql) {
      // Prepared, so DuckDB itself refuses a text of two statements.
      const id = db.createPrepared(connectionId, sql);
      try {
        return db.runPrepared(connectionId, id, []);
      } finally {
        db.closePrepared(connectionId, id);
      }
    },
    insertArrowStream(table, ipc, append = false, schema) {
      conn.insertArrowFromIPCStream(ipc, { name: table, create: !append, ...(schema ? { schema } : {}) });
    },
    close() {
      for (const id of prepared.values()) db.closePrepared(connectionId, id);
      prepared.clear();
      conn.close();
      db.reset();
    },
  };
}
