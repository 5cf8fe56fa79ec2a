// Per wording of the unseen set: how many of the values its sentences state the parser reads
// right, wrong or not at all. Generates the bench:accuracy sample (宁夏 2010–2018, scale 0.05)
// with every unseen wording wrapped to remember the sentences it wrote, then finds each sentence
// in the parser's text (stray characters and full-width digits undone) and scores the metrics of
// its fact there. For whoever measures the parser, not for whoever tunes its rules.
//
//   npx tsx bench/unseen-by-wording.ts [--examples]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UNSEEN, type Ctx, type Said } from '../src/generate/phrasing-unseen';
import { runGenerate } from '../src/generate/run';
import { parseReport } from '../src/parse';
import { generatedReports, WORDINGS_SAMPLE, type GeneratedTruth, type MetricTally } from './score-generated';

const FACT_METRICS: Record<keyof typeof UNSEEN, string[]> = {
  PROACTIVE_TOTAL: ['p.total', 'p.cumulative'],
  PROACTIVE_CHANNELS: ['p.website', 'p.other_channels'],
  REQUESTS_NEW: ['r.new.total'],
  REQUESTS_NONE: ['r.new.total'],
  OUTCOMES: ['r.granted.total', 'r.partial.total', 'r.denied.total.total', 'r.unable.not_held.total'],
  HANDLED: ['r.handled.total'],
  CARRIED_OUT: ['r.carried_out.total'],
  FEE: ['fee.collected_yuan'],
  FEE_NONE: ['fee.collected_yuan'],
  REVIEW: ['rv.total', 'lit.total'],
  REVIEW_NONE: ['rv.total', 'lit.total'],
};

const norm = (t: string) => t.replace(/[\u200b?\s]/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

export async function byWording(): Promise<{ key: string; sentences: number; tally: MetricTally; examples: string[] }[]> {
  const written = new Map<string, string>();
  for (const [fact, wordings] of Object.entries(UNSEEN) as [string, ((c: Ctx, v: never) => Said)[]][]) {
    wordings.forEach((w, i) => {
      wordings[i] = (c: Ctx, v: never) => {
        const said = w(c, v);
        written.set(norm(said.text), `${fact}#${i + 1}`);
        return said;
      };
    });
  }
  const rows = new Map<string, { key: string; sentences: number; tally: MetricTally; examples: string[] }>();
  for (const [fact, wordings] of Object.entries(UNSEEN)) wordings.forEach((_w, i) => rows.set(`${fact}#${i + 1}`, { key: `${fact}#${i + 1}`, sentences: 0, tally: { correct: 0, wrong: 0, missed: 0, spurious: 0 }, examples: [] }));
  const out = mkdtempSync(join(tmpdir(), 'gongkai-unseen-by-wording-'));
  try {
    await runGenerate({ ...WORDINGS_SAMPLE, years: [...WORDINGS_SAMPLE.years], out, wordings: 'unseen' });
    for (const [id, path] of generatedReports(out)) {
      const truth = JSON.parse(readFileSync(join(out, 'truth', `${id}.json`), 'utf8')) as GeneratedTruth;
      if (truth.template !== 'narrative') continue;
      const parsed = parseReport(readFileSync(path));
      const got = new Map(parsed.values.map((v) => [v.metric, v]));
      let end = 0;
      for (const line of parsed.text.split('\n')) {
        const start = end;
        end += line.length + 1;
        const key = written.get(norm(line));
        if (!key) continue;
        const row = rows.get(key)!;
        row.sentences++;
        for (const metric of FACT_METRICS[key.split('#')[0] as keyof typeof UNSEEN]) {
          const v = got.get(metric);
          if (!(metric in truth.metrics)) {
            if (v && !v.derived && v.start >= start && v.start < end) row.tally.spurious++;
            continue;
          }
          const verdict = !v ? 'missed' : Math.abs(v.value - truth.metrics[metric]) < 0.005 ? 'correct' : 'wrong';
          row.tally[verdict]++;
          if (verdict !== 'correct' && row.examples.length < 2) row.examples.push(`${verdict} ${metric} = ${truth.metrics[metric]}${v ? ` (read ${v.value})` : ''}: ${line}`);
        }
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return [...rows.values()];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const examples = process.argv.includes('--examples');
  for (const { key, sentences, tally: t, examples: ex } of await byWording()) {
    const n = t.correct + t.wrong + t.missed;
    console.log(`${key.padEnd(22)} sentences ${String(sentences).padStart(4)}  values ${String(n).padStart(4)}  correct ${String(t.correct).padStart(4)} (${n ? `${((100 * t.correct) / n).toFixed(0)}%` : '—'})  wrong ${t.wrong}  missed ${t.missed}  spurious ${t.spurious}`);
    if (examples) for (const e of ex) console.log(`    ${e}`);
  }
}
