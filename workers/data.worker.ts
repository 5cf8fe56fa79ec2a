/// <reference lib="webworker" />
// The data worker's first script, a few KB: it begins the wasm's fetch and streaming compile (most
// of the wait for the engine), then loads the worker's body (DuckDB's bindings, apache-arrow, the
// handler: 1.5 MB) while the wasm compiles. Messages that arrive meanwhile wait for the body.
import { compileWasm, expectedBundleUrl } from '../src/db/wasm-compile';
import { bundles, postProgress } from './data-worker-wasm';

declare const self: DedicatedWorkerGlobalScope;

const scriptAt = performance.now();
const wasm = compileWasm(expectedBundleUrl(bundles), bundles, postProgress);

const waiting: unknown[] = [];
let deliver = (data: unknown): void => void waiting.push(data);
self.addEventListener('message', (event: MessageEvent<unknown>) => deliver(event.data));

void import('./data-worker-main').then(({ startDataWorker }) => {
  deliver = startDataWorker(scriptAt, wasm);
  for (const data of waiting.splice(0)) deliver(data);
});
