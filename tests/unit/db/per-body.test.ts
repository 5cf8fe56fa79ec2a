// The per-body pre-aggregates (compare, outcomes, applicants, review with bodies chosen): one row per
// body, its rows per year as lists, read back by the lookup as the rows the query over every body
// gives for the chosen ones, on DuckDB-WASM (the page's engine): absent values stay absent, a year's
// own report before its area summary, bodies in name order.
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
  engine.run(`CREATE TABLE ${TABLE} AS ${perBodySource({ name: 'every body', sql: EVERY_BODY, params: [], tables: [] }, ['reports'], 'scope DESC').sql}`);
}, 60_000);

afterAll(() => engine?.close());

describe('per-body pre-aggregates', () => {
  it('hold one row per body, its name beside its key and its rows as a list in year order', () => {
    const text = (column: string) => `CAST(list_transform(rows, r -> r.${column}) AS VARCHAR) AS ${column}`;
    expect(rows(`SELECT body_key, body, ${['year', 'value', 'scope', 'reports'].map(text).join(', ')} FROM ${TABLE}`)).toEqual([
      { body_key: '210100', body: '沈阳市', year: '[2020, 2020, 2021]', value: '[5.0, 9.0, NULL]', scope: '[self, area, self]', reports: '[1, 2, 1]' },
      { body_key: '210200', body: '大连市', year: '[2019, 2022]', value: '[3.0, NULL]', scope: '[self, self]', reports: '[1, 1]' },
      { body_key: '210300', body: '鞍山市', year: '[2020]', value: '[1.0]', scope: '[self]', reports: '[1]' },
      { body_key: 'name:某局', body: '阿某局', year: '[2020]', value: '[7.5]', scope: '[self]', reports: '[1]' },
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

  it('are what the views read with bodies chosen: no join with entities, and not with none chosen', () => {
    for (const q of [sql.compareSeries({ bodies: ['210100'], metric: 'r.new.total' }), sql.outcomeBreakdown({ bodies: ['210100'] }), sql.applicantBreakdown({ bodies: ['210100'] }), sql.reviewLitigation({ bodies: ['210100'] })]) {
      expect(q.preaggregated?.tables, q.name).toEqual([]);
      expect(q.preaggregated?.sql, q.name).not.toMatch(/JOIN/);
    }
    expect(sql.outcomeBreakdown({ bodies: [] }).preaggregated?.preaggregates).toEqual(['pre_outcomes_pooled']);
  });
});
