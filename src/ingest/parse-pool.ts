// Parses files in worker threads, each file under a time and a memory budget: a file that hangs
// the parser (twice: see overTime) or exhausts its heap becomes a failed report saying which limit
// it hit, and the worker is replaced. Results do not depend on the number of threads (parsing is deterministic;
// the caller keeps input order).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParsedReport } from '../parse/types';
import { packedBuffers, packParsed, type PackedReport, unpackParsed } from '../parse/report-pack';
import { failedReport } from './failed-report';
import type { ParseOutcome } from './read-report';

export interface ParseBudget {
  /** Wall-clock time one file may take. */
  timeMs: number;
  /** Heap (old generation) one worker may use while parsing one file. */
  memoryMb: number;
}

export const DEFAULT_BUDGET: ParseBudget = { timeMs: 30_000, memoryMb: 2048 };

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  /** Resolve the jurisdiction and make the shingle set in the worker too (ingest's per-report work off the main thread). */
  resolve?: boolean;
}

export interface ParseResponse {
  id: number;
  /** With `packed`, the report's values and checks are empty: they are in `packed`. */
  parsed: ParsedReport;
  packed?: PackedReport;
  /** With `resolve`: the report's division (null when unresolved) and its shingle set (transferred). */
  resolved?: Omit<ParseOutcome, 'parsed'>;
}

export interface PoolOptions {
  /** Worker threads (default: the cores, at most 4). */
  threads?: number;
  budget?: ParseBudget;
  /** The worker's entry module (tests use a stand-in parser that hangs or allocates on cue). */
  entry?: URL;
  /**
   * The number of files the run will parse: the pool then starts with one worker and starts the
   * others (up to `threads`) only when the work left needs them (see `shouldGrow`). Without it,
   * every worker starts with the first files.
   */
  expectedFiles?: number;
}

/**
 * Reports with fewer values and checks than this are cloned as they are: packing and unpacking a
 * short report costs more than cloning its few objects (4,000 messages of short reports, ~7 values
 * each, worker to main: 384–501 ms CPU packed against 224–267 plain; at ~50 values a report the two
 * are within the noise). The report that arrives is the same either way.
 */
export const PACK_FROM = 32;

/**
 * A worker's answer: the report's values and checks packed in columns whose buffers are transferred,
 * not structured-cloned as ~200 objects a report (generated reports: 39 KB of clone each against
 * 22 KB packed). The report keeps its keys (values and checks empty), so it unpacks to the same
 * key order as parsed.
 */
export function sendable(id: number, parsed: ParsedReport, resolved?: ParseResponse['resolved']): { response: ParseResponse; transfer: ArrayBuffer[] } {
  if (parsed.values.length + parsed.checks.length < PACK_FROM) return { response: { id, parsed, ...(resolved ? { resolved } : {}) }, transfer: [] };
  const { packed } = packParsed(parsed);
  const response: ParseResponse = { id, parsed: { ...parsed, values: [], checks: [] }, packed, ...(resolved ? { resolved } : {}) };
  return { response, transfer: packedBuffers(packed) };
}

/** The report a worker sent (sendable): its values and checks unpacked into their places. */
export function received(response: ParseResponse): ParsedReport {
  return response.packed ? Object.assign(response.parsed, unpackParsed(response.packed)) : response.parsed;
}

/**
 * A worker's start costs about a CPU-second (its JIT warms up on its first few hundred files):
 * the parse of 1,000–2,000 short reports. Another worker starts only while each running one would
 * still have more files than this ahead.
 */
const FILES_AHEAD_PER_WORKER = 2000;
/** A file running longer than this (wall clock, on a worker past its start) is a slow format (PDF): another worker pays off at once. */
const SLOW_FILE_MS = 1000;

/**
 * Start another worker? When the files left would keep each running worker busy well beyond
 * what a worker costs to start, or when a file is slow. Counted in files, not in measured time:
 * on a machine shared with other work the wall clock of a file says more about the machine than
 * about the file (the CPU time of a 2,000-file run of short reports is about a quarter lower on
 * one worker than on two).
 */
export function shouldGrow(state: { left: number; running: number; slowestRunningMs: number }): boolean {
  return state.slowestRunningMs >= SLOW_FILE_MS || state.left / state.running > FILES_AHEAD_PER_WORKER;
}

export interface ParsePool {
  readonly threads: number;
  parse(bytes: Uint8Array, options: { fileName?: string }): Promise<ParsedReport>;
  /**
   * Parses, resolves the jurisdiction and makes the shingle set in the worker (the same functions
   * as in process: the same results); a file the worker could not finish is its failed report alone.
   */
  parseResolved(bytes: Uint8Array, options: { fileName?: string }): Promise<ParsedReport | ParseOutcome>;
  close(): Promise<void>;
}

interface Job {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  resolve: boolean;
  /** The file has run over the time budget once (it gets one more try, with twice the time). */
  overTime?: boolean;
  done(answer: ParsedReport | ParseOutcome): void;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** When the current job was sent (performance.now()). */
  sentAt: number;
  /** The worker has answered once: its start (module loading) is behind it, so its pace means something. */
  warm: boolean;
}

export const timeLimitError = (budget: ParseBudget): string =>
  `parse stopped: the file took longer than the time budget of ${budget.timeMs / 1000} s per file`;
export const memoryLimitError = (budget: ParseBudget): string =>
  `parse stopped: the file needed more than the memory budget of ${budget.memoryMb} MB per file`;

const DEFAULT_ENTRY = new URL('./parse-worker.mjs', import.meta.url);

