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
import { emptyTally, type IngestTally, summariseIngest, tallyReport } from './summary';
import { collectSortedInputs, type InputFileList } from './walk';
import type { StoredAnswers, StoredOptions } from './stored-answers';
import { assertReplaceable, completeDataset, type StagedTables, writeTables } from './write-dataset';

/** Encoding jobs started ahead of the part being written (parquet-pool.ts; each holds its files' bytes until written). */
const PARQUET_AHEAD = 4;
/** Reports between two memory trace lines (GONGKAI_TRACE_MEMORY=1). */
const TRACE_EVERY = 10_000;

/** The Parquet encoding workers for `work` (none on one core), ended once it is done. */
async function withParquetPool<T>(work: (pool: ParquetPool | null) => Promise<T>): Promise<T> {
  const threads = parquetThreads();
  const pool = threads > 0 ? createParquetPool(threads) : null;
  try {
    return await work(pool);
  } finally {
    await pool?.close();
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
  // The rows wait on disk, beside the staging folders (a killed run's are removed by recoverDebris).
  const spill = await makeStaging(outDir);
  try {
    const written = await parseAndWriteTables(files, outDir, io, ledger, spill);
    // The dataset's rows (the builder, its parts) are unreachable from here on: the stored
    // answers' engine does not add to them (issue 17: ingest memory bounded).
    const { manifest, stored } = await completeDataset(written.staged, { stored: withStored, storedOptions });
    traceMemory('dataset written');
    await writeOut(io.stdout, summariseIngest(written.tally, manifest, outDir));
    await writeOut(io.stdout, `${summariseSimilar(written.similar)}\n`);
    if (ledger !== null) await writeOut(io.stdout, `${summariseCorrections(written.corrections).join('\n')}\n`);
    if (withStored) await writeOut(io.stdout, `${summariseStored(stored)}\n`);
    for (const { name, reason } of stored.skipped) await writeOut(io.stderr, `gongkai: stored answer ${name} not written (the page builds it as before): ${reason}\n`);
    for (const { what, reason } of stored.fallbacks) await writeOut(io.stderr, `gongkai: stored answers not bounded (${what}), each loaded what it needs instead: ${reason}\n`);
    return manifest;
  } finally {
    await rm(spill, { recursive: true, force: true });
  }
}

/** What ingest keeps of its rows once the tables are written: the staged tables and the figures of its summary. */
interface TablesWritten {
  staged: StagedTables;
  tally: IngestTally;
  similar: DatasetParts['similar'];
  corrections: readonly CorrectionRow[];
}

/**
 * Parses every file into the dataset builder and writes its tables (Parquet encoded by the
 * workers, closed before this returns). The builder, its parts and its spill files (in `spill`)
 * live in this call only: what it answers holds none of them, so they are collectable before the
 * stored answers start.
 */
async function parseAndWriteTables(files: InputFileList, outDir: string, io: Io, ledger: CorrectionLedger | null, spill: string): Promise<TablesWritten> {
  const stores = diskStores<SimilarReport>(spill);
  try {
    const progress = createProgress(files.length, io.stderr);
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
    const staged = await withParquetPool((pool) =>
      writeTables(outDir, pool ? { ...traced, groups: () => prefetchParquet(traced.groups(), pool, PARQUET_AHEAD) } : traced, files.length),
    );
    return { staged, tally, similar: parts.similar, corrections };
  } finally {
    stores.close();
  }
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
