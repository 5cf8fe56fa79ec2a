/** Defined by vite.config.ts at build time. */
declare const __DUCKDB_WASM_BYTES__: { eh: number; mvp: number };
