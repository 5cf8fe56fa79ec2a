// Isomorphic on purpose (no node:* imports): the ingest CLI writes and the browser validates the same manifest.

/**
 * 2: report text moved to its own `texts` table, facts_wide gained issuer/jurisdiction/…, summary.json.
 * 3: division columns and the `jurisdictions` table. 4: tables in partitions (per province, and
 * per year when large), `rollups`, the town gazetteer per province, Hive-partitioned Parquet.
 * 5: `bodies`, one row per body with its name, so names never need every province's reports.
 * 6: `similar_pairs`, reports whose narratives are near copies, with the shared passages.
 * 7: corrections: `values` gains split, printed_value, corrected, correction_note/author; `checks`
 * gains basis (printed | corrected); the `corrections` table.
 * 8: `facts_wide` (and `rollups`) gain every figure of section 二 and the fees collected, so every
 * metric the forms print is pickable.
 * 9: the table files are gzip-compressed Arrow streams (`.arrows.gz`, shared/arrow-file.ts); sizes
 * and hashes are the stored bytes'.
 * 10: `values` gains inferred (a figure the narrative implies but does not print). Optional within 10:
 * `stored`, the stored answers (a dataset without them is read as before).
 * 11: `similar_pairs` is stored in the partition of each report's province (a pair of two provinces
 * twice) and gains is_primary (true on the row in report_a's province: the one row to count).
 * 12: `rollups` gains narrative_by_year, table2019_by_year, table2021_by_year (reports given that
 * template by their year alone, not printing it) and summary.json's by_template rows `by_year`.
 */
export const SCHEMA_VERSION = 12;
export const REQUIRED_TABLES = ['reports', 'texts', 'values', 'checks', 'facts_wide', 'jurisdictions', 'rollups', 'failing', 'bodies', 'similar_pairs', 'corrections'] as const;

/** A file of the dataset; `path` is relative to the manifest, with `/` between folders. */
export interface ManifestFile {
  path: string;
  rows: number;
  bytes: number;
  sha256: string;
}

/** The province key of rows with no resolved province. */
export const NO_PROVINCE = 'none';

/**
 * One Arrow IPC stream file of a table, gzip-compressed (shared/arrow-file.ts). `province` (two digits, or `none`) is absent for rows
 * every view needs (the divisions down to county level, the rollups); `year` is present only
 * where one province's rows were split by year.
 */
export interface ManifestPartition extends ManifestFile {
  province?: string;
  year?: number | null;
  /** Bytes of the Arrow stream once decompressed (what the page's memory budget counts); absent: `bytes`. */
  arrow_bytes?: number;
}

/** What a partition weighs once loaded: its decompressed Arrow stream. */
export const loadedBytes = (partition: ManifestPartition): number => partition.arrow_bytes ?? partition.bytes;

export interface ManifestTable {
  rows: number;
  partitions: ManifestPartition[];
}

/** A Parquet copy of the dataset for other engines, Hive-partitioned: `<table>/province=…/report_year=…/part-0.parquet`. */
export interface ParquetCopy {
  layout: 'hive';
  root: string;
  files: (ManifestFile & { table: string })[];
}

export interface Manifest {
  schema_version: number;
  /** sha256 of the `sha256sum`-style listing of every data file (Arrow and Parquet), sorted by path. */
  dataset_version: string;
  /** Number of input files, failed ones included. */
  generated_from: number;
  /**
   * File name of the precomputed summary (see summary.ts), relative to the manifest. It is written
   * after the dataset version is known and is not part of the hash input.
   */
  summary?: string;
  /** sha256 of the summary file's bytes: the page paints it only when they match. */
  summary_sha256?: string;
  tables: Record<string, ManifestTable>;
  parquet: ParquetCopy;
  /**
   * Stored answers (src/ingest/stored-answers.ts): pre-aggregates written at ingest, by table name
   * (`pre_…`), each one gzipped Arrow stream the page loads on first use instead of building the
   * table. Derived from the tables above, so not part of the dataset version. Absent: none.
   */
  stored?: Record<string, ManifestStored>;
}

export interface ManifestStored extends ManifestFile {
  /** Bytes of the Arrow stream once decompressed. */
  arrow_bytes: number;
  /**
   * SHA-256 of the SQL that made it (preaggregateFingerprint, src/db/sql/preaggregated.ts): the page
   * loads it only while its own definition hashes the same, else builds as for an older dataset.
   */
  sql_sha256?: string;
}

const STORED_NAME = /^pre_[a-z0-9_]+$/;

const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The text whose sha256 is the dataset version: `<sha256>  <path>\n` per data file, sorted by path. */
export function datasetVersionInput(tables: Manifest['tables'], parquet: Pick<ParquetCopy, 'files'>): string {
  const files = [...Object.values(tables).flatMap((t) => t.partitions), ...parquet.files].sort(byPath);
  return files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
}

/**
 * The partitions a query over `provinces` (and `years`) needs: the shared ones and those
 * provinces' own (of those years, where a province is split by year). Absent: no restriction.
 */
export function partitionsFor(table: ManifestTable, provinces?: readonly string[], years?: readonly (number | null)[]): ManifestPartition[] {
  return table.partitions.filter(
    (p) =>
      (!provinces || p.province === undefined || provinces.includes(p.province)) &&
      (!years || p.year === undefined || years.includes(p.year)),
  );
}

