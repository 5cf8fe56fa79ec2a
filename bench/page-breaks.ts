// npm run bench:page-breaks [-- --fresh] [--only=<variant>] [--worst=N] [--verbose]
// The corpus reports with a truth file and form tables, printed by Chromium in the page-break
// variants of tests/helpers/page-breaks.ts (tables cut across pages, header rows repeated, page
// furniture between the halves, wrapped labels, landscape, wrapped numbers, split rows), read
// back and scored per variant: against the truth, and against the parse of the unbroken source
// (values equal / lost / changed / invented). Prints cached in $GONGKAI_PAGE_BREAKS_CACHE
// (default /tmp/page-breaks), keyed by the page and the variant. Needs Chromium.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { NODE_INPUT } from '../src/ingest/input-node';
import type { ParsedReport } from '../src/parse';
import { parseDocument } from '../src/parse/input';
import { CHROMIUM_ARGS, findChromium } from '../tests/helpers/chromium';
import { PAGE_BREAK_VARIANTS, printVariant } from '../tests/helpers/page-breaks';
import { CORPUS, pageOf } from '../tests/helpers/producers';
import { addScore, emptyScore, scoreReport, type Score, type Truth } from './score';

const args = process.argv.slice(2);
const fresh = args.includes('--fresh');
const verbose = args.includes('--verbose');
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const worstN = Number(args.find((a) => a.startsWith('--worst='))?.slice(8) ?? 12);
const CACHE = process.env.GONGKAI_PAGE_BREAKS_CACHE ?? '/tmp/page-breaks';
const FOLDERS = ['seeds', 'real', 'complete'];
/** Sources whose own parse reads fewer table values than this hold no form table to break. */
const MIN_TABLE_VALUES = 20;

interface Source {
  rel: string;
  truth: Truth;
  own: ParsedReport;
}

const sources: Source[] = [];
for (const folder of FOLDERS) {
  const truthDir = join(CORPUS, folder, 'truth');
  if (!existsSync(truthDir)) continue;
  for (const name of readdirSync(truthDir).filter((n) => n.endsWith('.json')).sort()) {
    const id = name.replace(/\.json$/, '');
    const ext = ['.txt', '.html', '.htm'].find((e) => existsSync(join(CORPUS, folder, id + e)));
    if (!ext) continue;
    const rel = `${folder}/${id}${ext}`;
    const own = await parseDocument(new Uint8Array(readFileSync(join(CORPUS, rel))), { fileName: rel, ...NODE_INPUT });
    if (own.values.filter((v) => v.source === 'table').length < MIN_TABLE_VALUES) continue;
    sources.push({ rel, truth: JSON.parse(readFileSync(join(truthDir, name), 'utf8')) as Truth, own });
  }
}
const variants = PAGE_BREAK_VARIANTS.filter((v) => !only || v.name === only);

// ---- printing (cached) ------------------------------------------------------------------------

const fileOf = (s: Source, v: (typeof variants)[number]) =>
  join(CACHE, `${createHash('sha256').update(pageOf(s.rel)).update(JSON.stringify(v)).digest('hex').slice(0, 24)}.pdf`);

mkdirSync(CACHE, { recursive: true });
const todo = sources.flatMap((s) => variants.map((v) => ({ s, v }))).filter(({ s, v }) => fresh || !existsSync(fileOf(s, v)));
if (todo.length) {
  const t0 = Date.now();
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    for (const { s, v } of todo) {
      const title = s.own.text.split('\n')[0].slice(0, 40);
      writeFileSync(fileOf(s, v), await printVariant(page, pageOf(s.rel), title, v));
    }
  } finally {
    await browser.close();
  }
  console.log(`printed ${todo.length} files into ${CACHE} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

// ---- scoring ------------------------------------------------------------------------------------

const asTruth = (p: ParsedReport, id: string): Truth => ({ id, metrics: Object.fromEntries(p.values.map((v) => [v.metric, v.value])) }) as Truth;
const pct = (n: number, d: number) => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1)}%`);

const worst: { name: string; lost: number; details: string[] }[] = [];
const own = emptyScore();
for (const s of sources) addScore(own, scoreReport(s.own, s.truth));
console.log(`${sources.length} corpus reports with form tables (${FOLDERS.join(', ')}), ${variants.length} variants`);
console.log(`${'source as given'.padEnd(22)} truth ${own.correct}/${own.correct + own.wrong + own.missed} (${pct(own.correct, own.correct + own.wrong + own.missed)}) wrong ${own.wrong} missed ${own.missed} spurious ${own.spurious}`);
console.log(`${'variant'.padEnd(22)} ${'vs truth: correct'.padEnd(26)} wrong missed spurious | vs source: equal   lost changed invented`);
for (const v of variants) {
  const truth = emptyScore();
  const self: Score = emptyScore();
  for (const s of sources) {
    const parsed = await parseDocument(new Uint8Array(readFileSync(fileOf(s, v))), { fileName: `${s.rel}.${v.name}.pdf`, ...NODE_INPUT });
    addScore(truth, scoreReport(parsed, s.truth));
    const vsSelf = scoreReport(parsed, asTruth(s.own, s.rel));
    addScore(self, vsSelf);
    const lost = vsSelf.wrong + vsSelf.missed + vsSelf.spurious;
    if (lost > 0) worst.push({ name: `${s.rel} → ${v.name}`, lost, details: vsSelf.details });
  }
  const n = truth.correct + truth.wrong + truth.missed;
  console.log(
    `${v.name.padEnd(22)} ${`${truth.correct}/${n} (${pct(truth.correct, n)})`.padEnd(26)} ${String(truth.wrong).padStart(5)} ${String(truth.missed).padStart(6)} ${String(truth.spurious).padStart(8)} |          ${String(self.correct).padStart(5)} ${String(self.missed).padStart(6)} ${String(self.wrong).padStart(7)} ${String(self.spurious).padStart(8)}`,
  );
}
worst.sort((a, b) => b.lost - a.lost || a.name.localeCompare(b.name));
console.log(`\nworst files (values that differ from the source's own parse): ${worst.length} files differ`);
for (const w of worst.slice(0, worstN)) {
  console.log(`${String(w.lost).padStart(4)}  ${w.name}`);
  if (verbose) console.log(`        ${w.details.join('\n        ')}`);
}
