// npx tsx bench/view-queries-node.ts <dataset folder> [--runs 15] — every view's query through the
// data worker's own handler on DuckDB-WASM under Node (the engine the page runs, without Chromium:
// light enough for a loaded machine), p50/p95 of the handler's round trip (wall and this process's CPU time: a loaded machine inflates wall
// times, CPU far less) and of DuckDB's own time,
// first run apart (it loads the lazy partitions). Prints figures only.
// --views overview,report: those views' queries only; --turns: a query's forms (pre-aggregated,
// parts, row-level) run in turns, one run of each a round, so a loaded machine's swings fall on all
// of them alike (each form's first run still apart, in order).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { tableFromIPC } from 'apache-arrow';
import { fromErrorData, type QueryResult } from '../src/db/protocol';
import { createNodeHandler } from '../tests/helpers/duckdb-wasm-node';
import { openNativeDataset } from '../tests/helpers/native-duckdb';
import { benchQueries, type Scale } from './view-queries';

const { values: args, positionals } = parseArgs({ options: { runs: { type: 'string', default: '15' }, scale: { type: 'string', default: 'province' }, views: { type: 'string' }, turns: { type: 'boolean', default: false } }, allowPositionals: true });
const dir = resolve(positionals[0] ?? 'data/build');
const runs = Number(args.runs);
const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
const pick = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

const native = await openNativeDataset(dir, ['facts_wide', 'reports']);
const { queries: all, notes } = await benchQueries(native, args.scale as Scale);
const views = args.views?.split(',');
const queries = views ? all.filter((q) => views.includes(q.view)) : all;
native.close();
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { generated_from: number };
console.log(`dataset ${dir}: ${manifest.generated_from} reports; ${notes.join('; ')}`);

const handler = createNodeHandler();
let id = 0;
let t0 = performance.now();
const init = await handler.handle({ id: id++, kind: 'init', payload: { manifestUrl: pathToFileURL(join(dir, 'manifest.json')).href } });
if (!init.ok) throw fromErrorData(init.error);
console.log(`init answered (engine + the shared rollups): ${ms(performance.now() - t0)} ms`);
// facts_wide loads behind init (while the dataset is small): a query on it waits for that load.
const facts = await handler.handle({ id: id++, kind: 'query', payload: { sql: 'SELECT count(*) AS n FROM facts_wide', params: [], tables: ['facts_wide'] } });
console.log(facts.ok ? `facts_wide loaded behind it: ${ms(performance.now() - t0)} ms from the init request` : `facts_wide not loaded whole: ${facts.error.message}`);
console.log(`view        ${'query'.padEnd(62)}   rows   first    p50    p95  engine p50  cpu p50  cpu p95`);
type Run = { wall: number; cpu: number; engine: number; rows: number };
const once = async (query: (typeof queries)[number]['query']): Promise<Run> => {
  const payload = { sql: query.sql, params: query.params, tables: query.tables, provinces: query.provinces, years: query.years, preaggregated: query.preaggregated };
  const started = performance.now();
  const cpu = process.cpuUsage();
  const response = await handler.handle({ id: id++, kind: 'query', payload });
  const used = process.cpuUsage(cpu);
  if (!response.ok) throw fromErrorData(response.error);
  const result = response.result as QueryResult;
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000, engine: result.elapsedMs, rows: tableFromIPC(result.ipc).numRows };
};
// One group: a query's forms (consecutive, same view and label before " ["), in turns with --turns.
const groups: (typeof queries)[] = [];
for (const q of queries) {
  const last = groups.at(-1);
  const base = (label: string) => label.replace(/ \[.*$/, '');
  if (args.turns && last && last[0].view === q.view && base(last[0].label) === base(q.label)) last.push(q);
  else groups.push([q]);
}
for (const group of groups) {
  const firsts: { rows: number; ms: number }[] = [];
  for (const { query } of group) {
    t0 = performance.now();
    const first = await once(query);
    firsts.push({ rows: first.rows, ms: performance.now() - t0 });
    await once(query);
  }
  const samples = group.map(() => ({ wall: [] as number[], cpu: [] as number[], engine: [] as number[] }));
  for (let i = 0; i < runs; i++) {
    for (const [k, { query }] of group.entries()) {
      const r = await once(query);
      samples[k].wall.push(r.wall);
      samples[k].cpu.push(r.cpu);
      samples[k].engine.push(r.engine);
    }
  }
  for (const [k, { view, label }] of group.entries()) {
    const { wall, cpu, engine } = samples[k];
    console.log(`${view.padEnd(11)} ${label.slice(0, 62).padEnd(62)} ${String(firsts[k].rows).padStart(6)} ${ms(firsts[k].ms).padStart(7)} ${ms(pick(wall, 50)).padStart(6)} ${ms(pick(wall, 95)).padStart(6)} ${ms(pick(engine, 50)).padStart(6)} ${ms(pick(cpu, 50)).padStart(7)} ${ms(pick(cpu, 95)).padStart(7)}`);
  }
}
handler.close();
