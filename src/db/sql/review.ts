import { definePreaggregate, perBodySource, perBodyYear, POOLED_GROUPS, pooledByYear } from './preaggregated';
import { type BodiesInput, type BuiltQuery, isPooled, metricColumn, pickedReports, withBodyNames } from './query';


/**
 * Reconsideration and litigation counts with correction rates (纠错率) per body and year (every
 * own report pooled when no body is chosen), one report per body and year (see pickedReports).
 * rate = Σ corrected / Σ (total − pending): computed from summed counts, never an average of
 * rates; cases still pending have no outcome and are left out of the denominator. Only reports
 * stating total, corrected and pending enter a rate; how many were left out is returned too.
 * `rv_reports`/`rv_bodies` and `lit_reports`/`lit_bodies` are what each sum rests on: the reports
 * (and distinct bodies) stating that total, absent ones not counted as 0; `all_reports` is every
 * report the bodies have that year, used or not (named so: it is no total's basis). A chosen body's
 * row has the `scope` and `report_id` of its picked report: an area summary when it has no own one.
 */
export function reviewLitigation(input: BodiesInput): BuiltQuery {
  // lit.total has one definition (DERIVED_TOTALS): printed, else derived by the parser from its
  // parts and stored marked `derived`, so its column already holds it; the SQL never re-adds parts.
  const litAll = metricColumn('lit.total');
  const rvRated = 'rv_total IS NOT NULL AND rv_corrected IS NOT NULL AND rv_pending IS NOT NULL';
  const litParts = ['lit_direct_total', 'lit_direct_corrected', 'lit_direct_pending', 'lit_after_rv_total', 'lit_after_rv_corrected', 'lit_after_rv_pending'];
  const unit = "coalesce(body_key, 'report:' || report_id)";
  const litRated = litParts.map((c) => `${c} IS NOT NULL`).join(' AND ');
  // A body's row rests on its one picked report: its scope (an area summary is marked as one) and id; a pooled sum has neither.
  const usedReport = isPooled(input) ? '' : '\n  any_value(scope) AS scope, any_value(report_id) AS report_id,';
  const sums = `SELECT ${isPooled(input) ? "'*'" : 'body_key'} AS body_key, year,${usedReport} sum(body_reports) AS all_reports,
  count(*) FILTER (WHERE rv_total IS NOT NULL) AS rv_reports,
  count(DISTINCT ${unit}) FILTER (WHERE rv_total IS NOT NULL) AS rv_bodies,
  count(*) FILTER (WHERE ${litAll} IS NOT NULL) AS lit_reports,
  count(DISTINCT ${unit}) FILTER (WHERE ${litAll} IS NOT NULL) AS lit_bodies,
  sum(rv_total) AS rv_total, sum(rv_upheld) AS rv_upheld, sum(rv_corrected) AS rv_corrected,
  sum(rv_other) AS rv_other, sum(rv_pending) AS rv_pending,
  sum(${litAll}) AS lit_total,
  sum(lit_direct_corrected + lit_after_rv_corrected) AS lit_corrected,
  sum(lit_direct_pending + lit_after_rv_pending) AS lit_pending,
  sum(rv_corrected) FILTER (WHERE ${rvRated}) AS rv_rate_numerator,
  sum(rv_total - rv_pending) FILTER (WHERE ${rvRated}) AS rv_rate_denominator,
  count(*) FILTER (WHERE rv_total IS NOT NULL AND NOT (${rvRated})) AS rv_reports_unrated,
  sum(lit_direct_corrected + lit_after_rv_corrected) FILTER (WHERE ${litRated}) AS lit_rate_numerator,
  sum(lit_direct_total - lit_direct_pending + lit_after_rv_total - lit_after_rv_pending) FILTER (WHERE ${litRated}) AS lit_rate_denominator,
  count(*) FILTER (WHERE ${litAll} IS NOT NULL AND NOT (${litRated})) AS lit_reports_unrated
FROM picked
GROUP BY ALL`;
  const picked = pickedReports(input, `coalesce(rv_total, ${litAll}) IS NOT NULL`, sums);
  return perBodyYear(pooledByYear({ name: 'review.litigation', ...withBodyNames(picked, sums) }, input, REVIEW_POOLED), input, REVIEW_BODIES);
}

// Its source is the pooled query's row-level SQL (preaggregateSql reads `sql`, never `preaggregated`).
const REVIEW_POOLED = definePreaggregate('pre_review_pooled', () => reviewLitigation({ bodies: [] }), { stored: 'national', summedByProvince: POOLED_GROUPS });
const REVIEW_BODIES = definePreaggregate('pre_review_bodies', () => perBodySource(reviewLitigation({ everyBody: true }), ['all_reports', 'rv_reports', 'rv_bodies', 'lit_reports', 'lit_bodies', 'rv_reports_unrated', 'lit_reports_unrated']));
