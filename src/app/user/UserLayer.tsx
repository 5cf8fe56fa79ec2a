// The user's imported layer for the whole page: the reports kept in IndexedDB, the import that is
// running (progress, cancel), and the layer built from them and loaded into the data worker.
// Every query says which layer it reads (useLayerKey), so switching never shows cached rows.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { LAYER_MODES, type LayerMode } from '../../db/protocol';
import type { ImportedFile, LayerRow, ReportRecord } from '../../../workers/import-protocol';
import { failedReport } from '../../ingest/failed-report';
import { useDataset } from '../data/dataset';
import { createImportPool, type ImportPool, type ImportPoolOptions } from './import-pool';
import { importEntries, isCancelled, runImport, type ImportEntry, type PickedFile, type RunOptions } from './import-run';
import { countDone, countSizes, newMeasure, type ParseMeasure } from './import-progress';
import { openLayerBuild, type BuiltLayer, type LayerBuild } from './layer-build';
import { holdSpill, removeSpill } from '../../db/user-layer-spill';
import { ZIP_FOLDER } from './layer-zip';
import { clearRecords, deleteRecord, listRows, putRecords } from './layer-store';
import { DUPLICATES_SQL, DuplicateLookup } from './dataset-duplicates';
import { BROWSER_CALLS, limitForTest, stallNext, type BrowserCall } from '../../../workers/bounded-wait';

export interface ImportedRow extends LayerRow {
  /** The dataset's report with the same file (sha256): the user's reports alone count this one, views over both the dataset's. */
  duplicateOf: string | null;
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
  /** Files and bytes, all and done, by kind: time left is estimated from these (import-progress.ts). */
  measure: ParseMeasure;
  running: boolean;
  cancelled: boolean;
}

/** Where the last import's time went (ms), for the benchmark. */
export interface ImportTimings {
  parse: number;
  store: number;
  list: number;
  duplicates: number;
  build: number;
  load: number;
}

export interface UserLayerState {
  rows: ImportedRow[];
  progress: ImportProgress | null;
  /** The built layer's dataset version; null: no layer. */
  version: string | null;
  /** The kept reports' layer was looked for once since the page loaded (built and loaded, or found none, or failed). */
  loaded: boolean;
  mode: LayerMode;
  busy: boolean;
  error: string | null;
  importFiles(picked: readonly PickedFile[]): Promise<void>;
  /** Files are expected (the import panel opened, files dragged over): the parse pool starts now. */
  prepare(): void;
  cancel(): void;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
  zip(): Promise<{ name: string; bytes: Uint8Array } | null>;
  setMode(mode: LayerMode): void;
}

const noop = async () => {};
const UserLayerContext = createContext<UserLayerState>({
  rows: [], progress: null, version: null, loaded: false, mode: 'all', busy: false, error: null,
  importFiles: noop, prepare: () => {}, cancel: () => {}, remove: noop, clear: noop, zip: async () => null, setMode: () => {},
});

/** The layer a query reads, apart: an import's progress re-renders the import control, not every chart. */
interface LayerKey {
  mode: LayerMode;
  version: string | null;
  loaded: boolean;
  building: boolean;
  /** The user's reports that are not copies of the dataset's: their rows are the layer's in views over both. */
  own: ReadonlySet<string>;
}
const LayerKeyContext = createContext<LayerKey>({ mode: 'all', version: null, loaded: false, building: false, own: new Set() });

/** The URL's layer as the page opens, so the first queries already read it (ImportControl keeps it in step after). */
const URL_MODE: LayerMode = LAYER_MODES.find((m) => m === new URLSearchParams(window.location.search).get('layer')) ?? 'all';

