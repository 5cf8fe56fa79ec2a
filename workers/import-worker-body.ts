/// <reference lib="webworker" />
// An import worker's body, loaded by its first script (./import.worker.ts), which has begun the
// gazetteer's load: the page's copy of ingest's read-parse-resolve step (src/ingest/read-report.ts)
// for one file at a time, with the same parser (parseDocument), gazetteer files and resolver. The
// gazetteer comes from the app's own assets; pdf.js's CMaps and fonts from ./pdfjs/. No request
// leaves the page's origin. The pool (src/app/user/import-pool.ts) stops a worker that runs over.
import { type Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { DatasetBuilder } from '../src/ingest/arrow-tables';
import { type ChunkStore, memoryItemStore, memorySetStore } from '../src/ingest/chunk-store';
import { writeDatasetFiles } from '../src/ingest/dataset-files';
import { failedReport, MAX_FILE_BYTES, tooLargeError, withReason } from '../src/ingest/failed-report';
import type { Gazetteer } from '../src/jurisdictions';
import type { GazetteerRows } from '../src/ingest/arrow-tables';
import { resolveParsedReport } from '../src/jurisdictions/report-division';
import { parseDocument } from '../src/parse/input';
import { DROP_FONT_FACES, type PdfResources } from '../src/parse/input/pdf';
import type { ParsedReport } from '../src/parse/types';
import { folderZip } from '../src/app/user/layer-zip';
import { layerRow, openStore, putRecords, recordBatches } from '../src/app/user/layer-store';
import { layerArrowFiles } from '../src/app/user/layer-arrow';
import { openSpillFolder, SPILL_STAGE, type SpillFile, type SpillFolder } from '../src/db/user-layer-spill';
import { bounded, boundedCall, limitForTest, stallNext, WAIT_LIMIT_MS, WaitStalled, type BrowserCall } from './bounded-wait';
import { groupedReads } from './file-reads';
import { workerGazetteer } from './import-gazetteer';
import { storeNow, type BuildJob, type BuiltFile, type ImportJob, type ImportWorkerInit, type ImportWorkerReply, type ReportRecord } from './import-protocol';

declare const self: DedicatedWorkerGlobalScope;

/** The resolver's gazetteer (a parsing worker). */
let gazetteer: Gazetteer | null = null;
/** The division rows the builder reads: the gazetteer's, or loaded alone in a build worker. */
let divisions: GazetteerRows | null = null;
let pdf: PdfResources | null = null;

const reply = (message: ImportWorkerReply) => self.postMessage(message);
/** The files sent, read a few at a time. */
const reads = groupedReads();
/** The files sent, parsed one after another. */
let parsing: Promise<void> = Promise.resolve();
const hex = (digest: ArrayBuffer): string => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');

async function init(message: ImportWorkerInit): Promise<void> {
  for (const [call, times] of Object.entries(message.stalls ?? {})) stallNext(call as BrowserCall, times);
  if (message.limitMs !== undefined) limitForTest(message.limitMs);
  // Its first store would otherwise open IndexedDB then, after the first batch is parsed.
  openStore();
  const loaded = await workerGazetteer(message.role);
  gazetteer = loaded.gazetteer;
  divisions = loaded.divisions;
  if (message.role === 'build') return;
  const base = new URL('pdfjs/', message.baseUrl).href;
  pdf = { cMapUrl: `${base}cmaps/`, standardFontDataUrl: `${base}standard_fonts/`, fontRuleSink: DROP_FONT_FACES };
}

let pending: { id: number; record: ReportRecord }[] = [];
/** Jobs sent and not yet parsed: a worker whose queue runs dry stores what it holds soon. */
let queued = 0;
/**
 * How long a worker whose queue ran dry waits before it stores what it holds: the page's next
 * files are often on their way (its answer to the last 'took'), and a transaction for every file
 * or two cost the browser's IndexedDB more than the reports' bytes (bench/import-profile.ts).
 */
const DRY_STORE_MS = 25;
let storeSoon: ReturnType<typeof setTimeout> | null = null;
let storing: Promise<void> = Promise.resolve();
/** When the worker last stored (its first report is stored at once: storeNow). */
let lastStore = -Infinity;

function flush(): void {
  if (storeSoon !== null) clearTimeout(storeSoon);
  storeSoon = null;
  if (pending.length === 0) return;
  lastStore = performance.now();
  const batch = pending;
  pending = [];
  storing = storing.then(() =>
    putRecords(batch.map((b) => b.record)).then(
      () => reply({ kind: 'stored', rows: batch.map((b) => ({ id: b.id, row: layerRow(b.record) })) }),
      (error: unknown) => reply({ kind: 'store-failed', ids: batch.map((b) => b.id), message: error instanceof Error ? error.message : String(error) }),
    ),
  );
}

/** What ingest's readReport knows of the file, its id and path apart. Never throws: a problem is a failed report with its reason. */
async function readAndParse(job: ImportJob, read: { bytes(): Promise<Uint8Array> } | null): Promise<Omit<ReportRecord, 'id' | 'file'>> {
  const size = job.file.size;
  if (read === null) return { parsed: failedReport(tooLargeError(size)), jurisdiction: null, sha256: null, bytes: size };
  let bytes: Uint8Array;
  try {
    bytes = await read.bytes();
  } catch (error) {
    return { parsed: failedReport(`cannot read: ${error instanceof Error ? error.message : String(error)}`), jurisdiction: null, sha256: null, bytes: null };
  }
  let digest: string;
  try {
    digest = await boundedCall('digest', () => sha256(bytes));
  } catch (error) {
    return { parsed: failedReport(`cannot hash: ${error instanceof Error ? error.message : String(error)}`), jurisdiction: null, sha256: null, bytes: size };
  }
  let parsed: ParsedReport;
  try {
    parsed = withReason(await parseDocument(bytes, { fileName: job.fileName, pdf: pdf! }));
  } catch (error) {
    // As ingest's pool does with a parser that throws: the file fails with the reason, the worker goes on.
    parsed = failedReport(`parser crashed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { parsed, jurisdiction: resolveParsedReport(parsed, gazetteer!), sha256: digest, bytes: size };
}

async function parse(job: ImportJob, read: { bytes(): Promise<Uint8Array> } | null): Promise<void> {
  const done = await readAndParse(job, read);
  queued--;
  if (!job.keep) {
    reply({ kind: 'parsed', id: job.id, file: { ...done, sha256: done.sha256 ?? '', bytes: done.bytes ?? job.file.size } });
    return;
  }
  pending.push({ id: job.id, record: { id: job.keep.id, file: job.keep.path, ...done } });
  reply({ kind: 'took', id: job.id });
  if (storeNow(pending.length, performance.now() - lastStore)) flush();
  else if (queued === 0) storeSoon ??= setTimeout(flush, DRY_STORE_MS);
}

/**
 * The builder's chunks in memory, as ingest's memory store keeps them, but let go as they are read
 * once `releaseOnRead` is called (after finish(), which reads the texts for the copied-report
 * search): the page's layer reads each part once.
 */
function releasingChunkStore(): ChunkStore & { releaseOnRead(): void } {
  let release = false;
  return {
    put: (table) => ({ rows: table.numRows, table }),
    get(ref) {
      const held = ref as { table?: Table };
      const table = held.table;
      if (!table) throw new Error('a chunk of the layer was read twice');
      if (release) delete held.table;
      return table;
    },
    releaseOnRead: () => void (release = true),
  };
}

/**
 * The builder's chunks as IPC streams in an OPFS file (as ingest's disk store keeps them): the
 * builder holds no report's rows, each part's rows are read back when its stream is written. An
 * empty chunk stays in memory (its IPC round trip would not give back the same table).
 */
function spilledChunkStore(file: SpillFile): ChunkStore {
  return {
    put(table) {
      if (table.numRows === 0) return { rows: 0, table };
      const bytes = tableToIPC(table, 'stream');
      return { rows: table.numRows, offset: file.append(bytes), length: bytes.byteLength };
    },
    get: (ref) => ref.table ?? tableFromIPC(file.read(ref.offset!, ref.length!)),
  };
}

const sha256 = async (bytes: Uint8Array): Promise<string> => hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));

/**
 * The layer of the records: for the page, the Arrow streams it loads (src/app/user/layer-arrow.ts)
 * of every report (copies of the dataset's too: src/db/user-layer.ts); for the zip, every report's dataset folder, byte for
 * byte what ingest writes for the same files (Parquet included).
 */
async function build(job: BuildJob): Promise<void> {
  /** What the build last said it does or waits on. */
  let at = '';
  const stage = (name: string) => {
    at = name;
    reply({ kind: 'building', id: job.id, stage: name });
  };
  /** This attempt's limit of one call into the browser (the page doubles it at each attempt). */
  const limit = job.waitMs ?? WAIT_LIMIT_MS;
  /** A call into the browser, bounded (./bounded-wait.ts): past its limit, the wait named by the last stage stalled. */
  const browser = <T>(waiting: Promise<T>): Promise<T> => bounded(waiting, () => at, limit);
  /** A file's SHA-256, bounded (the zip's files, the manifest, the layer's streams). */
  const hash = (bytes: Uint8Array): Promise<string> => browser(sha256(bytes));
  let spill: SpillFolder | null = null;
  let closed = false;
  try {
    // The page's layer goes through OPFS when it can (the zip, asked for now and then, in memory).
    if (job.stall) {
      stage(`${SPILL_STAGE} a call that never answers (test hook)`);
      await browser(new Promise<never>(() => {}));
    }
    if (!job.zip && job.spill !== false) spill = await browser(openSpillFolder(stage));
    stage(spill ? 'spill folder open' : 'in memory');
    // The reports stream from IndexedDB (in id order, as the builder takes them) into Arrow chunks.
    const memory = releasingChunkStore();
    const chunks = spill ? spilledChunkStore(await browser(spill.blocks())) : memory;
    const builder = new DatasetBuilder(divisions!, { chunks, sets: memorySetStore(), reports: memoryItemStore() });
    let count = 0;
    for await (const batch of recordBatches(undefined, undefined, stage)) {
      for (const record of batch) {
        builder.add(record);
        count++;
      }
      stage(`${count} reports read`);
    }
    if (job.zip) {
      const files: BuiltFile[] = [];
      const sink = async (path: string, bytes: Uint8Array) => {
        files.push({ path, bytes });
        stage(`${files.length} files written`);
        return { bytes: bytes.byteLength, sha256: await hash(bytes) };
      };
      const manifest = await writeDatasetFiles(sink, (text) => hash(new TextEncoder().encode(text)), builder.finish(), count);
      const bytes = folderZip(files);
      files.length = 0;
      self.postMessage({ kind: 'zipped', id: job.id, version: manifest.dataset_version, bytes } satisfies ImportWorkerReply, [bytes.buffer as ArrayBuffer]);
    } else {
      // The layer's views read the dataset's gazetteer (src/db/user-layer.ts): none of its 57,878 rows written here.
      const parts = builder.finish([], { jurisdictions: false });
      // Each part's rows are read once from here: they go as their stream is written (never held twice).
      memory.releaseOnRead();
      // Spilled: each stream goes to its file as it is written; the data worker reads them there.
      let written = 0;
      const hashing = (bytes: Uint8Array) => {
        stage(`hashing (${written} files written)`);
        return hash(bytes);
      };
      const folder = spill;
      const sink = folder ? (file: { path: string; bytes: Uint8Array }) => browser(folder.write(file.path, file.bytes)) : undefined;
      const { manifest, files } = await layerArrowFiles(parts, count, hashing, sink, () => stage(`${++written} files written`));
      // Closed before the answer: the page stops this worker once answered.
      closed = true;
      await spill?.close(false);
      self.postMessage({ kind: 'built', id: job.id, manifest, files, spill: spill?.name ?? null } satisfies ImportWorkerReply, files.map((f) => f.bytes.buffer as ArrayBuffer));
    }
  } catch (error) {
    if (error instanceof WaitStalled) reply({ kind: 'build-stalled', id: job.id, stage: error.message, ms: error.ms });
    else reply({ kind: 'build-failed', id: job.id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    // Failed: the folder goes; else its parts stay for the data worker, which removes it.
    if (!closed) await spill?.close(true);
  }
}

/** Takes the page's messages from here on (those that came before, in order, first). */
export const startImportWorker = () => (message: ImportWorkerInit | ImportJob | BuildJob): void => {
  if (message.kind === 'init') {
    if (message.stall) return;
    if (message.die) {
      void Promise.reject(new Error('import worker failed as it loaded (test hook)'));
      return;
    }
    init(message).then(
      () => reply({ kind: 'ready' }),
      (error: unknown) => reply({ kind: 'init-failed', message: error instanceof Error ? error.message : String(error) }),
    );
  } else if (message.kind === 'parse') {
    queued++;
    // Read with the files after it, ahead of the parse (./file-reads.ts); not at all past the size limit.
    const read = message.file.size > MAX_FILE_BYTES ? null : reads.add(message.file);
    // One file at a time, in the order sent (the pool hands a few ahead and counts on the order).
    parsing = parsing.then(() => {
      // Thrown outside the promise, as an uncaught error of a worker that dies.
      if (message.crash) return new Promise<void>(() => setTimeout(() => { throw new Error('import worker stopped by the test hook'); }));
      return parse(message, read);
    }).catch((error: unknown) => {
      // Anything else: the worker's own error, so the pool replaces it and fails the file.
      setTimeout(() => { throw error; });
    });
  } else if (message.kind === 'build') {
    void build(message);
  }
};
