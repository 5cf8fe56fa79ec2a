// The wasm's fetch and streaming compile, free of DuckDB's bindings: the data worker's first
// script starts them before the rest of its code (DuckDB's bindings, apache-arrow, the handler:
// 1.5 MB) has loaded, and the engine takes the compiled module when it instantiates.
import type { WasmBundles } from './engine-duckdb';

/** Bytes of the wasm read so far, of `total` (the unpacked size; 0 when unknown). */
export interface LoadProgress {
  loaded: number;
  total: number;
}

/** A wasm whose fetch and compile began early: its URL (the engine uses it only for that URL). */
export interface EarlyWasm {
  url: string;
  /** When the response's headers arrived (performance.now()). */
  fetched: Promise<number>;
  module: Promise<WebAssembly.Module>;
}

/** How often progress is reported while the wasm streams in. */
const PROGRESS_EVERY_MS = 50;

// DuckDB-WASM 1.32.0's own test for wasm exceptions (its eh bundle, else mvp): a function with a try block.
const EXCEPTIONS_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]);

/** The bundle DuckDB will choose here (if it chooses otherwise, the engine fetches its own). */
export const expectedBundleUrl = (bundles: WasmBundles): string => (WebAssembly.validate(EXCEPTIONS_PROBE) ? bundles.eh : bundles.mvp);

/** Counts a copy of the wasm's response as it arrives (the compiler reads the original). */
export async function countBytes(response: Response, bundles: WasmBundles, onProgress: (progress: LoadProgress) => void): Promise<void> {
  // A compressed response's Content-Length counts compressed bytes; the stream gives unpacked ones,
  // so the total is the size the build recorded for this wasm, else an uncompressed Content-Length.
  const encoding = response.headers.get('content-encoding');
  const base = globalThis.location?.href ?? 'http://localhost/';
  const path = new URL(response.url, base).pathname;
  const kind = (['eh', 'mvp'] as const).find((k) => path === new URL(bundles[k], base).pathname);
  const known = kind && bundles.bytes ? bundles.bytes[kind] : 0;
  const total = known || (encoding && encoding !== 'identity' ? 0 : Number(response.headers.get('content-length') ?? 0) || 0);
  if (!response.body) return;
  const reader = response.body.getReader();
  let loaded = 0;
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    const now = Date.now();
    if (now - last >= PROGRESS_EVERY_MS) {
      last = now;
      onProgress({ loaded, total });
    }
  }
  onProgress({ loaded, total });
}

/**
 * Fetches `url` and compiles it as it streams. The response keeps its URL, so Chromium may use
 * and fill its compiled-wasm cache (a Response built around a stream has none).
 */
export function compileWasm(url: string, bundles: WasmBundles, onProgress?: (progress: LoadProgress) => void): EarlyWasm {
  const response = fetch(url, { credentials: 'same-origin' }).then((r) => {
    if (!r.ok) throw new Error(`GET ${url}: HTTP ${r.status}`);
    if (onProgress) countBytes(r.clone(), bundles, onProgress).catch(() => {});
    return r;
  });
  const fetched = response.then(() => performance.now());
  const module = response.then((r) => WebAssembly.compileStreaming(r));
  fetched.catch(() => {});
  module.catch(() => {});
  return { url, fetched, module };
}
