// Scores every report of a `gongkai generate` output (<out>/<province>/<year>/<id>.txt|html)
// against its truth (<out>/truth/<id>.json) with the real parser, and checks that the
// arithmetic errors the generator injected are flagged (and that clean reports pass).
//
//   tsx bench/score-generated.ts <out>            prints totals and the worst reports
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Wordings } from '../src/generate/phrasing';
import { runGenerate } from '../src/generate/run';
import { parseReport, type ParsedReport } from '../src/parse';
import { addFactScore, emptyFactScore, scoreFacts, scoreReport, type FactScore, type Truth } from './score';

export interface GeneratedTruth extends Truth {
  synthetic: true;
  division_code: string;
  format?: 'txt' | 'html';
  encoding?: 'utf-8' | 'gbk';
  noise?: string[];
  injected_errors?: { metric: string; printed: number; correct: number; check: string }[];
}

export interface GeneratedScore {
  reports: number;
  correct: number;
  wrong: number;
  missed: number;
  spurious: number;
  printed: number;
  facts: FactScore;
  /** Reports the parser marked synthetic (should be all). */
  syntheticFlagged: number;
  /** Injected errors whose check failed, and those it missed. */
  errorsFlagged: number;
  errorsMissed: string[];
  /** Clean reports (no injected error) with a failing check: a false alarm (or a generator bug). */
  falseAlarms: string[];
  /** Per metric id: how its truth values and printed values fared (where the misses are). */
  byMetric: Record<string, MetricTally>;
  /** The reports with the most misses, wrong or spurious values: id, count, details. */
  worst: { id: string; errors: number; details: string[] }[];
}

export interface MetricTally {
  correct: number;
  wrong: number;
  missed: number;
  spurious: number;
}

function tallyMetrics(parsed: ParsedReport, truth: GeneratedTruth, into: Record<string, MetricTally>): void {
  const tally = (id: string) => (into[id] ??= { correct: 0, wrong: 0, missed: 0, spurious: 0 });
  const got = new Map(parsed.values.map((v) => [v.metric, v]));
  for (const [id, expected] of Object.entries(truth.metrics)) {
    const v = got.get(id);
    tally(id)[!v ? 'missed' : Math.abs(v.value - expected) < 0.005 ? 'correct' : 'wrong']++;
  }
  for (const v of parsed.values) if (!v.derived && !(v.metric in truth.metrics)) tally(v.metric).spurious++;
}

/** Every report file under `out` (not truth/), as [id, path], sorted. */
export function generatedReports(out: string): [string, string][] {
  const files: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (dir === out && entry.name === 'truth') continue;
        walk(path);
      } else if (/\.(txt|html)$/.test(entry.name)) files.push([entry.name.replace(/\.(txt|html)$/, ''), path]);
    }
  };
  walk(out);
  return files.sort((a, b) => a[0].localeCompare(b[0]));
}

export function scoreGeneratedReport(parsed: ParsedReport, truth: GeneratedTruth, into: GeneratedScore, id: string): void {
  const s = scoreReport(parsed, truth);
  into.correct += s.correct;
  into.wrong += s.wrong;
  into.missed += s.missed;
  into.spurious += s.spurious;
  into.printed += s.printed;
  addFactScore(into.facts, scoreFacts(parsed, truth));
  tallyMetrics(parsed, truth, into.byMetric);
  into.reports++;
  if (parsed.facts.synthetic) into.syntheticFlagged++;
  const errors = s.wrong + s.missed + s.spurious;
  if (errors > 0) into.worst.push({ id, errors, details: s.details });
  const injected = truth.injected_errors ?? [];
  for (const e of injected) {
    if (parsed.checks.some((c) => c.id === e.check && c.status === 'fail')) into.errorsFlagged++;
    else into.errorsMissed.push(`${id}: ${e.metric} printed ${e.printed} (correct ${e.correct}), check ${e.check} did not fail`);
  }
  if (injected.length === 0) {
    const failing = parsed.checks.filter((c) => c.status === 'fail');
    if (failing.length > 0) into.falseAlarms.push(`${id}: ${failing.map((c) => `${c.id} (expected ${c.expected}, actual ${c.actual})`).join('; ')}`);
  }
}

