// Messages between the page and its import workers (workers/import.worker.ts): one file at a time.
import type { DatasetBuilder } from '../src/ingest/arrow-tables';
import type { Manifest } from '../src/shared/manifest';
import type { ResolvedIssuer } from '../src/jurisdictions';
import type { ParsedReport } from '../src/parse/types';

export interface ImportWorkerInit {
  kind: 'init';
  /** The app's base URL: pdf.js's CMaps and fonts are at ./pdfjs/ below it. */
  baseUrl: string;
}

export interface ImportJob {
  kind: 'parse';
  id: number;
  /** The file's name (no folder): the parser's hint, as ingest passes it. */
  fileName: string;
  bytes: Uint8Array;
}

/** One report as the dataset builder takes it (ingest's ReportRecord). */
export type ReportRecord = Parameters<DatasetBuilder['add']>[0];

/** Builds the dataset folder of some reports (any order) with ingest's builder and layout. */
export interface BuildJob {
  kind: 'build';
  id: number;
  records: ReportRecord[];
}

export interface BuiltFile {
  path: string;
  bytes: Uint8Array;
}

/** A parsed file: what ingest's readReport knows of it, but its id and path (the page's, not the worker's). */
export interface ImportedFile {
  parsed: ParsedReport;
  jurisdiction: ResolvedIssuer | null;
  sha256: string;
  bytes: number;
}

export type ImportWorkerReply =
  | { kind: 'ready' }
  | { kind: 'init-failed'; message: string }
  | { kind: 'parsed'; id: number; file: ImportedFile }
  | { kind: 'built'; id: number; manifest: Manifest; files: BuiltFile[] }
  | { kind: 'build-failed'; id: number; message: string };
