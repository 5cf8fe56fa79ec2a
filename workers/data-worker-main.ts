/// <reference lib="webworker" />
// The data worker's body: DuckDB-WASM (blocking bindings, in this worker) behind the protocol
// handler, loaded by data.worker.ts once it has begun the wasm's fetch and compile.
import { createDuckDBEngine } from '../src/db/engine-duckdb';
import { createHandler } from '../src/db/handler';
import { isRequest, transferList } from '../src/db/protocol';
import type { EarlyWasm } from '../src/db/wasm-compile';
import { bundles, postProgress } from './data-worker-wasm';

declare const self: DedicatedWorkerGlobalScope;

/** Starts the engine and the handler; returns what takes each message from the page. */
export function startDataWorker(scriptAt: number, wasm: EarlyWasm): (data: unknown) => void {
  // Every engine of this worker instantiates the module compiled once (fetched anew if that failed).
  const createEngine = () => createDuckDBEngine(bundles, 'browser', postProgress, wasm);

  // The engine starts instantiating as soon as the worker runs, before the page's init arrives
  // (the wasm's fetch and compile are most of the wait); the first init takes it.
  let early: ReturnType<typeof createEngine> | null = createEngine();
  early.catch(() => {});

  const handler = createHandler({
    scriptAt,
    createEngine: () => {
      const engine = early ?? createEngine();
      early = null;
      return engine;
    },
    async fetchBytes(url) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  });

  return (data) => {
    if (!isRequest(data)) return;
    void handler.handle(data).then((response) => self.postMessage(response, transferList(response)));
  };
}
