import type { Param } from '../protocol';
import type { DatasetTable } from '../tables';
import { isWideMetric, WIDE_METRICS, wideColumnName } from '../../shared/wide-metrics';

/** A query ready for the worker: SQL text with `?` placeholders, its parameters, the tables it reads. */
export interface BuiltQuery {
  /** Names the query for caches, logs and benchmarks. */
  name: string;
  sql: string;
  params: Param[];
  tables: DatasetTable[];
  /**
   * The provinces (two-digit codes) whose partitions the SQL needs, when it keeps to them; absent:
   * every partition (which the worker refuses when they exceed what the page may hold).
   */
  provinces?: string[];
  /** Likewise the years, for tables split by year (a report's values: its province and year). */
  years?: (number | null)[];
  /**
   * The same answer read from pre-aggregated tables (src/db/sql/preaggregated.ts), which the worker
   * uses for the dataset's own rows; `sql` above is the row-level query, used otherwise.
   */
  preaggregated?: PreaggregatedQuery;
}

export interface PreaggregatedQuery {
  sql: string;
  params: Param[];
  /** Dataset tables it reads besides the pre-aggregates (loaded as for the row-level query). */
  tables: DatasetTable[];
  provinces?: string[];
  /** The pre-aggregate tables it reads. */
  preaggregates: string[];
  /**
   * Asked when this answers no rows: a lookup in a table of whole answers, which holds a row for
   * every parent and year it covers, answers a parent or year it does not cover by `orElse`.
   */
  orElse?: PreaggregatedQuery;
}

export class QueryInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryInputError';
  }
}

/** The column of a whitelisted metric; anything else is refused before it can reach SQL text. */
export function metricColumn(metric: string): string {
  if (!isWideMetric(metric)) throw new QueryInputError(`not a dashboard metric: ${JSON.stringify(metric)}`);
  return wideColumnName(metric);
}

export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

export interface ReportFilter {
  years?: readonly [number, number];
  levels?: readonly string[];
  /** `self` reports only (default): area summaries repeat their units' figures and must not be added to them. */
  scope?: 'self' | 'area' | 'all';
  /** Reports whose parse failed carry no values; they are left out unless asked for. */
  includeFailed?: boolean;
}

/** WHERE conditions on `facts_wide` (alias-free) with their parameters. */
export function filterConditions(filter: ReportFilter): { conditions: string[]; params: Param[] } {
  const conditions: string[] = [];
  const params: Param[] = [];
  if (filter.years) {
    const [from, to] = filter.years;
    if (!Number.isInteger(from) || !Number.isInteger(to)) throw new QueryInputError('years must be integers');
    conditions.push('year BETWEEN ? AND ?');
    params.push(Math.min(from, to), Math.max(from, to));
  }
  if (filter.levels && filter.levels.length > 0) {
    conditions.push(`level IN (${placeholders(filter.levels.length)})`);
    params.push(...filter.levels);
  }
  const scope = filter.scope ?? 'self';
  if (scope !== 'all') {
    conditions.push('scope = ?');
    params.push(scope);
  }
  if (!filter.includeFailed) conditions.push("status <> 'failed'");
  return { conditions, params };
}

