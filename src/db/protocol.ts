// The one message format between the app and the data worker. Both sides import it;
// it imports nothing of DuckDB's, so the main thread never loads the engine.
import type { EngineStartup } from './engine';
import type { Correction } from '../parse/corrections';
import type { PreaggregatedQuery } from './sql/query';

export type Param = string | number | boolean | null;

export interface InitPayload {
  /** Absolute URL of the dataset's manifest.json; table files are resolved against it. */
  manifestUrl: string;
}

/**
 * Which rows the page's tables show: the shipped dataset and the user's imported layer together
 * (`all`, the default), only the user's layer (`user`), or only the dataset (`dataset`).
 */
export type LayerMode = 'all' | 'user' | 'dataset';
export const LAYER_MODES: readonly LayerMode[] = ['all', 'user', 'dataset'];

export interface QueryPayload {
  sql: string;
  /** Absent: `all`. */
  layer?: LayerMode;
  params: readonly Param[];
  /** Tables the SQL reads; lazily loaded ones are loaded first. */
  tables: readonly string[];
  /**
   * The provinces (two-digit codes, or `none`) whose rows the SQL reads: only those partitions of
   * partitioned tables are loaded. Absent: every partition. The SQL itself must keep to them.
   */
  provinces?: readonly string[];
  /** Likewise the years (null: unknown year) of partitions split by year. */
  years?: readonly (number | null)[];
  /** The same answer from pre-aggregated tables, which the worker prefers for the dataset's own rows. */
  preaggregated?: PreaggregatedQuery;
}

export interface TableInfo {
  name: string;
  rows: number;
  partitions: number;
  /** Partitions in the engine now. */
  loaded: number;
}

export interface InitResult {
  datasetVersion: string;
  engine: string;
  tables: TableInfo[];
  elapsedMs: number;
  /** Of elapsedMs, the time spent decompressing the table files loaded so far. */
  decodeMs: number;
  /**
   * Where the init's time went (the worker's own clock, ms): the manifest fetched, the engine
   * instantiated (begun when the worker started, beside the manifest), the eager tables loaded;
   * `answeredAt` is the worker's clock when it answered (0 = the worker started). On the same
   * clock: when the worker's script ran, when init arrived, the engine's steps; `timeOrigin` puts
   * them on the page's clock (worker time + timeOrigin − the page's performance.timeOrigin).
   */
  trace?: { manifestMs: number; engineMs: number; tablesMs: number; answeredAt: number; scriptAt?: number; receivedAt?: number; timeOrigin?: number; startup?: EngineStartup };
}

export interface QueryResult {
  /** Arrow IPC bytes of the result; moved with a transfer list, never copied. */
  ipc: Uint8Array;
  elapsedMs: number;
  /** Answered from pre-aggregates: how many the worker has built, and loaded from stored answers, so far. */
  preaggregates?: { built: number; stored: number };
  /** Stored answers refused since the last such answer (a file missing or altered): built instead, or answered row by row. */
  warnings?: string[];
}

/** SQL a user typed (the console, `window.__gongkai.query`): checked read-only, its tables loaded whole. */
export interface UserSqlPayload {
  sql: string;
  layer?: LayerMode;
}

/**
 * The user's imported layer: a dataset folder as ingest writes it (its manifest and its Arrow
 * files by path), loaded into the worker beside the shipped dataset; null removes the layer.
 */
export interface LayerPayload {
  manifest: unknown;
  files: Record<string, Uint8Array>;
  /** The OPFS folder holding the files instead (src/db/user-layer-spill.ts): read one at a time, then removed. */
  spill?: string | null;
  /** The layer's files the dataset holds too: the dataset's report id by sha256 (views over both count the dataset's row). */
  copies?: Record<string, string>;
}

export interface LayerResult {
  /** The layer's dataset version (null: no layer). */
  datasetVersion: string | null;
  /** Rows per table of the layer. */
  rows: Record<string, number>;
}

/** A table or view of the page's database, for the console's schema browser and completion. */
export interface SchemaTable {
  name: string;
  kind: 'table' | 'view';
  /** Rows of the whole table (the manifest's count for a dataset table). */
  rows: number | null;
  /** Whether all of it is in the engine now; a partly loaded table loads the rest when user SQL names it. */
  loaded: 'all' | 'part' | 'none';
  columns: { name: string; type: string }[];
}

