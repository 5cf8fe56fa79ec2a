import { createHash } from 'node:crypto';
import { access, chmod, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { type Table, tableToIPC } from 'apache-arrow';
import { TABLE_NAMES, type DatasetTables } from './arrow-tables';
import { datasetVersionInput, SCHEMA_VERSION, type Manifest, type ManifestTable } from '../shared/manifest';
import { parseSummary, SUMMARY_FILE } from '../shared/summary';
import { buildDatasetSummary, summaryJson } from './dataset-summary';
import { tableToParquet } from '../shared/parquet';
import { UsageError } from './usage-error';

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

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

async function writeTableFiles(dir: string, name: string, table: Table): Promise<ManifestTable> {
  const files = { arrow: `${name}.arrows`, parquet: `${name}.parquet` };
  const arrow = tableToIPC(table, 'stream');
  const parquet = tableToParquet(table);
  await writeFile(join(dir, files.arrow), arrow);
  await writeFile(join(dir, files.parquet), parquet);
  return {
    rows: table.numRows,
    files,
    bytes: { arrow: arrow.byteLength, parquet: parquet.byteLength },
    sha256: { arrow: sha256(arrow), parquet: sha256(parquet) },
  };
}

/**
 * Writes every table as Arrow IPC stream + Parquet, then summary.json, then manifest.json, into a
 * temp folder beside `outDir`, and swaps it into place, so readers never see half a dataset.
 */
export async function writeDataset(outDir: string, tables: DatasetTables, generatedFrom: number): Promise<Manifest> {
  const target = resolve(outDir);
  await assertReplaceable(target);
  await mkdir(dirname(target), { recursive: true });
  const staging = await mkdtemp(join(dirname(target), `.${basename(target)}.tmp-`));
  try {
    await chmod(staging, 0o755);
    const manifestTables: Manifest['tables'] = {};
    for (const name of TABLE_NAMES) manifestTables[name] = await writeTableFiles(staging, name, tables[name]);
    const datasetVersion = sha256(datasetVersionInput(manifestTables));
    // Validated before writing: a summary the browser would reject must fail the ingest instead.
    const summary = parseSummary(buildDatasetSummary(tables, datasetVersion));
    await writeFile(join(staging, SUMMARY_FILE), summaryJson(summary));
    const manifest: Manifest = {
      schema_version: SCHEMA_VERSION,
      dataset_version: datasetVersion,
      generated_from: generatedFrom,
      summary: SUMMARY_FILE,
      tables: manifestTables,
    };
    await writeFile(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await swapInto(staging, target);
    return manifest;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function swapInto(staging: string, target: string): Promise<void> {
  if (!(await exists(target))) {
    await rename(staging, target);
    return;
  }
  const previous = `${staging}-previous`;
  await rename(target, previous);
  try {
    await rename(staging, target);
  } catch (error) {
    await rename(previous, target);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}
