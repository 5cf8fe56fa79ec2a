// Where an import's CPU goes (issue 14): one import of N generated text reports (1,000 unless
// GONGKAI_PROFILE_FILES says) in headless Chromium, the app built readable (not minified, with
// source maps), traced through the DevTools protocol (Tracing: V8's sampled stacks of the page and
// every worker, the short-lived import workers included, and every thread's tasks in every
// process). Each JS thread's samples are sorted into kinds of work by the source file of the first
// frame, from the leaf up, that names one (src/parse → parse, record-pack → packing, IndexedDB's
// put → IndexedDB, …); each kind's share of the thread's busy samples is set against the thread's
// CPU seconds (/proc, which a loaded machine does not inflate as it does the samples' wall time).
// The browser process's threads are told apart by their tasks' posting site (src_file/src_func).
// Prints figures only: `npx tsx bench/import-profile.ts` (GONGKAI_BENCH_DIST=DIR: an app built
// readable already; GONGKAI_PROFILE_TRACE=FILE: keep the raw trace).
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { launchChromium } from '../tests/helpers/chromium';
import { buildApp, startPreview } from '../tests/helpers/preview-server';
import { readTrace, startTrace, type Frame, type ProfileChunkData, type ProfileNode, type TraceEvent } from './chromium-trace';
import { folderOf, generatedReports, threadCpu } from './import';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, 'tmp/bench-import');