// `?bench=1`: tests and benchmarks reach the import machinery (read when the module loads).
const BENCH = new URLSearchParams(window.location.search).has('bench');
// `?bench=1&stall=layer-open&limitMs=2000`: the page's first call of that kind never answers (a
// reload's, before any hook can be reached), each named call given 2 s (workers/bounded-wait.ts).
if (BENCH) {
  const params = new URLSearchParams(window.location.search);
  for (const call of params.getAll('stall')) if ((BROWSER_CALLS as string[]).includes(call)) stallNext(call as BrowserCall);
  if (params.has('limitMs')) limitForTest(Number(params.get('limitMs')));
}
/** Failed reports the page writes to IndexedDB together (the workers store the parsed ones). */
const STORE_BATCH = 200;
/**
 * The parse pool is kept between imports (its workers keep the gazetteer loaded and their code
 * compiled and warm: a fresh worker spends ~0.3 CPU-s loading the gazetteer and runs its first
 * files slower) and stops after this long without files (its workers hold the gazetteer).
 */
const POOL_IDLE_MS = 600_000;

/** A built layer whose OPFS folder the page holds (a Web Lock) while the data worker may read it. */
interface HeldLayer {
  layer: BuiltLayer;
  release(): void;
}

/** Builds the layer (`copies`: its files the dataset holds), holds its folder before the build worker stops (its lock goes with it), and stops that worker (its memory goes before the data worker takes the layer). */
async function holdBuilt(session: LayerBuild, copies: Record<string, string>): Promise<HeldLayer> {
  try {
    const layer = { ...(await session.build()), copies };
    return { layer, release: layer.spill ? await holdSpill(layer.spill) : () => {} };
  } finally {
    session.close();
  }
}

/** Removes the layer's folder (gone already once loaded) and lets go of its lock. */
async function letGo(held: HeldLayer): Promise<void> {
  if (held.layer.spill) await removeSpill(held.layer.spill);
  held.release();
}