const SHA256 = /^[0-9a-f]{64}$/;
const PLAIN_FILE_NAME = /^[A-Za-z0-9_.-]+$/;
const PATH_SEGMENT = /^[A-Za-z0-9_.=-]+$/;
const PROVINCE_KEY = /^(\d{2}|none)$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isPlainFileName = (value: unknown): value is string =>
  typeof value === 'string' && PLAIN_FILE_NAME.test(value) && value !== '.' && value !== '..';
/** Relative, inside the dataset folder: no absolute paths, no `..`, no backslashes. */
const isDatasetPath = (value: unknown): value is string =>
  typeof value === 'string' && value.split('/').every((s) => PATH_SEGMENT.test(s) && s !== '.' && s !== '..');

/** Every problem found, as readable messages; an empty list means the manifest is valid. */
export function validateManifest(value: unknown): string[] {
  if (!isRecord(value)) return ['manifest: not an object'];
  const errors: string[] = [];
  if (value.schema_version !== SCHEMA_VERSION) errors.push(`schema_version: expected ${SCHEMA_VERSION}, got ${JSON.stringify(value.schema_version)}`);
  if (typeof value.dataset_version !== 'string' || !SHA256.test(value.dataset_version)) errors.push('dataset_version: not a sha256 hex string');
  if (!isCount(value.generated_from)) errors.push('generated_from: not a non-negative integer');
  if (value.summary !== undefined && !isPlainFileName(value.summary)) errors.push('summary: not a plain file name');
  if (value.summary_sha256 !== undefined && !(typeof value.summary_sha256 === 'string' && /^[0-9a-f]{64}$/.test(value.summary_sha256))) errors.push('summary_sha256: not a sha256');
  errors.push(...validateParquet(value.parquet));
  if (!isRecord(value.tables)) return [...errors, 'tables: not an object'];
  for (const name of REQUIRED_TABLES) if (!(name in value.tables)) errors.push(`tables.${name}: missing`);
  for (const [name, table] of Object.entries(value.tables)) errors.push(...validateTable(`tables.${name}`, table));
  if (value.stored !== undefined) errors.push(...validateStored(value.stored));
  return errors;
}

function validateFile(at: string, file: unknown): string[] {
  if (!isRecord(file)) return [`${at}: not an object`];
  const errors: string[] = [];
  if (!isDatasetPath(file.path)) errors.push(`${at}.path: invalid`);
  if (!isCount(file.rows)) errors.push(`${at}.rows: not a non-negative integer`);
  if (!isCount(file.bytes)) errors.push(`${at}.bytes: not a non-negative integer`);
  if (typeof file.sha256 !== 'string' || !SHA256.test(file.sha256)) errors.push(`${at}.sha256: invalid`);
  return errors;
}

function validateTable(at: string, table: unknown): string[] {
  if (!isRecord(table)) return [`${at}: not an object`];
  const errors: string[] = [];
  if (!isCount(table.rows)) errors.push(`${at}.rows: not a non-negative integer`);
  if (!Array.isArray(table.partitions) || table.partitions.length === 0) return [...errors, `${at}.partitions: not a non-empty list`];
  table.partitions.forEach((partition: unknown, i) => {
    const here = `${at}.partitions[${i}]`;
    errors.push(...validateFile(here, partition));
    if (!isRecord(partition)) return;
    if (partition.province !== undefined && !(typeof partition.province === 'string' && PROVINCE_KEY.test(partition.province))) errors.push(`${here}.province: invalid`);
    if (partition.year !== undefined && partition.year !== null && !(Number.isInteger(partition.year))) errors.push(`${here}.year: invalid`);
    if (partition.arrow_bytes !== undefined && !isCount(partition.arrow_bytes)) errors.push(`${here}.arrow_bytes: not a non-negative integer`);
  });
  if (errors.length === 0) {
    const sum = (table.partitions as ManifestPartition[]).reduce((n, p) => n + p.rows, 0);
    if (sum !== table.rows) errors.push(`${at}.rows: ${String(table.rows)}, but its partitions hold ${sum}`);
  }
  return errors;
}

function validateStored(stored: unknown): string[] {
  if (!isRecord(stored)) return ['stored: not an object'];
  return Object.entries(stored).flatMap(([name, file]) => {
    const at = `stored.${name}`;
    const errors = STORED_NAME.test(name) ? [] : [`${at}: not a pre-aggregate name`];
    errors.push(...validateFile(at, file));
    if (isRecord(file) && !isCount(file.arrow_bytes)) errors.push(`${at}.arrow_bytes: not a non-negative integer`);
    if (isRecord(file) && file.sql_sha256 !== undefined && (typeof file.sql_sha256 !== 'string' || !SHA256.test(file.sql_sha256))) errors.push(`${at}.sql_sha256: invalid`);
    return errors;
  });
}

function validateParquet(parquet: unknown): string[] {
  if (!isRecord(parquet)) return ['parquet: not an object'];
  const errors: string[] = [];
  if (parquet.layout !== 'hive') errors.push('parquet.layout: expected "hive"');
  if (!isDatasetPath(parquet.root)) errors.push('parquet.root: invalid');
  if (!Array.isArray(parquet.files)) return [...errors, 'parquet.files: not a list'];
  parquet.files.forEach((file: unknown, i) => {
    errors.push(...validateFile(`parquet.files[${i}]`, file));
    if (isRecord(file) && !(typeof file.table === 'string' && PLAIN_FILE_NAME.test(file.table))) errors.push(`parquet.files[${i}].table: invalid`);
  });
  return errors;
}

export function parseManifest(value: unknown): Manifest {
  const errors = validateManifest(value);
  if (errors.length > 0) throw new Error(`invalid manifest:\n  ${errors.join('\n  ')}`);
  return value as Manifest;
}
