// Bodies keyed by division (src/db/sql/entities.ts, compare.ts, breakdown.ts, review.ts and
// bodiesFilter in query.ts) on a small handcrafted facts_wide and gazetteer, loaded as Arrow IPC
// streams into real DuckDB-WASM and as Parquet into native DuckDB; both must return exactly the
// rows worked out by hand below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../../src/app/data/rows';
import * as sql from '../../../src/db/sql';
import { ENTITIES_REFERENCE_SQL } from '../../helpers/entities-reference';
import { arrowTable, FACT_COLUMNS, fixtureMetrics, JURISDICTION_COLUMNS, loadTwoEngines, withBodyColumns, type TwoEngines } from '../../helpers/two-engines';

interface Division {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'town';
  parent: string | null;
  kind?: 'admin' | 'pseudo';
  first?: number;
  last?: number | null;
}

const GAZETTEER: Division[] = [
  { code: '110000', name: '北京市', level: 'province', parent: null },
  { code: '110100', name: '市辖区', level: 'city', parent: '110000', kind: 'pseudo' },
  { code: '110101', name: '东城区', level: 'county', parent: '110000' },
  { code: '420000', name: '湖北省', level: 'province', parent: null },
  // One code, two names over time: the body is named by the latest.
  { code: '420600', name: '襄樊市', level: 'city', parent: '420000', last: 2010 },
  { code: '420600', name: '襄阳市', level: 'city', parent: '420000', first: 2011 },
  { code: '440000', name: '广东省', level: 'province', parent: null },
  { code: '440100', name: '广州市', level: 'city', parent: '440000' },
  { code: '440105', name: '海珠区', level: 'county', parent: '440100' },
  { code: '440105003', name: '昌岗街道', level: 'town', parent: '440105' },
  { code: '440111', name: '白云区', level: 'county', parent: '440100' },
];

const divisions = new Map(GAZETTEER.map((d) => [d.code, d]));

interface Report {
  id: string;
  issuer: string | null;
  code?: string;
  department?: string;
  year: number;
  scope?: 'self' | 'area';
  status?: 'ok' | 'failed';
  /** r_new_total, r_granted_total, r_handled_total. */
  r?: number;
  g?: number;
  h?: number;
  rv?: [total: number, corrected: number, pending: number];
}

const REPORTS: Report[] = [
  // 海珠区's government under three printed names: one body.
  { id: 'h1', code: '440105', issuer: '海珠区人民政府', year: 2020, r: 100, g: 50, h: 80, rv: [10, 2, 2] },
  { id: 'h2', code: '440105', issuer: '广州市海珠区人民政府', year: 2021, r: 200, g: 60, h: 90, rv: [4, 1, 0] },
  // A second own report of 2021 (the government office's): never added, h2 (lower id) is used.
  { id: 'h3', code: '440105', issuer: '广州市海珠区人民政府办公室', year: 2021, r: 999, g: 999, h: 999, rv: [99, 99, 0] },
  // Its area summary of 2021: an own report goes first, whatever the id.
  { id: 'h0', code: '440105', issuer: '海珠区人民政府', year: 2021, scope: 'area', r: 5000, g: 5000, h: 5000 },
  // A department of it: a body of its own, under two printed names.
  { id: 'd1', code: '440105', department: '公安局', issuer: '海珠区公安局', year: 2020, r: 7, g: 7, h: 7, rv: [3, 3, 0] },
  { id: 'd2', code: '440105', department: '公安局', issuer: '广州市海珠区公安局', year: 2021, r: 8 },
  { id: 'g1', code: '440100', issuer: '广州市人民政府', year: 2020, r: 300, g: 30, h: 100 },
  { id: 't1', code: '440105003', issuer: '广州市海珠区昌岗街道办事处', year: 2020, r: 3 },
  { id: 'f1', code: '440111', issuer: '广州市白云区人民政府', year: 2020, status: 'failed' },
  // Unresolved: a body by its printed name.
  { id: 'u1', issuer: '白云区政府', year: 2020, r: 40, g: 4, h: 40 },
  { id: 'u2', issuer: '白云区政府', year: 2021, r: 41 },
  // No division and no name: no body, but its own figures still count in a pooled total.
  { id: 'u3', issuer: null, year: 2020, r: 1, g: 1, h: 1 },
  { id: 'x1', code: '420600', issuer: '襄樊市人民政府', year: 2009, r: 9 },
  { id: 'b1', code: '110101', issuer: '东城区人民政府', year: 2020, r: 11 },
];


