// The page's parse pool: import workers (workers/import.worker.ts), as many as the cores less one
// (at least one: defaultWorkers). Each worker is handed the file itself (a Blob: it reads the
// bytes, the page never does), parses one file at a time and is handed a few more ahead
// (QUEUED_PER_WORKER, a PDF or Word file counting as several), so it never waits for the page
// between files and no worker sits on a row of slow files while another has none. It stores the
// reports in IndexedDB itself, a few at a time,
// and answers each one's row of the import list only: no report crosses to the page. Each file has
// a time budget from when the worker takes it: a worker that runs over or dies is terminated and
// replaced, its file becomes a failed report with the reason, as in ingest's pool
// (src/ingest/parse-pool.ts), and the files queued behind it, or parsed and not yet stored, go to
// the next worker. A worker that never starts (or dies before it is ready) has touched no file:
// it is replaced, a bounded number of times, and only then do the files fail: a worker that fails
// to load (an error, its gazetteer unreadable) is replaced at once, so one that can never load
// fails its files in moments; one merely silent (slow, on a busy machine) is given a longer limit
// each time. Results do not depend on the number of workers.
import type { ImportedFile, ImportJob, ImportWorkerInit, ImportWorkerReply, LayerRow } from '../../../workers/import-protocol';

export const FILE_BUDGET_MS = 30_000;
/** How long a worker may take to load its gazetteer and say it is ready (doubled at each new attempt). */
export const START_LIMIT_MS = 60_000;
/** Workers started for one slot, none of them ready, before the slot is given up. */
export const START_ATTEMPTS = 3;
/**
 * A busy machine: the file's budget counts the page's clock ticks, each at most twice its length,
 * so time the page (and so, likely, the worker) was not scheduled does not count; never more
 * than this many times the budget in wall time, so a hostile file still ends.
 */
export const BUDGET_STRETCH = 4;

export interface ImportPoolOptions {
  workers?: number;
  budgetMs?: number;
  startMs?: number;
  /** Starts one worker (tests may pass a stand-in). */
  spawn?: () => Worker;
  /** Test hook: files (by name) whose worker is made to die as it takes them. */
  crash?: (fileName: string) => boolean;
  /** Test hook: workers (by the order they are started, from 0) that never say they are ready. */
  stall?: (started: number) => boolean;
  /** Test hook: workers (by the order they are started, from 0) that fail as they load. */
  die?: (started: number) => boolean;
  /** Test hook: how many calls of each kind into the browser never answer, in each worker (workers/bounded-wait.ts). */
  stalls?: ImportWorkerInit['stalls'];
  /** Test hook: every bounded call's limit in each worker. */
  limitMs?: number;
}

/**
 * A file's outcome: stored by the worker (its row), parsed (when not kept: the whole answer), or
 * failed without an answer from the parser (the page stores that failure itself).
 */
export type PoolAnswer =
  | { kind: 'stored'; row: LayerRow }
  | { kind: 'parsed'; file: ImportedFile }
  | { kind: 'failed'; reason: string };

export interface ImportPool {
  readonly workers: number;
  /** Parses `file`; with `keep` (its report's id and path) the worker stores the report and answers its row. */
  parse(file: Blob, fileName: string, keep?: { id: string; path: string }): Promise<PoolAnswer>;
  /** Stops every worker; files waiting or being parsed become failed ("cancelled"). */
  close(): void;
  /** Starts every worker now (the page expects files: the import panel is open), not with the first file. */
  warm(): void;
  /** False once a slot has given its worker up (it never started): such a pool is not kept for the next import. */
  startable(): boolean;
}

interface Job {
  id: number;
  file: Blob;
  fileName: string;
  keep: { id: string; path: string } | null;
  done(answer: PoolAnswer): void;
}

interface Slot {
  worker: Worker | null;
  ready: boolean;
  /** Sent to the worker, in the order it parses them: the first is the one it is on. */
  jobs: Job[];
  /** Parsed by the worker, their reports not yet stored. */
  unstored: Map<number, Job>;
  /** Stops the start limit's or the current file's clock. */
  timer: (() => void) | null;
  /** Workers started in a row that never became ready; START_ATTEMPTS of them give the slot up. */
  startFailures: number;
  /** Why the last of them failed to load; null: it was silent (its start limit ran out). */
  startError: string | null;
}

/** Files a worker holds at once: the one it parses and those waiting behind it (enough that the page's answers, late on a busy machine, seldom leave it idle). */
export const QUEUED_PER_WORKER = 8;
/**
 * How many of a worker's places a PDF or Word file takes: each costs tens of times a text report's
 * parse (1,000 files of which 100 PDFs: 3 s for the 900 texts, 60 s for the PDFs), so a worker
 * handed eight of them in a row holds minutes of work that an idle worker could have taken.
 */
export const SLOW_FILE_PLACES = 4;
const SLOW_FILE = /\.(pdf|docx?)$/i;
export const placesOf = (fileName: string): number => (SLOW_FILE.test(fileName) ? SLOW_FILE_PLACES : 1);

