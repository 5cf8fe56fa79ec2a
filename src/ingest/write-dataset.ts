import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { DatasetParts } from './arrow-tables';
import type { Manifest } from '../shared/manifest';
import { writeDatasetFiles } from './dataset-files';
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

export interface WriteOptions {
  /** false: no stored answers (`--no-stored-answers`). Default true. */
  stored?: boolean;
  storedOptions?: StoredOptions;
  /**
   * Called once every table is written, before the stored answers are built: ingest closes its
   * Parquet encoding workers here, so their heaps are gone while the answers' engine grows.
   */
  tablesWritten?: () => Promise<void>;
}

/**
 * Writes every table as Arrow IPC stream partitions + Hive-partitioned Parquet, then summary.json,
 * the stored answers (stored-answers.ts), then manifest.json, into a staging folder, and makes it current with one atomic rename
 * (dataset-swap.ts), so readers never see half a dataset. A file-system error (disk full) is
 * reported plainly and leaves the previous dataset as it was.
 */
export async function writeDataset(outDir: string, parts: DatasetParts, generatedFrom: number, options: WriteOptions = {}): Promise<{ manifest: Manifest; stored: StoredAnswers }> {
  const { stored: withStored = true, storedOptions = {}, tablesWritten } = options;
  const target = resolve(outDir);
  await assertReplaceable(target);
  let staging: string | null = null;
  try {
    staging = await makeStaging(target);
    const dir = staging;
    const sink = (path: string, bytes: Uint8Array) => writeFileIn(dir, path, bytes);
    const stored: StoredAnswers = { files: {}, skipped: [], seconds: 0 };
    const manifest = await writeDatasetFiles(sink, async (text) => sha256(text), parts, generatedFrom, async (written) => {
      await tablesWritten?.();
      if (!withStored) return undefined;
      traceMemory('tables written');
      Object.assign(stored, await writeStoredAnswers(dir, written, sink, storedOptions));
      traceMemory('stored answers written');
      return stored.files;
    });
    const datasetVersion = manifest.dataset_version;
    await publishDataset(staging, target, datasetVersion);
    return { manifest, stored };
  } catch (error) {
    if (staging) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw datasetWriteError(error, target);
  }
}
