// npm run bench:producers [-- --fresh] [--only=<producer.format>] [--worst=N] [--verbose]
// Every corpus report with a truth file (seeds, real, pages, panel, complete), written again by
// other producers, read back by the parser, and scored twice: against the corpus truth, and
// against the parse of its own source (same values, same facts?). Producers:
//   libreoffice  soffice --headless --convert-to pdf/docx/doc, its HTML import for .html and its
//                text import for .txt;
//   chromium     Chromium's print of the page (tests/helpers/producers.ts pageOf): ruled tables on
//                A4 with a running header and page footer, and borderless tables on A5;
//   word         the Word writer (tests/helpers/docx-writer.ts writeWordDocx).
// Converted files are cached in $GONGKAI_PRODUCERS_CACHE (default /tmp/producers-wide), one folder
// per source keyed by its sha256; --fresh remakes them. Needs soffice and Chromium: not run in CI.
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
import { borderless, CORPUS, FOOTER, HEADER, idOf, pageOf, wordDocx } from '../tests/helpers/producers';
import { addFactScore, addScore, emptyFactScore, emptyScore, FACT_FIELDS, scoreFacts, scoreReport, type FactScore, type Score, type Truth } from './score';

const args = process.argv.slice(2);
const fresh = args.includes('--fresh');
const verbose = args.includes('--verbose');
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const worstN = Number(args.find((a) => a.startsWith('--worst='))?.slice(8) ?? 15);
const CACHE = process.env.GONGKAI_PRODUCERS_CACHE ?? '/tmp/producers-wide';
const FOLDERS = ['seeds', 'real', 'pages', 'panel', 'complete'];

/** The converted forms of one source, as cached file names. */
const FORMS = ['libreoffice.pdf', 'libreoffice.docx', 'libreoffice.doc', 'chromium.pdf', 'chromium-a5-borderless.pdf', 'word.docx'] as const;

interface Source {
  rel: string;
  key: string;
  truth: Truth;
  dir: string;
}

const sources: Source[] = [];
for (const { rel, truthPath } of corpusTextSources(CORPUS, FOLDERS)) {
  const key = createHash('sha256').update(readFileSync(join(CORPUS, rel))).digest('hex').slice(0, 24);
  sources.push({ rel, key, truth: JSON.parse(readFileSync(truthPath, 'utf8')) as Truth, dir: join(CACHE, key) });
}

// ---- Conversion (cached) -------------------------------------------------------------------

const cpu = () => process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6;
const have = (s: Source, form: string) => !fresh && existsSync(join(s.dir, form)) && (!pageMade(s, form) || readIf(join(s.dir, `${form}.page`)) === pageKey(s));
/** Forms made from the page (tests/helpers/producers.ts pageOf) are remade when the page changes. */
const pageMade = (s: Source, form: string) => form.startsWith('chromium') || (form.startsWith('libreoffice') && !s.rel.endsWith('.txt'));
const readIf = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : null);
const pageKeys = new Map<string, string>();
const pageKey = (s: Source) => {
  if (!pageKeys.has(s.rel)) pageKeys.set(s.rel, createHash('sha256').update(pageOf(s.rel)).digest('hex'));
  return pageKeys.get(s.rel)!;
};
const madeFrom = (s: Source, form: string) => pageMade(s, form) && writeFileSync(join(s.dir, `${form}.page`), pageKey(s));
const work = join(CACHE, 'work');

function soffice(filter: string, format: string, files: string[], outdir: string) {
  // LibreOffice converts a batch in one process; a file it cannot convert is simply absent after.
  for (let i = 0; i < files.length; i += 40) {
    execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--norestore', `--infilter=${filter}`, '--convert-to', format, '--outdir', outdir, ...files.slice(i, i + 40)], { stdio: 'ignore', timeout: 600_000 });
  }
}

