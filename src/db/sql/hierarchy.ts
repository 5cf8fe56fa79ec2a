// The hierarchy views: a division's children benchmarked on a metric, the parent's area summary
// reconciled with its children's own reports, report coverage against the gazetteer, and the
// children of a node for a picker. They read `facts_wide` (one row per report, with the report's
// division: division_code, parent_code, province_code, division_level, department) and
// `jurisdictions` (the gazetteer: one row per code + name validity period).
//
// Rules every builder keeps:
// - A unit (a division's government, or one department of it) counts once per year. Several reports
//   of one unit in one year are never added: one is picked — scope 'self' before 'area', then a
//   report that states the metric before one that does not, then the lowest report_id — and
//   `reports` says how many there were.
// - Area summaries (scope 'area') and own reports (scope 'self') are never added together.
// - Codes, years and metric ids are validated here; only whitelisted column names reach SQL text,
//   everything else is a bound parameter.
import { RATES } from '../../shared/metric-catalogue';
import { WIDE_METRICS } from '../../shared/wide-metrics';
import type { Param } from '../protocol';
import { definePreaggregate, definePreaggregateFamily, withPreaggregate } from './preaggregated';
import { type BuiltQuery, containsPattern, metricColumn, type PreaggregatedQuery, QueryInputError } from './query';
import { copyScores, PAIR_LINKS } from './similar';

export type PeerGroup = 'parent' | 'province-level' | 'national-level';
export const PEER_GROUPS: readonly PeerGroup[] = ['parent', 'province-level', 'national-level'];

/** A per-unit measure: a metric column, or a rate of two counts of the same report. */
interface Measure {
  value: string;
  numerator: string;
  denominator: string;
  /** The report states what the measure needs. */
  stated: string;
  rate: boolean;
}

/**
 * Named rates, each computed from one unit's own counts (numerator ÷ denominator of the report
 * used); a group's rate is Σ numerators ÷ Σ denominators, never an average of rates.
 */
export const RATE_METRICS: Record<string, () => Pick<Measure, 'numerator' | 'denominator' | 'stated'>> = Object.fromEntries(
  RATES.map((rate) => [
    rate.id,
    () => {
      const [numerator, plus, minus] = [rate.numerator, rate.denominator.plus, rate.denominator.minus].map((ids) => ids.map(metricColumn));
      return {
        numerator: numerator.length === 1 ? numerator[0] : `(${numerator.join(' + ')})`,
        denominator: minus.length === 0 && plus.length === 1 ? plus[0] : `(${plus.join(' + ')}${minus.map((m) => ` - ${m}`).join('')})`,
        stated: [...numerator, ...plus, ...minus].map((c) => `${c} IS NOT NULL`).join(' AND '),
      };
    },
  ]),
);
export type RateMetric = string;
export const isRateMetric = (id: string): id is RateMetric => Object.hasOwn(RATE_METRICS, id);

function measureOf(metric: string, allowRates: boolean): Measure {
  if (isRateMetric(metric)) {
    if (!allowRates) throw new QueryInputError(`a rate cannot be summed: ${JSON.stringify(metric)}`);
    const r = RATE_METRICS[metric]();
    return { ...r, value: `${r.numerator} / nullif(${r.denominator}, 0)`, rate: true };
  }
  const c = metricColumn(metric);
  return { value: c, numerator: 'NULL::DOUBLE', denominator: 'NULL::DOUBLE', stated: `${c} IS NOT NULL`, rate: false };
}

/** A GB/T 2260 code of a division that can have children: six digits (towns, 9 digits, have none). */
function parentCode(parent: unknown): string {
  if (typeof parent !== 'string' || !/^\d{6}$/.test(parent)) throw new QueryInputError(`not a division code: ${JSON.stringify(parent)}`);
  return parent;
}

/** The partitions a division's rows live in: its province's (two digits of its code). */
const provinceOf = (code: string): string[] => [code.slice(0, 2)];

function reportYear(year: unknown): number {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) throw new QueryInputError(`not a report year: ${JSON.stringify(year)}`);
  return year;
}

function peerGroup(peer: unknown): PeerGroup {
  if (!PEER_GROUPS.includes(peer as PeerGroup)) throw new QueryInputError(`not a peer group: ${JSON.stringify(peer)} (one of ${PEER_GROUPS.join(', ')})`);
  return peer as PeerGroup;
}

export type Scope = 'self' | 'area';
const scopeOf = (scope: unknown): Scope => {
  if (scope !== 'self' && scope !== 'area') throw new QueryInputError(`not a scope: ${JSON.stringify(scope)}`);
  return scope;
};

/**
 * A government's report for its division: its own reports, and any area summary of the division,
 * whoever issued it (黄埔区's summary is issued by 广州开发区政务公开工作办公室, an office keyed as a
 * department). Benchmark, reconciliation and coverage all count a unit's reports by this one rule.
 */
const GOVERNMENT_REPORT = "(department IS NULL OR scope = 'area')";

/** The order in which one report of a unit-year is picked: the preferred scope first (own reports by default), the government's own before an office's, stated first, lowest id. */
const pickOrder = (preferred: Scope) =>
  `CASE WHEN scope = '${preferred}' THEN 0 ELSE 1 END, CASE WHEN department IS NULL THEN 0 ELSE 1 END, CASE WHEN stated THEN 0 ELSE 1 END, report_id`;

/** `rows` (a subquery with `scope`, `stated`, `report_id`) reduced to one row per `partition`, with `reports` = rows in it. */
const pickOnePer = (partition: string, rows: string, preferred: Scope = 'self'): string => `SELECT * EXCLUDE (pick) FROM (
    SELECT *, count(*) OVER (PARTITION BY ${partition}) AS reports,
      row_number() OVER (PARTITION BY ${partition} ORDER BY ${pickOrder(preferred)}) AS pick
    FROM (${rows})
  ) WHERE pick = 1`;

/** Division codes a year's unresolved reports may belong to (an ambiguous issuer's candidates): such a unit is not missing. */
const AMBIGUOUS_CANDIDATES = `SELECT DISTINCT unnest(string_split(jurisdiction_candidates, ',')) AS code
  FROM reports WHERE year = ? AND division_code IS NULL AND jurisdiction_candidates IS NOT NULL`;

/** The children valid in a year per the gazetteer (placeholders such as 市辖区 are not children). */
const LISTED_CHILDREN = `SELECT code, arg_max(name, "first") AS name, arg_max(level, "first") AS level, arg_max(kind, "first") AS kind
  FROM jurisdictions
  WHERE parent = ? AND kind <> 'pseudo' AND "first" <= ? AND ("last" IS NULL OR "last" >= ?)
  GROUP BY code`;

/** A unit's standing among its peers (those of the same `partition`): benchmark's row-level and stored answers alike. */
const peerStanding = (partition: string): string => `rank() OVER (PARTITION BY ${partition} ORDER BY value DESC) AS peer_rank,
    percent_rank() OVER (PARTITION BY ${partition} ORDER BY value) AS share_lower`;

/**
 * The fewest peers whose spread is shown: the median and P25–P75 band drawn, the IQR fences and
 * `outlier` given. With 5 values DuckDB's quantile_cont puts P25, P50 and P75 on the 2nd, 3rd and
 * 4th values themselves, three observations strictly inside the range; with fewer, the median of
 * one is that peer and the "band" is an interpolation between one or two values and the extremes,
 * which shows no spread. Below it the fences and `outlier` are null: not tested, not false.
 */
export const MIN_SPREAD_PEERS = 5;

/** A peer group's count, quartiles and (rates) pooled rate, over `peers` grouped by it. */
const peerStats = (rate: boolean): string => `count(value) AS peers,
    quantile_cont(value, 0.25) AS p25, quantile_cont(value, 0.5) AS p50, quantile_cont(value, 0.75) AS p75,
    ${rate ? 'sum(numerator) FILTER (WHERE value IS NOT NULL) / nullif(sum(denominator) FILTER (WHERE value IS NOT NULL), 0)' : 'NULL::DOUBLE'} AS peer_pooled`;

/**
 * Benchmark's output columns but copy_score, from children `c`, their standing `st`, their peer
 * group's stats `s` and last year's unit `p`; the rank is among the children of one parent and year
 * (`parentYear`: what partitions the stored answer's children by parent and year, '' row-level).
 */
