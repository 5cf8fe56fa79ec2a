// npm run bench:parse-stages [-- --reports N] [--no-cold] (STAGES_DIR=real: data/corpus/real instead of the seeds) — where the in-process parser's time and allocation go,
// by stage, from V8's own sampling profilers (node:inspector), not from timers inside the parser:
//  1. steady state: the complete seed reports (8–12 KB) parsed N times after a warm-up; CPU per
//     report by stage (a sample counts once for each stage on its stack, so a nested stage such as
//     the quantity reader also counts in the narrative stage that calls it), and bytes allocated per
//     report (the sampling heap profiler, objects a GC already collected included);
//  2. cold start, as a CLI's parse worker meets it: a fresh process parses 2,000 copies of the
//     shipped corpus in order; CPU per 100 reports (V8 optimises the per-report functions only
//     after several hundred reports, so the first ones cost several times more).
// Figures per CPU-second of this process (process.cpuUsage); a loaded machine inflates wall time only.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { collectInputFiles } from '../src/ingest/walk';
import { NODE_INPUT } from '../src/ingest/input-node';
import { parseReport } from '../src/parse';
import { parseDocument } from '../src/parse/input';

const CORPUS = join(import.meta.dirname, '../data/corpus');
const arg = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);

/** Stage → the parser's functions whose inclusive time is that stage (names as V8 reports them). */
const STAGES: [string, string[]][] = [
  ['decode bytes', ['decodeBytes']],
  ['HTML to text', ['htmlToText']],
  ['normalise', ['normaliseText']],
  ['issuer facts', ['issuerFacts', 'issuerFactsOf']],
  ['dates, year, scope', ['findPublished', 'findYear', 'scopeOf']],
  ['template detection', ['compact', 'detectPrintedTemplate']],
  ['table cells (tokenize)', ['tokenize']],
  ['tables', ['extractTables', 'extractReviewTable', 'unreadTables']],
  ['glued tables', ['extractGluedTables']],
  ['narrative (all)', ['extractNarrative']],
  ['  quantity reader', ['recogniseQuantities']],
  ['  clause segmenter', ['segment']],
  ['  scored rules', ['readFigures', 'bestReadings']],
  ['  pattern rules', ['nextMatch', 'forRule']],
  ['  word index scan', ['scan']],
  ['  applicants', ['extractApplicants']],
  ['statistics table', ['extractStatsTable']],
  ['checks, flags, derive', ['dropImpossibleValues', 'deriveSubtotals', 'suspectValueWarnings', 'runChecks']],
  ['garbage collector', ['(garbage collector)']],
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
  selfSize?: number;
}

/** Per stage, the share of samples with one of its functions on the stack. */
function stageShares(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }): { shares: Map<string, number>; total: number } {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const stageOf = new Map<string, string[]>();
  for (const [stage, fns] of STAGES) for (const fn of fns) stageOf.set(fn, [...(stageOf.get(fn) ?? []), stage]);
  const time = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    if (byId.get(id)!.callFrame.functionName === '(idle)') return;
    total += dt;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      for (const stage of stageOf.get(byId.get(cur)!.callFrame.functionName) ?? []) seen.add(stage);
    }
    for (const stage of seen) time.set(stage, (time.get(stage) ?? 0) + dt);
  });
  return { shares: new Map([...time].map(([k, v]) => [k, v / total])), total };
}

interface HeapNode {
  callFrame: { functionName: string };
  selfSize: number;
  children: HeapNode[];
}

/** Bytes allocated under each stage (inclusive), from a sampling heap profile's tree. */
function stageBytes(head: HeapNode): Map<string, number> {
  const out = new Map<string, number>();
  const stageOf = new Map<string, string[]>();
  for (const [stage, fns] of STAGES) for (const fn of fns) stageOf.set(fn, [...(stageOf.get(fn) ?? []), stage]);
  const walk = (node: HeapNode, stages: Set<string>) => {
    const here = new Set(stages);
    for (const stage of stageOf.get(node.callFrame.functionName) ?? []) here.add(stage);
    here.add('(all)');
    for (const stage of here) out.set(stage, (out.get(stage) ?? 0) + node.selfSize);
    for (const c of node.children) walk(c, here);
  };
  walk(head, new Set());
  return out;
}

