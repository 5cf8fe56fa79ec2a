import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type Table, tableToIPC } from 'apache-arrow';
import { bufferBytes, concatTables, TABLE_NAMES, type DatasetParts, type TablePart } from './arrow-tables';
import { datasetVersionInput, parseManifest, SCHEMA_VERSION, type Manifest } from '../shared/manifest';
import { parseSummary, SUMMARY_FILE } from '../shared/summary';
import { buildDatasetSummary, summaryJson } from './dataset-summary';
import { tableToParquet } from '../shared/parquet';
import { makeStaging, publishDataset } from './dataset-swap';
import { faultPoint } from './faults';
import { datasetWriteError } from './run-error';
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

const PARQUET_ROOT = 'parquet';

/** Above either bound one province's rows of a table are stored per year (the page loads a whole file). */
export const PARTITION_MAX_ROWS = 500_000;
export const PARTITION_MAX_BYTES = 64 * 1024 * 1024;

async function writeFileIn(dir: string, path: string, bytes: Uint8Array): Promise<{ bytes: number; sha256: string }> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  faultPoint('write');
  await writeFile(join(dir, path), bytes);
  return { bytes: bytes.byteLength, sha256: sha256(bytes) };
}

const yearKey = (year: number | null | undefined): string => (year === null ? 'none' : String(year));

/** `parquet/<table>/province=…/report_year=…/part-0.parquet`; `all` where a part is not split that way. */
const parquetPath = (part: TablePart): string =>
  `${PARQUET_ROOT}/${part.table}/province=${part.province ?? 'all'}/report_year=${part.year === undefined ? 'all' : yearKey(part.year)}/part-0.parquet`;

/** `arrow/<table>[/<province>[-<year>]].arrows`. */
const arrowPath = (table: string, province: string | undefined, year?: number | null): string =>
  `arrow/${table}/${province ?? 'all'}${year === undefined ? '' : `-${yearKey(year)}`}.arrows`;

/**
 * One group (a table's rows of one province, or a shared part): each part as Parquet; as Arrow,
 * the group in one file, or one file per year when the group is large. A part's rows are taken
 * once (they may be read back from disk) and let go before the next part's: a large group is
 * never held whole, and a small one (under the bounds) is what one Arrow file holds anyway.
 */
async function writeGroup(dir: string, group: readonly TablePart[], manifest: Pick<Manifest, 'tables' | 'parquet'>): Promise<void> {
  const { table, province } = group[0];
  const entry = (manifest.tables[table] ??= { rows: 0, partitions: [] });
  const rowsOf = (p: TablePart): number => p.numRows ?? p.rows.numRows;
  const rows = group.reduce((n, p) => n + rowsOf(p), 0);
  const split = group.length > 1 && (rows > PARTITION_MAX_ROWS || group.reduce((n, p) => n + (p.bytes ?? bufferBytes(p.rows)), 0) > PARTITION_MAX_BYTES);
  const writeArrow = async (rowsIn: Table, year: number | null | undefined): Promise<void> => {
    const path = arrowPath(table, province, year);
    const written = await writeFileIn(dir, path, tableToIPC(rowsIn, 'stream'));
    entry.partitions.push({ path, rows: rowsIn.numRows, ...written, ...(province === undefined ? {} : { province }), ...(year === undefined ? {} : { year }) });
  };
  const whole: Table[] = [];
  for (const part of group) {
    const partRows = part.rows;
    const file = await writeFileIn(dir, parquetPath(part), tableToParquet(partRows));
    manifest.parquet.files.push({ path: parquetPath(part), table, rows: partRows.numRows, ...file });
    if (split) await writeArrow(partRows, part.year);
    else whole.push(partRows);
  }
  if (!split) await writeArrow(concatTables(whole), undefined);
  entry.rows += rows;
}

/**
 * Writes every table as Arrow IPC stream partitions + Hive-partitioned Parquet, then summary.json,
 * then manifest.json, into a staging folder, and makes it current with one atomic rename
 * (dataset-swap.ts), so readers never see half a dataset. A file-system error (disk full) is
 * reported plainly and leaves the previous dataset as it was.
 */
export async function writeDataset(outDir: string, parts: DatasetParts, generatedFrom: number): Promise<Manifest> {
  const target = resolve(outDir);
  await assertReplaceable(target);
  let staging: string | null = null;
  try {
    staging = await makeStaging(target);
    const written: Pick<Manifest, 'tables' | 'parquet'> = { tables: {}, parquet: { layout: 'hive', root: PARQUET_ROOT, files: [] } };
    for (const name of TABLE_NAMES) written.tables[name] = { rows: 0, partitions: [] };
    for (const group of parts.groups()) await writeGroup(staging, group, written);
    await writeFile(join(staging, PARQUET_ROOT, 'README.md'), parquetReadme(written.parquet.files.length));
    const datasetVersion = sha256(datasetVersionInput(written.tables, written.parquet));
    // Validated before writing: a summary the browser would reject must fail the ingest instead.
    const summary = parseSummary(buildDatasetSummary(parts.rollups, datasetVersion));
    const summaryText = summaryJson(summary);
    await writeFile(join(staging, SUMMARY_FILE), summaryText);
    const manifest: Manifest = {
      schema_version: SCHEMA_VERSION,
      dataset_version: datasetVersion,
      generated_from: generatedFrom,
      summary: SUMMARY_FILE,
      summary_sha256: sha256(summaryText),
      tables: written.tables,
      parquet: written.parquet,
    };
    parseManifest(manifest);
    await writeFile(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await publishDataset(staging, target, datasetVersion);
    return manifest;
  } catch (error) {
    if (staging) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw datasetWriteError(error, target);
  }
}

/** Beside the Parquet copy, for whoever finds the folder without the project's README. */
const parquetReadme = (files: number): string => `# Gongkai dataset, Hive-partitioned Parquet (${files} files)

One folder per table; rows of one province (two-digit code, \`none\` when unresolved, \`all\` for rows
shared by every province) and one report year (\`none\` when unknown, \`all\` where not split) per file:

    <table>/province=<pp>/report_year=<yyyy>/part-0.parquet

Read a table whole with any engine that knows Hive partitioning, for example DuckDB:

    SELECT * FROM read_parquet('parquet/facts_wide/*/*/*.parquet', hive_partitioning = true);

Spark, Trino and Polars read the same layout. The columns are described in the project's README.
`;
