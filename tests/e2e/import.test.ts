// Import in the page (issue 14): a folder of reports set on the folder picker's <input> is parsed
// in the page's import workers and becomes the user's layer of the same tables; no request leaves
// the page's origin meanwhile; the layer survives a reload, its zip (built when asked, Parquet
// included) is byte for byte the dataset folder `gongkai ingest --no-stored-answers` writes for the same folder (a
// byte-copy of a shipped report included), and removing it leaves the dataset alone.
import { execFile } from 'node:child_process';
import { appendFile, copyFile, cp, mkdir, readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../helpers/chromium';
import { makeTempDir } from '../helpers/ingest-fixture';
import { REPO_ROOT } from '../helpers/paths';
import { layerVersion } from './import-support';
import { appUrl, downloadFrom, e2eContext, browserSession, READY_TIMEOUT, waitForEngine } from './support';

const CORPUS = resolve(REPO_ROOT, 'data/corpus');
const COPY_NAME = '2013-heilongjiang-yichun-city.txt';
/** The shipped seeds/ folder, each file with a line added (reports of the user's own), and one shipped file as it is (a copy of the dataset's) in seeds/copy/. */
let parent: string;
let FOLDER: string;

let browser: Browser;
let page: Page;

const session = browserSession();

beforeAll(async () => {
  parent = makeTempDir('gongkai-import-seeds-');
  FOLDER = join(parent, 'seeds');
  await cp(join(CORPUS, 'seeds'), FOLDER, { recursive: true });
  for (const [path] of await folderFiles(FOLDER)) if (!path.startsWith('truth/')) await appendFile(join(FOLDER, path), '\n');
  await mkdir(join(FOLDER, 'copy'));
  await copyFile(join(CORPUS, 'seeds', COPY_NAME), join(FOLDER, 'copy', COPY_NAME));
  ({ browser, page } = session);
});

const query = (p: Page, sql: string) => p.evaluate(async (text) => {
  return (window as unknown as { __gongkai: { query(sql: string): Promise<Record<string, unknown>[]> } }).__gongkai.query(text);
}, sql);

const count = async (p: Page, sql: string): Promise<number> => Number((await query(p, sql))[0].n);

/** The folders of layer parts left in OPFS (src/db/user-layer-spill.ts); null: it has none. */
const spillLeft = (p: Page) => p.evaluate(async () => {
  const names: string[] = [];
  try {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('gongkai-layer-spill');
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  } catch {
    return null;
  }
  return names;
});

/** The files of a folder, by path below it. */
async function folderFiles(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.set(relative(dir, path), await readFile(path));
    }
  };
  await walk(dir);
  return out;
}