async function convert() {
  mkdirSync(work, { recursive: true });
  for (const s of sources) mkdirSync(s.dir, { recursive: true });
  const started = cpu();
  const t0 = Date.now();
  // LibreOffice: the .html page through its HTML import, the .txt through its text import.
  for (const [ext, format] of [['pdf', 'pdf:writer_pdf_Export'], ['docx', 'docx:MS Word 2007 XML'], ['doc', 'doc:MS Word 97']] as const) {
    const todo = sources.filter((s) => !have(s, `libreoffice.${ext}`));
    if (todo.length === 0) continue;
    const inDir = join(work, 'in');
    const outDir = join(work, 'out');
    rmSync(inDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(inDir, { recursive: true });
    mkdirSync(outDir, { recursive: true });
    const html: string[] = [];
    const txt: string[] = [];
    for (const s of todo) {
      if (s.rel.endsWith('.txt')) {
        const f = join(inDir, `${s.key}.txt`);
        writeFileSync(f, readFileSync(join(CORPUS, s.rel)));
        txt.push(f);
      } else {
        const f = join(inDir, `${s.key}.html`);
        writeFileSync(f, pageOf(s.rel));
        html.push(f);
      }
    }
    if (html.length) soffice('HTML (StarWriter)', format, html, outDir);
    if (txt.length) soffice('Text (encoded):UTF8,LF,,,', format, txt, outDir);
    for (const s of todo) {
      const out = join(outDir, `${s.key}.${ext}`);
      if (existsSync(out)) {
        renameSync(out, join(s.dir, `libreoffice.${ext}`));
        madeFrom(s, `libreoffice.${ext}`);
      }
      else console.error(`LibreOffice made no .${ext} of ${s.rel}`);
    }
  }
  // Chromium: one browser for every print.
  const printTodo = sources.filter((s) => !have(s, 'chromium.pdf') || !have(s, 'chromium-a5-borderless.pdf'));
  if (printTodo.length) {
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      for (const s of printTodo) {
        const html = pageOf(s.rel);
        const title = (await parseDocument(new Uint8Array(readFileSync(join(CORPUS, s.rel))), { fileName: s.rel })).text.split('\n')[0].slice(0, 40);
        await page.setContent(html, { waitUntil: 'load' });
        const a4 = await page.pdf({ format: 'A4', printBackground: false, displayHeaderFooter: true, headerTemplate: HEADER(title), footerTemplate: FOOTER, margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' } });
        writeFileSync(join(s.dir, 'chromium.pdf'), a4);
        await page.setContent(borderless(html), { waitUntil: 'load' });
        writeFileSync(join(s.dir, 'chromium-a5-borderless.pdf'), await page.pdf({ format: 'A5', printBackground: false }));
        madeFrom(s, 'chromium.pdf');
        madeFrom(s, 'chromium-a5-borderless.pdf');
      }
    } finally {
      await browser.close();
    }
  }
  // the Word writer is ours and fast: always written afresh
  for (const s of sources) writeFileSync(join(s.dir, 'word.docx'), wordDocx(s.rel).bytes);
  const made = sources.length;
  if (Date.now() - t0 > 1000) console.log(`converted into ${CACHE}: ${made} sources, ${(cpu() - started).toFixed(1)} CPU-s in this process (soffice and Chromium not counted), ${((Date.now() - t0) / 1000).toFixed(0)} s wall`);
}

// ---- Scoring --------------------------------------------------------------------------------

/** The source's own parse as a truth: every value it reads and every fact it states. */
function asTruth(p: ParsedReport, id: string): Truth {
  const f = p.facts;
  return {
    id,
    metrics: Object.fromEntries(p.values.map((v) => [v.metric, v.value])),
    issuer: f.issuer,
    jurisdiction: f.jurisdiction,
    level: f.level,
    scope: f.scope,
    year: f.year ?? undefined,
    template: f.template ?? undefined,
    published: f.published,
  };
}

interface Group {
  truth: Score;
  truthFacts: FactScore;
  self: Score;
  selfFacts: FactScore;
  files: number;
  failed: number;
  cpu: number;
}
const emptyGroup = (): Group => ({ truth: emptyScore(), truthFacts: emptyFactScore(), self: emptyScore(), selfFacts: emptyFactScore(), files: 0, failed: 0, cpu: 0 });

const facts = (f: FactScore) => FACT_FIELDS.reduce((a, k) => [a[0] + f[k].correct, a[1] + f[k].correct + f[k].wrong + f[k].missing] as [number, number], [0, 0] as [number, number]);
const pct = (n: number, d: number) => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const line = (s: Score) => {
  const n = s.correct + s.wrong + s.missed;
  return `${String(s.correct).padStart(5)}/${String(n).padEnd(5)} ${pct(s.correct, n)}  wrong ${String(s.wrong).padStart(3)}  missed ${String(s.missed).padStart(4)}  spurious ${String(s.spurious).padStart(3)}`;
};

await convert();

const groups = new Map<string, Group>();
const sourceGroup = emptyGroup();
const worst: { name: string; lost: number; details: string[] }[] = [];
for (const s of sources) {
  const srcBytes = new Uint8Array(readFileSync(join(CORPUS, s.rel)));
  const own = await parseDocument(srcBytes, { fileName: s.rel, ...NODE_INPUT });
  addScore(sourceGroup.truth, scoreReport(own, s.truth));
  addFactScore(sourceGroup.truthFacts, scoreFacts(own, s.truth));
  sourceGroup.files++;
  const self = asTruth(own, s.rel);
  for (const form of FORMS) {
    if (only && only !== form) continue;
    const file = join(s.dir, form);
    if (!existsSync(file)) continue;
    const g = groups.get(form) ?? emptyGroup();
    groups.set(form, g);
    const c0 = cpu();
    const parsed = await parseDocument(new Uint8Array(readFileSync(file)), { fileName: `${idOf(s.rel)}.${form}`, ...NODE_INPUT });
    g.cpu += cpu() - c0;
    g.files++;
    if (parsed.error) g.failed++;
    const vsTruth = scoreReport(parsed, s.truth);
    const vsSelf = scoreReport(parsed, self);
    const selfFacts = scoreFacts(parsed, self);
    addScore(g.truth, vsTruth);
    addFactScore(g.truthFacts, scoreFacts(parsed, s.truth));
    addScore(g.self, vsSelf);
    addFactScore(g.selfFacts, selfFacts);
    const factLost = FACT_FIELDS.flatMap((k) => selfFacts[k].details);
    const lost = vsSelf.wrong + vsSelf.missed + vsSelf.spurious + factLost.length + (parsed.error ? 100 : 0);
    if (lost > 0) worst.push({ name: `${s.rel} → ${form}`, lost, details: [...(parsed.error ? [`error ${parsed.error}`] : []), ...vsSelf.details, ...factLost] });
  }
}

console.log(`${sources.length} corpus reports (${FOLDERS.join(', ')}); values vs truth / vs the parse of the source itself; facts (7 fields)`);
console.log(`${'source as given'.padEnd(27)} files ${String(sourceGroup.files).padStart(3)}  truth ${line(sourceGroup.truth)}  facts ${facts(sourceGroup.truthFacts).join('/')}`);
for (const form of FORMS) {
  const g = groups.get(form);
  if (!g) continue;
  const [tf, tn] = facts(g.truthFacts);
  const [sf, sn] = facts(g.selfFacts);
  console.log(
    `${form.padEnd(27)} files ${String(g.files).padStart(3)}${g.failed ? ` (${g.failed} failed)` : ''}  truth ${line(g.truth)}  facts ${tf}/${tn}\n` +
      `${''.padEnd(37)}source ${line(g.self)}  facts ${sf}/${sn}  parse ${(g.cpu / g.files).toFixed(3)} CPU-s/file`,
  );
}
worst.sort((a, b) => b.lost - a.lost || a.name.localeCompare(b.name));
console.log(`\nworst files (values and facts that differ from the source's own parse): ${worst.length} files differ`);
for (const w of worst.slice(0, worstN)) {
  console.log(`${String(w.lost).padStart(4)}  ${w.name}`);
  if (verbose) console.log(`        ${w.details.join('\n        ')}`);
}