async function steady(reports: number): Promise<void> {
  const dir = join(CORPUS, process.env.STAGES_DIR ?? 'seeds');
  const files = readdirSync(dir).filter((f) => /\.(txt|html?)$/.test(f)).sort().map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
  const kb = files.reduce((a, f) => a + f.bytes.length, 0) / files.length / 1024;
  for (let i = 0; i < 3000; i++) parseReport(files[i % files.length].bytes, { fileName: files[i % files.length].name }); // warm-up

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < reports; i++) parseReport(files[i % files.length].bytes, { fileName: files[i % files.length].name });
  const used = process.cpuUsage(cpu0);
  const { profile } = await session.post('Profiler.stop');
  const perReport = (used.user + used.system) / reports;
  const { shares } = stageShares(profile as never);

  // allocation: a separate run (the heap sampler slows the parser)
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  const heapReports = Math.min(reports, 500);
  for (let i = 0; i < heapReports; i++) parseReport(files[i % files.length].bytes, { fileName: files[i % files.length].name });
  const { profile: heap } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  const bytes = stageBytes((heap as { head: HeapNode }).head);

  console.log(`steady state: ${files.length} reports of ${process.env.STAGES_DIR ?? 'seeds'} (avg ${kb.toFixed(1)} KB) × ${reports}: ${perReport.toFixed(0)} µs CPU per report, ${Math.round(1e6 / perReport)} reports/CPU-s, ${(kb * 1e6 / perReport / 1024).toFixed(1)} MB/CPU-s`);
  console.log(`allocated: ~${Math.round(bytes.get('(all)')! / heapReports / 1024)} KB per report (sampling heap profiler, collected objects included)`);
  console.log(`${'stage'.padEnd(26)} ${'share'.padStart(6)} ${'µs/report'.padStart(10)} ${'KB alloc'.padStart(9)}`);
  for (const [stage] of STAGES) {
    const share = shares.get(stage) ?? 0;
    const kbAlloc = (bytes.get(stage) ?? 0) / heapReports / 1024;
    console.log(`${stage.padEnd(26)} ${(100 * share).toFixed(1).padStart(5)}% ${(share * perReport).toFixed(0).padStart(10)} ${stage === 'garbage collector' ? '' : kbAlloc.toFixed(0).padStart(9)}`);
  }
}

/** In a fresh process (the parent spawns it): CPU per 100 reports over the first 2,000 of the corpus's copies. */
async function coldCurve(): Promise<void> {
  const sources = (await collectInputFiles([CORPUS])).map((f) => f.path).filter((p) => /\.(txt|html?)$/.test(p));
  const files = Array.from({ length: 2000 }, (_, i) => sources[i % sources.length]).map((p) => ({ name: p, bytes: new Uint8Array(readFileSync(p)) }));
  const out: number[] = [];
  for (let b = 0; b < 20; b++) {
    const c = process.cpuUsage();
    for (const f of files.slice(b * 100, b * 100 + 100)) await parseDocument(f.bytes, { fileName: f.name, ...NODE_INPUT });
    const u = process.cpuUsage(c);
    out.push(Math.round((u.user + u.system) / 1000));
  }
  const total = out.reduce((a, b) => a + b, 0);
  const last = out.slice(-5).reduce((a, b) => a + b, 0) / 5;
  console.log(`cold start: 2,000 reports (copies of ${sources.length} corpus texts) in a fresh process: ${(total / 1000).toFixed(2)} CPU-s; CPU ms per 100 reports, in order:`);
  console.log(`  ${out.join(' ')}`);
  console.log(`  at the last 100s' pace the 2,000 would cost ${(last * 20 / 1000).toFixed(2)} CPU-s: ${((total - last * 20) / 1000).toFixed(2)} CPU-s is warm-up`);
}

if (process.argv.includes('--cold-child')) await coldCurve();
else {
  await steady(arg('--reports', 3000));
  if (!process.argv.includes('--no-cold')) console.log(execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--cold-child'], { encoding: 'utf8' }).trimEnd());
}
