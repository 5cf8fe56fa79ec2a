import { DENIED_REASONS, APPLICANT_TYPES, wideColumnName } from '../../shared/wide-metrics';
import { type BodiesInput, type BuiltQuery, pickedReports, withBodyNames } from './query';

/** Chosen bodies (keys); none means every own report summed per year. */
export type BreakdownInput = BodiesInput;

/** The parts of a whole; `rest` is what the whole states beyond the parts it itemises. */
interface Parts {
  whole: string;
  parts: readonly string[];
  rest?: { name: string; of: string; minus: readonly string[] };
}

const col = (metric: string) => wideColumnName(metric);

export const OUTCOME_PARTS: Parts = {
  whole: col('r.handled.total'),
  parts: [
    col('r.granted.total'),
    col('r.partial.total'),
    ...DENIED_REASONS.map((r) => col(`r.denied.${r}.total`)),
    col('r.unable.total.total'),
    col('r.rejected.total.total'),
    col('r.other.total.total'),
  ],
  rest: { name: 'denied_unitemised', of: col('r.denied.total.total'), minus: DENIED_REASONS.map((r) => col(`r.denied.${r}.total`)) },
};

export const APPLICANT_PARTS: Parts = {
  whole: col('r.new.total'),
  parts: APPLICANT_TYPES.map((t) => col(`r.new.${t}`)),
  rest: { name: 'applicant_unitemised', of: col('r.new.total'), minus: APPLICANT_TYPES.map((t) => col(`r.new.${t}`)) },
};

/** Sums per body and year (or pooled per year), one report per body and year (see pickedReports). */
function breakdown(name: string, spec: Parts, input: BreakdownInput): BuiltQuery {
  const picked = pickedReports(input, `${spec.whole} IS NOT NULL`);
  const sums = [spec.whole, ...spec.parts].map((c) => `sum(${c}) AS ${c}`);
  if (spec.rest) {
    const { of, minus } = spec.rest;
    // Only where the report states the whole: its unitemised part is the whole minus the parts it lists.
    sums.push(`sum(${of} - (${minus.map((m) => `coalesce(${m}, 0)`).join(' + ')})) AS ${spec.rest.name}`);
  }
  const sql = `SELECT ${picked.pooled ? "'*'" : 'body_key'} AS body_key, year, sum(body_reports) AS reports, count(${spec.whole}) AS reports_with_total,
  ${sums.join(',\n  ')}
FROM picked
GROUP BY ALL`;
  return { name, ...withBodyNames(picked, sql) };
}

/** Request outcomes: granted, partial, denied by reason, unable, not processed, other. */
export const outcomeBreakdown = (input: BreakdownInput): BuiltQuery => breakdown('outcomes.structure', OUTCOME_PARTS, input);

/** New requests by applicant type. */
export const applicantBreakdown = (input: BreakdownInput): BuiltQuery => breakdown('outcomes.applicants', APPLICANT_PARTS, input);
