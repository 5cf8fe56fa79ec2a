// provinceTotals (src/db/sql/provinces.ts) through the worker's protocol handler on real
// DuckDB-WASM over the ingested shipped corpus, checked against native DuckDB reading the Parquet
// copy, and against a plain re-computation from facts_wide rows in JavaScript.
import { tableFromIPC } from 'apache-arrow';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableRows, type Row } from '../../../src/app/data/rows';
import type { Handler } from '../../../src/db/handler';
import { fromErrorData, type QueryResult, type Request, type Response } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import { createNodeHandler } from '../../helpers/duckdb-wasm-node';
import { openNativeDataset, type NativeDataset } from '../../helpers/native-duckdb';
import { ingestShippedCorpus } from '../../helpers/shipped-dataset';

let handler: Handler;
let dataset: { dir: string; manifestUrl: string };
let native: NativeDataset;
let nextId = 1;

async function request(kind: Request['kind'], payload: Request['payload']): Promise<Response> {
  return handler.handle({ id: nextId++, kind, payload } as Request);
}

async function run(query: sql.BuiltQuery): Promise<Row[]> {
  const response = await request('query', { sql: query.sql, params: query.params, tables: query.tables });
  if (!response.ok) throw fromErrorData(response.error);
  return tableRows(tableFromIPC((response.result as QueryResult).ipc));
}

const normalise = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));

beforeAll(async () => {
  dataset = await ingestShippedCorpus({ storedAnswers: false });
  handler = createNodeHandler();
  native = await openNativeDataset(dataset.dir, ['facts_wide', 'jurisdictions']);
  const init = await request('init', { manifestUrl: dataset.manifestUrl });
  expect(init.ok).toBe(true);
}, 120_000);

afterAll(() => {
  handler?.close();
  native?.close();
  if (dataset) rmSync(dirname(dataset.dir), { recursive: true, force: true });
});

describe('provinceTotals', () => {
  it('agrees between DuckDB-WASM and native DuckDB, for every year and for one year', async () => {
    for (const query of [sql.provinceTotals({ metric: 'r.new.total' }), sql.provinceTotals({ metric: 'rv.total', year: 2020 })]) {
      const wasm = await run(query);
      expect(wasm.length).toBeGreaterThan(0);
      expect(wasm).toEqual(normalise(await native.rows(query)));
    }
  });

  it('sums one own, non-failed report per unit and year, per province, area summaries never added', async () => {
    const facts = normalise(
      await native.rows({
        sql: `SELECT report_id, province_code, division_code, department, year, scope, status, r_new_total FROM facts_wide ORDER BY report_id`,
        params: [],
      }),
    );
    // Expected, in plain JS: group own reports by unit-year, pick the first stating the metric.
    const units = new Map<string, Record<string, unknown>[]>();
    for (const f of facts) {
      if (f.scope !== 'self' || f.status === 'failed' || f.province_code === null || f.division_code === null || f.year === null) continue;
      const key = JSON.stringify([f.year, f.division_code, f.department]);
      units.set(key, [...(units.get(key) ?? []), f]);
    }
    const expected = new Map<string, { value: number | null; units: number; reports: number }>();
    for (const reports of units.values()) {
      const picked = reports.find((r) => r.r_new_total !== null) ?? reports[0];
      const key = `${String(picked.province_code)}|${String(picked.year)}`;
      const e = expected.get(key) ?? { value: null, units: 0, reports: 0 };
      if (typeof picked.r_new_total === 'number') {
        e.value = (e.value ?? 0) + picked.r_new_total;
        e.units++;
      }
      e.reports += reports.length;
      expected.set(key, e);
    }
    const rows = await run(sql.provinceTotals({ metric: 'r.new.total' }));
    expect(rows.map((r) => `${String(r.province_code)}|${String(r.year)}`).sort()).toEqual([...expected.keys()].sort());
    for (const r of rows) expect({ value: r.value, units: r.units, reports: r.reports }).toEqual(expected.get(`${String(r.province_code)}|${String(r.year)}`));
    // The corpus is mostly 广州: 广东 has a total, and area summaries are not in it.
    expect(rows.some((r) => r.province_code === '440000' && typeof r.value === 'number' && r.value > 0)).toBe(true);
    const withArea = facts.filter((f) => f.scope === 'area' && typeof f.r_new_total === 'number');
    expect(withArea.length).toBeGreaterThan(0);
  });

  it('keeps years and metrics out of SQL text and refuses what is not whitelisted', () => {
    const q = sql.provinceTotals({ metric: 'r.new.total', year: 2021 });
    expect(q.params).toEqual([2021]);
    expect(q.sql).not.toContain('2021');
    expect(() => sql.provinceTotals({ metric: 'r_new_total; DROP TABLE facts_wide' })).toThrow(sql.QueryInputError);
    expect(() => sql.provinceTotals({ metric: 'rate.granted' })).toThrow(sql.QueryInputError);
    expect(() => sql.provinceTotals({ metric: 'r.new.total', year: 1999 })).toThrow(sql.QueryInputError);
    expect(() => sql.provinceTotals({ metric: 'r.new.total', year: 2020.5 })).toThrow(sql.QueryInputError);
  });
});

describe('divisionNames', () => {
  it('names codes from the gazetteer, the same in both engines', async () => {
    const query = sql.divisionNames(['440100', '440000', '440100']);
    expect(query.params).toEqual(['440100', '440000']);
    const rows = await run(query);
    expect(rows).toEqual(normalise(await native.rows(query)));
    expect(rows.map((r) => [r.code, r.name, r.level])).toEqual([['440000', '广东省', 'province'], ['440100', '广州市', 'city']]);
    expect(await run(sql.divisionNames([]))).toEqual([]);
    expect(() => sql.divisionNames(["440100' OR 1=1"])).toThrow(sql.QueryInputError);
  });
});