export interface SchemaResult {
  tables: SchemaTable[];
}

/**
 * A person's correction made in the page (src/app/user/corrections-store.ts): the fields of
 * corrections.csv, the report it was made in (a hint when the dataset is too large to search
 * by sha256) and, for an added value, the span of the report's text the person selected.
 */
export interface PageCorrection extends Omit<Correction, 'line'> {
  report_id?: string | null;
  start?: number | null;
  end?: number | null;
}

/** Every correction the page holds: the worker's tables are brought to exactly these. */
export interface CorrectionsPayload {
  corrections: PageCorrection[];
}

export interface CorrectionOutcome {
  report_sha256: string;
  metric: string;
  status: 'applied' | 'unused';
  /** Why a correction changed nothing; null when applied. */
  reason: string | null;
  /** What the report printed (as parsed) for the metric; null for an added value or one not applied. */
  printed_value: number | null;
  /** The reports it was applied to (every report with that sha256), with where they sit. */
  reports: { report_id: string; year: number | null; body_key: string | null; scope: string | null; divisions: string[] }[];
}

/** One outcome per correction sent, in the same order. */
export interface CorrectionsResult {
  outcomes: CorrectionOutcome[];
}

export interface RequestTypes {
  init: { payload: InitPayload; result: InitResult };
  query: { payload: QueryPayload; result: QueryResult };
  sql: { payload: UserSqlPayload; result: QueryResult };
  schema: { payload: Record<string, never>; result: SchemaResult };
  layer: { payload: LayerPayload; result: LayerResult };
  corrections: { payload: CorrectionsPayload; result: CorrectionsResult };
}
export type RequestKind = keyof RequestTypes;

export interface Request<K extends RequestKind = RequestKind> {
  id: number;
  kind: K;
  payload: RequestTypes[K]['payload'];
}

/** An error as plain data: Error objects do not survive postMessage with their fields. */
export interface ErrorData {
  name: string;
  message: string;
  sql?: string;
  stack?: string;
}

export type Response<K extends RequestKind = RequestKind> =
  | { id: number; ok: true; result: RequestTypes[K]['result'] }
  | { id: number; ok: false; error: ErrorData };

/** The error the client throws: carries the SQL that failed and the worker-side error as `cause`. */
export class DataError extends Error {
  readonly sql: string | undefined;
  constructor(message: string, options: { sql?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'DataError';
    this.sql = options.sql;
  }
}

export function toErrorData(error: unknown, sql?: string): ErrorData {
  const base = error instanceof Error ? error : new Error(String(error));
  const data: ErrorData = { name: base.name, message: base.message };
  const errorSql = sql ?? (error instanceof DataError ? error.sql : undefined);
  if (errorSql !== undefined) data.sql = errorSql;
  if (base.stack) data.stack = base.stack;
  return data;
}

export function fromErrorData(data: ErrorData): DataError {
  const cause = Object.assign(new Error(data.message), { name: data.name, stack: data.stack });
  const message = data.sql === undefined ? data.message : `${data.message}\n-- SQL:\n${data.sql}`;
  return new DataError(message, { sql: data.sql, cause });
}

/** Buffers to move rather than copy with a response. */
export function transferList(response: Response): ArrayBuffer[] {
  if (!response.ok) return [];
  const result = response.result as Partial<QueryResult>;
  return result.ipc instanceof Uint8Array ? [result.ipc.buffer as ArrayBuffer] : [];
}

const KINDS: ReadonlySet<string> = new Set<RequestKind>(['init', 'query', 'sql', 'schema', 'layer', 'corrections']);

export function isRequest(value: unknown): value is Request {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return Number.isSafeInteger(r.id) && typeof r.kind === 'string' && KINDS.has(r.kind) && typeof r.payload === 'object' && r.payload !== null;
}

/** Sent by the worker while DuckDB's wasm downloads (no `id`: it answers no request). */
export interface ProgressMessage {
  progress: 'engine';
  loaded: number;
  total: number;
}
export const isProgress = (data: unknown): data is ProgressMessage =>
  typeof data === 'object' && data !== null && (data as ProgressMessage).progress === 'engine' && typeof (data as ProgressMessage).loaded === 'number';