const benchmarkColumns = (parentYear: string): string => `c.division_code, c.division_name, c.division_level, c.value, c.numerator, c.denominator,
  CASE WHEN c.value IS NOT NULL THEN rank() OVER (PARTITION BY ${parentYear}c.value IS NULL ORDER BY c.value DESC) END AS rank,
  c.peer_group, coalesce(s.peers, 0) AS peers, st.peer_rank,
  CASE WHEN s.peers > 1 THEN st.share_lower END AS percentile,
  s.p25, s.p50, s.p75,
  CASE WHEN s.peers >= ${MIN_SPREAD_PEERS} THEN s.p25 - 1.5 * (s.p75 - s.p25) END AS fence_low,
  CASE WHEN s.peers >= ${MIN_SPREAD_PEERS} THEN s.p75 + 1.5 * (s.p75 - s.p25) END AS fence_high,
  CASE WHEN c.value IS NULL OR s.p25 IS NULL OR s.peers < ${MIN_SPREAD_PEERS} THEN NULL
    ELSE c.value < s.p25 - 1.5 * (s.p75 - s.p25) OR c.value > s.p75 + 1.5 * (s.p75 - s.p25) END AS outlier,
  s.peer_pooled,
  p.value AS prev_value, p.scope AS prev_scope,
  CASE WHEN p.scope = c.scope THEN c.value - p.value END AS yoy_change,
  CASE WHEN p.scope = c.scope AND p.value <> 0 THEN (c.value - p.value) / p.value END AS yoy_pct,
  c.scope, c.report_id, c.reports, c.n_failed_checks AS failed_checks`;

/** The CTE `copies`: copy_score (雷同度) of each report of `reports` (a CTE with report_id), from its own province's similar_pairs. */
const copiesOf = (reports: string): string => `copies AS (
  SELECT report_id, max(similarity) AS copy_score
  FROM (${PAIR_LINKS})
  WHERE report_id IN (SELECT report_id FROM ${reports})
  GROUP BY ALL
)`;

export interface BenchmarkInput {
  /** Division code of the parent whose children are ranked. */
  parent: string;
  year: number;
  /** A metric id of WIDE_METRICS, or a named rate of RATE_METRICS. */
  metric: string;
  /**
   * Whom quartiles, percentiles and peer ranks are computed over: the parent's children
   * (default); every unit of the child's division level in the parent's province; or nationally.
   * The rows returned are the parent's children either way.
   */
  peer?: PeerGroup;
  /**
   * Which reports are ranked: units' own reports (default) or their area summaries. A unit whose
   * report that year is of the other scope is listed without a value: the two are never ranked
   * together, and no median mixes them.
   */
  scope?: Scope;
}

/**
 * The children of a division (governments whose division's parent is `parent`; departments are
 * not children) in one year, ranked on a metric or rate, against a peer group.
 *
 * Columns: division_code, division_name, division_level, value, numerator, denominator (rates
 * only), rank (among the children with a value, 1 = highest, ties share a rank), peer_group
 * ('parent', or the division level whose peers are used), peers (units of the peer group with a
 * value), peer_rank, percentile (share of the other peers with a lower value, 0–1; null without
 * other peers), p25, p50, p75 (DuckDB quantile_cont: linear interpolation between order
 * statistics), fence_low, fence_high (Q1 − 1.5·IQR, Q3 + 1.5·IQR), outlier (value outside the
 * fences; fences and outlier null below MIN_SPREAD_PEERS peers: not tested), peer_pooled (rates: the peer group's Σ numerators ÷ Σ denominators), prev_value,
 * prev_scope (last year's report of the same division code), yoy_change, yoy_pct (only when both
 * years' reports have the same scope), scope, report_id (the report used), reports (how many
 * reports the unit published that year; never added), failed_checks (the report used: identities
 * its own arithmetic fails) and copy_score (雷同度: the highest similarity of the report used to any
 * other report in `similar_pairs`, 0 when none reaches the stored minimum; a pair is stored in both
 * its reports' provinces, so the parent's province holds every pair of its children).
 */
export function benchmarkChildren(input: BenchmarkInput): BuiltQuery {
  const parent = parentCode(input.parent);
  const year = reportYear(input.year);
  const peer = peerGroup(input.peer ?? 'parent');
  const scope = scopeOf(input.scope ?? 'self');
  const m = measureOf(input.metric, true);
  const params: Param[] = [];

  // Which units are peers, and what splits them into groups.
  let peerFilter: string;
  let peerParams: Param[];
  if (peer === 'parent') [peerFilter, peerParams] = ['parent_code = ?', [parent]];
  else if (peer === 'province-level') [peerFilter, peerParams] = ['province_code = ?', [`${parent.slice(0, 2)}0000`]];
  else [peerFilter, peerParams] = ['TRUE', []];
  const groupKey = peer === 'parent' ? "'parent'" : 'division_level';

  const wanted = `(year = ? AND (${peerFilter} OR parent_code = ?)) OR (year = ? AND parent_code = ?)`;
  const wantedParams = [year, ...peerParams, parent, year - 1, parent];
  params.push(year, ...peerParams); // peers
  params.push(year, parent); // children
  params.push(year - 1, parent); // last year

  const query = (units: string) => `WITH units AS (
  ${units}
),
peers AS (
  SELECT division_code, ${groupKey} AS peer_group, value, numerator, denominator
  FROM units WHERE year = ? AND ${peerFilter}
),
standing AS (
  SELECT division_code, peer_group, ${peerStanding('peer_group')}
  FROM peers WHERE value IS NOT NULL
),
stats AS (
  SELECT peer_group, ${peerStats(m.rate)}
  FROM peers GROUP BY peer_group
),
children AS (
  SELECT *, ${groupKey} AS peer_group FROM units WHERE year = ? AND parent_code = ?
),
previous AS (
  SELECT division_code, value, scope FROM units WHERE year = ? AND parent_code = ?
),
${copiesOf('children')}
SELECT ${benchmarkColumns('')}, coalesce(cp.copy_score, 0) AS copy_score
FROM children c
LEFT JOIN standing st ON st.division_code = c.division_code AND st.peer_group = c.peer_group
LEFT JOIN stats s ON s.peer_group = c.peer_group
LEFT JOIN previous p ON p.division_code = c.division_code
LEFT JOIN copies cp ON cp.report_id = c.report_id
ORDER BY rank NULLS LAST, c.division_code`;
  // National peers need every province; the others keep to the parent's.
  const provinces = peer === 'national-level' ? {} : { provinces: provinceOf(parent) };
  // A unit's rows share its division's parent and province, so filtering the units picked over
  // every year and division gives the units picked over the rows this filter keeps.
  const detail: BuiltQuery = {
    name: `hierarchy.benchmark.${peer}.${scope}`,
    sql: query(`${pickOnePer('division_code, year', `${benchmarkCandidates(m, scope)} AND (${wanted})`, scope)}`),
    params: [...wantedParams, ...params],
    tables: ['facts_wide', 'similar_pairs'],
    ...provinces,
  };
  // The whole answer of every parent and year is stored (benchmarkAnswers); copy_score is joined
  // here from the parent's province's copy scores (its children's reports are filed there).
  const answers = benchmarkAnswers(input.metric, scope, peer);
  const units = benchmarkUnits(input.metric, scope);
  const copies = copyScores(parent.slice(0, 2));
  return withPreaggregate(detail, {
    sql: `SELECT a.* EXCLUDE (parent_code, year), coalesce(cp.copy_score, 0) AS copy_score
FROM ${answers} a LEFT JOIN ${copies} cp ON cp.report_id = a.report_id
WHERE a.parent_code = ? AND a.year = ?
ORDER BY a.rank NULLS LAST, a.division_code`,
    params: [parent, year],
    tables: [],
    ...provinces,
    preaggregates: [answers, copies],
    // No children that year: the picked units say so again (the same answer, from the parts).
    orElse: {
      sql: query(`SELECT * FROM ${units} WHERE ${wanted}`),
      params: [...wantedParams, ...params],
      tables: ['similar_pairs'],
      ...provinces,
      preaggregates: [units],
    },
  });
}

