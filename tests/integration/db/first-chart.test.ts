// The overview's first chart is drawn from summary.json (written at ingest) before DuckDB-WASM is
// ready, then from the live query: both must give the same numbers. On the shipped corpus and on
// a generated province, through the data worker's own handler on DuckDB-WASM.
import { tableFromIPC } from 'apache-arrow';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tableRows } from '../../../src/app/data/rows';
import { fromErrorData, type QueryResult } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import { runGenerate } from '../../../src/generate/run';
import { runIngest } from '../../../src/ingest/run-ingest';
import { parseSummary, SUMMARY_FILE, TREND_METRICS } from '../../../src/shared/summary';
import { collectOutput } from '../../helpers/collect-output';
import { createNodeHandler } from '../../helpers/duckdb-wasm-node';
import { makeTempDir } from '../../helpers/ingest-fixture';
import { ingestShippedCorpus } from '../../helpers/shipped-dataset';

const cleanup: string[] = [];
afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

async function generatedProvince(): Promise<string> {
  const root = makeTempDir('gongkai-first-chart-');
  cleanup.push(root);
  const corpus = join(root, 'corpus');
  await runGenerate({ province: '64', years: [2018, 2019, 2020, 2021], seed: 11, scale: 0.04, noise: 'default', copies: 0, out: corpus });
  const dir = join(root, 'dataset');
  const io = collectOutput();
  await runIngest([corpus], dir, io);
  return dir;
}

async function compare(dir: string): Promise<void> {
  const summary = parseSummary(JSON.parse(readFileSync(join(dir, SUMMARY_FILE), 'utf8')));
  const handler = createNodeHandler();
  try {
    let id = 1;
    const init = await handler.handle({ id: id++, kind: 'init', payload: { manifestUrl: pathToFileURL(join(dir, 'manifest.json')).href } });
    if (!init.ok) throw fromErrorData(init.error);
    const live = async (q: sql.BuiltQuery) => {
      const response = await handler.handle({ id: id++, kind: 'query', payload: { sql: q.sql, params: q.params, tables: q.tables, provinces: q.provinces } });
      if (!response.ok) throw fromErrorData(response.error);
      return tableRows(tableFromIPC((response.result as QueryResult).ipc));
    };

    // The chart drawn first (reports by year × level): the same rows, in the same order.
    const byYearLevel = await live(sql.reportsByYearLevel());
    expect(byYearLevel.length).toBeGreaterThan(3);
    expect(summary.by_year_level.map((r) => ({ year: r.year, level: r.level, reports: r.reports }))).toEqual(byYearLevel.map((r) => ({ year: r.year, level: r.level, reports: r.reports })));
    expect(summary.by_year_level.reduce((n, r) => n + r.reports, 0)).toBe(summary.reports);

    // The summary's trends are the overview's trend query's: per year, reports and each metric's sum
    // (absent, not 0, where no report states it), for the metrics the query has (p_total is the summary's alone).
    const trends = await live(sql.headlineTrends());
    const shared = TREND_METRICS.filter((m) => m in trends[0]);
    expect(shared).toEqual(['r_new_total', 'r_handled_total', 'rv_total', 'lit_total']);
    expect(summary.trends.map((r) => r.year)).toEqual(trends.map((r) => r.year));
    summary.trends.forEach((row, i) => {
      expect(row.reports, `${row.year} reports`).toBe(trends[i].reports);
      for (const metric of shared) {
        const stated = Number(trends[i][`${metric}__reports`] ?? 0);
        expect(row[metric], `${row.year} ${metric}`).toBe(stated > 0 ? trends[i][metric] : null);
      }
    });
    expect(summary.trends.some((r) => TREND_METRICS.some((m) => r[m] !== null && r[m] > 0))).toBe(true);
  } finally {
    handler.close();
  }
}

describe('the first chart, from summary.json, equals the live query', () => {
  it('on the shipped corpus', async () => {
    const { dir } = await ingestShippedCorpus();
    cleanup.push(dirname(dir));
    await compare(dir);
  }, 240_000);

  it('on a generated province', async () => {
    await compare(await generatedProvince());
  }, 240_000);
});
