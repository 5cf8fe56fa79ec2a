import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { DatasetParts } from './arrow-tables';
import type { Manifest } from '../shared/manifest';
import { type FileSink, writeManifestFile, writeTableFiles } from './dataset-files';
import { makeStaging, publishDataset } from './dataset-swap';
import { faultPoint } from './faults';
import { datasetWriteError } from './run-error';
import { type StoredAnswers, type StoredOptions, writeStoredAnswers } from './stored-answers';
import { traceMemory } from './memory-trace';
import { UsageError } from './usage-error';

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** Replacing a folder that is not a previous dataset (say `--out .`) would delete someone's files. */
export async function assertReplaceable(outDir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new UsageError(`cannot write the dataset to ${outDir}: ${(error as Error).message}`);
  }
  if (entries.length === 0 || entries.includes('manifest.json')) return;
  throw new UsageError(`refusing to replace ${outDir}: it is not empty and holds no manifest.json`);
}

export { PARTITION_MAX_BYTES, PARTITION_MAX_ROWS } from './dataset-files';

async function writeFileIn(dir: string, path: string, bytes: Uint8Array): Promise<{ bytes: number; sha256: string }> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  faultPoint('write');
  await writeFile(join(dir, path), bytes);
  return { bytes: bytes.byteLength, sha256: sha256(bytes) };
}

const sinkIn = (dir: string): FileSink => (path, bytes) => writeFileIn(dir, path, bytes);
const hashText = async (text: string): Promise<string> => sha256(text);

export interface WriteOptions {
  /** false: no stored answers (`--no-stored-answers`). Default true. */
  stored?: boolean;
  storedOptions?: StoredOptions;
}

/** A dataset's tables written into a staging folder (writeTables), waiting for its stored answers and manifest (completeDataset). */
export interface StagedTables {
  target: string;
  staging: string;
  /** The manifest so far: every table, the Parquet files, the summary; no stored answers. */
  tables: Manifest;
}

/**
 * Writes every table as Arrow IPC stream partitions + Hive-partitioned Parquet and summary.json
 * into a new staging folder beside `outDir`. What it answers holds nothing of `parts`: ingest lets
 * the rows go here, before the stored answers' engine starts (completeDataset). A file-system
 * error (disk full) is reported plainly, and the staging folder removed.
 */
export async function writeTables(outDir: string, parts: DatasetParts, generatedFrom: number): Promise<StagedTables> {
  const target = resolve(outDir);
  await assertReplaceable(target);
  let staging: string | null = null;
  try {
    staging = await makeStaging(target);
    const tables = await writeTableFiles(sinkIn(staging), hashText, parts, generatedFrom);
    return { target, staging, tables };
  } catch (error) {
    if (staging) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw datasetWriteError(error, target);
  }
}

/**
 * The stored answers (stored-answers.ts, built from the tables staged), then manifest.json, and the
 * staging folder made current with one atomic rename (dataset-swap.ts), so readers never see half a
 * dataset. A file-system error is reported plainly and leaves the previous dataset as it was.
 */
export async function completeDataset(staged: StagedTables, options: WriteOptions = {}): Promise<{ manifest: Manifest; stored: StoredAnswers }> {
  const { stored: withStored = true, storedOptions = {} } = options;
  const { target, staging, tables } = staged;
  try {
    const sink = sinkIn(staging);
    const stored: StoredAnswers = { files: {}, skipped: [], fallbacks: [], seconds: 0 };
    if (withStored) {
      traceMemory('tables written');
      Object.assign(stored, await writeStoredAnswers(staging, tables, sink, storedOptions));
      traceMemory('stored answers written');
    }
    const manifest = await writeManifestFile(sink, tables, withStored ? stored.files : undefined);
    await publishDataset(staging, target, manifest.dataset_version);
    return { manifest, stored };
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw datasetWriteError(error, target);
  }
}

/** writeTables then completeDataset: the whole dataset from `parts` (which stay reachable throughout: ingest calls the two itself). */
export async function writeDataset(outDir: string, parts: DatasetParts, generatedFrom: number, options: WriteOptions = {}): Promise<{ manifest: Manifest; stored: StoredAnswers }> {
  return completeDataset(await writeTables(outDir, parts, generatedFrom), options);
}
