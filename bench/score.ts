// Scores parser output against a truth file (../shared/corpus/*/truth/*.json format).
import type { ParsedReport } from '../src/parse';

export interface Truth {
  id: string;
  metrics: Record<string, number>;
  approx?: string[];
  year?: number;
  template?: string;
}

export interface Score {
  correct: number;
  wrong: number;
  missed: number;
  spurious: number;
  /** Values the parser printed (not derived): the denominator of the spurious share. */
  printed: number;
  details: string[];
}

export const emptyScore = (): Score => ({ correct: 0, wrong: 0, missed: 0, spurious: 0, printed: 0, details: [] });

export function scoreReport(parsed: ParsedReport, truth: Truth): Score {
  const score = emptyScore();
  const got = new Map(parsed.values.map((v) => [v.metric, v]));
  for (const [metric, expected] of Object.entries(truth.metrics)) {
    const v = got.get(metric);
    if (!v) {
      score.missed++;
      score.details.push(`missed   ${metric} = ${expected}`);
    } else if (Math.abs(v.value - expected) < 0.005) score.correct++;
    else {
      score.wrong++;
      score.details.push(`wrong    ${metric} = ${v.value}, truth ${expected}  «${parsed.text.slice(Math.max(0, v.start - 20), v.end + 4).replace(/\s+/g, ' ')}»`);
    }
  }
  for (const v of parsed.values) {
    if (v.derived) continue;
    score.printed++;
    if (!(v.metric in truth.metrics)) {
      score.spurious++;
      score.details.push(`spurious ${v.metric} = ${v.value}  «${parsed.text.slice(Math.max(0, v.start - 24), v.end + 4).replace(/\s+/g, ' ')}»`);
    }
  }
  return score;
}

export function addScore(into: Score, from: Score): void {
  into.correct += from.correct;
  into.wrong += from.wrong;
  into.missed += from.missed;
  into.spurious += from.spurious;
  into.printed += from.printed;
}
