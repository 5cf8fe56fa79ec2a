// npm run bench:ui — the dashboard in headless Chromium over three datasets: the shipped one
// (data/build); one province of generated reports (bench:ingest's output, ~144,000 reports); and
// a national one replicated from it to every province (~4.5 million reports: facts and rollups;
// row-level detail of the one province). For each: time to first chart and to
// DuckDB-WASM ready (cold profile, then warm reloads); every view's queries through the page's
// own data client (worker hop + query + Arrow IPC decode), p50/p95 over 30 runs after 3
// warm-ups; the same SQL and parameters in native DuckDB over the dataset's Parquet files; and
// browser memory. The shipped and province datasets are also served as their uncompressed twin
// (the same Arrow streams as plain `.arrows`, what schema ≤ 8 shipped), old and new layout in one
// run (GONGKAI_BENCH_TWINS=0 leaves the twins out). GONGKAI_BENCH_SCALES=shipped,province (any of
// shipped, import, province, national; default all) picks what runs; GONGKAI_BENCH_NATIONAL=<dir>
// benches an ingested national dataset instead of the replica; GONGKAI_BENCH_REUSE_BUILD=1 reuses the app an earlier run built.
// Prints figures only: nothing here asserts a time.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { decodeArrowFileSync } from '../src/shared/arrow-file';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import * as sql from '../src/db/sql';
import { runIngest } from '../src/ingest/run-ingest';
import { parseManifest, type Manifest } from '../src/shared/manifest';
import { findChromium, launchChromium, type Browser } from '../tests/helpers/chromium';
import { collectOutput } from '../tests/helpers/collect-output';
import { openNativeDataset, type NativeDataset } from '../tests/helpers/native-duckdb';
import { buildApp, startPreview } from '../tests/helpers/preview-server';
import { nationalDataset, provinceCodes, replicateNative } from './national-dataset';
import { benchQueries, type Scale } from './view-queries';
import { DERIVED_TABLES } from '../src/db/tables';
import { benchImport } from './import';
import { instrument, LOAD_TIMEOUT, mb, memory, ms, waitForLoad, type LoadMarks } from './page-load';

const SHIPPED_CORPUS = resolve(import.meta.dirname, '../data/corpus');
/** bench:ingest's default output: one generated province, ingested. */
// GONGKAI_BENCH_PROVINCE: another ingested province (say a smaller --scale) instead.
const PROVINCE_DATASET = resolve(process.env.GONGKAI_BENCH_PROVINCE ?? resolve(import.meta.dirname, '../tmp/bench-ingest/辽宁省-2008-2024-s1-x1/dataset'));

const ROOT = resolve(import.meta.dirname, '..');
const SHIPPED_BUILD = join(ROOT, 'data/build');
const DIST = join(ROOT, 'tmp/bench-ui/dist');
const WARMUPS = 3;
const RUNS = 30;
const WARM_RELOADS = 2;


interface Timing {
  rows: number;
  /** First run (includes loading a lazy table, if the query needs one). */
  firstMs: number;
  p50: number;
  p95: number;
  /** DuckDB's own time inside the worker (the handler's elapsedMs). */
  engineP50?: number;
  /** After the first run: pre-aggregates the worker built and loaded from stored answers so far (QueryResult.preaggregates). */
  preaggregates?: { built: number; stored: number };
}

const log = (line = '') => console.log(line);

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summarise(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}



/** Runs a query through window.__gongkai.client in the page: warm-ups, then timed runs. */
async function browserTiming(page: Page, query: sql.BuiltQuery): Promise<Timing> {
  return page.evaluate(
    async ({ query, warmups, runs }) => {
      const { client } = (window as unknown as { __gongkai: { client: { query(q: unknown): Promise<{ table: { numRows: number }; elapsedMs: number; preaggregates?: { built: number; stored: number } }> } } }).__gongkai;
      const payload = { sql: query.sql, params: query.params, tables: query.tables, provinces: query.provinces, years: query.years, preaggregated: query.preaggregated };
      let t0 = performance.now();
      const first = await client.query(payload);
      const firstMs = performance.now() - t0;
      for (let i = 1; i < warmups; i++) await client.query(payload);
      const wall: number[] = [];
      const engine: number[] = [];
      for (let i = 0; i < runs; i++) {
        t0 = performance.now();
        const result = await client.query(payload);
        wall.push(performance.now() - t0);
        engine.push(result.elapsedMs);
      }
      const pick = (xs: number[], p: number) => {
        const s = [...xs].sort((a, b) => a - b);
        return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
      };
      return { rows: first.table.numRows, firstMs, p50: pick(wall, 50), p95: pick(wall, 95), engineP50: pick(engine, 50), preaggregates: first.preaggregates };
    },
    { query, warmups: WARMUPS, runs: RUNS },
  );
}

