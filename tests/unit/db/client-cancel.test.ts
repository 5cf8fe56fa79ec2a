// The client's cancel path against scripted fake workers: which worker is stopped, what the new one
// is sent (init first, then every request still waiting, in order), and that the stopped worker's
// late events (its exit above all) change nothing.
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { CancelledError, DataClient, type WorkerLike } from '../../../src/db/client';
import type { LayerPayload, Request, Response } from '../../../src/db/protocol';

class FakeWorker implements WorkerLike {
  sent: Request[] = [];
  /** What each message moved (its transfer list). */
  moved: Transferable[][] = [];
  terminated = false;
  private listeners: Record<string, ((event: { data: unknown; message?: string }) => void)[]> = {};
  postMessage(message: unknown, transfer: Transferable[] = []): void {
    this.sent.push(message as Request);
    this.moved.push(transfer);
  }
  addEventListener(type: string, listener: (event: { data: unknown; message?: string }) => void): void {
    (this.listeners[type] ??= []).push(listener);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(type: 'message' | 'error', data: unknown, message?: string): void {
    for (const l of this.listeners[type] ?? []) l({ data, message });
  }
  answer(request: Request, result: unknown): void {
    this.emit('message', { id: request.id, ok: true, result } as Response);
  }
}

const ipc = () => tableToIPC(tableFromArrays({ one: Int32Array.from([1]) }), 'stream');
const INIT = { datasetVersion: 'v', engine: 'fake', tables: [], elapsedMs: 0 };

describe('DataClient cancel', () => {
  it('stops the worker, re-sends init and the waiting requests to a new one, and ignores the old worker', async () => {
    const workers: FakeWorker[] = [new FakeWorker()];
    const client = new DataClient(workers[0], () => {
      workers.push(new FakeWorker());
      return workers[workers.length - 1];
    });
    const init = client.init('http://x/manifest.json');
    workers[0].answer(workers[0].sent[0], INIT);
    await init;

    const controller = new AbortController();
    const slow = client.userQuery('SELECT 1', controller.signal);
    const queued = client.query({ sql: 'SELECT 2', params: [], tables: [] });
    expect(workers[0].sent.map((r) => r.kind)).toEqual(['init', 'sql', 'query']);
    controller.abort();
    await expect(slow).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const [reinit, resent] = workers[1].sent;
    expect(reinit).toMatchObject({ kind: 'init', payload: { manifestUrl: 'http://x/manifest.json' } });
    expect(resent).toEqual(workers[0].sent[2]);

    // The old worker's exit and a late answer change nothing.
    workers[0].emit('error', null, 'worker exited with code 1');
    workers[0].answer(workers[0].sent[2], { ipc: new Uint8Array(), elapsedMs: 0 });
    expect(client.failed).toBeNull();

    workers[1].answer(reinit, INIT);
    workers[1].answer(resent, { ipc: ipc(), elapsedMs: 1 });
    expect((await queued).table.getChild('one')?.get(0)).toBe(1);
  });

  it('hands a restarted worker the corrections last set, after its init and before the waiting requests', async () => {
    const workers: FakeWorker[] = [new FakeWorker()];
    const client = new DataClient(workers[0], () => {
      workers.push(new FakeWorker());
      return workers[workers.length - 1];
    });
    const init = client.init('http://x/manifest.json');
    workers[0].answer(workers[0].sent[0], INIT);
    await init;
    const payload = { corrections: [{ report_sha256: 'a'.repeat(64), metric: 'r.new.total', value: 3, note: '', author: 'x', at: '' }] };
    const set = client.setCorrections(payload);
    workers[0].answer(workers[0].sent[1], { outcomes: [] });
    await set;
    const controller = new AbortController();
    const slow = client.userQuery('SELECT 1', controller.signal);
    const queued = client.query({ sql: 'SELECT 2', params: [], tables: [] });
    controller.abort();
    await expect(slow).rejects.toBeInstanceOf(CancelledError);
    expect(workers[1].sent.map((r) => r.kind)).toEqual(['init', 'corrections', 'query']);
    expect(workers[1].sent[1].payload).toEqual(payload);
    workers[1].answer(workers[1].sent[2], { ipc: ipc(), elapsedMs: 1 });
    await queued;
  });

  it('moves the layer\'s files to the worker and, on a restart, loads the layer given again before any waiting or later request', async () => {
    const workers: FakeWorker[] = [new FakeWorker()];
    const client = new DataClient(workers[0], () => {
      workers.push(new FakeWorker());
      return workers[workers.length - 1];
    });
    const init = client.init('http://x/manifest.json');
    workers[0].answer(workers[0].sent[0], INIT);
    await init;
    const layer = (n: number) => ({ manifest: { n }, files: { 'arrow/reports.arrows': new Uint8Array([n, 2, 3]) } });
    const first = layer(1);
    let reloads = 0;
    let release: () => void = () => {};
    const reload = () => {
      reloads++;
      return new Promise<LayerPayload>((done) => (release = () => done(layer(2))));
    };
    const set = client.setLayer(first, reload);
    expect(workers[0].moved[1]).toEqual([first.files['arrow/reports.arrows'].buffer]);
    workers[0].answer(workers[0].sent[1], { datasetVersion: 'l', rows: {} });
    await set;

    const controller = new AbortController();
    const slow = client.userQuery('SELECT 1', controller.signal);
    const waiting = client.query({ sql: 'SELECT 2', params: [], tables: [] });
    controller.abort();
    await expect(slow).rejects.toBeInstanceOf(CancelledError);
    const later = client.query({ sql: 'SELECT 3', params: [], tables: [] });
    // The layer is being given again: only the init has gone to the new worker.
    expect(reloads).toBe(1);
    expect(workers[1].sent.map((r) => r.kind)).toEqual(['init']);
    release();
    await expect.poll(() => workers[1].sent.length).toBe(4);
    expect(workers[1].sent.map((r) => r.kind)).toEqual(['init', 'layer', 'query', 'query']);
    expect(workers[1].sent[1].payload).toEqual(layer(2));
    expect(workers[1].moved[1]).toHaveLength(1);
    expect(workers[1].sent.slice(2).map((r) => (r.payload as { sql: string }).sql)).toEqual(['SELECT 2', 'SELECT 3']);
    workers[1].answer(workers[1].sent[2], { ipc: ipc(), elapsedMs: 1 });
    workers[1].answer(workers[1].sent[3], { ipc: ipc(), elapsedMs: 1 });
    await Promise.all([waiting, later]);
    expect(client.failed).toBeNull();
  });

  it('a layer given again after its load was answered is settled once the new worker answers it (the page lets go of its folder then)', async () => {
    const workers: FakeWorker[] = [new FakeWorker()];
    const client = new DataClient(workers[0], () => {
      workers.push(new FakeWorker());
      return workers[workers.length - 1];
    });
    const init = client.init('http://x/manifest.json');
    workers[0].answer(workers[0].sent[0], INIT);
    await init;
    const given: LayerPayload[] = [];
    const settled: LayerPayload[] = [];
    const reload = async () => {
      const again = { manifest: { n: given.length + 2 }, files: {} };
      given.push(again);
      return again;
    };
    const set = client.setLayer({ manifest: { n: 1 }, files: {} }, reload, (layer) => settled.push(layer));
    workers[0].answer(workers[0].sent[1], { datasetVersion: 'l', rows: {} });
    await set;
    // Long after the load: a query is cancelled, the worker restarted, the layer given again.
    const controller = new AbortController();
    const slow = client.userQuery('SELECT 1', controller.signal);
    controller.abort();
    await expect(slow).rejects.toBeInstanceOf(CancelledError);
    await expect.poll(() => workers[1].sent.map((r) => r.kind)).toEqual(['init', 'layer']);
    expect(given).toHaveLength(1);
    expect(settled).toEqual([]);
    workers[1].answer(workers[1].sent[0], INIT);
    workers[1].answer(workers[1].sent[1], { datasetVersion: 'l', rows: {} });
    await expect.poll(() => settled).toEqual(given);
    // Replaced again before it answers: that layer is settled once the layer after it is answered.
    const again = new AbortController();
    const second = client.userQuery('SELECT 2', again.signal);
    again.abort();
    await expect(second).rejects.toBeInstanceOf(CancelledError);
    await expect.poll(() => workers[2]?.sent.map((r) => r.kind)).toEqual(['init', 'layer']);
    workers[2].answer(workers[2].sent[0], INIT);
    const third = new AbortController();
    const last = client.userQuery('SELECT 3', third.signal);
    third.abort();
    await expect(last).rejects.toBeInstanceOf(CancelledError);
    await expect.poll(() => workers[3]?.sent.map((r) => r.kind)).toEqual(['init', 'layer']);
    expect(settled).toHaveLength(1);
    workers[3].answer(workers[3].sent[1], { datasetVersion: 'l', rows: {} });
    await expect.poll(() => settled.length).toBe(3);
    expect(new Set(settled)).toEqual(new Set(given));
    expect(given).toHaveLength(3);
  });

  it('restarted again while the first restart still waits for its layer, the newest worker gets init, the layer and the corrections, each waiting request once, and every layer given is settled', async () => {
    const workers: FakeWorker[] = [new FakeWorker()];
    const client = new DataClient(workers[0], () => {
      workers.push(new FakeWorker());
      return workers[workers.length - 1];
    });
    const init = client.init('http://x/manifest.json');
    workers[0].answer(workers[0].sent[0], INIT);
    await init;
    const releases: (() => void)[] = [];
    const given: LayerPayload[] = [];
    const settled: LayerPayload[] = [];
    const reload = () => new Promise<LayerPayload>((done) => releases.push(() => {
      const again = { manifest: { n: given.length + 2 }, files: {} };
      given.push(again);
      done(again);
    }));
    const set = client.setLayer({ manifest: { n: 1 }, files: {} }, reload, (layer) => settled.push(layer));
    workers[0].answer(workers[0].sent[1], { datasetVersion: 'l', rows: {} });
    await set;
    const payload = { corrections: [{ report_sha256: 'a'.repeat(64), metric: 'r.new.total', value: 3, note: '', author: 'x', at: '' }] };
    const corrected = client.setCorrections(payload);
    workers[0].answer(workers[0].sent[2], { outcomes: [] });
    await corrected;

    const first = new AbortController();
    const slow = client.userQuery('SELECT 1', first.signal);
    const waiting = client.query({ sql: 'SELECT 2', params: [], tables: [] });
    first.abort();
    await expect(slow).rejects.toBeInstanceOf(CancelledError);
    expect(workers[1].sent.map((r) => r.kind)).toEqual(['init']);
    // Before its layer is given again (its init unanswered), the new worker is restarted in turn.
    const later = client.query({ sql: 'SELECT 3', params: [], tables: [] });
    const second = new AbortController();
    const slower = client.userQuery('SELECT 4', second.signal);
    second.abort();
    await expect(slower).rejects.toBeInstanceOf(CancelledError);
    expect(workers).toHaveLength(3);
    expect(workers[2].sent.map((r) => r.kind)).toEqual(['init']);
    expect(releases).toHaveLength(2);
    // The first restart's layer comes too late: never sent, settled at once.
    releases[0]();
    await expect.poll(() => settled).toEqual([given[0]]);
    expect(workers[1].sent.map((r) => r.kind)).toEqual(['init']);
    releases[1]();
    await expect.poll(() => workers[2].sent.length).toBe(5);
    await new Promise((r) => setTimeout(r, 10));
    expect(workers[2].sent.map((r) => r.kind)).toEqual(['init', 'layer', 'corrections', 'query', 'query']);
    expect(workers[2].sent[1].payload).toBe(given[1]);
    expect(workers[2].sent[2].payload).toEqual(payload);
    expect(workers[2].sent.slice(3).map((r) => (r.payload as { sql: string }).sql)).toEqual(['SELECT 2', 'SELECT 3']);
    expect(settled).toHaveLength(1);
    workers[2].answer(workers[2].sent[0], INIT);
    workers[2].answer(workers[2].sent[1], { datasetVersion: 'l', rows: {} });
    expect(settled).toEqual(given);
    workers[2].answer(workers[2].sent[3], { ipc: ipc(), elapsedMs: 1 });
    workers[2].answer(workers[2].sent[4], { ipc: ipc(), elapsedMs: 1 });
    await Promise.all([waiting, later]);
    expect(workers[1].sent.map((r) => r.kind)).toEqual(['init']);
    expect(client.failed).toBeNull();
  });

  it('a layer removed is not given again to a restarted worker', async () => {
    const workers: FakeWorker[] = [new FakeWorker()];
    const client = new DataClient(workers[0], () => {
      workers.push(new FakeWorker());
      return workers[workers.length - 1];
    });
    const init = client.init('http://x/manifest.json');
    workers[0].answer(workers[0].sent[0], INIT);
    await init;
    let reloads = 0;
    const set = client.setLayer({ manifest: {}, files: {} }, async () => (reloads++, { manifest: {}, files: {} }));
    workers[0].answer(workers[0].sent[1], { datasetVersion: 'l', rows: {} });
    await set;
    const removed = client.setLayer(null);
    workers[0].answer(workers[0].sent[2], { datasetVersion: null, rows: {} });
    await removed;
    const controller = new AbortController();
    const slow = client.userQuery('SELECT 1', controller.signal);
    controller.abort();
    await expect(slow).rejects.toBeInstanceOf(CancelledError);
    expect(reloads).toBe(0);
    expect(workers[1].sent.map((r) => r.kind)).toEqual(['init']);
  });

  it('refuses a write in the page, before anything is sent', async () => {
    const worker = new FakeWorker();
    const client = new DataClient(worker);
    await expect(client.userQuery('INSERT INTO t VALUES (1)')).rejects.toThrow(/^refused: INSERT writes rows/);
    expect(worker.sent).toEqual([]);
  });

  it('an abort after the answer is a no-op', async () => {
    const worker = new FakeWorker();
    const client = new DataClient(worker, () => new FakeWorker());
    const controller = new AbortController();
    const query = client.userQuery('SELECT 1', controller.signal);
    worker.answer(worker.sent[0], { ipc: ipc(), elapsedMs: 1 });
    await query;
    controller.abort();
    expect(worker.terminated).toBe(false);
  });
});
