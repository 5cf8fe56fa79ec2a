// Reconsideration / litigation rows → per-category sums and correction rates. Pure.
import type { Row } from '../data/rows';
import type { Translate } from '../i18n/messages';
import { num } from './common';
import { scopeCategories } from './scope-categories';

const SUMMED = [
  'rv_total', 'rv_corrected', 'rv_pending', 'lit_total', 'lit_corrected', 'lit_pending',
  'rv_rate_numerator', 'rv_rate_denominator', 'rv_reports_unrated',
  'lit_rate_numerator', 'lit_rate_denominator', 'lit_reports_unrated', 'all_reports',
  'rv_reports', 'rv_bodies', 'lit_reports', 'lit_bodies',
] as const;
export type ReviewSums = Record<(typeof SUMMED)[number], number | null> & { category: string; key: string; area: boolean; rv_rate: number | null; lit_rate: number | null };

const add = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : a + b);
/** A rate only where its denominator is a positive count. */
export const rate = (numerator: number | null, denominator: number | null): number | null =>
  numerator === null || denominator === null || denominator <= 0 ? null : numerator / denominator;

/**
 * Sums counts per category (a year, or a body labelled by `nameOf` its key when several are
 * chosen; a body's area summaries a category of their own, marked: scopeCategories) first and
 * divides after: rates are never averaged. `rv_reports`/`lit_reports` are the reports stating each
 * total; the bodies are the distinct ones of a year, and one per body.
 */
export function reviewByCategory(rows: readonly Row[], entities: readonly string[], nameOf: (key: string) => string, areaLabel: string): ReviewSums[] {
  const byBody = entities.length > 1;
  return scopeCategories(rows, entities, nameOf, areaLabel).map(({ key, label, area, rows: mine }) => {
    const sums = Object.fromEntries(SUMMED.map((c) => [c, mine.reduce<number | null>((s, r) => add(s, num(r[c])), null)])) as Record<(typeof SUMMED)[number], number | null>;
    if (byBody) {
      sums.rv_bodies = (sums.rv_reports ?? 0) > 0 ? 1 : 0;
      sums.lit_bodies = (sums.lit_reports ?? 0) > 0 ? 1 : 0;
    }
    return { ...sums, category: label, key, area, rv_rate: rate(sums.rv_rate_numerator, sums.rv_rate_denominator), lit_rate: rate(sums.lit_rate_numerator, sums.lit_rate_denominator) };
  });
}

/** What a category's sums rest on: one line when reconsideration and litigation rest on the same reports and bodies, else one each. */
export function basisOf(s: ReviewSums, t: Translate): string {
  const [rv, lit] = [{ reports: s.rv_reports ?? 0, bodies: s.rv_bodies ?? 0 }, { reports: s.lit_reports ?? 0, bodies: s.lit_bodies ?? 0 }];
  if (rv.reports === lit.reports && rv.bodies === lit.bodies) return t('review.basis', rv);
  return `${t('review.basisOf', { what: t('review.rv'), ...rv })}\n${t('review.basisOf', { what: t('review.lit'), ...lit })}`;
}

/**
 * The chosen bodies no row states a reconsideration or litigation total for, in the order chosen:
 * none while the query has not answered (`rows` null), since before then nothing is known of any.
 */
export function bodiesStatingNoTotal(rows: readonly Row[] | null, entities: readonly string[]): string[] {
  if (!rows) return [];
  const stating = new Set(rows.filter((r) => (num(r.rv_reports) ?? 0) > 0 || (num(r.lit_reports) ?? 0) > 0).map((r) => String(r.body_key)));
  return entities.filter((e) => !stating.has(e));
}
