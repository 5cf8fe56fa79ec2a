// Messages between the page and its import workers (workers/import.worker.ts): files to parse,
// and the user's layer to build from the reports kept in IndexedDB.
import type { DatasetBuilder } from '../src/ingest/arrow-tables';
import type { Manifest } from '../src/shared/manifest';
import type { ResolvedIssuer } from '../src/jurisdictions';
import type { ParsedReport } from '../src/parse/types';
import type { BrowserCall } from './bounded-wait';

export interface ImportWorkerInit {
  kind: 'init';
  /** The app's base URL: pdf.js's CMaps and fonts are at ./pdfjs/ below it. */
  baseUrl: string;
  /**
   * 'build': the worker builds layers only (src/app/user/layer-build.ts) and loads the gazetteer's
   * division rows alone, not the resolver's name index; absent: it parses (and may build).
   */
  role?: 'build';
  /** Test hook (`?bench=1`): the worker never says it is ready, as one the machine never runs. */
  stall?: boolean;
  /** Test hook (`?bench=1`): the worker fails as it loads, by a promise rejected and never handled. */
  die?: boolean;
  /** Test hook (`?bench=1`): how many of the worker's calls of each kind never answer (workers/bounded-wait.ts). */
  stalls?: Partial<Record<BrowserCall, number>>;
  /** Test hook (`?bench=1`): every bounded call's limit in the worker (workers/bounded-wait.ts). */
  limitMs?: number;
}

export interface ImportJob {
  kind: 'parse';
  id: number;
  /** The file's name (no folder): the parser's hint, as ingest passes it. */
  fileName: string;
  /** The file itself: the worker reads it (the page never holds its bytes). */
  file: Blob;
  /**
   * The report's id and path: the worker stores the report in IndexedDB (src/app/user/layer-store.ts)
   * and answers its row only; null: it answers the whole parse (the same-answers test hook).
   */
  keep: { id: string; path: string } | null;
  /** Test hook (`?bench=1`): the worker throws as it takes the file, as a worker that dies would. */
  crash?: boolean;
}

/** Reports a worker parsed and stores together (one IndexedDB transaction): the page keeps enough files in flight to fill a batch. */
export const STORE_BATCH = 50;
/**
 * A report parsed this long after the worker's last store is stored at once, not with a batch: the
 * first of an import (its progress shows a file done without waiting for a batch to be parsed:
 * 0.7 s of 1,000 text files, 3 s with two workers, at load 10) and, when files parse slowly (PDFs,
 * a busy machine), one a second at most.
 */
export const STORE_PAUSE_MS = 1000;

/** Whether a worker holding `held` parsed reports, its last store `sinceStoreMs` ago, stores them now. */
export const storeNow = (held: number, sinceStoreMs: number): boolean => held >= STORE_BATCH || (held > 0 && sinceStoreMs >= STORE_PAUSE_MS);

/** One report as the dataset builder takes it (ingest's ReportRecord). */
export type ReportRecord = Parameters<DatasetBuilder['add']>[0];

/**
 * Builds the layer of every kept report with ingest's builder: for the page, as plain Arrow
 * streams (src/app/user/layer-arrow.ts); for the zip, the dataset folder ingest writes, zipped.
 */
export interface BuildJob {
  kind: 'build';
  id: number;
  zip: boolean;
  /** false: the page's layer in memory, not through OPFS (an attempt after one stalled there). */
  spill?: boolean;
  /** Test hook: its first call into OPFS never answers. */
  stall?: boolean;
  /** How long each call into the browser may take (workers/bounded-wait.ts): longer at each attempt. */
  waitMs?: number;
}

/** A kept report as the import list shows it (src/app/user/layer-store.ts keeps one beside each). */
export interface LayerRow {
  id: string;
  status: 'ok' | 'partial' | 'failed';
  reason: string | null;
  sha256: string | null;
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
  /** The job is parsed (its report waits to be stored with others): the worker has taken the next. */
  | { kind: 'took'; id: number }
  /** Reports stored together (one IndexedDB transaction), each with its row of the import list. */
  | { kind: 'stored'; rows: { id: number; row: LayerRow }[] }
  | { kind: 'store-failed'; ids: number[]; message: string }
  /** `spill`: the OPFS folder holding the files (src/db/user-layer-spill.ts; `files` is then empty); null: the files are here. */
  | { kind: 'built'; id: number; manifest: Manifest; files: BuiltFile[]; spill: string | null }
  | { kind: 'zipped'; id: number; version: string; bytes: Uint8Array }
  | { kind: 'build-failed'; id: number; message: string }
  /** A call into the browser did not answer in `ms` (workers/bounded-wait.ts): `stage`, what it waited on. */
  | { kind: 'build-stalled'; id: number; stage: string; ms: number }
  /** The build goes on (src/app/user/layer-build.ts waits on these, not on the whole build): where it is. */
  | { kind: 'building'; id: number; stage: string };