function factRow(r: Report): Record<string, unknown> {
  const d = r.code ? divisions.get(r.code) : undefined;
  if (r.code && !d) throw new Error(`no division ${r.code}`);
  const up = (level: Division['level']) => {
    for (let x = d; x; x = x.parent ? divisions.get(x.parent) : undefined) if (x.level === level && x.kind !== 'pseudo') return x.code;
    return null;
  };
  return {
    report_id: r.id,
    issuer: r.issuer,
    jurisdiction: d?.name ?? null,
    division_code: d?.code ?? null,
    division_name: d?.name ?? null,
    division_level: d?.level ?? null,
    province_code: up('province'),
    city_code: up('city'),
    county_code: up('county'),
    parent_code: d?.parent ?? null,
    department: r.department ?? null,
    year: r.year,
    level: r.department ? 'department' : (d?.level ?? 'county'),
    scope: r.scope ?? 'self',
    template: 'table2021',
    status: r.status ?? 'ok',
    n_failed_checks: 0,
    ...fixtureMetrics(r),
  };
}

let engines: TwoEngines;

beforeAll(async () => {
  engines = await loadTwoEngines({
    facts_wide: arrowTable(FACT_COLUMNS, withBodyColumns(REPORTS.map(factRow))),
    jurisdictions: arrowTable(
      JURISDICTION_COLUMNS,
      GAZETTEER.map((d) => ({ ...d, kind: d.kind ?? 'admin', first: d.first ?? 2002, last: d.last ?? null, province_code: `${d.code.slice(0, 2)}0000` })),
    ),
  });
  // The entities of these hand-made reports, by the rules ingest's bodies table follows (checked in handler.test.ts).
  engines.wasm.run(ENTITIES_REFERENCE_SQL);
  await engines.native.run(ENTITIES_REFERENCE_SQL);
}, 60_000);

afterAll(() => engines?.close());

/** Runs a query in DuckDB-WASM and checks native DuckDB returns exactly the same rows. */
async function run(query: Pick<sql.BuiltQuery, 'sql' | 'params'>): Promise<Row[]> {
  const rows = engines.runWasm(query);
  expect(await engines.runNative(query)).toEqual(rows);
  return rows;
}

