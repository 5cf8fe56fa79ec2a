// Parses files in worker threads, each file under a time and a memory budget: a file that hangs
// the parser or exhausts its heap becomes a failed report saying which limit it hit, and the
// worker is replaced. Results do not depend on the number of threads (parsing is deterministic;
// the caller keeps input order).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParsedReport } from '../parse/types';
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
  parsed: ParsedReport;
  /** With `resolve`: the report's division (null when unresolved) and its shingle set (transferred). */
  resolved?: Omit<ParseOutcome, 'parsed'>;
}

export interface PoolOptions {
  /** Worker threads (default: the cores, at most 4). */
  threads?: number;
  budget?: ParseBudget;
  /** The worker's entry module (tests use a stand-in parser that hangs or allocates on cue). */
  entry?: URL;
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
  done(answer: ParsedReport | ParseOutcome): void;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
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
  const slots: Slot[] = Array.from({ length: threads }, () => ({ worker: null, job: null, timer: null }));
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  const finish = (slot: Slot, answer: ParsedReport | ParseOutcome) => {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    job?.done(answer);
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

  const spawn = (slot: Slot): Worker => {
    const worker = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb } });
    worker.on('message', (response: ParseResponse) => {
      if (slot.job?.id === response.id) finish(slot, response.resolved ? { parsed: response.parsed, ...response.resolved } : response.parsed);
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
    for (const slot of slots) {
      if (closed || slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.worker ??= spawn(slot);
      slot.job = job;
      slot.timer = setTimeout(() => discard(slot, failedReport(timeLimitError(budget))), budget.timeMs);
      // A copy to transfer (Buffer#slice would be a view, and the caller still counts the bytes).
      const bytes = new Uint8Array(job.bytes);
      const request: ParseRequest = { id: job.id, bytes, fileName: job.fileName, ...(job.resolve ? { resolve: true } : {}) };
      slot.worker.postMessage(request, [bytes.buffer]);
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

/** Runs `work` with a pool sized by GONGKAI_PARSE_THREADS (or the cores and the file count), closed afterwards. */
export async function withParsePool<T>(files: number, work: (pool: ParsePool) => Promise<T>): Promise<T> {
  const fromEnv = Number(process.env.GONGKAI_PARSE_THREADS);
  const threads = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.min(defaultThreads(), Math.ceil(files / FILES_PER_WORKER));
  const pool = createParsePool({ threads });
  try {
    return await work(pool);
  } finally {
    await pool.close();
  }
}
