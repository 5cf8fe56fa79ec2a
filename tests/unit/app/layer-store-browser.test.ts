// The user layer's IndexedDB store in a real browser (headless Chromium, its own IndexedDB): reports
// kept in groups come back in id order whatever groups hold them, a report stored again is read
// from its latest group (and the older copy removed once the rows are listed), one removed is gone
// from its group, and a store of the earlier layout (one entry a report: versions 1-3) is read as
// it was, rewritten in groups once. layer-store.ts is bundled (esbuild) into a page served here.
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../workers/import-protocol';
import { parseDocument } from '../../../src/parse/input';
import { BLOCKED_WAIT_MS, layerRow, STORE_BLOCKED, STORE_CHANGED } from '../../../src/app/user/layer-store';
import type { StoredCorrection } from '../../../src/app/user/corrections-store';
import { stalledReason } from '../../../workers/bounded-wait';
import { launchChromium, type Browser } from '../../helpers/chromium';
import { REPO_ROOT } from '../../helpers/paths';
import { SHIPPED_CORPUS } from '../../helpers/shipped-dataset';

const ENTRY = `
import * as store from './src/app/user/layer-store';
import { packRecord } from './src/app/user/record-pack';
import { indexedDbBackend } from './src/app/user/corrections-store';
import { limitForTest, stallNext } from './workers/bounded-wait';
globalThis.store = { ...store, packRecord, indexedDbBackend, limitForTest, stallNext };
`;

/** The last five real reports of the shipped corpus, parsed, with ids of our own. */
async function records(): Promise<ReportRecord[]> {
  const dir = join(SHIPPED_CORPUS, 'real');
  const files = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort().slice(-5);
  expect(files).toHaveLength(5);
  return Promise.all(
    files.map(async (name, i) => ({
      id: `r${i + 1}`,
      file: `f/${name}`,
      parsed: await parseDocument(new Uint8Array(readFileSync(join(dir, name))), { fileName: name }),
      sha256: String(i).repeat(64),
      bytes: 100 + i,
      jurisdiction: null,
    })),
  );
}

/** The page's IndexedDB as it is: each store's keys and values. */
const rawStores = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Record<string, { keys: unknown[]; values: unknown[] }>>((done, fail) => {
        const open = indexedDB.open('gongkai-user-layer');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, { keys: unknown[]; values: unknown[] }> = {};
          for (const name of names) {
            const keys = tx.objectStore(name).getAllKeys();
            const values = tx.objectStore(name).getAll();
            values.onsuccess = () => void (out[name] = { keys: keys.result, values: values.result });
          }
          tx.oncomplete = () => {
            db.close();
            done(out);
          };
        };
      }),
  );

/** Every report the store gives back, `size` at a time: [ids of each batch, the reports]. */
const readBack = (page: Page, size: number, hold?: number) =>
  page.evaluate(async ({ size, hold }) => {
    const store = (globalThis as unknown as { store: typeof import('../../../src/app/user/layer-store') }).store;
    const batches: ReportRecord[][] = [];
    for await (const batch of store.recordBatches(size, hold)) batches.push(batch);
    return batches;
  }, { size, hold });

type Store = typeof import('../../../src/app/user/layer-store') & { packRecord: typeof import('../../../src/app/user/record-pack').packRecord } & Pick<typeof import('../../../src/app/user/corrections-store'), 'indexedDbBackend'> & Pick<typeof import('../../../workers/bounded-wait'), 'limitForTest' | 'stallNext'>;

/**
 * Another connection's readwrite transaction over `stores` of database `name`, kept alive (a read
 * placed as each one answers) until `globalThis.release()`: a transaction of ours on those stores
 * waits on it, a call that does not answer, as a store held by another tab mid-write would.
 */
