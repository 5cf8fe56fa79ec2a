// Starts the data worker once per page and shares it, with the dataset's version and the
// precomputed summary (which paints the first chart before DuckDB-WASM is ready).
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { DataClient } from '../../db/client';
import * as sql from '../../db/sql';
import type { InitResult } from '../../db/protocol';
import { parseSummary, SUMMARY_FILE, type DatasetSummary } from '../../shared/summary';
import { dataUrl, earlyResponses, spawnDataWorker, takeDataWorker } from './early';
import { plainRows } from './rows';

export interface DatasetState {
  client: DataClient | null;
  info: InitResult | null;
  summary: DatasetSummary | null;
  error: Error | null;
}

/** Bytes of DuckDB's wasm read so far (null before the first report). */
export type EngineProgressState = { loaded: number; total: number } | null;

const DatasetContext = createContext<DatasetState>({ client: null, info: null, summary: null, error: null });
// Apart from the dataset's state: a report every 50 ms while the wasm streams in re-renders only
// the progress bar, not every view that reads the dataset (the whole page, which delayed the first chart).
const ProgressContext = createContext<EngineProgressState>(null);

// Read when the module loads: the URL is rewritten to its canonical form (without `bench`) on mount.
const BENCH = new URLSearchParams(window.location.search).has('bench');

let shared: DataClient | null = null;
function sharedClient(): DataClient {
  // The worker the entry spawned (early.ts); a cancelled console query restarts it (see DataClient).
  shared ??= new DataClient(takeDataWorker(), spawnDataWorker);
  return shared;
}

const hex = (bytes: ArrayBuffer): string => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The summary for first paint, only when its bytes match the manifest's sha256 (never unverified data). */
async function fetchSummary(): Promise<DatasetSummary> {
  // Both fetched at once, by the entry (early.ts): the summary is checked against the manifest when both have arrived.
  const early = earlyResponses();
  const [manifestResponse, response] = await Promise.all([early.manifest, early.summary]);
  if (!manifestResponse.ok) throw new Error(`GET manifest.json: HTTP ${manifestResponse.status}`);
  const expected: unknown = ((await manifestResponse.json()) as { summary_sha256?: unknown }).summary_sha256;
  if (typeof expected !== 'string') throw new Error(`${SUMMARY_FILE}: the manifest gives no sha256, so it is not shown`);
  if (!response.ok) throw new Error(`GET ${SUMMARY_FILE}: HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  if (hex(await crypto.subtle.digest('SHA-256', bytes)) !== expected) throw new Error(`${SUMMARY_FILE}: sha256 does not match the manifest`);
  const summary = parseSummary(JSON.parse(new TextDecoder().decode(bytes)));
  performance.mark('gongkai:summary');
  return summary;
}

let started: { summary: Promise<DatasetSummary>; init: Promise<InitResult> } | null = null;

/**
 * Starts the data worker, its init and the summary's fetch (main.tsx calls it before React's first
 * render: the engine's wasm fetch and compile are most of the wait for DuckDB). Once per page.
 */
export function startDataset(): { summary: Promise<DatasetSummary>; init: Promise<InitResult> } {
  if (!started) {
    const summary = fetchSummary();
    summary.catch(() => {}); // the summary only speeds up first paint; the worker's answer is authoritative
    started = { summary, init: sharedClient().init(dataUrl('manifest.json')) };
    started.init.catch(() => {}); // met again, with its message, by the provider
  }
  return started;
}

export function DatasetProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<DatasetState>({ client: null, info: null, summary: null, error: null });
  const [progress, setProgress] = useState<EngineProgressState>(null);
  useEffect(() => {
    let live = true;
    const client = sharedClient();
    const stopProgress = client.onProgress(({ loaded, total }) => live && setProgress({ loaded, total }));
    const { summary, init } = startDataset();
    summary.then(
      (summary) => live && setState((s) => ({ ...s, summary })),
      () => {},
    );
    init.then(
      (info) => {
        // `?bench=1` hands the benchmark script the same client and SQL builders the views use.
        // `query(text)` is the console's guarded path: only statements that read run.
        if (BENCH) Object.assign(window, { __gongkai: { client, info, sql, query: async (text: string) => plainRows((await client.userQuery(text)).table) } });
        if (live) setState((s) => ({ ...s, client, info }));
      },
      (error: Error) => live && setState((s) => ({ ...s, error })),
    );
    return () => {
      live = false;
      stopProgress();
    };
  }, []);
  return (
    <DatasetContext.Provider value={state}>
      <ProgressContext.Provider value={progress}>{children}</ProgressContext.Provider>
    </DatasetContext.Provider>
  );
}

export const useDataset = (): DatasetState => useContext(DatasetContext);
export const useEngineProgress = (): EngineProgressState => useContext(ProgressContext);
