import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createNodeEngine } from '../../src/db/engine-node';
import { createHandler, type Handler } from '../../src/db/handler';

export { createNodeEngine, NODE_BUNDLES } from '../../src/db/engine-node';

export async function readFileUrl(url: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(fileURLToPath(url)));
}

/** A handler exactly as the worker builds it, reading the dataset from disk instead of HTTP. */
export function createNodeHandler(
  overrides: { fetchBytes?: (url: string) => Promise<Uint8Array>; loadBudgetBytes?: number; eagerDetailRows?: number } = {},
): Handler {
  return createHandler({ createEngine: createNodeEngine, ...overrides, fetchBytes: overrides.fetchBytes ?? readFileUrl });
}