/**
 * The cores less one, the page's own thread (at least one). Two on two cores was tried (stop 23,
 * 1,000 mixed files, load 13-19): 31-39 CPU-s against 26-34 for one (each worker loads the
 * gazetteer and warms the parser and pdf.js), the first file sent 1.2-4.5 s after the files
 * against 0.7-2.5 s, and no gain in wall time on the loaded machine. Again at stop 35 (bench/import.ts
 * GONGKAI_BENCH_WORKERS, load 8-13): 1,000 text files 76 / 106 reports/s wall and 105 / 115 per
 * Chromium CPU-second against 104 / 127 and 142 / 154 for one; 10,000: 201 against 193/s wall, 211
 * against 199 per CPU-second (the second worker's start spread thin), PSS peak 1.38 against 1.28 GB.
 */
export const workersFor = (cores: number): number => Math.max(1, cores - 1);
export const defaultWorkers = (): number => workersFor(navigator.hardwareConcurrency || 2);
const spawnImportWorker = () => new Worker(new URL('../../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'gongkai-import' });

export const timeLimitReason = (ms: number): string => `parse stopped: the file took longer than the time budget of ${ms / 1000} s per file`;
export const CANCELLED_REASON = 'import cancelled';
export const notStartedReason = (ms: number, attempts = START_ATTEMPTS): string =>
  `import worker did not start: ${attempts} attempts, the last given ${(ms * 2 ** (attempts - 1)) / 1000} s`;
export const loadFailedReason = (message: string, attempts = START_ATTEMPTS): string => `import worker could not start: ${message} (${attempts} attempts)`;

/**
 * Calls `over` once `budgetMs` of scheduled time has passed: the page's ticks, each counted at most
 * twice its length (a late tick means the machine did not run the page), or BUDGET_STRETCH times
 * the budget in wall time, whichever comes first. Returns the stop function.
 */
export function budgetClock(budgetMs: number, over: () => void, now: () => number = () => performance.now()): () => void {
  const tick = Math.max(1, Math.min(1000, budgetMs / 8));
  const began = now();
  let last = began;
  let counted = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const step = () => {
    const at = now();
    counted += Math.min(at - last, 2 * tick);
    last = at;
    if (counted >= budgetMs || at - began >= BUDGET_STRETCH * budgetMs) over();
    else timer = setTimeout(step, tick);
  };
  timer = setTimeout(step, tick);
  return () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
}

const failed = (reason: string): PoolAnswer => ({ kind: 'failed', reason });

/** A point of an import's first seconds on the page's performance timeline (bench/import.ts reads them): a worker started, ready, its first file sent. */
export const markStart = (name: string): void => void performance.mark(`gongkai-import:${name}`);

export function createImportPool(options: ImportPoolOptions = {}): ImportPool {
  const count = Math.max(1, options.workers ?? defaultWorkers());
  const budgetMs = options.budgetMs ?? FILE_BUDGET_MS;
  const startMs = options.startMs ?? START_LIMIT_MS;
  const spawnWorker = options.spawn ?? spawnImportWorker;
  const slots: Slot[] = Array.from({ length: count }, () => ({ worker: null, ready: false, jobs: [], unstored: new Map(), timer: null, startFailures: 0, startError: null }));
  const stopClock = (slot: Slot) => {
    slot.timer?.();
    slot.timer = null;
  };
  const givenUp = (slot: Slot) => slot.startFailures >= START_ATTEMPTS;
  const placesHeld = (slot: Slot) => slot.jobs.reduce((n, job) => n + placesOf(job.fileName), 0);
  const queue: Job[] = [];
  let nextId = 0;
  let started = 0;
  let closed = false;
  /** For the first seconds' marks: a file sent, an answer heard. */
  let sentAny = false;
  let answeredAny = false;

  /** The file the worker is on has its budget from now (it took it when it answered the one before). */
  const startClock = (slot: Slot) => {
    stopClock(slot);
    if (slot.jobs.length > 0) slot.timer = budgetClock(budgetMs, () => discard(slot, timeLimitReason(budgetMs)));
  };

  /** The worker is done with the file it was on and has taken the next. */
  const took = (slot: Slot): Job | undefined => {
    const job = slot.jobs.shift();
    startClock(slot);
    dispatch();
    return job;
  };

  /** Stops the slot's worker: its current file fails with `reason`; the files behind it, and those parsed and not yet stored, wait for a worker again. */
  const discard = (slot: Slot, reason: string) => {
    slot.worker?.terminate();
    slot.worker = null;
    slot.ready = false;
    stopClock(slot);
    const [current, ...behind] = slot.jobs.splice(0);
    queue.unshift(...slot.unstored.values(), ...behind);
    slot.unstored.clear();
    current?.done(failed(reason));
    dispatch();
  };

  /**
   * A worker that never says it is ready (its gazetteer never loads, or the machine is too busy to
   * run it), or dies before, has been handed no file: it is stopped and the slot tries again, with
   * a longer limit. After START_ATTEMPTS the slot is given up; when every slot is, the files
   * waiting fail with the reason (never stall).
   */
  const notStarted = (slot: Slot, worker: Worker, error: string | null = null) => {
    if (slot.worker !== worker || slot.ready) return;
    slot.startError = error;
    worker.terminate();
    slot.worker = null;
    stopClock(slot);
    slot.startFailures++;
    dispatch();
  };

  const spawn = (slot: Slot): void => {
    const order = started++;
    markStart(`worker ${order} started`);
    const worker = spawnWorker();
    slot.worker = worker;
    slot.ready = false;
    stopClock(slot);
    const limit = setTimeout(() => notStarted(slot, worker), startMs * 2 ** slot.startFailures);
    slot.timer = () => clearTimeout(limit);
    worker.addEventListener('message', (event: MessageEvent<ImportWorkerReply>) => {
      if (slot.worker !== worker) return;
      const reply = event.data;
      if (!answeredAny && (reply.kind === 'took' || reply.kind === 'parsed')) {
        answeredAny = true;
        markStart('first file parsed');
      }
      if (reply.kind === 'ready') {
        markStart(`worker ${order} ready`);
        slot.ready = true;
        slot.startFailures = 0;
        stopClock(slot);
        dispatch();
      } else if (reply.kind === 'init-failed') {
        // The gazetteer could not be read: a failed load, tried again at once (never a new worker for every file).
        notStarted(slot, worker, reply.message);
      } else if (reply.kind === 'parsed' && slot.jobs[0]?.id === reply.id) {
        took(slot)!.done({ kind: 'parsed', file: reply.file });
      } else if (reply.kind === 'took' && slot.jobs[0]?.id === reply.id) {
        const job = took(slot)!;
        slot.unstored.set(job.id, job);
      } else if (reply.kind === 'stored') {
        for (const { id, row } of reply.rows) {
          slot.unstored.get(id)?.done({ kind: 'stored', row });
          slot.unstored.delete(id);
        }
      } else if (reply.kind === 'store-failed') {
        for (const id of reply.ids) {
          slot.unstored.get(id)?.done(failed(`could not be stored: ${reply.message}`));
          slot.unstored.delete(id);
        }
      }
    });
    worker.addEventListener('error', (event) => {
      if (slot.worker !== worker) return;
      // Before it is ready it holds no file: a failed start (replaced at once), not a failed file.
      if (!slot.ready) notStarted(slot, worker, event.message || 'its script could not be loaded');
      else discard(slot, `parser crashed: ${event.message || 'the import worker failed'}`);
    });
    worker.addEventListener('messageerror', () => {
      if (slot.worker === worker) discard(slot, 'parser crashed: its answer could not be read');
    });
    const hooks = { ...(options.stall?.(order) ? { stall: true } : {}), ...(options.die?.(order) ? { die: true } : {}), ...(options.stalls ? { stalls: options.stalls } : {}), ...(options.limitMs !== undefined ? { limitMs: options.limitMs } : {}) };
    worker.postMessage({ kind: 'init', baseUrl: document.baseURI, ...hooks } satisfies ImportWorkerInit);
  };

  function dispatch(): void {
    if (!closed && slots.every(givenUp)) {
      const error = slots.find((slot) => slot.startError !== null)?.startError;
      for (const job of queue.splice(0)) job.done(failed(error ? loadFailedReason(error) : notStartedReason(startMs)));
      return;
    }
    // Every worker gets a file before any gets a second one; a slow file fills several places.
    for (let depth = 1; depth <= QUEUED_PER_WORKER; depth++) {
      for (const slot of slots) {
        if (closed || placesHeld(slot) >= depth || queue.length === 0 || givenUp(slot)) continue;
        if (!slot.worker) spawn(slot);
        if (!slot.ready) continue;
        const job = queue.shift()!;
        slot.jobs.push(job);
        if (slot.jobs.length === 1) startClock(slot);
        if (!sentAny) markStart('first file sent');
        sentAny = true;
        // The Blob is a handle: the worker reads the file (a worker that dies leaves it readable again).
        const message: ImportJob = { kind: 'parse', id: job.id, fileName: job.fileName, file: job.file, keep: job.keep, ...(options.crash?.(job.fileName) ? { crash: true } : {}) };
        slot.worker!.postMessage(message);
      }
    }
  }

  return {
    workers: count,
    parse(file, fileName, keep) {
      if (closed) return Promise.resolve(failed(CANCELLED_REASON));
      return new Promise((done) => {
        queue.push({ id: nextId++, file, fileName, keep: keep ?? null, done });
        dispatch();
      });
    },
    startable: () => !closed && !slots.some(givenUp),
    warm() {
      if (closed) return;
      for (const slot of slots) if (!slot.worker && !givenUp(slot)) spawn(slot);
    },
    close() {
      closed = true;
      for (const job of queue.splice(0)) job.done(failed(CANCELLED_REASON));
      for (const slot of slots) {
        slot.worker?.terminate();
        slot.worker = null;
        stopClock(slot);
        for (const job of [...slot.jobs.splice(0), ...slot.unstored.values()]) job.done(failed(CANCELLED_REASON));
        slot.unstored.clear();
      }
    },
  };
}
