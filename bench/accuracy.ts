// npm run bench:accuracy [-- --verbose] [corpus root]
// Scores the parser against every truth/*.json under the shared corpus, per folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_INPUT } from '../src/ingest/input-node';
import { parseDocument } from '../src/parse/input';
import { chromiumPrints, libreOfficeFiles, PRODUCER_SOURCES, wordDocx } from '../tests/helpers/producers';
import { formatGeneratedScore, scoreWordings } from './score-generated';
import { addFactScore, addScore, emptyFactScore, emptyScore, FACT_FIELDS, scoreFacts, scoreReport, type FactScore, type Truth } from './score';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const root = args.find((a) => !a.startsWith('--')) ?? join(import.meta.dirname, '../../shared/corpus');

const pct = (n: number, d: number) => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

let allOk = true;
const factTotals: [string, FactScore][] = [];
for (const folder of readdirSync(root).sort()) {
  const truthDir = join(root, folder, 'truth');
  if (!existsSync(truthDir)) continue;
  const total = emptyScore();
  const facts = emptyFactScore();
  let reports = 0;
  let unavailable = 0;
  for (const name of readdirSync(truthDir).filter((n) => n.endsWith('.json')).sort()) {
    const truth = JSON.parse(readFileSync(join(truthDir, name), 'utf8')) as Truth;
    const id = name.replace(/\.json$/, '');
    const source = ['.txt', '.html', '.htm', '.pdf', '.docx', '.doc', '.mht', '.mhtml'].map((ext) => join(root, folder, id + ext)).find(existsSync);
    if (!source) {
      unavailable++;
      continue;
    }
    const parsed = await parseDocument(new Uint8Array(readFileSync(source)), { fileName: source, ...NODE_INPUT });
    reports++;
    const score = scoreReport(parsed, truth);
    addScore(total, score);
    const factScore = scoreFacts(parsed, truth);
    addFactScore(facts, factScore);
    const details = [...score.details, ...FACT_FIELDS.flatMap((f) => factScore[f].details)];
    if (verbose && details.length > 0) console.log(`\n${folder}/${id}\n  ${details.join('\n  ')}`);
  }
  const truthValues = total.correct + total.wrong + total.missed;
  console.log(
    `${folder.padEnd(6)} reports ${String(reports).padStart(3)}  truth values ${String(truthValues).padStart(4)}  ` +
      `correct ${String(total.correct).padStart(4)} (${pct(total.correct, truthValues)})  wrong ${String(total.wrong).padStart(3)}  ` +
      `missed ${String(total.missed).padStart(3)}  spurious ${String(total.spurious).padStart(3)} (${pct(total.spurious, total.printed)} of ${total.printed} printed)` +
      (unavailable ? `  [${unavailable} truth file(s) without a report file]` : ''),
  );
  if (total.wrong + total.missed + total.spurious > 0) allOk = false;
  if (reports > 0) factTotals.push([folder, facts]);
}

// "producers": corpus reports as LibreOffice (.docx, .doc, .pdf; tests/fixtures/producers),
// Chromium's print (ruled and borderless; printed now) and Word's .docx (made now) write them, scored against the truth of
// the report they were made from. The refused .rtf/.wps fixtures are left out.
{
  const files = libreOfficeFiles().filter((f) => !f.file.refused);
  for (const source of PRODUCER_SOURCES) files.push(...(await chromiumPrints(source)), wordDocx(source));
  const total = emptyScore();
  const facts = emptyFactScore();
  for (const { file, bytes } of files) {
    const truth = JSON.parse(readFileSync(join(root, file.source.replace(/\/([^/]+)\.\w+$/, '/truth/$1.json')), 'utf8')) as Truth;
    const parsed = await parseDocument(bytes, { fileName: file.name, ...NODE_INPUT });
    const score = scoreReport(parsed, truth);
    addScore(total, score);
    const factScore = scoreFacts(parsed, truth);
    addFactScore(facts, factScore);
    const details = [...score.details, ...FACT_FIELDS.flatMap((f) => factScore[f].details)];
    if (verbose && details.length > 0) console.log(`\nproducers/${file.name}\n  ${details.join('\n  ')}`);
  }
  factTotals.push(['producers', facts]);
  const truthValues = total.correct + total.wrong + total.missed;
  console.log(
    `${'producers'.padEnd(6)} files ${String(files.length).padStart(3)}  truth values ${String(truthValues).padStart(4)}  ` +
      `correct ${String(total.correct).padStart(4)} (${pct(total.correct, truthValues)})  wrong ${String(total.wrong).padStart(3)}  ` +
      `missed ${String(total.missed).padStart(3)}  spurious ${String(total.spurious).padStart(3)} (${pct(total.spurious, total.printed)} of ${total.printed} printed)`,
  );
  if (total.wrong + total.missed + total.spurious > 0) allOk = false;
}

// Generated narrative reports (宁夏 2010–2018, scale 0.05) in the wordings no test reads: the
// held-out set (src/generate/phrasing.ts, read once by a rule tuner) and the unseen set
// (src/generate/phrasing-unseen.ts, kept from rule tuning) and the fresh set (src/generate/phrasing-fresh.ts,
// written at stop 14 when the unseen set had been read too; per fact: bench/fresh/by-fact.ts): how the
// narrative rules fare on words they were not written from. Not part of the 0-error goal of the corpora above.
for (const [name, set] of [['held-out wordings', 'heldout'], ['unseen wordings', 'unseen'], ['fresh wordings', 'fresh']] as const) {
  const s = await scoreWordings(set);
  const truthValues = s.correct + s.wrong + s.missed;
  console.log(
    `${name.padEnd(17)} reports ${String(s.reports).padStart(4)}  truth values ${String(truthValues).padStart(5)}  ` +
      `correct ${String(s.correct).padStart(5)} (${pct(s.correct, truthValues)})  wrong ${String(s.wrong).padStart(3)}  ` +
      `missed ${String(s.missed).padStart(4)}  spurious ${String(s.spurious).padStart(3)} (${pct(s.spurious, s.printed)} of ${s.printed} printed)`,
  );
  if (verbose) console.log(formatGeneratedScore(s));
}

// Report facts, per folder and field: correct / wrong / missing (null where the truth has a
// value). Names are compared in simplified characters without whitespace; a truth issuer
// with 某 (a body the report never names) expects null.
console.log('\nfacts   field          correct  wrong  missing');
for (const [folder, facts] of factTotals) {
  for (const field of FACT_FIELDS) {
    const f = facts[field];
    const n = f.correct + f.wrong + f.missing;
    if (n === 0) continue;
    console.log(
      `${folder.padEnd(6)}  ${field.padEnd(12)} ${String(f.correct).padStart(4)}/${String(n).padEnd(4)} ${pct(f.correct, n)}  ` +
        `${String(f.wrong).padStart(4)}  ${String(f.missing).padStart(6)}`,
    );
    if (f.wrong + f.missing > 0) allOk = false;
  }
}
if (!allOk && !verbose) console.log('(run with -- --verbose for every miss)');
