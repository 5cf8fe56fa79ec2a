// Every view query that has a pre-aggregated form gives, on the shipped dataset, exactly the rows
// of its row-level query, through the data worker's own handler on DuckDB-WASM: before and after a
// correction (the pre-aggregates are rebuilt from the corrected rows), and never from a stale table.
import { dirname } from 'node:path';
import { rmSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handler } from '../../../src/db/handler';
import { fromErrorData, type QueryPayload, type QueryResult, type Request, type SchemaResult } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import { preaggregate, preaggregateNames } from '../../../src/db/sql/preaggregated';
import { tableRows } from '../../../src/app/data/rows';
import { WIDE_METRICS, wideColumnName } from '../../../src/shared/wide-metrics';
import { createNodeHandler } from '../../helpers/duckdb-wasm-node';
import { ingestShippedCorpus } from '../../helpers/shipped-dataset';

let handler: Handler;
let dataset: { dir: string; manifestUrl: string };
let nextId = 1;

async function send(kind: Request['kind'], payload: Request['payload']) {
  const response = await handler.handle({ id: nextId++, kind, payload } as Request);
  if (!response.ok) throw fromErrorData(response.error);
  return response.result;
}

const rowsOf = async (payload: QueryPayload) => tableRows(tableFromIPC(((await send('query', { ...payload, layer: 'dataset' })) as QueryResult).ipc));
const rowLevel = (q: sql.BuiltQuery) => rowsOf({ sql: q.sql, params: q.params, tables: q.tables, provinces: q.provinces, years: q.years });
const preaggregated = (q: sql.BuiltQuery) => rowsOf({ sql: 'SELECT 1 AS never', params: [], tables: [], preaggregated: q.preaggregated });

/** Compare's pre-aggregates are per metric (built when first compared): some of each kind. */
const COMPARED_METRICS = ['r.new.total', 'r.handled.total', 'rv.total', 'lit.total', WIDE_METRICS.at(-1)!];

/** Every view query that has a pre-aggregated form, on the divisions and years of the dataset. */
async function viewQueries(): Promise<sql.BuiltQuery[]> {
  const codes = (await rowLevel({ name: 'codes', sql: `SELECT DISTINCT code FROM (SELECT unnest([province_code, city_code, county_code, parent_code]) AS code FROM facts_wide) WHERE code IS NOT NULL AND length(code) = 6 ORDER BY code`, params: [], tables: ['facts_wide'] })).map((r) => String(r.code));
  const years = (await rowLevel({ name: 'years', sql: 'SELECT DISTINCT year FROM facts_wide WHERE year IS NOT NULL ORDER BY year', params: [], tables: ['facts_wide'] })).map((r) => Number(r.year));
  const ranges: ([number, number] | undefined)[] = [undefined, [years[0], years.at(-1)!], [2019, 2021], [2021, 2019], [years.at(-1)!, years.at(-1)!], [1990, 1995]];
  const queries: sql.BuiltQuery[] = [];
  for (const range of ranges) {
    const input = { bodies: [], years: range };
    queries.push(sql.outcomeBreakdown(input), sql.applicantBreakdown(input), sql.reviewLitigation(input));
  }
  // Divisions of the gazetteer with or without reports below them, in every province.
  const listed = (await rowLevel({ name: 'gazetteer', sql: `SELECT parent FROM (SELECT DISTINCT parent FROM jurisdictions WHERE length(parent) = 6) USING SAMPLE reservoir(12 ROWS) REPEATABLE (7) ORDER BY parent`, params: [], tables: ['jurisdictions'] })).map((r) => String(r.parent));
  for (const parent of [...new Set([...codes, ...listed])]) queries.push(sql.childrenTree({ parent }), sql.latestYearBelow({ parent }));
  queries.push(sql.childrenTree({ parent: null }));
  // The hierarchy views on every division with reports under it, in the years it has them, the year
  // after its last (last year's values only) and one without any; peers, scopes, metrics and rates.
  const divisionYears = await rowLevel({
    name: 'division years',
    sql: `SELECT code, string_agg(DISTINCT CAST(year AS VARCHAR), ',') AS years FROM (SELECT unnest([province_code, city_code, county_code, parent_code, division_code]) AS code, year FROM facts_wide WHERE year IS NOT NULL)
      WHERE code IS NOT NULL AND length(code) = 6 GROUP BY code ORDER BY code`,
    params: [],
    tables: ['facts_wide'],
  });
  expect(divisionYears.length).toBeGreaterThan(10);
  divisionYears.forEach((row, i) => {
    const parent = String(row.code);
    const seen = String(row.years).split(',').map(Number).sort((a, b) => a - b);
    // Its last year, the year after (last year's values only), its first on every other division, and one long before any.
    const years = [...new Set([seen.at(-1)!, seen.at(-1)! + 1, ...(i % 2 === 0 ? [seen[0], 2001] : [])])];
    for (const year of years) {
      queries.push(
        sql.benchmarkChildren({ parent, year, metric: 'r.new.total' }),
        sql.benchmarkChildren({ parent, year, metric: 'r.new.total', scope: 'area' }),
        sql.reconciliation({ parent, year, metric: 'r.new.total' }),
        sql.coverage({ parent, year }),
        sql.coverage({ parent, year, today: `${year + 1}-02-15` }),
      );
      // The rest on every third division, in its last year: peers beyond the parent's, a rate, other metrics.
      if (i % 3 !== 0 || year !== seen.at(-1)) continue;
      queries.push(
        sql.benchmarkLatestYear({ parent, metric: 'r.new.total' }),
        sql.benchmarkLatestYear({ parent, metric: 'r.new.total', scope: 'area' }),
        sql.benchmarkLatestYear({ parent, metric: 'rate.granted' }),
        sql.benchmarkChildren({ parent, year, metric: 'rate.granted', peer: 'province-level' }),
        sql.benchmarkChildren({ parent, year, metric: 'rv.total', peer: 'national-level', scope: 'area' }),
        sql.benchmarkChildren({ parent, year, metric: 'rate.rv_corrected' }),
        sql.reconciliation({ parent, year, metric: 'lit.total' }),
        sql.reconciliation({ parent, year, metric: 'r.handled.total' }),
      );
    }
  });
  // Bodies: the most reporting, ones with two reports in a year (one is picked), ones known by name only, one unknown.
  const keys = async (where: string) => (await rowLevel({ name: 'bodies', sql: `SELECT body_key FROM facts_wide WHERE body_key IS NOT NULL AND ${where} GROUP BY body_key ORDER BY count(*) DESC, body_key LIMIT 5`, params: [], tables: ['facts_wide'] })).map((r) => String(r.body_key));
  const top = await keys('TRUE');
  const doubled = await keys('body_year_reports > 1');
  const named = await keys(`body_key LIKE 'name:%'`);
  expect(doubled.length).toBeGreaterThan(0);
  for (const bodies of [top, top.slice(0, 1), doubled, named, [...top.slice(0, 2), ...doubled.slice(0, 2), ...named.slice(0, 1)], ['999999/unknown']]) {
    for (const range of ranges.slice(0, 4)) {
      const input = { bodies, years: range };
      queries.push(sql.outcomeBreakdown(input), sql.applicantBreakdown(input), sql.reviewLitigation(input));
      for (const metric of COMPARED_METRICS) queries.push(sql.compareSeries({ ...input, metric }));
    }
  }
  return queries;
}

