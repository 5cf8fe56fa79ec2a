// The user layer's IndexedDB store keeps one connection; when the browser closes it under the page
// (a forced close: `transaction` throws InvalidStateError before the close event arrives) the next
// use opens it again, once. A minimal fake IndexedDB (no fake-indexeddb among the dependencies):
// only what layer-store.ts calls.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Request = { result?: unknown; error: DOMException | null; onsuccess?: () => void; onerror?: () => void; onupgradeneeded?: (event: { oldVersion: number }) => void };

class FakeDatabase {
  closing = false;
  onversionchange: (() => void) | null = null;
  onclose: (() => void) | null = null;
  transactions = 0;
  constructor(private readonly data: Map<string, Map<number, unknown>>) {}

  close() {
    this.closing = true;
  }

  transaction() {
    if (this.closing) throw new DOMException('The database connection is closing.', 'InvalidStateError');
    this.transactions++;
    const tx = { error: null, oncomplete: null as (() => void) | null, onerror: null, onabort: null, objectStore: (name: string) => this.store(name) };
    setTimeout(() => tx.oncomplete?.());
    return tx;
  }

  private store(name: string) {
    const entries = this.data.get(name)!;
    const request = (result?: unknown) => {
      const r: { result?: unknown; onsuccess?: () => void } = { result };
      queueMicrotask(() => r.onsuccess?.());
      return r;
    };
    const keys = () => [...entries.keys()].sort((a, b) => a - b);
    return {
      put: (value: unknown, key: number) => request(void entries.set(key, value)),
      get: (key: number) => request(entries.get(key)),
      delete: (key: number) => request(void entries.delete(key)),
      clear: () => request(entries.clear()),
      getAllKeys: () => request(keys()),
      getAll: () => request(keys().map((key) => entries.get(key))),
    };
  }
}

class FakeFactory {
  /** Each store's entries by key (the group stores' keys are numbers). */
  readonly data = new Map([['groups', new Map<number, unknown>()], ['group-rows', new Map<number, unknown>()], ['metrics', new Map<number, unknown>()]]);
  readonly opened: FakeDatabase[] = [];
  /** Connections closed as soon as they are opened. */
  closeOnOpen = false;

  open() {
    const request: Request = { error: null };
    setTimeout(() => {
      const db = new FakeDatabase(this.data);
      if (this.closeOnOpen) db.close();
      this.opened.push(db);
      request.result = db;
      request.onsuccess?.();
    });
    return request;
  }
}

const row = (id: string) => ({ id, status: 'ok', reason: null, sha256: null });
/** A group of one report, at `key`. */
const group = (factory: FakeFactory, key: number, id: string) => {
  factory.data.get('group-rows')!.set(key, [row(id)]);
  factory.data.get('groups')!.set(key, [{ id }]);
};

describe('layer store connection', () => {
  let factory: FakeFactory;
  beforeEach(() => {
    vi.resetModules(); // a fresh module: its kept connection starts empty
    factory = new FakeFactory();
    vi.stubGlobal('indexedDB', factory);
  });
  afterEach(() => void vi.unstubAllGlobals());

  it('opens the connection again, once, when the kept one was closed under it', async () => {
    const store = await import('../../../src/app/user/layer-store');
    group(factory, 1, 'b');
    expect((await store.listRows()).map((r) => r.id)).toEqual(['b']);
    expect(factory.opened).toHaveLength(1);

    factory.opened[0].close(); // the browser's forced close; its close event has not come yet
    group(factory, 2, 'a');
    expect((await store.listRows()).map((r) => r.id)).toEqual(['a', 'b']);
    expect(factory.opened).toHaveLength(2);
    expect(factory.opened[1].transactions).toBe(1);

    // The new connection is kept.
    await store.deleteRecord('b');
    expect(factory.opened).toHaveLength(2);
    expect([...factory.data.get('group-rows')!.keys()]).toEqual([2]);
  });

  it('gives up after one new connection that is closed too', async () => {
    const store = await import('../../../src/app/user/layer-store');
    await store.listRows();
    factory.opened[0].close();
    factory.closeOnOpen = true;
    await expect(store.listRows()).rejects.toThrow(/closing/);
    expect(factory.opened).toHaveLength(2);
  });
});
