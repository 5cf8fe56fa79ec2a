// The user's imported reports kept across reloads: IndexedDB, one entry per report (what the
// import workers answered, with its id and path), from which the layer is built again on load
// (in id order: IndexedDB keeps keys sorted as the dataset builder wants them), and its row of the
// import list (status, reason, sha256) in a store of its own; and the lists of metric ids the
// stored reports name by index (src/app/user/record-pack.ts), each once.
import type { LayerRow, ReportRecord } from '../../../workers/import-protocol';
import { partialReason } from '../../parse/reasons';
import { CURRENT_METRICS, packRecord, unpackRecord, type MetricList, type StoredRecord } from './record-pack';

const DB_NAME = 'gongkai-user-layer';
const STORE = 'reports';
/** Each report's row of the import list, beside it: the list is read without reading the reports. */
const ROWS = 'rows';
/** The lists of metric ids the compact reports index into, by fingerprint: never cleared (a few KB each). */
const METRICS = 'metrics';
const STORES = [STORE, ROWS, METRICS];

const valueCount = (r: ReportRecord | StoredRecord): number =>
  'compact' in r ? r.compact.values.metric.length : 'packed' in r ? r.packed.values.metric.length : r.parsed.values.length;
/** A failed report's reason, or what a partial one lacks. */
export const layerRow = (r: ReportRecord | StoredRecord): LayerRow => ({ id: r.id, status: r.parsed.status, reason: r.parsed.error ?? partialReason(r.parsed.status, r.parsed.facts, valueCount(r)), sha256: r.sha256 });

/**
 * The connection, opened once per page or worker and kept: an open and a close for every
 * transaction cost each import worker's batch of reports as much as its puts (bench/import-profile.ts).
 * Closed when another connection asks for a new version, and opened again on the next use.
 */
let connection: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  connection ??= connect().then(
    (db) => {
      db.onversionchange = () => {
        db.close();
        connection = null;
      };
      db.onclose = () => void (connection = null);
      return db;
    },
    (error: unknown) => {
      connection = null;
      throw error;
    },
  );
  return connection;
}

/** Opens the kept connection now (an import worker as it starts, while its gazetteer loads); a failure is heard by the first transaction, which opens again. */
export function openStore(): void {
  open().catch(() => {});
}

function connect(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 3);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      if (event.oldVersion < 1) db.createObjectStore(STORE, { keyPath: 'id' });
      if (event.oldVersion < 3) db.createObjectStore(METRICS, { keyPath: 'id' });
      if (event.oldVersion >= 2) return;
      const rows = db.createObjectStore(ROWS, { keyPath: 'id' });
      // A store of version 1 had no rows: they are made from its reports once.
      if (event.oldVersion >= 1) {
        const cursor = request.transaction!.objectStore(STORE).openCursor();
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) return;
          rows.put(layerRow(at.value as ReportRecord | StoredRecord));
          at.continue();
        };
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB: cannot open the imported reports'));
  });
}

type Stores = { reports: IDBObjectStore; rows: IDBObjectStore; metrics: IDBObjectStore };

async function transact<T>(mode: IDBTransactionMode, work: (stores: Stores) => IDBRequest<T> | void): Promise<T | undefined> {
  const opening = open();
  let tx: IDBTransaction;
  try {
    tx = (await opening).transaction(STORES, mode);
  } catch (error) {
    // The kept connection was closed under us (a forced close, whose close event has not come
    // yet): opened again, once.
    if (!(error instanceof Error && error.name === 'InvalidStateError')) throw error;
    if (connection === opening) connection = null;
    tx = (await open()).transaction(STORES, mode);
  }
  return new Promise<T | undefined>((resolve, reject) => {
    const request = work({ reports: tx.objectStore(STORE), rows: tx.objectStore(ROWS), metrics: tx.objectStore(METRICS) });
    tx.oncomplete = () => resolve(request ? request.result : undefined);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB: the imported reports could not be stored'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB: storing the imported reports was aborted (is the disk full?)'));
  });
}

/** Every stored report's row, in id order. */
export async function listRows(): Promise<LayerRow[]> {
  return (await transact<LayerRow[]>('readonly', ({ rows }) => rows.getAll() as IDBRequest<LayerRow[]>)) ?? [];
}

/** Every stored report in id order, `size` at a time (never all of them in memory at once). */
export async function* recordBatches(size = 500): AsyncGenerator<ReportRecord[]> {
  const kept = (await transact<MetricList[]>('readonly', ({ metrics }) => metrics.getAll() as IDBRequest<MetricList[]>)) ?? [];
  const lists = new Map(kept.map((l) => [l.id, l.names]));
  let after: string | null = null;
  for (;;) {
    const range: IDBKeyRange | undefined = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
    const stored: (StoredRecord | ReportRecord)[] = (await transact<(StoredRecord | ReportRecord)[]>('readonly', ({ reports }) => reports.getAll(range, size) as IDBRequest<(StoredRecord | ReportRecord)[]>)) ?? [];
    if (stored.length === 0) return;
    const batch: ReportRecord[] = stored.map((s) => unpackRecord(s, lists));
    stored.length = 0;
    yield batch;
    if (batch.length < size) return;
    after = batch[batch.length - 1].id;
  }
}

/** Adds reports (compact: src/app/user/record-pack.ts), with the list of metric ids they index into; one with the id of a stored report replaces it. */
export async function putRecords(records: readonly ReportRecord[]): Promise<void> {
  await transact('readwrite', ({ reports, rows, metrics }) => {
    metrics.put(CURRENT_METRICS);
    for (const record of records) {
      reports.put(packRecord(record));
      rows.put(layerRow(record));
    }
  });
}

export async function deleteRecord(id: string): Promise<void> {
  await transact('readwrite', ({ reports, rows }) => {
    reports.delete(id);
    rows.delete(id);
  });
}

export async function clearRecords(): Promise<void> {
  await transact('readwrite', ({ reports, rows }) => {
    reports.clear();
    rows.clear();
  });
}
