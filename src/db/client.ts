// The main-thread side of the protocol. Every request gets a promise that settles exactly once:
// with the worker's answer, or with an error when the worker fails, dies or is closed.
import type { Table } from 'apache-arrow';
import { type CorrectionsPayload, type CorrectionsResult, DataError, fromErrorData, isProgress, type ProgressMessage, type InitResult, type LayerMode, type LayerPayload, type LayerResult, type QueryPayload, type QueryResult, type Request, type RequestKind, type RequestTypes, type Response, type SchemaResult } from './protocol';
import { assertReadOnly } from './sql-guard';

/** The part of the Web Worker API the client uses (Node tests adapt worker_threads to it). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

export interface QueryOutcome {
  table: Table;
  elapsedMs: number;
  /** QueryResult.preaggregates (answered from pre-aggregates): built and stored-answer loads so far. */
  preaggregates?: QueryResult['preaggregates'];
  /** QueryResult.warnings: stored answers this answer's worker could not use (also kept, see onWarnings). */
  warnings?: string[];
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  sql?: string;
  /** Sent again to a restarted worker. */
  request: Request;
  /** Made by a restart for its worker only: the next restart drops it and makes its own. */
  restore?: true;
  /** Carries a layer `reload` gave: its answer settles the layers given (see `given`). */
  relayer?: true;
}

/**
 * apache-arrow decodes the worker's answers. Loaded when a client is made, not with the client's
 * own code: the page's first chart and KPIs come from summary.json and need none of its ~250 KB.
 */
let arrow: Promise<typeof import('apache-arrow')> | null = null;
const decoder = (): Promise<typeof import('apache-arrow')> =>
  (arrow ??= import('apache-arrow').catch((error: unknown) => {
    // A failed chunk load is tried again by the next answer rather than kept for good.
    arrow = null;
    throw error;
  }));

/** The error of a request cancelled by its AbortSignal. */
export class CancelledError extends DataError {
  constructor(sql?: string) {
    super('cancelled: the query was stopped and the data worker restarted', { sql });
    this.name = 'CancelledError';
  }
}

export class DataClient {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;
  private initialised: { url: string; promise: Promise<InitResult> } | null = null;
  private worker: WorkerLike;
  /**
   * Gives the user's imported layer again, for a restarted worker: its files are moved to the
   * worker, never kept here (the page would hold a second copy of the layer).
   */
  private layerReload: (() => Promise<LayerPayload | null>) | null = null;
  /** Told when a layer given again is done with (see setLayer). */
  private layerSettled: ((given: LayerPayload) => void) | null = null;
  /**
   * The layers `reload` gave that were sent to a worker, not yet settled: all of them once the
   * current worker answers its layer (a worker replaced before it answered never will), or when no
   * worker will (a restart without a layer, the client failing).
   */
  private given: { layer: LayerPayload; settled: ((given: LayerPayload) => void) | null }[] = [];
  /** While a restarted worker waits for its layer, later requests wait too (they would miss it). */
  private restarting: Promise<void> | null = null;
  /** The rows queries see when they do not say (src/db/user-layer.ts). */
  layer: LayerMode = 'all';
  /** The corrections last set: a restarted worker gets them again after its init. */
  private corrections: CorrectionsPayload | null = null;

  /**
   * `spawn` starts a fresh worker: with it, a request cancelled by its signal stops the worker
   * (DuckDB-WASM's blocking bindings cannot be interrupted mid-query) and the others carry on
   * in a new one, which loads the dataset again.
   */
  constructor(worker: WorkerLike, private readonly spawn?: () => WorkerLike) {
    this.worker = worker;
    this.attach(worker);
    // Its failure is met by the first answer to decode.
    decoder().catch(() => {});
  }

  private attach(worker: WorkerLike): void {
    // Events of a worker that was replaced are ignored (its exit above all).
    worker.addEventListener('message', (event) => worker === this.worker && this.receive(event.data));
    worker.addEventListener('error', (event) => worker === this.worker && this.fail(new DataError(`data worker failed: ${event.message ?? 'unknown error'}`)));
    worker.addEventListener('messageerror', () => worker === this.worker && this.fail(new DataError('data worker sent a message that could not be read')));
  }

  /** Single flight: every caller shares one initialisation per manifest URL. */
  init(manifestUrl: string): Promise<InitResult> {
    if (this.initialised?.url === manifestUrl) return this.initialised.promise;
    const promise = this.send('init', { manifestUrl });
    this.initialised = { url: manifestUrl, promise };
    promise.catch(() => {
      if (this.initialised?.promise === promise) this.initialised = null;
    });
    return promise;
  }

  async query(payload: QueryPayload): Promise<QueryOutcome> {
    const result: QueryResult = await this.send('query', { ...payload, layer: payload.layer ?? this.layer }, payload.sql);
    this.warn(result.warnings);
    const { tableFromIPC } = await decoder();
    return { table: tableFromIPC(result.ipc), elapsedMs: result.elapsedMs, preaggregates: result.preaggregates, ...(result.warnings ? { warnings: result.warnings } : {}) };
  }

