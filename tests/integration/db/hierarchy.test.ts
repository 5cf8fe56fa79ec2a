// The hierarchy builders (src/db/sql/hierarchy.ts) on a small handcrafted facts_wide and
// jurisdictions, loaded as Arrow IPC streams into real DuckDB-WASM and as Parquet into native
// DuckDB. Expected numbers are worked out by hand below; quartiles are DuckDB's quantile_cont
// (linear interpolation: position (n − 1)·q in the sorted values, like R type 7 / numpy's default).
import { tableFromIPC } from 'apache-arrow';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableRows, type Row } from '../../../src/app/data/rows';
import { fromErrorData, type QueryResult } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import { createNodeHandler } from '../../helpers/duckdb-wasm-node';
import { openNativeDataset } from '../../helpers/native-duckdb';
import { ingestShippedCorpus } from '../../helpers/shipped-dataset';
import { arrowTable, FACT_COLUMNS, fixtureMetrics, JURISDICTION_COLUMNS, loadTwoEngines, withBodyColumns, type ColumnType, type TwoEngines } from '../../helpers/two-engines';

// ---- the gazetteer -------------------------------------------------------------------------

interface Division {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'town';
  parent: string | null;
  kind?: 'admin' | 'functional-zone' | 'pseudo';
  first?: number;
  last?: number | null;
}

const GAZETTEER: Division[] = [
  { code: '230000', name: '黑龙江省', level: 'province', parent: null },
  { code: '230100', name: '哈尔滨市', level: 'city', parent: '230000' },
  { code: '230102', name: '道里区', level: 'county', parent: '230100' },
  { code: '230103', name: '南岗区', level: 'county', parent: '230100' },
  { code: '230700', name: '伊春市', level: 'city', parent: '230000' },
  { code: '230701', name: '市辖区', level: 'county', parent: '230700', kind: 'pseudo', last: 2016 },
  // The 2019 reform of 伊春: the old districts end in 2018, the new ones start in 2019.
  { code: '230702', name: '伊春区', level: 'county', parent: '230700', last: 2018 },
  { code: '230703', name: '南岔区', level: 'county', parent: '230700', last: 2018 },
  { code: '230717', name: '伊美区', level: 'county', parent: '230700', first: 2019 },
  { code: '230717001', name: '旭日街道', level: 'town', parent: '230717', first: 2019 },
  { code: '230718', name: '乌翠区', level: 'county', parent: '230700', first: 2019 },
  { code: '230722', name: '嘉荫县', level: 'county', parent: '230700' },
  { code: '230724', name: '丰林县', level: 'county', parent: '230700', first: 2019 },
  { code: '230726', name: '南岔县', level: 'county', parent: '230700', first: 2019 },
  { code: '230751', name: '金林区', level: 'county', parent: '230700', first: 2019 },
  { code: '230781', name: '铁力市', level: 'county', parent: '230700' },
  { code: '420000', name: '湖北省', level: 'province', parent: null },
  // One code, two names over time: listed once in the picker, under the latest name.
  { code: '420600', name: '襄樊市', level: 'city', parent: '420000', last: 2010 },
  { code: '420600', name: '襄阳市', level: 'city', parent: '420000', first: 2011 },
  { code: '429000', name: '省直辖县级行政区划', level: 'city', parent: '420000', kind: 'pseudo' },
  { code: '429006', name: '天门市', level: 'county', parent: '420000' },
  { code: '440000', name: '广东省', level: 'province', parent: null },
  { code: '440100', name: '广州市', level: 'city', parent: '440000' },
  { code: '440103', name: '荔湾区', level: 'county', parent: '440100' },
  // Names with LIKE metacharacters: '%' and '_' in a search match only themselves.
  { code: '440103001', name: '百分%街道', level: 'town', parent: '440103' },
  { code: '440103002', name: '百分之街道', level: 'town', parent: '440103' },
  { code: '440103003', name: '下_划街道', level: 'town', parent: '440103' },
];

const jurisdictionRows = GAZETTEER.map((d) => ({
  ...d,
  kind: d.kind ?? 'admin',
  first: d.first ?? 2002,
  last: d.last ?? null,
  province_code: `${d.code.slice(0, 2)}0000`,
}));

// ---- the reports ---------------------------------------------------------------------------

const divisions = new Map<string, Division>();
for (const d of GAZETTEER) divisions.set(d.code, d); // the latest row of a code wins

/** The chain of codes above and at a division, as ingest writes them. */
function chain(code: string): { province_code: string | null; city_code: string | null; county_code: string | null } {
  const out = { province_code: null as string | null, city_code: null as string | null, county_code: null as string | null };
  for (let d = divisions.get(code); d; d = d.parent ? divisions.get(d.parent) : undefined) {
    if (d.level === 'province') out.province_code = d.code;
    if (d.level === 'city') out.city_code = d.code;
    if (d.level === 'county') out.county_code = d.code;
  }
  return out;
}

interface Report {
  id: string;
  code: string;
  year: number;
  scope?: 'self' | 'area';
  department?: string;
  published?: string;
  status?: 'ok' | 'partial' | 'failed';
  flags?: string;
  /** r_new_total, r_granted_total, r_handled_total, rv_total, rv_corrected, rv_pending. */
  r?: number;
  g?: number;
  h?: number;
  rv?: [total: number, corrected: number, pending: number | null];
}

