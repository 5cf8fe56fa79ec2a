// The fresh wording set (src/generate/phrasing-fresh.ts) scored per narrative fact and per metric.
// Generates the bench:accuracy sample (宁夏 2010–2018, scale 0.05) in the fresh wordings, with
// every wording wrapped to remember the sentences it wrote and the values they state; parses each
// report once; finds each sentence in the parser's text (stray characters and full-width digits
// undone) and scores the values it states there: correct, wrong (another value), missed (none).
// Spurious: a value the truth does not have, read from a line that holds a fresh sentence.
// By default it prints aggregates only (totals, per fact, per metric), so that whoever reads the
// figures does not see the wordings; `--by-wording` adds a row per wording (by number only) and
// `--examples` two misread sentences per wording: for whoever measures the parser, not for whoever
// tunes its rules.
//
//   npx tsx bench/fresh/by-fact.ts [--by-wording] [--examples]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FRESH, type FreshFact, type FreshWording, type Said } from '../../src/generate/phrasing-fresh';
import { runGenerate } from '../../src/generate/run';
import { parseReport } from '../../src/parse';
import { addScore, emptyScore, scoreReport } from '../score';
import { generatedReports, WORDINGS_SAMPLE, type GeneratedTruth, type MetricTally } from '../score-generated';

export interface FreshRow {
  key: string;
  sentences: number;
  tally: MetricTally;
  examples: string[];
}

export interface FreshMeasure {
  reports: number;
  /** Whole reports, every truth value (bench:accuracy's line). */
  total: MetricTally & { printed: number };
  byFact: FreshRow[];
  byWording: FreshRow[];
  /** Per metric over whole reports: truth values and spurious values. */
  byMetric: Record<string, MetricTally>;
}

