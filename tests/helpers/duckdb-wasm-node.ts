import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createDuckDBEngine } from '../../src/db/engine-duckdb';
import type { Engine } from '../../src/db/engine';
import { createHandler, type Handler } from '../../src/db/handler';

const require = createRequire(import.meta.url);

/** The same wasm files the browser loads, from node_modules. */
export const NODE_BUNDLES = {
  eh: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'),
  mvp: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'),
};

export const createNodeEngine = (): Promise<Engine> => createDuckDBEngine(NODE_BUNDLES, 'node');

export async function readFileUrl(url: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(fileURLToPath(url)));
}

/** A handler exactly as the worker builds it, reading the dataset from disk instead of HTTP. */
export function createNodeHandler(
  overrides: { fetchBytes?: (url: string) => Promise<Uint8Array>; loadBudgetBytes?: number; eagerDetailRows?: number } = {},
): Handler {
  return createHandler({ createEngine: createNodeEngine, ...overrides, fetchBytes: overrides.fetchBytes ?? readFileUrl });
}