const REPORTS: Report[] = [
  // 2020, the children of 伊春市 (230700).
  { id: 'a00', code: '230717', year: 2020, scope: 'area', r: 70, g: 70, h: 70, published: '2021-03-20' },
  { id: 'a01', code: '230717', year: 2020, r: 10, g: 6, h: 8, rv: [10, 2, 2], published: '2021-03-25' },
  { id: 'a02', code: '230717', year: 2020, r: 99, g: 90, h: 90, rv: [100, 100, 0] },
  { id: 'b01', code: '230718', year: 2020, status: 'failed' },
  { id: 'c01', code: '230722', year: 2020, r: 20, g: 10, h: 20, rv: [2, 1, 0], published: '2021-03-31' },
  { id: 'd01', code: '230726', year: 2020, r: 30, g: 3, h: 12, rv: [5, 1, null], published: '2021-04-02' },
  { id: 'e01', code: '230751', year: 2020, r: 200, g: 0, h: 0 },
  { id: 'f01', code: '230781', year: 2020, scope: 'area', r: 35, g: 7, h: 7, published: '2021-01-10' },
  // A report resolved to a district abolished in 2019 (flagged historical), stating no figure.
  { id: 'h01', code: '230702', year: 2020, status: 'partial', flags: 'historical', published: '2021-03-01' },
  // 伊春市 itself: two area summaries, its own report, its departments.
  { id: 'p01', code: '230700', year: 2020, scope: 'area', r: 500, published: '2021-03-30' },
  { id: 'p02', code: '230700', year: 2020, r: 12, published: '2021-03-28' },
  { id: 'p03', code: '230700', year: 2020, scope: 'area', r: 999 },
  { id: 'q01', code: '230700', year: 2020, department: '行政审批服务局', r: 5, published: '2021-01-15' },
  { id: 'q02', code: '230700', year: 2020, department: '行政审批服务局', r: 7, published: '2021-02-20' },
  { id: 'q03', code: '230700', year: 2020, department: '公安局', r: 3, published: '2021-02-01' },
  { id: 'q04', code: '230700', year: 2020, department: '公安局', scope: 'area', r: 1000 },
  // A town under 伊美区: not a child of 伊春市, not a county-level peer.
  { id: 's01', code: '230717001', year: 2020, r: 4 },
  // Peers elsewhere.
  { id: 'g01', code: '230102', year: 2020, r: 1000 },
  { id: 'g02', code: '230102', year: 2020, department: '教育局', r: 5000 },
  { id: 'g03', code: '230103', year: 2020, r: 5 },
  { id: 'g04', code: '230100', year: 2020, r: 300 },
  { id: 'k01', code: '230000', year: 2020, r: 100 },
  { id: 't01', code: '429006', year: 2020, r: 60 },
  { id: 'l01', code: '440103', year: 2020, r: 25 },
  // 2019 and 2018.
  { id: 'a19', code: '230717', year: 2019, r: 8 },
  { id: 'c19', code: '230722', year: 2019, r: 25 },
  { id: 'e19', code: '230751', year: 2019, r: 0 },
  { id: 'f19', code: '230781', year: 2019, r: 50 },
  { id: 'c18', code: '230722', year: 2018, r: 18, published: '2019-03-15' },
  // 铁力市's 2018 area summary, issued by its disclosure office (keyed as a department of it).
  { id: 'f18', code: '230781', year: 2018, department: '政务公开办公室', scope: 'area', r: 40, published: '2019-03-20' },
];

/** Reports whose issuer stayed unresolved (in `reports` only; ambiguous: no division, its candidates listed). */
const UNRESOLVED = [
  // Could be 丰林县 (a child of 伊春市) or a county in 贵州: under 伊春市 it counts for 丰林县.
  { report_id: 'z01', issuer: '丰林县政府', year: 2020, scope: 'self', status: 'ok', published: '2021-03-05', division_code: null, jurisdiction_candidates: '230724,520113' },
  // Candidates elsewhere only: not 伊春市's.
  { report_id: 'z02', issuer: '某县政府', year: 2020, scope: 'self', status: 'ok', published: null, division_code: null, jurisdiction_candidates: '520113,520114' },
];
const REPORT_COLUMNS: [string, ColumnType][] = [
  ['report_id', 'utf8'], ['issuer', 'utf8'], ['year', 'int32'], ['scope', 'utf8'], ['status', 'utf8'], ['published', 'utf8'], ['division_code', 'utf8'], ['jurisdiction_candidates', 'utf8'],
];


function factRow(r: Report): Record<string, unknown> {
  const d = divisions.get(r.code);
  if (!d) throw new Error(`no division ${r.code}`);
  const issuer = `${d.name}${r.department ?? '人民政府'}`;
  return {
    report_id: r.id,
    issuer,
    jurisdiction: d.name,
    division_code: d.code,
    division_name: d.name,
    division_level: d.level,
    ...chain(d.code),
    parent_code: d.parent,
    department: r.department ?? null,
    jurisdiction_flags: r.flags ?? null,
    published: r.published ?? null,
    n_failed_checks: 0,
    year: r.year,
    level: r.department ? 'department' : d.level,
    scope: r.scope ?? 'self',
    template: r.status === 'failed' ? null : 'table2021',
    status: r.status ?? 'ok',
    ...fixtureMetrics(r),
  };
}

/**
 * Copied reports as ingest stores them (src/ingest/similar): report a01 in two pairs (its score is
 * the higher), a00 (an area summary, used only when area summaries are ranked) copied from e01, and
 * c01 from a report of 2019 that is not in facts_wide; d01 and 荔湾's l01 (广东) a pair of two
 * provinces, in both partitions (two rows, counted once); h01 report_b of a pair whose report_a is in
 * 北京, its row of 黑龙江's partition alone (as when only 黑龙江 is loaded).
 */
const pair = (report_a: string, report_b: string, similarity: number, kind: string, provinces = ['23', '23'], is_primary = true) => ({ report_a, report_b, similarity, kind, province_a: provinces[0], province_b: provinces[1], is_primary });
const SIMILAR_PAIRS = [
  pair('a01', 'c01', 0.62, 'same_year'),
  pair('a01', 'a02', 0.91, 'same_year'),
  pair('a00', 'e01', 0.7, 'same_year'),
  pair('c00', 'c01', 0.85, 'same_body'),
  pair('d01', 'l01', 0.55, 'same_year', ['23', '44']),
  pair('d01', 'l01', 0.55, 'same_year', ['23', '44'], false),
  pair('11-h', 'h01', 0.6, 'same_year', ['11', '23'], false),
];
const SIMILAR_COLUMNS: [string, ColumnType][] = [
  ['report_a', 'utf8'],
  ['report_b', 'utf8'],
  ['similarity', 'float64'],
  ['kind', 'utf8'],
  ['province_a', 'utf8'],
  ['province_b', 'utf8'],
  ['is_primary', 'bool'],
];

