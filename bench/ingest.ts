// Generates one province of synthetic reports (`gongkai generate`), ingests them with the real CLI
// in a child process, and prints: generation and ingest speed (reports/s, MB/s), the ingest's peak
// memory, the dataset's size, and the parsed values scored against the generated truth, read back
// from the written dataset itself (values, reports), so what is scored is what the dashboard gets,
// and the copied-report search: its time and pairs (the ingest's own summary line) and its recall
// and precision on the copies the generator planted (truth `copied_from`), read from similar_pairs.
//
//   npm run bench:ingest [-- --province 辽宁省 --years 2008-2024 --seed 1 --scale 1]
//   npm run bench:ingest -- --scale 0.05        (a twentieth of the province: a quick check)
//   npm run bench:ingest -- --province all --scale 0.005 --root DIR --skip-score
//                                                (every province: a national dataset; DIR outside the repository)
//   --threads N: the ingest's parse threads (GONGKAI_PARSE_THREADS; default the cores).
//   --skip-score: no scoring against the truth (it holds every value in memory: not at national size).
//   --out DIR: where the dataset is written (default: beside the cached reports).
// The ingest runs with GONGKAI_TRACE_MEMORY=1: its memory at each phase is printed as it goes, and
// the peak RSS is printed with the phase it was reached in (the last trace line before it).
// CPU seconds (from /proc: every thread, and the main thread alone) are printed in all and by
// phase: parsing, then the copied-report search and the writing.
//
// The generated reports are cached under --root (default tmp/bench-ingest/, keyed by the
// arguments); the dataset is rewritten on every run.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { tableFromIPC } from 'apache-arrow';
import { decodeArrowFileSync } from '../src/shared/arrow-file';
import { parseManifest, type Manifest } from '../src/shared/manifest';
import type { Truth as GeneratedTruth } from '../src/generate/report';
import { plantedPairs } from './planted-pairs';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/gongkai.mjs');

const { values: args } = parseArgs({
  options: {
    province: { type: 'string', default: '辽宁省' },
    years: { type: 'string', default: '2008-2024' },
    seed: { type: 'string', default: '1' },
    scale: { type: 'string', default: '1' },
    root: { type: 'string', default: 'tmp/bench-ingest' },
    threads: { type: 'string' },
    out: { type: 'string' },
    'skip-score': { type: 'boolean', default: false },
  },
});

const log = (line: string) => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(0);

/** Clock ticks a second of /proc/<pid>/stat's CPU times (Linux's USER_HZ). */
const TICKS = 100;

/** utime + stime in seconds of a /proc stat line: the 14th and 15th fields, counted after the command name's closing parenthesis. */
function cpuOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/**
 * Runs the CLI in a child process; resolves to its wall time, CPU time (every thread, and the main
 * thread's alone: what bounds the gain of more parse threads; polled) and peak resident memory (VmHWM, polled).
 */
function runCli(cliArgs: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; cpuSeconds: number; mainCpuSeconds: number; parseCpu: [number, number] | null; peakBytes: number; peakPhase: string; stdout: string }> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...cliArgs], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let peakKb = 0;
    // The phase the process is in: after the last memory trace line (memory-trace.ts) it printed.
    let phase = 'start';
    let peakPhase = phase;
    let stderrTail = '';
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      const lines = (stderrTail + chunk.toString()).split('\n');
      stderrTail = lines.pop()!;
      for (const line of lines) {
        const traced = /^memory: (.*?) rss=/.exec(line);
        if (traced) phase = `after "${traced[1]}"`;
        if (traced?.[1] === 'parse done') parseCpu = cpuNow();
      }
    });
    let cpuSeconds = 0;
    let mainCpuSeconds = 0;
    /** CPU seconds (all threads, main thread) when parsing ended: what the parse took, the rest is the search and the write. */
    let parseCpu: [number, number] | null = null;
    const cpuNow = (): [number, number] | null => {
      try {
        return [cpuOf(readFileSync(`/proc/${child.pid}/stat`, 'utf8')), cpuOf(readFileSync(`/proc/${child.pid}/task/${child.pid}/stat`, 'utf8'))];
      } catch {
        return null;
      }
    };
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm && Number(hwm[1]) > peakKb) {
          peakKb = Number(hwm[1]);
          peakPhase = phase;
        }
        const [all, main] = cpuNow() ?? [0, 0];
        cpuSeconds = Math.max(cpuSeconds, all);
        mainCpuSeconds = Math.max(mainCpuSeconds, main);
      } catch {
        // The process has just exited.
      }
    }, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`gongkai ${cliArgs[0]} exited with ${code}`));
      else resolvePromise({ ms: performance.now() - started, cpuSeconds, mainCpuSeconds, parseCpu, peakBytes: peakKb * 1024, peakPhase, stdout });
    });
  });
}

