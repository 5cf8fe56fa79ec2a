// The bodies that publish reports (see src/shared/body-key.ts): one row each in the `entities`
// table (src/db/tables.ts, from the `bodies` table ingest writes), searched by the picker and
// looked up for the URL's `e` values.
import type { Param } from '../protocol';
import { definePreaggregate, withPreaggregate } from './preaggregated';
import { type BuiltQuery, containsPattern, placeholders, QueryInputError } from './query';

export interface EntitySearch {
  text?: string;
  levels?: readonly string[];
  /** A province code (`NN0000`): bodies in that province only. */
  province?: string;
  year?: number;
  limit?: number;
}

const PROVINCE = /^\d{2}0000$/;

/**
 * The text condition on the entities table (ILIKE on the contains-pattern), or on ENTITY_SEARCH's
 * names lowercased once (the text itself): DuckDB's ILIKE is a LIKE of both lowercased, which
 * lowercases every row's names at each search.
 */
const TEXT_MATCH = {
  rows: { sql: "(e.name ILIKE ? ESCAPE '\\' OR array_to_string(e.printed_names, chr(10)) ILIKE ? ESCAPE '\\')", param: containsPattern },
  lowered: { sql: '(contains(e.lower_name, lower(?)) OR contains(e.lower_printed, lower(?)))', param: (text: string) => text },
};

function conditionsOf(search: EntitySearch, on: keyof typeof TEXT_MATCH = 'rows'): { conditions: string[]; params: Param[] } {
  const conditions: string[] = [];
  const params: Param[] = [];
  // A line break would let a pattern run from one printed name into the next.
  const text = search.text?.replace(/[\r\n]+/g, ' ').trim();
  if (text) {
    const { sql, param } = TEXT_MATCH[on];
    conditions.push(sql);
    params.push(param(text), param(text));
  }
  if (search.levels && search.levels.length > 0) {
    conditions.push(`e.level IN (${placeholders(search.levels.length)})`);
    params.push(...search.levels);
  }
  if (search.province !== undefined) {
    if (!PROVINCE.test(search.province)) throw new QueryInputError(`not a province code: ${JSON.stringify(search.province)}`);
    conditions.push('e.province_code = ?');
    params.push(search.province);
  }
  return { conditions, params };
}

const limitOf = (search: EntitySearch): number => Math.max(1, Math.min(search.limit ?? 100, 1000));

/** The body index's order (a total one: keys are unique). */
const INDEX_ORDER = 'e.reports DESC, e.name, e.key';

const COLUMNS = `e.key, e.name, e.level, e.province_code, nullif(array_to_string(e.printed_names, '、'), '') AS printed`;

/**
 * Bodies matching a search on their name or any name their reports print, a level and a province,
 * most reports first. Columns: key, name, level, province_code, printed (the printed names, joined
 * with 、), reports, first_year, last_year; with a year, only bodies with a report that year, and
 * the counts of that year.
 */
export function searchEntities(search: EntitySearch): BuiltQuery {
  const { conditions, params } = conditionsOf(search);
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  if (search.year === undefined) {
    // The kept copy is stored in the index's order: its first matches are the answer (see ENTITY_SEARCH).
    const index = (from: string, whereText: string) => `SELECT ${from === 'entities' ? COLUMNS : 'e.key, e.name, e.level, e.province_code, e.printed'}, e.reports, e.first_year, e.last_year
FROM ${from} e
${whereText}
${from === 'entities' ? `ORDER BY ${INDEX_ORDER}\n` : ''}LIMIT ?`;
    const detail: BuiltQuery = { name: 'entities.index', sql: index('entities', where), params: [...params, limitOf(search)], tables: ['entities'] };
    const lowered = conditionsOf(search, 'lowered');
    return withPreaggregate(detail, {
      sql: index(ENTITY_SEARCH, lowered.conditions.length ? `WHERE ${lowered.conditions.join(' AND ')}` : ''),
      params: [...lowered.params, limitOf(search)],
      tables: [],
      preaggregates: [ENTITY_SEARCH],
    });
  }
  if (!Number.isInteger(search.year)) throw new QueryInputError('year must be an integer');
  return {
    name: 'entities.search',
    sql: `SELECT ${COLUMNS}, y.reports, y.year AS first_year, y.year AS last_year
FROM entities e
JOIN (SELECT body_key AS key, year, count(*) AS reports FROM facts_wide WHERE year = ? GROUP BY ALL) y ON y.key = e.key
${where}
ORDER BY y.reports DESC, e.name, e.key
LIMIT ?`,
    params: [search.year, ...params, limitOf(search)],
    tables: ['entities', 'facts_wide'],
  };
}

/**
 * The body each value stands for: the body with that key, else the bodies that printed that name
 * (an old link carrying an issuer name), the one with most reports first. Columns: value, key,
 * name, level; values that match nothing have no row.
 */
export function lookupBodies(values: readonly string[]): BuiltQuery {
  const wanted = [...new Set(values)];
  if (wanted.length === 0) throw new QueryInputError('no bodies to look up');
  return {
    name: 'entities.lookup',
    sql: `SELECT w.value, e.key, e.name, e.level
FROM (VALUES ${wanted.map(() => '(CAST(? AS VARCHAR))').join(', ')}) AS w(value)
JOIN entities e ON e.key = w.value OR list_contains(e.printed_names, w.value)
ORDER BY w.value, e.key = w.value DESC, e.reports DESC, e.key`,
    params: wanted,
    tables: ['entities'],
  };
}

/**
 * The provinces bodies are in, with the province's name from the gazetteer. Columns: code, name,
 * bodies. The dataset's answer is stored (a few dozen rows: the page loads neither the gazetteer
 * nor the bodies for it).
 */
export function entityProvinces(): BuiltQuery {
  return withPreaggregate(entityProvincesRows(), { sql: `SELECT * FROM ${ENTITY_PROVINCES} ORDER BY code`, params: [], tables: [], preaggregates: [ENTITY_PROVINCES] });
}

function entityProvincesRows(): BuiltQuery {
  return {
    name: 'entities.provinces',
    sql: `SELECT e.province_code AS code, min(j.name) AS name, count(DISTINCT e.key) AS bodies
FROM entities e
LEFT JOIN (SELECT code, arg_max(name, "first") AS name FROM jurisdictions GROUP BY code) j ON j.code = e.province_code
WHERE e.province_code IS NOT NULL
GROUP BY e.province_code
ORDER BY e.province_code`,
    params: [],
    tables: ['entities', 'jurisdictions'],
  };
}

const ENTITY_PROVINCES = definePreaggregate('pre_entity_provinces', entityProvincesRows, { behindInit: false, stored: true });

/**
 * The index's columns of every body, with its names lowercased once (a search is a filter on them),
 * stored in the index's order: a search reads it without ORDER BY, so its LIMIT stops at the first
 * matches instead of sorting every match (DuckDB keeps a table's order in a query without ORDER BY:
 * preserve_insertion_order, set in src/db/engine-duckdb.ts). '区' at province size: 5.3 → 2.4 CPU ms p50.
 */
const ENTITY_SEARCH = definePreaggregate(
  'pre_entity_search',
  () => ({
    name: 'pre.entity_search',
    sql: `SELECT ${COLUMNS}, e.reports, e.first_year, e.last_year, lower(e.name) AS lower_name, lower(array_to_string(e.printed_names, chr(10))) AS lower_printed
FROM entities e
ORDER BY ${INDEX_ORDER}`,
    params: [],
    tables: ['entities'],
  }),
  { behindInit: false },
);
