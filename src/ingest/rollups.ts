// Pre-aggregated sums the dashboard loads up front whatever the dataset's size (the county rows
// per province, when a view drills down): for each
// division at province, city and county level (and the whole dataset, `nation`), year, issuer
// level and scope, how many reports there are (by status and template, and of each template how
// many have it from their year alone) and every harmonised metric summed with how many reports
// state it. A report counts once in each division of its chain; reports with no resolved division
// count only in `nation`. Area summaries and own reports stay apart (scope is part of the key), so
// no total ever adds them together.
import { isNotAReportRow } from '../parse/reasons';
import type { ReportRecord } from './read-report';
import { chainCode } from '../jurisdictions/report-division';
import { HARMONISED_METRICS } from './harmonised';

export const ROLLUP_LEVELS = ['nation', 'province', 'city', 'county'] as const;
export type RollupLevel = (typeof ROLLUP_LEVELS)[number];

export const ROLLUP_COUNTS = ['reports', 'ok', 'partial', 'failed', 'narrative', 'table2019', 'table2021', 'template_unknown', 'narrative_by_year', 'table2019_by_year', 'table2021_by_year', 'failing_checks', 'synthetic'] as const;
export type RollupCount = (typeof ROLLUP_COUNTS)[number];

export interface RollupRow {
  division_code: string | null;
  division_level: RollupLevel;
  /** Two-digit province of the division (null for `nation`). */
  province: string | null;
  year: number | null;
  level: string | null;
  scope: string | null;
  counts: Record<RollupCount, number>;
  /**
   * Per harmonised metric (HARMONISED_METRICS order): Σ over the reports stating it, and how many
   * do. Typed arrays, not maps: a nation has hundreds of thousands of rows (read them with rollupSum).
   */
  sums: Float64Array;
  stated: Int32Array;
}

const METRIC_INDEX = new Map(HARMONISED_METRICS.map((metric, i) => [metric, i]));

/** A metric's sum over the row's reports; null when none states it. */
export function rollupSum(row: RollupRow, metric: string): number | null {
  const i = METRIC_INDEX.get(metric);
  return i === undefined || row.stated[i] === 0 ? null : row.sums[i];
}

/** How many of the row's reports state a metric. */
export const rollupStated = (row: RollupRow, metric: string): number => row.stated[METRIC_INDEX.get(metric) ?? -1] ?? 0;

/** Where a report is counted: the whole dataset and each resolved division at county level or above. */
function rollupDivisions(record: ReportRecord): { code: string | null; level: RollupLevel }[] {
  const out: { code: string | null; level: RollupLevel }[] = [{ code: null, level: 'nation' }];
  for (const level of ['province', 'city', 'county'] as const) {
    const code = chainCode(record.jurisdiction, level);
    if (code) out.push({ code, level });
  }
  return out;
}

const COUNT_INDEX = new Map(ROLLUP_COUNTS.map((count, i) => [count, i]));

/** The counts a report adds one to (indices into ROLLUP_COUNTS). */
function reportCounts(record: ReportRecord): number[] {
  const { status, facts } = record.parsed;
  // Re-run on the corrected values where corrections touched the report.
  const checks = record.corrected?.checks ?? record.parsed.checks;
  const counted: RollupCount[] = ['reports', status];
  const template = facts.template;
  const known = template === 'narrative' || template === 'table2019' || template === 'table2021';
  counted.push(known ? template : 'template_unknown');
  // A template the report does not print, given it by its year alone (facts.template_basis).
  if (known && facts.template_basis === 'year') counted.push(`${template}_by_year`);
  if (checks.some((c) => c.status === 'fail')) counted.push('failing_checks');
  if (facts.synthetic === true) counted.push('synthetic');
  return counted.map((c) => COUNT_INDEX.get(c)!);
}

const compareKeys = (a: RollupRow, b: RollupRow): number =>
  ROLLUP_LEVELS.indexOf(a.division_level) - ROLLUP_LEVELS.indexOf(b.division_level) ||
  cmp(a.division_code, b.division_code) ||
  cmp(a.year, b.year) ||
  cmp(a.level, b.level) ||
  cmp(a.scope, b.scope);