/**
 * Benchmark's whole answer (but copy_score) for every parent and year at once, from the picked
 * units: the row-level query's peers, standing, stats and last year partitioned by year and by what
 * the peer group keys on, in place of its `?` filters. Children are the units under a parent, so a
 * parent and year without any has no rows here, as it has none row-level.
 */
function benchmarkAnswerSql(units: string, peer: PeerGroup, rate: boolean): string {
  const groupKey = peer === 'parent' ? "'parent'" : 'division_level';
  // What selects a unit's peers (the row-level filter's column), and its value for a parent's children.
  const [peerKey, childKey] =
    peer === 'parent' ? ['parent_code', 'parent_code'] : peer === 'province-level' ? ['province_code', "substr(parent_code, 1, 2) || '0000'"] : ["'all'", "'all'"];
  return `WITH units AS (SELECT * FROM ${units}),
peers AS (
  SELECT year, ${peerKey} AS peer_key, division_code, ${groupKey} AS peer_group, value, numerator, denominator FROM units
),
standing AS (
  SELECT year, peer_key, division_code, peer_group, ${peerStanding('year, peer_key, peer_group')}
  FROM peers WHERE value IS NOT NULL
),
stats AS (
  SELECT year, peer_key, peer_group, ${peerStats(rate)}
  FROM peers GROUP BY year, peer_key, peer_group
),
children AS (
  SELECT *, ${groupKey} AS peer_group, ${childKey} AS peer_key FROM units WHERE parent_code IS NOT NULL
)
SELECT c.parent_code, c.year, ${benchmarkColumns('c.parent_code, c.year, ')}
FROM children c
LEFT JOIN standing st ON st.year = c.year AND st.peer_key = c.peer_key AND st.division_code = c.division_code AND st.peer_group = c.peer_group
LEFT JOIN stats s ON s.year = c.year AND s.peer_key = c.peer_key AND s.peer_group = c.peer_group
LEFT JOIN units p ON p.year = c.year - 1 AND p.parent_code = c.parent_code AND p.division_code = c.division_code
ORDER BY c.parent_code, c.year, rank NULLS LAST, c.division_code`;
}

/** A government report's candidate row for benchmarking one measure on one scope (the other scope's rows carry no value). */
function benchmarkCandidates(m: Measure, scope: Scope): string {
  const ofScope = (expression: string) => `CASE WHEN scope = '${scope}' THEN ${expression} END`;
  return `SELECT division_code, division_name, division_level, parent_code, province_code, year, scope, department, report_id, n_failed_checks,
      ${ofScope(m.numerator)} AS numerator, ${ofScope(m.denominator)} AS denominator, ${ofScope(m.value)} AS value, coalesce(${ofScope(`(${m.stated})`)}, false) AS stated
    FROM facts_wide
    WHERE ${GOVERNMENT_REPORT} AND division_code IS NOT NULL`;
}

/** A pre-aggregate's table name for a metric id or rate id (lower case, other characters as '_'). */
const tableSuffix = (id: string): string => id.toLowerCase().replace(/[^a-z0-9]+/g, '_');

/** The default metric's tables are built behind init (the hierarchy views open on it); others on first use. */
const DEFAULT_METRIC = 'r.new.total';

/**
 * Whose benchmark and reconciliation answers ingest stores (src/ingest/stored-answers.ts): the
 * metric the views open on and, for benchmark, the rates (what peers are compared on). Every
 * other metric's answer is built in the page on first use: storing all of them (614 tables on a
 * generated 辽宁省 of 9,895 reports) weighed 39.7 MB against the dataset's 32 MB and took 60 CPU-s
 * against the whole ingest's 48; these 26 weigh 2.3 MB and take 8.6 CPU-s.
 */
const storedMetric = (metric: string, ratesToo: boolean): boolean => metric === DEFAULT_METRIC || (ratesToo && isRateMetric(metric));

/** Every metric and rate a hierarchy view may be asked for: their pre-aggregates are defined (never built) at module load, in the page and in the worker alike. */
const MEASURES: readonly string[] = [...WIDE_METRICS, ...RATES.map((r) => r.id)];

/** A unit-year's place among the picked ones: total, a pick being one per division and year. */
const UNITS_ORDER = 'year, parent_code, division_code';

/** Per measure and scope: every unit-year picked (one report per division and year), over every division and year. */
const BENCHMARK_UNITS = new Map<string, string>(
  MEASURES.flatMap((metric) =>
    (['self', 'area'] as const).map((scope) => [
      `${metric}|${scope}`,
      definePreaggregate(
        `pre_benchmark_${scope}_${tableSuffix(metric)}`,
        () => ({
          name: 'pre.benchmark_units',
          sql: `${pickOnePer('division_code, year', benchmarkCandidates(measureOf(metric, true), scope), scope)} ORDER BY ${UNITS_ORDER}`,
          params: [],
          tables: ['facts_wide'],
        }),
        { behindInit: metric === DEFAULT_METRIC && scope === 'self', byProvince: UNITS_ORDER },
      ),
    ]),
  ),
);

/** Per measure, scope and peer group: benchmark's answer for every parent and year (benchmarkAnswerSql), built on first use. */
const BENCHMARK_ANSWERS = new Map<string, string>(
  MEASURES.flatMap((metric) =>
    (['self', 'area'] as const).flatMap((scope) =>
      PEER_GROUPS.map((peer) => {
        const units = BENCHMARK_UNITS.get(`${metric}|${scope}`)!;
        const name = definePreaggregate(
          `pre_benchmark_answer_${peer === 'parent' ? 'p' : peer === 'province-level' ? 'pl' : 'nl'}_${scope}_${tableSuffix(metric)}`,
          () => ({ name: 'pre.benchmark_answers', sql: benchmarkAnswerSql(units, peer, isRateMetric(metric)), params: [], tables: [] }),
          { behindInit: metric === DEFAULT_METRIC && scope === 'self' && peer === 'parent', needs: [units], stored: storedMetric(metric, true) },
        );
        return [`${metric}|${scope}|${peer}`, name] as const;
      }),
    ),
  ),
);

function benchmarkUnits(metric: string, scope: Scope): string {
  const name = BENCHMARK_UNITS.get(`${metric}|${scope}`);
  if (!name) throw new QueryInputError(`not a metric or rate: ${JSON.stringify(metric)}`);
  return name;
}

function benchmarkAnswers(metric: string, scope: Scope, peer: PeerGroup): string {
  const name = BENCHMARK_ANSWERS.get(`${metric}|${scope}|${peer}`);
  if (!name) throw new QueryInputError(`not a metric or rate: ${JSON.stringify(metric)}`);
  return name;
}

export interface ReconciliationInput {
  parent: string;
  year: number;
  /** A count metric of WIDE_METRICS (rates are not sums and are refused). */
  metric: string;
}

/** What reconcile adds up per parent and year, from its picked rows (`part`, `scope`, `value`…), row-level and stored alike. */
const RECONCILE_TOTALS = `any_value(value) FILTER (WHERE part = 'parent_area') AS area_value,
    any_value(report_id) FILTER (WHERE part = 'parent_area') AS area_report_id,
    coalesce(any_value(reports) FILTER (WHERE part = 'parent_area'), 0) AS area_reports,
    sum(value) FILTER (WHERE part = 'child' AND scope = 'self') AS children_value,
    count(value) FILTER (WHERE part = 'child' AND scope = 'self') AS children_in_sum,
    sum(value) FILTER (WHERE part = 'child' AND scope = 'area') AS children_area_value,
    count(value) FILTER (WHERE part = 'child' AND scope = 'area') AS children_area_units,
    any_value(value) FILTER (WHERE part = 'parent_self') AS parent_self_value,
    any_value(report_id) FILTER (WHERE part = 'parent_self') AS parent_self_report_id,
    sum(value) FILTER (WHERE part = 'department') AS departments_value,
    count(value) FILTER (WHERE part = 'department') AS departments_in_sum,
    count(*) FILTER (WHERE part = 'department') AS departments_reported,
    count(*) FILTER (WHERE part = 'child') AS children_reported,`;

