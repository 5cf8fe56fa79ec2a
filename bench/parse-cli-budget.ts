// Where `gongkai parse --json` spends its CPU, by part (issue 10 point 5): runs the bundled CLI on
// no file, one file and N short files (copies of data/corpus), in turns, and reads each thread's
// CPU from /proc/PID/task/*/stat (polled every 10 ms; the last reading before the exit). Threads:
// the main thread (tid = pid), the parse worker (the last thread started: it is spawned at the
// first file, after V8's and libuv's threads) and the others (V8's helpers: TurboFan, concurrent
// GC; libuv's pool). The parts are differences of medians:
//   start of Node            `node -e 0`
//   modules (main)           the no-file run's main thread less Node's start
//   gazetteer + first file   the one-file run's main thread less the no-file run's
//   worker start + 1 parse   the one-file run's parse worker
//   per file                 (N files − one file) / (N − 1), per thread
// Linux only (/proc; its clock ticks are 1/100 s). Run: npm run bench:cli-budget [-- FILES ROUNDS]
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { collectInputFiles } from '../src/ingest/walk';

const ROOT = join(import.meta.dirname, '..');
const CLK_TCK = 100;

interface ThreadCpu {
  main: number;
  worker: number;
  other: number;
  total: number;
}

/** CPU-seconds of each live thread of `pid` (tid → seconds), or null once the process is gone. */
function threadsOf(pid: number): Map<number, number> | null {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  const out = new Map<number, number>();
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / CLK_TCK);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out;
}

/** Runs a command to its end (stdout discarded), polling its threads; the split by thread of its CPU. */
function runPolled(args: string[], hasWorker: boolean): Promise<ThreadCpu> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const last = new Map<number, number>();
  const poll = setInterval(() => {
    for (const [tid, cpu] of threadsOf(child.pid!) ?? []) last.set(tid, cpu);
  }, 10);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited with ${code}`));
      const tids = [...last.keys()].sort((a, b) => a - b);
      const main = last.get(child.pid!) ?? 0;
      const workerTid = hasWorker ? tids[tids.length - 1] : -1;
      const worker = last.get(workerTid) ?? 0;
      const total = [...last.values()].reduce((a, b) => a + b, 0);
      resolve({ main, worker, other: total - main - worker, total });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (s: number) => s.toFixed(2).padStart(6);

const [countArg, roundsArg] = process.argv.slice(2);
const count = Number(countArg ?? 2000);
const rounds = Number(roundsArg ?? 3);
const sources = (await collectInputFiles([join(ROOT, 'data/corpus')])).map((f) => f.path).filter((p) => /\.(txt|html?)$/.test(p));
const work = mkdtempSync(join(tmpdir(), 'gongkai-budget-'));
try {
  const dirs = { none: join(work, 'none'), one: join(work, 'one'), many: join(work, 'many') };
  for (const dir of Object.values(dirs)) mkdirSync(dir);
  copyFileSync(sources[0], join(dirs.one, basename(sources[0])));
  for (let i = 0; i < count; i++) copyFileSync(sources[i % sources.length], join(dirs.many, `${String(i).padStart(5, '0')}-${basename(sources[i % sources.length])}`));
  const cli = (dir: string) => ['bin/gongkai.mjs', 'parse', '--json', dir];
  await runPolled(cli(dirs.one), true); // builds the bundle when a source changed

  const runs = { boot: [] as ThreadCpu[], none: [] as ThreadCpu[], one: [] as ThreadCpu[], many: [] as ThreadCpu[] };
  for (let r = 0; r < rounds; r++) {
    runs.boot.push(await runPolled(['-e', '0'], false));
    runs.none.push(await runPolled(cli(dirs.none), false));
    runs.one.push(await runPolled(cli(dirs.one), true));
    runs.many.push(await runPolled(cli(dirs.many), true));
  }
  const med = (list: ThreadCpu[], key: keyof ThreadCpu) => median(list.map((t) => t[key]));
  console.log(`gongkai parse --json, ${count} files (copies of ${sources.length} in data/corpus), ${rounds} rounds; CPU-s, medians`);
  console.log('run              main  worker   other   total   (each round: total)');
  for (const [name, list] of Object.entries(runs)) {
    console.log(`${name.padEnd(14)} ${fmt(med(list, 'main'))}  ${fmt(med(list, 'worker'))}  ${fmt(med(list, 'other'))}  ${fmt(med(list, 'total'))}   (${list.map((t) => t.total.toFixed(2)).join(', ')})`);
  }
  const perFile = (key: keyof ThreadCpu) => ((med(runs.many, key) - med(runs.one, key)) / (count - 1)) * 1e6;
  console.log('parts:');
  console.log(`  start of Node            ${fmt(med(runs.boot, 'total'))}`);
  console.log(`  modules (main)           ${fmt(med(runs.none, 'main') - med(runs.boot, 'main'))}`);
  console.log(`  gazetteer + first file   ${fmt(med(runs.one, 'main') - med(runs.none, 'main'))}  (main thread)`);
  console.log(`  worker start + 1 parse   ${fmt(med(runs.one, 'worker'))}`);
  console.log(`  per file, µs: main ${perFile('main').toFixed(0)}, parse worker ${perFile('worker').toFixed(0)}, other threads ${perFile('other').toFixed(0)}; ${(count / med(runs.many, 'total')).toFixed(0)} reports/CPU-s in all`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
