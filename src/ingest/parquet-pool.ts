// Parquet encoding, the largest part of writing a dataset, spread over worker threads: while the
// main thread reads one part back and writes its Arrow file, the workers encode the next parts.
// The bytes are those tableToParquet gives in process (the rows cross as an Arrow IPC stream,
// which keeps every type and null), so the files do not depend on the number of threads; a worker
// that fails is not trusted again and its part is encoded in process.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Table, tableToIPC } from 'apache-arrow';
import type { TablePart } from './arrow-tables';
import { tableToParquet } from '../shared/parquet';

export interface EncodeRequest {
  id: number;
  ipc: Uint8Array;
}

export interface EncodeResponse {
  id: number;
  parquet?: Uint8Array;
  error?: string;
}

const ENTRY = new URL('./parquet-worker.mjs', import.meta.url);

interface Job {
  id: number;
  rows: () => Table;
  resolve: (bytes: Uint8Array) => void;
  reject: (error: unknown) => void;
}

export interface ParquetPool {
  /** `rows` is called when a worker is free: a queued part holds no rows. */
  encode(rows: () => Table): Promise<Uint8Array>;
  close(): Promise<void>;
}

export function createParquetPool(threads: number): ParquetPool {
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const waiting = new Map<number, Job>();
  const queue: Job[] = [];
  let nextId = 0;
  let broken = false;

  /** Encodes in process; a part that cannot be read back fails its own promise (the write reports it), not the pool. */
  const inProcess = (job: Job, rows?: Table): void => {
    try {
      job.resolve(tableToParquet(rows ?? job.rows()));
    } catch (error) {
      job.reject(error);
    }
  };

  /** Every job still out is done in process; the pool encodes nothing more in workers. */
  const fail = (): void => {
    broken = true;
    for (const [id, job] of waiting) {
      waiting.delete(id);
      inProcess(job);
    }
    for (const job of queue.splice(0)) inProcess(job);
  };

  const dispatch = (): void => {
    while (!broken && idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      let rows: Table;
      try {
        rows = job.rows();
      } catch (error) {
        idle.push(worker);
        job.reject(error);
        continue;
      }
      // An empty table's batch has no children, which the IPC round trip would not give back as it was.
      if (rows.numRows === 0) {
        idle.push(worker);
        inProcess(job, rows);
        continue;
      }
      waiting.set(job.id, job);
      const ipc = tableToIPC(rows, 'stream');
      worker.postMessage({ id: job.id, ipc } satisfies EncodeRequest, [ipc.buffer as ArrayBuffer]);
    }
  };

  for (let i = 0; i < threads; i++) {
    const worker = new Worker(ENTRY);
    worker.on('message', (response: EncodeResponse) => {
      const job = waiting.get(response.id);
      if (!job) return;
      waiting.delete(response.id);
      if (response.parquet) job.resolve(response.parquet);
      else inProcess(job);
      idle.push(worker);
      dispatch();
    });
    worker.on('error', fail);
    worker.on('exit', () => {
      if (!broken && waiting.size > 0) fail();
    });
    all.push(worker);
    idle.push(worker);
  }

  return {
    encode(rows) {
      const encoded = new Promise<Uint8Array>((resolve, reject) => {
        const job = { id: nextId++, rows, resolve, reject };
        if (broken) inProcess(job);
        else {
          queue.push(job);
          dispatch();
        }
      });
      // A part encoded ahead and never written (the write stopped before it) is no unhandled rejection.
      encoded.catch(() => undefined);
      return encoded;
    },
    async close() {
      broken = true;
      for (const worker of all) worker.removeAllListeners();
      await Promise.all(all.map((worker) => worker.terminate()));
    },
  };
}

/**
 * The groups with each part's Parquet bytes started `ahead` parts before it is written (the
 * parts' rows are read for it once more: from the spill file, cheap beside the encoding).
 */
export function* prefetchParquet(groups: Iterable<TablePart[]>, pool: ParquetPool, ahead: number): Generator<TablePart[]> {
  const read: TablePart[][] = [];
  let started = 0;
  const source = groups[Symbol.iterator]();
  let exhausted = false;
  const fill = (): void => {
    while (!exhausted && started < ahead) {
      const next = source.next();
      if (next.done) {
        exhausted = true;
        return;
      }
      const group = next.value.map((part) => withParquet(part, pool));
      read.push(group);
      started += group.length;
    }
  };
  fill();
  while (read.length > 0) {
    const group = read.shift()!;
    started -= group.length;
    fill();
    yield group;
  }
}

function withParquet(part: TablePart, pool: ParquetPool): TablePart {
  const parquet = pool.encode(() => part.rows);
  // Keeps the part's own getters (rows read back on access), adding the bytes in flight.
  return Object.defineProperty(Object.create(part) as TablePart, 'parquet', { value: parquet, enumerable: true });
}

/** Parquet threads for a run: as many as the parse threads (GONGKAI_PARSE_THREADS) or the cores, none for one. */
export function parquetThreads(): number {
  const fromEnv = Number(process.env.GONGKAI_PARSE_THREADS);
  const threads = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.min(4, availableParallelism());
  return threads > 1 ? threads : 0;
}
