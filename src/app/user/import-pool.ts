// The page's parse pool: import workers (workers/import.worker.ts), one file each at a time, as
// many as the cores less one (at least one). Each file has a time budget: a worker that runs over
// or dies is terminated and replaced, and its file becomes a failed report with the reason, as in
// ingest's pool (src/ingest/parse-pool.ts). Results do not depend on the number of workers.
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
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | null;
}

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
  const slots: Slot[] = Array.from({ length: count }, () => ({ worker: null, ready: false, job: null, timer: null }));
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;

  const finish = (slot: Slot, file: ImportedFile) => {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    job?.done(file);
    dispatch();
  };

  const discard = (slot: Slot, reason: string) => {
    slot.worker?.terminate();
    slot.worker = null;
    slot.ready = false;
    if (slot.job) finish(slot, failedFile(reason, slot.job.bytes.byteLength));
    else dispatch();
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
      } else if (reply.kind === 'parsed' && slot.job?.id === reply.id) {
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
    for (const slot of slots) {
      if (closed || slot.job || queue.length === 0) continue;
      if (!slot.worker) spawn(slot);
      if (!slot.ready) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => discard(slot, timeLimitReason(budgetMs)), budgetMs);
      const bytes = new Uint8Array(job.bytes);
      const message: ImportJob = { kind: 'parse', id: job.id, fileName: job.fileName, bytes, ...(options.crash?.(job.fileName) ? { crash: true } : {}) };
      slot.worker!.postMessage(message, [bytes.buffer]);
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
        slot.job?.done(failedFile(CANCELLED_REASON, slot.job.bytes.byteLength));
        slot.job = null;
      }
    },
  };
}
