import { DENIED_REASONS, APPLICANT_TYPES, wideColumnName } from '../../shared/wide-metrics';
import { type BuiltQuery, bodiesFilter, whereClause } from './query';

export interface BreakdownInput {
  /** Chosen issuers; none means every self report summed per year. */
  issuers: readonly string[];
  years?: readonly [number, number];
}

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

function breakdown(name: string, spec: Parts, input: BreakdownInput): BuiltQuery {
  const { where, params: all, pooled } = bodiesFilter(input);
  const sums = [spec.whole, ...spec.parts].map((c) => `sum(${c}) AS ${c}`);
  if (spec.rest) {
    const { of, minus } = spec.rest;
    // Only where the report states the whole: its unitemised part is the whole minus the parts it lists.
    sums.push(`sum(${of} - (${minus.map((m) => `coalesce(${m}, 0)`).join(' + ')})) AS ${spec.rest.name}`);
  }
  return {
    name,
    sql: `SELECT ${pooled ? "'*'" : 'issuer'} AS issuer, year, count(*) AS reports, count(${spec.whole}) AS reports_with_total,
  ${sums.join(',\n  ')}
FROM facts_wide
${whereClause(where)}
GROUP BY ALL
ORDER BY issuer, year`,
    params: all,
    tables: ['facts_wide'],
  };
}

/** Request outcomes: granted, partial, denied by reason, unable, not processed, other. */
export const outcomeBreakdown = (input: BreakdownInput): BuiltQuery => breakdown('outcomes.structure', OUTCOME_PARTS, input);

/** New requests by applicant type. */
export const applicantBreakdown = (input: BreakdownInput): BuiltQuery => breakdown('outcomes.applicants', APPLICANT_PARTS, input);
