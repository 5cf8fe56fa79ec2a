// Pre-aggregated answers: small tables the worker builds once from the whole of the row-level
// tables (behind the first chart, after facts_wide has loaded), so that a view's query reads tens or
// hundreds of rows instead of every report. Each table is one of the views' own row-level queries
// run over everything, grouped finely enough (per year, per division × year) that the view's
// parameters become a filter on it; the row-level query stays beside it (`BuiltQuery.detail`) and
// is what runs over an imported layer, and the tables are dropped and rebuilt after corrections,
// so both always give the same rows (tests/integration/db/preaggregated.test.ts).
import type { Param } from '../protocol';
import { type BodiesInput, type BuiltQuery, isPooled, placeholders, type PreaggregatedQuery } from './query';

/** A pre-aggregate: the row-level query whose whole answer is stored as table `name`. */
export interface Preaggregate {
  name: string;
  source: () => BuiltQuery;
  /** Built right behind init (default), or only when a query first needs it. */
  behindInit: boolean;
  /** Other pre-aggregates its source reads (built first). */
  needs?: readonly string[];
  /**
   * Written by `gongkai ingest` beside the tables (a stored answer: storedAnswerNames), read by the
   * page instead of built; 'national': only for a dataset whose facts_wide the page never holds whole
   * (beyond EAGER_DETAIL_ROWS), where the page could not build it and would answer row by row over
   * every province's partitions instead.
   */
  stored?: Stored;
  /**
   * Its rows of one province come from that province's partitions alone (picked per division, and a
   * division's reports are all in its province's partitions), and the whole is their union in this
   * order (a total one): ingest builds it a province at a time, never holding every province's
   * rows (buildPreaggregateByProvince in src/db/handler.ts).
   */
  byProvince?: string;
  /**
   * Its rows are sums and counts grouped by these columns (its own order, a total one) over rows
   * that each come from one province's partitions, every unit counted by a distinct count lying
   * within one province (a division's reports are all in its province's partitions): ingest builds
   * it a province at a time and adds the provinces' rows of each group (summedAcrossProvincesSql),
   * never holding every province's rows. Its sums are of counts: whole numbers add exactly in any
   * order (a fractional value printed as a count could differ from a whole-table sum in its last bit).
   */
  summedByProvince?: readonly string[];
  /**
   * Its source reads only small tables the page may load at any size (the rollups' shared rows,
   * which every dataset holds from init; one province's similar_pairs): built in the page even
   * where facts_wide is never held whole (a national dataset).
   */
  anySize?: boolean;
}

export type Stored = boolean | 'national';

const registry = new Map<string, Preaggregate>();

/** Registers a pre-aggregate (at module load of the builder that reads it); returns its table name. */
export function definePreaggregate(
  name: string,
  source: () => BuiltQuery,
  options: { behindInit?: boolean; needs?: readonly string[]; stored?: Stored; byProvince?: string; summedByProvince?: readonly string[]; anySize?: boolean } = {},
): string {
  if (!/^pre_[a-z0-9_]+$/.test(name)) throw new Error(`not a pre-aggregate name: ${name}`);
  const { behindInit, needs, stored, byProvince, summedByProvince, anySize } = options;
  registry.set(name, { name, source, behindInit: behindInit ?? true, needs, stored, byProvince, summedByProvince, anySize });
  return name;
}

/**
 * A family of pre-aggregates, one per province (`<prefix>_<two digits>`): the whole answer of a
 * view for every parent and year of one province, built from that province's partitions when a
 * query of the province first needs it (the gazetteer's towns and the reports stay per province).
 */
const families = new Map<string, { source: (province: string) => BuiltQuery; needs?: readonly string[]; stored?: boolean; anySize?: boolean }>();

export function definePreaggregateFamily(prefix: string, source: (province: string) => BuiltQuery, options: { needs?: readonly string[]; stored?: boolean; anySize?: boolean } = {}): (province: string) => string {
  if (!/^pre_[a-z0-9_]+$/.test(prefix)) throw new Error(`not a pre-aggregate name: ${prefix}`);
  families.set(prefix, { source, needs: options.needs, stored: options.stored, anySize: options.anySize });
  return (province) => {
    if (!/^\d{2}$/.test(province)) throw new Error(`not a province key: ${province}`);
    return `${prefix}_${province}`;
  };
}

export function preaggregate(name: string): Preaggregate | undefined {
  const own = registry.get(name);
  if (own) return own;
  const match = /^(pre_[a-z0-9_]+)_(\d{2})$/.exec(name);
  const family = match ? families.get(match[1]) : undefined;
  return family && match ? { name, source: () => family.source(match[2]), behindInit: false, needs: family.needs, stored: family.stored, anySize: family.anySize } : undefined;
}
/** Whether a pre-aggregate is built in the page at any size (see Preaggregate.anySize). */
export const buildableAtAnySize = (name: string): boolean => preaggregate(name)?.anySize === true;
/** The province (two digits) of a per-province pre-aggregate's name; null for any other name. */
export function familyProvince(name: string): string | null {
  const match = /^(pre_[a-z0-9_]+)_(\d{2})$/.exec(name);
  return match && families.has(match[1]) ? match[2] : null;
}
export const isPreaggregate = (name: string): boolean => preaggregate(name) !== undefined;
export const preaggregateNames = (which: 'all' | 'behind-init' = 'all'): string[] =>
  [...registry.values()].filter((p) => which === 'all' || p.behindInit).map((p) => p.name).sort();

