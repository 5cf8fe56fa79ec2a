import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../src/ingest/arrow-tables';
import { main } from '../../src/ingest/cli';
import { collectOutput } from '../helpers/collect-output';
import { makeIngestFixture, makeTempDir, type IngestFixture } from '../helpers/ingest-fixture';

let fixture: IngestFixture;
let outRoot: string;
let out: string;
let connection: DuckDBConnection;

async function query(sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS();
}

beforeAll(async () => {
  fixture = makeIngestFixture();
  outRoot = makeTempDir();
  out = join(outRoot, 'build');
  expect(await main(['ingest', fixture.dir, '--out', out], collectOutput())).toBe(0);
  connection = await (await DuckDBInstance.create(':memory:')).connect();
  // Parquet is built into native DuckDB; nothing may be fetched (see STACK-NOTES).
  await connection.run('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;');
});

afterAll(() => {
  connection?.closeSync();
  fixture.cleanup();
  rmSync(outRoot, { recursive: true, force: true });
});

describe('native DuckDB on the written dataset', () => {
  it('reads every Parquet file with the row count of its Arrow stream file', async () => {
    for (const name of TABLE_NAMES) {
      const arrowRows = tableFromIPC(readFileSync(join(out, `${name}.arrows`))).numRows;
      const [{ n }] = await query(`SELECT count(*)::INTEGER AS n FROM read_parquet('${join(out, `${name}.parquet`)}')`);
      expect(n, name).toBe(arrowRows);
    }
  });

  it('sees the intended column types', async () => {
    const types = async (name: string) =>
      Object.fromEntries(
        (await query(`DESCRIBE SELECT * FROM read_parquet('${join(out, `${name}.parquet`)}')`)).map((r) => [r.column_name, r.column_type]),
      );
    expect(await types('reports')).toMatchObject({ report_id: 'VARCHAR', year: 'INTEGER', synthetic: 'BOOLEAN', n_values: 'INTEGER', bytes: 'BIGINT', text: 'VARCHAR' });
    expect(await types('values')).toEqual({
      report_id: 'VARCHAR', metric: 'VARCHAR', value: 'DOUBLE', approx: 'BOOLEAN', derived: 'BOOLEAN', start: 'INTEGER', end: 'INTEGER', source: 'VARCHAR',
    });
    expect(await types('checks')).toEqual({ report_id: 'VARCHAR', id: 'VARCHAR', status: 'VARCHAR', expected: 'DOUBLE', actual: 'DOUBLE', metrics: 'VARCHAR' });
    expect((await types('facts_wide')).r_denied_total_total).toBe('DOUBLE');
  });

  it('joins the tables on report_id', async () => {
    const rows = await query(`
      SELECT r.report_id, r.n_values::INTEGER AS n_values, count(v.metric)::INTEGER AS counted
      FROM read_parquet('${join(out, 'reports.parquet')}') r
      LEFT JOIN read_parquet('${join(out, 'values.parquet')}') v USING (report_id)
      GROUP BY ALL ORDER BY r.report_id`);
    expect(rows.map((r) => r.report_id)).toEqual(fixture.ids);
    for (const row of rows) expect(row.counted).toBe(row.n_values);
  });
});
