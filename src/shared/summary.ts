// Isomorphic on purpose (no node:* imports): ingest writes summary.json, the browser paints its
// first chart from it while DuckDB-WASM starts, after checking it with parseSummary.

import { SCHEMA_VERSION } from './manifest';

export const SUMMARY_FILE = 'summary.json';

/** Report statuses in the order `by_status` lists them. */
export const SUMMARY_STATUSES = ['ok', 'partial', 'failed'] as const;
export type SummaryStatus = (typeof SUMMARY_STATUSES)[number];

/** facts_wide columns summed per year in `trends`. */
export const TREND_METRICS = ['r_new_total', 'r_handled_total', 'rv_total', 'lit_total', 'p_total'] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

export interface YearLevelCount {
  year: number | null;
  level: string | null;
  reports: number;
}

export interface StatusCount {
  status: SummaryStatus;
  reports: number;
}

export interface TemplateCount {
  template: string | null;
  reports: number;
  /** Of them, reports that do not print the template, given it by their year alone (template_basis = year). */
  by_year: number;
}

/** One year of self reports that did not fail; a metric is null when no such report has it. */
export type TrendRow = { year: number; reports: number } & Record<TrendMetric, number | null>;

export interface DatasetSummary {
  schema_version: number;
  /** The manifest's dataset_version: the summary describes exactly that dataset. */
  dataset_version: string;
  /** Reports counted: rows of the reports table (one per input file, failed ones included) but files that are no report (src/parse/reasons.ts). */
  reports: number;
  /** True when any report is synthetic (the UI must say so). */
  synthetic: boolean;
  /** Sorted by year then level, nulls last. */
  by_year_level: YearLevelCount[];
  /** Only statuses that occur, in SUMMARY_STATUSES order. */
  by_status: StatusCount[];
  /** Sorted by template, null last. */
  by_template: TemplateCount[];
  /** Reports with at least one failed check. */
  failing_checks: number;
  /** [first, last] year of any report; null when no report has a year. */
  years: [number, number] | null;
  /**
   * Per year (ascending, known years only), over reports with status ≠ failed and scope ≠ area:
   * area summaries cover their departments' own reports and must never be added to them.
   */
  trends: TrendRow[];
}