  /**
   * SQL a user typed: refused here at once unless it only reads (and again in the worker), the
   * tables it names loaded whole. Aborting `signal` stops it (see the constructor).
   */
  async userQuery(sql: string, signal?: AbortSignal): Promise<QueryOutcome> {
    try {
      assertReadOnly(sql);
    } catch (error) {
      throw new DataError((error as Error).message, { sql, cause: error });
    }
    const result: QueryResult = await this.send('sql', { sql, layer: this.layer }, sql, signal);
    this.warn(result.warnings);
    const { tableFromIPC } = await decoder();
    return { table: tableFromIPC(result.ipc), elapsedMs: result.elapsedMs, ...(result.warnings ? { warnings: result.warnings } : {}) };
  }

  /**
   * Loads the user's imported layer (a manifest and its Arrow files), replacing any; null removes
   * it. The files' buffers are moved to the worker (unusable here afterwards); `reload` gives the
   * same layer again should the worker be restarted; `settled` hears each layer `reload` gave once
   * it is done with (the worker answered it, or it was never sent: the worker was replaced again
   * meanwhile, or the client failed), also long after this call was answered, so that the page
   * can let go of what it holds for it (its OPFS folder's lock).
   */
  setLayer(layer: LayerPayload | null, reload?: () => Promise<LayerPayload | null>, settled?: (given: LayerPayload) => void): Promise<LayerResult> {
    this.layerReload = layer ? (reload ?? null) : null;
    this.layerSettled = layer ? (settled ?? null) : null;
    return this.send('layer', layer ?? { manifest: null, files: {} }, undefined, undefined, layer ? layerTransfer(layer) : undefined);
  }

  /** Brings the worker's tables to exactly these corrections (src/db/user-corrections.ts). */
  setCorrections(payload: CorrectionsPayload): Promise<CorrectionsResult> {
    this.corrections = payload;
    return this.send('corrections', payload);
  }

  /** Every table and view of the page's database, with columns and row counts. */
  schema(): Promise<SchemaResult> {
    return this.send('schema', {});
  }

  /** Stops the worker; pending and later requests are rejected. */
  close(reason = 'data client closed'): void {
    this.worker.terminate();
    this.fail(new DataError(reason));
  }

  get failed(): Error | null {
    return this.failure;
  }

