// DuckDB-WASM in Node: the page's own engine and wasm files (from node_modules), for `gongkai
// ingest` (the stored answers, src/ingest/stored-answers.ts) and for tests.
import { createRequire } from 'node:module';
import type { Engine } from './engine';
import { createDuckDBEngine } from './engine-duckdb';

const require = createRequire(import.meta.url);

/** The same wasm files the browser loads. */
export const NODE_BUNDLES = {
  eh: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'),
  mvp: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'),
};

export const createNodeEngine = (): Promise<Engine> => createDuckDBEngine(NODE_BUNDLES, 'node');
