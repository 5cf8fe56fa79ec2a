// The large fuzz run: every corpus report × every mutation kind × SEEDS, at hostile sizes (40,000
// digits, 400,000 nested elements, a report repeated 500 times on one line), parsed in process.
// Prints per kind: files, failed (and why), values kept vs the clean parse, spans outside the
// text, exceptions, and the slowest files; then a one-bit-flip survey like issue 12's.
//   npm run bench:fuzz [-- --seeds 2] [-- --kinds digit-run,deep-nesting] [-- --every 10]
// (--every N: only every Nth corpus file for the hostile-size kinds, which take seconds a file)
import { parseArgs } from 'node:util';
import { parseReport } from '../src/parse/index';
import { BENCH_SIZES, corpusFiles, mutate, MUTATION_KINDS, rng, type MutationKind } from '../tests/helpers/mutations';

const { values: options } = parseArgs({
  options: { seeds: { type: 'string', default: '1' }, kinds: { type: 'string' }, flips: { type: 'string', default: '10' }, every: { type: 'string', default: '10' } },
});
const HOSTILE: readonly string[] = ['one-long-line', 'digit-run', 'deep-nesting'];
const every = Number(options.every);
const seeds = Number(options.seeds);
const kinds = (options.kinds ? options.kinds.split(',') : [...MUTATION_KINDS]) as MutationKind[];
const files = corpusFiles();
const clean = new Map(files.map((f) => [f.id, parseReport(f.bytes, { fileName: f.html ? 'r.html' : 'r.txt' }).values.length]));

interface Row { kind: string; files: number; failed: number; reasons: Map<string, number>; values: number; cleanValues: number; badSpans: number; thrown: number; times: number[]; slowest: { id: string; ms: number; bytes: number }[] }
const rows: Row[] = [];
const started = performance.now();
for (const kind of kinds) {
  const row: Row = { kind, files: 0, failed: 0, reasons: new Map(), values: 0, cleanValues: 0, badSpans: 0, thrown: 0, times: [], slowest: [] };
  for (let seed = 1; seed <= seeds; seed++) {
    const random = rng(seed * 1000 + kinds.indexOf(kind));
    files.forEach((file, i) => {
      if (HOSTILE.includes(kind) && i % every !== 0) return;
      const mutant = mutate(file, files[(i * 7 + seed) % files.length], kind, random, BENCH_SIZES);
      if (!mutant) return;
      row.files++;
      const t = performance.now();
      let parsed;
      try {
        parsed = parseReport(mutant.bytes, { fileName: mutant.html ? 'r.html' : 'r.txt' });
      } catch {
        row.thrown++;
        return;
      }
      const ms = performance.now() - t;
      row.times.push(ms);
      row.slowest.push({ id: file.id, ms, bytes: mutant.bytes.length });
      row.slowest.sort((a, b) => b.ms - a.ms).splice(3);
      if (parsed.status === 'failed') {
        row.failed++;
        const reason = (parsed.error ?? '').split(':')[0];
        row.reasons.set(reason, (row.reasons.get(reason) ?? 0) + 1);
      }
      row.values += parsed.values.length;
      row.cleanValues += clean.get(file.id) ?? 0;
      row.badSpans += parsed.values.filter((v) => !(v.start >= 0 && v.start <= v.end && v.end <= parsed.text.length)).length;
    });
  }
  rows.push(row);
  const sorted = [...row.times].sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  console.log(
    `${kind.padEnd(16)} files ${String(row.files).padStart(4)}  failed ${String(row.failed).padStart(4)}  values ${row.values}/${row.cleanValues} ` +
      `(${((100 * row.values) / Math.max(1, row.cleanValues)).toFixed(1)} %)  bad spans ${row.badSpans}  thrown ${row.thrown}  ` +
      `median ${p(0.5).toFixed(0)} ms  p99 ${p(0.99).toFixed(0)} ms  max ${p(1).toFixed(0)} ms  slowest ${row.slowest.map((s) => `${s.id} (${(s.bytes / 1e6).toFixed(2)} MB, ${s.ms.toFixed(0)} ms)`).join(', ')}` +
      (row.reasons.size ? `\n${' '.repeat(18)}reasons: ${[...row.reasons].map(([r, n]) => `${r} ×${n}`).join('; ')}` : ''),
  );
}

// Issue 12's survey: single-bit flips of every report (byte and bit chosen by seed).
const flips = Number(options.flips);
let flipFiles = 0;
let flipLost = 0;
let flipValues = 0;
let flipClean = 0;
const random = rng(12);
for (const file of files) {
  for (let n = 0; n < flips; n++) {
    const bytes = file.bytes.slice();
    bytes[Math.floor(random() * bytes.length)] ^= 1 << Math.floor(random() * 8);
    const parsed = parseReport(bytes, { fileName: file.html ? 'r.html' : 'r.txt' });
    flipFiles++;
    if (parsed.status === 'failed') flipLost++;
    flipValues += parsed.values.length;
    flipClean += clean.get(file.id) ?? 0;
  }
}
console.log(`\nsingle-bit flips: ${flipFiles} files, ${flipLost} lost (${((100 * flipLost) / flipFiles).toFixed(1)} %), values ${flipValues}/${flipClean} (${((100 * flipValues) / flipClean).toFixed(1)} %)`);
console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
