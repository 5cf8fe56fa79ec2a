// npx tsx bench/facts-probe.ts [--verbose]
// Robustness of the report facts: every text/HTML corpus report parsed as stored, with its title
// (and crawler header) removed, cut to its first 1,500 characters and with its second half cut
// off. Prints per variant and field: correct / wrong / missing against the truth. A wrong fact
// (a value other than the truth's) is what this probe looks for: a missing one is honest.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../src/parse';
import { addFactScore, emptyFactScore, scoreFacts, type FactScore, type Truth } from './score';

const verbose = process.argv.includes('--verbose');
const root = join(import.meta.dirname, '../../shared/corpus');
const FIELDS = ['issuer', 'jurisdiction', 'level', 'scope'] as const;

/** The text after its title: drops a crawler header, then every line up to and including the first that names a report. */
function withoutTitle(text: string): string {
  const body = text.includes('==== 正文 ====') ? text.slice(text.indexOf('\n', text.indexOf('==== 正文 ====')) + 1) : text;
  const lines = body.split('\n');
  const at = lines.findIndex((l, i) => i < 12 && /报告|報告/.test(l) && l.length < 80);
  return at < 0 ? body : lines.slice(at + 1).join('\n');
}

const VARIANTS: [string, (t: string) => string][] = [
  ['as stored', (t) => t],
  ['no title', withoutTitle],
  ['first 1500', (t) => t.slice(0, 1500)],
  ['first half', (t) => t.slice(0, Math.floor(t.length / 2))],
];

for (const [variant, cut] of VARIANTS) {
  const total: FactScore = emptyFactScore();
  const lines: string[] = [];
  for (const folder of readdirSync(root).sort()) {
    const truthDir = join(root, folder, 'truth');
    if (!existsSync(truthDir)) continue;
    for (const name of readdirSync(truthDir).filter((n) => n.endsWith('.json')).sort()) {
      const id = name.replace(/\.json$/, '');
      const source = ['.txt', '.html'].map((ext) => join(root, folder, id + ext)).find(existsSync);
      if (!source) continue;
      const truth = JSON.parse(readFileSync(join(truthDir, name), 'utf8')) as Truth;
      const text = cut(readFileSync(source, 'utf8'));
      const s = scoreFacts(parseReport(text, { fileName: source }), truth);
      addFactScore(total, s);
      const wrong = FIELDS.flatMap((f) => s[f].details.filter((d) => d.startsWith('wrong')));
      if (wrong.length > 0) lines.push(`  ${folder}/${id}: ${wrong.join(' | ')}`);
    }
  }
  const figures = FIELDS.map((f) => `${f} ${total[f].correct}/${total[f].wrong}/${total[f].missing}`).join('  ');
  console.log(`${variant.padEnd(11)} (correct/wrong/missing)  ${figures}`);
  if (verbose) for (const l of lines) console.log(l);
}
