// npm run bench:parse-sameness [-- --ref COMMIT] [--quick] — proof that a parser change altered no output: parses
// every input with the parser at COMMIT (default HEAD: the working tree's uncommitted change; its src/parse,
// src/shared and src/jurisdictions unpacked from git into tmp/) and with the working tree's, and compares the
// JSON of each ParsedReport byte for byte. Inputs: every .txt/.html file of ../shared/corpus and data/corpus, each
// corpus report with narrative values printed the 18 ways of bench:narrative-variants, and generated reports
// (宁夏, scale 0.05: 2010–2018 in the held-out wordings, 2019–2022 in the tested ones); `--quick` skips the
// generated ones. Prints the count of identical and different outputs and the first differences; exits 1 on any.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGenerate } from '../src/generate/run';
import { parseReport as parseCurrent } from '../src/parse';
import { NARRATIVE_VARIANTS, narrativeReports, tableLines } from '../tests/helpers/narrative-variants';
import { parserAtCommit } from './parser-at-commit';
import { generatedReports } from './score-generated';

const ROOT = join(import.meta.dirname, '..');
const SHARED = join(ROOT, '../shared/corpus');
const args = process.argv.slice(2);
const REF = args.includes('--ref') ? args[args.indexOf('--ref') + 1] : 'HEAD';


const parseRef = await parserAtCommit(REF, 'sameness-parser');
let same = 0;
const differ: string[] = [];

function compare(name: string, input: Uint8Array | string, fileName: string): void {
  const a = JSON.stringify(parseRef(input, { fileName }));
  const b = JSON.stringify(parseCurrent(input, { fileName }));
  if (a === b) {
    same++;
    return;
  }
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  differ.push(`${name}: first difference at JSON offset ${at}\n  ref: …${a.slice(Math.max(0, at - 80), at + 80)}\n  now: …${b.slice(Math.max(0, at - 80), at + 80)}`);
}

function report(label: string, before: number, differBefore: number): void {
  console.log(`${label.padEnd(34)} ${String(same - before + differ.length - differBefore).padStart(6)} inputs  ${String(differ.length - differBefore).padStart(4)} differ`);
}

let mark = [same, differ.length] as const;
for (const root of [SHARED, join(ROOT, 'data/corpus')]) {
  for (const folder of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, folder)).filter((f) => /\.(txt|html?)$/.test(f)).sort()) {
      compare(`${root === SHARED ? 'shared' : 'data'}/${folder}/${file}`, new Uint8Array(readFileSync(join(root, folder, file))), file);
    }
  }
}
report('corpus files (shared, data)', ...mark);

mark = [same, differ.length];
for (const r of narrativeReports(SHARED)) {
  const kept = tableLines(r.text, parseCurrent(r.text, { fileName: 'reference.txt' }).values);
  for (const v of NARRATIVE_VARIANTS) compare(`${r.name} as ${v.name}`, v.apply(r.text, kept).text, v.form === 'html' ? 'variant.html' : 'variant.txt');
}
report('corpus prose, 18 variants', ...mark);

if (!args.includes('--quick')) {
  for (const [label, years, wordings] of [
    ['generated 2010–2018, held-out', [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018], 'heldout'],
    ['generated 2019–2022, tested', [2019, 2020, 2021, 2022], 'tested'],
  ] as const) {
    mark = [same, differ.length];
    const out = mkdtempSync(join(tmpdir(), 'gongkai-sameness-'));
    try {
      await runGenerate({ province: '64', years: [...years], seed: 1, scale: 0.05, noise: 'default', out, wordings });
      for (const [id, path] of generatedReports(out)) compare(`generated ${id}`, new Uint8Array(readFileSync(path)), path);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    report(label, ...mark);
  }
}

console.log(`parser at ${REF} against the working tree: ${same} identical, ${differ.length} different`);
for (const d of differ.slice(0, 10)) console.log(d);
process.exit(differ.length === 0 ? 0 : 1);
