// The files of a dataset folder and its manifest, from the dataset's parts: the one layout both
// `gongkai ingest` (write-dataset.ts, to disk) and the page (the user's imported layer, to a zip)
// write, so the same reports give the same bytes. Isomorphic: the caller stores each file and
// gives the SHA-256 of a text.
import { type Table, tableToIPC } from 'apache-arrow';
import { bufferBytes, concatTables, TABLE_NAMES, type DatasetParts, type TablePart } from './arrow-tables';
import { datasetVersionInput, parseManifest, SCHEMA_VERSION, type Manifest } from '../shared/manifest';
import { parseSummary, SUMMARY_FILE } from '../shared/summary';
import { buildDatasetSummary, summaryJson } from './dataset-summary';
import { tableToParquet } from '../shared/parquet';
import { ARROW_FILE_SUFFIX } from '../shared/arrow-file';
import { type ArrowFile, arrowFile } from './encode-parts';

export const PARQUET_ROOT = 'parquet';

/** Above either bound one province's rows of a table are stored per year (the page loads a whole file). */
export const PARTITION_MAX_ROWS = 500_000;
export const PARTITION_MAX_BYTES = 64 * 1024 * 1024;

/** Stores one file of the dataset (path relative to the folder); answers its size and SHA-256. */
export type FileSink = (path: string, bytes: Uint8Array) => Promise<{ bytes: number; sha256: string }>;
export type TextHash = (text: string) => Promise<string>;

const yearKey = (year: number | null | undefined): string => (year === null ? 'none' : String(year));

/** `parquet/<table>/province=…/report_year=…/part-0.parquet`; `all` where a part is not split that way. */
const parquetPath = (part: TablePart): string =>
  `${PARQUET_ROOT}/${part.table}/province=${part.province ?? 'all'}/report_year=${part.year === undefined ? 'all' : yearKey(part.year)}/part-0.parquet`;

/** `arrow/<table>[/<province>[-<year>]].arrows.gz` (shared/arrow-file.ts). */
const arrowPath = (table: string, province: string | undefined, year?: number | null): string =>
  `arrow/${table}/${province ?? 'all'}${year === undefined ? '' : `-${yearKey(year)}`}${ARROW_FILE_SUFFIX}`;

/** A group stored one Arrow file per year (its parts), rather than one file: above either bound. */
export function storedByYear(group: readonly TablePart[]): boolean {
  const rows = group.reduce((n, p) => n + (p.numRows ?? p.rows.numRows), 0);
  return group.length > 1 && (rows > PARTITION_MAX_ROWS || group.reduce((n, p) => n + (p.bytes ?? bufferBytes(p.rows)), 0) > PARTITION_MAX_BYTES);
}

/**
 * One group (a table's rows of one province, or a shared part): each part as Parquet; as Arrow,
 * the group in one file, or one file per year when the group is large. A part's rows are taken
 * once (they may be read back from disk) and let go before the next part's: a large group is
 * never held whole, and a small one (under the bounds) is what one Arrow file holds anyway.
 * Where the files were encoded ahead (parquet-pool.ts: `parquet`, `arrow`, `groupArrow`) the rows
 * are not read at all.
 */
async function writeGroup(sink: FileSink, group: readonly TablePart[], manifest: Pick<Manifest, 'tables' | 'parquet'>): Promise<void> {
  const { table, province } = group[0];
  const entry = (manifest.tables[table] ??= { rows: 0, partitions: [] });
  const rowsOf = (p: TablePart): number => p.numRows ?? p.rows.numRows;
  const rows = group.reduce((n, p) => n + rowsOf(p), 0);
  const split = storedByYear(group);
  const writeArrow = async (encoded: ArrowFile, rowCount: number, year: number | null | undefined): Promise<void> => {
    const path = arrowPath(table, province, year);
    const written = await sink(path, encoded.file);
    entry.partitions.push({ path, rows: rowCount, ...written, arrow_bytes: encoded.ipcBytes, ...(province === undefined ? {} : { province }), ...(year === undefined ? {} : { year }) });
  };
  const wholeAhead = split ? undefined : group[0].groupArrow;
  const whole: Table[] = [];
  for (const part of group) {
    const ahead = part.parquet && (split ? part.arrow : true) ? part : null;
    const partRows = ahead ? null : part.rows;
    const file = await sink(parquetPath(part), ahead ? await ahead.parquet! : tableToParquet(partRows!));
    const count = partRows?.numRows ?? rowsOf(part);
    manifest.parquet.files.push({ path: parquetPath(part), table, rows: count, ...file });
    if (split) await writeArrow(ahead ? await ahead.arrow! : arrowFile(tableToIPC(partRows!, 'stream')), count, part.year);
    else if (!wholeAhead) whole.push(partRows ?? part.rows);
  }
  if (!split) await writeArrow(wholeAhead ? await wholeAhead : arrowFile(tableToIPC(concatTables(whole), 'stream')), rows, undefined);
  entry.rows += rows;
}