/**
 * The parent's area summary (scope 'area', its government's report) against the sum of its
 * children's own reports, one row.
 *
 * Columns: area_value, area_report_id, area_reports (area summaries published; one used);
 * children_value (Σ over children whose report used is scope 'self' and states the metric),
 * children_in_sum; children_area_value, children_area_units (children that published only an area
 * summary: shown apart, never added to children_value); parent_self_value (the parent
 * government's own report; parent_self_report_id, the report used), departments_value, departments_in_sum, departments_reported (the
 * parent's departments' self reports, one per department): separate lines, not in the gap;
 * gap = area_value − children_value, gap_share = gap ÷ area_value; children_listed (valid that
 * year per the gazetteer), children_reported (children with any government report),
 * children_missing (listed, no report, and no unresolved report naming it among its candidates),
 * children_ambiguous (listed, no resolved report, but an unresolved one may be its), children_unlisted
 * (reported, not listed that year). A child's reports are counted as in coverage (GOVERNMENT_REPORT),
 * so both views give the same count of who published.
 * A county's towns come from its province's partition of the gazetteer, loaded for the query.
 */
export function reconciliation(input: ReconciliationInput): BuiltQuery {
  const parent = parentCode(input.parent);
  const year = reportYear(input.year);
  const m = measureOf(input.metric, false);
  const rows = `SELECT division_code, department, scope, report_id, ${m.value} AS value, (${m.stated}) AS stated,
      CASE WHEN division_code = ? AND department IS NULL AND scope = 'area' THEN 'parent_area'
        WHEN division_code = ? AND department IS NULL AND scope = 'self' THEN 'parent_self'
        WHEN division_code = ? AND department IS NOT NULL AND scope = 'self' THEN 'department'
        WHEN parent_code = ? AND ${GOVERNMENT_REPORT} AND division_code IS NOT NULL THEN 'child'
      END AS part
    FROM facts_wide
    WHERE year = ? AND (division_code = ? OR parent_code = ?)`;
  const query = (picked: string) => `WITH picked AS (
  ${picked}
),
listed AS (
  ${LISTED_CHILDREN}
),
ambiguous AS (
  ${AMBIGUOUS_CANDIDATES}
),
totals AS (
  SELECT
    ${RECONCILE_TOTALS}
    count(*) FILTER (WHERE part = 'child' AND division_code NOT IN (SELECT code FROM listed)) AS children_unlisted
  FROM picked
)
SELECT area_value, area_report_id, area_reports,
  children_value, children_in_sum, children_area_value, children_area_units,
  parent_self_value, parent_self_report_id, departments_value, departments_in_sum, departments_reported,
  area_value - children_value AS gap,
  (area_value - children_value) / nullif(area_value, 0) AS gap_share,
  (SELECT count(*) FROM listed) AS children_listed,
  children_reported,
  (SELECT count(*) FROM listed WHERE code NOT IN (SELECT division_code FROM picked WHERE part = 'child') AND code NOT IN (SELECT code FROM ambiguous)) AS children_missing,
  (SELECT count(*) FROM listed WHERE code NOT IN (SELECT division_code FROM picked WHERE part = 'child') AND code IN (SELECT code FROM ambiguous)) AS children_ambiguous,
  children_unlisted
FROM totals`;
  const rest = [parent, year, year, year];
  const detail: BuiltQuery = {
    name: 'hierarchy.reconciliation',
    sql: query(`SELECT * FROM (${pickOnePer("part, division_code, CASE WHEN part = 'department' THEN department END", rows)}) WHERE part IS NOT NULL`),
    params: [parent, parent, parent, parent, year, parent, parent, ...rest],
    tables: ['facts_wide', 'jurisdictions', 'reports'],
    provinces: [...provinceOf(parent), 'none'],
  };
  // The stored answer of every parent and year of the province; a parent or year it does not hold, row by row.
  const answers = reconciledAnswers(input.metric)(parent.slice(0, 2));
  return withPreaggregate(detail, {
    sql: `SELECT * EXCLUDE (parent_code, year) FROM ${answers} WHERE parent_code = ? AND year = ?`,
    params: [parent, year],
    tables: [],
    preaggregates: [answers],
    orElse: { sql: detail.sql, params: detail.params, tables: detail.tables, provinces: detail.provinces, preaggregates: [] },
  });
}

/**
 * The years a province's stored answers cover: the dataset's, and the year after its last (a
 * parent's children listed, none reported yet). Other years are answered row by row.
 */
const ANSWER_YEARS = 'SELECT unnest(generate_series(min(year), max(year) + 1)) AS year FROM facts_wide WHERE year IS NOT NULL';

/** Children valid per the gazetteer, of every parent of a province, in each year of ANSWER_YEARS (LISTED_CHILDREN for all at once). */
const listedInProvince = (province: string) => `SELECT j.parent, y.year, j.code, arg_max(j.name, j."first") AS name, arg_max(j.level, j."first") AS level
  FROM jurisdictions j JOIN (${ANSWER_YEARS}) y ON j."first" <= y.year AND (j."last" IS NULL OR j."last" >= y.year)
  WHERE substr(j.parent, 1, 2) = '${province}' AND length(j.parent) = 6 AND j.kind <> 'pseudo'
  GROUP BY j.parent, y.year, j.code`;

/** An unresolved report's candidate divisions, per year, among the reports a province's query loads (its own and the unplaced). */
const candidatesInProvince = (province: string) => `SELECT year, report_id, issuer, jurisdiction_candidates, published, unnest(string_split(jurisdiction_candidates, ',')) AS code
  FROM reports
  WHERE year IS NOT NULL AND division_code IS NULL AND jurisdiction_candidates IS NOT NULL
    AND (province_code IS NULL OR substr(province_code, 1, 2) = '${province}')`;

const provinceKey = (province: string): string => {
  if (!/^\d{2}$/.test(province)) throw new QueryInputError(`not a province: ${JSON.stringify(province)}`);
  return province;
};

/**
 * Per count metric, the reports reconciliation picks for every division (key_code) of a province
 * and year, each division's rows as reconciliation classifies them for that division: its own
 * government's (parent_area, parent_self), its departments' (department), its children's (child).
 * A government's report is a row twice (its own division's and, as a child, its parent's), so this
 * is never stored: only the per-province answers built from it are.
 */
function reconciledParts(metric: string, province: string): string {
  const m = measureOf(metric, false);
  const own = `CASE WHEN department IS NULL AND scope = 'area' THEN 'parent_area'
          WHEN department IS NULL AND scope = 'self' THEN 'parent_self'
          WHEN department IS NOT NULL AND scope = 'self' THEN 'department' END`;
  const child = `${GOVERNMENT_REPORT} AND division_code IS NOT NULL`;
  const columns = `division_code, department, scope, report_id, ${m.value} AS value, (${m.stated}) AS stated, year`;
  // A row counts for its own division (by the first three parts; as a child only if its division were its own parent) and for its parent (as a child).
  const rows = `SELECT division_code AS key_code, ${columns}, coalesce(${own}, CASE WHEN parent_code = division_code AND ${child} THEN 'child' END) AS part
    FROM facts_wide WHERE division_code IS NOT NULL AND year IS NOT NULL AND substr(division_code, 1, 2) = '${province}'
  UNION ALL
  SELECT parent_code AS key_code, ${columns}, 'child' AS part
    FROM facts_wide WHERE parent_code IS NOT NULL AND year IS NOT NULL AND substr(parent_code, 1, 2) = '${province}' AND parent_code IS DISTINCT FROM division_code AND ${child}`;
  return `SELECT * FROM (${pickOnePer("key_code, year, part, division_code, CASE WHEN part = 'department' THEN department END", rows)}) WHERE part IS NOT NULL`;
}