/** Ascending, null last; strings by code unit, so the order never depends on a locale. */
export function compareNullsLast<T extends string | number>(a: T | null, b: T | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export const compareYearLevel = (a: Pick<YearLevelCount, 'year' | 'level'>, b: Pick<YearLevelCount, 'year' | 'level'>): number =>
  compareNullsLast(a.year, b.year) || compareNullsLast(a.level, b.level);

const SHA256 = /^[0-9a-f]{64}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isYear = (value: unknown): value is number => Number.isSafeInteger(value);
const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isNullableSum = (value: unknown): value is number | null => value === null || (typeof value === 'number' && Number.isFinite(value));

type FieldCheck = [key: string, ok: (value: unknown) => boolean, expected: string];

/** Checks each array item's fields; returns the items that were well-formed (for the order/sum checks). */
function checkRows(at: string, value: unknown, fields: readonly FieldCheck[], errors: string[]): Record<string, unknown>[] | null {
  if (!Array.isArray(value)) {
    errors.push(`${at}: not an array`);
    return null;
  }
  let ok = true;
  value.forEach((row, i) => {
    if (!isRecord(row)) {
      errors.push(`${at}[${i}]: not an object`);
      ok = false;
      return;
    }
    for (const [key, test, expected] of fields) {
      if (!test(row[key])) {
        errors.push(`${at}[${i}].${key}: expected ${expected}, got ${JSON.stringify(row[key]) ?? 'nothing'}`);
        ok = false;
      }
    }
  });
  return ok ? (value as Record<string, unknown>[]) : null;
}

function checkOrder<Row>(at: string, rows: readonly Row[] | null, compare: (a: Row, b: Row) => number, order: string, errors: string[]): void {
  if (!rows) return;
  for (let i = 1; i < rows.length; i++) {
    if (compare(rows[i - 1], rows[i]) >= 0) {
      errors.push(`${at}: not sorted by ${order} without duplicates (at index ${i})`);
      return;
    }
  }
}

function checkTotal(at: string, rows: readonly Record<string, unknown>[] | null, reports: unknown, errors: string[]): void {
  if (!rows || !isCount(reports)) return;
  const total = rows.reduce((sum, row) => sum + (row.reports as number), 0);
  if (total !== reports) errors.push(`${at}: counts add up to ${total}, not to reports (${reports})`);
}

const COUNT: FieldCheck = ['reports', isCount, 'a non-negative integer'];

/** Every problem found, as readable messages; an empty list means the summary is valid. */
export function validateSummary(value: unknown): string[] {
  if (!isRecord(value)) return ['summary: not an object'];
  const errors: string[] = [];
  if (value.schema_version !== SCHEMA_VERSION) errors.push(`schema_version: expected ${SCHEMA_VERSION}, got ${JSON.stringify(value.schema_version)}`);
  if (typeof value.dataset_version !== 'string' || !SHA256.test(value.dataset_version)) errors.push('dataset_version: not a sha256 hex string');
  if (!isCount(value.reports)) errors.push('reports: not a non-negative integer');
  if (typeof value.synthetic !== 'boolean') errors.push('synthetic: not a boolean');
  if (!isCount(value.failing_checks)) errors.push('failing_checks: not a non-negative integer');
  else if (isCount(value.reports) && value.failing_checks > value.reports) errors.push('failing_checks: more than reports');

  const byYearLevel = checkRows('by_year_level', value.by_year_level, [
    ['year', (v) => v === null || isYear(v), 'an integer or null'],
    ['level', isNullableString, 'a string or null'],
    COUNT,
  ], errors);
  checkOrder('by_year_level', byYearLevel as YearLevelCount[] | null, compareYearLevel, 'year then level', errors);
  checkTotal('by_year_level', byYearLevel, value.reports, errors);

  const statusRank = (row: Record<string, unknown>) => SUMMARY_STATUSES.indexOf(row.status as SummaryStatus);
  const byStatus = checkRows('by_status', value.by_status, [
    ['status', (v) => SUMMARY_STATUSES.includes(v as SummaryStatus), SUMMARY_STATUSES.join('/')],
    COUNT,
  ], errors);
  checkOrder('by_status', byStatus, (a, b) => statusRank(a) - statusRank(b), SUMMARY_STATUSES.join(' < '), errors);
  checkTotal('by_status', byStatus, value.reports, errors);

  const byTemplate = checkRows('by_template', value.by_template, [['template', isNullableString, 'a string or null'], COUNT, ['by_year', isCount, 'a non-negative integer']], errors);
  for (const [i, row] of (byTemplate ?? []).entries()) if ((row.by_year as number) > (row.reports as number)) errors.push(`by_template[${i}]: by_year more than reports`);
  checkOrder('by_template', byTemplate as TemplateCount[] | null, (a, b) => compareNullsLast(a.template, b.template), 'template', errors);
  checkTotal('by_template', byTemplate, value.reports, errors);

  const { years } = value;
  if (years !== null && !(Array.isArray(years) && years.length === 2 && years.every(isYear) && years[0] <= years[1])) {
    errors.push(`years: expected null or [first, last] integers, got ${JSON.stringify(years) ?? 'nothing'}`);
  } else if (byYearLevel) {
    const known = byYearLevel.map((row) => row.year).filter(isYear);
    const expected = known.length === 0 ? null : [Math.min(...known), Math.max(...known)];
    if (JSON.stringify(years) !== JSON.stringify(expected)) errors.push(`years: ${JSON.stringify(years)} does not match by_year_level (${JSON.stringify(expected)})`);
  }

  const trends = checkRows('trends', value.trends, [
    ['year', isYear, 'an integer'],
    COUNT,
    ...TREND_METRICS.map((metric): FieldCheck => [metric, isNullableSum, 'a finite number or null']),
  ], errors);
  checkOrder('trends', trends, (a, b) => (a.year as number) - (b.year as number), 'year', errors);
  return errors;
}

export function parseSummary(value: unknown): DatasetSummary {
  const errors = validateSummary(value);
  if (errors.length > 0) throw new Error(`invalid summary:\n  ${errors.join('\n  ')}`);
  return value as unknown as DatasetSummary;
}
