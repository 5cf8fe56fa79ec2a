// The main-thread side of the protocol. Every request gets a promise that settles exactly once:
// with the worker's answer, or with an error when the worker fails, dies or is closed.
import { type Table, tableFromIPC } from 'apache-arrow';
import { DataError, fromErrorData, type InitResult, type QueryPayload, type QueryResult, type Request, type RequestKind, type RequestTypes, type Response } from './protocol';

/** The part of the Web Worker API the client uses (Node tests adapt worker_threads to it). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

export interface QueryOutcome {
  table: Table;
  elapsedMs: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  sql?: string;
}

export class DataClient {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;
  private initialised: { url: string; promise: Promise<InitResult> } | null = null;

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (event) => this.receive(event.data));
    worker.addEventListener('error', (event) => this.fail(new DataError(`data worker failed: ${event.message ?? 'unknown error'}`)));
    worker.addEventListener('messageerror', () => this.fail(new DataError('data worker sent a message that could not be read')));
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
    const result: QueryResult = await this.send('query', payload, payload.sql);
    return { table: tableFromIPC(result.ipc), elapsedMs: result.elapsedMs };
  }

  /** Stops the worker; pending and later requests are rejected. */
  close(reason = 'data client closed'): void {
    this.worker.terminate();
    this.fail(new DataError(reason));
  }

  get failed(): Error | null {
    return this.failure;
  }

  private send<K extends RequestKind>(kind: K, payload: RequestTypes[K]['payload'], sql?: string): Promise<RequestTypes[K]['result']> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const request: Request<K> = { id, kind, payload };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, sql });
      try {
        this.worker.postMessage(request);
      } catch (error) {
        this.pending.delete(id);
        reject(new DataError(`could not send ${kind} to the data worker: ${(error as Error).message}`, { sql, cause: error }));
      }
    });
  }

  private receive(data: unknown): void {
    const response = data as Response;
    const waiting = typeof response?.id === 'number' ? this.pending.get(response.id) : undefined;
    if (!waiting) return;
    this.pending.delete(response.id);
    if (response.ok) waiting.resolve(response.result);
    else waiting.reject(fromErrorData(response.error));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(p.sql === undefined ? error : new DataError(`${error.message}\n-- SQL:\n${p.sql}`, { sql: p.sql, cause: error }));
  }
}
