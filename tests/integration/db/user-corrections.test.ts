// The page's corrections (src/db/user-corrections.ts) against `gongkai ingest --corrections`: two
// real seed reports ingested plain, the corrections applied by the worker's handler (DuckDB-WASM,
// as in the browser), and the same corrections written as corrections.csv and ingested by the CLI.
// Every table the views read must hold the same rows; removing the corrections restores the plain dataset.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handler } from '../../../src/db/handler';
import { fromErrorData, type CorrectionsResult, type PageCorrection, type QueryResult, type Request, type Response } from '../../../src/db/protocol';
import { tableRows } from '../../../src/app/data/rows';
import { main } from '../../../src/ingest/cli';
import { writeCorrectionsCsv } from '../../../src/parse/corrections';
import { METRIC_IDS } from '../../../src/shared/metrics';
import { WIDE_METRICS, wideColumnName } from '../../../src/shared/wide-metrics';
import { collectOutput } from '../../helpers/collect-output';
import { createNodeHandler } from '../../helpers/duckdb-wasm-node';
import { seedFolder } from '../../helpers/ingest-fixture';
import { openNativeDataset, type NativeDataset, type NativeRow } from '../../helpers/native-duckdb';

// the third has a figure the narrative implies (共受理…均已答复: inferred)
const SEEDS = ['2019-liaoning-fuxin-city.txt', '2017-jilin-fusong-lushuihe-town.txt', '2017-liaoning-yingkou-zhanqian-county.txt'];

let root: string;
let handler: Handler;
let plain: NativeDataset;
let cli: NativeDataset;
let corrections: PageCorrection[];
let reportId: string;
let result: CorrectionsResult;
let nextId = 1;

async function request(kind: Request['kind'], payload: Request['payload']): Promise<Response> {
  return handler.handle({ id: nextId++, kind, payload } as Request);
}

/** Typed SQL over the page's dataset, without the column `layer` (there in every mode, src/db/user-layer.ts; ingest's files have none). */
async function page(sql: string): Promise<NativeRow[]> {
  const response = await request('sql', { sql });
  if (!response.ok) throw fromErrorData(response.error);
  return (tableRows(tableFromIPC((response.result as QueryResult).ipc)) as NativeRow[]).map(({ layer, ...rest }) => {
    expect(layer ?? 'dataset').toBe('dataset');
    return rest;
  });
}

async function setCorrections(list: PageCorrection[]): Promise<CorrectionsResult> {
  const response = await request('corrections', { corrections: list });
  if (!response.ok) throw fromErrorData(response.error);
  return response.result as CorrectionsResult;
}

async function ingest(out: string, csv?: string): Promise<void> {
  const io = collectOutput();
  expect(await main(['ingest', join(root, 'reports'), '--out', out, ...(csv ? ['--corrections', csv] : [])], io), io.stderr.text).toBe(0);
}

/** What the views read, in an order both engines give alike. */
const COMPARED = {
  values: `SELECT report_id, metric, value, printed_value, corrected, correction_note, correction_author, derived, approx, split, inferred, "start", "end" FROM "values" ORDER BY report_id, metric, "start" NULLS LAST, value NULLS LAST`,
  checks: 'SELECT report_id, id, status, expected, actual, metrics, basis FROM checks ORDER BY report_id, basis, id',
  facts_wide: `SELECT report_id, n_failed_checks, ${WIDE_METRICS.map(wideColumnName).join(', ')} FROM facts_wide ORDER BY report_id`,
  reports: 'SELECT report_id, n_values, n_failed_checks FROM reports ORDER BY report_id',
  failing: 'SELECT * FROM failing ORDER BY report_id',
  rollups: `SELECT * FROM rollups ORDER BY division_level, division_code NULLS FIRST, year, level, scope`,
};

beforeAll(async () => {
  root = seedFolder(SEEDS);
  await ingest(join(root, 'plain'));
  plain = await openNativeDataset(join(root, 'plain'));
  const sha = createHash('sha256').update(readFileSync(join(root, 'reports', SEEDS[0]))).digest('hex');
  [{ report_id: reportId }] = (await plain.rows({ sql: 'SELECT report_id FROM reports WHERE sha256 = ?', params: [sha] })) as { report_id: string }[];
  const values = (await plain.rows({ sql: `SELECT metric, value, derived FROM "values" WHERE report_id = ? ORDER BY metric`, params: [reportId] })) as { metric: string; value: number; derived: boolean }[];
  const printed = values.filter((v) => !v.derived && WIDE_METRICS.includes(v.metric) && values.filter((w) => w.metric === v.metric).length === 1);
  expect(printed.length).toBeGreaterThan(2);
  const added = METRIC_IDS.find((m) => !values.some((v) => v.metric === m) && !/\.total\./.test(m))!;
  const at = '2026-12-05T03:00:00.000Z';
  corrections = [
    { report_sha256: sha, metric: printed[0].metric, value: printed[0].value + 5, note: '合计印错, "应加五"', author: '王五', at, report_id: reportId },
    { report_sha256: sha, metric: printed[1].metric, value: null, note: '误读', author: '王五', at, report_id: reportId },
    { report_sha256: sha, metric: added, value: 17, note: '=表外说明', author: '李四', at, report_id: reportId },
    { report_sha256: 'f'.repeat(64), metric: 'rv.total', value: 3, note: '', author: '', at },
  ];
  writeFileSync(join(root, 'corrections.csv'), writeCorrectionsCsv(corrections));
  await ingest(join(root, 'cli'), join(root, 'corrections.csv'));
  cli = await openNativeDataset(join(root, 'cli'));

  handler = createNodeHandler();
  const init = await request('init', { manifestUrl: pathToFileURL(join(root, 'plain', 'manifest.json')).href });
  if (!init.ok) throw fromErrorData(init.error);
  result = await setCorrections(corrections);
}, 180_000);