/**
 * The stored answers of a dataset whose rows cover `provinces` (two-digit codes): the costly
 * pre-aggregates `gongkai ingest` writes as files (src/ingest/stored-answers.ts), the per-province
 * ones for each province, and (`national`: the page never holds its facts_wide whole) the ones
 * stored for such a dataset only. Grouped by what they need (in order), so a builder can let each
 * group's parts go once the group is done.
 */
export function storedAnswerNames(provinces: readonly string[], national = false): string[] {
  const own = [...registry.values()].filter((p) => p.stored === true || (national && p.stored === 'national')).map((p) => p.name);
  const perProvince = [...families.entries()].filter(([, f]) => f.stored).flatMap(([prefix]) => provinces.filter((p) => /^\d{2}$/.test(p)).map((p) => `${prefix}_${p}`));
  const key = (name: string) => `${(preaggregate(name)?.needs ?? []).join(',')}|${name}`;
  return [...own, ...perProvince].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * The whole of a `summedByProvince` pre-aggregate from the provinces' rows in `parts` (columns in
 * the source's order with their DuckDB types): each group's sums and counts added, every column of
 * the type the source gives it (a count is BIGINT, a sum of integers HUGEINT, of metrics DOUBLE), in
 * the groups' order. Any other type is refused: it may not be a sum.
 */
export function summedAcrossProvincesSql(name: string, parts: string, columns: readonly { name: string; type: string }[]): string {
  const definition = preaggregate(name);
  const keys = definition?.summedByProvince;
  if (!keys) throw new Error(`pre-aggregate ${name} is not summed by province`);
  const quote = (column: string) => `"${column.replaceAll('"', '""')}"`;
  const select = columns.map(({ name: column, type }) => {
    if (keys.includes(column)) return quote(column);
    const sum = `sum(${quote(column)})`;
    if (type === 'HUGEINT' || type === 'DOUBLE') return `${sum} AS ${quote(column)}`;
    if (type === 'BIGINT' || type === 'INTEGER') return `CAST(${sum} AS ${type}) AS ${quote(column)}`;
    throw new Error(`pre-aggregate ${name}: column ${column} of type ${type} is not a sum or a count`);
  });
  const missing = keys.filter((key) => !columns.some((c) => c.name === key));
  if (missing.length > 0) throw new Error(`pre-aggregate ${name}: no column ${missing.join(', ')}`);
  const groups = keys.map(quote).join(', ');
  return `SELECT ${select.join(', ')} FROM ${parts} GROUP BY ${groups} ORDER BY ${groups}`;
}

/**
 * A pooled answer picks one report per body and year (pickedReports): summed a province at a time
 * it is the whole-table answer only if each body's reports of a year lie in one province's
 * partitions. A division's do; a body known by its printed name alone (`name:` key) may not (an
 * unlisted unit placed by its chain in one report, unplaced in another of the same year). The rows
 * record, per province, the units that have more than one report a year (the only ones a pick
 * windows over: body_year_reports is counted over every report at ingest).
 */
export const pooledUnitsSql = (units: string, province: string, first: boolean): string => {
  const select = `SELECT DISTINCT body_key, year, '${province.replaceAll("'", "''")}' AS province FROM facts_wide WHERE body_key IS NOT NULL AND body_year_reports > 1`;
  return first ? `CREATE TABLE ${units} AS ${select}` : `INSERT INTO ${units} ${select}`;
};

/** The first of those units whose reports of one year lie in two provinces' partitions, if any. */
export const unitAcrossProvincesSql = (units: string): string =>
  `SELECT body_key, year, string_agg(DISTINCT province, ', ' ORDER BY province) AS provinces FROM ${units} GROUP BY body_key, year HAVING count(DISTINCT province) > 1 ORDER BY body_key, year LIMIT 1`;

/** The SQL that builds a pre-aggregate's table (bound parameters written in as literals). */
export function preaggregateSql(p: Preaggregate): string {
  return `CREATE OR REPLACE TABLE ${p.name} AS ${preaggregateSelect(p)}`;
}

/** Its source query, bound parameters written in as literals. */
export function preaggregateSelect(p: Preaggregate): string {
  const source = p.source();
  return inlineParams(source.sql, source.params);
}

const fingerprints = new Map<string, Promise<string>>();

/**
 * What a stored answer of `name` was made by: the SHA-256 (hex) of its SQL and of the pre-aggregates
 * it reads, theirs in turn. Ingest records it (ManifestStored.sql_sha256); the page loads the stored
 * answer only while its own definition gives the same, so a change of the SQL never serves a stale one.
 */
export function preaggregateFingerprint(name: string): Promise<string> {
  let pending = fingerprints.get(name);
  if (!pending) {
    const definition = preaggregate(name);
    if (!definition) throw new Error(`unknown pre-aggregate ${name}`);
    pending = (async () => {
      const needs = await Promise.all((definition.needs ?? []).map(preaggregateFingerprint));
      const text = [preaggregateSql(definition), ...needs].join('\n');
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
      return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    })();
    fingerprints.set(name, pending);
  }
  return pending;
}

/** `?` placeholders replaced by literals; only numbers and strings occur in the sources. */
export function inlineParams(sql: string, params: readonly Param[]): string {
  let i = 0;
  const text = sql.replace(/\?/g, () => {
    if (i >= params.length) throw new Error('more placeholders than parameters');
    const value = params[i++];
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
    if (value === null) return 'NULL';
    throw new Error(`cannot write ${typeof value} into SQL`);
  });
  if (i !== params.length) throw new Error('more parameters than placeholders');
  return text;
}

/** A pooled answer's groups in its order (withBodyNames: body, body_key, year; body and key '*'). */
export const POOLED_GROUPS = ['body', 'body_key', 'year'] as const;

/**
 * A query answered from a pre-aggregate where one is built (the dataset's own rows, not an
 * imported layer), the row-level query kept as `detail` for everything else.
 */
export const withPreaggregate = (detail: BuiltQuery, fast: PreaggregatedQuery): BuiltQuery => ({ ...detail, preaggregated: fast });

/**
 * Every own report pooled per year (no body chosen): the whole answer over all years is the
 * pre-aggregate, a year range a filter on it (a report is picked among its body's reports of the
 * same year, so a range never changes another year's rows).
 */
export function pooledByYear(detail: BuiltQuery, input: BodiesInput, table: string): BuiltQuery {
  if (!isPooled(input)) return detail;
  const years = input.years;
  if (years && (!Number.isInteger(years[0]) || !Number.isInteger(years[1]))) return detail;
  return withPreaggregate(detail, {
    sql: `SELECT * FROM ${table}${years ? ' WHERE year BETWEEN ? AND ?' : ''} ORDER BY year`,
    params: years ? [Math.min(...years), Math.max(...years)] : [],
    tables: [],
    preaggregates: [table],
  });
}

/**
 * Chosen bodies, each with its own rows per year: the answer for every body is the pre-aggregate,
 * the chosen bodies and a year range a filter on it (a body's rows never depend on another body's).
 * It holds one row per body (perBodySource), its name beside its key and its rows per year as
 * lists: a lookup reads the few chosen rows of a table of bodies and unnests them, instead of
 * filtering about a row per report and joining the names from `entities` (the row-level query's
 * join, done once at build). `list_contains`, not IN: DuckDB plans an IN list of five or more as a
 * join against the list.
 */
export function perBodyYear(detail: BuiltQuery, input: BodiesInput, table: string, thenBy?: string): BuiltQuery {
  const bodies = input.bodies ?? [];
  if (bodies.length === 0 || input.everyBody) return detail;
  const years = input.years;
  if (years && (!Number.isInteger(years[0]) || !Number.isInteger(years[1]))) return detail;
  return withPreaggregate(detail, {
    sql: `SELECT * FROM (
  SELECT body_key, body, r.* FROM (SELECT body_key, body, unnest(rows) AS r FROM ${table} WHERE list_contains([${placeholders(bodies.length)}], body_key))
)${years ? ' WHERE year BETWEEN ? AND ?' : ''}
ORDER BY body, body_key, year${thenBy ? `, ${thenBy}` : ''}`,
    params: [...bodies, ...(years ? [Math.min(...years), Math.max(...years)] : [])],
    tables: [],
    preaggregates: [table],
  });
}

/**
 * The source of a perBodyYear table: every body's answer (columns body_key, body, then the rest) as
 * one row per body in key order, `rows` its rows' other columns as a list of structs in no set order
 * (the lookup sorts what it reads: an ordered aggregate cost 4× the build), its `counts` (report
 * counts: sums are 128-bit, counts 64-bit) held as INTEGER (a count of reports never nears 2^31, and
 * every width reaches the page as the same number).
 */
export function perBodySource(everyBody: BuiltQuery, counts: readonly string[]): BuiltQuery {
  const narrowed = counts.map((c) => `CAST(${c} AS INTEGER) AS ${c}`).join(', ');
  const rows = `SELECT *${counts.length > 0 ? ` REPLACE (${narrowed})` : ''} FROM (${everyBody.sql})`;
  return {
    ...everyBody,
    sql: `SELECT body_key, body, list(struct_pack(*COLUMNS(* EXCLUDE (body_key, body)))) AS rows
FROM (${rows})
GROUP BY body_key, body
ORDER BY body_key, body`,
  };
}