function filesUnder(dir: string, skip: (name: string) => boolean, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(path, skip, out);
    else out.push(path);
  }
  return out;
}

const tableOf = (dir: string, manifest: Manifest, name: string) => manifest.tables[name].partitions.map((p) => tableFromIPC(decodeArrowFileSync(p.path, readFileSync(join(dir, p.path)))));

interface Truth extends Pick<GeneratedTruth, 'id' | 'copied_from'> {
  metrics: Record<string, number>;
  division_code?: string;
  injected_errors?: unknown[];
}

async function main(): Promise<void> {
  const key = `${args.province}-${args.years}-s${args.seed}-x${args.scale}`;
  const base = resolve(ROOT, args.root!, key);
  const reportsDir = join(base, 'reports');
  const datasetDir = args.out === undefined ? join(base, 'dataset') : resolve(args.out);
  log(`=== bench:ingest ${key}`);

  if (!existsSync(join(reportsDir, 'generate.json'))) {
    const generated = await runCli(['generate', '--province', args.province!, '--years', args.years!, '--seed', args.seed!, '--scale', args.scale!, '--out', reportsDir]);
    log(`generate: ${generated.stdout.trim().split('\n').at(-1)} in ${(generated.ms / 1000).toFixed(1)} s`);
  } else log(`generate: cached in ${reportsDir}`);

  const inputs = filesUnder(reportsDir, (name) => name === 'truth' || name.endsWith('.json'));
  const inputBytes = inputs.reduce((n, f) => n + statSync(f).size, 0);
  log(`input: ${inputs.length.toLocaleString('en')} reports, ${mb(inputBytes)}`);

  const threads = args.threads === undefined ? {} : { GONGKAI_PARSE_THREADS: args.threads };
  const ingested = await runCli(['ingest', reportsDir, '--out', datasetDir], { ...process.env, ...threads, GONGKAI_TRACE_MEMORY: '1' });
  log(
    `ingest${args.threads === undefined ? '' : ` (${args.threads} parse threads)`}: ${(ingested.ms / 1000).toFixed(1)} s wall · ${ingested.cpuSeconds.toFixed(1)} s CPU, ${ingested.mainCpuSeconds.toFixed(1)} s of it on the main thread (${(ingested.cpuSeconds / (ingested.ms / 1000)).toFixed(2)} cores busy) · ${rate(inputs.length, ingested.ms)} reports/s · ${(inputBytes / 1e6 / (ingested.ms / 1000)).toFixed(2)} MB/s · peak RSS ${mb(ingested.peakBytes)} (reached ${ingested.peakPhase})`,
  );

  if (ingested.parseCpu) {
    const [all, main] = ingested.parseCpu;
    log(`  CPU by phase: parsing ${all.toFixed(1)} s (main thread ${main.toFixed(1)} s) · search and writing ${(ingested.cpuSeconds - all).toFixed(1)} s (main thread ${(ingested.mainCpuSeconds - main).toFixed(1)} s)`);
  }

  const manifest = parseManifest(JSON.parse(readFileSync(join(datasetDir, 'manifest.json'), 'utf8')));
  const arrowBytes = Object.values(manifest.tables).reduce((n, t) => n + t.partitions.reduce((m, p) => m + p.bytes, 0), 0);
  const parquetBytes = manifest.parquet.files.reduce((n, f) => n + f.bytes, 0);
  const tableSizes = Object.entries(manifest.tables)
    .map(([name, t]) => `${name} ${t.rows.toLocaleString('en')} rows/${t.partitions.length} files/${mb(t.partitions.reduce((m, p) => m + p.bytes, 0))}`)
    .join(' · ');
  log(`dataset: Arrow ${mb(arrowBytes)} · Parquet ${mb(parquetBytes)} (${manifest.parquet.files.length} files) · ${tableSizes}`);
  const stage = /^copied reports: .*$/m.exec(ingested.stdout)?.[0] ?? 'copied reports: (no summary line from the ingest)';
  log(`${stage.replace(/^copied reports/, 'similarity')}`);
  if (args['skip-score']) return;

  // Score what was written: the values and reports tables, against every truth file.
  const idByName = new Map<string, string>();
  const reportRows = new Map<string, { status: string; division_code: string | null; n_failed_checks: number; synthetic: boolean | null }>();
  for (const table of tableOf(datasetDir, manifest, 'reports')) {
    for (const row of table) {
      const r = row.toJSON() as { report_id: string; status: string; division_code: string | null; n_failed_checks: number; synthetic: boolean | null };
      idByName.set(r.report_id.slice(r.report_id.lastIndexOf('/') + 1).replace(/\.[^.]+$/, ''), r.report_id);
      reportRows.set(r.report_id, r);
    }
  }
  const valuesById = new Map<string, { metric: string; value: number; derived: boolean }[]>();
  for (const table of tableOf(datasetDir, manifest, 'values')) {
    const [ids, metrics, vals, derived] = ['report_id', 'metric', 'value', 'derived'].map((c) => table.getChild(c)!.toArray() as unknown[]);
    for (let i = 0; i < table.numRows; i++) {
      const id = ids[i] as string;
      let list = valuesById.get(id);
      if (!list) valuesById.set(id, (list = []));
      list.push({ metric: metrics[i] as string, value: vals[i] as number, derived: Boolean(derived[i]) });
    }
  }

  const score = { truths: 0, correct: 0, wrong: 0, missed: 0, spurious: 0, printed: 0, failed: 0, codeRight: 0, codeWrong: 0, codeNull: 0, errorsInjected: 0, errorsFlagged: 0, falseAlarms: 0, synthetic: 0 };
  const examples: string[] = [];
  const truthDir = join(reportsDir, 'truth');
  const truths: Truth[] = [];
  for (const file of readdirSync(truthDir).sort()) {
    const name = file.replace(/\.json$/, '');
    const truth = JSON.parse(readFileSync(join(truthDir, file), 'utf8')) as Truth;
    truths.push(truth);
    const id = idByName.get(name);
    score.truths++;
    if (!id) {
      score.missed += Object.keys(truth.metrics).length;
      if (examples.length < 10) examples.push(`no report for truth ${name}`);
      continue;
    }
    const report = reportRows.get(id)!;
    if (report.status === 'failed') score.failed++;
    if (report.synthetic) score.synthetic++;
    const got = new Map<string, { value: number; derived: boolean }>();
    for (const v of valuesById.get(id) ?? []) if (!got.has(v.metric) || (got.get(v.metric)!.derived && !v.derived)) got.set(v.metric, v);
    for (const [metric, expected] of Object.entries(truth.metrics)) {
      const v = got.get(metric);
      if (!v) {
        score.missed++;
        if (examples.length < 10) examples.push(`missed   ${name} ${metric} = ${expected}`);
      } else if (Math.abs(v.value - expected) < 0.005) score.correct++;
      else {
        score.wrong++;
        if (examples.length < 10) examples.push(`wrong    ${name} ${metric} = ${v.value}, truth ${expected}`);
      }
    }
    for (const v of valuesById.get(id) ?? []) {
      if (v.derived) continue;
      score.printed++;
      if (!(v.metric in truth.metrics)) {
        score.spurious++;
        if (examples.length < 10) examples.push(`spurious ${name} ${v.metric} = ${v.value}`);
      }
    }
    if (truth.division_code) {
      if (report.division_code === truth.division_code) score.codeRight++;
      else if (report.division_code === null) score.codeNull++;
      else score.codeWrong++;
    }
    const injected = truth.injected_errors?.length ?? 0;
    if (injected > 0) {
      score.errorsInjected++;
      if (report.n_failed_checks > 0) score.errorsFlagged++;
    } else if (report.n_failed_checks > 0) score.falseAlarms++;
  }
  const expectedValues = score.correct + score.wrong + score.missed;
  log(
    `values: ${score.correct.toLocaleString('en')} / ${expectedValues.toLocaleString('en')} correct (${((100 * score.correct) / expectedValues).toFixed(3)}%) · wrong ${score.wrong} · missed ${score.missed} · spurious ${score.spurious} of ${score.printed.toLocaleString('en')} printed`,
  );
  log(`reports: ${score.truths.toLocaleString('en')} with truth · failed ${score.failed} · marked synthetic ${score.synthetic}`);
  log(`division codes: right ${score.codeRight} · wrong ${score.codeWrong} · unresolved ${score.codeNull}`);
  log(`injected arithmetic errors: ${score.errorsFlagged} / ${score.errorsInjected} reports flagged by a failing check · clean reports with a failing check: ${score.falseAlarms}`);
  for (const line of examples) log(`  ${line}`);

  // Copied reports: what the search found (similar_pairs) against the planted copies.
  const planted = plantedPairs(truths);
  const nameOf = (id: string) => id.slice(id.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  const found = new Set<string>();
  for (const table of tableOf(datasetDir, manifest, 'similar_pairs')) {
    const [a, b] = ['report_a', 'report_b'].map((c) => table.getChild(c)!.toArray() as string[]);
    for (let i = 0; i < table.numRows; i++) found.add([nameOf(a[i]), nameOf(b[i])].sort().join(' '));
  }
  const hits = [...found].filter((k) => planted.has(k)).length;
  log(
    `copies: ${planted.size.toLocaleString('en')} planted pairs · recall ${planted.size === 0 ? '—' : `${((100 * hits) / planted.size).toFixed(1)}%`} (${hits} found) · precision ${found.size === 0 ? '—' : `${((100 * hits) / found.size).toFixed(1)}%`} (${found.size - hits} of ${found.size} pairs not planted)`,
  );
}

await main();
