// Issue 15 item 6 in real Chromium: the engine's download reports its bytes; a hierarchy view
// opens on the latest year that has reports for its parent; a division's name, never its code,
// while it loads; the tree scrolls its own pane (not the window) to the selection; Coverage and
// Reconciliation have charts with the export buttons, their CSV equal to native DuckDB.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverage, latestYearBelow, reconciliation } from '../../src/db/sql';
import { metricUnit, TIDY_COLUMNS } from '../../src/app/data/tidy';
import type { Browser } from '../helpers/chromium';
import type { NativeDataset } from '../helpers/native-duckdb';
import { browserSession, csvCellOf, downloadFrom, e2eContext, openApp, parseCsv, READY_TIMEOUT, waitForChart } from './support';

const session = browserSession();
let browser: Browser;
let page: Page;
let native: NativeDataset;
const GUANGZHOU = '440100';
const EH_WASM = statSync('node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm').size;

const csv = (bytes: Buffer): string[][] => parseCsv(bytes.subarray(3).toString('utf8'));

beforeAll(async () => {
  ({ browser, page, native } = session);
  // Every title the coverage and reconciliation panels ever show, kept from the first paint.
  await browser.context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __titles: seen });
    new MutationObserver(() => {
      for (const h of document.querySelectorAll('[data-testid="coverage-section"] h3, [data-testid="reconcile-section"] h3')) {
        const text = h.textContent ?? '';
        if (!seen.includes(text)) seen.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
});

afterAll(async () => {
  expect(browser.errors).toEqual([]);
});

describe('loading', () => {
  it('reports the bytes of the engine as they arrive, up to the whole wasm', async () => {
    await openApp(page, `view=coverage&parent=${GUANGZHOU}`);
    await page.getByTestId('coverage-section').waitFor({ timeout: READY_TIMEOUT });
    // The last report is the whole (unpacked) eh wasm: the bytes went through the counter.
    expect(Number(await page.getByTestId('engine-progress').getAttribute('data-loaded'))).toBe(EH_WASM);
    // The server sends the wasm compressed; the bar's total is still the unpacked size, so it can fill.
    expect(Number(await page.getByTestId('engine-progress').getAttribute('data-total'))).toBe(EH_WASM);
    expect(await page.getByTestId('engine-progress').isHidden()).toBe(true);
  });

  it('begins the wasm’s fetch and compile from a worker script of a few KB, before the worker’s body (DuckDB’s bindings, apache-arrow) loads', async () => {
    const { distDir } = e2eContext();
    const assets = readdirSync(join(distDir, 'assets'));
    const first = assets.filter((f) => /^data\.worker-.*\.js$/.test(f));
    expect(first).toHaveLength(1);
    const firstCode = readFileSync(join(distDir, 'assets', first[0]), 'utf8');
    // Was the whole worker, 1.5 MB: the wasm's fetch began only once all of it had loaded.
    expect(firstCode.length).toBeLessThan(8_000);
    expect(firstCode).toMatch(/WebAssembly\.compileStreaming\(/);
    expect(firstCode).not.toMatch(/Unrecognized type|duckdb_web_open/);
    const body = assets.find((f) => /^data-worker-main-.*\.js$/.test(f));
    expect(body).toBeDefined();
    // In the page: the eh wasm is requested before the worker's body, once, and the engine answers.
    const from = browser.requests.length;
    await openApp(page, `view=coverage&parent=${GUANGZHOU}`);
    await page.getByTestId('coverage-section').waitFor({ timeout: READY_TIMEOUT });
    const requested = browser.requests.slice(from).map((url) => new URL(url).pathname);
    const wasmAt = requested.findIndex((path) => /\/duckdb-eh-[^/]+\.wasm$/.test(path));
    const bodyAt = requested.findIndex((path) => path.endsWith(`/assets/${body}`));
    expect(wasmAt).toBeGreaterThanOrEqual(0);
    expect(bodyAt).toBeGreaterThan(wasmAt);
    expect(requested.filter((path) => /\/duckdb-(eh|mvp)-[^/]+\.wasm$/.test(path))).toHaveLength(1);
  });

  it('starts the data worker from an entry of a few KB, before the client’s and the app’s code run, and leaves pdf.js and CodeMirror until their views', async () => {
    // The entry script the page names: it spawns the worker itself; apache-arrow, the SQL builders,
    // React and ECharts are in the chunks it imports dynamically (was 275 KB, arrow and builders in it).
    const { distDir } = e2eContext();
    const entry = /<script type="module"[^>]* src="\.\/(assets\/index-[^"]+\.js)"/.exec(readFileSync(join(distDir, 'index.html'), 'utf8'))?.[1];
    expect(entry).toBeDefined();
    const entryCode = readFileSync(join(distDir, entry!), 'utf8');
    expect(entryCode.length).toBeLessThan(16_000);
    expect(entryCode).toMatch(/new Worker\(/);
    expect(entryCode).not.toMatch(/apache-arrow|RecordBatch/);
    // The data worker's body holds one apache-arrow (DuckDB-WASM's nested copy deduplicated,
    // vite.config.ts): each copy has two schema readers that throw this (JSON and flatbuffers).
    const workerBodies = readdirSync(join(distDir, 'assets')).filter((f) => /^data-worker-main-.*\.js$/.test(f));
    expect(workerBodies).toHaveLength(1);
    expect(readFileSync(join(distDir, 'assets', workerBodies[0]), 'utf8').match(/Unrecognized type: "/g)).toHaveLength(2);
    await browser.context.addInitScript(() => {
      const NativeWorker = window.Worker;
      window.Worker = class extends NativeWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          Object.assign(window, { __workerMade: (window as unknown as { __workerMade?: number }).__workerMade ?? performance.now() });
          super(url, options);
        }
      };
      // When the app's code first rendered into the page.
      new MutationObserver((_, observer) => {
        if (!document.getElementById('root')?.firstChild) return;
        Object.assign(window, { __appRendered: performance.now() });
        observer.disconnect();
      }).observe(document, { subtree: true, childList: true });
    });
    await openApp(page, '');
    await waitForChart(page, 'overview');
    const { workerMade, appRendered, lazy } = await page.evaluate(() => {
      const scripts = performance.getEntriesByType('resource').filter((r) => /\/assets\/[^/]+\.js$/.test(r.name));
      const marks = window as unknown as { __workerMade?: number; __appRendered?: number };
      return { workerMade: marks.__workerMade, appRendered: marks.__appRendered, lazy: scripts.filter((r) => /\/(Report|SqlConsole)-[^/]+\.js$/.test(r.name)).map((r) => r.name) };
    });
    expect(workerMade).toBeDefined();
    expect(appRendered).toBeDefined();
    expect(workerMade!).toBeLessThan(appRendered!);
    expect(lazy).toEqual([]);
    await openApp(page, 'view=sql');
    await page.getByTestId('sql-run').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/SqlConsole-[^/]+\.js$/.test(r.name)))).toBe(true);
  });

  it('starts DuckDB without a function-table slot per exported function (the glue’s linker, scripts/duckdb-glue.ts), and the engine answers', async () => {
    // DuckDB's wasm exports 65,167 functions; the shipped linker gave each a table slot and a GOT
    // entry (~2 s of the worker's start on this machine). The worker reports the table's size in init's trace.
    await browser.context.addInitScript(() => {
      const NativeWorker = window.Worker;
      window.Worker = class extends NativeWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          this.addEventListener('message', (event: MessageEvent) => {
            const table = (event.data as { result?: { trace?: { startup?: { functionTable?: number } } } } | null)?.result?.trace?.startup?.functionTable;
            if (table !== undefined) Object.assign(window, { __functionTable: table });
          });
        }
      };
    });
    await openApp(page, '');
    await page.getByTestId('kpi-reports').waitFor({ timeout: READY_TIMEOUT });
    const table = await page.evaluate(() => (window as unknown as { __functionTable?: number }).__functionTable);
    expect(table).toBeGreaterThan(1_000);
    expect(table).toBeLessThan(30_000);
    // The engine answered from the dataset (the KPI is DuckDB's count, equal to native DuckDB's).
    const [{ n }] = await native.rows({ sql: 'SELECT count(*)::INTEGER AS n FROM reports', params: [] });
    expect(n).toBeGreaterThan(0);
    await expect.poll(async () => (await page.getByTestId('kpi-reports').textContent())?.replace(/\D/g, '')).toBe(String(n));
  });

  it('says so, in both languages, when the app’s code cannot load (no blank page)', async () => {
    await page.route(/\/assets\/boot-[^/]+\.js$/, (route) => route.abort());
    try {
      await openApp(page, '');
      const alert = page.getByTestId('boot-failed');
      await alert.waitFor({ timeout: READY_TIMEOUT });
      await expect(alert.getAttribute('role')).resolves.toBe('alert');
      await expect(alert.textContent()).resolves.toMatch(/页面代码未能加载.*The page's code did not load/);
    } finally {
      await page.unroute(/\/assets\/boot-[^/]+\.js$/);
      // the aborted chunk is this test's doing: its console lines are expected, nothing else is
      browser.errors.splice(0, browser.errors.length, ...browser.errors.filter((e) => e !== 'console: Failed to load resource: net::ERR_FAILED'));
    }
  });

  it('opens a hierarchy view on the parent’s latest year with reports, and never shows its code as its name', async () => {
    const [{ last }] = await native.rows({ sql: 'SELECT max(year) AS last FROM facts_wide', params: [] });
    // A division with children whose reports stop before the dataset's last year.
    const candidates = await native.rows({
      sql: `SELECT code FROM jurisdictions WHERE kind <> 'pseudo' AND length(code) = 6
              AND code IN (SELECT parent FROM jurisdictions WHERE parent IS NOT NULL) ORDER BY code`,
      params: [],
    });
    let parent: string | null = null;
    let latest: number | null = null;
    for (const { code } of candidates) {
      const [row] = await native.rows(latestYearBelow({ parent: String(code) }));
      if (typeof row?.year === 'number' && row.year < Number(last)) [parent, latest] = [String(code), row.year];
      if (parent) break;
    }
    if (!parent || latest === null) throw new Error('the shipped dataset has no division whose reports stop before its last year');
    await openApp(page, `view=coverage&parent=${parent}`);
    await page.getByTestId('coverage-section').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('year').inputValue()).toBe(String(latest));
    const titles = (await page.evaluate(() => (window as unknown as { __titles: string[] }).__titles)) as string[];
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).not.toContain(parent);
    expect(titles.at(-1)).toContain(String(latest));
  });

  it('scrolls the tree pane, not the window, to a selection far down the tree', async () => {
    const far = await native.rows({ sql: `SELECT max(code) AS code FROM jurisdictions WHERE parent = '440000' AND kind <> 'pseudo'`, params: [] });
    const code = String(far[0].code);
    await openApp(page, `view=coverage&parent=${code}`);
    const row = page.locator(`[data-testid="tree-node-${code}"] > .tree-row`);
    await row.waitFor({ timeout: READY_TIMEOUT });
    await expect.poll(async () => {
      const [pane, box] = await Promise.all([page.locator('.tree-pane').boundingBox(), row.boundingBox()]);
      return pane !== null && box !== null && box.y >= pane.y && box.y + box.height <= pane.y + pane.height;
    }, { timeout: READY_TIMEOUT }).toBe(true);
    expect(await page.locator('.tree-pane').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });
});