/** Per count metric and province: reconciliation's whole answer for every parent (key_code) and year. */
const RECONCILED_ANSWERS = new Map<string, (province: string) => string>(
  WIDE_METRICS.map((metric) => {
    return [
      metric,
      definePreaggregateFamily(
        `pre_reconcile_answer_${tableSuffix(metric)}`,
        (key) => {
          const province = provinceKey(key);
          return {
            name: 'pre.reconciled_answers',
            sql: `WITH picked AS (${reconciledParts(metric, province)}),
listed AS (${listedInProvince(province)}),
ambiguous AS (SELECT DISTINCT year, code FROM (${candidatesInProvince(province)})),
flagged AS (
  SELECT p.*, l.code IS NOT NULL AS is_listed
  FROM picked p LEFT JOIN listed l ON l.parent = p.key_code AND l.year = p.year AND l.code = p.division_code
),
totals AS (
  SELECT key_code, year,
    ${RECONCILE_TOTALS}
    count(*) FILTER (WHERE part = 'child' AND NOT is_listed) AS children_unlisted
  FROM flagged GROUP BY key_code, year
),
children AS (SELECT DISTINCT key_code, year, division_code FROM picked WHERE part = 'child'),
counted AS (
  SELECT l.parent, l.year, count(*) AS children_listed,
    count(*) FILTER (WHERE c.division_code IS NULL AND a.code IS NULL) AS children_missing,
    count(*) FILTER (WHERE c.division_code IS NULL AND a.code IS NOT NULL) AS children_ambiguous
  FROM listed l
  LEFT JOIN children c ON c.key_code = l.parent AND c.year = l.year AND c.division_code = l.code
  LEFT JOIN ambiguous a ON a.year = l.year AND a.code = l.code
  GROUP BY l.parent, l.year
),
keys AS (SELECT key_code AS parent_code, year FROM totals UNION SELECT parent, year FROM counted)
SELECT k.parent_code, k.year,
  t.area_value, t.area_report_id, coalesce(t.area_reports, 0) AS area_reports,
  t.children_value, coalesce(t.children_in_sum, 0) AS children_in_sum, t.children_area_value, coalesce(t.children_area_units, 0) AS children_area_units,
  t.parent_self_value, t.parent_self_report_id, t.departments_value, coalesce(t.departments_in_sum, 0) AS departments_in_sum, coalesce(t.departments_reported, 0) AS departments_reported,
  t.area_value - t.children_value AS gap,
  (t.area_value - t.children_value) / nullif(t.area_value, 0) AS gap_share,
  coalesce(n.children_listed, 0) AS children_listed,
  coalesce(t.children_reported, 0) AS children_reported,
  coalesce(n.children_missing, 0) AS children_missing,
  coalesce(n.children_ambiguous, 0) AS children_ambiguous,
  coalesce(t.children_unlisted, 0) AS children_unlisted
FROM keys k
LEFT JOIN totals t ON t.key_code = k.parent_code AND t.year = k.year
LEFT JOIN counted n ON n.parent = k.parent_code AND n.year = k.year
ORDER BY k.parent_code, k.year`,
            params: [],
            tables: ['facts_wide', 'jurisdictions', 'reports'],
            provinces: [province, 'none'],
          };
        },
        { stored: storedMetric(metric, false) },
      ),
    ];
  }),
);

function reconciledAnswers(metric: string): (province: string) => string {
  const family = RECONCILED_ANSWERS.get(metric);
  if (!family) throw new QueryInputError(`not a count metric: ${JSON.stringify(metric)}`);
  return family;
}

export interface CoverageInput {
  parent: string;
  year: number;
  /** The day the coverage is judged on (YYYY-MM-DD): a unit is missing only once its deadline has passed. Absent: every deadline has passed. */
  today?: string;
}

type Unit = 'department' | 'government';
/**
 * Statutory deadlines for a year's report, as month and day of the next year, newest rules first.
 * The 2019 条例 (in force 2019-05-15, 第四十九条) first governs the 2019 report: departments by
 * 31 January, governments by 31 March. Before it the 2007 条例 (第三十一条) gave every body 31 March.
 */
const DEADLINE_RULES: readonly { fromYear: number; department: readonly [number, number]; government: readonly [number, number] }[] = [
  { fromYear: 2019, department: [1, 31], government: [3, 31] },
  { fromYear: 0, department: [3, 31], government: [3, 31] },
];
const twoDigits = (n: number) => String(n).padStart(2, '0');
const rulesOf = (year: number) => DEADLINE_RULES.find((r) => year >= r.fromYear) ?? DEADLINE_RULES[DEADLINE_RULES.length - 1];

/** The deadlines of a year's report (YYYY-MM-DD). */
export const reportDeadlines = (year: number): Record<Unit, string> => {
  const rules = rulesOf(year);
  const at = (unit: Unit) => `${year + 1}-${twoDigits(rules[unit][0])}-${twoDigits(rules[unit][1])}`;
  return { department: at('department'), government: at('government') };
};

/** reportDeadlines as SQL over a year column. */
const deadlineSql = (unit: Unit, year: string): string =>
  `CASE ${DEADLINE_RULES.map((r) => `WHEN ${year} >= ${r.fromYear} THEN make_date(${year} + 1, ${r[unit][0]}, ${r[unit][1]})`).join(' ')} END`;

function isoDay(day: unknown): string {
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new QueryInputError(`not a day: ${JSON.stringify(day)}`);
  return day;
}

/**
 * Who published a report for a year: every child the gazetteer lists as valid that year (a unit
 * abolished earlier is not listed, so not missing), every child that published although not
 * listed, and the parent's departments that published (no list of departments exists, so none
 * can be missing).
 *
 * A child's area summary counts for the child, whoever issued it (the issuer may be an office keyed
 * as a department: 黄埔区's summary by 广州开发区政务公开工作办公室). An issuer left unresolved because
 * it is ambiguous counts for each of its candidates that is a child here: the parent being viewed is
 * the context (`ambiguous_reports`, `ambiguous_issuers`: the issuer and all its candidates).
 *
 * Columns: unit ('government' | 'department'), division_code, division_name, division_level,
 * department, listed, reports (resolved reports, any scope or status), area_reports (of which area
 * summaries), ambiguous_reports, ambiguous_issuers, published (earliest known date of its reports,
 * YYYY-MM-DD), deadline, due (the deadline has passed on `today`), late (published after the
 * deadline; null when no date is known), missing (listed, due, no report, no ambiguous one), not_due
 * (listed, no report, deadline still ahead).
 */
