// npx tsx bench/facts-generated.ts [--province 15,53] [--years 2016,2020,2023] [--verbose]
// Report facts (issuer, jurisdiction, level, scope) on generated reports of whole provinces: every
// division the gazetteer holds, with its own names (丰镇市, 东乡族自治县, 金林区, 文化街街道…),
// which no corpus holds. Prints per province: reports, and wrong / missing per field; --verbose
// lists each wrong fact. Generation and parsing run in this process (temporary folder, removed).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGenerate } from '../src/generate/run';
import { parseReport } from '../src/parse';
import { generatedReports, WORDINGS_SAMPLE } from './score-generated';
import { scoreFacts, type Truth } from './score';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const verbose = args.includes('--verbose');
const provinces = arg('--province', '13,14,15,22,23,36,41,43,44,53,62,64').split(',');
const years = arg('--years', '2016,2020,2023').split(',').map(Number);
const FIELDS = ['issuer', 'jurisdiction', 'level', 'scope'] as const;

for (const province of provinces) {
  const out = mkdtempSync(join(tmpdir(), `gongkai-facts-${province}-`));
  try {
    await runGenerate({ ...WORDINGS_SAMPLE, province, years, out, wordings: 'heldout' });
    const tally = Object.fromEntries(FIELDS.map((f) => [f, { wrong: 0, missing: 0 }]));
    const wrong: string[] = [];
    let reports = 0;
    for (const [id, path] of generatedReports(out)) {
      const truth = JSON.parse(readFileSync(join(out, 'truth', `${id}.json`), 'utf8')) as Truth;
      const s = scoreFacts(parseReport(readFileSync(path), { fileName: path }), truth);
      reports++;
      for (const f of FIELDS) {
        tally[f].wrong += s[f].wrong;
        tally[f].missing += s[f].missing;
        for (const d of s[f].details) if (d.startsWith('wrong')) wrong.push(`  ${id}: ${d}`);
      }
    }
    console.log(`province ${province}  reports ${reports}  ` + FIELDS.map((f) => `${f} wrong ${tally[f].wrong} missing ${tally[f].missing}`).join(' · '));
    if (verbose) for (const line of wrong) console.log(line);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
