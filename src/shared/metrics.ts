// The canonical metric ids of ../shared/spec/metrics.md, built from the spec's own
// structure (rows × applicant columns, outcome columns) so the list cannot drift from it.

export const APPLICANT_COLUMNS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];

/**
 * The itemised reasons of the four outcome groups of table 三, in table order: the one list of them
 * (the eight denial reasons among them). Each group's `.total` row is their sum.
 */
export const REASON_GROUPS = {
  denied: ['state_secret', 'law_prohibited', 'security_stability', 'third_party', 'internal_affairs', 'process_info', 'enforcement_file', 'admin_query'],
  unable: ['not_held', 'need_creation', 'unclear'],
  rejected: ['petition', 'duplicate', 'publication', 'mass_repeat', 'confirm_reissue'],
  other: ['no_correction', 'no_fee', 'misc'],
} as const;
export type ReasonGroup = keyof typeof REASON_GROUPS;
export const REASON_GROUP_NAMES = Object.keys(REASON_GROUPS) as ReasonGroup[];
/** The eight reasons a request may be denied (不予公开). */
export const DENIAL_REASONS = REASON_GROUPS.denied;

type GroupRow<G extends ReasonGroup> = `${G}.${(typeof REASON_GROUPS)[G][number]}` | `${G}.total`;
const grouped = <G extends ReasonGroup>(group: G): GroupRow<G>[] => [...REASON_GROUPS[group].map((r) => `${group}.${r}` as GroupRow<G>), `${group}.total` as GroupRow<G>];

export const REQUEST_ROWS = [
  'new',
  'carried_in',
  'granted',
  'partial',
  ...grouped('denied'),
  ...grouped('unable'),
  ...grouped('rejected'),
  ...grouped('other'),
  'handled',
  'carried_out',
] as const;
export type RequestRow = (typeof REQUEST_ROWS)[number];

export const OUTCOME_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export const REVIEW_GROUPS = ['rv', 'lit.direct', 'lit.after_rv'] as const;

const PROACTIVE = [
  'p.total',
  'p.website',
  'p.other_channels',
  'p.cumulative',
  'p.rules.new_made',
  'p.rules.new_published',
  'p.rules.total_published',
  'p.normative.new_made',
  'p.normative.new_published',
  'p.normative.total_published',
  'p.rules.issued',
  'p.rules.repealed',
  'p.rules.in_force',
  'p.normative.issued',
  'p.normative.repealed',
  'p.normative.in_force',
  'p.license.prev_items',
  'p.license.change',
  'p.license.decisions',
  'p.other_service.prev_items',
  'p.other_service.change',
  'p.other_service.decisions',
  'p.penalty.prev_items',
  'p.penalty.change',
  'p.penalty.decisions',
  'p.coercion.prev_items',
  'p.coercion.change',
  'p.coercion.decisions',
  'p.fees.prev_items',
  'p.fees.change',
  'p.fees.amount_yuan',
  'p.procurement.projects',
  'p.procurement.amount_yuan',
] as const;

export const requestMetric = (row: RequestRow, column: ApplicantColumn): string => `r.${row}.${column}`;

export const METRIC_IDS: readonly string[] = [
  ...PROACTIVE,
  ...REQUEST_ROWS.flatMap((row) => APPLICANT_COLUMNS.map((col) => requestMetric(row, col))),
  ...REVIEW_GROUPS.flatMap((group) => OUTCOME_COLUMNS.map((col) => `${group}.${col}`)),
  'lit.total',
  'fee.collected_yuan',
];

const METRIC_SET = new Set(METRIC_IDS);
export const isMetricId = (id: string): boolean => METRIC_SET.has(id);

/** Money metrics are in yuan and may carry decimals; everything else is a count. */
export const isMoneyMetric = (id: string): boolean => id.endsWith('_yuan');
/** Signed year-on-year changes (增82 / 减5). */
export const isChangeMetric = (id: string): boolean => id.endsWith('.change');

/**
 * Totals a table does not print, with their one definition: the sum of their parts when every
 * part is stated (a narrative report may print the total itself). Every view uses this; the parser
 * derives them (marked derived) so that stored rows and rollups agree with it.
 */
export const DERIVED_TOTALS: readonly { whole: string; parts: readonly string[] }[] = [
  { whole: 'lit.total', parts: ['lit.direct.total', 'lit.after_rv.total'] },
];

export interface Identity {
  /** Stable id of the check, e.g. `balance.total`. */
  id: string;
  /** The metric whose printed value is compared with the sum of `parts`. */
  whole: string[];
  parts: string[];
}

const sumRows = (rows: readonly string[], col: string) => rows.map((row) => `r.${row}.${col}`);

/** Every identity of spec/metrics.md, per column, as data. */
export const IDENTITIES: readonly Identity[] = [
  ...APPLICANT_COLUMNS.map((col) => ({
    id: `requests.balance.${col}`,
    whole: sumRows(['new', 'carried_in'], col),
    parts: sumRows(['handled', 'carried_out'], col),
  })),
  ...APPLICANT_COLUMNS.map((col) => ({
    id: `requests.handled.${col}`,
    whole: [`r.handled.${col}`],
    parts: sumRows(['granted', 'partial', 'denied.total', 'unable.total', 'rejected.total', 'other.total'], col),
  })),
  ...REASON_GROUP_NAMES.flatMap((group) =>
    APPLICANT_COLUMNS.map((col) => ({
      id: `requests.${group}_total.${col}`,
      whole: [`r.${group}.total.${col}`],
      parts: REASON_GROUPS[group].map((reason) => `r.${group}.${reason}.${col}`),
    })),
  ),
  ...REQUEST_ROWS.map((row) => ({
    id: `requests.columns.${row}`,
    whole: [`r.${row}.total`],
    parts: APPLICANT_COLUMNS.filter((c) => c !== 'total').map((col) => `r.${row}.${col}`),
  })),
  ...REVIEW_GROUPS.map((group) => ({
    id: `${group}.total`,
    whole: [`${group}.total`],
    parts: OUTCOME_COLUMNS.filter((c) => c !== 'total').map((col) => `${group}.${col}`),
  })),
  { id: 'lit.total', whole: ['lit.total'], parts: ['lit.direct.total', 'lit.after_rv.total'] },
];
