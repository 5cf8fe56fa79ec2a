import type { Param } from './protocol';

/** The page's own database (attached in memory): the dataset's tables and schema `al` live in it. */
export const MAIN_DATABASE = 'gongkai';

/**
 * Where the engine's start went: ms on this thread's clock (performance.now()) at each step's end.
 * DuckDB-WASM fetches and compiles its wasm inside instantiate (streaming).
 */
export interface EngineStartup {
  /** The bindings created (the bundle chosen). */
  created: number;
  /** The wasm's response headers arrived (browser only). */
  fetched?: number;
  /** The wasm compiled and instantiated (browser only), before the runtime's own start. */
  compiled?: number;
  /** The runtime started: the wasm fetched, compiled and instantiated, its constructors run. */
  instantiated: number;
  /** The database opened and the offline settings run. */
  opened: number;
  /**
   * Slots in the wasm's function table once the runtime started (browser only): ~10 k when the
   * glue's linker fills only the GOT entries the module imports, ~75 k when it made one for every
   * exported function (scripts/duckdb-glue.ts).
   */
  functionTable?: number;
}

/** What the data handler needs from a SQL engine. Synchronous: it runs inside the data worker. */
export interface Engine {
  readonly name: string;
  /** Where its start went (the browser's engine). */
  readonly startup?: EngineStartup;
  /** Runs SQL with bound parameters; returns the result as Arrow IPC bytes. */
  run(sql: string, params?: readonly Param[]): Uint8Array;
  /** Runs exactly one statement (a text of several is an error), not cached: for SQL users type. */
  runStatement(sql: string): Uint8Array;
  /** Creates `table` (in `schema`, default main) from Arrow IPC stream bytes, or appends to it when it exists. */
  insertArrowStream(table: string, ipc: Uint8Array, append?: boolean, schema?: string): void;
  close(): void;
}
