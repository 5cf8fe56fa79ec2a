// Where the data worker's start goes (issue 17): one cold load of a build in headless Chromium,
// traced through the DevTools protocol (V8's sampled stacks of every thread, V8's wasm events), then
// for the data worker's thread: its busy samples by the function they are in (self) and under
// (inclusive: Emscripten's linker, DuckDB's open, Arrow inserts), and V8's lazy wasm compiles.
// Samples are wall time on a loaded machine: compare shares, and builds within one run.
//   npx tsx bench/startup-profile.ts [DIST ...]   builds to profile (default: this tree, built)
//   GONGKAI_STARTUP_DATA=<dataset dir>            default data/build
//   GONGKAI_PROFILE_TRACE=<file>                  keep the raw trace (the last build's)
// Prints figures only: nothing here asserts a time.
import { join, resolve } from 'node:path';
import { launchChromium } from '../tests/helpers/chromium';
import { buildApp, startPreview } from '../tests/helpers/preview-server';
import { readTrace, startTrace, type ProfileChunkData, type ProfileNode, type TraceEvent } from './chromium-trace';
import { LOAD_TIMEOUT } from './page-load';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = resolve(process.env.GONGKAI_STARTUP_DATA ?? join(ROOT, 'data/build'));
const CATEGORIES = ['disabled-by-default-v8.cpu_profiler', 'v8.wasm', 'toplevel', '__metadata'];

/** Functions whose inclusive time is printed: the glue's dynamic linker, then DuckDB's calls. */
const INCLUSIVE = ['relocateExports', 'updateGOT', 'addFunction', 'mergeLibSymbols', 'registerDynCallSymbols', 'applySignatureConversions', 'reportUndefinedSymbols', 'Module._duckdb_web_open', 'Module._duckdb_web_insert_arrow_from_ipc_stream', 'Module._duckdb_web_query_run'];

async function trace(dist: string): Promise<TraceEvent[]> {
  const server = await startPreview(dist, DATA);
  const browser = await launchChromium({ block: false });
  try {
    const cdp = await browser.context.newCDPSession(browser.page);
    await startTrace(cdp, CATEGORIES);
    await browser.page.goto(`${server.url}?bench=1`, { timeout: LOAD_TIMEOUT });
    await browser.page.getByTestId('kpi-reports').waitFor({ timeout: LOAD_TIMEOUT });
    return await readTrace(cdp);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The data worker's thread: the one named so whose process loaded DuckDB's wasm. */
function workerThread(events: TraceEvent[]): string | null {
  const wasmPids = new Set(events.filter((e) => e.name === 'wasm.AsyncInstantiate' || e.name === 'wasm.CompileLazy').map((e) => `${e.pid}/${e.tid}`));
  return [...wasmPids].find((key) => events.some((e) => e.name === 'thread_name' && `${e.pid}/${e.tid}` === key && String(e.args?.name).startsWith('DedicatedWorker'))) ?? null;
}

function report(label: string, events: TraceEvent[]): void {
  const thread = workerThread(events);
  if (!thread) {
    console.log(`${label}: no data worker thread with DuckDB's wasm in the trace`);
    return;
  }
  const [pid, tid] = thread.split('/').map(Number);
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid)?.id;
  const nodes = new Map<number, ProfileNode>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== profile) continue;
    const data = e.args?.data as ProfileChunkData | undefined;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    samples.forEach((id, i) => {
      const ms = Math.max(0, deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
      const leaf = nodes.get(id);
      const name = leaf?.callFrame.functionName || '(anonymous)';
      if (name === '(idle)' || name === '(root)') return;
      busy += ms;
      const key = /^wasm-function\[/.test(name) ? 'wasm (DuckDB)' : name;
      self.set(key, (self.get(key) ?? 0) + ms);
      const seen = new Set<string>();
      for (let at = leaf; at; at = at.parent === undefined ? undefined : nodes.get(at.parent)) {
        const f = at.callFrame.functionName;
        if (INCLUSIVE.includes(f) && !seen.has(f)) {
          seen.add(f);
          inclusive.set(f, (inclusive.get(f) ?? 0) + ms);
        }
      }
    });
  }
  const lazy = events.filter((e) => e.name === 'wasm.CompileLazy' && e.pid === pid && e.tid === tid);
  const instantiate = events.find((e) => e.name === 'wasm.AsyncInstantiate' && e.pid === pid && e.tid === tid);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`${label}: data worker busy ${s(busy)} (sampled, until the KPIs show)`);
  console.log(`  self: ${[...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, ms]) => `${k} ${s(ms)}`).join(' · ')}`);
  console.log(`  inclusive: ${INCLUSIVE.filter((k) => inclusive.has(k)).map((k) => `${k} ${s(inclusive.get(k)!)}`).join(' · ')}`);
  console.log(`  wasm: instantiate ${s((instantiate?.dur ?? 0) / 1000)} wall; ${lazy.length} functions compiled lazily, ${s(lazy.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000)} thread CPU`);
}

async function main(): Promise<void> {
  let dists = process.argv.slice(2).map((dir) => resolve(dir));
  if (dists.length === 0) {
    const dist = join(ROOT, 'tmp/bench-startup/dist');
    await buildApp(dist, DATA);
    dists = [dist];
  }
  console.log(`bench:startup-profile · dataset ${DATA}`);
  for (const dist of dists) report(dist, await trace(dist));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
