// The per-body pre-aggregates (compare, outcomes, applicants, review with bodies chosen): one row per
// body, its rows as a list, read back by the lookup as the rows the query over every body
// gives for the chosen ones, on DuckDB-WASM (the page's engine): absent values stay absent, a year's
// own report before its area summary, bodies in name order. And the body search, read from its kept
// copy in the index order.
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/db/engine';
import type { Param } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import { perBodySource, perBodyYear } from '../../../src/db/sql/preaggregated';
import { tableRows } from '../../../src/app/data/rows';
import { createNodeEngine } from '../../helpers/duckdb-wasm-node';

let engine: Engine;

/** Every body's answer, as a per-body query over every body gives it (body_key, body, year, …). */
const EVERY_BODY = `SELECT * FROM (VALUES
  ('210100', '沈阳市', 2020, 5.0, 'r1', 1, 'self'),
  ('210100', '沈阳市', 2020, 9.0, 'r2', 2, 'area'),
  ('210100', '沈阳市', 2021, NULL, NULL, 1, 'self'),
  ('210200', '大连市', 2019, 3.0, 'r3', 1, 'self'),
  ('210200', '大连市', 2022, NULL, 'r4', 1, 'self'),
  ('name:某局', '阿某局', 2020, 7.5, 'r5', 1, 'self'),
  ('210300', '鞍山市', 2020, 1.0, 'r6', 1, 'self')
) AS t(body_key, body, year, value, report_id, reports, scope)`;
const TABLE = 'pre_test_bodies';

const rows = (text: string, params: readonly Param[] = []) => tableRows(tableFromIPC(engine.run(text, params)));

/** The row-level answer for some bodies and years: the every-body rows filtered, in the views' order. */
const expected = (bodies: string[], years?: [number, number]) =>
  rows(`SELECT * FROM (${EVERY_BODY}) WHERE body_key IN (${bodies.map(() => '?').join(', ')})${years ? ' AND year BETWEEN ? AND ?' : ''} ORDER BY body, body_key, year, scope DESC`, [...bodies, ...(years ? [Math.min(...years), Math.max(...years)] : [])]);

const lookup = (bodies: string[], years?: [number, number]) => {
  const fast = perBodyYear({ name: 'test', sql: 'SELECT 1', params: [], tables: [] }, { bodies, years }, TABLE, 'scope DESC').preaggregated!;
  expect(fast.tables).toEqual([]);
  return rows(fast.sql, fast.params);
};

beforeAll(async () => {
  engine = await createNodeEngine();
}, 60_000);

afterAll(() => engine?.close());