export function coverage(input: CoverageInput): BuiltQuery {
  const parent = parentCode(input.parent);
  const year = reportYear(input.year);
  const deadlines = reportDeadlines(year);
  const today = input.today === undefined ? null : isoDay(input.today);
  const query = (governments: string, departments: string) => `WITH listed AS (
  ${LISTED_CHILDREN}
),
governments AS (
  ${governments}
),
candidates AS (
  SELECT report_id, issuer, jurisdiction_candidates, published, unnest(string_split(jurisdiction_candidates, ',')) AS code
  FROM reports
  WHERE year = ? AND division_code IS NULL AND jurisdiction_candidates IS NOT NULL
),
ambiguous AS (
  SELECT code, count(*) AS reports, min(TRY_CAST(published AS DATE)) AS published,
    string_agg(coalesce(issuer, report_id) || ' (' || replace(jurisdiction_candidates, ',', ' / ') || ')', '; ' ORDER BY report_id) AS issuers
  FROM candidates
  WHERE code IN (SELECT code FROM listed)
  GROUP BY code
),
departments AS (
  ${departments}
),
units AS (
  SELECT 'government' AS unit, coalesce(l.code, g.code) AS division_code, coalesce(l.name, g.name) AS division_name,
    coalesce(l.level, g.level) AS division_level, NULL::VARCHAR AS department,
    l.code IS NOT NULL AS listed, coalesce(g.reports, 0) AS reports, coalesce(g.area_reports, 0) AS area_reports,
    coalesce(a.reports, 0) AS ambiguous_reports, a.issuers AS ambiguous_issuers,
    coalesce(g.published, a.published) AS published, CAST(? AS DATE) AS deadline
  FROM listed l FULL OUTER JOIN governments g ON g.code = l.code
  LEFT JOIN ambiguous a ON a.code = l.code
  UNION ALL
  SELECT 'department', CAST(? AS VARCHAR), name, level, department, false, reports, 0, 0, NULL, published, CAST(? AS DATE)
  FROM departments
)
SELECT unit, division_code, division_name, division_level, department, listed, reports, area_reports,
  ambiguous_reports, ambiguous_issuers,
  CAST(published AS VARCHAR) AS published, CAST(deadline AS VARCHAR) AS deadline,
  coalesce(CAST(? AS DATE) > deadline, true) AS due,
  published > deadline AS late,
  listed AND reports = 0 AND ambiguous_reports = 0 AND coalesce(CAST(? AS DATE) > deadline, true) AS missing,
  listed AND reports = 0 AND ambiguous_reports = 0 AND NOT coalesce(CAST(? AS DATE) > deadline, true) AS not_due
FROM units
ORDER BY unit DESC, division_code, department`;
  const params = [parent, year, year, year, parent, year, year, parent, deadlines.government, parent, deadlines.department, today, today, today];
  const detail: BuiltQuery = {
    name: 'hierarchy.coverage',
    sql: query(
      `SELECT ${COVERED_GOVERNMENTS} FROM facts_wide WHERE year = ? AND parent_code = ? AND ${GOVERNMENT_REPORT} AND division_code IS NOT NULL GROUP BY division_code`,
      `SELECT ${COVERED_DEPARTMENTS} FROM facts_wide WHERE year = ? AND division_code = ? AND department IS NOT NULL GROUP BY department`,
    ),
    params,
    tables: ['facts_wide', 'jurisdictions', 'reports'],
    provinces: [...provinceOf(parent), 'none'],
  };
  const parts: PreaggregatedQuery = {
    sql: query(
      `SELECT code, name, level, reports, area_reports, published FROM ${COVERAGE_GOVERNMENTS} WHERE year = ? AND parent_code = ?`,
      `SELECT department, name, level, reports, published FROM ${COVERAGE_DEPARTMENTS} WHERE year = ? AND division_code = ?`,
    ),
    params,
    tables: ['jurisdictions', 'reports'],
    provinces: [...provinceOf(parent), 'none'],
    preaggregates: [COVERAGE_GOVERNMENTS, COVERAGE_DEPARTMENTS],
  };
  // The stored units of every parent and year of the province, judged against `today` here.
  const answers = COVERAGE_ANSWERS(parent.slice(0, 2));
  const due = 'coalesce(CAST(? AS DATE) > deadline, true)';
  return withPreaggregate(detail, {
    sql: `SELECT unit, division_code, division_name, division_level, department, listed, reports, area_reports,
  ambiguous_reports, ambiguous_issuers,
  CAST(published AS VARCHAR) AS published, CAST(deadline AS VARCHAR) AS deadline,
  ${due} AS due,
  published > deadline AS late,
  listed AND reports = 0 AND ambiguous_reports = 0 AND ${due} AS missing,
  listed AND reports = 0 AND ambiguous_reports = 0 AND NOT ${due} AS not_due
FROM ${answers} WHERE parent_code = ? AND year = ?
ORDER BY unit DESC, division_code, department`,
    params: [today, today, today, parent, year],
    tables: [],
    preaggregates: [answers],
    orElse: parts,
  });
}

/** Per province: coverage's units (what does not depend on the day judged on) for every parent and year. */
const COVERAGE_ANSWERS = definePreaggregateFamily('pre_coverage_answer', (key) => {
  const province = provinceKey(key);
  return {
    name: 'pre.coverage_answers',
    sql: `WITH listed AS (${listedInProvince(province)}),
governments AS (
  SELECT parent_code, year, ${COVERED_GOVERNMENTS} FROM facts_wide
  WHERE year IS NOT NULL AND substr(parent_code, 1, 2) = '${province}' AND ${GOVERNMENT_REPORT} AND division_code IS NOT NULL
  GROUP BY parent_code, year, division_code
),
ambiguous AS (
  SELECT year, code, count(*) AS reports, min(TRY_CAST(published AS DATE)) AS published,
    string_agg(coalesce(issuer, report_id) || ' (' || replace(jurisdiction_candidates, ',', ' / ') || ')', '; ' ORDER BY report_id) AS issuers
  FROM (${candidatesInProvince(province)})
  GROUP BY year, code
),
departments AS (
  SELECT division_code, year, ${COVERED_DEPARTMENTS} FROM facts_wide
  WHERE year IS NOT NULL AND substr(division_code, 1, 2) = '${province}' AND length(division_code) = 6 AND department IS NOT NULL
  GROUP BY division_code, year, department
)
SELECT coalesce(l.parent, g.parent_code) AS parent_code, coalesce(l.year, g.year) AS year,
  'government' AS unit, coalesce(l.code, g.code) AS division_code, coalesce(l.name, g.name) AS division_name,
  coalesce(l.level, g.level) AS division_level, NULL::VARCHAR AS department,
  l.code IS NOT NULL AS listed, coalesce(g.reports, 0) AS reports, coalesce(g.area_reports, 0) AS area_reports,
  coalesce(a.reports, 0) AS ambiguous_reports, a.issuers AS ambiguous_issuers,
  coalesce(g.published, a.published) AS published, ${deadlineSql('government', 'coalesce(l.year, g.year)')} AS deadline
FROM listed l FULL OUTER JOIN governments g ON g.parent_code = l.parent AND g.year = l.year AND g.code = l.code
LEFT JOIN ambiguous a ON a.year = l.year AND a.code = l.code
UNION ALL
SELECT division_code, year, 'department', division_code, name, level, department, false, reports, 0, 0, NULL, published, ${deadlineSql('department', 'year')}
FROM departments
ORDER BY parent_code, year, unit, division_code, department`,
    params: [],
    tables: ['facts_wide', 'jurisdictions', 'reports'],
    provinces: [province, 'none'],
  };
}, { stored: true });

/** What coverage counts of a division's government reports, and of a department's reports. */
const COVERED_GOVERNMENTS = `division_code AS code, min(division_name) AS name, min(division_level) AS level, count(*) AS reports,
    count(*) FILTER (WHERE scope = 'area') AS area_reports,
    min(TRY_CAST(published AS DATE)) AS published`;
const COVERED_DEPARTMENTS = `department, min(division_name) AS name, min(division_level) AS level, count(*) AS reports,
    min(TRY_CAST(published AS DATE)) AS published`;

/** Coverage's counts for every parent, year and division (governments) or division, year and department. */
const COVERAGE_GOVERNMENTS = definePreaggregate('pre_coverage_governments', () => ({
  name: 'pre.coverage_governments',
  sql: `SELECT parent_code, year, ${COVERED_GOVERNMENTS} FROM facts_wide
WHERE year IS NOT NULL AND parent_code IS NOT NULL AND ${GOVERNMENT_REPORT} AND division_code IS NOT NULL
GROUP BY parent_code, year, division_code ORDER BY year, parent_code, code`,
  params: [],
  tables: ['facts_wide'],
}));
const COVERAGE_DEPARTMENTS = definePreaggregate('pre_coverage_departments', () => ({
  name: 'pre.coverage_departments',
  sql: `SELECT division_code, year, ${COVERED_DEPARTMENTS} FROM facts_wide
WHERE year IS NOT NULL AND division_code IS NOT NULL AND department IS NOT NULL
GROUP BY division_code, year, department ORDER BY year, division_code, department`,
  params: [],
  tables: ['facts_wide'],
}));

export interface ChildrenTreeInput {
  /** A division code, or null for the provinces. */
  parent: string | null;
}

/**
 * The children of a node for a picker: every child division the gazetteer has ever listed under
 * it (placeholders left out; a renamed unit once, under its latest name) and any division reports
 * resolve to under it that the gazetteer does not list, with report counts by year.
 *
 * Columns: division_code, division_name, division_level, kind (null when not in the gazetteer),
 * first_year, last_year (null = current), has_children, year (null on the one row of a child
 * without reports), reports (its government's reports), department_reports (its departments'),
 * subtree_reports (every report of the division or any division under it).
 */