const encoder = new TextEncoder();

/**
 * Every table as Arrow IPC stream partitions + Hive-partitioned Parquet, then the Parquet README and
 * summary.json (each through `sink`, in this order). Returns the manifest so far: everything but
 * the stored answers, not yet written (writeManifestFile). What it answers holds none of `parts`,
 * so a caller that lets `parts` go keeps only this.
 */
export async function writeTableFiles(sink: FileSink, hash: TextHash, parts: DatasetParts, generatedFrom: number): Promise<Manifest> {
  const written: Pick<Manifest, 'tables' | 'parquet'> = { tables: {}, parquet: { layout: 'hive', root: PARQUET_ROOT, files: [] } };
  for (const name of TABLE_NAMES) written.tables[name] = { rows: 0, partitions: [] };
  for (const group of parts.groups()) await writeGroup(sink, group, written);
  await sink(`${PARQUET_ROOT}/README.md`, encoder.encode(parquetReadme(written.parquet.files.length)));
  const datasetVersion = await hash(datasetVersionInput(written.tables, written.parquet));
  // Validated before writing: a summary the browser would reject must fail the ingest instead.
  const summary = parseSummary(buildDatasetSummary(parts.rollups, datasetVersion));
  const summaryText = summaryJson(summary);
  await sink(SUMMARY_FILE, encoder.encode(summaryText));
  return {
    schema_version: SCHEMA_VERSION,
    dataset_version: datasetVersion,
    generated_from: generatedFrom,
    summary: SUMMARY_FILE,
    summary_sha256: await hash(summaryText),
    tables: written.tables,
    parquet: written.parquet,
  };
}

/** manifest.json, last: the manifest so far (writeTableFiles) with the stored answers, if any (ingest's; the page's import stores none). */
export async function writeManifestFile(sink: FileSink, tables: Manifest, stored?: Manifest['stored']): Promise<Manifest> {
  const manifest: Manifest = stored ? { ...tables, stored } : tables;
  parseManifest(manifest);
  await sink('manifest.json', encoder.encode(manifestJson(manifest)));
  return manifest;
}

/** Every file of a dataset without stored answers (the page's import): writeTableFiles, then manifest.json. */
export async function writeDatasetFiles(sink: FileSink, hash: TextHash, parts: DatasetParts, generatedFrom: number): Promise<Manifest> {
  return writeManifestFile(sink, await writeTableFiles(sink, hash, parts, generatedFrom));
}

export const manifestJson = (manifest: Manifest): string => `${JSON.stringify(manifest, null, 2)}\n`;

/** Beside the Parquet copy, for whoever finds the folder without the project's README. */
const parquetReadme = (files: number): string => `# Gongkai dataset, Hive-partitioned Parquet (${files} files)

One folder per table; rows of one province (two-digit code, \`none\` when unresolved, \`all\` for rows
shared by every province) and one report year (\`none\` when unknown, \`all\` where not split) per file:

    <table>/province=<pp>/report_year=<yyyy>/part-0.parquet

Read a table whole with any engine that knows Hive partitioning, for example DuckDB:

    SELECT * FROM read_parquet('parquet/facts_wide/*/*/*.parquet', hive_partitioning = true);

Spark, Trino and Polars read the same layout. The columns are described in the project's README.

\`similar_pairs\` keeps a pair of reports of two provinces in both provinces' folders, so that one
province's files hold every pair of its reports; over several provinces, count pairs
\`WHERE is_primary\` (true on the copy in report_a's province).
`;
