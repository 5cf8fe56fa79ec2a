// Isomorphic on purpose (no node:* imports): the ingest CLI writes and the browser validates the same manifest.

/** 2: report text moved to its own `texts` table, facts_wide gained issuer/jurisdiction/…, summary.json. */
export const SCHEMA_VERSION = 3;
export const REQUIRED_TABLES = ['reports', 'texts', 'values', 'checks', 'facts_wide', 'jurisdictions'] as const;
export const FILE_FORMATS = ['arrow', 'parquet'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export interface ManifestTable {
  rows: number;
  /** File names relative to the manifest. */
  files: Record<FileFormat, string>;
  bytes: Record<FileFormat, number>;
  sha256: Record<FileFormat, string>;
}

export interface Manifest {
  schema_version: number;
  /** sha256 of the `sha256sum`-style listing of every data file, sorted by file name. */
  dataset_version: string;
  /** Number of input files, failed ones included. */
  generated_from: number;
  /**
   * File name of the precomputed summary (see summary.ts), relative to the manifest. It is written
   * after the dataset version is known and is not part of the hash input.
   */
  summary?: string;
  tables: Record<string, ManifestTable>;
}

/** The text whose sha256 is the dataset version: `<sha256>  <file>\n` per data file, sorted by file name. */
export function datasetVersionInput(tables: Manifest['tables']): string {
  const lines = Object.values(tables).flatMap((table) =>
    FILE_FORMATS.map((format) => ({ file: table.files[format], line: `${table.sha256[format]}  ${table.files[format]}\n` })),
  );
  lines.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return lines.map((l) => l.line).join('');
}

const SHA256 = /^[0-9a-f]{64}$/;
const PLAIN_FILE_NAME = /^[A-Za-z0-9_.-]+$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isPlainFileName = (value: unknown): value is string =>
  typeof value === 'string' && PLAIN_FILE_NAME.test(value) && value !== '.' && value !== '..';

/** Every problem found, as readable messages; an empty list means the manifest is valid. */
export function validateManifest(value: unknown): string[] {
  if (!isRecord(value)) return ['manifest: not an object'];
  const errors: string[] = [];
  if (value.schema_version !== SCHEMA_VERSION) errors.push(`schema_version: expected ${SCHEMA_VERSION}, got ${JSON.stringify(value.schema_version)}`);
  if (typeof value.dataset_version !== 'string' || !SHA256.test(value.dataset_version)) errors.push('dataset_version: not a sha256 hex string');
  if (!isCount(value.generated_from)) errors.push('generated_from: not a non-negative integer');
  if (value.summary !== undefined && !isPlainFileName(value.summary)) errors.push('summary: not a plain file name');
  if (!isRecord(value.tables)) return [...errors, 'tables: not an object'];
  for (const name of REQUIRED_TABLES) if (!(name in value.tables)) errors.push(`tables.${name}: missing`);
  for (const [name, table] of Object.entries(value.tables)) errors.push(...validateTable(`tables.${name}`, table));
  return errors;
}

function validateTable(at: string, table: unknown): string[] {
  if (!isRecord(table)) return [`${at}: not an object`];
  const errors: string[] = [];
  if (!isCount(table.rows)) errors.push(`${at}.rows: not a non-negative integer`);
  for (const key of ['files', 'bytes', 'sha256'] as const) {
    const entry = table[key];
    if (!isRecord(entry)) {
      errors.push(`${at}.${key}: not an object`);
      continue;
    }
    for (const format of FILE_FORMATS) {
      const item = entry[format];
      const ok =
        key === 'files' ? isPlainFileName(item)
        : key === 'bytes' ? isCount(item)
        : typeof item === 'string' && SHA256.test(item);
      if (!ok) errors.push(`${at}.${key}.${format}: invalid`);
    }
  }
  return errors;
}

export function parseManifest(value: unknown): Manifest {
  const errors = validateManifest(value);
  if (errors.length > 0) throw new Error(`invalid manifest:\n  ${errors.join('\n  ')}`);
  return value as Manifest;
}
