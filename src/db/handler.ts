// The worker side of the protocol: turns requests into engine calls. Pure of any Worker API, so
// tests drive it directly in Node with the same DuckDB-WASM engine the browser uses.
import { tableFromIPC } from 'apache-arrow';
import { assertStoredEncoding, decodeArrowFile } from '../shared/arrow-file';
import { loadedBytes, parseManifest, partitionsFor, type Manifest, type ManifestPartition, type ManifestStored } from '../shared/manifest';
import type { Engine } from './engine';
import { DataError, toErrorData, type InitPayload, type InitResult, type CorrectionsPayload, type LayerPayload, type LayerResult, type QueryPayload, type QueryResult, type Request, type Response, type SchemaResult, type SchemaTable, type UserSqlPayload } from './protocol';
import { arrowStreamColumns, describeSchema } from './schema';
import { assertReadOnly, tablesNamed } from './sql-guard';
// The view builders define the pre-aggregates when their modules load: import them all here, or the
// worker's bundle would hold the registry empty.
import './sql';
import { buildableAtAnySize, isPreaggregate, pooledUnitsSql, preaggregate, preaggregateFingerprint, preaggregateNames, preaggregateSelect, preaggregateSql, summedAcrossProvincesSql, unitAcrossProvincesSql } from './sql/preaggregated';
import type { PreaggregatedQuery } from './sql/query';
import { assertInLayer, describeLayer, dropUserLayer, ensureAllView, ensureDatasetModeView, ensureDatasetView, inLayer, loadUserLayer, payloadRead, readFromDataset, USER_SCHEMA, type UserLayer } from './user-layer';
import { readSpilled, removeSpill } from './user-layer-spill';
import { engineInSchema, mergeOutcomes, UserCorrections } from './user-corrections';
import { BEHIND_INIT_TABLES, BEHIND_INIT_WAIT_MS, DERIVED_TABLES, EAGER_DETAIL_ROWS, isDatasetTable, isDerivedTable, LOAD_BUDGET_BYTES, quoteIdent } from './tables';

export interface HandlerDeps {
  createEngine: () => Promise<Engine>;
  fetchBytes: (url: string) => Promise<Uint8Array>;
  now?: () => number;
  /** Overrides LOAD_BUDGET_BYTES (tests). */
  loadBudgetBytes?: number;
  /** Overrides EAGER_DETAIL_ROWS (tests). */
  eagerDetailRows?: number;
  /** When the worker's script ran (its clock), for the init's trace. */
  scriptAt?: number;
  /** false: nothing loads or builds behind init (ingest's stored answers, src/ingest/stored-answers.ts). */
  preload?: boolean;
}

interface Dataset {
  engine: Engine;
  manifest: Manifest;
  manifestUrl: string;
  /** Files fetched and decompressed before the engine was ready (init's eager ones), by path, until loaded. */
  prefetched: Map<string, Promise<{ ipc: Uint8Array; decodeMs: number }>>;
  /** Partition files loaded or loading, by path; a failed load is removed so a later query can retry it. */
  partitions: Map<string, Promise<void>>;
  /** Rows in the engine per table, and the bytes of their Arrow streams (decompressed). */
  rowsIn: Map<string, number>;
  bytesIn: number;
  bytesOf: Map<string, number>;
  /** Derived tables built or building. */
  derived: Map<string, Promise<void>>;
  /** Views of schema `ds` made (src/db/user-layer.ts, ensureDatasetModeView). */
  datasetModeViews: Set<string>;
  /** Whole-table loads behind init (settled either way): queries naming the table wait for them. */
  wholeLoads: Map<string, Promise<unknown>>;
  /** Lets the loads behind init begin (they wait for the page's first answer: see preload). */
  beginBehindInit: () => void;
  /** Pre-aggregates (src/db/sql/preaggregated.ts) built or building from the current rows, or loaded from their stored answer. */
  preaggregates: Map<string, Promise<void>>;
  /** The manifest's stored answers are the current rows' (no corrections applied): loaded rather than built. */
  storedUsable: boolean;
  /** Pre-aggregates built in the engine and loaded from stored answers so far (QueryResult.preaggregates). */
  preaggregateCounts: { built: number; stored: number };
  /** Stored answers refused (a file missing, altered or unreadable): built instead, or answered row by row. */
  storedRefused: Set<string>;
  /** Why, for the next answer (QueryResult.warnings). */
  warnings: string[];
  /** Columns of tables not loaded yet, read from one of their files (schema browser). */
  columnsOf: Map<string, Promise<SchemaTable['columns']>>;
  elapsedMs: number;
  /** Time spent decompressing table files (bench figures). */
  decodeMs: number;
  trace: NonNullable<InitResult['trace']>;
  /** Set by close(): loads still under way (behind init) stop before they touch the engine. */
  closed: boolean;
  /** The page's corrections (src/db/user-corrections.ts), applied one set at a time. */
  corrections: UserCorrections;
  correcting: Promise<unknown>;
}