// ---- running ----------------------------------------------------------------------------------

let engines: TwoEngines;

beforeAll(async () => {
  engines = await loadTwoEngines({
    facts_wide: arrowTable(FACT_COLUMNS, withBodyColumns(REPORTS.map(factRow))),
    jurisdictions: arrowTable(JURISDICTION_COLUMNS, jurisdictionRows),
    similar_pairs: arrowTable(SIMILAR_COLUMNS, SIMILAR_PAIRS),
    reports: arrowTable(REPORT_COLUMNS, [
      ...REPORTS.map((r) => ({ report_id: r.id, issuer: null, year: r.year, scope: r.scope ?? 'self', status: r.status ?? 'ok', published: r.published ?? null, division_code: r.code, jurisdiction_candidates: null })),
      ...UNRESOLVED,
    ]),
  });
}, 60_000);

afterAll(() => engines?.close());

/** Runs a query in DuckDB-WASM and checks native DuckDB returns exactly the same rows. */
async function run(query: sql.BuiltQuery): Promise<Row[]> {
  const rows = engines.runWasm(query);
  expect(await engines.runNative(query)).toEqual(rows);
  return rows;
}

const pick = (rows: readonly Row[], keys: readonly string[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));
const byCode = (rows: readonly Row[]) => new Map(rows.map((r) => [r.division_code as string, r]));

// ---- benchmark ----------------------------------------------------------------------------------

