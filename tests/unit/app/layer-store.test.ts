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
  constructor(private readonly data: Map<string, Map<string, unknown>>) {}

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
    const rows = this.data.get(name)!;
    return {
      put: (value: { id: string }) => void rows.set(value.id, value),
      delete: (id: string) => void rows.delete(id),
      clear: () => rows.clear(),
      getAll: () => ({ result: [...rows.keys()].sort().map((id) => rows.get(id)) }),
    };
  }
}

class FakeFactory {
  readonly data = new Map([['reports', new Map<string, unknown>()], ['rows', new Map<string, unknown>()], ['metrics', new Map<string, unknown>()]]);
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

const row = (id: string) => ({ id, status: 'ok', error: null });

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
    factory.data.get('rows')!.set('b', row('b'));
    expect((await store.listRows()).map((r) => r.id)).toEqual(['b']);
    expect(factory.opened).toHaveLength(1);

    factory.opened[0].close(); // the browser's forced close; its close event has not come yet
    factory.data.get('rows')!.set('a', row('a'));
    expect((await store.listRows()).map((r) => r.id)).toEqual(['a', 'b']);
    expect(factory.opened).toHaveLength(2);
    expect(factory.opened[1].transactions).toBe(1);

    // The new connection is kept.
    await store.deleteRecord('b');
    expect(factory.opened).toHaveLength(2);
    expect([...factory.data.get('rows')!.keys()]).toEqual(['a']);
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
