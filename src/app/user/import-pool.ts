// The page's parse pool: import workers (workers/import.worker.ts), as many as the cores less one
// (at least one). Each worker parses one file at a time and is handed a few more ahead
// (QUEUED_PER_WORKER), so it never waits for the page between files. Each file has a time budget
// from when the worker takes it: a worker that runs over or dies is terminated and replaced, its
// file becomes a failed report with the reason, as in ingest's pool (src/ingest/parse-pool.ts),
// and the files queued behind it go to the next worker. Results do not depend on the number of workers.
import { failedReport } from '../../ingest/failed-report';
import type { ImportedFile, ImportJob, ImportWorkerReply } from '../../../workers/import-protocol';

export const FILE_BUDGET_MS = 30_000;

export interface ImportPoolOptions {
  workers?: number;
  budgetMs?: number;
  /** Starts one worker (tests may pass a stand-in). */
  spawn?: () => Worker;
  /** Test hook: files (by name) whose worker is made to die as it takes them. */
  crash?: (fileName: string) => boolean;
}

export interface ImportPool {
  readonly workers: number;
  parse(bytes: Uint8Array, fileName: string): Promise<ImportedFile>;
  /** Stops every worker; files waiting or being parsed become failed ("cancelled"). */
  close(): void;
}

interface Job {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  done(file: ImportedFile): void;
}

interface Slot {
  worker: Worker | null;
  ready: boolean;
  /** Sent to the worker, in the order it parses them: the first is the one it is on. */
  jobs: Job[];
  timer: ReturnType<typeof setTimeout> | null;
}

/** Files a worker holds at once: the one it parses and those waiting behind it. */
export const QUEUED_PER_WORKER = 4;

export const defaultWorkers = (): number => Math.max(1, (navigator.hardwareConcurrency || 2) - 1);
const spawnImportWorker = () => new Worker(new URL('../../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'gongkai-import' });

export const timeLimitReason = (ms: number): string => `parse stopped: the file took longer than the time budget of ${ms / 1000} s per file`;
export const CANCELLED_REASON = 'import cancelled';

/** A file that never got an answer from the parser: its size is known, its digest is not needed. */
const failedFile = (reason: string, bytes: number): ImportedFile => ({ parsed: failedReport(reason), jurisdiction: null, sha256: '', bytes });

export function createImportPool(options: ImportPoolOptions = {}): ImportPool {
  const count = Math.max(1, options.workers ?? defaultWorkers());
  const budgetMs = options.budgetMs ?? FILE_BUDGET_MS;
  const spawnWorker = options.spawn ?? spawnImportWorker;
  const slots: Slot[] = Array.from({ length: count }, () => ({ worker: null, ready: false, jobs: [], timer: null }));
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  /** The file the worker is on has its budget from now (it took it when it answered the one before). */
  const startClock = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = slot.jobs.length > 0 ? setTimeout(() => discard(slot, timeLimitReason(budgetMs)), budgetMs) : null;
  };

  const finish = (slot: Slot, file: ImportedFile) => {
    const job = slot.jobs.shift();
    startClock(slot);
    job?.done(file);
    dispatch();
  };

  /** Stops the slot's worker: its current file fails with `reason`, the files behind it wait for a worker again. */
  const discard = (slot: Slot, reason: string) => {
    slot.worker?.terminate();
    slot.worker = null;
    slot.ready = false;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const [current, ...behind] = slot.jobs.splice(0);
    queue.unshift(...behind);
    current?.done(failedFile(reason, current.bytes.byteLength));
    dispatch();
  };

  const spawn = (slot: Slot): void => {
    const worker = spawnWorker();
    slot.worker = worker;
    slot.ready = false;
    worker.addEventListener('message', (event: MessageEvent<ImportWorkerReply>) => {
      if (slot.worker !== worker) return;
      const reply = event.data;
      if (reply.kind === 'ready') {
        slot.ready = true;
        dispatch();
      } else if (reply.kind === 'init-failed') {
        // The gazetteer could not be read: no file can be parsed in this page.
        for (const job of queue.splice(0)) job.done(failedFile(`import worker could not start: ${reply.message}`, job.bytes.byteLength));
        discard(slot, `import worker could not start: ${reply.message}`);
      } else if (reply.kind === 'parsed' && slot.jobs[0]?.id === reply.id) {
        finish(slot, reply.file);
      }
    });
    worker.addEventListener('error', (event) => {
      if (slot.worker === worker) discard(slot, `parser crashed: ${event.message || 'the import worker failed'}`);
    });
    worker.addEventListener('messageerror', () => {
      if (slot.worker === worker) discard(slot, 'parser crashed: its answer could not be read');
    });
    worker.postMessage({ kind: 'init', baseUrl: document.baseURI });
  };

  function dispatch(): void {
    // Every worker gets a file before any gets a second one.
    for (let depth = 1; depth <= QUEUED_PER_WORKER; depth++) {
      for (const slot of slots) {
        if (closed || slot.jobs.length >= depth || queue.length === 0) continue;
        if (!slot.worker) spawn(slot);
        if (!slot.ready) continue;
        const job = queue.shift()!;
        slot.jobs.push(job);
        if (slot.jobs.length === 1) startClock(slot);
        // A copy moves to the worker: the page keeps the file's bytes until its answer (a worker that dies loses its copy).
        const bytes = new Uint8Array(job.bytes);
        const message: ImportJob = { kind: 'parse', id: job.id, fileName: job.fileName, bytes, ...(options.crash?.(job.fileName) ? { crash: true } : {}) };
        slot.worker!.postMessage(message, [bytes.buffer]);
      }
    }
  }

  return {
    workers: count,
    parse(bytes, fileName) {
      if (closed) return Promise.resolve(failedFile(CANCELLED_REASON, bytes.byteLength));
      return new Promise((done) => {
        queue.push({ id: nextId++, bytes, fileName, done });
        dispatch();
      });
    },
    close() {
      closed = true;
      for (const job of queue.splice(0)) job.done(failedFile(CANCELLED_REASON, job.bytes.byteLength));
      for (const slot of slots) {
        slot.worker?.terminate();
        slot.worker = null;
        if (slot.timer) clearTimeout(slot.timer);
        for (const job of slot.jobs.splice(0)) job.done(failedFile(CANCELLED_REASON, job.bytes.byteLength));
      }
    },
  };
}
