// The one message format between the app and the data worker. Both sides import it;
// it imports nothing of DuckDB's, so the main thread never loads the engine.

export type Param = string | number | boolean | null;

export interface InitPayload {
  /** Absolute URL of the dataset's manifest.json; table files are resolved against it. */
  manifestUrl: string;
}

export interface QueryPayload {
  sql: string;
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
}

export interface QueryResult {
  /** Arrow IPC bytes of the result; moved with a transfer list, never copied. */
  ipc: Uint8Array;
  elapsedMs: number;
}

/** SQL a user typed (the console, `window.__gongkai.query`): checked read-only, its tables loaded whole. */
export interface UserSqlPayload {
  sql: string;
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

export interface RequestTypes {
  init: { payload: InitPayload; result: InitResult };
  query: { payload: QueryPayload; result: QueryResult };
  sql: { payload: UserSqlPayload; result: QueryResult };
  schema: { payload: Record<string, never>; result: SchemaResult };
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

const KINDS: ReadonlySet<string> = new Set<RequestKind>(['init', 'query', 'sql', 'schema']);

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
