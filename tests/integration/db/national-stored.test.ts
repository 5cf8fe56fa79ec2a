// A national dataset (facts_wide beyond what the page holds whole): the page cannot build a
// pre-aggregate over every province, so ingest stores the pooled answers and the map's too (`stored: 'national'`)
// and the page reads them instead of loading every province's facts_wide. The shipped corpus is made
// "national" by lowering the page's EAGER_DETAIL_ROWS to 0, at ingest and in the handler alike; real
// DuckDB-WASM against native DuckDB over the same dataset's Parquet.
import { tableFromIPC } from 'apache-arrow';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handler } from '../../../src/db/handler';
import { fromErrorData, type InitResult, type QueryResult } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import { tableRows } from '../../../src/app/data/rows';
import { runIngest } from '../../../src/ingest/run-ingest';
import type { Manifest } from '../../../src/shared/manifest';
import { collectOutput } from '../../helpers/collect-output';
import { createNodeHandler } from '../../helpers/duckdb-wasm-node';
import { makeTempDir } from '../../helpers/ingest-fixture';
import { openNativeDataset, type NativeDataset } from '../../helpers/native-duckdb';
import { SHIPPED_CORPUS } from '../../helpers/shipped-dataset';

let dir: string;
let manifestUrl: string;
let manifest: Manifest;
let native: NativeDataset;
let handler: Handler;

beforeAll(async () => {
  dir = join(makeTempDir('gongkai-national-'), 'build');
  await runIngest([SHIPPED_CORPUS], dir, collectOutput(), { eagerDetailRows: 0 });
  manifestUrl = pathToFileURL(join(dir, 'manifest.json')).href;
  manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  native = await openNativeDataset(dir);
  handler = createNodeHandler({ eagerDetailRows: 0 });
  const init = await handler.handle({ id: 1, kind: 'init', payload: { manifestUrl } });
  if (!init.ok) throw fromErrorData(init.error);
}, 300_000);

afterAll(() => {
  handler?.close();
  native?.close();
  if (dir) rmSync(dirname(dir), { recursive: true, force: true });
});

let nextId = 100;
async function run(q: sql.BuiltQuery): Promise<{ rows: Record<string, unknown>[]; result: QueryResult }> {
  const response = await handler.handle({ id: nextId++, kind: 'query', payload: { sql: q.sql, params: q.params, tables: q.tables, provinces: q.provinces, preaggregated: q.preaggregated } });
  if (!response.ok) throw fromErrorData(response.error);
  const result = response.result as QueryResult;
  return { rows: tableRows(tableFromIPC(result.ipc)), result };
}

async function loaded(table: string): Promise<number> {
  const response = await handler.handle({ id: nextId++, kind: 'init', payload: { manifestUrl } });
  if (!response.ok) throw fromErrorData(response.error);
  return (response.result as InitResult).tables.find((t) => t.name === table)!.loaded;
}

describe('a national dataset', () => {
  const pooled = [
    ['outcomes', sql.outcomeBreakdown({ bodies: [] }), 'pre_outcomes_pooled'],
    ['applicants', sql.applicantBreakdown({ bodies: [] }), 'pre_applicants_pooled'],
    ['review', sql.reviewLitigation({ bodies: [] }), 'pre_review_pooled'],
    ['review 2019–2021', sql.reviewLitigation({ bodies: [], years: [2019, 2021] }), 'pre_review_pooled'],
    ['map 2021', sql.provinceTotals({ metric: 'r.new.total', year: 2021 }), 'pre_province_totals_r_new_total'],
    ['map, every year', sql.provinceTotals({ metric: 'r.new.total' }), 'pre_province_totals_r_new_total'],
  ] as const;

  it('stores the pooled answers beside the per-province ones', () => {
    for (const name of ['pre_outcomes_pooled', 'pre_applicants_pooled', 'pre_review_pooled', 'pre_province_totals_r_new_total']) expect(manifest.stored?.[name], name).toBeDefined();
  });

  it('answers the pooled views from them as native DuckDB does over every report, loading no province of facts_wide', async () => {
    for (const [label, q, table] of pooled) {
      expect(q.preaggregated?.preaggregates, label).toEqual([table]);
      const { rows, result } = await run(q);
      const expected = await native.rows(q);
      expect(expected.length, label).toBeGreaterThan(0);
      expect(rows, label).toEqual(expected);
      expect(result.preaggregates?.built, label).toBe(0);
    }
    expect(await loaded('facts_wide')).toBe(0);
  });
});
