// The metrics carried as columns of `facts_wide` (one row per report). They mean the same in the
// narrative, 2019 and 2021 templates, so series continue across the template changes; the
// dashboard's SQL may name only these columns (ids are whitelisted, never taken from the URL).
import { APPLICANT_COLUMNS, DENIAL_REASONS, METRIC_IDS, OUTCOME_COLUMNS, REQUEST_ROWS, REVIEW_GROUPS } from './metrics';

const REQUEST_TOTALS = REQUEST_ROWS.map((row) => `r.${row}.total`);
const NEW_BY_APPLICANT = APPLICANT_COLUMNS.filter((c) => c !== 'total').map((c) => `r.new.${c}`);
const REVIEW_LITIGATION = [...REVIEW_GROUPS.flatMap((g) => OUTCOME_COLUMNS.map((c) => `${g}.${c}`)), 'lit.total'];

const CORE = [...REQUEST_TOTALS, ...NEW_BY_APPLICANT, ...REVIEW_LITIGATION, 'p.total', 'p.website'];
/** Every other figure a report states once (section 二 and the fees), so each metric can be picked. */
const PROACTIVE_AND_FEES = METRIC_IDS.filter((id) => (id.startsWith('p.') || id.startsWith('fee.')) && !CORE.includes(id));

export const WIDE_METRICS: readonly string[] = [...CORE, ...PROACTIVE_AND_FEES];

const WIDE_SET: ReadonlySet<string> = new Set(WIDE_METRICS);
export const isWideMetric = (id: string): boolean => WIDE_SET.has(id);

/** `r.denied.total.total` → `r_denied_total_total`: a plain identifier, safe to splice into SQL. */
export const wideColumnName = (metric: string): string => metric.replaceAll('.', '_');

/** The eight denial reasons (src/shared/metrics.ts holds the one list). */
export const DENIED_REASONS = DENIAL_REASONS;
export const APPLICANT_TYPES = NEW_BY_APPLICANT.map((m) => m.slice('r.new.'.length));

/**
 * A report's facts_wide metrics from its values: a printed figure wins over one the parser
 * derived; a derived one still beats nothing. Ingest and the page's corrections use this one pick.
 */
export function harmonisedValues(values: readonly { metric: string; value: number; derived: boolean }[]): Map<string, number> {
  const picked = new Map<string, { value: number; derived: boolean }>();
  for (const value of values) {
    if (!WIDE_SET.has(value.metric)) continue;
    const current = picked.get(value.metric);
    if (!current || (current.derived && !value.derived)) picked.set(value.metric, value);
  }
  return new Map([...picked].map(([metric, value]) => [metric, value.value]));
}