export interface Handler {
  handle(request: Request): Promise<Response>;
  /** A pre-aggregate of the dataset built (never loaded from a stored answer) and read whole: its Arrow IPC stream (ingest's stored answers). */
  exportPreaggregate(name: string): Promise<Uint8Array>;
  /** Drops pre-aggregates built (exported ones and the parts they needed): ingest keeps the engine's memory to one group at a time. */
  dropPreaggregates(names: readonly string[]): Promise<void>;
  /** Drops loaded dataset tables (every partition; a later query loads what it needs again): ingest lets a province's rows go once its answers are stored. */
  releaseTables(names: readonly string[]): Promise<void>;
  /** Loads the partitions of dataset tables that `provinces` need (all when absent): ingest's stored answers choose what the engine holds. */
  loadTables(names: readonly string[], provinces?: readonly string[]): Promise<void>;
  /**
   * Builds pre-aggregates defined `byProvince` or `summedByProvince` (never from stored answers) in
   * one pass over the provinces of their sources' partitions: each province's partitions loaded, its
   * rows appended to every one, then let go; each made whole at the end (in its order, or its
   * groups' sums added). The engine never holds more
   * than one province's rows (ingest's stored answers over every province).
   */
  buildPreaggregatesByProvince(names: readonly string[]): Promise<void>;
  close(): void;
}

const decoder = new TextDecoder();

