// npm run bench:startup — the page's start only, old and new builds in turns (this machine's load
// varies too much for two runs apart): per round and build, a cold load in a fresh profile, then a
// warm load (same profile: HTTP cache and Chromium's compiled-wasm cache). Prints the first chart,
// DuckDB ready, the KPIs first shown (from summary.json) and from DuckDB (the overview's first answers), the worker's steps, and CPU time beside wall: the renderer processes' CPU
// (/proc, main thread + workers) and the main thread's TaskDuration (CDP Performance.getMetrics).
//   GONGKAI_STARTUP_DISTS=old=/path/dist,new=/path/dist  builds to compare (default: this tree, built)
//   GONGKAI_STARTUP_DATA=<dataset dir>                    default data/build
//   GONGKAI_STARTUP_ROUNDS=3
// Prints figures only: nothing here asserts a time.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../tests/helpers/chromium';
import { buildApp, startPreview } from '../tests/helpers/preview-server';
import { instrument, LOAD_TIMEOUT, ms, waitForLoad } from './page-load';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = resolve(process.env.GONGKAI_STARTUP_DATA ?? join(ROOT, 'data/build'));
const ROUNDS = Number(process.env.GONGKAI_STARTUP_ROUNDS ?? 3);
const TICK_S = 0.01; // /proc/<pid>/stat counts CPU in clock ticks of 1/100 s (USER_HZ)

/** CPU seconds (user + system) of our profile's processes, renderers apart. */
function cpuSeconds(profile: string): { renderer: number; all: number } {
  let renderer = 0;
  let all = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes(profile)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) * TICK_S; // utime, stime (fields 14 and 15)
      all += seconds;
      if (cmdline.includes('--type=renderer')) renderer += seconds;
    } catch {
      // a process that ended meanwhile
    }
  }
  return { renderer, all };
}

/** The main thread's task time so far (CDP counts it from Performance.enable, sent before the first load). */
async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
}

interface Row {
  build: string;
  kind: string;
  cells: string[];
}

async function loadTwice(build: string, dist: string): Promise<Row[]> {
  const preview = await startPreview(dist, DATA);
  const browser = await launchChromium({ block: false });
  const rows: Row[] = [];
  try {
    const { page, context } = browser;
    await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    await context.addInitScript(instrument);
    const url = `${preview.url}?bench=1`;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    for (const kind of ['cold', 'warm']) {
      const cpuBefore = cpuSeconds(browser.profile);
      const tasksBefore = await taskSeconds(cdp);
      await page.goto(url, { timeout: LOAD_TIMEOUT });
      const marks = await waitForLoad(page);
      const cpu = cpuSeconds(browser.profile);
      // A navigation may swap the renderer, and CDP's counters restart with it.
      const tasksAfter = await taskSeconds(cdp);
      const tasks = tasksAfter >= tasksBefore ? tasksAfter - tasksBefore : tasksAfter;
      rows.push({
        build,
        kind,
        cells: [ms(marks.firstChart), ms(marks.engineReady), ms(marks.firstKpis), ms(marks.kpis), marks.steps, (cpu.renderer - cpuBefore.renderer).toFixed(2), (cpu.all - cpuBefore.all).toFixed(2), tasks.toFixed(2)],
      });
    }
  } finally {
    await browser.close();
    await preview.close();
  }
  return rows;
}

async function main(): Promise<void> {
  let dists: [string, string][];
  if (process.env.GONGKAI_STARTUP_DISTS) {
    dists = process.env.GONGKAI_STARTUP_DISTS.split(',').map((pair) => {
      const [name, dir] = pair.split('=');
      return [name, resolve(dir)];
    });
  } else {
    const dist = join(ROOT, 'tmp/bench-startup/dist');
    await buildApp(dist, join(ROOT, 'data/build'));
    dists = [['this tree', dist]];
  }
  console.log(`bench:startup · dataset ${DATA} · ${ROUNDS} rounds · builds ${dists.map(([n, d]) => `${n}=${d}`).join(', ')}`);
  const rows: Row[] = [];
  for (let round = 0; round < ROUNDS; round++) for (const [name, dir] of dists) rows.push(...(await loadTwice(name, dir)));
  const header = ['build', 'load', 'first chart ms', 'DuckDB ready ms', 'KPIs first shown ms', 'KPIs from DuckDB ms', 'page clock: entry / worker made / its script / init / wasm headers / compiled / runtime started / db open / answered / summary', 'renderer CPU s', 'all processes CPU s', 'main thread TaskDuration s'];
  console.log(header.join(' | '));
  for (const row of rows) console.log([row.build, row.kind, ...row.cells].join(' | '));
  console.log('(CPU until the load ends, which includes one facts_wide query; the machine is shared, so compare builds within a round.)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
