// Would a V8 startup snapshot make `gongkai parse --json` fast enough? (issue 10 point 5.) Builds
// bench/snapshot/entry.ts (parse --json in one thread, text and HTML files only: no PDF or Word
// reader, whose packages a snapshot cannot hold) into one CommonJS file, and from it two snapshots:
// "cold" (modules and the gazetteer loaded) and "warm" (also every file of the folder parsed once at
// build time, so every parser function is compiled and its heap shapes exist). Then times, in turns,
// over one file and over N copies of the corpus: the CLI (bundled, parse worker), the entry without
// a snapshot, and the two snapshots; CPU seconds of the process (/usr/bin/time) and wall. Every
// mode's output must be byte-identical to the CLI's.
// Run: npm run bench:snapshot -- [file-count] [rounds]
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { build } from 'esbuild';
import { collectInputFiles } from '../src/ingest/walk';

const ROOT = join(import.meta.dirname, '..');
const count = Number(process.argv[2] ?? 2000);
const rounds = Number(process.argv[3] ?? 3);
const work = mkdtempSync(join(tmpdir(), 'gongkai-snapshot-'));

/** TextDecoder holds a native converter, which a snapshot cannot hold: a stand-in makes it on first use and drops it before the snapshot is taken. */
const LAZY_DECODER = `const __RealTD = globalThis.TextDecoder; const __tds = new Set();
class __LazyTD { constructor(...a) { this.a = a; this.d = null; __tds.add(this); } get r() { return this.d ??= new __RealTD(...this.a); } decode(b, o) { return this.r.decode(b, o); } get encoding() { return this.r.encoding; } get fatal() { return this.r.fatal; } get ignoreBOM() { return this.r.ignoreBOM; } }
require('node:v8').startupSnapshot?.isBuildingSnapshot() && require('node:v8').startupSnapshot.addSerializeCallback(() => { for (const t of __tds) t.d = null; });`;

try {
  const reports = join(work, 'reports');
  const one = join(work, 'one');
  mkdirSync(reports);
  mkdirSync(one);
  const sources = (await collectInputFiles([join(ROOT, 'data/corpus')])).map((f) => f.path).filter((p) => /\.(txt|html?)$/.test(p));
  for (let i = 0; i < count; i++) copyFileSync(sources[i % sources.length], join(reports, `${String(i).padStart(5, '0')}-${basename(sources[i % sources.length])}`));
  copyFileSync(sources[0], join(one, basename(sources[0])));

  const entry = join(work, 'entry.cjs');
  await build({
    entryPoints: [join(ROOT, 'bench/snapshot/entry.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: entry, logLevel: 'warning',
    banner: { js: LAZY_DECODER },
    plugins: [{
      name: 'source-location',
      setup(b) {
        b.onLoad({ filter: /\.ts$/ }, (args) => ({
          contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path))).replaceAll('new TextDecoder(', 'new __LazyTD('),
          loader: 'ts',
        }));
      },
    }],
  });
  const blob = (name: string, warm: string | null) => {
    const file = join(work, `${name}.blob`);
    const started = performance.now();
    execFileSync(process.execPath, ['--snapshot-blob', file, '--build-snapshot', entry], { cwd: work, stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, ...(warm ? { GONGKAI_SNAPSHOT_WARM: warm } : {}) } });
    console.log(`snapshot ${name}: built in ${((performance.now() - started) / 1000).toFixed(1)} s, ${(readFileSync(file).byteLength / 1e6).toFixed(1)} MB`);
    return file;
  };
  const cold = blob('cold', null);
  const warm = blob('warm', reports);

  const modes: [string, (dir: string) => string[]][] = [
    ['CLI (worker)', (dir) => [join(ROOT, 'bin/gongkai.mjs'), 'parse', '--json', dir]],
    ['one thread', (dir) => [entry, dir]],
    ['snapshot cold', (dir) => ['--snapshot-blob', cold, dir]],
    ['snapshot warm', (dir) => ['--snapshot-blob', warm, dir]],
  ];
  const expected = new Map<string, string>();
  const results = new Map<string, { cpu: number[]; wall: number[] }>();
  for (let r = 0; r < rounds; r++) {
    for (const dir of [one, reports]) {
      for (const [mode, args] of r % 2 === 0 ? modes : [...modes].reverse()) {
        const started = performance.now();
        const run = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, ...args(dir)], { cwd: ROOT, maxBuffer: 1 << 30, encoding: 'utf8' });
        const wall = (performance.now() - started) / 1000;
        const m = /cpu ([\d.]+) ([\d.]+)/.exec(run.stderr);
        if (run.status !== 0 || !m) throw new Error(`${mode} failed: ${run.stderr.slice(-500)}`);
        if (!expected.has(dir)) expected.set(dir, run.stdout);
        if (run.stdout !== expected.get(dir)) throw new Error(`${mode}: output differs from the CLI's on ${dir}`);
        const key = `${mode}|${dir === one ? 1 : count}`;
        const entryResult = results.get(key) ?? { cpu: [], wall: [] };
        entryResult.cpu.push(Number(m[1]) + Number(m[2]));
        entryResult.wall.push(wall);
        results.set(key, entryResult);
      }
    }
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`output byte-identical in every mode; load average ${load}`);
  for (const [key, { cpu, wall }] of results) {
    const [mode, files] = key.split('|');
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    console.log(`${mode.padEnd(14)} ${files.padStart(5)} files: CPU-s ${cpu.map((c) => c.toFixed(2)).join(' ')} (mean ${mean(cpu).toFixed(2)}: ${(Number(files) / mean(cpu)).toFixed(0)} reports/CPU-s), wall mean ${mean(wall).toFixed(2)} s`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