describe('benchmarkChildren', () => {
  it('ranks the children of 伊春市 on a metric against each other (peer = parent)', async () => {
    const rows = await run(sql.benchmarkChildren({ parent: '230700', year: 2020, metric: 'r.new.total', peer: 'parent' }));
    // Ranked children first (highest value = rank 1), then children without a value, by code.
    expect(pick(rows, ['division_code', 'division_name', 'value', 'rank', 'peer_rank', 'percentile', 'outlier', 'scope', 'report_id', 'reports'])).toEqual([
      { division_code: '230751', division_name: '金林区', value: 200, rank: 1, peer_rank: 1, percentile: 1, outlier: null, scope: 'self', report_id: 'e01', reports: 1 },
      { division_code: '230726', division_name: '南岔县', value: 30, rank: 2, peer_rank: 2, percentile: 2 / 3, outlier: null, scope: 'self', report_id: 'd01', reports: 1 },
      { division_code: '230722', division_name: '嘉荫县', value: 20, rank: 3, peer_rank: 3, percentile: 1 / 3, outlier: null, scope: 'self', report_id: 'c01', reports: 1 },
      // Three reports: the area summary a00 (lower id) loses to the self reports, a01 (lowest id) is used, 99 of a02 is not added.
      { division_code: '230717', division_name: '伊美区', value: 10, rank: 4, peer_rank: 4, percentile: 0, outlier: null, scope: 'self', report_id: 'a01', reports: 3 },
      { division_code: '230702', division_name: '伊春区', value: null, rank: null, peer_rank: null, percentile: null, outlier: null, scope: 'self', report_id: 'h01', reports: 1 },
      { division_code: '230718', division_name: '乌翠区', value: null, rank: null, peer_rank: null, percentile: null, outlier: null, scope: 'self', report_id: 'b01', reports: 1 },
      // Published only an area summary: listed, never ranked among own reports.
      { division_code: '230781', division_name: '铁力市', value: null, rank: null, peer_rank: null, percentile: null, outlier: null, scope: 'area', report_id: 'f01', reports: 1 },
    ]);
    // Own reports [10, 20, 30, 200]: positions (4 − 1)·q = 0.75, 1.5, 2.25 → 17.5, 25, 72.5. Four peers, fewer than
    // MIN_SPREAD_PEERS: no fences and no unit tested as an outlier (200 would lie beyond Q3 + 1.5·IQR = 155), null not false.
    expect(sql.MIN_SPREAD_PEERS).toBe(5);
    for (const row of rows) {
      expect(row).toMatchObject({ peer_group: 'parent', peers: 4, p25: 17.5, p50: 25, p75: 72.5, fence_low: null, fence_high: null, peer_pooled: null });
      expect(row.numerator).toBeNull();
    }
  });

  it("gives each child the copy score of the report used: its highest similarity to any report, 0 without a pair", async () => {
    const scoreOf = async (scope: 'self' | 'area') =>
      Object.fromEntries((await run(sql.benchmarkChildren({ parent: '230700', year: 2020, metric: 'r.new.total', scope }))).map((r) => [r.report_id, r.copy_score]));
    expect(await scoreOf('self')).toEqual({ e01: 0.7, d01: 0.55, c01: 0.85, a01: 0.91, h01: 0.6, b01: 0, f01: 0 });
    // With area summaries ranked, 伊美区's a00 is the report used, and its copy score is a00's.
    expect(await scoreOf('area')).toMatchObject({ a00: 0.7, c01: 0.85 });
  });

  it('ranks area summaries among area summaries, by switch', async () => {
    const rows = await run(sql.benchmarkChildren({ parent: '230700', year: 2020, metric: 'r.new.total', scope: 'area' }));
    expect(pick(rows.filter((r) => r.value !== null), ['division_code', 'value', 'rank', 'scope', 'report_id', 'peers', 'p50'])).toEqual([
      // 伊美区's area summary a00 is preferred now; its own reports are not ranked.
      { division_code: '230717', value: 70, rank: 1, scope: 'area', report_id: 'a00', peers: 2, p50: 52.5 },
      { division_code: '230781', value: 35, rank: 2, scope: 'area', report_id: 'f01', peers: 2, p50: 52.5 },
    ]);
    expect(() => sql.benchmarkChildren({ parent: '230700', year: 2020, metric: 'r.new.total', scope: 'all' as 'self' })).toThrow(/not a scope/);
  });

  it('gives last year’s value and the change, only between reports of the same scope', async () => {
    const rows = byCode(await run(sql.benchmarkChildren({ parent: '230700', year: 2020, metric: 'r.new.total' })));
    const yoy = (code: string) => pick([rows.get(code)!], ['prev_value', 'prev_scope', 'yoy_change', 'yoy_pct'])[0];
    expect(yoy('230717')).toEqual({ prev_value: 8, prev_scope: 'self', yoy_change: 2, yoy_pct: 0.25 });
    expect(yoy('230722')).toEqual({ prev_value: 25, prev_scope: 'self', yoy_change: -5, yoy_pct: -0.2 });
    expect(yoy('230751')).toEqual({ prev_value: 0, prev_scope: 'self', yoy_change: 200, yoy_pct: null }); // no ratio over 0
    expect(yoy('230781')).toEqual({ prev_value: 50, prev_scope: 'self', yoy_change: null, yoy_pct: null }); // area now, self then
    expect(yoy('230726')).toEqual({ prev_value: null, prev_scope: null, yoy_change: null, yoy_pct: null });
  });

  it('uses the same division level within the province as peers (province-level)', async () => {
    const rows = await run(sql.benchmarkChildren({ parent: '230700', year: 2020, metric: 'r.new.total', peer: 'province-level' }));
    // County-level own reports in 黑龙江: [5 南岗, 10, 20, 30, 200, 1000 道里] — not 道里's department (5000),
    // not the town (4), not the cities or the province, not 铁力市's area summary. Positions 5·q = 1.25, 2.5, 3.75.
    expect(pick(rows, ['division_code', 'rank', 'peer_rank', 'percentile', 'outlier'])).toEqual([
      { division_code: '230751', rank: 1, peer_rank: 2, percentile: 4 / 5, outlier: false },
      { division_code: '230726', rank: 2, peer_rank: 3, percentile: 3 / 5, outlier: false },
      { division_code: '230722', rank: 3, peer_rank: 4, percentile: 2 / 5, outlier: false },
      { division_code: '230717', rank: 4, peer_rank: 5, percentile: 1 / 5, outlier: false },
      { division_code: '230702', rank: null, peer_rank: null, percentile: null, outlier: null },
      { division_code: '230718', rank: null, peer_rank: null, percentile: null, outlier: null },
      { division_code: '230781', rank: null, peer_rank: null, percentile: null, outlier: null },
    ]);
    expect(rows[0]).toMatchObject({ peer_group: 'county', peers: 6, p25: 12.5, p50: 25, p75: 157.5, fence_low: -205, fence_high: 375 });
  });

  it('uses the same division level nationally as peers (national-level)', async () => {
    const rows = await run(sql.benchmarkChildren({ parent: '230700', year: 2020, metric: 'r.new.total', peer: 'national-level' }));
    // County-level own reports: [5, 10, 20, 25 荔湾, 30, 60 天门, 200, 1000]; positions 7·q = 1.75, 3.5, 5.25.
    expect(rows[0]).toMatchObject({ peer_group: 'county', peers: 8, p25: 17.5, p50: 27.5, p75: 95, fence_low: -98.75, fence_high: 211.25 });
    expect(pick(rows.slice(0, 4), ['division_code', 'peer_rank', 'percentile', 'outlier'])).toEqual([
      { division_code: '230751', peer_rank: 2, percentile: 6 / 7, outlier: false },
      { division_code: '230726', peer_rank: 4, percentile: 4 / 7, outlier: false },
      { division_code: '230722', peer_rank: 6, percentile: 2 / 7, outlier: false },
      { division_code: '230717', peer_rank: 7, percentile: 1 / 7, outlier: false },
    ]);
    // Only the parent's children are returned, whatever the peer group.
    expect(rows.map((r) => r.division_code).sort()).toEqual(['230702', '230717', '230718', '230722', '230726', '230751', '230781']);
  });

  it('computes a rate from each unit’s own counts, and the group’s from summed counts', async () => {
    const rows = await run(sql.benchmarkChildren({ parent: '230700', year: 2020, metric: 'rate.granted' }));
    expect(pick(rows, ['division_code', 'value', 'numerator', 'denominator', 'rank', 'report_id'])).toEqual([
      // 6/8 from a01 alone: never (6 + 90)/(8 + 90) with the second report.
      { division_code: '230717', value: 0.75, numerator: 6, denominator: 8, rank: 1, report_id: 'a01' },
      { division_code: '230722', value: 0.5, numerator: 10, denominator: 20, rank: 2, report_id: 'c01' },
      { division_code: '230726', value: 0.25, numerator: 3, denominator: 12, rank: 3, report_id: 'd01' },
      { division_code: '230702', value: null, numerator: null, denominator: null, rank: null, report_id: 'h01' },
      { division_code: '230718', value: null, numerator: null, denominator: null, rank: null, report_id: 'b01' },
      // 0 granted of 0 handled: no rate.
      { division_code: '230751', value: null, numerator: 0, denominator: 0, rank: null, report_id: 'e01' },
      // An area summary's 7 of 7: not among own reports.
      { division_code: '230781', value: null, numerator: null, denominator: null, rank: null, report_id: 'f01' },
    ]);
    // Rates [0.25, 0.5, 0.75]: positions 2·q = 0.5, 1, 1.5.
    expect(rows[0]).toMatchObject({ peers: 3, p25: 0.375, p50: 0.5, p75: 0.625 });
    expect(rows[0].peer_pooled).toBeCloseTo((6 + 10 + 3) / (8 + 20 + 12), 12);
  });

  it('computes the correction rate as corrected ÷ (total − pending), pooled from counts, not averaged', async () => {
    const rows = byCode(await run(sql.benchmarkChildren({ parent: '230700', year: 2020, metric: 'rate.rv_corrected' })));
    expect(pick([rows.get('230717')!], ['value', 'numerator', 'denominator'])[0]).toEqual({ value: 0.25, numerator: 2, denominator: 8 });
    expect(pick([rows.get('230722')!], ['value', 'numerator', 'denominator'])[0]).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    // 南岔县 does not state its pending cases: no rate.
    expect(rows.get('230726')!.value).toBeNull();
    // (2 + 1) / (8 + 2) = 0.3; the mean of the two rates would be 0.375.
    expect(rows.get('230717')!.peer_pooled).toBeCloseTo(0.3, 12);
    expect(rows.get('230717')!.peers).toBe(2);
  });

  it('refuses what is not whitelisted or not well formed, before any SQL is built', () => {
    const ok = { parent: '230700', year: 2020, metric: 'r.new.total' };
    expect(() => sql.benchmarkChildren({ ...ok, metric: 'r_new_total; DROP TABLE facts_wide' })).toThrow(/not a dashboard metric/);
    expect(() => sql.benchmarkChildren({ ...ok, metric: 'rate.bogus' })).toThrow(sql.QueryInputError);
    expect(() => sql.benchmarkChildren({ ...ok, parent: 'abcdef' })).toThrow(/not a division code/);
    expect(() => sql.benchmarkChildren({ ...ok, parent: "230700' OR '1'='1" })).toThrow(/not a division code/);
    expect(() => sql.benchmarkChildren({ ...ok, parent: '23070' })).toThrow(/not a division code/);
    expect(() => sql.benchmarkChildren({ ...ok, year: 2020.5 })).toThrow(/not a report year/);
    expect(() => sql.benchmarkChildren({ ...ok, peer: 'world' as sql.PeerGroup })).toThrow(/not a peer group/);
  });

  it('binds codes and years as parameters: none of them is in the SQL text', () => {
    for (const peer of sql.PEER_GROUPS) {
      const query = sql.benchmarkChildren({ parent: '230700', year: 2020, metric: 'rate.granted', peer });
      expect(query.sql).not.toMatch(/2307|2300|2020|2019/);
      expect(query.params).toContain('230700');
    }
  });
});