/** Nulls last; numbers and strings in their natural order. */
function cmp<T extends string | number>(a: T | null, b: T | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Rows per page of the accumulator's typed arrays (pages, so growing never copies what is there). */
const PAGE_ROWS = 1024;

/**
 * Adds reports one at a time; `rows()` gives the rollup rows sorted by level, code, year, issuer
 * level, scope. `metrics` are a report's harmonised values (the same pick as facts_wide's, so a
 * rollup equals the sum of its rows there). The counts, sums and stated counts of every row live
 * in a few pages of typed arrays, not in an object and two arrays a row: a nation has hundreds of
 * thousands of rows, and this is what an ingest holds of them until the end.
 */
export class RollupAccumulator {
  private readonly index = new Map<string, number>();
  private readonly divisions: { code: string | null; level: RollupLevel }[] = [];
  private readonly keys: { year: number | null; level: string | null; scope: string | null }[] = [];
  private readonly counts: Int32Array[] = [];
  private readonly sums: Float64Array[] = [];
  private readonly stated: Int32Array[] = [];

  private rowOf(division: { code: string | null; level: RollupLevel }, year: number | null, level: string | null, scope: string | null): number {
    const key = JSON.stringify([division.code, year, level, scope]);
    let row = this.index.get(key);
    if (row === undefined) {
      row = this.divisions.length;
      this.index.set(key, row);
      this.divisions.push(division);
      this.keys.push({ year, level, scope });
      if (row % PAGE_ROWS === 0) {
        this.counts.push(new Int32Array(PAGE_ROWS * ROLLUP_COUNTS.length));
        this.sums.push(new Float64Array(PAGE_ROWS * HARMONISED_METRICS.length));
        this.stated.push(new Int32Array(PAGE_ROWS * HARMONISED_METRICS.length));
      }
    }
    return row;
  }

  add(record: ReportRecord, metrics: Map<string, number>): void {
    // A file that is no report (a blank form, no disclosure wording) stays a row of the reports table with its reason, and counts nowhere here.
    if (isNotAReportRow(record.parsed)) return;
    const { year, scope } = record.parsed.facts;
    const level = levelOf(record);
    const counted = reportCounts(record);
    const indices = [...metrics.keys()].map((metric) => METRIC_INDEX.get(metric)!);
    const values = [...metrics.values()];
    for (const division of rollupDivisions(record)) {
      const row = this.rowOf(division, year, level, scope);
      const page = Math.floor(row / PAGE_ROWS);
      const at = row % PAGE_ROWS;
      const counts = this.counts[page];
      for (const c of counted) counts[at * ROLLUP_COUNTS.length + c] += 1;
      const sums = this.sums[page];
      const stated = this.stated[page];
      const base = at * HARMONISED_METRICS.length;
      for (let k = 0; k < indices.length; k++) {
        sums[base + indices[k]] += values[k];
        stated[base + indices[k]] += 1;
      }
    }
  }

  rows(): RollupRow[] {
    const m = HARMONISED_METRICS.length;
    const rows = this.divisions.map((division, row): RollupRow => {
      const page = Math.floor(row / PAGE_ROWS);
      const at = row % PAGE_ROWS;
      const counts = this.counts[page].subarray(at * ROLLUP_COUNTS.length, (at + 1) * ROLLUP_COUNTS.length);
      return {
        division_code: division.code,
        division_level: division.level,
        province: division.code === null ? null : division.code.slice(0, 2),
        ...this.keys[row],
        counts: Object.fromEntries(ROLLUP_COUNTS.map((c, i) => [c, counts[i]])) as Record<RollupCount, number>,
        sums: this.sums[page].subarray(at * m, (at + 1) * m),
        stated: this.stated[page].subarray(at * m, (at + 1) * m),
      };
    });
    return rows.sort(compareKeys);
  }
}

/** The parser's level, or the resolver's when the parser found none (a name's suffix, 我区…). */
export const levelOf = (r: ReportRecord): string | null => r.parsed.facts.level ?? r.jurisdiction?.level ?? null;
