// The page's load as bench:ui and bench:startup time it: marks set by a script run before the app
// (first chart ready, the worker's init answer and its trace, KPIs shown) and the memory of our
// Chromium's processes. Figures only: nothing here asserts a time.
import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

export const LOAD_TIMEOUT = 180_000;

export const ms = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '—' : value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0));
export const mb = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 1024 / 1024).toFixed(0)} MB`);

export interface LoadMarks {
  firstChart: number;
  /** When a query on facts_wide (loaded behind init) first answered; NaN when it is not loaded whole. */
  factsLoaded: number;
  engineReady: number;
  /** The KPIs first shown (from summary.json since stop 37, before DuckDB has answered). */
  firstKpis: number;
  kpis: number;
  workerInitMs: number;
  /** Of workerInitMs, decompressing the eager table files (DecompressionStream). */
  decodeMs: number;
  /** The worker's trace of init: manifest / engine (begun at worker start) / eager tables / answered at (worker clock). */
  trace: string;
  /** When window.__gongkai was set (the ?bench=1 hook), if it was. */
  benchHook: number | null;
  /** On the page's clock: the entry ran / the worker made / its script ran / init arrived / wasm headers / wasm compiled / runtime started / db open / answered / summary checked. */
  steps: string;
}

/** Runs before the app: records navigation → first chart ready, → DuckDB's init answer, → KPIs shown. */
export function instrument(): void {
  const marks: Record<string, number> = {};
  Object.assign(window, { __benchMarks: marks });
  const check = () => {
    if (marks.firstChart === undefined && document.querySelector('[data-chart-ready="true"]')) marks.firstChart = performance.now();
    if (marks.firstKpis === undefined && document.querySelector('[data-testid="kpis"] .kpi-value')) marks.firstKpis = performance.now();
    if (marks.kpis === undefined && document.querySelector('[data-testid="kpi-reports"]')) marks.kpis = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-chart-ready'] });
  // The data worker's answer to `init` (DuckDB instantiated, eager tables loaded), seen before the app sees it.
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      marks.workerMade ??= performance.now();
      super(url, options);
      this.addEventListener('message', (event: MessageEvent) => {
        const data = event.data as { ok?: boolean; result?: { datasetVersion?: unknown; elapsedMs?: number; decodeMs?: number; trace?: { manifestMs?: number; engineMs?: number; tablesMs?: number; answeredAt?: number; scriptAt?: number; receivedAt?: number; timeOrigin?: number; startup?: { fetched?: number; compiled?: number; instantiated?: number; opened?: number } } } } | null;
        if (marks.engineReady === undefined && data?.ok && typeof data.result?.datasetVersion === 'string') {
          marks.engineReady = performance.now();
          marks.workerInitMs = data.result.elapsedMs ?? NaN;
          marks.decodeMs = data.result.decodeMs ?? NaN;
          const trace = data.result.trace ?? {};
          marks.traceManifest = trace.manifestMs ?? NaN;
          marks.traceEngine = trace.engineMs ?? NaN;
          marks.traceTables = trace.tablesMs ?? NaN;
          marks.traceAnsweredAt = trace.answeredAt ?? NaN;
          // The worker's clock on the page's.
          const shift = (trace.timeOrigin ?? NaN) - performance.timeOrigin;
          marks.workerScript = (trace.scriptAt ?? NaN) + shift;
          marks.workerInit = (trace.receivedAt ?? NaN) + shift;
          marks.workerFetched = (trace.startup?.fetched ?? NaN) + shift;
          marks.workerCompiled = (trace.startup?.compiled ?? NaN) + shift;
          marks.workerInstantiated = (trace.startup?.instantiated ?? NaN) + shift;
          marks.workerOpened = (trace.startup?.opened ?? NaN) + shift;
          marks.workerAnswered = (trace.answeredAt ?? NaN) + shift;
        }
      });
    }
  };
  let hook: unknown;
  Object.defineProperty(window, '__gongkai', {
    configurable: true,
    get: () => hook,
    set: (value) => {
      hook = value;
      marks.benchHook ??= performance.now();
    },
  });
}

export async function waitForLoad(page: Page): Promise<LoadMarks> {
  await page.waitForFunction(() => {
    const m = (window as unknown as { __benchMarks?: Record<string, unknown> }).__benchMarks;
    return m && m.firstChart !== undefined && m.engineReady !== undefined && m.kpis !== undefined;
  }, null, { timeout: LOAD_TIMEOUT, polling: 50 });
  // __gongkai is set right after the init answer arrives; let its promise callbacks run.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 0)));
  const marks = await page.evaluate(() => {
    const m = { ...(window as unknown as { __benchMarks: Record<string, number> }).__benchMarks };
    for (const name of ['entry', 'summary']) m[name] = performance.getEntriesByName(`gongkai:${name}`)[0]?.startTime ?? NaN;
    return m;
  });
  // facts_wide loads behind init while the dataset is small: the first query on it waits for it
  // (before, init itself waited for it: this column is what "DuckDB ready" measured then).
  const factsLoaded = await page.evaluate(async () => {
    const hook = (window as unknown as { __gongkai?: { client: { query(q: unknown): Promise<unknown> } } }).__gongkai;
    if (!hook) return NaN;
    try {
      await hook.client.query({ sql: 'SELECT count(*) AS n FROM facts_wide', params: [], tables: ['facts_wide'] });
      return performance.now();
    } catch {
      return NaN;
    }
  });
  return {
    factsLoaded,
    firstChart: Number(marks.firstChart),
    engineReady: Number(marks.engineReady),
    firstKpis: Number(marks.firstKpis),
    kpis: Number(marks.kpis),
    workerInitMs: Number(marks.workerInitMs),
    decodeMs: Number(marks.decodeMs),
    trace: `${ms(Number(marks.traceManifest))} / ${ms(Number(marks.traceEngine))} / ${ms(Number(marks.traceTables))} / ${ms(Number(marks.traceAnsweredAt))}`,
    benchHook: marks.benchHook === undefined ? null : Number(marks.benchHook),
    steps: ['entry', 'workerMade', 'workerScript', 'workerInit', 'workerFetched', 'workerCompiled', 'workerInstantiated', 'workerOpened', 'workerAnswered', 'summary'].map((k) => ms(Number(marks[k]))).join(' / '),
  };
}


export interface Memory {
  jsHeapUsed?: number;
  jsHeapTotal?: number;
  processes: number;
  rss: number;
  pss: number;
}

/** Main-thread JS heap (CDP) and the Chromium processes' memory (/proc, our profile's processes only). */
export async function memory(context: BrowserContext, page: Page, profile: string): Promise<Memory> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value;
  let rss = 0;
  let pss = 0;
  let processes = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes(profile)) continue;
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
      processes++;
    } catch {
      // a process that ended meanwhile
    }
  }
  return { jsHeapUsed: metric('JSHeapUsedSize'), jsHeapTotal: metric('JSHeapTotalSize'), processes, rss, pss };
}