/** The same SQL and parameters in native DuckDB: prepared statement, bind, run, read all rows. */
async function nativeTiming(native: NativeDataset, query: sql.BuiltQuery): Promise<Timing> {
  const run = async () => {
    const statement = await native.prepared(query.sql);
    statement.clearBindings();
    if (query.params.length > 0) statement.bind([...query.params]);
    return (await statement.runAndReadAll()).currentRowCount;
  };
  let t0 = performance.now();
  const rows = await run();
  const firstMs = performance.now() - t0;
  for (let i = 1; i < WARMUPS; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  return { rows, firstMs, ...summarise(samples) };
}

function table(headers: string[], rows: string[][], alignLeft = 2): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < alignLeft ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function ensureShippedBuild(): Promise<void> {
  if (existsSync(join(SHIPPED_BUILD, 'manifest.json'))) return;
  log(`data/build is missing: ingesting ${SHIPPED_CORPUS} …`);
  await runIngest([SHIPPED_CORPUS], SHIPPED_BUILD, collectOutput());
}

const readManifest = (dir: string): Manifest => parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));

/** GONGKAI_BENCH_NATIONAL: an ingested national dataset (`gongkai generate --province all`), benched instead of the replica. */
const NATIONAL_DATASET = process.env.GONGKAI_BENCH_NATIONAL ? resolve(process.env.GONGKAI_BENCH_NATIONAL) : null;
/** GONGKAI_BENCH_TWINS=0: the uncompressed twins (the layout before schema 9) are left out. */
const TWINS = process.env.GONGKAI_BENCH_TWINS !== '0';

const SCALES = new Set((process.env.GONGKAI_BENCH_SCALES ?? 'shipped,import,province,national').split(',').map((s) => s.trim()));

/**
 * The dataset's Arrow streams decompressed, as plain `.arrows` files (the layout before schema 9;
 * the worker loads a path without `.gz` as it is), under tmp/bench-ui/ (out of git); the manifest's sizes and
 * hashes are the plain files', its dataset version the same (the summary matches it).
 */
