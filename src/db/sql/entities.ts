import type { Param } from '../protocol';
import { type BuiltQuery, containsPattern, placeholders } from './query';

export interface EntitySearch {
  text?: string;
  levels?: readonly string[];
  year?: number;
  limit?: number;
}

function nameAndLevel(search: EntitySearch): { conditions: string[]; params: Param[] } {
  const conditions: string[] = [];
  const params: Param[] = [];
  const text = search.text?.trim();
  if (text) {
    conditions.push("(issuer ILIKE ? ESCAPE '\\' OR jurisdiction ILIKE ? ESCAPE '\\')");
    params.push(containsPattern(text), containsPattern(text));
  }
  if (search.levels && search.levels.length > 0) {
    conditions.push(`level IN (${placeholders(search.levels.length)})`);
    params.push(...search.levels);
  }
  return { conditions, params };
}

const limitOf = (search: EntitySearch): number => Math.max(1, Math.min(search.limit ?? 100, 1000));

/**
 * Issuers (the organs that publish reports) matching a name search, with their jurisdiction,
 * level and how many reports over which years. An issuer is the unit the views compare. Without
 * a year the precomputed one-row-per-issuer `entities` table answers; a year needs the reports.
 */
export function searchEntities(search: EntitySearch): BuiltQuery {
  const { conditions, params } = nameAndLevel(search);
  if (search.year === undefined) {
    return {
      name: 'entities.index',
      sql: `SELECT issuer, jurisdiction, level, reports, first_year, last_year
FROM entities
${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
ORDER BY reports DESC, issuer
LIMIT ?`,
      params: [...params, limitOf(search)],
      tables: ['entities'],
    };
  }
  return {
    name: 'entities.search',
    sql: `SELECT issuer, min(jurisdiction) AS jurisdiction, min(level) AS level, count(*) AS reports,
  min(year) AS first_year, max(year) AS last_year
FROM facts_wide
WHERE ${['issuer IS NOT NULL', ...conditions, 'year = ?'].join(' AND ')}
GROUP BY issuer
ORDER BY reports DESC, issuer
LIMIT ?`,
    params: [...params, search.year, limitOf(search)],
    tables: ['facts_wide'],
  };
}
