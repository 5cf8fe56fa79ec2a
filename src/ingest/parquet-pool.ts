// Encoding the files, the largest part of writing a dataset, spread over worker threads: while the
// main thread reads the next parts back from the spill file, the workers encode them as Parquet
// and as gzipped Arrow (encode-parts.ts), and the main thread only writes the bytes. The bytes
// are those encodeParts gives in process (the rows cross as an Arrow IPC stream, which keeps every
// type and null), so the files do not depend on the number of threads; a worker that fails is not
// trusted again and its part is encoded in process.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Table, tableToIPC } from 'apache-arrow';
import type { TablePart } from './arrow-tables';
import { type ArrowMode, type EncodedParts, encodeParts } from './encode-parts';
import { storedByYear } from './dataset-files';

export interface EncodeRequest {
  id: number;
  /** Each table's rows as an IPC stream. */
  ipcs: Uint8Array[];
  mode: ArrowMode;
}

export interface EncodeResponse {
  id: number;
  encoded?: EncodedParts;
  error?: string;
}

const ENTRY = new URL('./parquet-worker.mjs', import.meta.url);

interface Job {
  id: number;
  rows: () => Table[];
  mode: ArrowMode;
  resolve: (encoded: EncodedParts) => void;
  reject: (error: unknown) => void;
}

export interface ParquetPool {
  /** `rows` is called when a worker is free: a queued job holds no rows. */
  encode(rows: () => Table[], mode: ArrowMode): Promise<EncodedParts>;
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
  const inProcess = (job: Job, rows?: Table[]): void => {
    try {
      job.resolve(encodeParts(rows ?? job.rows(), job.mode));
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
      let rows: Table[];
      try {
        rows = job.rows();
      } catch (error) {
        idle.push(worker);
        job.reject(error);
        continue;
      }
      // An empty table's batch has no children, which the IPC round trip would not give back as it was.
      if (rows.some((t) => t.numRows === 0)) {
        idle.push(worker);
        inProcess(job, rows);
        continue;
      }
      waiting.set(job.id, job);
      const ipcs = rows.map((t) => tableToIPC(t, 'stream'));
      worker.postMessage({ id: job.id, ipcs, mode: job.mode } satisfies EncodeRequest, ipcs.map((ipc) => ipc.buffer as ArrayBuffer));
    }
  };

  for (let i = 0; i < threads; i++) {
    const worker = new Worker(ENTRY);
    worker.on('message', (response: EncodeResponse) => {
      const job = waiting.get(response.id);
      if (!job) return;
      waiting.delete(response.id);
      if (response.encoded) job.resolve(response.encoded);
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
    encode(rows, mode) {
      const encoded = new Promise<EncodedParts>((resolve, reject) => {
        const job = { id: nextId++, rows, mode, resolve, reject };
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
 * The groups with each part's files (Parquet, and Arrow: the part's own file or the group's one
 * file, as dataset-files.ts stores the group) started `ahead` jobs before they are written: a
 * group stored per year is a job a part, one stored whole (small, under the bounds) one job. A
 * queued job holds no rows (they are read when a worker takes it), a done one only its files.
 */
export function* prefetchParquet(groups: Iterable<TablePart[]>, pool: ParquetPool, ahead: number): Generator<TablePart[]> {
  const read: { group: TablePart[]; jobs: number }[] = [];
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
      const encoded = encodedAhead(next.value, pool);
      read.push(encoded);
      started += encoded.jobs;
    }
  };
  fill();
  while (read.length > 0) {
    const { group, jobs } = read.shift()!;
    started -= jobs;
    fill();
    yield group;
  }
}

/** Keeps each part's own getters (rows read back on access), adding the files in flight. */
const withFiles = (part: TablePart, files: Pick<TablePart, 'parquet' | 'arrow' | 'groupArrow'>): TablePart =>
  Object.defineProperties(Object.create(part) as TablePart, Object.fromEntries(Object.entries(files).map(([key, value]) => [key, { value, enumerable: true }])));

function encodedAhead(group: TablePart[], pool: ParquetPool): { group: TablePart[]; jobs: number } {
  if (storedByYear(group)) {
    const parts = group.map((part) => {
      const encoded = pool.encode(() => [part.rows], 'each');
      return withFiles(part, { parquet: encoded.then((e) => e.parquet[0]), arrow: encoded.then((e) => e.arrow[0]) });
    });
    return { group: parts, jobs: parts.length };
  }
  const encoded = pool.encode(() => group.map((part) => part.rows), 'whole');
  const parts = group.map((part, i) => withFiles(part, { parquet: encoded.then((e) => e.parquet[i]), ...(i === 0 ? { groupArrow: encoded.then((e) => e.arrow[0]) } : {}) }));
  return { group: parts, jobs: 1 };
}

/** Parquet threads for a run: as many as the parse threads (GONGKAI_PARSE_THREADS) or the cores, none for one. */
export function parquetThreads(): number {
  const fromEnv = Number(process.env.GONGKAI_PARSE_THREADS);
  const threads = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.min(4, availableParallelism());
  return threads > 1 ? threads : 0;
}
