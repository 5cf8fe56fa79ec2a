// Copied reports (雷同) under a division: the pairs of `similar_pairs` (written by ingest, see
// src/ingest/similar) that involve a report of the division's own units in a year (its own
// reports, its departments', its child governments'), a per-body copy score, and the two texts
// of a pair for reading side by side.
import { definePreaggregateFamily } from './preaggregated';
import { QueryInputError, type BuiltQuery } from './query';

export interface SimilarInput {
  /** A division that has children: six digits. */
  parent: string;
  year: number;
  /** Pairs at or above this Jaccard similarity (0–1). */
  minSimilarity?: number;
}

function parentCode(parent: unknown): string {
  if (typeof parent !== 'string' || !/^\d{6}$/.test(parent)) throw new QueryInputError(`not a division code: ${JSON.stringify(parent)}`);
  return parent;
}

function reportYear(year: unknown): number {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) throw new QueryInputError(`not a report year: ${JSON.stringify(year)}`);
  return year;
}

function similarityOf(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) throw new QueryInputError(`not a similarity from 0 to 1: ${JSON.stringify(value)}`);
  return value;
}

/**
 * `similar_pairs` is stored per province of each report (src/ingest/arrow-tables.ts): a pair of two
 * provinces' reports is in both provinces' partitions, `is_primary` on the row in report_a's. A
 * report's pairs are read from the rows of its own province, which every query about the report
 * loads: report_a's from the primary row, report_b's from the row filed under report_b's province
 * (the second copy, or the one row of a pair within one province). So each pair counts once for each
 * of its reports, whatever other provinces are loaded.
 */
export const filedFor = (side: 'a' | 'b', alias = ''): string => (side === 'a' ? `${alias}is_primary` : `(NOT ${alias}is_primary OR ${alias}province_a = ${alias}province_b)`);

/** Each report's pairs, one row per pair and report: report_id, other, similarity, kind. */
export const PAIR_LINKS = `SELECT report_a AS report_id, report_b AS other, similarity, kind FROM similar_pairs WHERE ${filedFor('a')}
  UNION ALL SELECT report_b, report_a, similarity, kind FROM similar_pairs WHERE ${filedFor('b')}`;

/**
 * Per province (two digits): the copy score (雷同度) of each of its reports that has a pair, the
 * highest similarity of its pairs, from the rows filed under that province (filedFor: a report's
 * pairs all are), so the same whatever other provinces are loaded. Benchmark joins it to its
 * stored answer instead of grouping PAIR_LINKS at each query; built on first use from the one
 * province's small partition, at any size of dataset.
 */
export const copyScores = definePreaggregateFamily(
  'pre_copy_scores',
  (province) => ({
    name: 'pre.copy_scores',
    sql: `SELECT report_id, max(similarity) AS copy_score FROM (
  SELECT report_a AS report_id, similarity FROM similar_pairs WHERE ${filedFor('a')} AND province_a = '${province}'
  UNION ALL SELECT report_b, similarity FROM similar_pairs WHERE ${filedFor('b')} AND province_b = '${province}'
) GROUP BY report_id ORDER BY report_id`,
    params: [],
    tables: ['similar_pairs'],
    provinces: [province],
  }),
  { anySize: true },
);

/** The reports of the parent's own units in the year: the parent's, its departments', its child governments'. */
const UNITS = `SELECT report_id, issuer, body_key FROM facts_wide WHERE year = ? AND (division_code = ? OR parent_code = ?)`;

/**
 * The pairs involving a unit's report of the year, most similar first. `focus` is the unit's report
 * (report_a when both are), `other` the report it resembles; `other_issuer` is the other report's
 * printed issuer, else (its province not loaded) its body's name, else its id. Columns: focus, other, focus_issuer,
 * other_issuer, other_year, similarity, containment, kind, report_a, report_b, spans_a, spans_b,
 * year_a, year_b, province_a, province_b.
 */