// ---- reconciliation ----------------------------------------------------------------------------

describe('reconciliation', () => {
  it('sets the area summary against the sum of the children’s own reports', async () => {
    const [row] = await run(sql.reconciliation({ parent: '230700', year: 2020, metric: 'r.new.total' }));
    expect(row).toEqual({
      // p01 (500), the first of two area summaries; p03's 999 is not added.
      area_value: 500,
      area_report_id: 'p01',
      area_reports: 2,
      // 伊美区 10 (a01 only) + 嘉荫县 20 + 南岔县 30 + 金林区 200.
      children_value: 260,
      children_in_sum: 4,
      // 铁力市 published only an area summary: shown apart, never added to own reports.
      children_area_value: 35,
      children_area_units: 1,
      parent_self_value: 12,
      parent_self_report_id: 'p02',
      // 行政审批服务局 5 (q01; q02's 7 not added) + 公安局 3 (its area summary q04 left out).
      departments_value: 8,
      departments_in_sum: 2,
      departments_reported: 2,
      gap: 240,
      gap_share: 0.48,
      // 伊美 乌翠 嘉荫 丰林 南岔县 金林 铁力 (not the placeholder 市辖区, not 伊春区/南岔区, gone in 2019).
      children_listed: 7,
      // The seven that published include 伊春区 (historical, not listed in 2020) and not 丰林县.
      children_reported: 7,
      // 丰林县 published under an ambiguous name that may be its: not missing, as in coverage.
      children_missing: 0,
      children_ambiguous: 1,
      children_unlisted: 1,
    });
  });

  it('counts a child’s area summary issued by an office keyed as its department, as coverage does', async () => {
    const [row] = await run(sql.reconciliation({ parent: '230700', year: 2018, metric: 'r.new.total' }));
    expect(row).toMatchObject({
      children_value: 18,
      children_in_sum: 1,
      // 铁力市's summary by its 政务公开办公室 (f18): an area summary, shown apart.
      children_area_value: 40,
      children_area_units: 1,
      children_listed: 4,
      children_reported: 2,
      children_missing: 2,
      children_ambiguous: 0,
    });
    const coverage = await run(sql.coverage({ parent: '230700', year: 2018 }));
    const published = coverage.filter((r) => r.unit === 'government' && Number(r.reports) > 0).length;
    const missing = coverage.filter((r) => r.missing === true).length;
    expect([Number(row.children_reported), Number(row.children_missing)]).toEqual([published, missing]);
  });

  it('lists such a summary among the children in the benchmark, without ranking it against own reports', async () => {
    const rows = await run(sql.benchmarkChildren({ parent: '230700', year: 2018, metric: 'r.new.total' }));
    expect(pick(rows, ['division_code', 'scope', 'value'])).toEqual([
      { division_code: '230722', scope: 'self', value: 18 },
      { division_code: '230781', scope: 'area', value: null },
    ]);
  });

  it('returns one row of nothing where nothing was published', async () => {
    const [row] = await run(sql.reconciliation({ parent: '440100', year: 2020, metric: 'r.new.total' }));
    expect(row).toMatchObject({ area_value: null, area_reports: 0, children_value: 25, children_in_sum: 1, gap: null, gap_share: null, children_listed: 1, children_missing: 0 });
  });

  it('refuses rates (they are not sums) and unknown metrics', () => {
    expect(() => sql.reconciliation({ parent: '230700', year: 2020, metric: 'rate.granted' })).toThrow(/cannot be summed/);
    expect(() => sql.reconciliation({ parent: '230700', year: 2020, metric: 'year' })).toThrow(/not a dashboard metric/);
    expect(() => sql.reconciliation({ parent: '2307OO', year: 2020, metric: 'r.new.total' })).toThrow(/not a division code/);
  });
});

// ---- coverage --------------------------------------------------------------------------------

