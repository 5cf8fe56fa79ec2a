// The user's imported reports kept across reloads: IndexedDB, in groups (what an import worker
// stored together: one entry of reports and one of their rows of the import list, under one key),
// from which the layer is built again on load, in id order as the dataset builder wants it; and the
// lists of metric ids the stored reports name by index (src/app/user/record-pack.ts), each once.
// IndexedDB's cost follows the number of puts, not their bytes (bench/indexeddb-puts.ts: two puts
// a report 3.0-3.4 browser CPU-s per 10,000, one put of 50 reports 0.3): a group is two puts.
// Group keys come from the store's key generator, so a later group has a larger key; a report
// stored again (its id in a later group: the same file imported again) is read from the latest
// group, and the groups that held it before are rewritten without it when the rows are listed
// (compact). A store of an earlier version (one entry a report) is rewritten in groups once, as it
// is opened.
import type { LayerRow, ReportRecord } from '../../../workers/import-protocol';
import { partialReason } from '../../parse/reasons';
import { CURRENT_METRICS, packRecord, unpackRecord, type MetricList, type StoredRecord } from './record-pack';
import { boundedCall, STORE_LIMIT_MS, WaitStalled } from '../../../workers/bounded-wait';

const DB_NAME = 'gongkai-user-layer';
const VERSION = 4;
/** Each group's reports (an array, in the order of its rows), keyed as its rows. */
const GROUPS = 'groups';
/** Each group's rows of the import list (an array), under a key from the store's generator: the list is read without reading the reports. */
const GROUP_ROWS = 'group-rows';
/** The lists of metric ids the compact reports index into, by fingerprint: never cleared (a few KB each). */
const METRICS = 'metrics';
const STORES = [GROUPS, GROUP_ROWS, METRICS];
/** The stores of versions 1-3: one entry a report, keyed by its id, and (2-3) one a row. */
const OLD_REPORTS = 'reports';
const OLD_ROWS = 'rows';
/** Reports to a group when a store of an earlier version is rewritten (as an import worker's batch, STORE_BATCH). */
const MIGRATED_GROUP = 50;

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

