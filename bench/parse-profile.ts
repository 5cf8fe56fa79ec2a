// npm run bench:parse-profile [-- --reports N] [--under FN] [--top K] (STAGES_DIR=real: data/corpus/real instead of the seeds) —
// the parser's functions by self and inclusive CPU time in steady state (V8's sampling profiler
// through node:inspector), optionally only the samples with FN on the stack (e.g. extractNarrative).
// Names each function with its file (tsx's transform leaves no useful line numbers), so a hot spot inside a
// stage can be found; a regular expression's matching counts in the function that ran it. µs are per report.
import { readdirSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { parseReport } from '../src/parse';

const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const reports = Number(arg('--reports', '3000'));
const under = arg('--under', '');
const top = Number(arg('--top', '40'));

interface Node { id: number; callFrame: { functionName: string; url: string }; children?: number[] }

const dir = join(import.meta.dirname, '../data/corpus', process.env.STAGES_DIR ?? 'seeds');
const files = readdirSync(dir).filter((f) => /\.(txt|html?)$/.test(f)).sort().map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
for (let i = 0; i < 3000; i++) parseReport(files[i % files.length].bytes, { fileName: files[i % files.length].name });

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const cpu0 = process.cpuUsage();
for (let i = 0; i < reports; i++) parseReport(files[i % files.length].bytes, { fileName: files[i % files.length].name });
const used = process.cpuUsage(cpu0);
const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
session.disconnect();
const perReport = (used.user + used.system) / reports;

const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const key = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/src\//, 'src/').replace(/^.*node_modules\//, '')}`;
const self = new Map<string, number>();
const incl = new Map<string, number>();
let total = 0;
let all = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const leaf = byId.get(id)!;
  if (leaf.callFrame.functionName === '(idle)') return;
  all += dt;
  const stack: Node[] = [];
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur)!);
  if (under && !stack.some((n) => n.callFrame.functionName === under)) return;
  total += dt;
  self.set(key(leaf), (self.get(key(leaf)) ?? 0) + dt);
  for (const k of new Set(stack.map(key))) incl.set(k, (incl.get(k) ?? 0) + dt);
});
const us = (t: number) => ((t / all) * perReport).toFixed(1).padStart(7);
console.log(`${files.length} reports × ${reports}: ${perReport.toFixed(0)} µs CPU per report${under ? `; under ${under}: ${us(total)} µs` : ''}`);
console.log('self µs/report');
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${us(t)}  ${k}`);
console.log('inclusive µs/report');
for (const [k, t] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${us(t)}  ${k}`);
