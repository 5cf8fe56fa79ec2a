/// <reference lib="webworker" />
// The data worker: DuckDB-WASM (blocking bindings, in this worker) behind the protocol handler.
import { createDuckDBEngine } from '../src/db/engine-duckdb';
import { BROWSER_BUNDLES } from '../src/db/engine-duckdb-bundles';
import { createHandler } from '../src/db/handler';
import { isRequest, transferList, type ProgressMessage } from '../src/db/protocol';

declare const self: DedicatedWorkerGlobalScope;

const scriptAt = performance.now();

const absolute = (url: string): string => new URL(url, self.location.href).href;

const createEngine = () =>
  createDuckDBEngine({ ...BROWSER_BUNDLES, eh: absolute(BROWSER_BUNDLES.eh), mvp: absolute(BROWSER_BUNDLES.mvp) }, 'browser', ({ loaded, total }) =>
    self.postMessage({ progress: 'engine', loaded, total } satisfies ProgressMessage),
  );

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

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isRequest(event.data)) return;
  void handler.handle(event.data).then((response) => self.postMessage(response, transferList(response)));
});