/** Parses and scores every report of a generated set; `worst` keeps the `keepWorst` reports with the most errors. */
export function scoreGenerated(out: string, keepWorst = 20): GeneratedScore {
  const score: GeneratedScore = {
    reports: 0,
    correct: 0,
    wrong: 0,
    missed: 0,
    spurious: 0,
    printed: 0,
    facts: emptyFactScore(),
    syntheticFlagged: 0,
    errorsFlagged: 0,
    errorsMissed: [],
    falseAlarms: [],
    byMetric: {},
    worst: [],
  };
  for (const [id, path] of generatedReports(out)) {
    const truth = JSON.parse(readFileSync(join(out, 'truth', `${id}.json`), 'utf8')) as GeneratedTruth;
    const parsed = parseReport(readFileSync(path), { fileName: path });
    scoreGeneratedReport(parsed, truth, score, id);
    if (score.worst.length > keepWorst * 4) score.worst = score.worst.sort((a, b) => b.errors - a.errors || a.id.localeCompare(b.id)).slice(0, keepWorst);
  }
  score.worst = score.worst.sort((a, b) => b.errors - a.errors || a.id.localeCompare(b.id)).slice(0, keepWorst);
  return score;
}

/** The set bench:accuracy scores each wording set on: 宁夏 2010–2018 (narrative years), scale 0.05, about 1,200 reports. */
export const WORDINGS_SAMPLE = { province: '64', years: [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018], seed: 1, scale: 0.05, noise: 'default' } as const;

/** Generates the sample with one wording set in a temporary folder, scores it, and removes the folder. */
export async function scoreWordings(wordings: Wordings): Promise<GeneratedScore> {
  const out = mkdtempSync(join(tmpdir(), `gongkai-wordings-${wordings}-`));
  try {
    await runGenerate({ ...WORDINGS_SAMPLE, years: [...WORDINGS_SAMPLE.years], out, wordings });
    return scoreGenerated(out);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function formatGeneratedScore(s: GeneratedScore): string {
  const truthValues = s.correct + s.wrong + s.missed;
  const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(3)}%`);
  const lines = [
    `reports ${s.reports} (marked synthetic by the parser: ${s.syntheticFlagged})`,
    `values  correct ${s.correct} · wrong ${s.wrong} · missed ${s.missed} · spurious ${s.spurious} of ${s.printed} printed → ${pct(s.correct, truthValues)} correct`,
    `facts   ${Object.entries(s.facts).map(([f, x]) => `${f} ${pct(x.correct, x.correct + x.wrong + x.missing)}`).join(' · ')}`,
    `checks  injected errors flagged ${s.errorsFlagged}, missed ${s.errorsMissed.length}; false alarms on clean reports ${s.falseAlarms.length}`,
  ];
  const faulty = Object.entries(s.byMetric).filter(([, t]) => t.wrong + t.missed + t.spurious > 0);
  if (faulty.length > 0) {
    lines.push('by metric (correct / wrong / missed / spurious):');
    for (const [id, t] of faulty.sort((a, b) => a[0].localeCompare(b[0]))) lines.push(`  ${id.padEnd(26)} ${t.correct} / ${t.wrong} / ${t.missed} / ${t.spurious}`);
  }
  for (const w of s.worst.slice(0, 10)) lines.push(`  ${w.id}: ${w.details.slice(0, 4).join(' | ')}`);
  for (const m of [...s.errorsMissed, ...s.falseAlarms].slice(0, 10)) lines.push(`  ${m}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: tsx bench/score-generated.ts <generated dir>');
    process.exit(2);
  }
  const t0 = performance.now();
  const s = scoreGenerated(out);
  console.log(formatGeneratedScore(s));
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