/** The text as compared: no stray characters, no whitespace, ASCII digits. */
const norm = (t: string) => t.replace(/[\u200b?\s]/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
/** A line's sentences: pieces ending in 。 (a wording of two sentences is found by its pieces). */
const pieces = (t: string) => t.split(/(?<=。)/).filter((p) => p.length > 0);
const emptyTally = (): MetricTally => ({ correct: 0, wrong: 0, missed: 0, spurious: 0 });
const row = (key: string): FreshRow => ({ key, sentences: 0, tally: emptyTally(), examples: [] });

export async function measureFresh(): Promise<FreshMeasure> {
  /** A written sentence's first piece → its wording and the ids it states. */
  const written = new Map<string, { key: string; ids: string[]; parts: number }>();
  const originals = new Map<FreshWording<never>[], FreshWording<never>[]>();
  for (const [fact, wordings] of Object.entries(FRESH) as [FreshFact, FreshWording<never>[]][]) {
    originals.set(wordings, [...wordings]);
    wordings.forEach((w, i) => {
      wordings[i] = (c, v) => {
        const said: Said | null = w(c, v);
        if (said) {
          const p = pieces(norm(said.text));
          written.set(p[0], { key: `${fact}#${i + 1}`, ids: said.printed.map((x) => x.id), parts: p.length });
        }
        return said;
      };
    });
  }
  const byWording = new Map<string, FreshRow>();
  const byFact = new Map<string, FreshRow>();
  for (const [fact, wordings] of Object.entries(FRESH)) {
    byFact.set(fact, row(fact));
    wordings.forEach((_w, i) => byWording.set(`${fact}#${i + 1}`, row(`${fact}#${i + 1}`)));
  }
  const measure: FreshMeasure = { reports: 0, total: { ...emptyTally(), printed: 0 }, byFact: [], byWording: [], byMetric: {} };
  const total = emptyScore();
  const out = mkdtempSync(join(tmpdir(), 'gongkai-fresh-by-fact-'));
  try {
    await runGenerate({ ...WORDINGS_SAMPLE, years: [...WORDINGS_SAMPLE.years], out, wordings: 'fresh' });
    for (const [id, path] of generatedReports(out)) {
      const truth = JSON.parse(readFileSync(join(out, 'truth', `${id}.json`), 'utf8')) as GeneratedTruth;
      const parsed = parseReport(readFileSync(path), { fileName: path });
      measure.reports++;
      addScore(total, scoreReport(parsed, truth));
      const got = new Map(parsed.values.map((v) => [v.metric, v]));
      const tally = (m: string) => (measure.byMetric[m] ??= emptyTally());
      for (const [m, want] of Object.entries(truth.metrics)) {
        const v = got.get(m);
        tally(m)[!v ? 'missed' : Math.abs(v.value - want) < 0.005 ? 'correct' : 'wrong']++;
      }
      for (const v of parsed.values) if (!v.derived && !(v.metric in truth.metrics)) tally(v.metric).spurious++;

      let end = 0;
      for (const line of parsed.text.split('\n')) {
        const start = end;
        end += line.length + 1;
        const ps = pieces(norm(line));
        const found: { key: string; ids: string[] }[] = [];
        for (let i = 0; i < ps.length; i++) {
          const w = written.get(ps[i]);
          if (!w) continue;
          found.push(w);
          i += w.parts - 1;
        }
        if (found.length === 0) continue;
        for (const [n, w] of found.entries()) {
          const rows = [byWording.get(w.key)!, byFact.get(w.key.split('#')[0])!];
          for (const r of rows) r.sentences++;
          for (const m of new Set(w.ids)) {
            const v = got.get(m);
            const verdict = !v ? 'missed' : Math.abs(v.value - truth.metrics[m]) < 0.005 ? 'correct' : 'wrong';
            for (const r of rows) r.tally[verdict]++;
            const ex = rows[0].examples;
            if (verdict !== 'correct' && ex.length < 2) ex.push(`${verdict} ${m} = ${truth.metrics[m]}${v ? ` (read ${v.value})` : ''}: ${line}`);
          }
          if (n > 0) continue;
          // spurious values read from this line count against its first sentence
          for (const v of parsed.values) {
            if (v.derived || v.metric in truth.metrics || v.start < start || v.start >= end) continue;
            for (const r of rows) r.tally.spurious++;
            if (rows[0].examples.length < 2) rows[0].examples.push(`spurious ${v.metric} = ${v.value}: ${line}`);
          }
        }
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
    for (const [wordings, saved] of originals) saved.forEach((w, i) => (wordings[i] = w));
  }
  measure.total = { correct: total.correct, wrong: total.wrong, missed: total.missed, spurious: total.spurious, printed: total.printed };
  measure.byFact = [...byFact.values()];
  measure.byWording = [...byWording.values()];
  return measure;
}

const pct = (n: number, d: number) => (d === 0 ? '    —' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const line = (key: string, width: number, t: MetricTally, extra = '') => {
  const n = t.correct + t.wrong + t.missed;
  return `${key.padEnd(width)}${extra} values ${String(n).padStart(5)}  correct ${String(t.correct).padStart(5)} (${pct(t.correct, n)})  wrong ${String(t.wrong).padStart(4)}  missed ${String(t.missed).padStart(4)}  spurious ${String(t.spurious).padStart(3)}`;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = await measureFresh();
  const t = m.total;
  console.log(`fresh wordings: ${m.reports} reports (宁夏 2010–2018, scale 0.05, seed 1)`);
  console.log(`${line('all values', 22, t)} (${pct(t.spurious, t.printed).trim()} of ${t.printed} printed)`);
  console.log('\nper fact (values the fact\'s sentences state):');
  for (const r of m.byFact) console.log(line(r.key, 22, r.tally, ` sentences ${String(r.sentences).padStart(4)}`));
  console.log('\nper metric (whole reports):');
  for (const [id, tally] of Object.entries(m.byMetric).sort((a, b) => a[0].localeCompare(b[0]))) console.log(line(id, 26, tally));
  const byWording = process.argv.includes('--by-wording');
  const examples = process.argv.includes('--examples');
  if (byWording || examples) {
    console.log('\nper wording:');
    for (const r of m.byWording) {
      console.log(line(r.key, 22, r.tally, ` sentences ${String(r.sentences).padStart(4)}`));
      if (examples) for (const e of r.examples) console.log(`    ${e}`);
    }
  }
}
