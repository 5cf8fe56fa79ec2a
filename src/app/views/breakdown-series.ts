// Rows of the outcome / applicant breakdown queries → stacked bar inputs. Pure.
import { APPLICANT_TYPES, DENIED_REASONS } from '../../shared/wide-metrics';
import type { MessageKey, Translate } from '../i18n/messages';
import type { Row } from '../data/rows';
import { num } from './common';
import { scopeCategories } from './scope-categories';

export interface Part {
  column: string;
  label: MessageKey;
}

export const OUTCOME_SERIES: Part[] = [
  { column: 'r_granted_total', label: 'outcome.granted' },
  { column: 'r_partial_total', label: 'outcome.partial' },
  ...DENIED_REASONS.map((r) => ({ column: `r_denied_${r}_total`, label: `outcome.denied.${r}` as MessageKey })),
  { column: 'denied_unitemised', label: 'outcome.denied_unitemised' },
  { column: 'r_unable_total_total', label: 'outcome.unable' },
  { column: 'r_rejected_total_total', label: 'outcome.rejected' },
  { column: 'r_other_total_total', label: 'outcome.other' },
  { column: 'unitemised', label: 'outcome.unitemised' },
];

export const APPLICANT_SERIES: Part[] = [
  ...APPLICANT_TYPES.map((a) => ({ column: `r_new_${a}`, label: `applicant.${a}` as MessageKey })),
  { column: 'applicant_unitemised', label: 'applicant_unitemised' },
];

const add = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : a + b);

/** The whole whose shares a breakdown shows: the handled total, or the new requests. */
export const OUTCOME_WHOLE = 'r_handled_total';
export const APPLICANT_WHOLE = 'r_new_total';

/**
 * One category per year when one body (or the pooled total) is shown; one per body (labelled by
 * `nameOf` its key) when several are, each summing its counts over the chosen years; a body's area
 * summaries a category of their own, marked (scopeCategories, `area`). Series that
 * are absent everywhere are dropped (one stated as 0 stays: absent is not 0). `totals` (the summed `whole`) is what shares are taken of;
 * `reports` and `bodies` what each category rests on (reports stating the whole).
 */
export function breakdownBars(rows: readonly Row[], parts: readonly Part[], entities: readonly string[], t: Translate, pooledLabel: string, nameOf: (key: string) => string, whole = OUTCOME_WHOLE) {
  const byBody = entities.length > 1;
  const groups = scopeCategories(rows, entities, nameOf, t('scope.areaSeries'));
  const sumOf = (column: string) => groups.map((g) => g.rows.reduce<number | null>((sum, r) => add(sum, num(r[column])), null));
  const wholes = sumOf(whole);
  const reportCounts = sumOf('reports_with_total');
  // Per body the bodies are one; pooled per year, the distinct bodies of that year.
  const bodyCounts = byBody ? groups.map((g) => (g.rows.some((r) => (num(r.reports_with_total) ?? 0) > 0) ? 1 : 0)) : sumOf('bodies');
  const all = parts
    .map((part) => ({
      name: t(part.label),
      values: sumOf(part.column),
    }))
    .filter((s) => s.values.some((v) => v !== null));
  // A year or body that does not state the whole is left out: there is nothing to take shares of.
  const kept = groups.map((_, i) => wholes[i] !== null && all.some((s) => s.values[i] !== null)).flatMap((keep, i) => (keep ? [i] : []));
  const series = all.map((s) => ({ name: s.name, values: kept.map((i) => s.values[i]) }));
  const subject = entities.length === 1 ? nameOf(entities[0]) : entities.length === 0 ? pooledLabel : null;
  return {
    categories: kept.map((i) => groups[i].label),
    area: kept.map((i) => groups[i].area),
    series,
    subject,
    totals: kept.map((i) => wholes[i]),
    reports: kept.map((i) => reportCounts[i] ?? 0),
    bodies: kept.map((i) => bodyCounts[i] ?? 0),
  };
}