describe('coverage', () => {
  const COLUMNS = ['unit', 'division_code', 'division_name', 'department', 'listed', 'reports', 'published', 'deadline', 'late', 'missing'];

  it('lists every child valid that year, with deadlines: governments 31 March, departments 31 January', async () => {
    const rows = await run(sql.coverage({ parent: '230700', year: 2020 }));
    const gov = { unit: 'government', department: null, deadline: '2021-03-31' };
    expect(pick(rows, COLUMNS)).toEqual([
      { ...gov, division_code: '230702', division_name: '伊春区', listed: false, reports: 1, published: '2021-03-01', late: false, missing: false },
      // The earliest of its three reports' dates.
      { ...gov, division_code: '230717', division_name: '伊美区', listed: true, reports: 3, published: '2021-03-20', late: false, missing: false },
      { ...gov, division_code: '230718', division_name: '乌翠区', listed: true, reports: 1, published: null, late: null, missing: false },
      // On the deadline day is on time.
      { ...gov, division_code: '230722', division_name: '嘉荫县', listed: true, reports: 1, published: '2021-03-31', late: false, missing: false },
      // Reported under an ambiguous name one of whose candidates it is: not missing.
      { ...gov, division_code: '230724', division_name: '丰林县', listed: true, reports: 0, published: '2021-03-05', late: false, missing: false },
      { ...gov, division_code: '230726', division_name: '南岔县', listed: true, reports: 1, published: '2021-04-02', late: true, missing: false },
      { ...gov, division_code: '230751', division_name: '金林区', listed: true, reports: 1, published: null, late: null, missing: false },
      { ...gov, division_code: '230781', division_name: '铁力市', listed: true, reports: 1, published: '2021-01-10', late: false, missing: false },
      { unit: 'department', division_code: '230700', division_name: '伊春市', department: '公安局', listed: false, reports: 2, published: '2021-02-01', deadline: '2021-01-31', late: true, missing: false },
      { unit: 'department', division_code: '230700', division_name: '伊春市', department: '行政审批服务局', listed: false, reports: 2, published: '2021-01-15', deadline: '2021-01-31', late: false, missing: false },
    ]);
    expect(pick(rows.filter((r) => r.ambiguous_reports !== 0), ['division_code', 'ambiguous_reports', 'ambiguous_issuers'])).toEqual([
      { division_code: '230724', ambiguous_reports: 1, ambiguous_issuers: '丰林县政府 (230724 / 520113)' },
    ]);
    // 南岔区 (valid until 2018) and the placeholder 市辖区 are not children in 2020: never missing.
    expect(rows.map((r) => r.division_code)).not.toContain('230703');
    expect(rows.map((r) => r.division_code)).not.toContain('230701');
  });

  it('lists the pre-2019 districts of 伊春 in 2018, and not the ones created in 2019', async () => {
    const rows = await run(sql.coverage({ parent: '230700', year: 2018 }));
    expect(pick(rows, ['division_code', 'reports', 'published', 'deadline', 'late', 'missing'])).toEqual([
      { division_code: '230702', reports: 0, published: null, deadline: '2019-03-31', late: null, missing: true },
      { division_code: '230703', reports: 0, published: null, deadline: '2019-03-31', late: null, missing: true },
      { division_code: '230722', reports: 1, published: '2019-03-15', deadline: '2019-03-31', late: false, missing: false },
      // Its area summary, issued by an office keyed as its department, counts for it.
      { division_code: '230781', reports: 1, published: '2019-03-20', deadline: '2019-03-31', late: false, missing: false },
    ]);
    expect(rows.find((r) => r.division_code === '230781')).toMatchObject({ area_reports: 1 });
  });

  it('judges a report of 2018 or before by the 2007 条例 (every body by 31 March), one of 2019 on by the 2019 条例', async () => {
    expect(sql.reportDeadlines(2018)).toEqual({ department: '2019-03-31', government: '2019-03-31' });
    expect(sql.reportDeadlines(2019)).toEqual({ department: '2020-01-31', government: '2020-03-31' });
    // 铁力市's 2018 summary by its office (a department of it, published 2019-03-20): on time then, under the rule in force.
    const rows = await run(sql.coverage({ parent: '230781', year: 2018 }));
    expect(pick(rows.filter((r) => r.unit === 'department'), ['department', 'published', 'deadline', 'late'])).toEqual([
      { department: '政务公开办公室', published: '2019-03-20', deadline: '2019-03-31', late: false },
    ]);
  });

  it('says "not yet due", not missing, before the deadline has passed', async () => {
    const before = await run(sql.coverage({ parent: '230700', year: 2018, today: '2019-03-31' }));
    expect(pick(before, ['division_code', 'due', 'missing', 'not_due'])).toEqual([
      { division_code: '230702', due: false, missing: false, not_due: true },
      { division_code: '230703', due: false, missing: false, not_due: true },
      { division_code: '230722', due: false, missing: false, not_due: false },
      { division_code: '230781', due: false, missing: false, not_due: false },
    ]);
    const after = await run(sql.coverage({ parent: '230700', year: 2018, today: '2019-04-01' }));
    expect(pick(after, ['division_code', 'missing', 'not_due'])).toEqual([
      { division_code: '230702', missing: true, not_due: false },
      { division_code: '230703', missing: true, not_due: false },
      { division_code: '230722', missing: false, not_due: false },
      { division_code: '230781', missing: false, not_due: false },
    ]);
    expect(() => sql.coverage({ parent: '230700', year: 2018, today: 'tomorrow' })).toThrow(/not a day/);
  });

  it('refuses a parent that is not a code', () => {
    expect(() => sql.coverage({ parent: '伊春市', year: 2020 })).toThrow(/not a division code/);
    expect(() => sql.coverage({ parent: '230700', year: Number.NaN })).toThrow(/not a report year/);
  });
});

// ---- children tree ----------------------------------------------------------------------------