export function similarPairs(input: SimilarInput): BuiltQuery {
  const parent = parentCode(input.parent);
  const year = reportYear(input.year);
  const min = similarityOf(input.minSimilarity ?? 0.5);
  return {
    name: 'similar.pairs',
    sql: `WITH units AS (${UNITS}),
pairs AS (
  SELECT p.*, p.report_a AS focus FROM similar_pairs p
  WHERE p.similarity >= ? AND ${filedFor('a', 'p.')} AND p.report_a IN (SELECT report_id FROM units)
  UNION ALL
  SELECT p.*, p.report_b AS focus FROM similar_pairs p
  WHERE p.similarity >= ? AND ${filedFor('b', 'p.')} AND p.report_b IN (SELECT report_id FROM units) AND p.report_a NOT IN (SELECT report_id FROM units)
)
SELECT p.focus, CASE WHEN p.focus = p.report_a THEN p.report_b ELSE p.report_a END AS other,
  u.issuer AS focus_issuer, coalesce(o.issuer, e.name, CASE WHEN p.focus = p.report_a THEN p.report_b ELSE p.report_a END) AS other_issuer,
  CASE WHEN p.focus = p.report_a THEN p.year_b ELSE p.year_a END AS other_year,
  p.similarity, p.containment, p.kind, p.report_a, p.report_b, p.spans_a, p.spans_b, p.year_a, p.year_b, p.province_a, p.province_b
FROM pairs p
JOIN units u ON u.report_id = p.focus
LEFT JOIN facts_wide o ON o.report_id = CASE WHEN p.focus = p.report_a THEN p.report_b ELSE p.report_a END
LEFT JOIN entities e ON e.key = CASE WHEN p.focus = p.report_a THEN p.body_b ELSE p.body_a END
ORDER BY p.similarity DESC, p.focus, other`,
    params: [year, parent, parent, min, min],
    tables: ['similar_pairs', 'facts_wide', 'entities'],
    provinces: [parent.slice(0, 2)],
  };
}

/**
 * Per body of the parent's units in the year, its copy score: the highest similarity of its report
 * to any other report (0 when none reaches the stored minimum), with the number of such pairs by kind.
 * Columns: body_key, issuer, report_id, score, pairs, same_body, same_year, other.
 */
export function similarScores(input: Omit<SimilarInput, 'minSimilarity'>): BuiltQuery {
  const parent = parentCode(input.parent);
  const year = reportYear(input.year);
  return {
    name: 'similar.scores',
    sql: `WITH units AS (${UNITS}),
links AS (${PAIR_LINKS})
SELECT u.body_key, u.issuer, u.report_id, coalesce(max(l.similarity), 0) AS score, count(l.kind)::INTEGER AS pairs,
  count(l.kind) FILTER (WHERE l.kind = 'same_body')::INTEGER AS same_body,
  count(l.kind) FILTER (WHERE l.kind = 'same_year')::INTEGER AS same_year,
  count(l.kind) FILTER (WHERE l.kind = 'other')::INTEGER AS other
FROM units u LEFT JOIN links l USING (report_id)
GROUP BY ALL
ORDER BY score DESC, u.issuer, u.report_id`,
    params: [year, parent, parent],
    tables: ['similar_pairs', 'facts_wide'],
    provinces: [parent.slice(0, 2)],
  };
}

export interface PairTextsInput {
  reportA: string;
  reportB: string;
  provinces: [string, string];
  years: [number | null, number | null];
}

/** The texts of a pair's two reports. Columns: report_id, text. */
export const pairTexts = (input: PairTextsInput): BuiltQuery => ({
  name: 'similar.texts',
  sql: 'SELECT report_id, text FROM texts WHERE report_id IN (?, ?) ORDER BY report_id',
  params: [input.reportA, input.reportB],
  tables: ['texts'],
  provinces: [...new Set(input.provinces)],
  years: [...new Set(input.years)],
});
