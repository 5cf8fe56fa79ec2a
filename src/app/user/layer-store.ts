// The user's imported reports kept across reloads: IndexedDB, one entry per report (what the
// import workers answered, with its id and path), from which the layer is built again on load.
import type { ReportRecord } from '../../../workers/import-protocol';

const DB_NAME = 'gongkai-user-layer';
const STORE = 'reports';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB: cannot open the imported reports'));
  });
}

async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB: the imported reports could not be stored'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB: storing the imported reports was aborted (is the disk full?)'));
    });
  } finally {
    db.close();
  }
}

/** Every stored report, in id order (IndexedDB keeps keys sorted). */
export async function loadRecords(): Promise<ReportRecord[]> {
  return ((await transact<ReportRecord[]>('readonly', (store) => store.getAll() as IDBRequest<ReportRecord[]>)) ?? []);
}

/** Adds reports; one with the id of a stored report replaces it. */
export async function putRecords(records: readonly ReportRecord[]): Promise<void> {
  await transact('readwrite', (store) => {
    for (const record of records) store.put(record);
  });
}

export async function deleteRecord(id: string): Promise<void> {
  await transact('readwrite', (store) => store.delete(id));
}

export async function clearRecords(): Promise<void> {
  await transact('readwrite', (store) => store.clear());
}
