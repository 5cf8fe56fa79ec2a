// The user's imported reports kept across reloads: IndexedDB, one entry per report (what the
// import workers answered, with its id and path), from which the layer is built again on load
// (in id order: IndexedDB keeps keys sorted as the dataset builder wants them).
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

/** Every stored report in id order, `size` at a time (never all of them in memory at once). */
export async function* recordBatches(size = 500): AsyncGenerator<ReportRecord[]> {
  let after: string | null = null;
  for (;;) {
    const range: IDBKeyRange | undefined = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
    const batch: ReportRecord[] = (await transact<ReportRecord[]>('readonly', (store) => store.getAll(range, size) as IDBRequest<ReportRecord[]>)) ?? [];
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < size) return;
    after = batch[batch.length - 1].id;
  }
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