const pick = (rows: readonly Row[], keys: readonly string[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

describe('the body key', () => {
  it('is the same in SQL and in TypeScript for every report', async () => {
    const rows = await run({ sql: `SELECT report_id, ${sql.BODY_KEY_SQL} AS key FROM facts_wide ORDER BY report_id`, params: [] });
    const expected = REPORTS.map((r) => ({ report_id: r.id, key: sql.bodyKey(factRow(r) as Parameters<typeof sql.bodyKey>[0]) })).sort((a, b) => a.report_id.localeCompare(b.report_id));
    expect(rows).toEqual(expected);
    expect(Object.fromEntries(rows.map((r) => [r.report_id, r.key]))).toMatchObject({ h1: '440105', h2: '440105', d1: '440105/公安局', u1: 'name:白云区政府', u3: null });
  });
});

describe('entities', () => {
  it('has one row per body: printed names merged, departments apart, unresolved names by name', async () => {
    const rows = await run({
      sql: `SELECT key, name, level, province_code, reports, first_year, last_year, array_to_string(printed_names, '|') AS printed FROM entities ORDER BY key`,
      params: [],
    });
    expect(rows).toEqual([
      { key: '110101', name: '北京市东城区', level: 'county', province_code: '110000', reports: 1, first_year: 2020, last_year: 2020, printed: '东城区人民政府' },
      { key: '420600', name: '襄阳市', level: 'city', province_code: '420000', reports: 1, first_year: 2009, last_year: 2009, printed: '襄樊市人民政府' },
      { key: '440100', name: '广州市', level: 'city', province_code: '440000', reports: 1, first_year: 2020, last_year: 2020, printed: '广州市人民政府' },
      { key: '440105', name: '广州市海珠区', level: 'county', province_code: '440000', reports: 4, first_year: 2020, last_year: 2021, printed: '广州市海珠区人民政府|广州市海珠区人民政府办公室|海珠区人民政府' },
      { key: '440105/公安局', name: '广州市海珠区公安局', level: 'department', province_code: '440000', reports: 2, first_year: 2020, last_year: 2021, printed: '广州市海珠区公安局|海珠区公安局' },
      { key: '440105003', name: '海珠区昌岗街道', level: 'town', province_code: '440000', reports: 1, first_year: 2020, last_year: 2020, printed: '广州市海珠区昌岗街道办事处' },
      { key: '440111', name: '广州市白云区', level: 'county', province_code: '440000', reports: 1, first_year: 2020, last_year: 2020, printed: '广州市白云区人民政府' },
      { key: 'name:白云区政府', name: '白云区政府', level: 'county', province_code: null, reports: 2, first_year: 2020, last_year: 2021, printed: '白云区政府' },
    ]);
  });
});

describe('searchEntities', () => {
  const keys = (rows: readonly Row[]) => rows.map((r) => r.key);

  it('finds a body by any name its reports printed, and by its own name', async () => {
    expect(keys(await run(sql.searchEntities({ text: '广州市海珠区人民政府办公室' })))).toEqual(['440105']);
    const rows = await run(sql.searchEntities({ text: '海珠' }));
    expect(pick(rows, ['key', 'name', 'reports', 'printed'])).toEqual([
      { key: '440105', name: '广州市海珠区', reports: 4, printed: '广州市海珠区人民政府、广州市海珠区人民政府办公室、海珠区人民政府' },
      { key: '440105/公安局', name: '广州市海珠区公安局', reports: 2, printed: '广州市海珠区公安局、海珠区公安局' },
      { key: '440105003', name: '海珠区昌岗街道', reports: 1, printed: '广州市海珠区昌岗街道办事处' },
    ]);
    // A former name of the division (printed in its report) finds it under the current one.
    expect(pick(await run(sql.searchEntities({ text: '襄樊' })), ['key', 'name'])).toEqual([{ key: '420600', name: '襄阳市' }]);
    // An unresolved issuer is still found by its name.
    expect(pick(await run(sql.searchEntities({ text: '白云区政府' })), ['key', 'name', 'reports'])).toEqual([{ key: 'name:白云区政府', name: '白云区政府', reports: 2 }]);
  });

  it('filters by province, level and year', async () => {
    expect(keys(await run(sql.searchEntities({ province: '110000' })))).toEqual(['110101']);
    expect(keys(await run(sql.searchEntities({ province: '440000', levels: ['department'] })))).toEqual(['440105/公安局']);
    expect(keys(await run(sql.searchEntities({ province: '420000', text: '海珠' })))).toEqual([]);
    const in2021 = await run(sql.searchEntities({ year: 2021, province: '440000' }));
    expect(pick(in2021, ['key', 'reports', 'first_year', 'last_year'])).toEqual([
      { key: '440105', reports: 3, first_year: 2021, last_year: 2021 },
      { key: '440105/公安局', reports: 1, first_year: 2021, last_year: 2021 },
    ]);
    expect(() => sql.searchEntities({ province: "44' OR 1=1" })).toThrow(/not a province code/);
    expect(() => sql.searchEntities({ province: '440100' })).toThrow(/not a province code/);
  });

  it('lists the provinces that have bodies, by their gazetteer name', async () => {
    expect(await run(sql.entityProvinces())).toEqual([
      { code: '110000', name: '北京市', bodies: 1 },
      { code: '420000', name: '湖北省', bodies: 1 },
      { code: '440000', name: '广东省', bodies: 5 },
    ]);
  });
});

describe('lookupBodies', () => {
  it("resolves keys to themselves and an old link's printed names to their body", async () => {
    const rows = await run(sql.lookupBodies(['海珠区人民政府', '440105/公安局', '白云区政府', 'name:白云区政府', '不存在的机关', '999999']));
    expect(rows).toEqual([
      { value: '440105/公安局', key: '440105/公安局', name: '广州市海珠区公安局', level: 'department' },
      { value: 'name:白云区政府', key: 'name:白云区政府', name: '白云区政府', level: 'county' },
      { value: '海珠区人民政府', key: '440105', name: '广州市海珠区', level: 'county' },
      { value: '白云区政府', key: 'name:白云区政府', name: '白云区政府', level: 'county' },
    ]);
  });
});

describe('compareSeries', () => {
  it('gives one series per body and scope, one report per body, year and scope, never two added', async () => {
    const rows = await run(sql.compareSeries({ bodies: ['440105', '440105/公安局', 'name:白云区政府'], metric: 'r.new.total' }));
    expect(rows).toEqual([
      { body_key: '440105', body: '广州市海珠区', year: 2020, value: 100, report_id: 'h1', reports: 1, scope: 'self', area_summary: false },
      // h2 (own, lowest id of the own reports; h3 counted, not added); the area summary h0 is the area series' point of the year.
      { body_key: '440105', body: '广州市海珠区', year: 2021, value: 200, report_id: 'h2', reports: 3, scope: 'self', area_summary: false },
      { body_key: '440105', body: '广州市海珠区', year: 2021, value: 5000, report_id: 'h0', reports: 3, scope: 'area', area_summary: true },
      { body_key: '440105/公安局', body: '广州市海珠区公安局', year: 2020, value: 7, report_id: 'd1', reports: 1, scope: 'self', area_summary: false },
      { body_key: '440105/公安局', body: '广州市海珠区公安局', year: 2021, value: 8, report_id: 'd2', reports: 1, scope: 'self', area_summary: false },
      { body_key: 'name:白云区政府', body: '白云区政府', year: 2020, value: 40, report_id: 'u1', reports: 1, scope: 'self', area_summary: false },
      { body_key: 'name:白云区政府', body: '白云区政府', year: 2021, value: 41, report_id: 'u2', reports: 1, scope: 'self', area_summary: false },
    ]);
  });

  it('takes a printed name (old callers) as the whole body that printed it', async () => {
    const rows = await run(sql.compareSeries({ issuers: ['海珠区人民政府'], metric: 'r.new.total' }));
    expect(pick(rows, ['body_key', 'year', 'value', 'reports'])).toEqual([
      { body_key: '440105', year: 2020, value: 100, reports: 1 },
      { body_key: '440105', year: 2021, value: 200, reports: 3 },
      { body_key: '440105', year: 2021, value: 5000, reports: 3 },
    ]);
  });

  it('marks an area summary when it is the report used: a year of both scopes has the own report first', async () => {
    const rows = await run(sql.compareSeries({ bodies: ['440105'], metric: 'r.new.total', years: [2021, 2021] }));
    expect(rows.map((r) => [r.report_id, r.area_summary])).toEqual([['h2', false], ['h0', true]]);
  });
});

describe('outcomes and review per body', () => {
  it('sums one report per body and year: the two printed names of 海珠区 are one body', async () => {
    const rows = await run(sql.outcomeBreakdown({ bodies: ['440105', 'name:白云区政府'] }));
    expect(pick(rows, ['body_key', 'body', 'year', 'reports', 'reports_with_total', 'r_handled_total', 'r_granted_total'])).toEqual([
      { body_key: '440105', body: '广州市海珠区', year: 2020, reports: 1, reports_with_total: 1, r_handled_total: 80, r_granted_total: 50 },
      { body_key: '440105', body: '广州市海珠区', year: 2021, reports: 3, reports_with_total: 1, r_handled_total: 90, r_granted_total: 60 },
      { body_key: 'name:白云区政府', body: '白云区政府', year: 2020, reports: 1, reports_with_total: 1, r_handled_total: 40, r_granted_total: 4 },
      { body_key: 'name:白云区政府', body: '白云区政府', year: 2021, reports: 1, reports_with_total: 0, r_handled_total: null, r_granted_total: null },
    ]);
  });

  it('takes shares over the handled total: what it does not itemise is its own part, and each bar says what it rests on', async () => {
    const rows = await run(sql.outcomeBreakdown({ bodies: ['440105', 'name:白云区政府'] }));
    // Only r.granted.total is itemised in the fixture: the rest of the handled total is not itemised.
    expect(pick(rows, ['body_key', 'year', 'bodies', 'reports_with_total', 'r_handled_total', 'r_granted_total', 'unitemised'])).toEqual([
      { body_key: '440105', year: 2020, bodies: 1, reports_with_total: 1, r_handled_total: 80, r_granted_total: 50, unitemised: 30 },
      { body_key: '440105', year: 2021, bodies: 1, reports_with_total: 1, r_handled_total: 90, r_granted_total: 60, unitemised: 30 },
      { body_key: 'name:白云区政府', year: 2020, bodies: 1, reports_with_total: 1, r_handled_total: 40, r_granted_total: 4, unitemised: 36 },
      // States no handled total: nothing to take a share of.
      { body_key: 'name:白云区政府', year: 2021, bodies: 0, reports_with_total: 0, r_handled_total: null, r_granted_total: null, unitemised: null },
    ]);
  });

  it('pools own reports per year, one per body, with no name', async () => {
    const rows = await run(sql.outcomeBreakdown({}));
    // 2020: h1 80 + d1 7 + g1 100 + u1 40 + u3 1 (t1, b1 state none; f1 failed); 2021: h2 90 (h3, h0 not added).
    expect(pick(rows, ['body_key', 'body', 'year', 'r_handled_total'])).toEqual([
      { body_key: '*', body: '*', year: 2009, r_handled_total: null },
      { body_key: '*', body: '*', year: 2020, r_handled_total: 228 },
      { body_key: '*', body: '*', year: 2021, r_handled_total: 90 },
    ]);
  });

  it('rates reconsideration from the report used, per body', async () => {
    const rows = await run(sql.reviewLitigation({ bodies: ['440105', '440105/公安局'] }));
    expect(pick(rows, ['body_key', 'body', 'year', 'all_reports', 'rv_total', 'rv_rate_numerator', 'rv_rate_denominator'])).toEqual([
      { body_key: '440105', body: '广州市海珠区', year: 2020, all_reports: 1, rv_total: 10, rv_rate_numerator: 2, rv_rate_denominator: 8 },
      { body_key: '440105', body: '广州市海珠区', year: 2021, all_reports: 3, rv_total: 4, rv_rate_numerator: 1, rv_rate_denominator: 4 },
      { body_key: '440105/公安局', body: '广州市海珠区公安局', year: 2020, all_reports: 1, rv_total: 3, rv_rate_numerator: 3, rv_rate_denominator: 3 },
      { body_key: '440105/公安局', body: '广州市海珠区公安局', year: 2021, all_reports: 1, rv_total: null, rv_rate_numerator: null, rv_rate_denominator: null },
    ]);
  });
});