export function childrenTree(input: ChildrenTreeInput): BuiltQuery {
  const root = input.parent === null;
  const parent = root ? null : parentCode(input.parent);
  const gazetteerWhere = root ? "level = 'province'" : 'parent = ?';
  const factsWhere = root ? "division_level = 'province'" : 'parent_code = ?';
  const tree = (listed: string, unlisted: string, counts: string, hasChildren: string) => `WITH listed AS (
  ${listed}
),
unlisted AS (
  ${unlisted}
),
nodes AS (
  SELECT * FROM listed UNION ALL SELECT * FROM unlisted
),
counts AS (
  ${counts}
)
SELECT n.code AS division_code, n.name AS division_name, n.level AS division_level, n.kind, n.first_year, n.last_year,
  ${hasChildren} AS has_children,
  c.year, coalesce(c.reports, 0) AS reports, coalesce(c.department_reports, 0) AS department_reports,
  coalesce(c.subtree_reports, 0) AS subtree_reports
FROM nodes n LEFT JOIN counts c ON c.code = n.code
ORDER BY n.code, c.year NULLS FIRST`;
  const sql = tree(
    gazetteerNodes(gazetteerWhere, 'code'),
    `SELECT division_code AS code, min(division_name) AS name, min(division_level) AS level, NULL::VARCHAR AS kind,
    NULL::INTEGER AS first_year, NULL::INTEGER AS last_year
  FROM facts_wide
  WHERE ${factsWhere} AND division_code IS NOT NULL AND division_code NOT IN (SELECT code FROM listed)
  GROUP BY division_code`,
    `SELECT * FROM (${divisionYearCounts('code IN (SELECT code FROM nodes)')})`,
    "EXISTS (SELECT 1 FROM jurisdictions j WHERE j.parent = n.code AND j.kind <> 'pseudo')",
  );
  const detail: BuiltQuery = {
    name: root ? 'hierarchy.provinces' : 'hierarchy.children',
    sql,
    params: root ? [] : [parent, parent],
    tables: ['facts_wide', 'jurisdictions'],
    // The root lists provinces (shared rows); below it, the parent's province (its towns included).
    provinces: root ? [] : provinceOf(parent!),
  };
  // The root has no parameter: its whole answer is the pre-aggregate.
  if (root) return withPreaggregate(detail, { sql: `SELECT * FROM ${TREE_ROOT} ORDER BY division_code, year NULLS FIRST`, params: [], tables: [], preaggregates: [TREE_ROOT] });
  // Every parent's answer is stored (TREE_ANSWERS); a parent with no node below it, from the parts.
  return withPreaggregate(detail, {
    sql: `SELECT * EXCLUDE (parent_code) FROM ${TREE_ANSWERS} WHERE parent_code = ? ORDER BY division_code, year NULLS FIRST`,
    params: [parent],
    tables: [],
    preaggregates: [TREE_ANSWERS],
    orElse: treeParts(tree, parent!),
  });
}

function treeParts(tree: (listed: string, unlisted: string, counts: string, hasChildren: string) => string, parent: string): PreaggregatedQuery {
  return {
    sql: tree(
      `SELECT code, name, level, kind, first_year, last_year FROM ${GAZETTEER_NODES} WHERE parent = ?`,
      `SELECT division_code AS code, name, level, NULL::VARCHAR AS kind, NULL::INTEGER AS first_year, NULL::INTEGER AS last_year
  FROM ${DIVISION_NAMES} WHERE parent_code = ? AND division_code NOT IN (SELECT code FROM listed)`,
      `SELECT * FROM ${DIVISION_YEARS} WHERE code IN (SELECT code FROM nodes)`,
      `n.code IN (SELECT parent FROM ${GAZETTEER_NODES})`,
    ),
    params: [parent, parent],
    tables: [],
    preaggregates: [GAZETTEER_NODES, DIVISION_NAMES, DIVISION_YEARS],
  };
}

/** The gazetteer's divisions, placeholders left out, each once under its latest name, grouped by `group`. */
const gazetteerNodes = (where: string, group: string) => `SELECT ${group}, arg_max(name, "first") AS name, arg_max(level, "first") AS level, arg_max(kind, "first") AS kind,
    min("first") AS first_year, CASE WHEN bool_or("last" IS NULL) THEN NULL ELSE max("last") END AS last_year
  FROM jurisdictions
  WHERE ${where} AND kind <> 'pseudo'
  GROUP BY ${group}`;

const TREE_ROOT = definePreaggregate('pre_tree_root', () => ({ ...childrenTree({ parent: null }), preaggregated: undefined }));

/** Every division the gazetteer lists under a parent (the whole gazetteer, every province). */
const GAZETTEER_NODES = definePreaggregate('pre_gazetteer_nodes', () => ({
  name: 'pre.gazetteer_nodes',
  sql: `${gazetteerNodes('parent IS NOT NULL', 'parent, code')} ORDER BY parent, code`,
  params: [],
  tables: ['jurisdictions'],
}));

/**
 * Reports per division code and year: its government's, its departments', and every report of it
 * or of a division under it (a report counts once in each division of its chain).
 */
const divisionYearCounts = (codes: string) => `SELECT code, year,
    count(*) FILTER (WHERE division_code = code AND government) AS reports,
    count(*) FILTER (WHERE division_code = code AND NOT government) AS department_reports,
    count(*) AS subtree_reports
  FROM (
    SELECT DISTINCT report_id, year, department IS NULL AS government, division_code, code
    FROM (
      SELECT report_id, year, department, division_code, unnest([division_code, county_code, city_code, province_code]) AS code
      FROM facts_wide WHERE division_code IS NOT NULL AND year IS NOT NULL
    )
    WHERE ${codes}
  )
  GROUP BY code, year`;

const DIVISION_YEARS = definePreaggregate('pre_division_years', () => ({
  name: 'pre.division_years',
  sql: `${divisionYearCounts('code IS NOT NULL')} ORDER BY code, year`,
  params: [],
  tables: ['facts_wide'],
}));

/** Each division reports resolve to, under its parent, with the smallest name and level its reports give. */
const DIVISION_NAMES = definePreaggregate('pre_division_names', () => ({
  name: 'pre.division_names',
  sql: `SELECT parent_code, division_code, min(division_name) AS name, min(division_level) AS level
FROM facts_wide WHERE division_code IS NOT NULL AND parent_code IS NOT NULL
GROUP BY parent_code, division_code ORDER BY parent_code, division_code`,
  params: [],
  tables: ['facts_wide'],
}));

/**
 * The tree's answer below every parent at once: the parts' listed and unlisted nodes keyed by
 * their parent instead of filtered on it (built behind init: a drill-down is a lookup).
 */
const TREE_ANSWERS = definePreaggregate(
  'pre_tree_answers',
  () => ({
    name: 'pre.tree_answers',
    sql: `WITH listed AS (SELECT parent, code, name, level, kind, first_year, last_year FROM ${GAZETTEER_NODES}),
unlisted AS (
  SELECT d.parent_code AS parent, d.division_code AS code, d.name, d.level, NULL::VARCHAR AS kind, NULL::INTEGER AS first_year, NULL::INTEGER AS last_year
  FROM ${DIVISION_NAMES} d ANTI JOIN listed l ON l.parent = d.parent_code AND l.code = d.division_code
),
nodes AS (SELECT * FROM listed UNION ALL SELECT * FROM unlisted)
SELECT n.parent AS parent_code, n.code AS division_code, n.name AS division_name, n.level AS division_level, n.kind, n.first_year, n.last_year,
  n.code IN (SELECT parent FROM ${GAZETTEER_NODES}) AS has_children,
  c.year, coalesce(c.reports, 0) AS reports, coalesce(c.department_reports, 0) AS department_reports,
  coalesce(c.subtree_reports, 0) AS subtree_reports
FROM nodes n LEFT JOIN ${DIVISION_YEARS} c ON c.code = n.code
ORDER BY parent_code, division_code, c.year NULLS FIRST`,
    params: [],
    tables: [],
  }),
  { needs: [GAZETTEER_NODES, DIVISION_NAMES, DIVISION_YEARS] },
);

export interface DivisionSearch {
  /** Part of a division's name (any name it has had); matched literally, case-insensitively. */
  text: string;
  limit?: number;
}

/**
 * Divisions of the gazetteer whose name (current or former) contains `text`, placeholders left
 * out, each once under its latest name, with the codes above it (for expanding a tree) and how
 * many reports name it as their division (its government's and its departments').
 *
 * Columns: code, name, level, parent_code, parent_name, grandparent_code, great_grandparent_code,
 * first_year, last_year (null = current), has_children, reports. An exact name first, then the
 * most reports, then code. Empty text returns nothing.
 */