function open(said: (what: string) => void = () => {}): Promise<IDBDatabase> {
  connection ??= connect(said).then(
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

/** The kept connection, bounded (workers/bounded-wait.ts): an open that never answers is let go, and the next use opens again. */
function opened(said?: (what: string) => void): Promise<IDBDatabase> {
  let opening: Promise<IDBDatabase> | null = null;
  return boundedCall('layer-open', () => (opening = open(said))).catch((error: unknown) => {
    if (error instanceof WaitStalled && connection === opening) connection = null;
    throw error;
  });
}

/** Opens the kept connection now (an import worker as it starts, while its gazetteer loads); a failure is heard by the first transaction, which opens again. */
export function openStore(): void {
  opened().catch(() => {});
}

/** Adds one group: its rows under a new key, then its reports under the same key. */
function addGroup(rows: IDBObjectStore, groups: IDBObjectStore, records: readonly (StoredRecord | ReportRecord)[]): void {
  const added = rows.add(records.map(layerRow));
  added.onsuccess = () => void groups.put(records, added.result);
}

/** The reports of a store of version 1-3, in id order, into groups; then its stores go. */
function migrate(tx: IDBTransaction, db: IDBDatabase): void {
  const rows = tx.objectStore(GROUP_ROWS);
  const groups = tx.objectStore(GROUPS);
  let group: (StoredRecord | ReportRecord)[] = [];
  const cursor = tx.objectStore(OLD_REPORTS).openCursor();
  cursor.onsuccess = () => {
    const at = cursor.result;
    if (at) {
      group.push(at.value as StoredRecord | ReportRecord);
      if (group.length === MIGRATED_GROUP) {
        addGroup(rows, groups, group);
        group = [];
      }
      at.continue();
      return;
    }
    if (group.length > 0) addGroup(rows, groups, group);
    db.deleteObjectStore(OLD_REPORTS);
    if (db.objectStoreNames.contains(OLD_ROWS)) db.deleteObjectStore(OLD_ROWS);
  };
}

/** How long an open blocked by another tab's connection waits for that tab to close (it may be closing) before it fails. */
export const BLOCKED_WAIT_MS = 3000;

/**
 * Why the store could not be opened: a connection of an earlier version (a tab of an older build)
 * did not close when asked to, nor within BLOCKED_WAIT_MS, and the upgrade would wait on it for as
 * long as that tab stays open.
 */
export const STORE_BLOCKED = `IndexedDB: the imported reports are held open by another tab of this page (an older version), which did not close within ${BLOCKED_WAIT_MS / 1000} s: close it, then try again`;

function connect(said: (what: string) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, VERSION);
    // Our connections close as they hear of a new version (open(), above), so Chromium fires no
    // `blocked` for them: one that stays open holds the upgrade, and this open, for as long as it
    // is open. A tab mid-transaction may be closing: it is given BLOCKED_WAIT_MS, then the open
    // is given up; should it open after all, it is closed (the next use opens again).
    let blocked = false;
    let giveUp: ReturnType<typeof setTimeout> | null = null;
    request.onblocked = () => {
      said(`IndexedDB: held by another tab of this page; waiting up to ${BLOCKED_WAIT_MS / 1000} s for it to close`);
      giveUp ??= setTimeout(() => {
        blocked = true;
        reject(new Error(STORE_BLOCKED));
      }, BLOCKED_WAIT_MS);
    };
    request.onupgradeneeded = (event) => {
      const db = request.result;
      if (event.oldVersion < 3) db.createObjectStore(METRICS, { keyPath: 'id' });
      db.createObjectStore(GROUPS);
      db.createObjectStore(GROUP_ROWS, { autoIncrement: true });
      if (event.oldVersion >= 1) migrate(request.transaction!, db);
    };
    request.onsuccess = () => {
      if (giveUp !== null) clearTimeout(giveUp);
      if (blocked) request.result.close();
      else resolve(request.result);
    };
    request.onerror = () => {
      if (giveUp !== null) clearTimeout(giveUp);
      reject(request.error ?? new Error('IndexedDB: cannot open the imported reports'));
    };
  });
}

type Stores = { groups: IDBObjectStore; rows: IDBObjectStore; metrics: IDBObjectStore };

/**
 * One transaction over every store: `work` places its requests (their callbacks may place more); resolves with what `result` says once it is complete.
 * Bounded (workers/bounded-wait.ts): one that does not complete in STORE_LIMIT_MS is aborted (nothing of it is kept) and fails.
 */
async function transact<T>(mode: IDBTransactionMode, work: (stores: Stores) => () => T): Promise<T> {
  const db = await opened();
  const held = connection;
  let placed: IDBTransaction;
  try {
    placed = db.transaction(STORES, mode);
  } catch (error) {
    // The kept connection was closed under us (a forced close, whose close event has not come
    // yet): opened again, once.
    if (!(error instanceof Error && error.name === 'InvalidStateError')) throw error;
    if (connection === held) connection = null;
    placed = (await opened()).transaction(STORES, mode);
  }
  const call = mode === 'readonly' ? 'layer-read' : 'layer-write';
  return boundedCall(
    call,
    () =>
      new Promise<T>((resolve, reject) => {
        const result = work({ groups: placed.objectStore(GROUPS), rows: placed.objectStore(GROUP_ROWS), metrics: placed.objectStore(METRICS) });
        // What `result` throws rejects (thrown in the event's handler, it would leave the promise pending).
        placed.oncomplete = () => {
          try {
            resolve(result());
          } catch (error) {
            reject(error);
          }
        };
        placed.onerror = () => reject(placed.error ?? new Error('IndexedDB: the imported reports could not be stored'));
        placed.onabort = () => reject(placed.error ?? new Error('IndexedDB: storing the imported reports was aborted (is the disk full?)'));
      }),
    STORE_LIMIT_MS,
  ).catch((error: unknown) => {
    if (error instanceof WaitStalled) {
      try {
        placed.abort();
      } catch {
        // Complete or aborted meanwhile.
      }
    }
    throw error;
  });
}