describe('childrenTree', () => {
  const COLUMNS = ['division_code', 'division_name', 'division_level', 'kind', 'first_year', 'last_year', 'has_children', 'year', 'reports', 'department_reports', 'subtree_reports'];

  it('lists the provinces with report counts by year for the whole subtree', async () => {
    const rows = await run(sql.childrenTree({ parent: null }));
    const province = { division_level: 'province', kind: 'admin', first_year: 2002, last_year: null, has_children: true, department_reports: 0 };
    expect(pick(rows, COLUMNS)).toEqual([
      { ...province, division_code: '230000', division_name: '黑龙江省', year: 2018, reports: 0, subtree_reports: 2 },
      { ...province, division_code: '230000', division_name: '黑龙江省', year: 2019, reports: 0, subtree_reports: 4 },
      // Every 2020 report in 黑龙江: 21 under it, plus the province's own k01.
      { ...province, division_code: '230000', division_name: '黑龙江省', year: 2020, reports: 1, subtree_reports: 22 },
      { ...province, division_code: '420000', division_name: '湖北省', year: 2020, reports: 0, subtree_reports: 1 },
      { ...province, division_code: '440000', division_name: '广东省', year: 2020, reports: 0, subtree_reports: 1 },
    ]);
  });

  it('lists every child a node ever had (no placeholders), with counts by year', async () => {
    const rows = await run(sql.childrenTree({ parent: '230700' }));
    const county = { division_level: 'county', kind: 'admin', has_children: false, department_reports: 0 };
    expect(pick(rows, COLUMNS)).toEqual([
      { ...county, division_code: '230702', division_name: '伊春区', first_year: 2002, last_year: 2018, year: 2020, reports: 1, subtree_reports: 1 },
      { ...county, division_code: '230703', division_name: '南岔区', first_year: 2002, last_year: 2018, year: null, reports: 0, subtree_reports: 0 },
      { ...county, division_code: '230717', division_name: '伊美区', first_year: 2019, last_year: null, has_children: true, year: 2019, reports: 1, subtree_reports: 1 },
      // Three own reports and the town's.
      { ...county, division_code: '230717', division_name: '伊美区', first_year: 2019, last_year: null, has_children: true, year: 2020, reports: 3, subtree_reports: 4 },
      { ...county, division_code: '230718', division_name: '乌翠区', first_year: 2019, last_year: null, year: 2020, reports: 1, subtree_reports: 1 },
      { ...county, division_code: '230722', division_name: '嘉荫县', first_year: 2002, last_year: null, year: 2018, reports: 1, subtree_reports: 1 },
      { ...county, division_code: '230722', division_name: '嘉荫县', first_year: 2002, last_year: null, year: 2019, reports: 1, subtree_reports: 1 },
      { ...county, division_code: '230722', division_name: '嘉荫县', first_year: 2002, last_year: null, year: 2020, reports: 1, subtree_reports: 1 },
      { ...county, division_code: '230724', division_name: '丰林县', first_year: 2019, last_year: null, year: null, reports: 0, subtree_reports: 0 },
      { ...county, division_code: '230726', division_name: '南岔县', first_year: 2019, last_year: null, year: 2020, reports: 1, subtree_reports: 1 },
      { ...county, division_code: '230751', division_name: '金林区', first_year: 2019, last_year: null, year: 2019, reports: 1, subtree_reports: 1 },
      { ...county, division_code: '230751', division_name: '金林区', first_year: 2019, last_year: null, year: 2020, reports: 1, subtree_reports: 1 },
      // Its 2018 area summary is keyed to its disclosure office: a department's report in the tree.
      { ...county, division_code: '230781', division_name: '铁力市', first_year: 2002, last_year: null, year: 2018, reports: 0, department_reports: 1, subtree_reports: 1 },
      { ...county, division_code: '230781', division_name: '铁力市', first_year: 2002, last_year: null, year: 2019, reports: 1, subtree_reports: 1 },
      { ...county, division_code: '230781', division_name: '铁力市', first_year: 2002, last_year: null, year: 2020, reports: 1, subtree_reports: 1 },
    ]);
  });

  it('counts a division’s departments apart from its government', async () => {
    const rows = await run(sql.childrenTree({ parent: '230000' }));
    expect(pick(rows.filter((r) => r.year === 2020), ['division_code', 'reports', 'department_reports', 'subtree_reports'])).toEqual([
      { division_code: '230100', reports: 1, department_reports: 0, subtree_reports: 4 },
      // p01–p03; q01–q04; the children's 9 reports (伊美区 a00–a02, once each); the town under 伊美区.
      { division_code: '230700', reports: 3, department_reports: 4, subtree_reports: 3 + 4 + 9 + 1 },
    ]);
  });

  it('lists a renamed unit once, under its latest name, and leaves placeholders out', async () => {
    const rows = await run(sql.childrenTree({ parent: '420000' }));
    expect(pick(rows, ['division_code', 'division_name', 'first_year', 'last_year', 'year', 'reports'])).toEqual([
      { division_code: '420600', division_name: '襄阳市', first_year: 2002, last_year: null, year: null, reports: 0 },
      { division_code: '429006', division_name: '天门市', first_year: 2002, last_year: null, year: 2020, reports: 1 },
    ]);
  });

  it('refuses a parent that is not a code', () => {
    expect(() => sql.childrenTree({ parent: '' })).toThrow(/not a division code/);
    expect(() => sql.childrenTree({ parent: '230700 OR 1=1' })).toThrow(/not a division code/);
  });
});

// ---- division search and departments -----------------------------------------------------------