export function UserLayerProvider({ children }: { children: ReactNode }) {
  const { client, info } = useDataset();
  const pool = useRef<ImportPool | null>(null);
  const timings = useRef<Partial<ImportTimings>>({});
  /** The page's last build of the layer, for the bench hook's account of where it got. */
  const lastBuild = useRef<LayerBuild | null>(null);
  /** Bench hook: the next build's first worker waits on a call into OPFS that never answers. */
  const stallNextBuild = useRef(false);
  /** Whether the last layer built went through OPFS (src/db/user-layer-spill.ts), for the bench hook. */
  const spilled = useRef(false);
  /** Layers built again for a restarted data worker, their OPFS folders held until a later load is answered. */
  const reloads = useRef<HeldLayer[]>([]);
  const [rows, setRows] = useState<ImportedRow[]>([]);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [version, setVersion] = useState<string | null>(null);
  const [mode, setModeState] = useState<LayerMode>(URL_MODE);
  const [loaded, setLoaded] = useState(false);
  /** A layer of kept reports is being built and loaded. */
  const [building, setBuilding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** The dataset's reports with the imported files (by sha256), looked up while an import runs (src/app/user/dataset-duplicates.ts). */
  const duplicates = useMemo(() => {
    if (!client || !info) return null;
    return new DuplicateLookup(async (shas) => {
      const { table } = await client.query({ sql: DUPLICATES_SQL, params: [shas.join(',')], tables: ['reports'], layer: 'dataset' });
      return new Map(table.toArray().map((row) => [String(row.sha256), String(row.report_id)]));
    });
  }, [client, info]);

  /** Builds the layer of every kept report again (in a worker of its own, from IndexedDB) and hands it to the data worker. */
  const rebuild = useCallback(async () => {
    if (!client || !duplicates) return;
    // This build's laps only (a lap missing is where it is, or stopped).
    const t = timings.current;
    for (const lap of ['list', 'duplicates', 'build', 'load'] as const) delete t[lap];
    let at = performance.now();
    const lap = (name: keyof ImportTimings) => {
      const now = performance.now();
      t[name] = now - at;
      at = now;
    };
    const kept = await listRows();
    lap('list');
    if (kept.length === 0) {
      setRows([]);
      await client.setLayer(null);
      setVersion(null);
      return;
    }
    // Only when there is a layer to build (a page with none starts no worker); it loads the
    // gazetteer while the duplicates are looked up.
    const session = openLayerBuild({ stallFirst: stallNextBuild.current });
    stallNextBuild.current = false;
    lastBuild.current = session;
    setBuilding(true);
    try {
      const held = await duplicates.reportsOf([...new Set(kept.flatMap((r) => (r.sha256 ? [r.sha256] : [])))]);
      lap('duplicates');
      setRows(kept.map((r) => ({ ...r, duplicateOf: (r.sha256 && held.get(r.sha256)) || null })));
      const copies = Object.fromEntries(held);
      const built = await holdBuilt(session, copies);
      spilled.current = built.layer.spill !== null;
      lap('build');
      // The files move to the data worker; a restarted one gets the layer built again from IndexedDB,
      // its folder held until the worker has answered it (a restart long after this load included).
      const reload = async () => {
        const again = await holdBuilt(openLayerBuild(), copies);
        reloads.current.push(again);
        return again.layer;
      };
      const settled = (given: unknown) => {
        const at = reloads.current.findIndex((held) => held.layer === given);
        if (at >= 0) void letGo(reloads.current.splice(at, 1)[0]);
      };
      try {
        const result = await client.setLayer(built.layer, reload, settled);
        lap('load');
        setVersion(result.datasetVersion);
      } finally {
        // Loaded (the data worker removed it) or not (it failed, or died reading it): it goes now.
        await letGo(built);
        // The layers sent to a restarted data worker while this one loaded were read before it was answered.
        for (const held of reloads.current.splice(0)) await letGo(held);
      }
    } finally {
      setBuilding(false);
      session.close();
    }
  }, [client, duplicates]);

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
    void guarded(rebuild).then(() => setLoaded(true));
  }, [client, info, guarded, rebuild]);

  /** The page's pool between imports (started before the files came, or kept from the last import), stopped after POOL_IDLE_MS. */
  const idle = useRef<{ pool: ImportPool; timer: ReturnType<typeof setTimeout> } | null>(null);
  const keepIdle = useCallback((created: ImportPool) => {
    if (idle.current) clearTimeout(idle.current.timer);
    // A pool one of whose workers never started is not kept: the next import starts afresh.
    if (!created.startable()) {
      idle.current = null;
      created.close();
      return;
    }
    const timer = setTimeout(() => {
      if (idle.current?.pool !== created) return;
      idle.current = null;
      created.close();
    }, POOL_IDLE_MS);
    idle.current = { pool: created, timer };
  }, []);
  /** The kept pool, or a new one. */
  const takePool = useCallback((): ImportPool => {
    const kept = idle.current;
    idle.current = null;
    if (kept) clearTimeout(kept.timer);
    return kept?.pool ?? createImportPool();
  }, []);
  /**
   * Parses the entries into IndexedDB (the workers store them), counting as they come; the page keeps no report.
   * `keep`: the pool is the page's, kept for the next import; else it stops once the files are done. */
  const run = useCallback(async (entries: readonly ImportEntry[], created: ImportPool, keep: boolean, options: RunOptions = {}) => {
    const startedAt = performance.now();
    // Sizes are read once the first files are sent (countSizes): the file count is known at once.
    const files = new Map(entries.map((e) => [e.id, e]));
    const measure = newMeasure(entries.map((e) => e.path));
    const counts = { total: entries.length, done: 0, ok: 0, partial: 0, failed: 0, startedAt, elapsedMs: 0, measure, running: true, cancelled: false };
    setProgress({ ...counts });
    let shown = 0;
    let cancelledFiles = 0;
    // The failures no worker answered for (too large, worker stopped): the page stores those.
    let batch: ReportRecord[] = [];
    let stored = Promise.resolve();
    const store = () => {
      if (batch.length === 0) return;
      const some = batch;
      batch = [];
      stored = stored.then(() => putRecords(some));
    };
    pool.current = created;
    let finished = false;
    const sized = countSizes(measure, entries, () => finished);
    await runImport(entries, created, (outcome) => {
      if (isCancelled(outcome)) {
        cancelledFiles++;
        return;
      }
      counts.done++;
      const file = files.get(outcome.row.id);
      if (file) countDone(measure, { path: file.path, size: file.file.size }, performance.now() - startedAt);
      counts[outcome.row.status]++;
      if (outcome.row.sha256) duplicates?.soon(outcome.row.sha256);
      if (outcome.record) batch.push(outcome.record);
      if (batch.length >= STORE_BATCH) store();
      const now = performance.now();
      if (now - shown > 150) {
        shown = now;
        setProgress({ ...counts, elapsedMs: now - startedAt });
      }
    }, options);
    finished = true;
    await sized;
    // Cancelled: the pool was closed. Else it is kept for the next import (the layer is still built
    // in a fresh worker: a parse worker's heap, grown over the files it read, carried into the
    // build, where the import's memory peaks, cost 1.51 GB PSS at 10,000 reports against 1.36).
    const cancelled = pool.current !== created || cancelledFiles > 0;
    if (pool.current === created) {
      pool.current = null;
      if (keep) keepIdle(created);
      else created.close();
    }
    const parsed = performance.now() - startedAt;
    setProgress({ ...counts, total: cancelled ? counts.done : counts.total, elapsedMs: parsed, running: false, cancelled });
    store();
    await stored;
    timings.current = { parse: parsed, store: performance.now() - startedAt - parsed };
  }, [duplicates, keepIdle]);

  /** Files are expected: the pool's workers start (load the gazetteer) while the user picks them. */
  const prepare = useCallback(() => {
    if (pool.current) return;
    const created = takePool();
    created.warm();
    keepIdle(created);
  }, [takePool, keepIdle]);
  useEffect(() => () => {
    idle.current?.pool.close();
    idle.current = null;
  }, []);

  const importFiles = useCallback(
    (picked: readonly PickedFile[]) =>
      guarded(async () => {
        const entries = importEntries(picked);
        if (entries.length === 0) return;
        await run(entries, takePool(), true);
        await rebuild();
      }),
    [guarded, rebuild, run, takePool],
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
        await rebuild();
      }),
    [guarded, rebuild],
  );

  const clear = useCallback(
    () =>
      guarded(async () => {
        await clearRecords();
        setProgress(null);
        await rebuild();
      }),
    [guarded, rebuild],
  );

  const zip = useCallback(async () => {
    if (version === null) return null;
    const session = openLayerBuild();
    try {
      const zipped = await session.zip();
      return { name: `${ZIP_FOLDER}-${zipped.version.slice(0, 8)}.zip`, bytes: zipped.bytes };
    } finally {
      session.close();
    }
  }, [version]);

  const setMode = useCallback(
    (next: LayerMode) => {
      if (client) client.layer = next;
      setModeState(next);
    },
    [client],
  );

  useEffect(() => {
    if (!BENCH) return;
    let benchPool: ImportPool | null = null;
    Object.assign(window, {
      __gongkaiImport: {
        // The same-answers test parses files through the page's own pool.
        parse: async (bytes: Uint8Array, fileName: string): Promise<ImportedFile> => {
          const answer = await (benchPool ??= createImportPool()).parse(new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName);
          if (answer.kind === 'parsed') return answer.file;
          return { parsed: failedReport(answer.kind === 'failed' ? answer.reason : 'stored'), jurisdiction: null, sha256: '', bytes: bytes.byteLength };
        },
        importFiles,
        timings: () => ({ ...timings.current }),
        /** Where the page's last build of the layer got (attempt and stage). */
        build: () => lastBuild.current?.reached() ?? null,
        spilled: () => spilled.current,
        /** The next build's first worker waits on a call into OPFS that never answers (its build is done again, in memory). */
        stallNextBuild: () => void (stallNextBuild.current = true),
        /** The page's next `times` calls of this kind into the browser never answer (workers/bounded-wait.ts). */
        stallNext: (call: BrowserCall, times = 1) => stallNext(call, times),
        /** Every named call's limit in the page (null: each its own). */
        limitForTest,
        /**
         * An import of named blobs with a pool of these options, kept like any other; `crash`
         * names files whose worker is made to die as it takes them, `stallStarts` how many workers
         * started first never say they are ready, `dieStarts` how many fail as they load, `stalls` how
         * many calls of each kind into the browser never answer in each worker. Answers
         * the most bytes in flight.
         */
        run: (files: { path: string; blob: Blob }[], options: ImportPoolOptions & { budgetBytes?: number; crash?: string[]; stallStarts?: number; dieStarts?: number } = {}) =>
          new Promise<number>((resolve, reject) => {
            let peak = 0;
            const crash = new Set(options.crash ?? []);
            const stallStarts = options.stallStarts ?? 0;
            const dieStarts = options.dieStarts ?? 0;
            const created = createImportPool({
              ...options,
              crash: crash.size > 0 ? (name) => crash.has(name) : undefined,
              stall: (started) => started < stallStarts,
              die: (started) => started < dieStarts,
            });
            const entries = importEntries(files.map((f) => ({ path: f.path, alone: false, file: f.blob })));
            guarded(async () => {
              await run(entries, created, false, { budgetBytes: options.budgetBytes, onPeak: (bytes) => (peak = bytes) });
              await rebuild();
            }).then(() => resolve(peak), reject);
          }),
      },
    });
  }, [importFiles, guarded, rebuild, run]);

  const value = useMemo(
    () => ({ rows, progress, version, loaded, mode, busy, error, importFiles, prepare, cancel, remove, clear, zip, setMode }),
    [rows, progress, version, loaded, mode, busy, error, importFiles, prepare, cancel, remove, clear, zip, setMode],
  );
  const own = useMemo(() => new Set(rows.filter((r) => r.duplicateOf === null).map((r) => r.id)), [rows]);
  const key = useMemo(() => ({ mode, version, loaded, building, own }), [mode, version, loaded, building, own]);
  return (
    <LayerKeyContext.Provider value={key}>
      <UserLayerContext.Provider value={value}>{children}</UserLayerContext.Provider>
    </LayerKeyContext.Provider>
  );
}