const holdStores = (page: Page, name: string, stores: string[]) =>
  page.evaluate(
    ({ name, stores }) =>
      new Promise<void>((held, fail) => {
        const open = indexedDB.open(name);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(stores, 'readwrite');
          let holding = true;
          (globalThis as unknown as { release: () => Promise<void> }).release = () =>
            new Promise<void>((done) => {
              holding = false;
              tx.oncomplete = () => {
                db.close();
                done();
              };
            });
          const again = () => {
            const read = tx.objectStore(stores[0]).count();
            read.onsuccess = () => void (holding && again());
          };
          again();
          held();
        };
      }),
    { name, stores },
  );
const release = (page: Page) => page.evaluate(() => (globalThis as unknown as { release: () => Promise<void> }).release());
const call = <R, A>(page: Page, work: (store: Store, arg: A) => Promise<R>, arg: A): Promise<R> =>
  page.evaluate(({ source, arg }) => new Function('store', 'arg', `return (${source})(store, arg)`)((globalThis as unknown as { store: Store }).store, arg) as Promise<R>, { source: work.toString(), arg });

describe('the user layer kept in IndexedDB (headless Chromium)', () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let reports: ReportRecord[];
  /** The reports as the page sees them (through Playwright's serialisation, as they are compared). */
  let echoed: ReportRecord[];

  beforeAll(async () => {
    const bundle = await build({ stdin: { contents: ENTRY, resolveDir: REPO_ROOT, loader: 'ts' }, bundle: true, format: 'iife', write: false, target: 'es2022' });
    const script = bundle.outputFiles[0].text;
    server = createServer((request, response) => {
      if (request.url === '/store.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      else response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script src="/store.js"></script>');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    browser = await launchChromium();
    reports = await records();
    await browser.page.goto(url);
    echoed = await browser.page.evaluate((r) => r, reports);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  /** A fresh page over an empty store (the module's kept connection closed with the page). */
  async function freshPage(): Promise<Page> {
    const page = browser.page;
    await page.goto(url);
    await page.evaluate(() => new Promise((done, fail) => {
      const request = indexedDB.deleteDatabase('gongkai-user-layer');
      request.onsuccess = done;
      request.onerror = () => fail(request.error);
    }));
    return page;
  }

  it('reads reports stored in interleaved groups back in id order, and lists their rows so', async () => {
    const page = await freshPage();
    const [r1, r2, r3, r4, r5] = reports;
    await call(page, (store, groups: ReportRecord[][]) => groups.reduce((done, g) => done.then(() => store.putRecords(g)), Promise.resolve()), [[r5, r1, r3], [r4, r2]]);
    const batches = await readBack(page, 2);
    expect(batches.map((b) => b.map((r) => r.id))).toEqual([['r1', 'r2'], ['r3', 'r4'], ['r5']]);
    expect(batches.flat()).toStrictEqual(echoed);
    // Holding one report at most: each group let go after the batch that read it, and read again.
    expect((await readBack(page, 1, 1)).flat()).toStrictEqual(echoed);
    const rows = await call(page, (store) => store.listRows(), null);
    expect(rows.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(rows).toEqual([r1, r2, r3, r4, r5].map(layerRow));
    expect(rows.filter((r) => r.status === 'ok').length).toBeGreaterThan(2);
    // Two groups: two entries in each of the group stores, whatever the number of reports.
    const raw = await rawStores(page);
    expect(raw.groups.keys).toHaveLength(2);
    expect(raw['group-rows'].keys).toEqual(raw.groups.keys);
    expect(Object.keys(raw).sort()).toEqual(['group-rows', 'groups', 'metrics']);
  });

  it('reads a report stored again from its latest group, removes the older copy when listing, and removes one report from its group', async () => {
    const page = await freshPage();
    const [r1, r2, r3] = reports;
    const again: ReportRecord = { ...r2, sha256: 'f'.repeat(64), bytes: 999 };
    await call(page, (store, groups: ReportRecord[][]) => groups.reduce((done, g) => done.then(() => store.putRecords(g)), Promise.resolve()), [[r1, r2, r3], [again]]);
    const [batch] = await readBack(page, 10);
    expect(batch.map((r) => [r.id, r.sha256, r.bytes])).toEqual([['r1', r1.sha256, r1.bytes], ['r2', again.sha256, 999], ['r3', r3.sha256, r3.bytes]]);
    expect((await call(page, (store) => store.listRows(), null)).map((r) => [r.id, r.sha256])).toEqual([['r1', r1.sha256], ['r2', again.sha256], ['r3', r3.sha256]]);
    // Listed: the first group rewritten without its old r2.
    let raw = await rawStores(page);
    expect((raw['group-rows'].values as { id: string }[][]).map((g) => g.map((r) => r.id))).toEqual([['r1', 'r3'], ['r2']]);
    expect((raw.groups.values as { id: string }[][]).map((g) => g.map((r) => r.id))).toEqual([['r1', 'r3'], ['r2']]);

    await call(page, (store) => store.deleteRecord('r3'), null);
    raw = await rawStores(page);
    expect((raw.groups.values as { id: string }[][]).map((g) => g.map((r) => r.id))).toEqual([['r1'], ['r2']]);
    await call(page, (store) => store.deleteRecord('r2'), null);
    raw = await rawStores(page);
    expect((raw.groups.values as { id: string }[][]).map((g) => g.map((r) => r.id))).toEqual([['r1']]);
    expect(raw['group-rows'].keys).toEqual(raw.groups.keys);
    expect((await readBack(page, 10)).flat()).toStrictEqual([echoed[0]]);

    await call(page, (store) => store.clearRecords(), null);
    expect(await call(page, (store) => store.listRows(), null)).toEqual([]);
    expect(await readBack(page, 10)).toEqual([]);
  });

  it('a read in id order whose group is rewritten under it stops with the reason, never giving another report in its place', async () => {
    const page = await freshPage();
    const [r1, r2, r3, r4, r5] = reports;
    await call(page, (store, groups: ReportRecord[][]) => groups.reduce((done, g) => done.then(() => store.putRecords(g)), Promise.resolve()), [[r1, r3, r5], [r2, r4]]);
    // One report a batch, none held ahead: the first group is let go after r1 and read again for r3,
    // after r3 was removed from it (r5 is at r3's place now).
    const outcome = await call(page, async (store) => {
      const read = store.recordBatches(1, 0);
      const ids: string[] = [];
      try {
        for await (const batch of read) {
          ids.push(...batch.map((r) => r.id));
          if (ids.length === 1) await store.deleteRecord('r3');
        }
        return { ids, error: null };
      } catch (error) {
        return { ids, error: (error as Error).message };
      }
    }, null);
    expect(outcome).toEqual({ ids: ['r1', 'r2'], error: STORE_CHANGED });
    // Read again, it reads what is kept.
    expect((await readBack(page, 10)).flat().map((r) => r.id)).toEqual(['r1', 'r2', 'r4', 'r5']);
  });

  it(`an upgrade held by a connection of an earlier version that does not close within ${BLOCKED_WAIT_MS / 1000} s fails with the reason; opened again once it is closed`, async () => {
    const page = await freshPage();
    // A tab of an older build: its connection (version 3) never closes when asked to.
    await page.evaluate(() => new Promise<void>((done, fail) => {
      const open = indexedDB.open('gongkai-user-layer', 3);
      open.onupgradeneeded = () => {
        for (const name of ['reports', 'rows', 'metrics']) open.result.createObjectStore(name, { keyPath: 'id' });
      };
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        (globalThis as unknown as { older: IDBDatabase }).older = open.result;
        done();
      };
    }));
    const listed = (store: Store) => store.listRows().then((rows) => ({ rows, error: null }), (error: Error) => ({ rows: null, error: error.message }));
    expect(await call(page, listed, null)).toEqual({ rows: null, error: STORE_BLOCKED });
    await page.evaluate(() => (globalThis as unknown as { older: IDBDatabase }).older.close());
    expect(await call(page, listed, null)).toEqual({ rows: [], error: null });
    await call(page, (store, r: ReportRecord) => store.putRecords([r]), reports[0]);
    expect((await readBack(page, 10)).flat()).toStrictEqual([echoed[0]]);
  });

  it(`an upgrade held by a connection of an earlier version waits up to ${BLOCKED_WAIT_MS / 1000} s for it to close (a tab closing), then opens`, async () => {
    const page = await freshPage();
    await page.evaluate(() => new Promise<void>((done, fail) => {
      const open = indexedDB.open('gongkai-user-layer', 3);
      open.onupgradeneeded = () => {
        for (const name of ['reports', 'rows', 'metrics']) open.result.createObjectStore(name, { keyPath: 'id' });
      };
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const older = open.result;
        // The older tab closes a moment after the upgrade is asked for.
        setTimeout(() => older.close(), 1000);
        done();
      };
    }));
    const outcome = await call(page, (store) => store.listRows().then((rows) => ({ rows, error: null }), (error: Error) => ({ rows: null, error: error.message })), null);
    expect(outcome).toEqual({ rows: [], error: null });
  });

  it('a transaction that never completes (the stores held by another connection) fails past its limit naming the call; none of it is kept, what was stored before is, and the next one stores', async () => {
    const page = await freshPage();
    await call(page, (store, r: ReportRecord) => store.putRecords([r]), reports[0]);
    await call(page, async (store) => store.limitForTest(500), null);
    await holdStores(page, 'gongkai-user-layer', ['groups', 'group-rows', 'metrics']);
    const put = (store: Store, r: ReportRecord) => store.putRecords([r]).then(() => null, (error: Error) => error.message);
    expect(await call(page, put, reports[1])).toBe(stalledReason('layer-write', 500));
    await release(page);
    // The put waited on was aborted: it is not stored once the other connection lets go.
    expect((await readBack(page, 10)).flat()).toStrictEqual([echoed[0]]);
    expect(await call(page, put, reports[1])).toBeNull();
    expect((await readBack(page, 10)).flat()).toStrictEqual([echoed[0], echoed[1]]);
    await call(page, async (store) => store.limitForTest(null), null);
  });

  it('an open or a read that never answers fails past its limit naming the call, and the next call opens and reads again', async () => {
    const page = await freshPage();
    await call(page, (store, r: ReportRecord) => store.putRecords([r]), reports[0]);
    const listed = (store: Store) => store.listRows().then((rows) => rows.map((r) => r.id), (error: Error) => error.message);
    await call(page, async (store) => store.limitForTest(300), null);
    for (const stalled of ['layer-open', 'layer-read'] as const) {
      await call(page, async (store, kind) => store.stallNext(kind), stalled);
      expect(await call(page, listed, null)).toBe(stalledReason(stalled, 300));
      expect(await call(page, listed, null)).toEqual(['r1']);
    }
    await call(page, async (store) => store.limitForTest(null), null);
  });

  it("the corrections' store: a write that never completes, an open or a read that never answers fail with the reason naming the call; what was kept stays, the next call works", async () => {
    const page = await freshPage();
    await page.evaluate(() => new Promise((done) => {
      const request = indexedDB.deleteDatabase('gongkai-corrections');
      request.onsuccess = request.onerror = done;
    }));
    const one = (metric: string): StoredCorrection => ({ report_sha256: 'a'.repeat(64), metric, value: 1, note: '', author: 't', at: '2026-12-07', report_id: null, start: null, end: null });
    type Step = { put?: StoredCorrection; stall?: 'corrections-open' | 'corrections-read' | 'corrections-write' };
    const steps = (store: Store, list: Step[]) => {
      const backend = ((globalThis as unknown as { corrections?: ReturnType<Store['indexedDbBackend']> }).corrections ??= store.indexedDbBackend());
      store.limitForTest(400);
      return list.reduce<Promise<(string | string[] | null)[]>>(async (before, step) => {
        const out = await before;
        if (step.stall) store.stallNext(step.stall);
        const done = step.put ? backend.put(step.put).then(() => null) : backend.getAll().then((all) => all.map((c) => c.metric));
        return [...out, await done.catch((error: Error) => error.message)];
      }, Promise.resolve([])).finally(() => store.limitForTest(null));
    };
    expect(await call(page, steps, [{ put: one('m1') }, { stall: 'corrections-open' }, {}, { stall: 'corrections-read' }, {}, { put: one('m2'), stall: 'corrections-write' }, {}])).toEqual([
      null,
      stalledReason('corrections-open', 400),
      ['m1'],
      stalledReason('corrections-read', 400),
      ['m1'],
      stalledReason('corrections-write', 400),
      ['m1'],
    ]);
    // A write held by another connection: aborted past its limit, not kept once that lets go.
    await holdStores(page, 'gongkai-corrections', ['corrections']);
    expect(await call(page, steps, [{ put: one('m3') }])).toEqual([stalledReason('corrections-write', 400)]);
    await release(page);
    expect(await call(page, steps, [{}, { put: one('m3') }, {}])).toEqual([['m1'], null, ['m1', 'm3']]);
  });

  for (const version of [1, 3]) {
    it(`reads a store of version ${version} (one entry a report) as it was, rewritten in groups once`, async () => {
      const page = await freshPage();
      // 120 reports (the five, under other ids), as version 3 kept them (compact, its rows beside
      // them) or version 1 (as objects, no rows); stored out of id order.
      const count = await page.evaluate(
        ({ reports, version }) =>
          new Promise<number>((done, fail) => {
            const store = (globalThis as unknown as { store: Store }).store;
            const open = indexedDB.open('gongkai-user-layer', version);
            open.onupgradeneeded = () => {
              const db = open.result;
              db.createObjectStore('reports', { keyPath: 'id' });
              if (version >= 2) db.createObjectStore('rows', { keyPath: 'id' });
              if (version >= 3) db.createObjectStore('metrics', { keyPath: 'id' });
            };
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction([...db.objectStoreNames], 'readwrite');
              for (let i = 119; i >= 0; i--) {
                const r = { ...reports[i % 5], id: `k${String(i).padStart(3, '0')}` };
                tx.objectStore('reports').put(version >= 3 ? store.packRecord(r) : r);
                if (version >= 2) tx.objectStore('rows').put({ id: r.id, status: r.parsed.status, reason: null, sha256: r.sha256 });
              }
              tx.oncomplete = () => {
                db.close();
                done(120);
              };
            };
          }),
        { reports, version },
      );
      expect(count).toBe(120);
      const expected = Array.from({ length: 120 }, (_, i) => ({ ...echoed[i % 5], id: `k${String(i).padStart(3, '0')}` }));
      const rows = await call(page, (store) => store.listRows(), null);
      expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
      expect(rows).toEqual(expected.map(layerRow));
      const batches = await readBack(page, 50);
      expect(batches.map((b) => b.length)).toEqual([50, 50, 20]);
      expect(batches.flat()).toStrictEqual(expected);
      const raw = await rawStores(page);
      expect(Object.keys(raw).sort()).toEqual(['group-rows', 'groups', 'metrics']);
      expect((raw['group-rows'].values as unknown[][]).map((g) => g.length)).toEqual([50, 50, 20]);
      // Once: a page opened again reads the groups as they are.
      await page.goto(url);
      expect((await readBack(page, 500)).flat()).toStrictEqual(expected);
      expect((await rawStores(page))['group-rows'].keys).toEqual(raw['group-rows'].keys);
    });
  }
});
