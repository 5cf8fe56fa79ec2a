// Pre-aggregated sums the dashboard loads up front whatever the dataset's size (the county rows
// per province, when a view drills down): for each
// division at province, city and county level (and the whole dataset, `nation`), year, issuer
// level and scope, how many reports there are (by status and template) and every harmonised
// metric summed with how many reports state it. A report counts once in each division of its
// chain; reports with no resolved division count only in `nation`. Area summaries and own
// reports stay apart (scope is part of the key), so no total ever adds them together.
import type { ReportRecord } from './read-report';
import { chainCode } from '../jurisdictions/report-division';
import { HARMONISED_METRICS } from './harmonised';

export const ROLLUP_LEVELS = ['nation', 'province', 'city', 'county'] as const;
export type RollupLevel = (typeof ROLLUP_LEVELS)[number];

export const ROLLUP_COUNTS = ['reports', 'ok', 'partial', 'failed', 'narrative', 'table2019', 'table2021', 'template_unknown', 'failing_checks', 'synthetic'] as const;
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

const emptyCounts = (): Record<RollupCount, number> =>
  Object.fromEntries(ROLLUP_COUNTS.map((c) => [c, 0])) as Record<RollupCount, number>;

function countReport(counts: Record<RollupCount, number>, record: ReportRecord): void {
  const { status, facts } = record.parsed;
  // Re-run on the corrected values where corrections touched the report.
  const checks = record.corrected?.checks ?? record.parsed.checks;
  counts.reports += 1;
  counts[status] += 1;
  const template = facts.template;
  if (template === 'narrative' || template === 'table2019' || template === 'table2021') counts[template] += 1;
  else counts.template_unknown += 1;
  if (checks.some((c) => c.status === 'fail')) counts.failing_checks += 1;
  if (facts.synthetic === true) counts.synthetic += 1;
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

/**
 * Adds reports one at a time; `rows()` gives the rollup rows sorted by level, code, year, issuer
 * level, scope. `metrics` are a report's harmonised values (the same pick as facts_wide's, so a
 * rollup equals the sum of its rows there).
 */
export class RollupAccumulator {
  private readonly byKey = new Map<string, RollupRow>();

  add(record: ReportRecord, metrics: Map<string, number>): void {
    const { year, scope } = record.parsed.facts;
    const level = levelOf(record);
    for (const division of rollupDivisions(record)) {
      const key = JSON.stringify([division.code, year, level, scope]);
      let row = this.byKey.get(key);
      if (!row) {
        row = {
          division_code: division.code,
          division_level: division.level,
          province: division.code === null ? null : division.code.slice(0, 2),
          year,
          level,
          scope,
          counts: emptyCounts(),
          sums: new Float64Array(HARMONISED_METRICS.length),
          stated: new Int32Array(HARMONISED_METRICS.length),
        };
        this.byKey.set(key, row);
      }
      countReport(row.counts, record);
      for (const [metric, value] of metrics) {
        const i = METRIC_INDEX.get(metric)!;
        row.sums[i] += value;
        row.stated[i] += 1;
      }
    }
  }

  rows(): RollupRow[] {
    return [...this.byKey.values()].sort(compareKeys);
  }
}

/** The parser's level, or the resolver's when the parser found none (a name's suffix, 我区…). */
export const levelOf = (r: ReportRecord): string | null => r.parsed.facts.level ?? r.jurisdiction?.level ?? null;
