// The user's imported layer for the whole page: the reports kept in IndexedDB, the import that is
// running (progress, cancel), and the layer built from them and loaded into the data worker.
// Every query says which layer it reads (useLayerKey), so switching never shows cached rows.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LayerMode } from '../../db/protocol';
import type { ReportRecord } from '../../../workers/import-protocol';
import { useDataset } from '../data/dataset';
import { createImportPool, type ImportPool } from './import-pool';
import { importEntries, isCancelled, runImport, type PickedFile } from './import-run';
import { arrowFiles, buildLayer, layerZip, ZIP_FOLDER, type BuiltLayer } from './layer-build';
import { clearRecords, deleteRecord, loadRecords, putRecords } from './layer-store';

export interface ImportedRow {
  id: string;
  status: 'ok' | 'partial' | 'failed';
  reason: string | null;
}

export interface ImportProgress {
  total: number;
  done: number;
  ok: number;
  partial: number;
  failed: number;
  startedAt: number;
  /** Milliseconds since the start, when last counted. */
  elapsedMs: number;
  running: boolean;
  cancelled: boolean;
}

export interface UserLayerState {
  rows: ImportedRow[];
  progress: ImportProgress | null;
  /** The built layer's dataset version; null: no layer. */
  version: string | null;
  mode: LayerMode;
  busy: boolean;
  error: string | null;
  importFiles(picked: readonly PickedFile[]): Promise<void>;
  cancel(): void;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
  zip(): { name: string; bytes: Uint8Array } | null;
  setMode(mode: LayerMode): void;
}

const rowOf = (r: ReportRecord): ImportedRow => ({ id: r.id, status: r.parsed.status, reason: r.parsed.error ?? null });
const noop = async () => {};
const UserLayerContext = createContext<UserLayerState>({
  rows: [], progress: null, version: null, mode: 'all', busy: false, error: null,
  importFiles: noop, cancel: () => {}, remove: noop, clear: noop, zip: () => null, setMode: () => {},
});

// `?bench=1`: tests and benchmarks reach the import machinery (read when the module loads).
const BENCH = new URLSearchParams(window.location.search).has('bench');

export function UserLayerProvider({ children }: { children: ReactNode }) {
  const { client, info } = useDataset();
  const records = useRef(new Map<string, ReportRecord>());
  const built = useRef<BuiltLayer | null>(null);
  const pool = useRef<ImportPool | null>(null);
  const [rows, setRows] = useState<ImportedRow[]>([]);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [version, setVersion] = useState<string | null>(null);
  const [mode, setModeState] = useState<LayerMode>('all');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Builds the layer of every kept report again and hands it to the data worker. */
  const rebuild = useCallback(async () => {
    if (!client) return;
    const all = [...records.current.values()];
    setRows(all.map(rowOf).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
    if (all.length === 0) {
      built.current = null;
      await client.setLayer(null);
      setVersion(null);
      return;
    }
    const layer = await buildLayer(all);
    built.current = layer;
    const result = await client.setLayer({ manifest: layer.manifest, files: arrowFiles(layer) });
    setVersion(result.datasetVersion);
  }, [client]);

  const guarded = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }, []);

  // The kept reports, once the dataset is loaded.
  useEffect(() => {
    if (!client || !info) return;
    void guarded(async () => {
      for (const record of await loadRecords()) records.current.set(record.id, record);
      if (records.current.size > 0) await rebuild();
    });
  }, [client, info, guarded, rebuild]);

  const importFiles = useCallback(
    (picked: readonly PickedFile[]) =>
      guarded(async () => {
        const entries = importEntries(picked);
        if (entries.length === 0) return;
        const startedAt = performance.now();
        const counts = { total: entries.length, done: 0, ok: 0, partial: 0, failed: 0, startedAt, elapsedMs: 0, running: true, cancelled: false };
        setProgress({ ...counts });
        let shown = 0;
        const created = createImportPool();
        pool.current = created;
        const done = await runImport(entries, created, (record) => {
          counts.done++;
          counts[record.parsed.status]++;
          const now = performance.now();
          if (now - shown > 150) {
            shown = now;
            setProgress({ ...counts, elapsedMs: now - startedAt });
          }
        });
        created.close();
        const cancelled = pool.current !== created;
        pool.current = null;
        const kept = done.filter((r) => !isCancelled(r));
        setProgress({ ...counts, done: kept.length, failed: counts.failed - (done.length - kept.length), total: cancelled ? kept.length : counts.total, elapsedMs: performance.now() - startedAt, running: false, cancelled });
        await putRecords(kept);
        for (const record of kept) records.current.set(record.id, record);
        await rebuild();
      }),
    [guarded, rebuild],
  );

  const cancel = useCallback(() => {
    const running = pool.current;
    pool.current = null;
    running?.close();
  }, []);

  const remove = useCallback(
    (id: string) =>
      guarded(async () => {
        await deleteRecord(id);
        records.current.delete(id);
        await rebuild();
      }),
    [guarded, rebuild],
  );

  const clear = useCallback(
    () =>
      guarded(async () => {
        await clearRecords();
        records.current.clear();
        setProgress(null);
        await rebuild();
      }),
    [guarded, rebuild],
  );

  const zip = useCallback(() => (built.current ? { name: `${ZIP_FOLDER}-${built.current.manifest.dataset_version.slice(0, 8)}.zip`, bytes: layerZip(built.current) } : null), []);

  const setMode = useCallback(
    (next: LayerMode) => {
      if (client) client.layer = next;
      setModeState(next);
    },
    [client],
  );

  useEffect(() => {
    if (!BENCH) return;
    // The same-answers test parses files through the page's own pool.
    let benchPool: ImportPool | null = null;
    Object.assign(window, {
      __gongkaiImport: {
        parse: (bytes: Uint8Array, fileName: string) => (benchPool ??= createImportPool()).parse(bytes, fileName),
        importFiles,
        layer: () => built.current,
      },
    });
  }, [importFiles]);

  const value = useMemo(
    () => ({ rows, progress, version, mode, busy, error, importFiles, cancel, remove, clear, zip, setMode }),
    [rows, progress, version, mode, busy, error, importFiles, cancel, remove, clear, zip, setMode],
  );
  return <UserLayerContext.Provider value={value}>{children}</UserLayerContext.Provider>;
}

export const useUserLayer = (): UserLayerState => useContext(UserLayerContext);

/** What a query's cache key needs of the layer: the mode, and the layer it reads. */
export function useLayerKey(): { mode: LayerMode; key: string } {
  const { mode, version } = useContext(UserLayerContext);
  return { mode, key: version === null ? 'dataset' : `${mode}:${version}` };
}