  private send<K extends RequestKind>(kind: K, payload: RequestTypes[K]['payload'], sql?: string, signal?: AbortSignal, transfer?: Transferable[]): Promise<RequestTypes[K]['result']> {
    if (this.failure) return Promise.reject(this.failure);
    if (signal?.aborted) return Promise.reject(new CancelledError(sql));
    const id = this.nextId++;
    const request: Request<K> = { id, kind, payload };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, sql, request });
      signal?.addEventListener('abort', () => this.cancel(id), { once: true });
      const post = () => {
        if (!this.pending.has(id)) return;
        try {
          this.worker.postMessage(request, transfer);
        } catch (error) {
          this.pending.delete(id);
          reject(new DataError(`could not send ${kind} to the data worker: ${(error as Error).message}`, { sql, cause: error }));
        }
      };
      // Sent to the worker waiting for its layer; should it be replaced meanwhile, its restart sends this request.
      const target = this.worker;
      if (this.restarting) void this.restarting.then(() => this.worker === target && post());
      else post();
    });
  }

  /**
   * Stops request `id`: the worker is replaced by a new one, which gets what the client's state
   * says (init, the current layer, the corrections) and then every other request still waiting.
   * Whatever number of restarts, in whatever order, the newest worker ends with the current layer.
   */
  private cancel(id: number): void {
    const cancelled = this.pending.get(id);
    if (!cancelled) return;
    this.pending.delete(id);
    cancelled.reject(new CancelledError(cancelled.sql));
    if (!this.spawn) {
      this.close('cancelled: the data worker was stopped');
      return;
    }
    this.worker.terminate();
    const worker = (this.worker = this.spawn());
    this.attach(worker);
    for (const [key, p] of this.pending) if (p.restore) this.pending.delete(key);
    const resend = [...this.pending.values()].map((p) => p.request);
    // The new worker serves the same dataset: its init goes first (the one still waiting, or the one answered, again).
    const waitingInit = resend.find((r) => r.kind === 'init');
    const init = waitingInit ?? (this.initialised ? this.restoreRequest('init', { manifestUrl: this.initialised.url }) : null);
    const layers = resend.filter((r): r is Request<'layer'> => r.kind === 'layer');
    // A layer sent already had its files moved: the current one is asked for again.
    const layerPending = layers.findLast((r) => r.payload.manifest !== null);
    const reload = init || layerPending ? this.layerReload : null;
    const settled = this.layerSettled;
    const restartFailed = (error: unknown) => this.fail(new DataError(`could not restart the data worker: ${(error as Error).message}`, { cause: error }));
    const removal = (r: Request): Request => (r.kind === 'layer' && (r as Request<'layer'>).payload.manifest !== null ? { ...r, payload: { manifest: null, files: {} } } : r);
    const rest = (layer: LayerPayload | null) => {
      const sent = new Set<Request>([...(init ? [init] : [])]);
      if (layer) {
        // Layers asked for before it are superseded (their files are gone): sent as removals, then it.
        for (const r of layerPending ? layers.slice(0, layers.indexOf(layerPending)) : layers) {
          worker.postMessage(removal(r));
          sent.add(r);
        }
        const relayer: Request<'layer'> = layerPending ? { ...layerPending, payload: layer } : this.restoreRequest('layer', layer);
        const entry = this.pending.get(relayer.id);
        if (entry) this.pending.set(relayer.id, { ...entry, request: relayer, relayer: true });
        this.given.push({ layer, settled });
        worker.postMessage(relayer, layerTransfer(layer));
        if (layerPending) sent.add(layerPending);
      } else this.settleGiven();
      if (init && this.corrections && !resend.some((r) => r.kind === 'corrections')) worker.postMessage(this.restoreRequest('corrections', this.corrections));
      // Without a layer given again, a layer whose files are gone leaves the worker without one.
      for (const request of resend) if (!sent.has(request)) worker.postMessage(removal(request));
    };
    try {
      if (init) worker.postMessage(init);
      if (!reload) {
        // Requests waiting for an earlier restart's layer are in `resend`: nothing waits now.
        this.restarting = null;
        rest(null);
        return;
      }
    } catch (error) {
      restartFailed(error);
      return;
    }
    const restarting = reload().then(
      (layer) => {
        if (this.worker === worker && !this.failure) rest(layer);
        // Never sent: the worker was replaced again (which asks for the layer anew) or the client failed.
        else if (layer) settled?.(layer);
      },
      restartFailed,
    ).catch(restartFailed).finally(() => {
      if (this.restarting === restarting) this.restarting = null;
    });
    this.restarting = restarting;
  }

  /** A request a restart makes for its worker (nobody waits for its answer). */
  private restoreRequest<K extends RequestKind>(kind: K, payload: RequestTypes[K]['payload']): Request<K> {
    const request: Request<K> = { id: this.nextId++, kind, payload };
    const relayer = kind === 'layer' ? { relayer: true as const } : {};
    this.pending.set(request.id, { resolve: () => {}, reject: () => {}, request, restore: true, ...relayer });
    return request;
  }

  private settleGiven(): void {
    for (const { layer, settled } of this.given.splice(0)) settled?.(layer);
  }

  private readonly progressListeners = new Set<(progress: ProgressMessage) => void>();
  /** The engine's download progress, as the worker reports it. */
  onProgress(listener: (progress: ProgressMessage) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  private warningsSoFar: readonly string[] = [];
  private readonly warningListeners = new Set<() => void>();
  /**
   * The worker's warnings given with answers so far (a stored answer missing or altered, computed
   * from the rows instead), each once: a new array whenever one is added (React's
   * useSyncExternalStore snapshot).
   */
  get warnings(): readonly string[] {
    return this.warningsSoFar;
  }

  /** Told whenever `warnings` grows. */
  onWarnings(listener: () => void): () => void {
    this.warningListeners.add(listener);
    return () => this.warningListeners.delete(listener);
  }

  private warn(warnings: string[] | undefined): void {
    const added = (warnings ?? []).filter((w) => !this.warningsSoFar.includes(w));
    if (added.length === 0) return;
    this.warningsSoFar = [...this.warningsSoFar, ...new Set(added)];
    for (const listener of this.warningListeners) listener();
  }

  private receive(data: unknown): void {
    if (isProgress(data)) {
      for (const listener of this.progressListeners) listener(data);
      return;
    }
    const response = data as Response;
    const waiting = typeof response?.id === 'number' ? this.pending.get(response.id) : undefined;
    if (!waiting) return;
    this.pending.delete(response.id);
    if (response.ok) waiting.resolve(response.result);
    else waiting.reject(fromErrorData(response.error));
    // Answered (or failed): the layers given again are done with, whoever asked for them.
    if (waiting.relayer) this.settleGiven();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(p.sql === undefined ? error : new DataError(`${error.message}\n-- SQL:\n${p.sql}`, { sql: p.sql, cause: error }));
    this.settleGiven();
  }
}

/** The buffers of a layer's files, moved with the message. */
const layerTransfer = (layer: LayerPayload): Transferable[] => [...new Set(Object.values(layer.files).map((bytes) => bytes.buffer as ArrayBuffer))];