describe('coverage and reconciliation charts', () => {
  it('draws reconciliation as a chart whose CSV is native DuckDB’s figures, with export and pin buttons', async () => {
    const year = 2020;
    const [expected] = await native.rows(reconciliation({ parent: GUANGZHOU, year, metric: 'r.new.total' }));
    await openApp(page, `view=reconcile&parent=${GUANGZHOU}&year=${year}`);
    await waitForChart(page, 'reconcile');
    for (const id of ['png', 'svg', 'export', 'pin']) expect(await page.getByTestId(`${id}-reconcile`).isEnabled()).toBe(true);
    const download = await downloadFrom(page, 'csv-reconcile');
    // Named after what it holds (metric, parent, year) with the dataset version, as every chart's CSV.
    expect(download.name).toBe(`gongkai_reconcile_r.new.total_${GUANGZHOU}_${year}_v${native.manifest.dataset_version.slice(0, 8)}.csv`);
    // Tidy as every chart's CSV: the parent, year, metric, unit, scope, what each part rests on and the dataset version, then the part.
    const [header, ...rows] = csv(download.bytes);
    expect(header).toEqual([...TIDY_COLUMNS, 'part', 'label']);
    const cell = (r: string[], name: string) => r[header.indexOf(name)];
    const parts = [
      ['area', expected.area_value, 'area', 1, expected.area_report_id],
      ['children', expected.children_value, 'children', expected.children_in_sum, null],
      ['parent_self', expected.parent_self_value, 'self', 1, expected.parent_self_report_id],
      ['departments', expected.departments_value, 'departments', expected.departments_in_sum, null],
    ].filter(([, v]) => v !== null);
    expect(parts.length).toBeGreaterThan(1);
    expect(rows.map((r) => ['part', 'value', 'scope', 'reports', 'report_id'].map((c) => cell(r, c)))).toEqual(parts.map((p) => p.map(csvCellOf)));
    for (const r of rows) {
      expect([cell(r, 'body_key'), cell(r, 'year'), cell(r, 'metric'), cell(r, 'unit')]).toEqual([GUANGZHOU, String(year), 'r.new.total', metricUnit('r.new.total', 'zh')]);
      expect(cell(r, 'body_name')).toContain('广州');
      expect(cell(r, 'dataset_version')).toBe(native.manifest.dataset_version);
    }
    // The children that published only an area summary are listed with that summary's value (— where
    // it does not state the metric); the stated ones are the Σ under them, as native DuckDB counts them.
    const areaOnly = page.getByTestId('reconcile-area-only');
    const stated = async () => (await areaOnly.locator('td.n').allTextContents()).filter((text) => text !== '—').map((text) => Number(text.replace(/[,，\s]/g, '')));
    await expect.poll(async () => (await stated()).length, { timeout: READY_TIMEOUT }).toBe(Number(expected.children_area_units));
    expect(Number(expected.children_area_units)).toBeGreaterThan(0);
    expect((await stated()).reduce((a, b) => a + b, 0)).toBe(Number(expected.children_area_value));
    // The line under the list says what it adds up and how many of the listed summaries state it.
    const listed = await areaOnly.locator('tr').count();
    const sumLine = (await page.getByTestId('reconcile-area-only-sum').textContent()) ?? '';
    expect(sumLine).toContain(`${expected.children_area_units} 个列明该指标 / 共 ${listed} 个`);
    expect(Number(sumLine.match(/之和 ([\d,]+)/)?.[1].replace(/,/g, ''))).toBe(Number(expected.children_area_value));
  });

  it('draws coverage as a chart of the governments by outcome, with export and pin buttons', async () => {
    const year = 2020;
    const today = new Date().toISOString().slice(0, 10);
    const governments = (await native.rows(coverage({ parent: GUANGZHOU, year, today }))).filter((r) => r.unit === 'government');
    const counts = {
      missing: governments.filter((r) => r.missing === true).length,
      notDue: governments.filter((r) => r.not_due === true).length,
      reported: governments.filter((r) => Number(r.reports ?? 0) > 0 || Number(r.ambiguous_reports ?? 0) > 0).length,
      onTime: governments.filter((r) => r.late === false).length,
      late: governments.filter((r) => r.late === true).length,
    };
    expect(counts.reported).toBeGreaterThan(0);
    await openApp(page, `view=coverage&parent=${GUANGZHOU}&year=${year}`);
    await waitForChart(page, 'coverage');
    for (const id of ['png', 'svg', 'export', 'pin']) expect(await page.getByTestId(`${id}-coverage`).isEnabled()).toBe(true);
    const download = await downloadFrom(page, 'csv-coverage');
    expect(download.name).toBe(`gongkai_coverage_${GUANGZHOU}_${year}_v${native.manifest.dataset_version.slice(0, 8)}.csv`);
    // One row per government drawn, with its part (status) and that part's count.
    const [header, ...rows] = csv(download.bytes);
    const status = header.indexOf('status');
    const count = (part: string) => rows.filter((r) => r[status] === part).length;
    const by = Object.fromEntries(['on_time', 'late', 'date_unknown', 'missing', 'not_due'].map((part) => [part, count(part)]));
    for (const r of rows) expect(Number(r[header.indexOf('part_governments')])).toBe(by[r[status]]);
    expect(by.missing).toBe(counts.missing);
    expect(by.not_due).toBe(counts.notDue);
    expect(by.on_time + by.late + by.date_unknown).toBe(counts.reported);
    // A report with no known date is neither on time nor late (the shipped reports of this year print none).
    expect(by.on_time).toBe(counts.onTime);
    expect(by.late).toBe(counts.late);
    expect(by.date_unknown).toBeGreaterThan(0);
  });
});
