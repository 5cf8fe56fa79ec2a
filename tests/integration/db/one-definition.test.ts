// Issue 13, finding 5: each harmonised total has one definition, used by every view. lit.total is
// derived by the parser (direct + after review, marked derived) where a report does not print it,
// so the Overview (rollups, summary.json) and Review & litigation (facts_wide) give the same
// litigation totals. Native DuckDB over an ingest of the shipped corpus.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sql from '../../../src/db/sql';
import { parseSummary, SUMMARY_FILE } from '../../../src/shared/summary';
import { openNativeDataset, type NativeDataset } from '../../helpers/native-duckdb';
import { ingestShippedCorpus } from '../../helpers/shipped-dataset';

let dir: string;
let native: NativeDataset;

beforeAll(async () => {
  ({ dir } = await ingestShippedCorpus({ storedAnswers: false }));
  native = await openNativeDataset(dir);
}, 180_000);

afterAll(() => {
  native?.close();
  if (dir) rmSync(dirname(dir), { recursive: true, force: true });
});

describe('litigation totals under one definition', () => {
  it('stores lit.total wherever both of its parts are stated (derived when not printed)', async () => {
    const [row] = await native.rows({
      sql: `SELECT count(*) FILTER (WHERE lit_total IS NULL AND lit_direct_total IS NOT NULL AND lit_after_rv_total IS NOT NULL) AS missing,
  count(*) FILTER (WHERE lit_total IS NOT NULL) AS stated
FROM facts_wide`,
      params: [],
    });
    expect(row.missing).toBe(0);
    expect(row.stated).toBeGreaterThan(0);
  });

  it('gives the same 2019 total for own reports on the Overview (rollups, summary.json) and on Review & litigation', async () => {
    const overview = (await native.rows(sql.headlineTrends())).find((r) => r.year === 2019);
    const review = (await native.rows(sql.reviewLitigation({ bodies: [] }))).find((r) => r.year === 2019);
    const summary = parseSummary(JSON.parse(readFileSync(join(dir, SUMMARY_FILE), 'utf8'))).trends.find((t) => t.year === 2019);
    // Every own 2019 report stating litigation, straight from facts_wide, as the definition says.
    const [direct] = await native.rows({
      sql: `SELECT sum(coalesce(lit_total, lit_direct_total + lit_after_rv_total)) AS lit_total, count(*) FILTER (WHERE lit_direct_total IS NOT NULL AND lit_after_rv_total IS NOT NULL AND lit_total IS NULL) AS underived
FROM facts_wide WHERE year = 2019 AND scope = 'self' AND status <> 'failed'`,
      params: [],
    });
    expect(direct.underived).toBe(0);
    expect(direct.lit_total).toBeGreaterThan(0);
    expect(overview?.lit_total).toBe(direct.lit_total);
    expect(summary?.lit_total).toBe(direct.lit_total);
    expect(review?.lit_total).toBe(direct.lit_total);
  });
});
