// The user's layer built from the reports kept in IndexedDB, in an import worker of its own with
// ingest's builder (workers/import.worker.ts): the page never holds the reports. The worker
// builds the page's layer (every kept report, Arrow only) and is
// stopped afterwards (its memory goes with it); the zip, with ingest's whole layout, is built
// the same way when asked for.
import type { ImportWorkerInit, ImportWorkerReply } from '../../../workers/import-protocol';
import type { Manifest } from '../../shared/manifest';
import { loadFailedReason, notStartedReason, START_ATTEMPTS, START_LIMIT_MS } from './import-pool';

export interface BuiltLayer {
  manifest: Manifest;
  /** The Arrow streams the data worker loads, by path (src/app/user/layer-arrow.ts). */
  files: Record<string, Uint8Array>;
  /** The OPFS folder the files are in instead (src/db/user-layer-spill.ts); null: in `files`. */
  spill: string | null;
  /** The layer's files the dataset holds too: the dataset's report id by sha256 (set by the page). */
  copies?: Record<string, string>;
}

export interface LayerBuild {
  /** The layer of every kept report. */
  build(): Promise<BuiltLayer>;
  /** The dataset folder of every kept report, zipped, with its dataset_version. */
  zip(): Promise<{ version: string; bytes: Uint8Array }>;
  close(): void;
}

const failure = (message: string) => new Error(`the imported layer could not be built: ${message}`);

export interface LayerBuildOptions {
  /** Starts one build worker (tests pass a stand-in). */
  spawn?: () => Worker;
  /** How long a worker may take to say it is ready, doubled at each new attempt (the pool's limit). */
  startMs?: number;
}

const spawnBuildWorker = () => new Worker(new URL('../../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'gongkai-import-build' });

/**
 * A build worker that said it is ready. As in the import pool (src/app/user/import-pool.ts), one
 * silent past its limit (a busy machine, a fetch that never ends) or failing as it loads is stopped
 * and another started, START_ATTEMPTS times at most: the page's layer is never waited for forever.
 * `started` hears each worker as it starts; `closed` stops the wait (the build was closed).
 */
async function startBuildWorker(spawn: () => Worker, startMs: number, started: (worker: Worker) => void, closed: AbortSignal): Promise<Worker> {
  let error: string | null = null;
  for (let attempt = 0; attempt < START_ATTEMPTS && !closed.aborted; attempt++) {
    const worker = spawn();
    started(worker);
    const outcome = await new Promise<{ ready: true } | { ready: false; error: string | null }>((settle) => {
      const limit = setTimeout(() => settle({ ready: false, error: null }), startMs * 2 ** attempt);
      const done = (result: { ready: true } | { ready: false; error: string | null }) => {
        clearTimeout(limit);
        worker.removeEventListener('message', heard);
        worker.removeEventListener('error', broke);
        closed.removeEventListener('abort', close);
        settle(result);
      };
      const heard = (event: MessageEvent<ImportWorkerReply>) => {
        if (event.data.kind === 'ready') done({ ready: true });
        else if (event.data.kind === 'init-failed') done({ ready: false, error: event.data.message });
      };
      const broke = (event: ErrorEvent) => done({ ready: false, error: event.message || 'its script could not be loaded' });
      const close = () => done({ ready: false, error: null });
      closed.addEventListener('abort', close);
      worker.addEventListener('message', heard);
      worker.addEventListener('error', broke);
      worker.postMessage({ kind: 'init', baseUrl: document.baseURI, role: 'build' } satisfies ImportWorkerInit);
    });
    if (outcome.ready) return worker;
    worker.terminate();
    if (outcome.error !== null) error = outcome.error;
  }
  throw failure(closed.aborted ? 'closed' : error !== null ? loadFailedReason(error) : notStartedReason(startMs));
}

/**
 * Starts the worker at once (it loads the gazetteer's division rows meanwhile); its jobs wait until it is ready.
 */
export function openLayerBuild(options: LayerBuildOptions = {}): LayerBuild {
  let worker: Worker | null = null;
  const closing = new AbortController();
  const waiting = new Map<number, { resolve(reply: ImportWorkerReply): void; reject(error: Error): void }>();
  let nextId = 1;
  let failed: Error | null = null;
  const fail = (error: Error) => {
    failed = error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  const ready = startBuildWorker(options.spawn ?? spawnBuildWorker, options.startMs ?? START_LIMIT_MS, (w) => (worker = w), closing.signal).then((w) => {
    w.addEventListener('message', (event: MessageEvent<ImportWorkerReply>) => {
      const reply = event.data;
      if (!('id' in reply)) return;
      const asked = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (reply.kind === 'build-failed') asked?.reject(failure(reply.message));
      else asked?.resolve(reply);
    });
    w.addEventListener('error', (event) => fail(failure(event.message || 'the worker failed')));
    return w;
  });
  ready.catch(() => {});
  const ask = async (message: { kind: 'build'; zip: boolean }): Promise<ImportWorkerReply> => {
    const started = await ready;
    if (failed) throw failed;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      started.postMessage({ ...message, id });
    });
  };
  return {
    async build() {
      const reply = await ask({ kind: 'build', zip: false });
      if (reply.kind !== 'built') throw failure(`unexpected answer ${reply.kind}`);
      return { manifest: reply.manifest, files: Object.fromEntries(reply.files.map((f) => [f.path, f.bytes])), spill: reply.spill };
    },
    async zip() {
      const reply = await ask({ kind: 'build', zip: true });
      if (reply.kind !== 'zipped') throw failure(`unexpected answer ${reply.kind}`);
      return { version: reply.version, bytes: reply.bytes };
    },
    close: () => {
      closing.abort();
      worker?.terminate();
      fail(failure('closed'));
    },
  };
}