export function createHandler(deps: HandlerDeps): Handler {
  const now = deps.now ?? (() => performance.now());
  const budget = deps.loadBudgetBytes ?? LOAD_BUDGET_BYTES;
  const eagerDetailRows = deps.eagerDetailRows ?? EAGER_DETAIL_ROWS;
  let dataset: Promise<Dataset> | null = null;
  let datasetUrl: string | null = null;
  /** The user's imported layer (src/db/user-layer.ts); null: none. */
  let userLayer: UserLayer | null = null;
  /** The corrections of the user's layer: the same code over its schema (rebuilt with each layer). */
  let layerCorrections: UserCorrections | null = null;
  /**
   * A layer being replaced (its parts are read with awaits between them): queries that do not ask
   * for the dataset alone wait for it, so none reads a half-loaded layer or the dataset in its stead.
   */
  let layerChange: Promise<void> | null = null;

  /** A partition's file fetched, checked against the manifest and decompressed: its Arrow stream (no engine needed). */
  async function fetchPartition(manifestUrl: string, name: string, partition: ManifestPartition): Promise<{ ipc: Uint8Array; decodeMs: number }> {
    let bytes: Uint8Array;
    try {
      bytes = await deps.fetchBytes(new URL(partition.path, manifestUrl).href);
    } catch (error) {
      throw new DataError(`table ${name}: cannot fetch ${partition.path}: ${(error as Error).message}`, { cause: error });
    }
    try {
      assertStoredEncoding(partition.path, bytes);
    } catch (error) {
      throw new DataError(`table ${name}: ${(error as Error).message}`, { cause: error });
    }
    await verifyAgainstManifest(name, partition, bytes);
    const decodeStarted = now();
    try {
      const ipc = await decodeArrowFile(partition.path, bytes);
      return { ipc, decodeMs: now() - decodeStarted };
    } catch (error) {
      throw new DataError(`table ${name}: cannot decompress ${partition.path}: ${(error as Error).message}`, { cause: error });
    }
  }

  async function loadPartition(d: Dataset, name: string, partition: ManifestPartition): Promise<void> {
    // Fetched while the engine was starting (open), else now; a prefetch is used once.
    const prefetched = d.prefetched.get(partition.path);
    d.prefetched.delete(partition.path);
    const { ipc, decodeMs } = await (prefetched ?? fetchPartition(d.manifestUrl, name, partition));
    d.decodeMs += decodeMs;
    if (d.closed) throw new DataError(`table ${name}: the worker was closed`);
    const before = d.rowsIn.get(name);
    try {
      d.engine.insertArrowStream(name, ipc, before !== undefined);
    } catch (error) {
      dropTable(d, name);
      throw new DataError(`table ${name}: cannot load ${partition.path}: ${(error as Error).message}`, { cause: error });
    }
    // A failed insert can create nothing and raise nothing (STACK-NOTES), so count what arrived.
    const expected = (before ?? 0) + partition.rows;
    const counted = countRows(d.engine, name);
    if (counted !== expected) {
      // Rows may have arrived in part: drop the table, so no query sees a half-loaded one.
      dropTable(d, name);
      throw new DataError(`table ${name}: ${partition.path} brought ${counted === null ? 'no' : counted - (before ?? 0)} rows, the manifest says ${partition.rows}`);
    }
    d.rowsIn.set(name, expected);
    d.bytesIn += loadedBytes(partition);
    d.bytesOf.set(name, (d.bytesOf.get(name) ?? 0) + loadedBytes(partition));
  }

  function dropTable(d: Dataset, name: string): void {
    try {
      d.engine.run(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
    } catch {
      // Nothing was created.
    }
    d.rowsIn.delete(name);
    d.bytesIn -= d.bytesOf.get(name) ?? 0;
    d.bytesOf.delete(name);
    const paths = new Set(d.manifest.tables[name]?.partitions.map((p) => p.path));
    for (const path of paths) d.partitions.delete(path);
  }

  /** Loads the partitions of `name` that `provinces` need (all when absent), within the budget. */
  async function ensureTable(d: Dataset, name: string, provinces?: readonly string[], years?: readonly (number | null)[]): Promise<void> {
    if (isDerivedTable(name)) return ensureDerived(d, name);
    const whole = d.wholeLoads.get(name);
    if (whole) {
      d.beginBehindInit();
      await whole;
    }
    return loadTable(d, name, provinces, years);
  }

  async function loadTable(d: Dataset, name: string, provinces?: readonly string[], years?: readonly (number | null)[]): Promise<void> {
    const entry = d.manifest.tables[name];
    if (!entry) throw new DataError(`table ${name} is not in the dataset's manifest`);
    const needed = partitionsFor(entry, provinces, years);
    const missing = needed.filter((p) => !d.partitions.has(p.path));
    // The budget counts Arrow as loaded (decompressed), not the bytes fetched.
    const bytes = missing.reduce((n, p) => n + loadedBytes(p), 0);
    if (d.bytesIn + bytes > budget) {
      const what = provinces ? `provinces ${provinces.join(', ')}` : 'every province';
      throw new DataError(
        `table ${name} for ${what} needs ${megabytes(bytes)} more, beyond the ${megabytes(budget)} this page may hold (${megabytes(d.bytesIn)} loaded): choose a province`,
      );
    }
    // One partition after another: the first creates the table, the others append to it.
    for (const partition of needed) {
      let pending = d.partitions.get(partition.path);
      if (!pending) {
        const previous = [...d.partitions.values()];
        pending = Promise.allSettled(previous).then(() => loadPartition(d, name, partition));
        d.partitions.set(partition.path, pending);
        pending.catch(() => d.partitions.delete(partition.path));
      }
      await pending;
    }
  }

  function ensureDerived(d: Dataset, name: keyof typeof DERIVED_TABLES): Promise<void> {
    let pending = d.derived.get(name);
    if (!pending) {
      const derived = DERIVED_TABLES[name];
      pending = (async () => {
        // Built from whole tables: a derived table over some provinces would silently miss the rest.
        for (const source of derived.from) await ensureTable(d, source);
        d.engine.run(derived.sql);
      })();
      d.derived.set(name, pending);
      pending.catch(() => d.derived.delete(name));
    }
    return pending;
  }

  async function open(payload: InitPayload): Promise<Dataset> {
    const started = now();
    // The engine (wasm fetched and compiled: most of the wait) starts beside the manifest's fetch.
    const enginePending = deps.createEngine().then((engine) => ({ engine, engineMs: now() - started }));
    let manifest: Manifest;
    try {
      manifest = parseManifest(JSON.parse(decoder.decode(await deps.fetchBytes(payload.manifestUrl))));
    } catch (error) {
      void enginePending.then(({ engine }) => engine.close(), () => {});
      throw error;
    }
    const manifestMs = now() - started;
    // The shared rollups file is fetched, checked and decompressed while the engine starts.
    const prefetched = new Map<string, Promise<{ ipc: Uint8Array; decodeMs: number }>>();
    const rollups = manifest.tables.rollups;
    for (const partition of rollups ? partitionsFor(rollups, []) : []) {
      const pending = fetchPartition(payload.manifestUrl, 'rollups', partition);
      pending.catch(() => {}); // met again, with its message, when the table is loaded
      prefetched.set(partition.path, pending);
    }
    const { engine, engineMs } = await enginePending;
    const tablesStarted = now();
    const d: Dataset = { engine, manifest, manifestUrl: payload.manifestUrl, prefetched, partitions: new Map(), rowsIn: new Map(), bytesIn: 0, bytesOf: new Map(), derived: new Map(), datasetModeViews: new Set(), wholeLoads: new Map(), beginBehindInit: () => {}, preaggregates: new Map(), storedUsable: true, preaggregateCounts: { built: 0, stored: 0 }, storedRefused: new Set(), warnings: [], columnsOf: new Map(), elapsedMs: 0, decodeMs: 0, closed: false, trace: { manifestMs, engineMs, tablesMs: 0, answeredAt: 0, scriptAt: deps.scriptAt, receivedAt: started, timeOrigin: performance.timeOrigin, startup: engine.startup } } as Omit<Dataset, 'corrections' | 'correcting'> as Dataset;
    d.corrections = new UserCorrections({
      engine,
      ensure: (table, provinces, years) => ensureTable(d, table, provinces, years),
      recount: (table) => {
        const n = d.rowsIn.has(table) ? countRows(engine, table) : null;
        if (n !== null) d.rowsIn.set(table, n);
      },
    });
    d.correcting = Promise.resolve();
    try {
      // The rollups' province partitions (county rows) wait for a drill-down.
      await ensureTable(d, 'rollups', []);
    } catch (error) {
      // A bad or missing file disables only the views that need its table: their queries load
      // it again and fail with the same message; every other view works.
      if (!(error instanceof DataError)) {
        engine.close();
        throw error;
      }
    }
    d.elapsedMs = now() - started;
    d.trace.tablesMs = now() - tablesStarted;
    d.trace.answeredAt = now();
    return d;
  }

  /**
   * Behind the init's answer, the detail tables small enough to hold whole (facts_wide while the
   * dataset is small) load, so the overview (rollups) answers at once and the other views'
   * first queries find them loaded or loading (they wait for the same promise, never load twice).
   * They begin once the worker has answered the page's first query (the view it opened on), when a
   * query needs one of them, or BEHIND_INIT_WAIT_MS after init: begun at once, their insert (one
   * synchronous call, ~0.3 s at province size) held up the overview's queries arriving meanwhile.
   */
  function preload(d: Dataset): void {
    let begin!: () => void;
    const begun = new Promise<void>((resolve) => (begin = resolve));
    const timer = setTimeout(() => begin(), BEHIND_INIT_WAIT_MS);
    d.beginBehindInit = () => {
      clearTimeout(timer);
      begin();
    };
    // Registered at once, so that a query naming the table waits for all of it (a view reading
    // a small dataset's facts_wide may keep to no province: the tree's root counts every one).
    const loads = BEHIND_INIT_TABLES.filter((name) => (d.manifest.tables[name]?.rows ?? Infinity) <= eagerDetailRows).map((name) => {
      // A task later: queries that arrived with the first go before the load.
      const whole = begun.then(nextTask).then(() => {
        if (d.closed) throw new DataError(`table ${name}: the worker was closed`);
        return loadTable(d, name);
      });
      d.wholeLoads.set(name, whole.catch(() => {}));
      return whole;
    });
    // Then the pre-aggregates, one after another. A failure here is met again, with its message,
    // by the first query that needs the table.
    void Promise.all(loads)
      .then(async () => {
        if (!preaggregatesUsable(d)) return;
        for (const name of preaggregateNames('behind-init')) await ensurePreaggregate(d, name);
      })
      .catch(() => {});
  }

  const nextTask = (): Promise<void> => new Promise((next) => setTimeout(next, 0));

  /** Pre-aggregates are built from the whole of facts_wide, so only while the page may hold it whole (those of the rollups at any size). */
  const preaggregatesUsable = (d: Dataset): boolean => (d.manifest.tables.facts_wide?.rows ?? Infinity) <= eagerDetailRows;

  /**
   * The stored answer of `name` the page may load: the current rows' (no corrections), not refused
   * before, and made by the SQL the page would run (its fingerprint); else none, and it is built.
   */
  async function usableStored(d: Dataset, name: string): Promise<ManifestStored | undefined> {
    const stored = d.storedUsable && !d.storedRefused.has(name) ? d.manifest.stored?.[name] : undefined;
    if (!stored || stored.sql_sha256 !== (await preaggregateFingerprint(name))) return undefined;
    return stored;
  }

  function ensurePreaggregate(d: Dataset, name: string): Promise<void> {
    let pending = d.preaggregates.get(name);
    if (!pending) {
      const definition = preaggregate(name);
      if (!definition) throw new DataError(`unknown pre-aggregate ${name}`);
      const storedUsable = d.storedUsable;
      pending = (async () => {
        const stored = storedUsable ? await usableStored(d, name) : undefined;
        if (stored) {
          try {
            await loadStored(d, name, stored);
            return;
          } catch (error) {
            if (d.closed) throw error;
            // Never a failed view: built instead (or, where the dataset is too large to build it, answered row by row).
            d.storedRefused.add(name);
            const warning = `stored answer ${name} not used (${(error as Error).message}); ${preaggregatesUsable(d) ? 'built from the rows instead' : 'answered row by row instead'}`;
            d.warnings.push(warning);
            console.warn(`gongkai: ${warning}`);
            if (!preaggregatesUsable(d)) throw error;
          }
        }
        // Loaded as the source query keeps to them (the tree's root reads the gazetteer's shared rows only).
        const source = definition.source();
        for (const table of source.tables) await ensureTable(d, table, source.provinces, source.years);
        for (const other of definition.needs ?? []) await ensurePreaggregate(d, other);
        // The worker reads its messages only between tasks, and a build is one synchronous engine
        // call: a view's query that arrives during the builds behind init waits for one, not all.
        await nextTask();
        if (d.closed) throw new DataError(`pre-aggregate ${name}: the worker was closed`);
        d.engine.run(preaggregateSql(definition));
        d.preaggregateCounts.built++;
      })();
      d.preaggregates.set(name, pending);
      pending.catch(() => d.preaggregates.delete(name));
    }
    return pending;
  }

  /** A stored answer (written by ingest, checked against the manifest) made the pre-aggregate's table. */
  async function loadStored(d: Dataset, name: string, stored: ManifestStored): Promise<void> {
    const { ipc } = await fetchPartition(d.manifestUrl, name, stored);
    if (d.closed) throw new DataError(`stored answer ${name}: the worker was closed`);
    try {
      d.engine.insertArrowStream(name, ipc);
    } catch (error) {
      throw new DataError(`stored answer ${name}: cannot load ${stored.path}: ${(error as Error).message}`, { cause: error });
    }
    const counted = countRows(d.engine, name);
    if (counted !== stored.rows) {
      d.engine.run(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
      throw new DataError(`stored answer ${name}: ${stored.path} brought ${counted ?? 'no'} rows, the manifest says ${stored.rows}`);
    }
    d.preaggregateCounts.stored++;
  }

  /** Drops loaded dataset tables (every partition), once loads under way have finished: a later query loads what it needs again. */
  async function releaseTables(d: Dataset, names: readonly string[]): Promise<void> {
    for (const name of names) {
      // Loads under way finish first, so no partition lands in a table already dropped.
      await Promise.allSettled([...d.partitions.values()]);
      if (d.rowsIn.has(name)) dropTable(d, name);
    }
  }

  /** After corrections: the pre-aggregates are built again, from the corrected rows, when next used. */
  async function dropPreaggregates(d: Dataset): Promise<void> {
    const built = [...d.preaggregates.entries()];
    d.preaggregates.clear();
    for (const [name, pending] of built) {
      await pending.catch(() => {});
      // A query may have begun building it again meanwhile (CREATE OR REPLACE): that one stays.
      if (!d.preaggregates.has(name)) d.engine.run(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
    }
  }

  const describe = (d: Dataset): InitResult => ({
    datasetVersion: d.manifest.dataset_version,
    engine: d.engine.name,
    tables: Object.entries(d.manifest.tables).map(([name, t]) => ({
      name,
      rows: t.rows,
      partitions: t.partitions.length,
      loaded: t.partitions.filter((p) => d.partitions.has(p.path)).length,
    })),
    elapsedMs: d.elapsedMs,
    decodeMs: d.decodeMs,
    trace: d.trace,
  });

  /** Single flight: concurrent inits share one load; a failed one may be retried. */
  function init(payload: InitPayload): Promise<Dataset> {
    if (dataset && datasetUrl === payload.manifestUrl) return dataset;
    if (dataset) throw new DataError(`the worker already serves ${datasetUrl}; start a new worker for ${payload.manifestUrl}`);
    datasetUrl = payload.manifestUrl;
    const pending = open(payload);
    dataset = pending;
    // Its loads start after the answer to init has gone out (a task later than its reply).
    if (deps.preload !== false) pending.then(preload, () => {});
    pending.catch(() => {
      if (dataset === pending) {
        dataset = null;
        datasetUrl = null;
      }
    });
    return pending;
  }

  async function query(payload: QueryPayload, userSql = false): Promise<QueryResult> {
    if (!dataset) throw new DataError('query before init: the dataset is not loaded', { sql: payload.sql });
    // Nothing but reads reaches the engine through the protocol, built queries included.
    assertReadOnly(payload.sql);
    const d = await dataset;
    const datasetAlone = payload.layer === 'dataset';
    while (layerChange && !datasetAlone) await layerChange;
    const layer = userLayer;
    // The user's reports alone are never answered from the dataset.
    if (!layer && payload.layer === 'user') throw new DataError('the imported reports are not loaded (no layer in the data worker)', { sql: payload.sql });
    // Without an imported layer every other mode is the dataset.
    const mode = layer ? (payload.layer ?? 'all') : 'dataset';
    const pre = payload.preaggregated;
    if (pre && mode === 'dataset') {
      const answer = await preaggregated(d, pre, preaggregatesUsable(d) || pre.preaggregates.every(buildableAtAnySize));
      if (answer) return answer;
    }
    for (const name of payload.tables) {
      if (!isDatasetTable(name)) throw new DataError(`unknown table ${name}`, { sql: payload.sql });
      if (mode === 'user' && !readFromDataset(name)) assertInLayer(layer!, name);
      else await ensureTable(d, name, payload.provinces, payload.years);
    }
    // A layer replaced while the dataset's tables loaded: asked again over the new one.
    if (!datasetAlone && (layerChange || userLayer !== layer)) return query(payload, userSql);
    if (mode === 'all') for (const name of payload.tables) ensureAllView(d.engine, layer!, name);
    if (mode === 'user') for (const name of payload.tables) ensureDatasetView(d.engine, layer!, name);
    if (mode === 'dataset' && userSql) for (const name of payload.tables) ensureDatasetModeView(d.engine, d.datasetModeViews, name);
    const started = now();
    try {
      const ipc = ownBuffer(inLayer(d.engine, mode, payload.sql, (sql) => (userSql ? d.engine.runStatement(sql) : d.engine.run(sql, payload.params)), userSql));
      return { ipc, elapsedMs: now() - started, ...takeWarnings(d) };
    } catch (error) {
      const message = (error as Error).message;
      // DuckDB expands some statements (a PIVOT without IN (…)) into several, which typed SQL may not run.
      const hint = userSql && /Cannot prepare multiple statements/.test(message) ? ' (DuckDB runs this statement as several; for PIVOT, list the values: ON column IN (…))' : '';
      throw new DataError(message + hint, { sql: payload.sql, cause: error });
    }
  }

  /**
   * A query's pre-aggregated form (built query, never typed SQL): its pre-aggregates built first, or
   * loaded from their stored answers. Null when it cannot answer (`buildable` false: the dataset is
   * too large to build them, and one is not stored): the row-level query answers.
   */
  async function preaggregated(d: Dataset, pre: PreaggregatedQuery, buildable: boolean): Promise<QueryResult | null> {
    assertReadOnly(pre.sql);
    if (!buildable) for (const name of pre.preaggregates) if (!d.preaggregates.has(name) && !buildableAtAnySize(name) && !(await usableStored(d, name))) return null;
    for (const name of pre.tables) {
      if (!isDatasetTable(name)) throw new DataError(`unknown table ${name}`, { sql: pre.sql });
      await ensureTable(d, name, pre.provinces);
    }
    for (const name of pre.preaggregates) {
      if (!isPreaggregate(name)) throw new DataError(`unknown pre-aggregate ${name}`, { sql: pre.sql });
      try {
        await ensurePreaggregate(d, name);
      } catch (error) {
        // A stored answer refused where the dataset is too large to build it: the row-level query answers.
        if (!buildable && d.storedRefused.has(name)) return null;
        throw error;
      }
    }
    const started = now();
    let ipc: Uint8Array;
    try {
      ipc = d.engine.run(pre.sql, pre.params);
    } catch (error) {
      throw new DataError((error as Error).message, { sql: pre.sql, cause: error });
    }
    if (pre.orElse && tableFromIPC(ipc).numRows === 0) return preaggregated(d, pre.orElse, buildable);
    return { ipc: ownBuffer(ipc), elapsedMs: now() - started, preaggregates: { ...d.preaggregateCounts }, ...takeWarnings(d) };
  }

  /** SQL a user typed: refused unless it only reads; the dataset tables it names are loaded whole. */
  async function userSql(payload: UserSqlPayload): Promise<QueryResult> {
    if (typeof payload.sql !== 'string') throw new DataError('sql: not a string');
    const tokens = assertReadOnly(payload.sql);
    if (!dataset) throw new DataError('query before init: the dataset is not loaded', { sql: payload.sql });
    const d = await dataset;
    const candidates = [...Object.keys(d.manifest.tables), ...Object.keys(DERIVED_TABLES)].filter(isDatasetTable);
    return query({ sql: payload.sql, params: [], tables: tablesNamed(tokens, candidates), layer: payload.layer }, true);
  }

  /** Replaces the user's imported layer (payload.manifest null: removes it). */
  function setLayer(payload: LayerPayload): Promise<LayerResult> {
    const change = replaceLayer(payload);
    const settled = change.then(() => {}, () => {});
    layerChange = settled;
    void settled.then(() => {
      if (layerChange === settled) layerChange = null;
    });
    return change;
  }

  async function replaceLayer(payload: LayerPayload): Promise<LayerResult> {
    if (!dataset) throw new DataError('layer before init: the dataset is not loaded');
    const d = await dataset;
    const { spill } = payload;
    const files = payload.manifest === null || spill ? payload.files : await decodeLayerFiles(payload.files);
    // Never in the middle of a set of corrections; the page sends its corrections again afterwards.
    const run = d.correcting.then(async () => {
      userLayer = null;
      layerCorrections = null;
      if (payload.manifest === null) dropUserLayer(d.engine);
      else {
        try {
          userLayer = await loadUserLayer(d.engine, payload.manifest, spill ? (path) => readSpilled(spill, path) : payloadRead(files), payload.copies ?? {});
        } finally {
          // Read once: a restarted worker gets the layer built again.
          if (spill) await removeSpill(spill);
        }
        layerCorrections = new UserCorrections({ engine: engineInSchema(d.engine, USER_SCHEMA), ensure: async () => {}, recount: () => {} });
      }
      return describeLayer(userLayer);
    });
    d.correcting = run.catch(() => {});
    return run;
  }

  async function schema(): Promise<SchemaResult> {
    if (!dataset) throw new DataError('schema before init: the dataset is not loaded');
    const d = await dataset;
    const columnsOf = (name: string) => {
      let pending = d.columnsOf.get(name);
      if (!pending) {
        const smallest = [...(d.manifest.tables[name]?.partitions ?? [])].sort((a, b) => a.bytes - b.bytes)[0];
        pending = smallest
          ? deps.fetchBytes(new URL(smallest.path, d.manifestUrl).href).then((bytes) => decodeArrowFile(smallest.path, bytes)).then(arrowStreamColumns) : Promise.resolve([]);
        d.columnsOf.set(name, pending);
        pending.catch(() => d.columnsOf.delete(name));
      }
      return pending;
    };
    return { tables: await describeSchema({ engine: d.engine, manifest: d.manifest, rowsIn: d.rowsIn, derived: Object.keys(DERIVED_TABLES), columnsOf }) };
  }

  /** Brings the tables to exactly these corrections; sets are applied in the order they came. */
  async function corrections(payload: CorrectionsPayload) {
    if (!dataset) throw new DataError('corrections before init: the dataset is not loaded');
    const d = await dataset;
    const run = d.correcting.then(async () => {
      // Rebuilt from the corrected rows when next used (also when the set fails half way); the
      // stored answers are the uncorrected rows', so they serve again only once no correction is set.
      let uncorrected = false;
      try {
        const outcome = await applyCorrections(d, payload);
        uncorrected = payload.corrections.length === 0;
        return outcome;
      } finally {
        d.storedUsable = uncorrected;
        await dropPreaggregates(d);
      }
    });
    d.correcting = run.catch(() => {});
    return run;
  }

  async function applyCorrections(d: Dataset, payload: CorrectionsPayload) {
    const layer = layerCorrections;
    if (!layer) return d.corrections.set(payload);
    const dataset = await d.corrections.set(payload, false);
    const outcomes = mergeOutcomes(dataset.outcomes, (await layer.set(payload, false)).outcomes);
    d.corrections.record(payload.corrections, outcomes);
    return { outcomes };
  }

  return {
    async handle(request) {
      try {
        if (request.kind === 'init') {
          return { id: request.id, ok: true, result: describe(await init(request.payload as InitPayload)) };
        }
        if (request.kind === 'query') {
          const result = await query(request.payload as QueryPayload);
          void dataset?.then((d) => d.beginBehindInit(), () => {});
          return { id: request.id, ok: true, result };
        }
        if (request.kind === 'sql') return { id: request.id, ok: true, result: await userSql(request.payload as UserSqlPayload) };
        if (request.kind === 'schema') return { id: request.id, ok: true, result: await schema() };
        if (request.kind === 'layer') return { id: request.id, ok: true, result: await setLayer(request.payload as LayerPayload) };
        if (request.kind === 'corrections') return { id: request.id, ok: true, result: await corrections(request.payload as CorrectionsPayload) };
        throw new DataError(`unknown request kind ${JSON.stringify((request as { kind: unknown }).kind)}`);
      } catch (error) {
        const sql = request.kind === 'query' || request.kind === 'sql' ? (request.payload as QueryPayload).sql : undefined;
        return { id: request.id, ok: false, error: toErrorData(error, sql) };
      }
    },
    async exportPreaggregate(name) {
      if (!dataset) throw new DataError('export before init: the dataset is not loaded');
      const d = await dataset;
      d.storedUsable = false;
      await ensurePreaggregate(d, name);
      return ownBuffer(d.engine.run(`SELECT * FROM ${quoteIdent(name)}`));
    },
    async dropPreaggregates(names) {
      if (!dataset) return;
      const d = await dataset;
      for (const name of names) {
        await d.preaggregates.get(name)?.catch(() => {});
        d.preaggregates.delete(name);
        d.engine.run(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
      }
    },
    async releaseTables(names) {
      if (!dataset) return;
      await releaseTables(await dataset, names);
    },
    async loadTables(names, provinces) {
      if (!dataset) throw new DataError('load before init: the dataset is not loaded');
      const d = await dataset;
      for (const name of names) await ensureTable(d, name, provinces);
    },
    async buildPreaggregatesByProvince(names) {
      if (!dataset) throw new DataError('build before init: the dataset is not loaded');
      const d = await dataset;
      if (names.length === 0) return;
      d.storedUsable = false;
      const built = names.map((name) => {
        const definition = preaggregate(name);
        if (!(definition?.byProvince || definition?.summedByProvince) || (definition.needs ?? []).length > 0) throw new DataError(`pre-aggregate ${name} is not built by province`);
        return { definition, select: preaggregateSelect(definition), parts: quoteIdent(`${name}__by_province`) };
      });
      const tables = [...new Set(built.flatMap(({ definition }) => definition.source().tables))];
      const partitions = tables.flatMap((table) => d.manifest.tables[table]?.partitions ?? []);
      // A partition shared by every province would be loaded with each: its rows counted again.
      if (partitions.some((p) => p.province === undefined)) throw new DataError(`${tables.join(', ')}: not stored by province`);
      const provinces = [...new Set(partitions.map((p) => p.province!))].sort();
      // Nothing loaded before counts twice: the tables are loaded a province at a time from here.
      await releaseTables(d, tables);
      const units = quoteIdent('__pooled_units__by_province');
      const summed = built.some(({ definition }) => definition.summedByProvince) && tables.includes('facts_wide');
      const dropParts = () => {
        for (const { parts } of built) d.engine.run(`DROP TABLE IF EXISTS ${parts}`);
        d.engine.run(`DROP TABLE IF EXISTS ${units}`);
      };
      dropParts();
      try {
        for (const [i, province] of provinces.entries()) {
          for (const table of tables) await ensureTable(d, table, [province]);
          for (const { select, parts } of built) d.engine.run(i === 0 ? `CREATE TABLE ${parts} AS ${select}` : `INSERT INTO ${parts} ${select}`);
          if (summed) d.engine.run(pooledUnitsSql(units, province, i === 0));
          await releaseTables(d, tables);
        }
        const across = summed ? tableFromIPC(d.engine.run(unitAcrossProvincesSql(units))) : null;
        if (across && across.numRows > 0) {
          const [key, year, where] = ['body_key', 'year', 'provinces'].map((c) => String(across.getChild(c)!.get(0)));
          throw new DataError(`${key}'s reports of ${year} lie in the partitions of ${where}: summed a province at a time it would count twice`);
        }
      } catch (error) {
        // What a failed build left is dropped: the answers are then built from what each needs.
        await releaseTables(d, tables);
        try {
          dropParts();
        } catch {
          // The build's own error says why; a table left over is dropped by the next build.
        }
        throw error;
      }
      d.engine.run(`DROP TABLE IF EXISTS ${units}`);
      for (const { definition, parts } of built) {
        const whole = definition.summedByProvince
          ? summedAcrossProvincesSql(definition.name, parts, columnsOf(d.engine, `${definition.name}__by_province`))
          : `SELECT * FROM ${parts} ORDER BY ${definition.byProvince}`;
        d.engine.run(`CREATE OR REPLACE TABLE ${quoteIdent(definition.name)} AS ${whole}`);
        d.engine.run(`DROP TABLE ${parts}`);
        d.preaggregates.set(definition.name, Promise.resolve());
        d.preaggregateCounts.built++;
      }
    },
    close() {
      void dataset?.then((d) => {
        d.closed = true;
        d.engine.close();
      }, () => {});
      dataset = null;
    },
  };
}

/** The warnings not yet given with an answer (QueryResult.warnings). */
function takeWarnings(d: { warnings: string[] }): Pick<QueryResult, 'warnings'> {
  const warnings = d.warnings.splice(0);
  return warnings.length > 0 ? { warnings } : {};
}

const hex = (digest: ArrayBuffer): string => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The page uses no byte the ingest did not write: each file's size and SHA-256 (Web Crypto) must be
 * the manifest's, or the file is refused with a message naming it.
 */
async function verifyAgainstManifest(table: string, partition: ManifestPartition, bytes: Uint8Array): Promise<void> {
  const refuse = (what: string) =>
    new DataError(`table ${table}: ${partition.path} does not match the dataset's manifest (${what}): the file was altered or damaged, so it is not used; ingest again or copy the dataset again`);
  if (bytes.byteLength !== partition.bytes) throw refuse(`${bytes.byteLength} bytes, the manifest says ${partition.bytes}`);
  const digest = hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  if (digest !== partition.sha256) throw refuse(`SHA-256 ${digest.slice(0, 12)}…, the manifest says ${partition.sha256.slice(0, 12)}…`);
}

/** The layer's table files decompressed (the zip holds them as ingest wrote them). */
async function decodeLayerFiles(files: LayerPayload['files']): Promise<LayerPayload['files']> {
  const out: LayerPayload['files'] = {};
  for (const [path, bytes] of Object.entries(files)) {
    try {
      out[path] = await decodeArrowFile(path, bytes);
      // Only the decoded copy is kept: each file can go once loaded (src/db/user-layer.ts).
      delete files[path];
    } catch (error) {
      throw new DataError(`imported layer: cannot decompress ${path}: ${(error as Error).message}`, { cause: error });
    }
  }
  return out;
}

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;

/** A table's columns and their DuckDB types, in order. */
function columnsOf(engine: Engine, table: string): { name: string; type: string }[] {
  const result = tableFromIPC(engine.run(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table.replaceAll("'", "''")}' ORDER BY ordinal_position`));
  return result.toArray().map((row) => ({ name: String(row.column_name), type: String(row.data_type) }));
}

function countRows(engine: Engine, table: string): number | null {
  try {
    const result = tableFromIPC(engine.run(`SELECT count(*) AS n FROM ${quoteIdent(table)}`));
    return Number(result.getChild('n')?.get(0));
  } catch {
    return null;
  }
}

/** A transferable result must own its whole buffer, or the transfer would move unrelated memory. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}
