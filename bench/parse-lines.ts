// npm run bench:parse-lines [-- --reports N] [--top K] (STAGES_DIR=real: data/corpus/real instead of the seeds) —
// the parser's hot lines and regular expressions, mostly in steady state. tsx leaves every function of a file
// on one line, so the parser is bundled with esbuild (into tmp/) and run with `node --cpu-prof` (inlining
// off, as the CLI runs `parse`): each sample has its line (positionTicks, a builtin such as Set#has counts
// on the line that called it) and each regular expression its own node, whose share is its matching time.
// The whole run is profiled, its first few hundred (cold) parses included. Shares of all samples, not µs:
// on a loaded machine they move far less than CPU seconds between runs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const reports = Number(arg('--reports', '6000'));
const top = Number(arg('--top', '30'));
const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'tmp/parse-lines');
const dir = join(ROOT, 'data/corpus', process.env.STAGES_DIR ?? 'seeds');

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const bundle = join(OUT, 'loop.mjs');
await build({
  stdin: {
    contents: `
      import { readdirSync, readFileSync } from 'node:fs';
      import { join } from 'node:path';
      import { parseReport } from './src/parse';
      const dir = ${JSON.stringify(dir)};
      const files = readdirSync(dir).filter((f) => /\\.(txt|html?)$/.test(f)).sort().map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
      for (let i = 0; i < ${reports}; i++) parseReport(files[i % files.length].bytes, { fileName: files[i % files.length].name });`,
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: bundle,
  logLevel: 'warning',
});
execFileSync(process.execPath, ['--max-inlined-bytecode-size-cumulative=0', '--cpu-prof', `--cpu-prof-dir=${OUT}`, bundle], { stdio: 'inherit' });

interface Node { callFrame: { functionName: string; url: string }; hitCount: number; positionTicks?: { line: number; ticks: number }[] }
const profile = JSON.parse(readFileSync(join(OUT, readdirSync(OUT).find((f) => f.endsWith('.cpuprofile'))!), 'utf8')) as { nodes: Node[] };
const source = readFileSync(bundle, 'utf8').split('\n');
// the bundle's files by their first line (esbuild writes `// path` before each)
const files: [number, string][] = [];
source.forEach((l, k) => {
  if (/^\/\/ (src|node_modules)\//.test(l)) files.push([k + 1, l.slice(3)]);
});
const fileOf = (line: number) => files.filter(([start]) => start <= line).pop()?.[1] ?? '?';

let total = 0;
const lines = new Map<number, number>();
const patterns = new Map<string, number>();
for (const n of profile.nodes) {
  total += n.hitCount;
  if (n.callFrame.functionName.startsWith('RegExp: ')) patterns.set(n.callFrame.functionName.slice(8), (patterns.get(n.callFrame.functionName.slice(8)) ?? 0) + n.hitCount);
  if (!n.callFrame.url.endsWith('loop.mjs')) continue;
  for (const t of n.positionTicks ?? []) lines.set(t.line, (lines.get(t.line) ?? 0) + t.ticks);
}
const share = (t: number) => `${((100 * t) / total).toFixed(2).padStart(6)} %`;
const all = [...patterns.values()].reduce((a, b) => a + b, 0);
console.log(`${reports} parses of ${dir}: ${total} samples; regular expressions' own code ${share(all)} (${patterns.size} patterns)`);
console.log('lines (self, builtins they call included)');
for (const [line, t] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${share(t)}  ${fileOf(line)}  ${source[line - 1].trim().slice(0, 110)}`);
console.log('regular expressions');
for (const [p, t] of [...patterns].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${share(t)}  ${p.slice(0, 130)}`);