afterAll(() => {
  handler?.close();
  plain?.close();
  cli?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('corrections made in the page', () => {
  it('says which corrections were applied, to which report, and why one was not', () => {
    expect(result.outcomes.map((o) => [o.metric, o.status, o.reason, o.reports.map((r) => r.report_id)])).toEqual([
      [corrections[0].metric, 'applied', null, [reportId]],
      [corrections[1].metric, 'applied', null, [reportId]],
      [corrections[2].metric, 'applied', null, [reportId]],
      ['rv.total', 'unused', 'no report of this dataset has this sha256', []],
    ]);
  });

  for (const [table, sql] of Object.entries(COMPARED)) {
    it(`gives ${table} exactly the rows gongkai ingest --corrections writes`, async () => {
      const [inPage, fromCli, asPrinted] = await Promise.all([page(sql), cli.rows({ sql, params: [] }), plain.rows({ sql, params: [] })]);
      expect(inPage).toEqual(fromCli);
      if (table !== 'failing') expect(inPage, 'the corrections change something').not.toEqual(asPrinted);
    });
  }

  it('lists the corrections with their status in user_corrections', async () => {
    expect(await page('SELECT metric, status, report_id FROM user_corrections ORDER BY metric')).toEqual(
      [...corrections.slice(0, 3).map((c) => ({ metric: c.metric, status: 'applied', report_id: reportId })), { metric: 'rv.total', status: 'unused', report_id: null }].sort((a, b) => (a.metric < b.metric ? -1 : 1)),
    );
  });

  it('keeps a selected span for an added value', async () => {
    await setCorrections(corrections.map((c, i) => (i === 2 ? { ...c, start: 10, end: 14 } : c)));
    expect(await page(`SELECT "start", "end", value, printed_value FROM "values" WHERE report_id = '${reportId.replaceAll("'", "''")}' AND metric = '${corrections[2].metric}'`)).toEqual([{ start: 10, end: 14, value: 17, printed_value: null }]);
  });

  it('refuses a bad correction with its reason and applies the rest', async () => {
    const out = await setCorrections([{ ...corrections[0], metric: 'no.such.metric' }, corrections[1]]);
    expect(out.outcomes.map((o) => [o.status, o.reason])).toEqual([
      ['unused', 'unknown metric id: no.such.metric'],
      ['applied', null],
    ]);
  });

  it('keeps the split and inferred marks of a corrected report\'s values', async () => {
    const sha = createHash('sha256').update(readFileSync(join(root, 'reports', SEEDS[2]))).digest('hex');
    const marks = { sql: `SELECT metric, value, split, inferred FROM "values" WHERE report_id = (SELECT report_id FROM reports WHERE sha256 = '${sha}') ORDER BY metric, "start"`, params: [] };
    const asPrinted = await plain.rows(marks);
    expect(asPrinted.filter((v) => v.inferred === true).map((v) => v.metric)).toEqual(['r.handled.total']);
    const total = asPrinted.find((v) => v.metric === 'p.total')!;
    const out = await setCorrections([{ report_sha256: sha, metric: 'p.total', value: Number(total.value) + 1, note: '', author: '赵六', at: '2026-12-05T04:00:00.000Z' }]);
    expect(out.outcomes.map((o) => o.status)).toEqual(['applied']);
    const onlyMarks = (rows: readonly NativeRow[]) => rows.map(({ metric, split, inferred }) => ({ metric, split, inferred }));
    const corrected = await page(marks.sql);
    expect(corrected.find((v) => v.metric === 'p.total')!.value).toBe(Number(total.value) + 1);
    expect(onlyMarks(corrected)).toEqual(onlyMarks(asPrinted));
  });

  it('restores every table exactly when the corrections are removed', async () => {
    await setCorrections([]);
    for (const sql of Object.values(COMPARED)) expect(await page(sql)).toEqual(await plain.rows({ sql, params: [] }));
  });
});