describe('per-body pre-aggregates', () => {
  it('hold one row per body, its name beside its key and its rows as a list', () => {
    engine.run(`CREATE TABLE ${TABLE} AS ${perBodySource({ name: 'every body', sql: EVERY_BODY, params: [], tables: [] }, ['reports']).sql}`);
    expect(rows(`SELECT body_key, body, len(rows) AS n, CAST(list_sort(list_transform(rows, r -> r.value)) AS VARCHAR) AS v FROM ${TABLE}`)).toEqual([
      { body_key: '210100', body: '沈阳市', n: 3, v: '[5.0, 9.0, NULL]' },
      { body_key: '210200', body: '大连市', n: 2, v: '[3.0, NULL]' },
      { body_key: '210300', body: '鞍山市', n: 1, v: '[1.0]' },
      { body_key: 'name:某局', body: '阿某局', n: 1, v: '[7.5]' },
    ]);
    const [types] = rows(`SELECT string_agg(data_type, ' ' ORDER BY column_index) AS t FROM duckdb_columns() WHERE table_name = '${TABLE}'`);
    expect(types.t).toBe('VARCHAR VARCHAR STRUCT("year" INTEGER, "value" DECIMAL(2,1), report_id VARCHAR, reports INTEGER, "scope" VARCHAR)[]');
  });

  it('answer the chosen bodies and years exactly as the rows of every body do', () => {
    const cases: [string[], [number, number]?][] = [
      [['210100', '210200', 'name:某局', '210300', '999999']],
      [['210100']],
      [['210200'], [2020, 2022]],
      [['210100', 'name:某局'], [2021, 2020]],
      [['999999/none']],
      [['210100', '210100']],
    ];
    for (const [bodies, years] of cases) {
      const answer = lookup(bodies, years);
      expect(answer, JSON.stringify([bodies, years])).toEqual(expected(bodies, years));
    }
    // What the cases cover: absent values, an area summary after its year's own report, name order.
    const all = lookup(['210100', '210200', 'name:某局', '210300']);
    expect(all.map((r) => [r.body, r.year, r.scope, r.value])).toEqual([
      ['大连市', 2019, 'self', 3], ['大连市', 2022, 'self', null],
      ['沈阳市', 2020, 'self', 5], ['沈阳市', 2020, 'area', 9], ['沈阳市', 2021, 'self', null],
      ['阿某局', 2020, 'self', 7.5], ['鞍山市', 2020, 'self', 1],
    ]);
  });

  it('answer in year order whatever order the rows come in', () => {
    // One row per body and year (outcomes, applicants, review), listed latest first.
    const yearly = `SELECT * FROM (${EVERY_BODY}) WHERE scope = 'self' ORDER BY year DESC, body_key`;
    engine.run(`CREATE TABLE pre_test_yearly AS ${perBodySource({ name: 'yearly', sql: yearly, params: [], tables: [] }, ['reports']).sql}`);
    const bodies = ['210100', '210200', 'name:某局', '210300'];
    for (const years of [undefined, [2020, 2022]] as ([number, number] | undefined)[]) {
      const fast = perBodyYear({ name: 'test', sql: 'SELECT 1', params: [], tables: [] }, { bodies, years }, 'pre_test_yearly').preaggregated!;
      const answer = rows(fast.sql, fast.params);
      expect(answer).toEqual(rows(`SELECT * FROM (${yearly}) WHERE body_key IN ('210100', '210200', 'name:某局', '210300')${years ? ' AND year BETWEEN 2020 AND 2022' : ''} ORDER BY body, body_key, year`));
      if (!years) expect(answer.map((r) => [r.body_key, r.year])).toEqual([['210200', 2019], ['210200', 2022], ['210100', 2020], ['210100', 2021], ['name:某局', 2020], ['210300', 2020]]);
    }
  });

  it('are what the views read with bodies chosen: no join with entities, and not with none chosen', () => {
    for (const q of [sql.compareSeries({ bodies: ['210100'], metric: 'r.new.total' }), sql.outcomeBreakdown({ bodies: ['210100'] }), sql.applicantBreakdown({ bodies: ['210100'] }), sql.reviewLitigation({ bodies: ['210100'] })]) {
      expect(q.preaggregated?.tables, q.name).toEqual([]);
      expect(q.preaggregated?.sql, q.name).not.toMatch(/JOIN/);
    }
    expect(sql.outcomeBreakdown({ bodies: [] }).preaggregated?.preaggregates).toEqual(['pre_outcomes_pooled']);
  });
});

describe('the body search', () => {
  it('reads its kept copy in the index order without sorting: the first matches are the answer', async () => {
    const search = sql.searchEntities({ text: '区', limit: 30 });
    expect(search.sql).toMatch(/ORDER BY e\.reports DESC, e\.name, e\.key\nLIMIT \?/);
    expect(search.preaggregated?.sql).not.toMatch(/ORDER BY/);
    const { preaggregate } = await import('../../../src/db/sql/preaggregated');
    expect(preaggregate('pre_entity_search')?.source().sql).toMatch(/ORDER BY e\.reports DESC, e\.name, e\.key$/);
    // The engine keeps a table's order where a query has no ORDER BY (what the search relies on).
    const [setting] = rows("SELECT current_setting('preserve_insertion_order') AS kept");
    expect(setting.kept).toBe(true);
    engine.run('CREATE TABLE ordered AS SELECT * FROM (VALUES (3, \'c\'), (1, \'a\'), (2, \'b\'), (5, \'e\'), (4, \'d\')) t(n, s) ORDER BY n DESC');
    expect(rows("SELECT n FROM ordered WHERE s <> 'd' LIMIT 3").map((r) => r.n)).toEqual([5, 3, 2]);
  });
});
