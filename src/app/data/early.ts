// The first thing the page's entry runs, and free of imports so the entry's own file stays a few
// KB: it spawns the data worker (whose script, then DuckDB's wasm fetch and compile, are most of
// the wait for the engine) and starts the manifest's and the summary's fetches, before the client
// (apache-arrow, the SQL builders) and the app's code (React, ECharts) have even arrived.
import { SUMMARY_FILE } from '../../shared/summary';

export const dataUrl = (file: string): string => new URL(`data/${file}`, document.baseURI).href;

export const spawnDataWorker = (): Worker => new Worker(new URL('../../../workers/data.worker.ts', import.meta.url), { type: 'module', name: 'gongkai-data' });

let started: { worker: Worker | null; manifest: Promise<Response>; summary: Promise<Response> } | null = null;

/** Once per page: the worker spawned, the two fetches begun (their failures met by whoever reads them). */
export function startEarly(): void {
  if (started) return;
  const manifest = fetch(dataUrl('manifest.json'));
  const summary = fetch(dataUrl(SUMMARY_FILE));
  manifest.catch(() => {});
  summary.catch(() => {});
  started = { worker: spawnDataWorker(), manifest, summary };
}

/** The worker spawned early, given once (a worker restarted later is spawned anew). */
export function takeDataWorker(): Worker {
  startEarly();
  const worker = started!.worker ?? spawnDataWorker();
  started!.worker = null;
  return worker;
}

/** The manifest's and the summary's responses, fetched once (the summary is checked against the manifest). */
export function earlyResponses(): { manifest: Promise<Response>; summary: Promise<Response> } {
  startEarly();
  return { manifest: started!.manifest, summary: started!.summary };
}