describe('import in the page', { timeout: 300_000 }, () => {
  // seeds/ holds 5 reports of the user's own, a copy of a shipped one, and a truth/ folder ingest skips.
  const reports = 6;
  /** Over both layers the copy is the dataset's row. */
  const own = 5;
  let version: string;

  it('parses a dropped folder in the page, with no request off the origin', async () => {
    await page.goto(appUrl('bench=1'));
    await waitForEngine(page);
    const origin = new URL(e2eContext().baseUrl).origin;
    const before = browser.requests.length;
    await page.getByTestId('import-toggle').click();
    await page.getByTestId('import-folder').setInputFiles(FOLDER);
    version = await layerVersion(page);
    const during = browser.requests.slice(before);
    expect(during.length).toBeGreaterThan(0);
    expect(during.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(browser.offline).toEqual([]);
    await expect.poll(() => page.getByTestId('import-progress').getAttribute('data-running')).toBe('false');
    expect(await page.getByTestId('import-list').locator('li').count()).toBe(reports);
    expect(await count(page, "SELECT count(*) AS n FROM reports WHERE layer = 'user'")).toBe(own);
    expect(await count(page, "SELECT count(*) AS n FROM facts_wide WHERE layer = 'user' AND report_id LIKE 'seeds/%'")).toBe(own);
    expect(await page.getByTestId('import-duplicate').allTextContents()).toEqual([expect.stringContaining(`corpus/seeds/${COPY_NAME}`)]);
    // The layer went through OPFS, one part at a time, and the data worker removed its folder once loaded.
    expect(await page.evaluate(() => (window as unknown as { __gongkaiImport: { spilled(): boolean } }).__gongkaiImport.spilled())).toBe(true);
    expect(await spillLeft(page)).toEqual([]);
  });

  it('a second import in the page is parsed by the workers of the first (the gazetteer loaded once), with the same layer', async () => {
    const parseWorkers: string[] = [];
    const seen: Promise<void>[] = [];
    const onWorker = (worker: { evaluate<T>(f: () => T): Promise<T> }) => {
      // The build worker runs the same script under another name (and may be gone before it is asked).
      seen.push(worker.evaluate(() => (self as unknown as { name: string }).name).then((name) => void (name === 'gongkai-import' && parseWorkers.push(name)), () => {}));
    };
    page.on('worker', onWorker);
    try {
      // The folder as the picker gives it, through the page's own import (answers once the layer is loaded).
      const files = [...(await folderFiles(FOLDER))].map(([path, bytes]) => ({ path: `seeds/${path}`, bytes: [...bytes] }));
      await page.evaluate(async (picked) => {
        const hook = (window as unknown as { __gongkaiImport: { importFiles(files: { path: string; alone: boolean; file: Blob }[]): Promise<void> } }).__gongkaiImport;
        await hook.importFiles(picked.map((f) => ({ path: f.path, alone: false, file: new Blob([new Uint8Array(f.bytes)]) })));
      }, files);
      expect(await layerVersion(page)).toBe(version);
      await Promise.all(seen);
    } finally {
      page.off('worker', onWorker);
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(parseWorkers).toEqual([]);
    expect(await page.getByTestId('import-list').locator('li').count()).toBe(reports);
    expect(await count(page, "SELECT count(*) AS n FROM reports WHERE layer = 'user'")).toBe(own);
  });

  it('a data worker restarted after the import gets the layer again, and its folder\'s lock goes once loaded (not held until the tab closes)', async () => {
    const spillLocks = () => page.evaluate(async () => ((await navigator.locks.query()).held ?? []).map((l) => l.name ?? '').filter((n) => n.startsWith('gongkai-layer-spill:')));
    expect(await spillLocks()).toEqual([]);
    // A query cancelled stops the data worker (DuckDB cannot be interrupted); its successor is given the layer built again.
    await page.evaluate(async () => {
      const { client } = (window as unknown as { __gongkai: { client: { userQuery(sql: string, signal: AbortSignal): Promise<unknown> } } }).__gongkai;
      const controller = new AbortController();
      const query = client.userQuery('SELECT count(*) FROM "values"', controller.signal).catch(() => 'cancelled');
      controller.abort();
      await query;
    });
    expect(await count(page, "SELECT count(*) AS n FROM reports WHERE layer = 'user'")).toBe(own);
    await expect.poll(spillLocks, { timeout: 60_000 }).toEqual([]);
    expect(await spillLeft(page)).toEqual([]);
  });

  it('shows an imported report in the report view, with its text and values', async () => {
    const id = 'seeds/2019-liaoning-fuxin-city.txt';
    const values = await count(page, `SELECT count(*) AS n FROM "values" WHERE report_id = '${id}' AND layer = 'user'`);
    expect(values).toBeGreaterThan(10);
    await page.goto(appUrl([['view', 'report'], ['report', id], ['layer', 'user'], ['bench', '1']]));
    await page.getByTestId('report-view').waitFor({ timeout: READY_TIMEOUT });
    await page.getByTestId('value-row').first().waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('value-row').count()).toBe(values);
  });

  it('keeps the layer across a reload; layer=user shows it alone', async () => {
    await page.goto(appUrl([['layer', 'user'], ['bench', '1']]));
    await waitForEngine(page);
    expect(await layerVersion(page)).toBe(version);
    expect(await count(page, 'SELECT count(*) AS n FROM reports')).toBe(reports);
  });

  it('removes at once the OPFS folders no lock holds, never one in use by another tab', async () => {
    // Another tab of the page holds a folder (as its build or load would) beside one a closed tab left behind.
    const other = await page.context().newPage();
    await other.goto(appUrl('bench=1'));
    await waitForEngine(other);
    await layerVersion(other);
    const [held, left] = await other.evaluate(async () => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('gongkai-layer-spill', { create: true });
      // Made just now: the old rule (ten minutes) would keep both.
      const names = [`${Date.now()}-heldbytab`, `${Date.now()}-leftbehind`];
      for (const name of names) await (await root.getDirectoryHandle(name, { create: true })).getFileHandle('reports~part-0.arrow', { create: true });
      await new Promise<void>((held) => void navigator.locks.request(`gongkai-layer-spill:${names[0]}`, { mode: 'shared' }, () => {
        held();
        return new Promise<void>(() => {});
      }));
      return names;
    });
    // This tab builds its layer again (on load): its build sweeps.
    await page.goto(appUrl('bench=1'));
    await waitForEngine(page);
    expect(await layerVersion(page)).toBe(version);
    expect(await spillLeft(page)).toEqual([held]);
    // The tab closed, its lock goes: the next build removes its folder, though made a moment ago.
    await other.close();
    await page.goto(appUrl('bench=1'));
    await waitForEngine(page);
    expect(await layerVersion(page)).toBe(version);
    expect(await spillLeft(page)).toEqual([]);
    expect(left).toMatch(/leftbehind$/);
  });

  it('downloads the layer as the dataset folder gongkai ingest --no-stored-answers writes, byte for byte', async () => {
    const out = join(makeTempDir('gongkai-import-cli-'), 'out');
    // The same folder named the same way (relative to its parent): the same report ids and paths.
    // No stored answers: the page builds the layer's answers itself.
    await promisify(execFile)(process.execPath, [resolve(REPO_ROOT, 'bin/gongkai.mjs'), 'ingest', 'seeds', '--out', out, '--no-stored-answers'], { cwd: parent });
    const cli = await folderFiles(out);
    await page.getByTestId('import-toggle').click();
    const zip = await downloadFrom(page, 'import-download');
    const entries = unzipSync(new Uint8Array(zip.bytes));
    const fromPage = new Map(Object.entries(entries).filter(([path]) => !path.endsWith('/')).map(([path, bytes]) => [path.replace(/^gongkai-imported\//, ''), Buffer.from(bytes)]));
    expect([...fromPage.keys()].sort()).toEqual([...cli.keys()].sort());
    for (const [path, bytes] of cli) expect(fromPage.get(path)!.equals(bytes), path).toBe(true);
    // The zip is named by its dataset version; the page's layer (Arrow streams only, no Parquet) has a version of its own.
    const cliVersion = (JSON.parse(cli.get('manifest.json')!.toString()) as { dataset_version: string }).dataset_version;
    expect(zip.name).toBe(`gongkai-imported-${cliVersion.slice(0, 8)}.zip`);
    expect(version).toMatch(/^[0-9a-f]{64}$/);
    expect(version).not.toBe(cliVersion);
  });

  it('removes the layer: the dataset alone remains', async () => {
    await page.goto(appUrl('bench=1'));
    await waitForEngine(page);
    await layerVersion(page);
    const all = await count(page, 'SELECT count(*) AS n FROM reports');
    await page.getByTestId('import-toggle').click();
    await page.getByTestId('import-remove-all').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="import-toggle"]')?.getAttribute('data-layer-version') === '', undefined, { timeout: READY_TIMEOUT });
    expect(await count(page, 'SELECT count(*) AS n FROM reports')).toBe(all - own);
    // A reload (the app drops `bench` from the URL on mount, so open it again with it).
    await page.goto(appUrl('bench=1'));
    await waitForEngine(page);
    expect(await count(page, 'SELECT count(*) AS n FROM reports')).toBe(all - own);
    expect(await page.getByTestId('import-toggle').getAttribute('data-layer-version')).toBe('');
  });
});
