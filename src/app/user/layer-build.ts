// The user's layer built from the reports kept in IndexedDB, in an import worker of its own with
// ingest's builder (workers/import.worker.ts): the page never holds the reports. The worker
// builds the page's layer (every kept report, Arrow only) and is
// stopped afterwards (its memory goes with it); the zip, with ingest's whole layout, is built
// the same way when asked for.
import type { BuildJob, ImportWorkerInit, ImportWorkerReply } from '../../../workers/import-protocol';
import { SPILL_STAGE } from '../../db/user-layer-spill';
import { WAIT_LIMIT_MS } from '../../../workers/bounded-wait';
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
  /** Where the current job got: each attempt's last stage of its worker, and when (ms into the attempt), for a test's report of a build that stalled. */
  reached(): string;
  close(): void;
}

const failure = (message: string) => new Error(`the imported layer could not be built: ${message}`);

export interface LayerBuildOptions {
  /** Starts one build worker (tests pass a stand-in). */
  spawn?: () => Worker;
  /** How long a worker may take to say it is ready, doubled at each new attempt (the pool's limit). */
  startMs?: number;
  /** How long a build may go without a word from its worker, doubled at each new attempt. */
  silentMs?: number;
  /** Test hook: the first attempt's worker waits on a call into OPFS that never answers. */
  stallFirst?: boolean;
  /** How long one call into the browser may take in the first attempt, doubled at each new attempt (workers/bounded-wait.ts). */
  waitMs?: number;
}

/**
 * A build's worker says where it is after each batch of reports read and each file written (well
 * under a second apart): this long without a word, it is stuck, not slow.
 */
export const BUILD_SILENCE_MS = 30_000;

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

/** Why a build ended without a layer: its workers went silent mid-build, each given longer. */
export const buildStalledReason = (ms: number, stage: string, attempts = START_ATTEMPTS): string =>
  `no word from the build worker for ${(ms * 2 ** (attempts - 1)) / 1000} s (${attempts} attempts; the last got as far as: ${stage})`;

/** Why a build ended without a layer: a call into the browser that never answered, in each worker, the last given `ms`. */
export const waitStalledReason = (stage: string, ms: number, attempts = START_ATTEMPTS): string =>
  `no answer from the browser in ${ms / 1000} s (${attempts} attempts, each given twice as long as the one before; the last waited on: ${stage})`;

/**
 * One build job on a ready worker: its answer, or null when the worker said nothing (no stage,
 * no answer) for `silentMs` (stuck: a browser store that never answers, or never run) or said
 * that a call into the browser stalled (its stage, `stalled`).
 */
function buildJob(worker: Worker, message: BuildJob, silentMs: number, stage: (name: string, stalledMs?: number) => void, closed: AbortSignal): Promise<ImportWorkerReply | null> {
  if (closed.aborted) return Promise.reject(failure('closed'));
  return new Promise((resolve, reject) => {
    let timer = setTimeout(() => finish(null), silentMs);
    const finish = (outcome: ImportWorkerReply | null | Error) => {
      clearTimeout(timer);
      worker.removeEventListener('message', heard);
      worker.removeEventListener('error', broke);
      closed.removeEventListener('abort', close);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const heard = (event: MessageEvent<ImportWorkerReply>) => {
      const reply = event.data;
      if (!('id' in reply) || reply.id !== message.id) return;
      if (reply.kind === 'building') {
        stage(reply.stage);
        clearTimeout(timer);
        timer = setTimeout(() => finish(null), silentMs);
      } else if (reply.kind === 'build-stalled') {
        stage(reply.stage, reply.ms);
        finish(null);
      } else if (reply.kind === 'build-failed') finish(failure(reply.message));
      else finish(reply);
    };
    const broke = (event: ErrorEvent) => finish(failure(event.message || 'the worker failed'));
    const close = () => finish(failure('closed'));
    worker.addEventListener('message', heard);
    worker.addEventListener('error', broke);
    closed.addEventListener('abort', close);
    worker.postMessage(message);
  });
}

/**
 * Starts the worker at once (it loads the gazetteer's division rows meanwhile); its jobs wait until
 * it is ready. A job whose worker goes silent mid-build (BuildJob stages: none for the limit) is
 * built again by a new worker, given twice as long (its silence and each call into the browser),
 * START_ATTEMPTS times at most.
 */
export function openLayerBuild(options: LayerBuildOptions = {}): LayerBuild {
  const spawn = options.spawn ?? spawnBuildWorker;
  const startMs = options.startMs ?? START_LIMIT_MS;
  const silentMs = options.silentMs ?? BUILD_SILENCE_MS;
  const waitMs = options.waitMs ?? WAIT_LIMIT_MS;
  let worker: Worker | null = null;
  const closing = new AbortController();
  const start = () => startBuildWorker(spawn, startMs, (w) => (worker = w), closing.signal);
  let ready = start();
  ready.catch(() => {});
  let nextId = 1;
  /** Where each attempt of the last job got (its worker's last stage, and when; `stalledMs`: that call into the browser did not answer), for the reason of a build that stalled. */
  let attempts: { stage: string; at: number; began: number; stalledMs?: number }[] = [];
  const ask = async (kind: { kind: 'build'; zip: boolean }): Promise<ImportWorkerReply> => {
    attempts = [];
    for (let attempt = 0; ; attempt++) {
      const started = await ready;
      // After an attempt stalled in OPFS, the layer is built in memory (as without OPFS).
      const spill = !attempts.some((a) => a.stalledMs !== undefined && a.stage.startsWith(SPILL_STAGE));
      const now: (typeof attempts)[number] = { stage: 'started', at: 0, began: performance.now() };
      attempts.push(now);
      const heard = (stage: string, stalledMs?: number) => Object.assign(now, { stage, at: performance.now() - now.began, stalledMs });
      const stall = options.stallFirst === true && attempt === 0;
      const reply = await buildJob(started, { ...kind, spill, stall, waitMs: waitMs * 2 ** attempt, id: nextId++ }, silentMs * 2 ** attempt, heard, closing.signal);
      if (reply) return reply;
      started.terminate();
      if (attempt + 1 >= START_ATTEMPTS) throw failure(now.stalledMs !== undefined ? waitStalledReason(now.stage, now.stalledMs) : buildStalledReason(silentMs, now.stage));
      ready = start();
    }
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
    reached: () => (attempts.length === 0 ? 'not started' : attempts.map((a, i) => `attempt ${i + 1}: ${a.stage} (at ${Math.round(a.at)} ms${a.stalledMs !== undefined ? ', stalled' : ''})`).join('; ')),
    close: () => {
      closing.abort();
      worker?.terminate();
    },
  };
}
