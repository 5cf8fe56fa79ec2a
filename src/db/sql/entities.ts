import type { Param } from '../protocol';
import { type BuiltQuery, containsPattern, placeholders } from './query';

export interface EntitySearch {
  text?: string;
  levels?: readonly string[];
  year?: number;
  limit?: number;
}

/**
 * Issuers (the organs that publish reports) matching a name search, with their jurisdiction,
 * level and how many reports over which years. An issuer is the unit the views compare.
 */
export function searchEntities(search: EntitySearch): BuiltQuery {
  const conditions = ['issuer IS NOT NULL'];
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
  if (search.year !== undefined) {
    conditions.push('year = ?');
    params.push(search.year);
  }
  params.push(Math.max(1, Math.min(search.limit ?? 100, 1000)));
  return {
    name: 'entities.search',
    sql: `SELECT issuer, min(jurisdiction) AS jurisdiction, min(level) AS level, count(*) AS reports,
  min(year) AS first_year, max(year) AS last_year
FROM facts_wide
WHERE ${conditions.join(' AND ')}
GROUP BY issuer
ORDER BY reports DESC, issuer
LIMIT ?`,
    params,
    tables: ['facts_wide'],
  };
}
