// npm run bench:resolver [-- --verbose]
// The issuer resolver on the shared corpus: share resolved (right code), ambiguous, wrong and
// unresolved, on the truth files' issuers and on the issuers the parser itself extracts; then
// its speed. Context = the report's year and first 300 characters, as the tests give it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGazetteer } from '../src/jurisdictions/load-node';
import { matchForm } from '../src/jurisdictions/names';
import { resolveIssuer } from '../src/jurisdictions/resolve';
import type { ResolvedIssuer } from '../src/jurisdictions/types';
import { CORPUS_DIR, truthCases, type TruthCase } from '../tests/unit/jurisdictions/corpus';

const verbose = process.argv.includes('--verbose');
const pct = (n: number, d: number) => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

let t = performance.now();
const gz = loadGazetteer();
const loadAll = performance.now() - t;
t = performance.now();
loadGazetteer({ townProvinces: [] });
const loadDivisions = performance.now() - t;

const cases = truthCases();
type Outcome = 'resolved' | 'ambiguous' | 'wrong' | 'unresolved';

function outcome(r: ResolvedIssuer, c: TruthCase): Outcome {
  if (r.code === c.divisionCode) return 'resolved';
  if (r.code) return 'wrong';
  return r.flags.includes('ambiguous') ? 'ambiguous' : 'unresolved';
}

/** Towns: the truth gives no 9-digit code; a resolved town must sit under the truth's province and parent. */
function townOutcome(r: ResolvedIssuer, c: TruthCase): Outcome | 'unlisted' {
  const fits = (chain: { name: string }[]) => {
    const names = chain.map((l) => matchForm(l.name));
    return (!c.province || names[0] === matchForm(c.province)) && (!c.parent || names.includes(matchForm(c.parent)));
  };
  if (r.code) return fits(r.chain) ? 'resolved' : 'wrong';
  if (r.flags.includes('unlisted')) return fits(r.chain) ? 'unlisted' : 'wrong';
  return r.flags.includes('ambiguous') ? 'ambiguous' : 'unresolved';
}

function report(label: string, issuerOf: (c: TruthCase) => string | null) {
  const counts: Record<string, number> = {};
  const towns: Record<string, number> = {};
  let withCode = 0;
  let townCases = 0;
  let levelAgree = 0;
  let levelBoth = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const issuer = issuerOf(c);
    if (issuer === null) continue;
    const r = resolveIssuer({ issuer, context: { year: c.year, firstLines: c.firstLines } }, gz);
    if (c.divisionCode) {
      withCode++;
      const o = outcome(r, c);
      counts[o] = (counts[o] ?? 0) + 1;
      if (o !== 'resolved') misses.push(`${o.padEnd(10)} ${c.folder}/${c.id}: ${issuer} → ${r.code ?? '-'} ${r.name ?? ''} [${r.flags.join(',')}] want ${c.divisionCode}`);
      if (r.level && c.level) {
        levelBoth++;
        if (r.level === c.level) levelAgree++;
      }
    } else if (c.level === 'town') {
      townCases++;
      const o = townOutcome(r, c);
      towns[o] = (towns[o] ?? 0) + 1;
      if (o !== 'resolved') misses.push(`town ${o.padEnd(10)} ${c.folder}/${c.id}: ${issuer} → ${r.code ?? '-'} ${r.name ?? ''} [${r.flags.join(',')}]`);
    }
  }
  const row = (k: string, n: number | undefined, d: number) => `${k} ${String(n ?? 0).padStart(3)} ${pct(n ?? 0, d)}`;
  console.log(`\n${label}`);
  console.log(`  with a division code (${withCode}):  ${['resolved', 'ambiguous', 'wrong', 'unresolved'].map((k) => row(k, counts[k], withCode)).join('   ')}`);
  console.log(`  towns, no code in the truth (${townCases}):  ${['resolved', 'ambiguous', 'unlisted', 'wrong', 'unresolved'].map((k) => row(k, towns[k], townCases)).join('   ')}`);
  console.log(`  facts level agrees with the truth: ${levelAgree}/${levelBoth} (the truth calls some 人民政府办公室 reports 'department'; the resolver, the government, flagged government-office)`);
  if (verbose || misses.length <= 12) for (const m of misses) console.log('    ' + m);
}

report('Truth issuers (../shared/corpus/*/truth/*.json)', (c) => c.issuer);

// The issuers the parser extracts (what `gongkai parse` would feed the resolver).
try {
  const { parseReport } = await import('../src/parse');
  const parsed = new Map<string, string | null>();
  const { readdirSync } = await import('node:fs');
  for (const c of cases) {
    const file = readdirSync(join(CORPUS_DIR, c.folder)).find((f) => f.startsWith(c.id + '.'));
    if (!file) continue;
    const p = parseReport(readFileSync(join(CORPUS_DIR, c.folder, file)), { fileName: file });
    parsed.set(c.id, p.status === 'failed' ? null : (p.facts.issuer ?? null));
  }
  report('Parser-extracted issuers (parseReport facts.issuer; null issuers skipped)', (c) => parsed.get(c.id) ?? null);
} catch (e) {
  console.log(`\nParser-extracted issuers: skipped (${(e as Error).message})`);
}

// Speed.
function speed(label: string, inputs: { issuer: string; year: number | null; firstLines?: string }[], minMs = 1500) {
  for (const x of inputs.slice(0, 200)) resolveIssuer({ issuer: x.issuer, context: x }, gz); // warm-up
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (const x of inputs) resolveIssuer({ issuer: x.issuer, context: x }, gz);
    n += inputs.length;
  }
  const s = (performance.now() - start) / 1000;
  console.log(`  ${label.padEnd(58)} ${String(Math.round(n / s)).padStart(7)} issuers/s  (${(1e6 * s / n).toFixed(1)} µs each)`);
}
console.log('\nSpeed (one core)');
console.log(`  gazetteer load: all towns ${loadAll.toFixed(0)} ms (${gz.rows.length} rows); divisions only ${loadDivisions.toFixed(0)} ms`);
speed('corpus truth issuers + 300-char context', cases.map((c) => ({ issuer: c.issuer, year: c.year, firstLines: c.firstLines })));
const synthetic: { issuer: string; year: number | null }[] = [];
for (let i = 0; i < gz.rows.length; i += 7) {
  const r = gz.rows[i];
  if (r.kind === 'pseudo' || r.last !== null) continue;
  const parent = r.parent ? gz.latest(r.parent)?.name ?? '' : '';
  synthetic.push({ issuer: `${parent}${r.name}${r.level === 'town' ? '人民政府' : '财政局'}`, year: 2022 }, { issuer: `${r.name}人民政府办公室`, year: 2022 });
}
speed(`synthetic: every 7th current unit, 2 forms (${synthetic.length} issuers), no context`, synthetic);
