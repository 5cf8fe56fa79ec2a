// The README's Parquet example (issue 17): its DuckDB block, run as printed by native DuckDB over
// the Hive-partitioned Parquet of the shipped corpus, gives the overview's headline numbers, the
// ones the page computes from the rollups with sql.headlineTrends().
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/ingest/cli';
import { headlineTrends } from '../../src/db/sql';
import { collectOutput } from '../helpers/collect-output';
import { makeTempDir } from '../helpers/ingest-fixture';
import { REPO_ROOT } from '../helpers/paths';

let root: string;
let connection: DuckDBConnection;

/** The first ```sql block after the README's "tested:" marker naming this file. */
function readmeSql(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const marker = readme.indexOf('tested: tests/integration/readme-parquet.test.ts');
  expect(marker).toBeGreaterThan(0);
  const block = /```sql\n([\s\S]*?)```/.exec(readme.slice(marker));
  return block![1];
}

const rows = async (sql: string, params: (string | number)[] = []): Promise<Record<string, unknown>[]> =>
  (await connection.runAndReadAll(sql, params)).getRowObjectsJS();

beforeAll(async () => {
  root = makeTempDir('gongkai-readme-');
  expect(await main(['ingest', join(REPO_ROOT, 'data/corpus'), '--out', join(root, 'data/build')], collectOutput())).toBe(0);
  connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;');
  // The README's relative path, data/build, resolves in the temporary project folder.
  await connection.run(`SET file_search_path = '${root}'`);
}, 120_000);

afterAll(() => {
  connection?.closeSync();
  rmSync(root, { recursive: true, force: true });
});

describe("README's native DuckDB example over the Parquet folder", () => {
  it("gives the page's headline: reports and new requests per year", async () => {
    const readme = (await rows(readmeSql())).map((r) => ({
      year: Number(r.year),
      reports: Number(r.reports),
      r_new_total: r.r_new_total === null ? null : Number(r.r_new_total),
      r_new_total__reports: Number(r.r_new_total__reports),
    }));
    expect(readme.length).toBeGreaterThan(3);
    expect(readme.some((r) => (r.r_new_total ?? 0) > 0)).toBe(true);

    const page = headlineTrends();
    await connection.run(`CREATE VIEW rollups AS SELECT * FROM read_parquet('${join(root, 'data/build/parquet/rollups/*/*/*.parquet')}', hive_partitioning = true)`);
    const expected = (await rows(page.sql)).map((r) => ({
      year: Number(r.year),
      reports: Number(r.reports),
      r_new_total: Number(r.r_new_total__reports) === 0 ? null : Number(r.r_new_total),
      r_new_total__reports: Number(r.r_new_total__reports),
    }));
    expect(readme).toEqual(expected);
  });
});
