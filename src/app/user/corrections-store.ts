// The corrections a person makes in the page, kept in the browser (IndexedDB) across reloads:
// one per report (its file's sha256) and metric, a later one replacing it. Exported and imported
// as corrections.csv through src/parse/corrections.ts, the one reader and writer of the format
// `gongkai ingest --corrections` reads.
import { readCorrectionsCsv, writeCorrectionsCsv, type CorrectionRow } from '../../parse/corrections';
import type { PageCorrection } from '../../db/protocol';
import { boundedCall, STORE_LIMIT_MS, WaitStalled } from '../../../workers/bounded-wait';

/** A stored correction: the CSV's fields, the report it was made in and an added value's selected span. */
export interface StoredCorrection extends PageCorrection {
  report_id: string | null;
  start: number | null;
  end: number | null;
}

/** Where corrections are kept: IndexedDB in the page, memory in tests. */
export interface CorrectionsBackend {
  getAll(): Promise<StoredCorrection[]>;
  put(correction: StoredCorrection): Promise<void>;
  delete(key: string): Promise<void>;
}

/** One correction per report and metric. */
export const correctionKey = (c: Pick<PageCorrection, 'report_sha256' | 'metric'>): string => `${c.report_sha256} ${c.metric}`;

/** Reports by sha256, then metrics: the order of the list and of the exported file. */
export const byReportAndMetric = (a: StoredCorrection, b: StoredCorrection): number => {
  const ka = correctionKey(a);
  const kb = correctionKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

export function memoryBackend(initial: StoredCorrection[] = []): CorrectionsBackend {
  const held = new Map(initial.map((c) => [correctionKey(c), structuredClone(c)]));
  return {
    getAll: async () => [...held.values()].map((c) => structuredClone(c)),
    put: async (c) => void held.set(correctionKey(c), structuredClone(c)),
    delete: async (key) => void held.delete(key),
  };
}

const DB_NAME = 'gongkai-corrections';
const STORE = 'corrections';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * IndexedDB: database `gongkai-corrections`, one object store keyed by `correctionKey`. Each call
 * is bounded (workers/bounded-wait.ts): an open that never answers is let go (the next call opens
 * again), a write that never completes is aborted (nothing of it kept); either fails with the reason.
 */
export function indexedDbBackend(factory: IDBFactory = indexedDB): CorrectionsBackend {
  let opened: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    opened ??= new Promise((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('cannot open IndexedDB'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab of this page'));
    });
    opened.catch(() => (opened = null));
    return opened;
  };
  const db = (): Promise<IDBDatabase> => {
    let opening: Promise<IDBDatabase> | null = null;
    return boundedCall('corrections-open', () => (opening = open())).catch((error: unknown) => {
      if (error instanceof WaitStalled && opened === opening) opened = null;
      throw error;
    });
  };
  const write = async (change: (store: IDBObjectStore) => void): Promise<void> => {
    const tx = (await db()).transaction(STORE, 'readwrite');
    await boundedCall(
      'corrections-write',
      () =>
        new Promise<void>((resolve, reject) => {
          change(tx.objectStore(STORE));
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
          tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
        }),
      STORE_LIMIT_MS,
    ).catch((error: unknown) => {
      if (error instanceof WaitStalled) {
        try {
          tx.abort();
        } catch {
          // Complete or aborted meanwhile.
        }
      }
      throw error;
    });
  };
  return {
    getAll: async () => {
      const store = (await db()).transaction(STORE, 'readonly').objectStore(STORE);
      return (await boundedCall('corrections-read', () => promised(store.getAll()), STORE_LIMIT_MS)) as StoredCorrection[];
    },
    put: (c) => write((store) => store.put(c, correctionKey(c))),
    delete: (key) => write((store) => store.delete(key)),
  };
}

/** A correction as entered: fields trimmed as the CSV reader trims them, so what is kept is what an export gives back. */
export function normalise(c: StoredCorrection): StoredCorrection {
  return {
    report_sha256: c.report_sha256.trim().toLowerCase(),
    metric: c.metric.trim(),
    value: c.value,
    note: c.note.trim(),
    author: c.author.trim(),
    at: c.at.trim(),
    report_id: c.report_id,
    start: c.value === null ? null : c.start,
    end: c.value === null ? null : c.end,
  };
}

/** corrections.csv of these corrections, in a fixed order (same corrections, same bytes). */
export function exportCsv(corrections: readonly StoredCorrection[]): string {
  return writeCorrectionsCsv([...corrections].sort(byReportAndMetric));
}

export interface ImportResult {
  /** The valid rows, as corrections to keep (no report id or span: the file has none). */
  corrections: StoredCorrection[];
  /** The rows refused, with the reason (line numbers of the file). */
  invalid: CorrectionRow[];
}

/** Reads corrections.csv; a wrong header throws with the reason, a bad row is refused with its own. */
export function importCsv(text: string): ImportResult {
  const file = readCorrectionsCsv(text);
  return {
    corrections: file.valid.map((c) => ({ report_sha256: c.report_sha256, metric: c.metric, value: c.value, note: c.note, author: c.author, at: c.at, report_id: null, start: null, end: null })),
    invalid: file.rows.filter((r) => r.status === 'invalid'),
  };
}

/** The corrections kept, with CRUD and the CSV round trip. */
export class CorrectionsStore {
  constructor(private readonly backend: CorrectionsBackend) {}

  async list(): Promise<StoredCorrection[]> {
    return (await this.backend.getAll()).sort(byReportAndMetric);
  }

  /** Keeps a correction, replacing one of the same report and metric. */
  async save(correction: StoredCorrection): Promise<void> {
    const c = normalise(correction);
    if (!/^[0-9a-f]{64}$/.test(c.report_sha256)) throw new Error('report_sha256: not a sha256 hex string');
    if (c.value !== null && !Number.isFinite(c.value)) throw new Error(`value: not a number: ${String(c.value)}`);
    await this.backend.put(c);
  }

  remove(key: string): Promise<void> {
    return this.backend.delete(key);
  }

  /** Imports a corrections.csv: its valid rows are kept (replacing the same report and metric), the invalid ones returned. */
  async import(text: string): Promise<ImportResult> {
    const result = importCsv(text);
    const kept = new Map((await this.backend.getAll()).map((c) => [correctionKey(c), c]));
    for (const c of result.corrections) {
      // A correction made here keeps its report id and span when the file repeats it.
      const before = kept.get(correctionKey(c));
      await this.save(before && before.value === c.value ? { ...c, report_id: before.report_id, start: before.start, end: before.end } : c);
    }
    return result;
  }

  async export(): Promise<string> {
    return exportCsv(await this.list());
  }
}