describe('searchDivisions', () => {
  const COLUMNS = ['code', 'name', 'level', 'parent_code', 'parent_name', 'grandparent_code', 'first_year', 'last_year', 'has_children', 'reports'];

  it('finds divisions by any part of a name, with their parent and report counts (government + departments)', async () => {
    const rows = await run(sql.searchDivisions({ text: '伊春' }));
    expect(pick(rows, COLUMNS)).toEqual([
      // p01–p03 and q01–q04.
      { code: '230700', name: '伊春市', level: 'city', parent_code: '230000', parent_name: '黑龙江省', grandparent_code: null, first_year: 2002, last_year: null, has_children: true, reports: 7 },
      { code: '230702', name: '伊春区', level: 'county', parent_code: '230700', parent_name: '伊春市', grandparent_code: '230000', first_year: 2002, last_year: 2018, has_children: false, reports: 1 },
    ]);
    // A town: its chain reaches the province.
    const [town] = await run(sql.searchDivisions({ text: '旭日' }));
    expect(town).toMatchObject({ code: '230717001', level: 'town', parent_code: '230717', parent_name: '伊美区', grandparent_code: '230700', great_grandparent_code: '230000', reports: 1 });
  });

  it('puts an exact name first, finds former names, and lists a renamed unit once under its latest name', async () => {
    expect((await run(sql.searchDivisions({ text: '伊春区' }))).map((r) => r.code)).toEqual(['230702']);
    expect(pick(await run(sql.searchDivisions({ text: '襄樊' })), ['code', 'name'])).toEqual([{ code: '420600', name: '襄阳市' }]);
    // 南岔区 and 南岔县 both match; the exact one first, though it has fewer reports.
    expect((await run(sql.searchDivisions({ text: '南岔区' }))).map((r) => r.code)).toEqual(['230703']);
    expect((await run(sql.searchDivisions({ text: '南岔' }))).map((r) => r.code)).toEqual(['230726', '230703']);
  });

  it('leaves placeholders (kind pseudo) out', async () => {
    expect(await run(sql.searchDivisions({ text: '市辖区' }))).toEqual([]);
    expect(await run(sql.searchDivisions({ text: '省直辖' }))).toEqual([]);
    expect((await run(sql.searchDivisions({ text: '天门' }))).map((r) => r.code)).toEqual(['429006']);
  });

  it("matches '%', '_' and '\\' literally (bound, escaped ILIKE)", async () => {
    expect((await run(sql.searchDivisions({ text: '百分%' }))).map((r) => r.code)).toEqual(['440103001']);
    expect((await run(sql.searchDivisions({ text: '%' }))).map((r) => r.code)).toEqual(['440103001']);
    expect((await run(sql.searchDivisions({ text: '_' }))).map((r) => r.code)).toEqual(['440103003']);
    expect(await run(sql.searchDivisions({ text: '\\' }))).toEqual([]);
    const injected = sql.searchDivisions({ text: "' OR 1=1 --" });
    expect(injected.sql).not.toContain('OR 1=1');
    expect(await run(injected)).toEqual([]);
  });

  it('returns nothing for empty text, and honours the limit', async () => {
    expect(await run(sql.searchDivisions({ text: '  ' }))).toEqual([]);
    expect(await run(sql.searchDivisions({ text: '区', limit: 2 }))).toHaveLength(2);
  });
});

describe('departmentsOf', () => {
  it('lists the departments that published for a division, by reports, with counts by year', async () => {
    const rows = await run(sql.departmentsOf({ code: '230700' }));
    expect(rows).toEqual([
      // Both of each department's reports count (q04 is an area summary, still a report).
      { department: '公安局', issuer: '伊春市公安局', reports: 2, first_year: 2020, last_year: 2020, by_year: '2020:2' },
      { department: '行政审批服务局', issuer: '伊春市行政审批服务局', reports: 2, first_year: 2020, last_year: 2020, by_year: '2020:2' },
    ]);
    expect(await run(sql.departmentsOf({ code: '230102' }))).toEqual([
      { department: '教育局', issuer: '道里区教育局', reports: 1, first_year: 2020, last_year: 2020, by_year: '2020:1' },
    ]);
    // The government's own reports are not departments.
    expect(await run(sql.departmentsOf({ code: '230717' }))).toEqual([]);
  });

  it('refuses what is not a division code', () => {
    expect(() => sql.departmentsOf({ code: '2307' })).toThrow(/not a division code/);
    expect(() => sql.departmentsOf({ code: "230700' OR '1'='1" })).toThrow(/not a division code/);
    expect(sql.departmentsOf({ code: '230700' }).sql).not.toContain('230700');
  });
});

// ---- the real dataset, through the worker's handler -----------------------------------------------

describe('on the ingested shipped corpus, through the data worker handler', () => {
  it('loads jurisdictions on first use and agrees with native DuckDB on the Parquet copy', async () => {
    const dataset = await ingestShippedCorpus({ storedAnswers: false });
    const handler = createNodeHandler();
    const native = await openNativeDataset(dataset.dir);
    try {
      const init = await handler.handle({ id: 1, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } });
      expect(init.ok).toBe(true);
      // The parent with the most child governments reporting, and its busiest year.
      const [busiest] = await native.rows({
        sql: `SELECT parent_code, year, count(DISTINCT division_code) AS children FROM facts_wide
WHERE department IS NULL AND parent_code IS NOT NULL AND year IS NOT NULL GROUP BY ALL ORDER BY children DESC, parent_code, year LIMIT 1`,
        params: [],
      });
      const parent = String(busiest.parent_code);
      const year = Number(busiest.year);
      expect(Number(busiest.children)).toBeGreaterThan(1);
      const queries = [
        sql.benchmarkChildren({ parent, year, metric: 'r.new.total' }),
        sql.benchmarkChildren({ parent, year, metric: 'rate.granted', peer: 'national-level' }),
        sql.reconciliation({ parent, year, metric: 'r.new.total' }),
        sql.coverage({ parent, year }),
        sql.childrenTree({ parent: null }),
        sql.childrenTree({ parent }),
        sql.searchDivisions({ text: '区' }),
        sql.departmentsOf({ code: parent }),
      ];
      let id = 2;
      for (const query of queries) {
        const response = await handler.handle({ id: id++, kind: 'query', payload: { sql: query.sql, params: query.params, tables: query.tables } });
        if (!response.ok) throw fromErrorData(response.error);
        const rows = tableRows(tableFromIPC((response.result as QueryResult).ipc));
        expect(rows.length, query.name).toBeGreaterThan(0);
        expect(rows, query.name).toEqual(await native.rows(query));
      }
      // Reconciliation and coverage agree on who published and who is missing, for every parent and year.
      const pairs = await native.rows({
        sql: `SELECT DISTINCT parent_code, year FROM facts_wide WHERE parent_code IS NOT NULL AND year IS NOT NULL ORDER BY ALL`,
        params: [],
      });
      expect(pairs.length).toBeGreaterThan(10);
      for (const pair of pairs) {
        const at = { parent: String(pair.parent_code), year: Number(pair.year) };
        const [rec] = await native.rows(sql.reconciliation({ ...at, metric: 'r.new.total' }));
        const cov = await native.rows(sql.coverage(at));
        const governments = cov.filter((r) => r.unit === 'government');
        expect([Number(rec.children_reported), Number(rec.children_missing)], JSON.stringify(at)).toEqual([
          governments.filter((r) => Number(r.reports) > 0).length,
          governments.filter((r) => r.missing === true).length,
        ]);
      }
    } finally {
      handler.close();
      native.close();
      rmSync(dirname(dataset.dir), { recursive: true, force: true });
    }
  }, 120_000);
});