/** Kinds of work, by the source a frame comes from (first match wins; paths as the source maps give them). */
const KINDS: [RegExp, string][] = [
  [/src\/parse\/input\/pdf|pdfjs-dist/, 'PDF'],
  [/src\/parse\//, 'parse'],
  [/src\/jurisdictions\//, 'resolve (gazetteer)'],
  [/src\/app\/user\/record-pack/, 'packing (record-pack)'],
  [/src\/app\/user\/layer-store/, 'IndexedDB (JS side)'],
  [/src\/ingest\/(arrow|dataset|chunk)|src\/app\/user\/layer-arrow|apache-arrow|flatbuffers/, 'Arrow build'],
  [/src\/ingest\/parquet|parquet-wasm|hyparquet/, 'Parquet'],
  [/@duckdb|src\/db\//, 'DuckDB and the data worker'],
  [/react-dom|scheduler|node_modules\/react\//, 'React render'],
  [/echarts|zrender/, 'charts'],
  [/src\/app\//, 'app (page code)'],
  [/workers\/import\.worker/, 'import worker glue'],
];

/** Native leaves (no source) by their function's name. */
const NATIVE: [RegExp, string][] = [
  [/^postMessage$/, 'postMessage (clone, IPC)'],
  [/^digest$/, 'hashing (SHA-256)'],
  [/^(arrayBuffer|text)$/, 'Blob read'],
  [/^(put|add|transaction|getAll|objectStore)$/, 'IndexedDB (JS side)'],
  [/^\(garbage collector\)$/, 'GC'],
  [/^\(program\)$/, '(program: native, compile)'],
];

/** Source file of a bundle's position, through its source map (null: no map, or a native frame). */
function sourceLocator(dist: string): (url: string, line?: number, column?: number, withLine?: boolean) => string | null {
  const maps = new Map<string, SourceMapConsumer | null>();
  return (url, line, column, withLine = false) => {
    if (!url || line === undefined) return null;
    const file = basename(new URL(url, 'http://x/').pathname);
    if (!maps.has(file)) {
      const path = join(dist, 'assets', `${file}.map`);
      maps.set(file, existsSync(path) ? new SourceMapConsumer(JSON.parse(readFileSync(path, 'utf8')) as RawSourceMap) : null);
    }
    const map = maps.get(file);
    if (!map) return url;
    const at = map.originalPositionFor({ line: line + 1, column: column ?? 0 });
    return at.source === null ? url : withLine ? `${at.source}:${at.line}` : at.source;
  };
}

/** Each JS thread's sampled time by kind of work (ms of samples), from the trace's ProfileChunks. */
function samplesByKind(events: TraceEvent[], locate: ReturnType<typeof sourceLocator>, leaves = new Map<string, Map<string, number>>()): Map<string, Map<string, number>> {
  const profiles = new Map<string, { thread: string; nodes: Map<number, ProfileNode>; kindOf: Map<number, string> }>();
  const out = new Map<string, Map<string, number>>();
  /** A sample's own function and the first frame up from it with a source: `kind: function (source:line)`. */
  const leafOf = (id: number, nodes: Map<number, ProfileNode>, kind: string): string => {
    const own = nodes.get(id)?.callFrame;
    for (let at = nodes.get(id); at; at = at.parent === undefined ? undefined : nodes.get(at.parent)) {
      if (!at.callFrame.url) continue;
      const source = (locate(at.callFrame.url, at.callFrame.lineNumber, at.callFrame.columnNumber, true) ?? at.callFrame.url).replace(/^.*\/(src|workers|node_modules)\//, '$1/');
      return `${kind}: ${own?.functionName || '(anonymous)'} ← ${at.callFrame.functionName || '(anonymous)'} (${source})`;
    }
    return `${kind}: ${own?.functionName ?? '?'}`;
  };
  const kindOfFrame = (frame: Frame, leaf: boolean): string | null => {
    if (!frame.url) {
      if (!leaf) return null;
      return NATIVE.find(([re]) => re.test(frame.functionName))?.[1] ?? (frame.functionName === '(idle)' ? '(idle)' : null);
    }
    const source = locate(frame.url, frame.lineNumber, frame.columnNumber) ?? frame.url;
    return KINDS.find(([re]) => re.test(source))?.[1] ?? null;
  };
  for (const e of events) {
    if (e.name === 'Profile' && e.id) profiles.set(`${e.pid}:${e.id}`, { thread: `${e.pid}/${e.tid}`, nodes: new Map(), kindOf: new Map() });
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const profile = profiles.get(`${e.pid}:${e.id}`);
    const data = e.args?.data as ProfileChunkData | undefined;
    if (!profile || !data?.cpuProfile) continue;
    for (const node of data.cpuProfile.nodes ?? []) profile.nodes.set(node.id, node);
    const samples = data.cpuProfile.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    const kinds = out.get(profile.thread) ?? new Map<string, number>();
    out.set(profile.thread, kinds);
    samples.forEach((id, i) => {
      let kind = profile.kindOf.get(id);
      if (kind === undefined) {
        kind = 'other JS';
        for (let at: ProfileNode | undefined = profile.nodes.get(id), leaf = true; at; at = at.parent === undefined ? undefined : profile.nodes.get(at.parent), leaf = false) {
          const found = kindOfFrame(at.callFrame, leaf);
          if (found) {
            kind = found;
            break;
          }
          if (leaf && at.callFrame.functionName === '(root)') break;
        }
        profile.kindOf.set(id, kind);
      }
      // A sample lasts until the next one.
      const ms = Math.max(0, deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
      kinds.set(kind, (kinds.get(kind) ?? 0) + ms);
      const byLeaf = leaves.get(profile.thread) ?? new Map<string, number>();
      leaves.set(profile.thread, byLeaf);
      const leaf = leafOf(id, profile.nodes, kind);
      byLeaf.set(leaf, (byLeaf.get(leaf) ?? 0) + ms);
    });
  }
  return out;
}

/** Thread CPU (tdur, ms) of each thread's top-level tasks by where they were posted from. */
function tasksBySite(events: TraceEvent[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const e of events) {
    if (e.ph !== 'X' || e.tdur === undefined || !e.args?.src_func) continue;
    const thread = `${e.pid}/${e.tid}`;
    const sites = out.get(thread) ?? new Map<string, number>();
    out.set(thread, sites);
    const site = `${basename(String(e.args.src_file))}:${String(e.args.src_func)}`;
    sites.set(site, (sites.get(site) ?? 0) + e.tdur / 1000);
  }
  return out;
}

const top = (m: Map<string, number>, n: number, total: number, cpuS: number | null): string =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => `${k} ${((100 * ms) / total).toFixed(0)} %${cpuS === null ? ` (${(ms / 1000).toFixed(2)} s)` : ` ≈ ${((cpuS * ms) / total).toFixed(2)} CPU-s`}`)
    .join(' · ');

async function main(): Promise<void> {
  const n = Number(process.env.GONGKAI_PROFILE_FILES ?? 1000);
  const data = resolve(process.env.GONGKAI_DATA ?? join(ROOT, 'data/build'));
  const dist = process.env.GONGKAI_BENCH_DIST ? resolve(process.env.GONGKAI_BENCH_DIST) : join(WORK, 'dist-readable');
  if (!process.env.GONGKAI_BENCH_DIST) await buildApp(dist, data, undefined, true);
  const folder = folderOf(`in-${n}-0`, generatedReports(), n);
  const server = await startPreview(dist, data);
  const browser = await launchChromium({ block: false });
  try {
    const page = browser.page;
    await page.goto(`${server.url}?bench=1`);
    await page.getByTestId('kpi-reports').waitFor({ timeout: 120_000 });
    await new Promise((done) => setTimeout(done, 3000));
    const cdp = await page.context().newCDPSession(page);
    await startTrace(cdp, ['disabled-by-default-v8.cpu_profiler', 'toplevel', '__metadata']);
    const cpuBefore = threadCpu(browser.profile);
    const started = performance.now();
    await page.getByTestId('import-folder').setInputFiles(folder);
    await page.waitForFunction(() => document.querySelector('[data-testid="import-progress"]')?.getAttribute('data-running') === 'false', undefined, { timeout: 1_800_000, polling: 200 });
    const parsedS = (performance.now() - started) / 1000;
    const cpuParsed = threadCpu(browser.profile);
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="import-toggle"]');
      return el?.getAttribute('data-busy') === 'false' && el.getAttribute('data-layer-version') !== '';
    }, undefined, { timeout: 1_800_000, polling: 200 });
    const loadedS = (performance.now() - started) / 1000;
    const cpuLoaded = threadCpu(browser.profile);
    const events = await readTrace(cdp);
    const names = new Map<string, string>();
    const processes = new Map<number, string>();
    for (const e of events) {
      if (e.name === 'thread_name') names.set(`${e.pid}/${e.tid}`, String(e.args?.name));
      if (e.name === 'process_name') processes.set(e.pid, String(e.args?.name));
    }
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' / ');
    const cpuS = (after: Map<string, { name: string; s: number }>, before: Map<string, { name: string; s: number }>) => {
      let sum = 0;
      for (const [k, t] of after) sum += t.s - (before.get(k)?.s ?? 0);
      return sum;
    };
    console.log(`${n} text reports: parsed at ${parsedS.toFixed(1)} s, layer loaded at ${loadedS.toFixed(1)} s; Chromium CPU ${cpuS(cpuParsed, cpuBefore).toFixed(1)} s to parsed = ${(n / cpuS(cpuParsed, cpuBefore)).toFixed(0)} reports per CPU-second, ${cpuS(cpuLoaded, cpuBefore).toFixed(1)} s to loaded; load average ${load}`);
    // Thread CPU from /proc by thread id (the trace's tid is the OS's).
    const cpuOf = new Map<string, number>();
    for (const [key, t] of cpuLoaded) cpuOf.set(key, t.s - (cpuBefore.get(key)?.s ?? 0));
    const leaves = new Map<string, Map<string, number>>();
    const kinds = samplesByKind(events, sourceLocator(dist), leaves);
    console.log('JS threads (sampled stacks; a kind\'s share of the thread\'s busy samples × its CPU seconds, parse and layer build and load together):');
    for (const [thread, byKind] of [...kinds].sort((a, b) => sum(b[1]) - sum(a[1]))) {
      byKind.delete('(idle)');
      const busy = sum(byKind);
      if (busy < 50) continue;
      const cpu = cpuOf.get(thread) ?? null;
      console.log(`  ${processes.get(Number(thread.split('/')[0])) ?? '?'} / ${names.get(thread) ?? thread}: ${(busy / 1000).toFixed(1)} s sampled busy, ${cpu === null ? 'CPU not read (ended)' : `${cpu.toFixed(1)} CPU-s`}`);
      console.log(`    ${top(byKind, 12, busy, cpu)}`);
      // GONGKAI_PROFILE_LEAVES=N: the thread's N functions with the most samples of their own (the kind's other than the parser's).
      const leafCount = Number(process.env.GONGKAI_PROFILE_LEAVES ?? 0);
      const byLeaf = new Map([...(leaves.get(thread) ?? [])].filter(([leaf]) => !leaf.startsWith('parse:') && !leaf.startsWith('(idle)')));
      if (leafCount > 0) console.log(`    functions: ${top(byLeaf, leafCount, busy, cpu)}`);
    }
    console.log('Other threads (tasks\' thread time by posting site, top 6; threads with ≥ 0.2 CPU-s):');
    const sites = tasksBySite(events);
    for (const [thread, cpu] of [...cpuOf].filter(([, s]) => s >= 0.2).sort((a, b) => b[1] - a[1])) {
      const bySite = sites.get(thread);
      const label = `${processes.get(Number(thread.split('/')[0])) ?? '?'} / ${names.get(thread) ?? cpuLoaded.get(thread)?.name ?? thread}`;
      console.log(`  ${label}: ${cpu.toFixed(1)} CPU-s${bySite ? `; ${top(bySite, 6, sum(bySite), null)}` : ''}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
