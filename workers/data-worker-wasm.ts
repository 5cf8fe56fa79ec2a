/// <reference lib="webworker" />
// The data worker's wasm bundles (absolute URLs) and its progress messages: shared by its first
// script and its body, and light (no DuckDB bindings).
import { BROWSER_BUNDLES } from '../src/db/engine-duckdb-bundles';
import type { ProgressMessage } from '../src/db/protocol';
import type { LoadProgress } from '../src/db/wasm-compile';

declare const self: DedicatedWorkerGlobalScope;

const absolute = (url: string): string => new URL(url, self.location.href).href;

export const bundles = { ...BROWSER_BUNDLES, eh: absolute(BROWSER_BUNDLES.eh), mvp: absolute(BROWSER_BUNDLES.mvp) };

export const postProgress = ({ loaded, total }: LoadProgress): void => self.postMessage({ progress: 'engine', loaded, total } satisfies ProgressMessage);
