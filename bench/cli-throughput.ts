// Times `gongkai parse --json` over a folder of copies of the corpus, start-up included, and
// prints reports/s, wall-clock and per CPU-second of the whole process tree (from /usr/bin/time
// where present: on a shared machine the wall clock also counts waiting for a core), run by the
// bundled CLI and by the sources through tsx (GONGKAI_NO_BUNDLE=1), in turns.
// Run: npm run bench:cli -- [corpus-dir] [file-count] [rounds]
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { collectInputFiles } from '../src/ingest/walk';

const CANDIDATE_CORPORA = ['data/corpus', '../shared/corpus'];

async function sourceFiles(dir: string | undefined): Promise<string[]> {
  for (const candidate of dir ? [dir] : CANDIDATE_CORPORA.filter((d) => existsSync(d))) {
    const files = await collectInputFiles([candidate]);
    if (files.length > 0) return files.map((f) => f.path);
  }
  throw new Error(`no corpus files found in ${dir ?? CANDIDATE_CORPORA.join(' or ')}`);
}

const TIME = '/usr/bin/time';
const CPU_MARK = 'gongkai-bench-cpu';

function timeParse(dir: string, env: Record<string, string>): Promise<{ seconds: number; cpu: number | null; lines: number }> {
  const started = performance.now();
  const command = [process.execPath, 'bin/gongkai.mjs', 'parse', '--json', dir];
  const withTime = existsSync(TIME);
  const child = withTime
    ? spawn(TIME, ['-f', `${CPU_MARK} %U %S`, ...command], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } })
    : spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  let lines = 0;
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    for (const byte of chunk) if (byte === 0x0a) lines += 1;
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const m = new RegExp(`${CPU_MARK} ([\\d.]+) ([\\d.]+)`).exec(stderr);
      process.stderr.write(stderr.replace(/^gongkai-bench-cpu.*\n?/m, ''));
      if (code !== 0) reject(new Error(`gongkai exited with ${code}`));
      else resolve({ seconds: (performance.now() - started) / 1000, cpu: m ? Number(m[1]) + Number(m[2]) : null, lines });
    });
  });
}

const [dirArg, countArg, roundsArg] = process.argv.slice(2);
const count = Number(countArg ?? 2000);
const rounds = Number(roundsArg ?? 3);
const sources = await sourceFiles(dirArg);
const work = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
try {
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length];
    copyFileSync(source, join(work, `${String(i).padStart(5, '0')}-${basename(source)}`));
  }
  const modes = [['bundled', {}], ['tsx', { GONGKAI_NO_BUNDLE: '1' }]] as const;
  await timeParse(work, {}); // builds the bundle when a source changed
  for (let r = 0; r < rounds; r++) {
    for (const [mode, env] of r % 2 === 0 ? modes : [...modes].reverse()) {
      const { seconds, cpu, lines } = await timeParse(work, env);
      if (lines !== count) throw new Error(`expected ${count} JSON lines, got ${lines}`);
      const perCpu = cpu === null ? '' : `, ${cpu.toFixed(2)} CPU-s: ${(count / cpu).toFixed(0)} reports/CPU-s`;
      console.log(`${mode.padEnd(8)} ${count} files (copies of ${sources.length}) in ${seconds.toFixed(2)} s: ${(count / seconds).toFixed(0)} reports/s${perCpu}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
