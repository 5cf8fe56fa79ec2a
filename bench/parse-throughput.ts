// npm run bench:parse [-- --text-only] [--legacy COMMIT] — in-process parse throughput on one core: the shipped corpus
// repeated to at least 20 MB, and the complete (10–40 KB) seed reports on their own; each
// timed with the parser before issue 10 (commit 10cb962, unpacked from git into tmp/) and the current one; then PDF
// pages/s (the shared corpus PDFs), DOCX reports/s (the official 2021 form, filled) and DOC reports/s (the LibreOffice
// fixtures) through the input stage.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_INPUT } from '../src/ingest/input-node';
import { parseReport as parseCurrent } from '../src/parse';
import { parseDocument } from '../src/parse/input';
import { readPdf } from '../src/parse/input/pdf';
import { fillTemplate2021, readTemplate2021 } from '../tests/helpers/template-2021';
import { parserAtCommit } from './parser-at-commit';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(ROOT, 'data/corpus');
/** The last commit before issue 10's parser: its src/parse, src/shared and src/jurisdictions (whose city levels the parser reads), taken from git, not kept as a copy. */
const LEGACY_COMMIT = process.argv.includes('--legacy') ? process.argv[process.argv.indexOf('--legacy') + 1] : '10cb962';

const MIN_BYTES = 20 * 1024 * 1024;

function load(folders: string[]): { name: string; bytes: Uint8Array }[] {
  return folders.flatMap((folder) =>
    readdirSync(join(CORPUS, folder))
      .filter((f) => /\.(txt|html?)$/.test(f))
      .sort()
      .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(CORPUS, folder, f))) })),
  );
}

const parseLegacy = await parserAtCommit(LEGACY_COMMIT, 'legacy-parser');

/**
 * Times the legacy and the current parser on the same files, round by round in turns (legacy,
 * current, current, legacy …), so that a machine shared with other work slows both alike; prints
 * wall-clock and CPU-time rates (the CPU time of this process: on a loaded machine the wall clock
 * also counts waiting for a core).
 */
function run(label: string, files: { name: string; bytes: Uint8Array }[]) {
  const parsers = [['legacy', parseLegacy], ['current', parseCurrent]] as const;
  const unit = files.reduce((a, f) => a + f.bytes.length, 0);
  const rounds = Math.max(2, Math.ceil(MIN_BYTES / unit));
  for (const [, parse] of parsers) for (const f of files) parse(f.bytes, { fileName: f.name }); // warm-up (JIT)
  const total = new Map(parsers.map(([name]) => [name, { wall: 0, cpu: 0, values: 0 }]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, parse] of r % 2 === 0 ? parsers : [...parsers].reverse()) {
      const t = total.get(name)!;
      const cpu0 = process.cpuUsage();
      const start = process.hrtime.bigint();
      for (const f of files) t.values += parse(f.bytes, { fileName: f.name }).values.length;
      t.wall += Number(process.hrtime.bigint() - start) / 1e9;
      const used = process.cpuUsage(cpu0);
      t.cpu += (used.user + used.system) / 1e6;
    }
  }
  const reports = rounds * files.length;
  const mb = (rounds * unit) / 1024 / 1024;
  for (const [name] of parsers) {
    const t = total.get(name)!;
    console.log(
      `${`${label} ${name}`.padEnd(46)} ${String(reports).padStart(6)} reports  ${mb.toFixed(1).padStart(5)} MB  ${t.wall.toFixed(2)} s  ` +
        `${Math.round(reports / t.wall).toString().padStart(6)} reports/s  ${(mb / t.wall).toFixed(2).padStart(6)} MB/s  ` +
        `${Math.round(reports / t.cpu).toString().padStart(6)} reports/CPU-s  (avg ${(unit / files.length / 1024).toFixed(1)} KB/report, ${Math.round(t.values / reports)} values/report)`,
    );
  }
}

run('all shipped reports (seeds+real+panel)', load(['seeds', 'real', 'panel']));
run('complete seed reports (8–12 KB)', load(['seeds']));
const seeds = load(['seeds']);
const big = seeds.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.concat([f.bytes, f.bytes, f.bytes])) }));
run('seed reports tripled (25–35 KB)', big);

// Adversarial input: a run of 40,000 digits after 行政复议 (quadratic in the legacy narrative rules).
const digits = new TextEncoder().encode('政府信息公开工作年度报告\n行政复议' + '1'.repeat(40_000));
for (const [name, parse] of [['legacy', parseLegacy], ['current', parseCurrent]] as const) {
  const start = process.hrtime.bigint();
  parse(digits);
  console.log(`40,000-digit run ${name.padEnd(8)} ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(3)} s`);
}
// ---- PDF, DOCX and DOC through the input stage (asynchronous: pdf.js) -----------------------
if (process.argv.includes('--text-only')) process.exit(0);
const SHARED = join(import.meta.dirname, '../../shared/corpus');
const pdfs = ['pdf', 'pdf2'].flatMap((folder) =>
  readdirSync(join(SHARED, folder))
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(SHARED, folder, f))) })),
);
const docx = fillTemplate2021(readTemplate2021()).docx;

type File = { name: string; bytes: Uint8Array };

async function runAsync(label: string, files: File[], rounds: number, unitOf: (f: File) => number, unit: string) {
  // warm-up: about 20 files, so the optimising compiler's work (on its own threads, counted in the
  // process's CPU time) is not charged to the timed rounds
  for (let w = 0; w < Math.ceil(20 / files.length); w++) for (const f of files) await parseDocument(f.bytes, { fileName: f.name, ...NODE_INPUT });
  let units = 0;
  let peak = process.memoryUsage.rss();
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (const f of files) {
      const parsed = await parseDocument(f.bytes, { fileName: f.name, ...NODE_INPUT });
      if (parsed.status !== 'failed') units += unitOf(f);
      peak = Math.max(peak, process.memoryUsage.rss());
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu0);
  // per CPU second as well: on a shared machine the wall clock also counts waiting for a core
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(
    `${label.padEnd(34)} ${String(rounds * files.length).padStart(6)} files  ${String(units).padStart(5)} ${unit}  ${seconds.toFixed(2)} s  ` +
      `${(units / seconds).toFixed(1).padStart(6)} ${unit}/s  ${(units / cpuSeconds).toFixed(1).padStart(6)} ${unit}/CPU-s  (rss peak ${Math.round(peak / 1024 / 1024)} MB)`,
  );
}

const pageCount = new Map<string, number>();
for (const f of pdfs) {
  const read = await readPdf(f.bytes, NODE_INPUT.pdf);
  pageCount.set(f.name, read.ok ? read.pages.length : 0);
}
const totalPages = [...pageCount.values()].reduce((a, b) => a + b, 0);
await runAsync(`PDF (corpus pdf/ + pdf2/, ${totalPages} pages)`, pdfs, 5, (f) => pageCount.get(f.name)!, 'pages');
await runAsync('DOCX (official 2021 form, filled)', [{ name: 'filled.docx', bytes: docx }], 100, () => 1, 'reports');
const docs = readdirSync(join(import.meta.dirname, '../tests/fixtures/producers'))
  .filter((f) => f.endsWith('.doc'))
  .sort()
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(import.meta.dirname, '../tests/fixtures/producers', f))) }));
await runAsync(`DOC (LibreOffice fixtures, ${docs.length} reports)`, docs, 20, () => 1, 'reports');
