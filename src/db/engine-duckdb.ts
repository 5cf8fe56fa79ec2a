// The only module that imports DuckDB-WASM's bindings. In the browser '@duckdb/duckdb-wasm/blocking'
// is aliased (vite.config.ts) to the browser build; in Node it resolves to the Node build, so tests
// run the same engine code against the same wasm.
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { MAIN_DATABASE, type Engine, type EngineStartup } from './engine';
import type { Param } from './protocol';
import { compileWasm, type EarlyWasm, type LoadProgress } from './wasm-compile';

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
// preserve_insertion_order (DuckDB's default, set so that nothing changes it unseen): a query without
// ORDER BY gives a table's rows in its order, which the body search's kept copy relies on (entities.ts).
const OFFLINE_SETTINGS = `SET autoinstall_known_extensions=false; SET autoload_known_extensions=false; SET preserve_insertion_order=true; ATTACH ':memory:' AS ${MAIN_DATABASE}; USE ${MAIN_DATABASE}; SET enable_external_access=false;`;

/** What of DuckDB's browser bindings is replaced here (their fields in 1.32.0). */
interface BrowserBindings {
  mainModuleURL: string;
  _runtime: unknown;
  instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void): unknown[];
}

/**
 * DuckDB's own instantiateWasm compiles a Response it builds around a counting stream: such a
 * response has no URL, so Chromium never caches the compiled code and every visit compiles the
 * 34 MB again. This one instantiates the module compiled from the fetched response itself
 * (wasm-compile.ts), begun early by the worker's first script when it chose the same bundle.
 * Returns a promise that rejects when the fetch or compile fails (DuckDB's would wait forever).
 */
function instantiateFromFetch(db: unknown, bundles: WasmBundles, startup: EngineStartup, early: EarlyWasm | undefined, onProgress: ((progress: LoadProgress) => void) | undefined, onTable: (table: WebAssembly.Table) => void): Promise<never> {
  const bindings = db as BrowserBindings;
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  bindings.instantiateWasm = (imports, done) => {
    const table = (imports.env as Record<string, unknown> | undefined)?.__indirect_function_table;
    if (table instanceof WebAssembly.Table) onTable(table);
    (globalThis as { DUCKDB_RUNTIME?: unknown }).DUCKDB_RUNTIME = bindings._runtime;
    void (async () => {
      let wasm = early && early.url === bindings.mainModuleURL ? early : compileWasm(bindings.mainModuleURL, bundles, onProgress);
      const module = await wasm.module.catch((error: unknown) => {
        if (wasm === early) return (wasm = compileWasm(bindings.mainModuleURL, bundles, onProgress)).module;
        throw error;
      });
      startup.fetched = await wasm.fetched;
      const instance = await WebAssembly.instantiate(module, imports);
      startup.compiled = performance.now();
      done(instance, module);
    })().catch(fail);
    return [];
  };
  return failed;
}

/** `early`: the wasm's fetch and compile, begun before this module loaded (browser only). */
export async function createDuckDBEngine(bundles: WasmBundles, runtime: 'browser' | 'node', onProgress?: (progress: LoadProgress) => void, early?: EarlyWasm): Promise<Engine> {
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
  let table: WebAssembly.Table | undefined;
  if (runtime === 'browser') {
    const failed = instantiateFromFetch(db, bundles, startup, early, onProgress, (t) => (table = t)); // before instantiate, which calls it
    await Promise.race([db.instantiate(() => {}), failed]);
  } else await db.instantiate(() => {});
  startup.instantiated = performance.now();
  if (table) startup.functionTable = table.length;
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