export function searchDivisions(search: DivisionSearch): BuiltQuery {
  const text = typeof search.text === 'string' ? search.text.trim() : '';
  const limit = Math.max(1, Math.min(Number.isInteger(search.limit) ? (search.limit as number) : 30, 200));
  const sql = `WITH named AS (
  SELECT code, arg_max(name, "first") AS name, arg_max(level, "first") AS level, arg_max(parent, "first") AS parent,
    min("first") AS first_year, CASE WHEN bool_or("last" IS NULL) THEN NULL ELSE max("last") END AS last_year,
    bool_or(name ILIKE ? ESCAPE '\\') AS matches, bool_or(lower(name) = lower(?)) AS exact
  FROM jurisdictions
  WHERE kind <> 'pseudo'
  GROUP BY code
),
counts AS (
  SELECT division_code AS code, count(*) AS reports FROM facts_wide
  WHERE division_code IN (SELECT code FROM named WHERE matches) GROUP BY division_code
)
SELECT n.code, n.name, n.level, n.parent AS parent_code, p.name AS parent_name, p.parent AS grandparent_code,
  g.parent AS great_grandparent_code, n.first_year, n.last_year,
  EXISTS (SELECT 1 FROM jurisdictions j WHERE j.parent = n.code AND j.kind <> 'pseudo') AS has_children,
  coalesce(c.reports, 0) AS reports
FROM named n
LEFT JOIN named p ON p.code = n.parent
LEFT JOIN named g ON g.code = p.parent
LEFT JOIN counts c ON c.code = n.code
WHERE n.matches AND ? <> ''
ORDER BY n.exact DESC, reports DESC, n.code
LIMIT ?`;
  const detail: BuiltQuery = { name: 'hierarchy.searchDivisions', sql, params: [containsPattern(text), text, text, limit], tables: ['facts_wide', 'jurisdictions'] };
  // A division matches when one of its names contains the text (ILIKE: both lowercased), as its
  // names lowercased and joined by line breaks do, so long as the text holds none (no name does).
  if (/[\r\n]/.test(text)) return detail;
  return withPreaggregate(detail, {
    sql: `SELECT * EXCLUDE (lower_text, lower_names) FROM ${DIVISION_SEARCH}
WHERE contains(lower_text, lower(?)) AND ? <> ''
ORDER BY list_contains(lower_names, lower(?)) DESC, reports DESC, code
LIMIT ?`,
    params: [text, text, text, limit],
    tables: [],
    preaggregates: [DIVISION_SEARCH],
  });
}

/**
 * searchDivisions' answer for every division at once, with each division's names (current and
 * former) lowercased, joined by line breaks and as a list: a search is a filter on it (the
 * gazetteer grouped by code and lowercased once, not at each keystroke).
 */
const DIVISION_SEARCH = definePreaggregate(
  'pre_division_search',
  () => ({
    name: 'pre.division_search',
    sql: `WITH named AS (
  SELECT code, arg_max(name, "first") AS name, arg_max(level, "first") AS level, arg_max(parent, "first") AS parent,
    min("first") AS first_year, CASE WHEN bool_or("last" IS NULL) THEN NULL ELSE max("last") END AS last_year,
    lower(string_agg(name, chr(10))) AS lower_text, list(lower(name)) AS lower_names
  FROM jurisdictions
  WHERE kind <> 'pseudo'
  GROUP BY code
),
counts AS (
  SELECT division_code AS code, count(*) AS reports FROM facts_wide WHERE division_code IS NOT NULL GROUP BY division_code
)
SELECT n.code, n.name, n.level, n.parent AS parent_code, p.name AS parent_name, p.parent AS grandparent_code,
  g.parent AS great_grandparent_code, n.first_year, n.last_year,
  n.code IN (SELECT parent FROM jurisdictions WHERE kind <> 'pseudo' AND parent IS NOT NULL) AS has_children,
  coalesce(c.reports, 0) AS reports, n.lower_text, n.lower_names
FROM named n
LEFT JOIN named p ON p.code = n.parent
LEFT JOIN named g ON g.code = p.parent
LEFT JOIN counts c ON c.code = n.code
ORDER BY n.code`,
    params: [],
    tables: ['facts_wide', 'jurisdictions'],
  }),
  // Not stored: at province size the stored file (2 MB, 55,374 rows) cost the first search as
  // much CPU to load as the page's build.
  { behindInit: false },
);

export interface DepartmentsInput {
  /** The division (6 or 9 digits) whose departments are listed. */
  code: string;
}

/**
 * The departments that published reports for a division (no list of departments exists, so only
 * those with reports), by reports.
 *
 * Columns: department, issuer (one issuer name of its reports, the smallest), reports, first_year,
 * last_year, by_year ("2019:3 2020:5", the reports of each year with any), ordered by reports
 * descending, then department.
 */
export function departmentsOf(input: DepartmentsInput): BuiltQuery {
  if (typeof input.code !== 'string' || !/^\d{6}(\d{3})?$/.test(input.code)) throw new QueryInputError(`not a division code: ${JSON.stringify(input.code)}`);
  const sql = `WITH per_year AS (
  SELECT department, year, min(issuer) AS issuer, count(*) AS n
  FROM facts_wide
  WHERE division_code = ? AND department IS NOT NULL
  GROUP BY department, year
)
SELECT department, min(issuer) AS issuer, CAST(sum(n) AS BIGINT) AS reports, min(year) AS first_year, max(year) AS last_year,
  string_agg(CAST(year AS VARCHAR) || ':' || CAST(n AS VARCHAR), ' ' ORDER BY year) AS by_year
FROM per_year
GROUP BY department
ORDER BY reports DESC, department`;
  return { name: 'hierarchy.departments', sql, params: [input.code], tables: ['facts_wide'], provinces: provinceOf(input.code) };
}

/**
 * The latest year in which benchmark has something to draw for a parent: some child's report picked
 * as benchmark picks it (one per division and year, `scope` preferred) states the metric or rate.
 * Columns: year (null when no child states it in any year).
 */
export function benchmarkLatestYear(input: { parent: string; metric: string; scope?: Scope }): BuiltQuery {
  const parent = parentCode(input.parent);
  const scope = scopeOf(input.scope ?? 'self');
  const m = measureOf(input.metric, true);
  const detail: BuiltQuery = {
    name: `hierarchy.benchmark-latest-year.${scope}`,
    // A division's parent is the same in each of its rows, so filtering before the pick keeps the picks.
    sql: `SELECT max(year) AS year FROM (${pickOnePer('division_code, year', `${benchmarkCandidates(m, scope)} AND parent_code = ?`, scope)}) WHERE value IS NOT NULL`,
    params: [parent],
    tables: ['facts_wide'],
    provinces: provinceOf(parent),
  };
  return withPreaggregate(detail, {
    sql: `SELECT max(year) AS year FROM ${benchmarkUnits(input.metric, scope)} WHERE parent_code = ? AND value IS NOT NULL`,
    params: [parent],
    tables: [],
    provinces: provinceOf(parent),
    preaggregates: [benchmarkUnits(input.metric, scope)],
  });
}

/**
 * The latest report year of a division and everything below it (its own reports, its
 * departments', its subordinate divisions'): the year the hierarchy views open on for it.
 * Columns: year (null when nothing below it reported).
 */
export function latestYearBelow(input: { parent: string }): BuiltQuery {
  const parent = parentCode(input.parent);
  const detail: BuiltQuery = {
    name: 'hierarchy.latest-year',
    sql: `SELECT max(year) AS year FROM facts_wide
WHERE year IS NOT NULL AND (division_code = ? OR county_code = ? OR city_code = ? OR province_code = ? OR parent_code = ?)`,
    params: [parent, parent, parent, parent, parent],
    tables: ['facts_wide'],
    provinces: provinceOf(parent),
  };
  // The latest year over the rows naming it in any of the five = the latest of its per-code latest years.
  return withPreaggregate(detail, { sql: `SELECT max(year) AS year FROM ${LATEST_YEARS} WHERE code = ?`, params: [parent], tables: [], preaggregates: [LATEST_YEARS] });
}

const LATEST_YEARS = definePreaggregate('pre_latest_years', () => ({
  name: 'pre.latest_years',
  sql: `SELECT code, max(year) AS year FROM (
  SELECT DISTINCT unnest([division_code, county_code, city_code, province_code, parent_code]) AS code, year FROM facts_wide WHERE year IS NOT NULL
) WHERE code IS NOT NULL GROUP BY code ORDER BY code`,
  params: [],
  tables: ['facts_wide'],
}));
