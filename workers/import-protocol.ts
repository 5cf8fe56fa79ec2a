// Messages between the page and its import workers (workers/import.worker.ts): one file at a time.
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
  | { kind: 'parsed'; id: number; file: ImportedFile };