export const useUserLayer = (): UserLayerState => useContext(UserLayerContext);

/** The built layer's version (null: none), without the import's progress. */
export const useLayerVersion = (): string | null => useContext(LayerKeyContext).version;

/**
 * What a query needs of the layer: the mode, the layer it reads (its cache key), and whether it
 * must wait: the user's reports alone are asked for and not (yet) in the data worker. Until the
 * layer is in, the worker would answer from the dataset, which is not "your reports".
 */
export function useLayerKey(): { mode: LayerMode; key: string; waiting: boolean } {
  const { mode, version } = useContext(LayerKeyContext);
  return { mode, key: version === null ? 'dataset' : `${mode}:${version}`, waiting: mode === 'user' && version === null };
}

/** Under the user's reports alone (`mode`, the URL's): null when they are in (or not asked for), else why nothing is shown. */
export function useUserOnlyPending(mode: LayerMode): 'loading' | 'none' | null {
  const { version, loaded } = useContext(LayerKeyContext);
  if (mode !== 'user' || version !== null) return null;
  return loaded ? 'none' : 'loading';
}

/** The version of the rows shown: the user's layer's under the user's reports alone, else the dataset's (`dataset`). */
export function useShownVersion(dataset: string | null): string | null {
  const { mode, version } = useContext(LayerKeyContext);
  return mode === 'user' ? version : dataset;
}

/**
 * Under both layers (`mode`, the URL's) while the kept reports are still being built and loaded:
 * the views show the dataset alone meanwhile, and the page says so (rather than showing nothing:
 * the dataset's figures are right as the dataset's, and a large layer takes tens of seconds).
 */
export function useDatasetAloneForNow(mode: LayerMode): boolean {
  const { version, building } = useContext(LayerKeyContext);
  return mode === 'all' && version === null && building;
}

/**
 * Under both layers with the user's layer in: its version and its own reports (copies of the
 * dataset's are the dataset's rows there), so a download says which rows are whose; else null.
 */
export function useLayerRows(): { version: string; reports: ReadonlySet<string> } | null {
  const { mode, version, own } = useContext(LayerKeyContext);
  return mode === 'all' && version !== null ? { version, reports: own } : null;
}