/** Every group's key and rows, in key order (the order they were stored). */
interface GroupRows {
  keys: IDBValidKey[];
  rows: LayerRow[][];
}

/** Reads every group's rows; `then` hears them within the transaction (to place more requests). */
const readGroupRows = (rows: IDBObjectStore, then?: (stored: GroupRows) => void): (() => GroupRows) => {
  const keys = rows.getAllKeys();
  const values = rows.getAll() as IDBRequest<LayerRow[][]>;
  const read = () => ({ keys: keys.result, rows: values.result });
  // Requests complete in the order placed: the keys are in.
  if (then) values.onsuccess = () => then(read());
  return read;
};

/** Rewrites the group at `key` (its rows `before`) without the places `drop` says; a group left empty goes. */
function rewriteGroup(groups: IDBObjectStore, rows: IDBObjectStore, key: IDBValidKey, before: readonly LayerRow[], drop: (at: number) => boolean): void {
  const keep = (_: unknown, at: number) => !drop(at);
  if (before.every((_, at) => drop(at))) {
    groups.delete(key);
    rows.delete(key);
    return;
  }
  rows.put(before.filter(keep), key);
  const group = groups.get(key) as IDBRequest<(StoredRecord | ReportRecord)[]>;
  group.onsuccess = () => void groups.put(group.result.filter(keep), key);
}

/** Where a stored report is read: its group's key and its place in the group. */
interface StoredAt {
  row: LayerRow;
  key: IDBValidKey;
  at: number;
}

const byId = (a: { row: LayerRow }, b: { row: LayerRow }): number => (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);

/**
 * Each stored report once, in id order, read from the latest group that holds it (its last place
 * there); `shadowed`: the groups that also hold an earlier copy of one of them, with the places.
 */
function liveReports(stored: GroupRows): { live: StoredAt[]; shadowed: Map<IDBValidKey, number[]> } {
  const latest = new Map<string, StoredAt>();
  const shadowed = new Map<IDBValidKey, number[]>();
  const shadow = (s: StoredAt) => {
    const places = shadowed.get(s.key) ?? [];
    places.push(s.at);
    shadowed.set(s.key, places);
  };
  stored.rows.forEach((rows, g) => {
    rows.forEach((row, at) => {
      const before = latest.get(row.id);
      if (before) shadow(before);
      latest.set(row.id, { row, key: stored.keys[g], at });
    });
  });
  return { live: [...latest.values()].sort(byId), shadowed };
}

/** Rewrites the groups that hold reports stored again later without those (a group left empty goes). */
async function compact(): Promise<void> {
  await transact('readwrite', ({ groups, rows }) => {
    readGroupRows(rows, (stored) => {
      for (const [key, places] of liveReports(stored).shadowed) {
        const gone = new Set(places);
        rewriteGroup(groups, rows, key, stored.rows[stored.keys.indexOf(key)], (at) => gone.has(at));
      }
    });
    return () => undefined;
  });
}

/** Every stored report's row, in id order (a report stored more than once: its latest; the earlier copies are removed). */
export async function listRows(): Promise<LayerRow[]> {
  const stored = await transact('readonly', ({ rows }) => readGroupRows(rows));
  const { live, shadowed } = liveReports(stored);
  if (shadowed.size > 0) await compact();
  return live.map((s) => s.row);
}

/** Why a read in id order stopped: the groups it was reading changed under it (read again, it reads what is kept then). */
export const STORE_CHANGED = 'the imported reports changed while they were read (removed or imported again meanwhile): read them again';