export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export function createParsePool(options: PoolOptions = {}): ParsePool {
  const threads = Math.max(1, options.threads ?? defaultThreads());
  const budget = options.budget ?? DEFAULT_BUDGET;
  const entry = options.entry ?? DEFAULT_ENTRY;
  const slots: Slot[] = Array.from({ length: threads }, () => ({ worker: null, job: null, timer: null, sentAt: 0, warm: false }));
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;
  // workers in use: all of them, or one to start with when the run's size is known
  let active = options.expectedFiles === undefined ? threads : 1;
  let finished = 0;
  let slowCheck: NodeJS.Timeout | null = null;

  const grow = () => {
    if (active >= threads || options.expectedFiles === undefined) return;
    const now = performance.now();
    const running = slots.slice(0, active).filter((s) => s.job && s.warm);
    const state = { left: options.expectedFiles - finished, running: active, slowestRunningMs: running.length ? Math.max(...running.map((s) => now - s.sentAt)) : 0 };
    if (shouldGrow(state)) active++;
  };

  const finish = (slot: Slot, answer: ParsedReport | ParseOutcome) => {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    if (job) finished++;
    slot.job = null;
    slot.timer = null;
    job?.done(answer);
    grow();
    dispatch();
  };

  /** Ends a worker that failed or ran over; the next job starts a fresh one. */
  const discard = (slot: Slot, parsed: ParsedReport) => {
    const worker = slot.worker;
    slot.worker = null;
    worker?.removeAllListeners();
    void worker?.terminate();
    finish(slot, parsed);
  };

  /**
   * A file over the time budget gets one more try, with twice the time (the worker it lands on may
   * be a new one, still starting), before it fails: a machine busy enough to stall a worker could
   * otherwise fail a file that parses in a second, and the dataset would depend on the machine's
   * load, not on its files. A file that hangs, hangs twice (3 × the budget in all).
   */
  const overTime = (slot: Slot) => {
    const job = slot.job;
    if (!job || job.overTime) return discard(slot, failedReport(timeLimitError(budget)));
    job.overTime = true;
    const worker = slot.worker;
    slot.worker = null;
    worker?.removeAllListeners();
    void worker?.terminate();
    slot.job = null;
    slot.timer = null;
    queue.unshift(job);
    dispatch();
  };

  const spawn = (slot: Slot): Worker => {
    const worker = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb } });
    slot.warm = false;
    worker.on('message', (response: ParseResponse) => {
      slot.warm = true;
      if (slot.job?.id !== response.id) return;
      const parsed = received(response);
      finish(slot, response.resolved ? { parsed, ...response.resolved } : parsed);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const reason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? memoryLimitError(budget) : `parser crashed: ${error.message}`;
      discard(slot, failedReport(reason));
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker) discard(slot, failedReport(`parser worker exited unexpectedly (code ${code})`));
    });
    return worker;
  };

  function dispatch(): void {
    for (const slot of slots.slice(0, active)) {
      if (closed || slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.worker ??= spawn(slot);
      slot.job = job;
      slot.sentAt = performance.now();
      slot.timer = setTimeout(() => overTime(slot), job.overTime ? 2 * budget.timeMs : budget.timeMs);
      // A copy to transfer (Buffer#slice would be a view, and the caller still counts the bytes).
      const bytes = new Uint8Array(job.bytes);
      const request: ParseRequest = { id: job.id, bytes, fileName: job.fileName, ...(job.resolve ? { resolve: true } : {}) };
      slot.worker.postMessage(request, [bytes.buffer]);
    }
    // a file still running after a while, with files waiting: another worker may be due
    if (active < threads && queue.length > 0 && !slowCheck && !closed) {
      slowCheck = setTimeout(() => {
        slowCheck = null;
        grow();
        dispatch();
      }, SLOW_FILE_MS);
      slowCheck.unref();
    }
  }

  const submit = (bytes: Uint8Array, fileName: string, resolve: boolean): Promise<ParsedReport | ParseOutcome> => {
    if (closed) return Promise.reject(new Error('the parse pool is closed'));
    return new Promise((done) => {
      queue.push({ id: nextId++, bytes, fileName, resolve, done });
      dispatch();
    });
  };

  return {
    threads,
    // Asked without `resolve`, the worker answers a report alone.
    parse: (bytes, parseOptions) => submit(bytes, parseOptions.fileName ?? '', false) as Promise<ParsedReport>,
    parseResolved: (bytes, parseOptions) => submit(bytes, parseOptions.fileName ?? '', true),
    async close() {
      closed = true;
      if (slowCheck) clearTimeout(slowCheck);
      for (const job of queue.splice(0)) job.done(failedReport('parse cancelled: the run was stopped'));
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          slot.worker = null;
          if (slot.timer) clearTimeout(slot.timer);
          slot.job?.done(failedReport('parse cancelled: the run was stopped'));
          slot.job = null;
          worker?.removeAllListeners();
          await worker?.terminate();
        }),
      );
    },
  };
}

/** Files per worker below which another worker costs more to start than it saves. */
const FILES_PER_WORKER = 16;

/**
 * Runs `work` with a pool sized by GONGKAI_PARSE_THREADS (that many workers from the start), or
 * else by the cores and the file count (workers beyond the first started as the work needs them), closed afterwards.
 */
export async function withParsePool<T>(files: number, work: (pool: ParsePool) => Promise<T>): Promise<T> {
  const fromEnv = Number(process.env.GONGKAI_PARSE_THREADS);
  const fixed = Number.isInteger(fromEnv) && fromEnv > 0;
  const threads = fixed ? fromEnv : Math.min(defaultThreads(), Math.ceil(files / FILES_PER_WORKER));
  const pool = createParsePool({ threads, expectedFiles: fixed ? undefined : files });
  try {
    return await work(pool);
  } finally {
    await pool.close();
  }
}