export const whereClause = (conditions: readonly string[]): string => (conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`);

/** `%text%` for ILIKE, with the pattern characters of the user's text escaped. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// ---- bodies ------------------------------------------------------------------------------------
// A body's key: see src/shared/body-key.ts, whose rule BODY_KEY_SQL repeats in SQL.

/** The body key of a `facts_wide` / `reports` row (alias-free); null when neither division nor issuer is known. */
export const BODY_KEY_SQL = `CASE WHEN division_code IS NOT NULL THEN division_code || coalesce('/' || nullif(department, ''), '') WHEN issuer IS NOT NULL THEN 'name:' || issuer END`;

export { bodyKey, NAME_KEY_PREFIX } from '../../shared/body-key';
import { NAME_KEY_PREFIX } from '../../shared/body-key';

/** The provinces (partition keys) of some bodies: a code's first two digits; `none` for a printed name. */
export const bodyProvinces = (bodies: readonly string[]): string[] =>
  [...new Set(bodies.map((key) => (key.startsWith(NAME_KEY_PREFIX) ? 'none' : key.slice(0, 2))))].sort();

/** Whether a text has the shape of a body key (it may still name no body of this dataset). */
export const isBodyKey = (value: string): boolean => /^\d{6}(\d{3})?(\/.+)?$/su.test(value) || (value.startsWith(NAME_KEY_PREFIX) && value.length > NAME_KEY_PREFIX.length);

export interface BodiesInput {
  /** Body keys; none means every own report pooled. */
  bodies?: readonly string[];
  /**
   * @deprecated Printed issuer names, each standing for the whole body that printed it (callers
   * from before bodies had keys). Ignored when `bodies` are given.
   */
  issuers?: readonly string[];
  years?: readonly [number, number];
  /** Every body, each apart, as if each were chosen (the pre-aggregates' sources); `bodies` is then ignored. */
  everyBody?: boolean;
}

/**
 * The chosen bodies as a condition on `facts_wide` (alias-free); with none chosen, every self report
 * pooled (area summaries repeat their units' figures and would be counted twice).
 */
export function bodiesFilter(input: BodiesInput): { where: string[]; params: Param[]; pooled: boolean } {
  const bodies = input.bodies ?? [];
  const names = bodies.length === 0 ? (input.issuers ?? []) : [];
  const pooled = !input.everyBody && bodies.length === 0 && names.length === 0;
  const { conditions, params } = filterConditions({ years: input.years, scope: pooled ? 'self' : 'all' });
  const where = ['year IS NOT NULL', ...conditions];
  if (pooled) return { where, params, pooled };
  if (input.everyBody) return { where: ['body_key IS NOT NULL', ...where], params, pooled };
  const chosen = bodies.length > 0
    ? `body_key IN (${placeholders(bodies.length)})`
    : `body_key IN (SELECT body_key FROM facts_wide WHERE issuer IN (${placeholders(names.length)}))`;
  return { where: [chosen, ...where], params: [...(bodies.length > 0 ? bodies : names), ...params], pooled };
}

const METRIC_COLUMNS = WIDE_METRICS.map(wideColumnName);

/** The facts_wide metric columns a piece of SQL names, in catalogue order. */
export const metricColumnsIn = (text: string): string[] => METRIC_COLUMNS.filter((c) => new RegExp(`\\b${c}\\b`, 'u').test(text));

/** Whether a bodies input pools every own report (no body chosen): see bodiesFilter. */
export const isPooled = (input: BodiesInput): boolean => bodiesFilter(input).pooled;

/**
 * One report per body and year, never two added: of a body's reports in a year, an own report
 * before an area summary, then one stating what the query needs (`stated`), then the lowest
 * report_id. Columns: `report_id`, `body_key`, `year`, `scope`, the metric columns named in `uses`
 * (the SQL that reads the picked rows: a wide table's other ~200 columns are never fetched) or,
 * without it, every `facts_wide` column; and `body_reports` (how many of the body's reports that
 * year pass the filter). Reports of no known body count as their own unit each. `perScope`: one
 * report per body, year and scope (an own report and an area summary of one year are two series'
 * points, never one value), `body_reports` still counting all the body's reports that year.
 */
export function pickedReports(input: BodiesInput, stated: string, uses?: string, perScope = false): { sql: string; params: Param[]; pooled: boolean; provinces?: string[] } {
  const { where, params, pooled } = bodiesFilter(input);
  const columns = uses === undefined ? '*' : ['report_id', 'body_key', 'year', 'scope', ...metricColumnsIn(`${stated} ${uses}`)].join(', ');
  // Nearly every body has one report a year (body_year_reports = 1, counted at ingest over every
  // report): those are their own pick whatever the filter. Only the rare pairs are windowed.
  const filtered = (extra: string) => whereClause([...where, extra]);
  const unit = "coalesce(body_key, 'report:' || report_id), year";
  const sql = `SELECT ${columns}, 1 AS body_reports FROM facts_wide
${filtered('body_year_reports = 1')}
UNION ALL BY NAME
SELECT * EXCLUDE (pick) FROM (
  SELECT ${columns},
    count(*) OVER (PARTITION BY ${unit}) AS body_reports,
    row_number() OVER (PARTITION BY ${unit}${perScope ? ', scope' : ''} ORDER BY scope = 'area', CASE WHEN ${stated} THEN 0 ELSE 1 END, report_id) AS pick
  FROM facts_wide
  ${filtered('body_year_reports > 1')}
) WHERE pick = 1`;
  // Chosen bodies keep to their provinces' partitions; legacy names and the pool read them all.
  return { sql, params: [...params, ...params], pooled, ...(input.bodies?.length && !input.everyBody ? { provinces: bodyProvinces(input.bodies) } : {}) };
}

/**
 * Sums over picked reports (`sums`: a SELECT from `picked` with `body_key` and `year` first) with
 * each body's name beside its key: `body` is '*' when every own report is pooled.
 */
export function withBodyNames(picked: ReturnType<typeof pickedReports>, sums: string): Pick<BuiltQuery, 'sql' | 'params' | 'tables' | 'provinces'> {
  const sql = `WITH picked AS (
${picked.sql}
), sums AS (
${sums}
)
SELECT s.body_key, ${picked.pooled ? "'*'" : 'e.name'} AS body, s.* EXCLUDE (body_key)
FROM sums s
${picked.pooled ? '' : 'JOIN entities e ON e.key = s.body_key'}
ORDER BY body, s.body_key, s.year`;
  return { sql, params: picked.params, tables: picked.pooled ? ['facts_wide'] : ['facts_wide', 'entities'], ...(picked.provinces ? { provinces: picked.provinces } : {}) };
}
