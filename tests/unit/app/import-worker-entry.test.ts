// The import worker's first script (workers/import.worker.ts): the page's init starts the
// gazetteer's fetches at once, before the worker's body (parser, builder) has loaded, and every
// message that came meanwhile reaches the body in order. The body is held back here (a module
// that resolves when the test says), as a slow script load would hold it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GAZETTEER_DIR } from '../../../src/jurisdictions/load-node';

const hold = vi.hoisted(() => ({ release: () => {}, delivered: [] as unknown[] }));
vi.mock('../../../workers/import-worker-body', async () => {
  await new Promise<void>((done) => (hold.release = done));
  return { startImportWorker: () => (message: unknown) => void hold.delivered.push(message) };
});

let listeners: Map<string, ((event: { data?: unknown }) => void)[]>;
let fetched: string[];

beforeEach(() => {
  vi.resetModules();
  hold.delivered.length = 0;
  listeners = new Map();
  fetched = [];
  vi.stubGlobal('self', {
    location: { href: 'http://app.invalid/assets/import.worker.js' },
    addEventListener: (type: string, listener: (event: { data?: unknown }) => void) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    postMessage: () => {},
  });
  // The gazetteer's files, by the name the URL ends with (the assets' URLs as vite gives them here).
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    const path = new URL(url).pathname;
    const file = path.includes('/towns/') ? `towns/${path.slice(path.lastIndexOf('/') + 1)}` : path.slice(path.lastIndexOf('/') + 1);
    return new Response(readFileSync(join(GAZETTEER_DIR, file.replace(/\?.*$/, ''))));
  });
});
afterEach(() => void vi.unstubAllGlobals());

const send = (data: unknown) => listeners.get('message')?.forEach((listener) => listener({ data }));
const settle = () => new Promise((done) => setTimeout(done, 20));
const names = () => fetched.map((url) => new URL(url).pathname.replace(/^.*\/gazetteer\//, '')).sort();
const towns = () => names().filter((n) => n.startsWith('towns/')).length;

describe('the import worker\'s first script', () => {
  it('fetches the resolver\'s gazetteer as the init arrives, before the body has loaded, then hands the body every message in order', async () => {
    await import('../../../workers/import.worker');
    const init = { kind: 'init', baseUrl: 'http://app.invalid/' };
    const job = { kind: 'parse', id: 0, fileName: 'a.txt', file: new Blob(['x']), keep: null };
    send(init);
    send(job);
    await settle();
    expect(hold.delivered).toEqual([]);
    expect(names()).toEqual(expect.arrayContaining(['divisions.csv', 'lineage.csv', 'index.txt']));
    expect(towns()).toBe(31);
    hold.release();
    await settle();
    expect(hold.delivered).toEqual([init, job]);
    const later = { kind: 'parse', id: 1, fileName: 'b.txt', file: new Blob(['y']), keep: null };
    send(later);
    expect(hold.delivered).toEqual([init, job, later]);
  });

  it('a build worker fetches the division rows alone; a test hook\'s worker (never ready, or failing as it loads) nothing', async () => {
    await import('../../../workers/import.worker');
    send({ kind: 'init', baseUrl: 'http://app.invalid/', role: 'build' });
    await settle();
    expect(names().filter((n) => !n.startsWith('towns/'))).toEqual(['divisions.csv']);
    expect(towns()).toBe(31);
    hold.release();

    for (const hook of [{ stall: true }, { die: true }]) {
      vi.resetModules();
      fetched.length = 0;
      await import('../../../workers/import.worker');
      send({ kind: 'init', baseUrl: 'http://app.invalid/', ...hook });
      await settle();
      expect(fetched).toEqual([]);
      hold.release();
    }
  });
});
