import { DENIED_REASONS, APPLICANT_TYPES, wideColumnName } from '../../shared/wide-metrics';
import { definePreaggregate, perBodySource, perBodyYear, POOLED_GROUPS, pooledByYear } from './preaggregated';
import { type BodiesInput, type BuiltQuery, isPooled, pickedReports, withBodyNames } from './query';

/** Chosen bodies (keys); none means every own report summed per year. */
export type BreakdownInput = BodiesInput;

/**
 * The parts of a whole. Shares are taken over the whole, so only reports stating it are summed;
 * `unitemised` is what the whole states beyond the parts it itemises, a segment of its own.
 */
interface Parts {
  whole: string;
  parts: readonly string[];
  /** A part that is itself a subtotal with detail rows: its own remainder beside them. */
  subRest?: { name: string; of: string; minus: readonly string[] };
  /** What is subtracted from the whole for the unitemised remainder (subtotals where printed). */
  itemised: readonly string[];
  unitemised: string;
}

const col = (metric: string) => wideColumnName(metric);
const deniedReasons = DENIED_REASONS.map((r) => col(`r.denied.${r}.total`));
const sumOf = (columns: readonly string[]) => columns.map((m) => `coalesce(${m}, 0)`).join(' + ');

export const OUTCOME_PARTS: Parts = {
  whole: col('r.handled.total'),
  parts: [col('r.granted.total'), col('r.partial.total'), ...deniedReasons, col('r.unable.total.total'), col('r.rejected.total.total'), col('r.other.total.total')],
  subRest: { name: 'denied_unitemised', of: col('r.denied.total.total'), minus: deniedReasons },
  itemised: [
    col('r.granted.total'),
    col('r.partial.total'),
    `coalesce(${col('r.denied.total.total')}, ${sumOf(deniedReasons)})`,
    col('r.unable.total.total'),
    col('r.rejected.total.total'),
    col('r.other.total.total'),
  ],
  unitemised: 'unitemised',
};

export const APPLICANT_PARTS: Parts = {
  whole: col('r.new.total'),
  parts: APPLICANT_TYPES.map((t) => col(`r.new.${t}`)),
  itemised: APPLICANT_TYPES.map((t) => col(`r.new.${t}`)),
  unitemised: 'applicant_unitemised',
};

/**
 * Sums per body and year (or pooled per year), one report per body and year (see pickedReports),
 * over the reports stating the whole: `whole` is the denominator of every share, and
 * `reports_with_total` (the reports summed) and `bodies` say what each bar rests on; `reports` is
 * every report of the bodies that year (one per body is used).
 */
function breakdown(name: string, spec: Parts, input: BreakdownInput): BuiltQuery {
  const stated = `${spec.whole} IS NOT NULL`;
  const sums = [spec.whole, ...spec.parts].map((c) => `sum(${c}) FILTER (WHERE ${stated}) AS ${c}`);
  if (spec.subRest) {
    const { of, minus } = spec.subRest;
    sums.push(`sum(${of} - (${sumOf(minus)})) FILTER (WHERE ${stated}) AS ${spec.subRest.name}`);
  }
  sums.push(`sum(${spec.whole} - (${sumOf(spec.itemised)})) AS ${spec.unitemised}`);
  // A body's row rests on its one picked report: its scope and id (a pooled sum has neither).
  const usedReport = isPooled(input) ? '' : '\n  any_value(scope) AS scope, any_value(report_id) AS report_id,';
  const sql = `SELECT ${isPooled(input) ? "'*'" : 'body_key'} AS body_key, year,${usedReport}
  sum(body_reports) AS reports,
  count(*) FILTER (WHERE ${stated}) AS reports_with_total,
  count(DISTINCT coalesce(body_key, 'report:' || report_id)) FILTER (WHERE ${stated}) AS bodies,
  ${sums.join(',\n  ')}
FROM picked
GROUP BY ALL`;
  const picked = pickedReports(input, stated, sql);
  return { name, ...withBodyNames(picked, sql) };
}

/** Request outcomes over the handled total: granted, partial, denied by reason, unable, not processed, other, not itemised. */
export const outcomeBreakdown = (input: BreakdownInput): BuiltQuery =>
  perBodyYear(pooledByYear(breakdown('outcomes.structure', OUTCOME_PARTS, input), input, OUTCOMES_POOLED), input, OUTCOMES_BODIES);

/** New requests by applicant type, over the new-request total. */
export const applicantBreakdown = (input: BreakdownInput): BuiltQuery =>
  perBodyYear(pooledByYear(breakdown('outcomes.applicants', APPLICANT_PARTS, input), input, APPLICANTS_POOLED), input, APPLICANTS_BODIES);

const BREAKDOWN_COUNTS = ['reports', 'reports_with_total', 'bodies'];
// Pooled answers (a few rows a year) read every province: stored for a national dataset, their
// sums and counts added up a province at a time (a body's picked report is in its province).
const POOLED = { stored: 'national', summedByProvince: POOLED_GROUPS } as const;
const OUTCOMES_POOLED = definePreaggregate('pre_outcomes_pooled', () => breakdown('outcomes.structure', OUTCOME_PARTS, { bodies: [] }), POOLED);
const APPLICANTS_POOLED = definePreaggregate('pre_applicants_pooled', () => breakdown('outcomes.applicants', APPLICANT_PARTS, { bodies: [] }), POOLED);
const OUTCOMES_BODIES = definePreaggregate('pre_outcomes_bodies', () => perBodySource(breakdown('outcomes.structure', OUTCOME_PARTS, { everyBody: true }), BREAKDOWN_COUNTS));
const APPLICANTS_BODIES = definePreaggregate('pre_applicants_bodies', () => perBodySource(breakdown('outcomes.applicants', APPLICANT_PARTS, { everyBody: true }), BREAKDOWN_COUNTS));
