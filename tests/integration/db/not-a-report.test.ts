// Files that are no report at all (a news page, a notice: no 信息公开/政务公开 wording) ingested beside
// real reports, read back by native DuckDB with the dashboard's own SQL: each is a row of the reports
// table with its reason, listed by notAReportFiles, and counted nowhere (no report, no failed one, no
// year, level or template), so the overview's figures equal those of the real reports alone.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableRows } from '../../../src/app/data/rows';
import type { Handler } from '../../../src/db/handler';
import { fromErrorData, type QueryPayload, type QueryResult, type SchemaResult } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import { ownRollupsSql, USER_SCHEMA } from '../../../src/db/user-layer';
import { runIngest } from '../../../src/ingest/run-ingest';
import { failureCode } from '../../../src/parse/reasons';
import { collectOutput } from '../../helpers/collect-output';
import { createNodeHandler } from '../../helpers/duckdb-wasm-node';
import { makeTempDir, seedFolder } from '../../helpers/ingest-fixture';
import { openNativeDataset, type NativeDataset } from '../../helpers/native-duckdb';

const SEEDS = ['2019-liaoning-fuxin-city.txt', '2017-liaoning-yingkou-zhanqian-county.txt'];
/** Not reports: a news item and a notice, each with a year and a government's name, no disclosure wording. */
const NOT_REPORTS: Record<string, string> = {
  'news.txt': '阜新市人民政府\n2019年全市春季植树造林工作会议召开\n3月12日，全市春季植树造林工作会议召开，会议部署了2019年植树造林任务，全市计划完成造林12万亩。\n',
  'notice.html': '<html><head><title>关于2020年春节放假安排的通知</title></head><body><p>营口市站前区人民政府办公室</p><p>根据国务院办公厅通知，2020年春节放假7天。</p></body></html>',
};

let roots: string[] = [];
let mixed: NativeDataset;
let alone: NativeDataset;
let broken: NativeDataset;

/** Files that could not be read: an empty one, and a page saved under a report's name (.pdf) that is text with no disclosure wording. */
const UNREADABLE: Record<string, string> = {
  'empty.txt': '',
  'misnamed.pdf': NOT_REPORTS['news.txt'],
};

async function ingestFolder(extra: Record<string, string>): Promise<NativeDataset> {
  const root = seedFolder(SEEDS);
  roots.push(root);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(root, 'reports', name), text);
  const out = join(makeTempDir(), 'build');
  roots.push(out);
  const io = collectOutput();
  await runIngest([join(root, 'reports')], out, io, { storedAnswers: false });
  return openNativeDataset(out);
}

beforeAll(async () => {
  mixed = await ingestFolder(NOT_REPORTS);
  alone = await ingestFolder({});
  broken = await ingestFolder({ ...NOT_REPORTS, ...UNREADABLE });
}, 360_000);

afterAll(() => {
  mixed?.close();
  alone?.close();
  broken?.close();
  for (const dir of roots) rmSync(dir, { recursive: true, force: true });
  roots = [];
});

describe('a file that is no report, in a dataset', () => {
  it('is a row of the reports table, listed with its reason', async () => {
    expect((await mixed.rows({ sql: 'SELECT count(*) AS n FROM reports', params: [] }))[0].n).toBe(SEEDS.length + 2);
    const listed = await mixed.rows(sql.notAReportFiles());
    expect(listed.map((r) => r.report_id)).toEqual(['reports/news.txt', 'reports/notice.html']);
    for (const row of listed) expect(failureCode(String(row.reason)), String(row.report_id)).toBe('not-report');
    expect(await alone.rows(sql.notAReportFiles())).toEqual([]);
  });

  it("counts in none of the overview's figures: the real reports alone give the same", async () => {
    const [counts] = await mixed.rows(sql.datasetCounts());
    expect(counts.reports).toBe(SEEDS.length);
    expect(counts.failed).toBe(0);
    expect(counts.template_unknown).toBe(0);
    for (const query of [sql.datasetCounts(), sql.reportsByYearLevel(), sql.headlineTrends()]) {
      expect(await mixed.rows(query), query.name).toEqual(await alone.rows(query));
    }
    // Nor in any division's rollup: the whole table is the same.
    const rollups = { sql: 'SELECT * FROM rollups ORDER BY ALL', params: [] };
    expect(await mixed.rows(rollups)).toEqual(await alone.rows(rollups));
  });

  it("counts nowhere in the rollups the page's layer sums in SQL (ownRollupsSql), as in ingest's", async () => {
    const { connection } = mixed;
    await connection.run(`CREATE SCHEMA ${USER_SCHEMA}; CREATE TABLE ${USER_SCHEMA}.facts_wide AS SELECT * FROM facts_wide; CREATE TABLE ${USER_SCHEMA}.reports AS SELECT * FROM reports;`);
    const columns = (await mixed.rows({ sql: "SELECT column_name FROM information_schema.columns WHERE table_name = 'rollups' AND table_schema = 'main' ORDER BY ordinal_position", params: [] })).map((r) => String(r.column_name));
    const list = columns.map((c) => `"${c}"`).join(', ');
    const counted = `SELECT ${list} FROM (${ownRollupsSql(columns, true)})`;
    const stored = `SELECT ${list} FROM rollups`;
    const differ = async (a: string, b: string) => Number((await mixed.rows({ sql: `SELECT count(*) AS n FROM (${a} EXCEPT ALL ${b})`, params: [] }))[0].n);
    expect(await differ(counted, stored)).toBe(0);
    expect(await differ(stored, counted)).toBe(0);
  });
});

