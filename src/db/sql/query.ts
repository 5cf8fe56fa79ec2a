import type { Param } from '../protocol';
import type { DatasetTable } from '../tables';
import { isWideMetric, wideColumnName } from '../../shared/wide-metrics';

/** A query ready for the worker: SQL text with `?` placeholders, its parameters, the tables it reads. */
export interface BuiltQuery {
  /** Names the query for caches, logs and benchmarks. */
  name: string;
  sql: string;
  params: Param[];
  tables: DatasetTable[];
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

/**
 * Conditions for chosen issuers over a year range; with none chosen, every self report pooled
 * (area summaries repeat their units' figures and would be counted twice).
 */
export function bodiesFilter(input: { issuers: readonly string[]; years?: readonly [number, number] }): { where: string[]; params: Param[]; pooled: boolean } {
  const pooled = input.issuers.length === 0;
  const { conditions, params } = filterConditions({ years: input.years, scope: pooled ? 'self' : 'all' });
  const where = ['year IS NOT NULL', ...conditions];
  if (pooled) return { where, params, pooled };
  return { where: [`issuer IN (${placeholders(input.issuers.length)})`, ...where], params: [...input.issuers, ...params], pooled };
}
