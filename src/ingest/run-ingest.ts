import { rm } from 'node:fs/promises';
import { DatasetBuilder, type DatasetParts } from './arrow-tables';
import { diskStores } from './chunk-store-disk';
import { type CorrectionLedger, loadCorrections, summariseCorrections } from './corrections';
import { acquireWriterLock, makeStaging, recoverDebris } from './dataset-swap';
import type { SimilarReport } from './similar/similar-pairs';
import type { CorrectionRow } from '../parse/corrections';
import type { Manifest } from '../shared/manifest';
import { type Io, writeOut } from './output';
import { sharedGazetteer } from './jurisdiction';
import { createProgress } from './progress';
import { traceGroups, traceMemory } from './memory-trace';
import { withParsePool } from './parse-pool';
import { createParquetPool, type ParquetPool, parquetThreads, prefetchParquet } from './parquet-pool';
import { readReportsInOrder } from './read-report';
import { emptyTally, summariseIngest, tallyReport } from './summary';
import { collectSortedInputs, type InputFileList } from './walk';
import type { StoredAnswers, StoredOptions } from './stored-answers';
import { assertReplaceable, writeDataset } from './write-dataset';

/** Encoding jobs started ahead of the part being written (parquet-pool.ts; each holds its files' bytes until written). */
const PARQUET_AHEAD = 4;
/** Reports between two memory trace lines (GONGKAI_TRACE_MEMORY=1). */
const TRACE_EVERY = 10_000;

/**
 * The Parquet encoding workers, for `work`; `close` ends them early (ingest does once the tables
 * are written, so the stored answers' engine does not share the process with the workers' heaps).
 */
async function withParquetPool<T>(work: (pool: ParquetPool | null, close: () => Promise<void>) => Promise<T>): Promise<T> {
  const threads = parquetThreads();
  const pool = threads > 0 ? createParquetPool(threads) : null;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => (closed ??= pool?.close() ?? Promise.resolve());
  try {
    return await work(pool, close);
  } finally {
    await close();
  }
}

export interface IngestOptions {
  /** A corrections.csv to apply (src/shared/corrections.ts). */
  corrections?: string;
  /** false: no stored answers (`--no-stored-answers`; the page builds them as for an older dataset). Default true. */
  storedAnswers?: boolean;
  /** The page's EAGER_DETAIL_ROWS, lower in tests: a dataset with more reports is national (its stored answers: stored-answers.ts). */
  eagerDetailRows?: number;
}

export async function runIngest(inputs: readonly string[], outDir: string, io: Io, options: IngestOptions = {}): Promise<Manifest> {
  // Read first: a bad corrections file is a usage error before any parsing.
  const ledger = options.corrections === undefined ? null : await loadCorrections(options.corrections);
  // In id order, the order of the dataset's rows: each report goes into its Arrow chunk as it comes.
  const files = await collectSortedInputs(inputs);
  // Checked again on writing; this spares a long parse that could never be written.
  await assertReplaceable(outDir);
  const release = await acquireWriterLock(outDir);
  try {
    for (const line of await recoverDebris(outDir)) await writeOut(io.stderr, `gongkai: ${line}\n`);
    return await ingestLocked(files, outDir, io, ledger, options.storedAnswers !== false, { eagerDetailRows: options.eagerDetailRows });
  } finally {
    await release();
  }
}

async function ingestLocked(files: InputFileList, outDir: string, io: Io, ledger: CorrectionLedger | null, withStored: boolean, storedOptions: StoredOptions): Promise<Manifest> {
  const progress = createProgress(files.length, io.stderr);
  // The rows wait on disk, beside the staging folders (a killed run's are removed by recoverDebris).
  const spill = await makeStaging(outDir);
  const stores = diskStores<SimilarReport>(spill);
  try {
    const builder = new DatasetBuilder(sharedGazetteer, stores);
    const tally = emptyTally();
    let done = 0;
    await withParsePool(files.length, async (pool) => {
      for await (const parsed of readReportsInOrder(files, pool.parseResolved, pool.threads * 2 + 2)) {
        const record = ledger ? ledger.apply(parsed) : parsed;
        builder.add(record);
        tallyReport(tally, record);
        progress.tick();
        if (++done % TRACE_EVERY === 0) traceMemory(`parsed ${done}`);
      }
    });
    progress.done();
    traceMemory('parse done');
    const corrections = ledger?.finalRows() ?? [];
    const parts = builder.finish(corrections);
    traceMemory('copied-report search done');
    const traced = { ...parts, groups: () => traceGroups(parts.groups()) };
    const { manifest, stored } = await withParquetPool((pool, close) =>
      writeDataset(outDir, pool ? { ...traced, groups: () => prefetchParquet(traced.groups(), pool, PARQUET_AHEAD) } : traced, files.length, { stored: withStored, storedOptions, tablesWritten: close }),
    );
    traceMemory('dataset written');
    await printSummary(io, tally, manifest, outDir, parts, corrections, ledger !== null);
    if (withStored) await writeOut(io.stdout, `${summariseStored(stored)}\n`);
    for (const { name, reason } of stored.skipped) await writeOut(io.stderr, `gongkai: stored answer ${name} not written (the page builds it as before): ${reason}\n`);
    return manifest;
  } finally {
    stores.close();
    await rm(spill, { recursive: true, force: true });
  }
}

async function printSummary(io: Io, tally: ReturnType<typeof emptyTally>, manifest: Manifest, outDir: string, parts: DatasetParts, corrections: readonly CorrectionRow[], withLedger: boolean): Promise<void> {
  await writeOut(io.stdout, summariseIngest(tally, manifest, outDir));
  await writeOut(io.stdout, `${summariseSimilar(parts.similar)}\n`);
  if (withLedger) await writeOut(io.stdout, `${summariseCorrections(corrections).join('\n')}\n`);
}

/** The stored answers in one line (bench/ingest.ts reads it back: keep its shape). */
export function summariseStored(s: StoredAnswers): string {
  const files = Object.values(s.files);
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  return `stored answers: ${files.length} tables, ${files.reduce((n, f) => n + f.rows, 0)} rows, ${mb(files.reduce((n, f) => n + f.bytes, 0))} MB (${mb(files.reduce((n, f) => n + f.arrow_bytes, 0))} MB as loaded) in ${s.seconds.toFixed(1)} s`;
}

/** The copied-report search in one line (bench/ingest.ts reads it back: keep its shape). */
export const summariseSimilar = (s: DatasetParts['similar']): string =>
  `copied reports: ${s.pairs} pairs among ${s.reports} reports (${s.compared} compared, ${s.candidates} candidate pairs) in ${s.seconds.toFixed(1)} s`;
