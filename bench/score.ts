// Scores parser output against a truth file (../shared/corpus/*/truth/*.json format).
import type { ParsedReport } from '../src/parse';
import { normaliseText } from '../src/parse/normalise/text';

export interface Truth {
  id: string;
  metrics: Record<string, number>;
  approx?: string[];
  issuer?: string | null;
  jurisdiction?: string | null;
  level?: string | null;
  scope?: string | null;
  year?: number;
  template?: string;
  published?: string | null;
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

// ---- Report facts -------------------------------------------------------------------------

export const FACT_FIELDS = ['issuer', 'jurisdiction', 'level', 'scope', 'year', 'template', 'published'] as const;
export type FactField = (typeof FACT_FIELDS)[number];

/** Per field: correct, wrong (a value other than the truth's), missing (null where truth has a value). */
export type FactScore = Record<FactField, { correct: number; wrong: number; missing: number; details: string[] }>;

export const emptyFactScore = (): FactScore =>
  Object.fromEntries(FACT_FIELDS.map((f) => [f, { correct: 0, wrong: 0, missing: 0, details: [] as string[] }])) as FactScore;

/** Simplified characters, full-width → ASCII, no whitespace: how names are compared. */
export const normName = (t: string): string => normaliseText(t).s.replace(/\s+/g, '');

/**
 * The truth's issuer as the parser can know it, or null when the report does not name it.
 * Truth files add notes in a trailing parenthesis (广州市民政局（正文未出现机关名称）,
 * 区档案局（增城区，据…推断）); they are dropped. A name with 某 (北京市通州区某局) is a
 * placeholder for a body the report never names: the right answer is null, and a null
 * counts as correct there.
 */
export function truthIssuer(issuer: string): string | null {
  const t = normName(issuer).replace(/[(（][^()（）]*[)）]$/, '');
  return t.includes('某') ? null : t;
}

function factOf(field: FactField, parsed: ParsedReport, truth: Truth): { got: string | null; want: string | null } | null {
  const f = parsed.facts;
  const raw = truth[field];
  if (raw === undefined || raw === null || raw === '') return null;
  switch (field) {
    case 'issuer':
      return { got: f.issuer === null ? null : normName(f.issuer), want: truthIssuer(String(raw)) };
    case 'jurisdiction':
      return { got: f.jurisdiction === null ? null : normName(f.jurisdiction), want: normName(String(raw)) };
    case 'year':
      return { got: f.year === null ? null : String(f.year), want: String(raw) };
    default:
      return { got: f[field] ?? null, want: String(raw) };
  }
}

export function scoreFacts(parsed: ParsedReport, truth: Truth): FactScore {
  const score = emptyFactScore();
  for (const field of FACT_FIELDS) {
    const pair = factOf(field, parsed, truth);
    if (!pair) continue;
    const s = score[field];
    if (pair.got === pair.want) s.correct++;
    else if (pair.got === null) {
      s.missing++;
      s.details.push(`missing  ${field}: truth ${pair.want}`);
    } else {
      s.wrong++;
      s.details.push(`wrong    ${field}: ${pair.got}, truth ${pair.want ?? 'null (not named in the report)'}`);
    }
  }
  return score;
}

export function addFactScore(into: FactScore, from: FactScore): void {
  for (const field of FACT_FIELDS) {
    into[field].correct += from[field].correct;
    into[field].wrong += from[field].wrong;
    into[field].missing += from[field].missing;
  }
}
