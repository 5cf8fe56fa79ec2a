// Rows of the outcome / applicant breakdown queries → stacked bar inputs. Pure.
import { APPLICANT_TYPES, DENIED_REASONS } from '../../shared/wide-metrics';
import type { MessageKey, Translate } from '../i18n/messages';
import type { Row } from '../data/rows';
import { num } from './common';

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
];

export const APPLICANT_SERIES: Part[] = [
  ...APPLICANT_TYPES.map((a) => ({ column: `r_new_${a}`, label: `applicant.${a}` as MessageKey })),
  { column: 'applicant_unitemised', label: 'applicant_unitemised' },
];

const add = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : a + b);

/**
 * One category per year when one body (or the pooled total) is shown; one per body (labelled by
 * `nameOf` its key) when several are, each summing its counts over the chosen years. Series that
 * are absent everywhere are dropped.
 */
export function breakdownBars(rows: readonly Row[], parts: readonly Part[], entities: readonly string[], t: Translate, pooledLabel: string, nameOf: (key: string) => string) {
  const byBody = entities.length > 1;
  const keys = byBody ? entities.filter((e) => rows.some((r) => r.body_key === e)) : [...new Set(rows.map((r) => Number(r.year)))].sort((a, b) => a - b);
  const categories = byBody ? (keys as string[]).map(nameOf) : (keys as number[]).map(String);
  const all = parts
    .map((part) => ({
      name: t(part.label),
      values: keys.map((key) =>
        rows.filter((r) => (byBody ? r.body_key === key : Number(r.year) === key)).reduce<number | null>((sum, r) => add(sum, num(r[part.column])), null),
      ),
    }))
    .filter((s) => s.values.some((v) => v !== null && v !== 0));
  // A year or body with no stated outcome at all is left out rather than drawn as an empty bar.
  const kept = keys.map((_, i) => all.some((s) => s.values[i] !== null)).flatMap((keep, i) => (keep ? [i] : []));
  const series = all.map((s) => ({ name: s.name, values: kept.map((i) => s.values[i]) }));
  const subject = entities.length === 1 ? nameOf(entities[0]) : entities.length === 0 ? pooledLabel : null;
  return { categories: kept.map((i) => categories[i]), series, subject };
}