beforeAll(async () => {
  dataset = await ingestShippedCorpus();
  handler = createNodeHandler();
  await send('init', { manifestUrl: dataset.manifestUrl });
}, 600_000);

afterAll(() => {
  handler?.close();
  if (dataset) rmSync(dirname(dataset.dir), { recursive: true, force: true });
});

describe('pre-aggregated answers', () => {
  it('equal the row-level answers for every view query that has one', async () => {
    const queries = await viewQueries();
    expect(queries.length).toBeGreaterThan(30);
    const names = new Set(queries.map((q) => q.name));
    for (const name of ['hierarchy.benchmark.parent.self', 'hierarchy.benchmark.national-level.area', 'hierarchy.reconciliation', 'hierarchy.coverage', 'hierarchy.provinces', 'hierarchy.latest-year']) expect(names, name).toContain(name);
    let nonEmpty = 0;
    /** Stored answers (a lookup with a form to fall back on): how many answered by the lookup alone. */
    const stored = new Map<string, number>();
    for (const q of queries) {
      expect(q.preaggregated, q.name).toBeDefined();
      const expected = await rowLevel(q);
      const label = `${q.name} ${JSON.stringify(q.params)}`;
      expect(await preaggregated(q), label).toEqual(expected);
      if (expected.length > 0) nonEmpty++;
      const parts = q.preaggregated!.orElse;
      if (!parts) continue;
      // The parts, what answers a parent or year not stored, give the same rows;
      expect(await rowsOf({ sql: 'SELECT 1 AS never', params: [], tables: [], preaggregated: parts }), `${label} (parts)`).toEqual(expected);
      // and the lookup alone gives them too, or nothing (a year the stored answers do not cover).
      const alone = await rowsOf({ sql: 'SELECT 1 AS never', params: [], tables: [], preaggregated: { ...q.preaggregated!, orElse: undefined } });
      if (alone.length > 0) {
        expect(alone, `${label} (stored answer)`).toEqual(expected);
        stored.set(q.name, (stored.get(q.name) ?? 0) + 1);
      }
    }
    // The comparison is of real answers: most queries have rows.
    expect(nonEmpty).toBeGreaterThan(queries.length / 2);
    for (const name of ['hierarchy.benchmark.parent.self', 'hierarchy.benchmark.province-level.self', 'hierarchy.benchmark.national-level.area', 'hierarchy.reconciliation', 'hierarchy.coverage', 'hierarchy.children']) {
      expect(stored.get(name) ?? 0, name).toBeGreaterThan(3);
    }
    // And the pre-aggregates were what answered: they are tables of the engine now.
    // The SQL console's list leaves them out; they stay queryable.
    const { tables } = (await send('schema', {})) as SchemaResult;
    expect(tables.filter((t) => t.name.startsWith('pre_')).map((t) => t.name)).toEqual([]);
    const hierarchy = ['pre_benchmark_area_r_new_total', 'pre_benchmark_self_rate_granted', 'pre_coverage_governments', 'pre_tree_root', 'pre_latest_years', 'pre_benchmark_answer_p_self_r_new_total', 'pre_benchmark_answer_pl_self_rate_granted', 'pre_benchmark_answer_nl_area_rv_total', 'pre_reconcile_answer_r_new_total_44', 'pre_coverage_answer_44', 'pre_tree_answers'];
    for (const name of [...preaggregateNames('behind-init'), ...COMPARED_METRICS.map((m) => `pre_compare_${wideColumnName(m)}`), ...hierarchy]) {
      const [held] = tableRows(tableFromIPC(((await send('sql', { sql: `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '${name}'`, layer: 'dataset' })) as QueryResult).ipc));
      expect(held.n, name).toBe(1);
      const counted = tableRows(tableFromIPC(((await send('sql', { sql: `SELECT count(*) AS n FROM ${name}`, layer: 'dataset' })) as QueryResult).ipc));
      expect(counted[0].n, name).toBeGreaterThan(0);
    }
    // The per-body tables hold one row per body, its name beside its key, its rows per year as a
    // list, counts as INTEGER; reconcile's parts (each government's report twice) are not kept at all.
    const columnsOf = async (where: string) => tableRows(tableFromIPC(((await send('sql', { sql: `SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE ${where} ORDER BY ALL`, layer: 'dataset' })) as QueryResult).ipc));
    const perBody = ['pre_outcomes_bodies', 'pre_applicants_bodies', 'pre_review_bodies', 'pre_compare_r_new_total'];
    const held = await columnsOf(`table_name IN (${perBody.map((t) => `'${t}'`).join(', ')})`);
    expect(new Set(held.map((c) => c.table_name))).toEqual(new Set(perBody));
    expect(held.map((c) => c.column_name)).toEqual(perBody.flatMap(() => ['body', 'body_key', 'rows']));
    // (review's count of every report, used or not, is named all_reports)
    expect(held.filter((c) => c.column_name === 'rows').map((c) => /\b(all_)?reports INTEGER\b/.test(String(c.data_type)))).toEqual(perBody.map(() => true));
    for (const table of perBody) {
      const [counts] = tableRows(tableFromIPC(((await send('sql', { sql: `SELECT count(*) AS n, count(DISTINCT body_key) AS bodies FROM ${table}`, layer: 'dataset' })) as QueryResult).ipc));
      expect(counts.n, table).toBe(counts.bodies);
    }
    expect(await columnsOf(`regexp_matches(table_name, '^pre_reconcile_[a-z_]+$') AND NOT table_name LIKE 'pre_reconcile_answer_%'`)).toEqual([]);
  }, 900_000);

  it("equal the row-level answers for the division and body searches, the picker's provinces, the report list and the failed files", async () => {
    // Names as they are and as they were (a division renamed), exact and partial, with LIKE's own characters.
    const former = (await rowLevel({ name: 'former', sql: `SELECT name FROM jurisdictions WHERE kind <> 'pseudo' AND "last" IS NOT NULL ORDER BY code, name LIMIT 3`, params: [], tables: ['jurisdictions'] })).map((r) => String(r.name));
    expect(former.length).toBeGreaterThan(0);
    const texts = ['区', '市', '沈阳', '沈阳市', '阜新', '开发区', 'SHENYANG', '%', '_区', '\\', '', '  ', ...former, ...former.map((n) => n.slice(1, 3))];
    const bodies = ['区', '局', '人民政府', '公安', '沈阳', 'NAME:', 'name:', 'a', '%', '_', '\\', '', ...former.map((n) => n.slice(0, 2))].flatMap((text) => [
      sql.searchEntities({ text, limit: 30 }),
      sql.searchEntities({ text, limit: 2 }),
      sql.searchEntities({ text, limit: 1000 }),
      sql.searchEntities({ text, levels: ['county', 'department'], limit: 30 }),
      sql.searchEntities({ text, province: '210000', limit: 30 }),
    ]);
    const lists = ['', ' ', '2019', '2019 ', '局', '人民政府', 'SEEDS', 'Seeds/2019', '.TXT', '%', '_', '\\', 'none-such'].flatMap((text) => [1, 20, 500, 100_000].map((limit) => sql.reportList(limit, text)));
    // The overview's charts, from their whole answers kept.
    const overview = [sql.datasetCounts(), sql.reportsByYearLevel(), sql.headlineTrends()];
    const queries = [...lists, ...texts.flatMap((text) => [1, 30, 200].map((limit) => sql.searchDivisions({ text, limit }))), ...bodies, sql.entityProvinces(), ...[0, 1, 2, 50, 100].map((n) => sql.failedFiles(n)), ...overview];
    let nonEmpty = 0;
    for (const q of queries) {
      expect(q.preaggregated, `${q.name} ${JSON.stringify(q.params)}`).toBeDefined();
      const expected = await rowLevel(q);
      expect(await preaggregated(q), `${q.name} ${JSON.stringify(q.params)}`).toEqual(expected);
      if (expected.length > 0) nonEmpty++;
    }
    // Most searches find something (the shipped dataset's bodies are few).
    expect(nonEmpty).toBeGreaterThan(queries.length / 3);
    // A text with a line break, or a list longer than the stored one, is answered row by row.
    expect(sql.searchDivisions({ text: '沈阳\n市' }).preaggregated).toBeUndefined();
    expect(sql.failedFiles(sql.FAILED_FILES_STORED + 1).preaggregated).toBeUndefined();
    // The list in its order: every report's, from the ranked copy as from facts_wide.
    expect((await preaggregated(sql.reportList(100_000))).map((r) => r.report_id)).toEqual((await rowLevel({ name: 'all', sql: 'SELECT report_id FROM facts_wide ORDER BY year DESC NULLS LAST, issuer NULLS LAST, report_id', params: [], tables: ['facts_wide'] })).map((r) => r.report_id));
    // The overview's kept answers read nothing but the rollups' shared rows (they are built at any size).
    for (const q of overview) expect(q.preaggregated!.preaggregates.map((name) => preaggregate(name)?.source()).map((source) => [source?.tables, source?.provinces]), q.name).toEqual([[['rollups'], []]]);
  }, 300_000);

  it('are rebuilt from the corrected rows after a correction, and equal the row-level answers again', async () => {
    const [report] = await rowLevel({
      name: 'one',
      sql: `SELECT f.report_id, r.sha256, f.year, f.r_handled_total, f.body_key FROM facts_wide f JOIN reports r USING (report_id)
        WHERE f.scope = 'self' AND f.status <> 'failed' AND f.body_year_reports = 1 AND f.r_handled_total IS NOT NULL AND f.year IS NOT NULL AND f.body_key IS NOT NULL
        ORDER BY f.report_id LIMIT 1`,
      params: [],
      tables: ['facts_wide', 'reports'],
    });
    expect(report).toBeDefined();
    const pooled = sql.outcomeBreakdown({ bodies: [] });
    const trends = sql.headlineTrends();
    const wholeOf = (rows: Record<string, unknown>[]) => Number(rows.find((r) => r.year === report.year)?.r_handled_total);
    const before = wholeOf(await preaggregated(pooled));
    // The chosen body's rows too (its per-body table, one row per body, rebuilt).
    const body = sql.outcomeBreakdown({ bodies: [String(report.body_key)] });
    const bodyBefore = wholeOf(await preaggregated(body));
    expect(bodyBefore).toBe(Number(report.r_handled_total));
    // The overview's kept answer too (from the rollups, which the correction updates).
    const trendBefore = wholeOf(await preaggregated(trends));
    await send('corrections', {
      corrections: [{ report_sha256: String(report.sha256), report_id: String(report.report_id), metric: 'r.handled.total', value: Number(report.r_handled_total) + 1000, note: 'test', author: 'test', at: '2026-12-05T00:00:00.000Z' }],
    });
    const after = await preaggregated(pooled);
    expect(wholeOf(after)).toBe(before + 1000);
    expect(after).toEqual(await rowLevel(pooled));
    const bodyAfter = await preaggregated(body);
    expect(wholeOf(bodyAfter)).toBe(bodyBefore + 1000);
    expect(bodyAfter).toEqual(await rowLevel(body));
    const trendsAfter = await preaggregated(trends);
    expect(wholeOf(trendsAfter)).toBe(trendBefore + 1000);
    expect(trendsAfter).toEqual(await rowLevel(trends));
    await send('corrections', { corrections: [] });
    expect(wholeOf(await preaggregated(pooled))).toBe(before);
    expect(wholeOf(await preaggregated(body))).toBe(bodyBefore);
    expect(wholeOf(await preaggregated(trends))).toBe(trendBefore);
  }, 300_000);
});
