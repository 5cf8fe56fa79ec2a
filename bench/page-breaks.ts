// npm run bench:page-breaks [-- --fresh] [--only=<variant>] [--worst=N] [--verbose] [--libreoffice]
// The corpus reports with a truth file and form tables, printed by Chromium in the page-break
// variants of tests/helpers/page-breaks.ts (tables cut across pages, header rows repeated, page
// furniture between the halves, wrapped labels, landscape, wrapped numbers, split rows), read
// back and scored per variant: against the truth, and against the parse of the unbroken source
// (values equal / lost / changed / invented). Prints cached in $GONGKAI_PAGE_BREAKS_CACHE
// (default /tmp/page-breaks), keyed by the page and the variant. Needs Chromium.
// --libreoffice: also the same pages (header rows as <thead>) opened by LibreOffice and saved as
// .docx (a table whose header rows repeat on every page), and that .docx saved as .pdf.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { NODE_INPUT } from '../src/ingest/input-node';
import type { ParsedReport } from '../src/parse';
import { parseDocument } from '../src/parse/input';
import { CHROMIUM_ARGS, findChromium } from '../tests/helpers/chromium';
import { corpusTextSources } from '../tests/helpers/corpus-sources';
import { PAGE_BREAK_VARIANTS, printVariant } from '../tests/helpers/page-breaks';
import { CORPUS, pageOf } from '../tests/helpers/producers';
import { addScore, emptyScore, scoreReport, type Score, type Truth } from './score';

const args = process.argv.slice(2);
const fresh = args.includes('--fresh');
const verbose = args.includes('--verbose');
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const libreoffice = args.includes('--libreoffice');
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
for (const { rel, truthPath } of corpusTextSources(CORPUS, FOLDERS)) {
  const own = await parseDocument(new Uint8Array(readFileSync(join(CORPUS, rel))), { fileName: rel, ...NODE_INPUT });
  if (own.values.filter((v) => v.source === 'table').length < MIN_TABLE_VALUES) continue;
  sources.push({ rel, truth: JSON.parse(readFileSync(truthPath, 'utf8')) as Truth, own });
}
interface Form {
  name: string;
}
const variants: Form[] = PAGE_BREAK_VARIANTS.filter((v) => !only || v.name === only);
const LO_FORMS = ['libreoffice-repeat-header.docx', 'libreoffice-repeat-header.pdf'];
if (libreoffice) variants.push(...LO_FORMS.filter((n) => !only || n === only).map((name) => ({ name })));

// ---- printing (cached) ------------------------------------------------------------------------

const fileOf = (s: Source, v: Form) => {
  const ext = v.name.endsWith('.docx') ? 'docx' : 'pdf';
  const spec = PAGE_BREAK_VARIANTS.find((p) => p.name === v.name) ?? v;
  return join(CACHE, `${createHash('sha256').update(pageOf(s.rel)).update(JSON.stringify(spec)).digest('hex').slice(0, 24)}.${ext}`);
};

mkdirSync(CACHE, { recursive: true });
const todo = sources.flatMap((s) => PAGE_BREAK_VARIANTS.filter((v) => variants.some((f) => f.name === v.name)).map((v) => ({ s, v }))).filter(({ s, v }) => fresh || !existsSync(fileOf(s, v)));
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

// LibreOffice: the page with its header rows as <thead> (as Chromium has it after REPEAT_HEADER),
// opened by its HTML import and saved as .docx; that .docx printed to PDF on A5.
if (libreoffice) {
  const work = join(CACHE, 'lo');
  const docxOf = (s: Source) => fileOf(s, { name: LO_FORMS[0] });
  const pdfOf = (s: Source) => fileOf(s, { name: LO_FORMS[1] });
  const lo = (filter: string, format: string, files: string[], outdir: string) =>
    files.length && execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--norestore', `--infilter=${filter}`, '--convert-to', format, '--outdir', outdir, ...files], { stdio: 'ignore', timeout: 900_000 });
  for (const d of ['in', 'out', 'in2', 'out2']) {
    rmSync(join(work, d), { recursive: true, force: true });
    mkdirSync(join(work, d), { recursive: true });
  }
  const needDocx = sources.filter((s) => fresh || !existsSync(docxOf(s)));
  if (needDocx.length) {
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      const header = PAGE_BREAK_VARIANTS.find((v) => v.name === 'repeat-header-a5')!;
      for (const [k, s] of needDocx.entries()) {
        await page.setContent(pageOf(s.rel), { waitUntil: 'load' });
        await page.evaluate(header.dom);
        writeFileSync(join(work, 'in', `${k}.html`), await page.content());
      }
    } finally {
      await browser.close();
    }
    lo('HTML (StarWriter)', 'docx:MS Word 2007 XML', needDocx.map((_, k) => join(work, 'in', `${k}.html`)), join(work, 'out'));
    for (const [k, s] of needDocx.entries()) if (existsSync(join(work, 'out', `${k}.docx`))) renameSync(join(work, 'out', `${k}.docx`), docxOf(s));
  }
  const needPdf = sources.filter((s) => existsSync(docxOf(s)) && (fresh || !existsSync(pdfOf(s))));
  for (const [k, s] of needPdf.entries()) writeFileSync(join(work, 'in2', `${k}.docx`), readFileSync(docxOf(s)));
  // printed on the .docx's own page, so its tables break where a word processor's would
  lo('MS Word 2007 XML', 'pdf:writer_pdf_Export', needPdf.map((_, k) => join(work, 'in2', `${k}.docx`)), join(work, 'out2'));
  for (const [k, s] of needPdf.entries()) if (existsSync(join(work, 'out2', `${k}.pdf`))) renameSync(join(work, 'out2', `${k}.pdf`), pdfOf(s));
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
    const file = fileOf(s, v);
    if (!existsSync(file)) continue;
    const parsed = await parseDocument(new Uint8Array(readFileSync(file)), { fileName: `${s.rel}.${v.name}${v.name.includes('.') ? '' : '.pdf'}`, ...NODE_INPUT });
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