describe('the files the counts leave out, and those that could not be read (failedFiles)', () => {
  it('lists each kind apart, with its reason and how many there are', async () => {
    const rows = await broken.rows(sql.failedFiles());
    const of = (notReport: boolean) => rows.filter((r) => r.not_report === notReport);
    expect(of(true).map((r) => [r.report_id, failureCode(String(r.reason)), Number(r.total)])).toEqual([
      ['reports/news.txt', 'not-report', 2],
      ['reports/notice.html', 'not-report', 2],
    ]);
    // A .pdf that is text with no disclosure wording is a file that could not be read, not a document
    // that is no report: its name says a PDF was expected there (a download that failed).
    expect(of(false).map((r) => [r.report_id, failureCode(String(r.reason)), Number(r.total)])).toEqual([
      ['reports/empty.txt', 'empty', 2],
      ['reports/misnamed.pdf', 'not-pdf', 2],
    ]);
    // The unreadable ones are the overview's 无法解析, the others counted nowhere.
    const [counts] = await broken.rows(sql.datasetCounts());
    expect([counts.reports, counts.failed]).toEqual([SEEDS.length + 2, 2]);
    expect(await alone.rows(sql.failedFiles())).toEqual([]);
  });

  it('cuts each kind at the limit, keeping its total', async () => {
    const rows = await broken.rows(sql.failedFiles(1));
    expect(rows.map((r) => [r.report_id, r.not_report, Number(r.total)])).toEqual([
      ['reports/empty.txt', false, 2],
      ['reports/news.txt', true, 2],
    ]);
  });
});

describe("the overview's failed-files list in the page (its stored answer)", () => {
  it('is read from the small file ingest wrote, never from the unplaced reports, and gives the rows of the row-level query', async () => {
    const root = seedFolder(SEEDS);
    roots.push(root);
    // More unreadable files than the shortest list holds: the cut keeps each kind's total.
    for (const [name, text] of Object.entries({ ...NOT_REPORTS, ...UNREADABLE, 'empty2.txt': '', 'empty3.txt': ' ' })) writeFileSync(join(root, 'reports', name), text);
    const out = join(makeTempDir(), 'build');
    roots.push(out);
    await runIngest([join(root, 'reports')], out, collectOutput());
    const manifestUrl = pathToFileURL(join(out, 'manifest.json')).href;
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { stored: Record<string, { rows: number }> };
    expect(manifest.stored.pre_failed_files.rows).toBe(6);
    // Nothing can be built (as a national dataset): what answers is the stored file.
    const page = createNodeHandler({ eagerDetailRows: 0 });
    const rowLevel = createNodeHandler();
    try {
      for (const handler of [page, rowLevel]) expect((await handler.handle({ id: 1, kind: 'init', payload: { manifestUrl } })).ok).toBe(true);
      let id = 2;
      const ask = async (handler: Handler, payload: QueryPayload) => {
        const response = await handler.handle({ id: id++, kind: 'query', payload: { ...payload, layer: 'dataset' } });
        if (!response.ok) throw fromErrorData(response.error);
        const result = response.result as QueryResult;
        return { rows: tableRows(tableFromIPC(result.ipc)), counts: result.preaggregates };
      };
      for (const limit of [0, 1, 2, 50]) {
        const q = sql.failedFiles(limit);
        const fast = await ask(page, { sql: 'SELECT 1 AS never', params: [], tables: [], preaggregated: q.preaggregated });
        expect(fast.counts, `limit ${limit}`).toEqual({ built: 0, stored: 1 });
        const slow = await ask(rowLevel, { sql: q.sql, params: q.params, tables: q.tables, provinces: q.provinces });
        expect(fast.rows, `limit ${limit}`).toEqual(slow.rows);
      }
      const all = (await ask(page, { sql: 'SELECT 1 AS never', params: [], tables: [], preaggregated: sql.failedFiles(50).preaggregated })).rows;
      expect(all.map((r) => [r.report_id, r.not_report, Number(r.total)])).toEqual([
        ['reports/empty.txt', false, 4],
        ['reports/empty2.txt', false, 4],
        ['reports/empty3.txt', false, 4],
        ['reports/misnamed.pdf', false, 4],
        ['reports/news.txt', true, 2],
        ['reports/notice.html', true, 2],
      ]);
      const cut = (await ask(page, { sql: 'SELECT 1 AS never', params: [], tables: [], preaggregated: sql.failedFiles(1).preaggregated })).rows;
      expect(cut.map((r) => [r.report_id, r.not_report, Number(r.total)])).toEqual([
        ['reports/empty.txt', false, 4],
        ['reports/news.txt', true, 2],
      ]);
      // The unplaced partition of the reports table was never loaded for it.
      const schema = (await page.handle({ id: id++, kind: 'schema', payload: {} })) as { ok: true; result: SchemaResult };
      expect(schema.result.tables.find((t) => t.name === 'reports')?.loaded).toBe('none');
    } finally {
      page.close();
      rowLevel.close();
    }
  }, 300_000);
});