function uncompressedTwin(dir: string): string {
  const manifest = readManifest(dir);
  const twin = join(ROOT, 'tmp/bench-ui', `${dir.split('/').pop()}-uncompressed-${manifest.dataset_version.slice(0, 12)}`);
  if (existsSync(join(twin, 'manifest.json'))) return twin;
  rmSync(twin, { recursive: true, force: true });
  for (const entry of Object.values(manifest.tables)) {
    for (const p of entry.partitions) {
      const bytes = decodeArrowFileSync(p.path, readFileSync(join(dir, p.path)));
      p.path = p.path.replace(/\.gz$/, '');
      mkdirSync(dirname(join(twin, p.path)), { recursive: true });
      writeFileSync(join(twin, p.path), bytes);
      p.bytes = bytes.byteLength;
      p.sha256 = createHash('sha256').update(bytes).digest('hex');
    }
  }
  if (manifest.summary) copyFileSync(join(dir, manifest.summary), join(twin, manifest.summary));
  writeFileSync(join(twin, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return twin;
}

async function benchDataset(name: string, dir: string, scale: Scale, openNative: () => Promise<NativeDataset>): Promise<void> {
  const manifest = readManifest(dir);
  const bytesOf = (name: string): number => manifest.tables[name].partitions.reduce((n, p) => n + p.bytes, 0);
  const arrowBytes = Object.keys(manifest.tables).reduce((n, name) => n + bytesOf(name), 0);
  const parquetBytes = manifest.parquet.files.reduce((n, f) => n + f.bytes, 0);
  log(`\n=== Dataset ${name}: ${dir}`);
  log(
    `    ${manifest.tables.reports.rows.toLocaleString('en')} reports · ${manifest.tables.values.rows.toLocaleString('en')} values · ${manifest.tables.checks.rows.toLocaleString('en')} checks · page files (manifest) ${mb(arrowBytes)} ${parquetBytes > 0 ? `= ${(arrowBytes / parquetBytes).toFixed(2)} × Parquet ${mb(parquetBytes)}` : '(no Parquet copy)'} (facts_wide ${mb(bytesOf('facts_wide'))}, rollups ${mb(bytesOf('rollups'))}) · version ${manifest.dataset_version.slice(0, 12)}`,
  );

  const native = await openNative();
  const { queries, notes } = await benchQueries(native, scale);
  for (const note of notes) log(`    ${note}`);

  const preview = await startPreview(DIST, dir);
  let browser: Browser | null = null;
  const browserTimings: Timing[] = [];
  try {
    browser = await launchChromium({ block: false });
    const { page, context } = browser;
    // tsx (esbuild keepNames) wraps named functions in __name(): define it for the code sent to the page.
    await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    await context.addInitScript(instrument);
    const url = `${preview.url}?bench=1`;

    const loads: (LoadMarks & { kind: string })[] = [];
    await page.goto(url, { timeout: LOAD_TIMEOUT });
    loads.push({ kind: 'cold (fresh profile)', ...(await waitForLoad(page)) });
    for (let i = 0; i < WARM_RELOADS; i++) {
      // A navigation to the same URL (the app rewrites the address bar to its canonical form, without bench=1).
      await page.goto(url, { timeout: LOAD_TIMEOUT });
      loads.push({ kind: `warm load ${i + 1}`, ...(await waitForLoad(page)) });
    }
    log(`\n--- Page load (${name}), ms from navigation start (performance.now() in the page)`);
    log(
      table(
        ['load', 'first chart ready', 'DuckDB ready (worker init answered)', 'window.__gongkai set', 'worker init (in worker)', 'of it: gunzip', 'worker trace: manifest / engine / tables / answered at', 'KPIs from DuckDB shown', 'facts_wide query answered (loaded behind init)', 'page clock: entry / worker made / its script / init / wasm headers / compiled / runtime started / db open / answered / summary'],
        loads.map((l) => [l.kind, ms(l.firstChart), ms(l.engineReady), l.benchHook === null ? 'never' : ms(l.benchHook), ms(l.workerInitMs), ms(l.decodeMs), l.trace, ms(l.kpis), ms(l.factsLoaded), l.steps]),
        1,
      ),
    );
    if (loads[loads.length - 1].benchHook === null) throw new Error('window.__gongkai is not available: cannot time queries in the page');

    const idle = await memory(context, page, browser.profile);
    const userAgent = await page.evaluate(() => navigator.userAgent);
    for (const q of queries) browserTimings.push(await browserTiming(page, q.query));
    const busy = await memory(context, page, browser.profile);
    log(`\n--- Browser memory (${name}) · ${userAgent}`);
    log(
      table(
        ['when', 'JS heap used (main thread, CDP)', 'JS heap total', 'Chromium processes', 'RSS sum', 'PSS sum'],
        [
          ['after load', mb(idle.jsHeapUsed), mb(idle.jsHeapTotal), String(idle.processes), mb(idle.rss), mb(idle.pss)],
          ['after all queries (values loaded)', mb(busy.jsHeapUsed), mb(busy.jsHeapTotal), String(busy.processes), mb(busy.rss), mb(busy.pss)],
        ],
        1,
      ),
    );
    log('    (DuckDB-WASM runs in a worker: its wasm heap is in the renderer process RSS/PSS, not in the main-thread JS heap.)');
    if (browser.offline.length > 0) log(`    WARNING: requests outside 127.0.0.1: ${browser.offline.join(', ')}`);
  } catch (error) {
    if (browser && browser.errors.length > 0) log(`page errors:\n  ${browser.errors.join('\n  ')}`);
    throw error;
  } finally {
    await browser?.close();
    await preview.close();
  }

  // Native runs after the browser closed, so the two never compete for the 2 cores.
  const nativeTimings: Timing[] = [];
  for (const q of queries) nativeTimings.push(await nativeTiming(native, q.query));
  await native.connection.run('SET threads = 1');
  const singleThread: Timing[] = [];
  for (const q of queries) singleThread.push(await nativeTiming(native, q.query));
  native.close();

  log(`\n--- Queries (${name}): ${WARMUPS} warm-ups + ${RUNS} timed runs each, ms`);
  log('    browser = window.__gongkai.client.query() timed in the page: worker hop + DuckDB-WASM + Arrow IPC decode');
  log('    native  = @duckdb/node-api, same SQL + parameters, tables loaded from the Parquet files into memory');
  log(
    table(
      ['view', 'query', 'rows', 'browser 1st', 'pre-aggregates built / stored so far', 'browser p50', 'browser p95', 'wasm engine p50', 'native p50', 'native p95', 'native 1-thread p95', 'p95 ratio browser/native'],
      queries.map((q, i) => {
        const b = browserTimings[i];
        const n = nativeTimings[i];
        const rows = b.rows === n.rows ? String(b.rows) : `${b.rows}≠${n.rows}!`;
        return [q.view, q.label, rows, ms(b.firstMs), b.preaggregates ? `${b.preaggregates.built} / ${b.preaggregates.stored}` : '', ms(b.p50), ms(b.p95), ms(b.engineP50), ms(n.p50), ms(n.p95), ms(singleThread[i].p95), `${(b.p95 / n.p95).toFixed(1)}×`];
      }),
    ),
  );
}

/** A generated national dataset, ingested (not a replica): native DuckDB reads its own Parquet. */
async function benchNational(dir: string, started: number): Promise<void> {
  const national = readManifest(dir);
  const t0 = performance.now();
  await benchDataset(`national (${national.tables.facts_wide.rows.toLocaleString('en')} generated reports)`, dir, 'national', () =>
    openNativeDataset(dir, ['facts_wide', 'rollups', 'failing', 'jurisdictions', 'bodies', 'similar_pairs', 'reports']),
  );
  log(`\n(national dataset done in ${((performance.now() - t0) / 1000).toFixed(0)} s; whole bench ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const chromium = execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  log(`bench:ui · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${chromium}`);
  log(`native DuckDB threads: default (${cpus().length}) and 1; DuckDB-WASM: 1 thread (eh bundle, in a web worker)`);

  await ensureShippedBuild();
  let t0 = performance.now();
  // GONGKAI_BENCH_REUSE_BUILD=1: the app built by an earlier run (it says which build it reuses).
  if (process.env.GONGKAI_BENCH_REUSE_BUILD === '1' && existsSync(join(DIST, 'index.html'))) {
    log(`vite build: reusing ${DIST} (${readdirSync(join(DIST, 'assets')).filter((f) => /^(index|boot|data\.worker)-.*\.js$/.test(f)).join(', ')})`);
  } else {
    await buildApp(DIST, SHIPPED_BUILD);
    log(`vite build → ${DIST} in ${((performance.now() - t0) / 1000).toFixed(1)} s (each dataset is served from its folder by vite preview, GONGKAI_DATA)`);
  }

  if (SCALES.has('shipped')) {
    t0 = performance.now();
    await benchDataset('shipped (data/build)', SHIPPED_BUILD, 'shipped', () => openNativeDataset(SHIPPED_BUILD));
    if (TWINS) await benchDataset('shipped, uncompressed twin (old layout)', uncompressedTwin(SHIPPED_BUILD), 'shipped', () => openNativeDataset(SHIPPED_BUILD));
    log(`\n(shipped dataset done in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }

  if (SCALES.has('import')) {
    log('\n## Import in the page (bench/import.ts)');
    await benchImport();
  }

  if (SCALES.has('national') && NATIONAL_DATASET) await benchNational(NATIONAL_DATASET, started);
  // An ingested national dataset needs no province: the replica does.
  if (!SCALES.has('province') && (!SCALES.has('national') || NATIONAL_DATASET)) return;
  if (!existsSync(join(PROVINCE_DATASET, 'manifest.json'))) {
    log(`\nNo province dataset at ${PROVINCE_DATASET}: run \`npm run bench:ingest\` first (generates and ingests 辽宁省 2008–2024).`);
    return;
  }
  const province = readManifest(PROVINCE_DATASET);
  if (SCALES.has('province')) {
    t0 = performance.now();
    const reports = province.tables.reports.rows.toLocaleString('en');
    await benchDataset(`province (${reports} generated reports)`, PROVINCE_DATASET, 'province', () => openNativeDataset(PROVINCE_DATASET));
    if (TWINS) await benchDataset(`province (${reports}), uncompressed twin (old layout)`, uncompressedTwin(PROVINCE_DATASET), 'province', () => openNativeDataset(PROVINCE_DATASET));
    log(`\n(province dataset done in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  if (!SCALES.has('national') || NATIONAL_DATASET) return;
  t0 = performance.now();
  const national = await nationalDataset(PROVINCE_DATASET, log);
  log(`national dataset: ${national.cached ? 'cached' : 'replicated'} in ${((performance.now() - t0) / 1000).toFixed(0)} s → ${national.dir}`);
  const from = province.tables.facts_wide.partitions.find((p) => p.province !== 'none')!.province!;
  t0 = performance.now();
  await benchDataset(`national (${national.manifest.tables.facts_wide.rows.toLocaleString('en')} reports, replicated)`, national.dir, 'national', async () => {
    const native = await openNativeDataset(PROVINCE_DATASET, ['facts_wide', 'rollups', 'failing', 'jurisdictions', 'bodies']);
    await replicateNative((text) => native.connection.run(text), from, provinceCodes());
    // The entities the native helper derived came from the source province's bodies: derive them again.
    await native.connection.run('DROP TABLE entities');
    await native.connection.run(DERIVED_TABLES.entities.sql);
    return native;
  });
  log(`\n(national dataset done in ${((performance.now() - t0) / 1000).toFixed(0)} s; whole bench ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
