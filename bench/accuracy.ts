// npm run bench:accuracy [-- --verbose] [corpus root]
// Scores the parser against every truth/*.json under the shared corpus, per folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../src/parse';
import { addScore, emptyScore, scoreReport, type Truth } from './score';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const root = args.find((a) => !a.startsWith('--')) ?? join(import.meta.dirname, '../../shared/corpus');

const pct = (n: number, d: number) => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

let allOk = true;
for (const folder of readdirSync(root).sort()) {
  const truthDir = join(root, folder, 'truth');
  if (!existsSync(truthDir)) continue;
  const total = emptyScore();
  let reports = 0;
  let unavailable = 0;
  for (const name of readdirSync(truthDir).filter((n) => n.endsWith('.json')).sort()) {
    const truth = JSON.parse(readFileSync(join(truthDir, name), 'utf8')) as Truth;
    const id = name.replace(/\.json$/, '');
    const source = ['.txt', '.html', '.htm', '.pdf'].map((ext) => join(root, folder, id + ext)).find(existsSync);
    if (!source) {
      unavailable++;
      continue;
    }
    const parsed = parseReport(readFileSync(source), { fileName: source });
    if (parsed.status === 'failed' && source.endsWith('.pdf')) {
      unavailable++;
      continue;
    }
    reports++;
    const score = scoreReport(parsed, truth);
    addScore(total, score);
    if (verbose && score.details.length > 0) console.log(`\n${folder}/${id}\n  ${score.details.join('\n  ')}`);
  }
  const truthValues = total.correct + total.wrong + total.missed;
  console.log(
    `${folder.padEnd(6)} reports ${String(reports).padStart(3)}  truth values ${String(truthValues).padStart(4)}  ` +
      `correct ${String(total.correct).padStart(4)} (${pct(total.correct, truthValues)})  wrong ${String(total.wrong).padStart(3)}  ` +
      `missed ${String(total.missed).padStart(3)}  spurious ${String(total.spurious).padStart(3)} (${pct(total.spurious, total.printed)} of ${total.printed} printed)` +
      (unavailable ? `  [${unavailable} report(s) not parseable yet: PDF input]` : ''),
  );
  if (total.wrong + total.missed + total.spurious > 0) allOk = false;
}
if (!allOk && !verbose) console.log('(run with -- --verbose for every miss)');