/** Groups held at once while reading in id order (a group is read again when it was let go and is needed later). */
const HELD_REPORTS = 2000;

/**
 * Every stored report in id order, `size` at a time (never all of them in memory at once; `hold`:
 * the most reports of groups read ahead held). `waiting` hears what it waits on before each wait.
 */
export async function* recordBatches(size = 500, hold = HELD_REPORTS, waiting: (what: string) => void = () => {}): AsyncGenerator<ReportRecord[]> {
  waiting('IndexedDB: opening');
  await opened(waiting);
  waiting("IndexedDB: reading the reports' rows");
  const { kept, stored } = await transact('readonly', ({ metrics, rows }) => {
    const lists = metrics.getAll() as IDBRequest<MetricList[]>;
    const read = readGroupRows(rows);
    return () => ({ kept: lists.result, stored: read() });
  });
  const lists = new Map(kept.map((l) => [l.id, l.names]));
  const { live } = liveReports(stored);
  stored.rows.length = 0;
  /** Reports of each group still to be read. */
  const left = new Map<IDBValidKey, number>();
  for (const s of live) left.set(s.key, (left.get(s.key) ?? 0) + 1);
  const held = new Map<IDBValidKey, (StoredRecord | ReportRecord)[]>();
  let heldReports = 0;
  for (let from = 0; from < live.length; from += size) {
    const window = live.slice(from, from + size);
    const needed = new Set(window.map((s) => s.key));
    // Too many held (the groups' reports interleave in id order): the oldest this window does not read go.
    for (const [key, group] of held) {
      if (heldReports <= hold) break;
      if (needed.has(key)) continue;
      held.delete(key);
      heldReports -= group.length;
    }
    const missing = [...needed].filter((key) => !held.has(key));
    if (missing.length > 0) {
      waiting(`IndexedDB: reading ${missing.length} groups of reports from ${from}`);
      const got = await transact('readonly', ({ groups }) => {
        const requests = missing.map((key) => groups.get(key) as IDBRequest<(StoredRecord | ReportRecord)[]>);
        return () => requests.map((r) => r.result);
      });
      missing.forEach((key, i) => {
        held.set(key, got[i]);
        heldReports += got[i].length;
      });
    }
    const batch: ReportRecord[] = [];
    for (const s of window) {
      const group = held.get(s.key);
      // Rewritten or removed since its rows were read (a report removed or imported again meanwhile):
      // another report, or none, is at that place now.
      if (group?.[s.at]?.id !== s.row.id) throw new Error(STORE_CHANGED);
      batch.push(unpackRecord(group[s.at], lists));
      const rest = left.get(s.key)! - 1;
      left.set(s.key, rest);
      if (rest === 0) {
        held.delete(s.key);
        heldReports -= group.length;
      }
    }
    yield batch;
  }
}

/** Adds reports as one group (compact: src/app/user/record-pack.ts), with the list of metric ids they index into; a report with the id of a stored one replaces it. */
export async function putRecords(records: readonly ReportRecord[]): Promise<void> {
  if (records.length === 0) return;
  const packed = records.map(packRecord);
  await transact('readwrite', ({ groups, rows, metrics }) => {
    metrics.put(CURRENT_METRICS);
    addGroup(rows, groups, packed);
    return () => undefined;
  });
}

/** Removes a report: each group that holds it is rewritten without it (one left empty goes). */
export async function deleteRecord(id: string): Promise<void> {
  await transact('readwrite', ({ groups, rows }) => {
    readGroupRows(rows, (stored) => {
      stored.rows.forEach((before, g) => {
        if (before.some((r) => r.id === id)) rewriteGroup(groups, rows, stored.keys[g], before, (at) => before[at].id === id);
      });
    });
    return () => undefined;
  });
}

export async function clearRecords(): Promise<void> {
  await transact('readwrite', ({ groups, rows }) => {
    groups.clear();
    rows.clear();
    return () => undefined;
  });
}
