// The main-thread client against a real worker thread running the real handler and DuckDB-WASM.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataClient } from '../../../src/db/client';
import { DataError } from '../../../src/db/protocol';
import { tableRows } from '../../../src/app/data/rows';
import * as sql from '../../../src/db/sql';
import { startNodeDataWorker } from '../../helpers/node-worker-adapter';
import { ingestShippedCorpus } from '../../helpers/shipped-dataset';

let manifestUrl: string;
let datasetDir: string;
let current: ReturnType<typeof startNodeDataWorker> | null = null;

beforeAll(async () => {
  ({ manifestUrl, dir: datasetDir } = await ingestShippedCorpus({ storedAnswers: false }));
}, 120_000);

afterAll(() => rmSync(dirname(datasetDir), { recursive: true, force: true }));

afterEach(async () => {
  await current?.thread.terminate();
  current = null;
});

function start(): DataClient {
  current = startNodeDataWorker();
  return new DataClient(current.worker);
}

const slowQuery = { sql: 'SELECT count(*) AS n FROM range(3000000000) a', params: [], tables: [] };

describe('DataClient over a worker thread', () => {
  it('initialises once for concurrent callers and answers built queries', async () => {
    const client = start();
    const a = client.init(manifestUrl);
    expect(client.init(manifestUrl)).toBe(a);
    const info = await a;
    expect(info.datasetVersion).toMatch(/^[0-9a-f]{64}$/);
    const { table } = await client.query(sql.datasetCounts());
    const [counts] = tableRows(table);
    expect(counts.reports).toBe(info.tables.find((t) => t.name === 'facts_wide')?.rows);
  });

  it('rejects a bad query with a DataError carrying the SQL, and keeps serving', async () => {
    const client = start();
    await client.init(manifestUrl);
    const error = await client.query({ sql: 'SELECT FROM WHERE', params: [], tables: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).sql).toBe('SELECT FROM WHERE');
    expect((error as DataError).message).toMatch(/syntax error/i);
    const { table } = await client.query({ sql: 'SELECT 1 AS one', params: [], tables: [] });
    expect(tableRows(table)).toEqual([{ one: 1 }]);
  });

  it('rejects every pending request when the worker dies, and every later one at once', async () => {
    const client = start();
    await client.init(manifestUrl);
    // The thread handles messages in order: it dies before it can answer any of the three.
    current!.thread.postMessage({ crash: 7 });
    const pending = [client.query(slowQuery), client.query(sql.reportsByYearLevel()), client.query(sql.headlineTrends())];
    const results = await Promise.allSettled(pending);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect(((r as PromiseRejectedResult).reason as Error).message).toMatch(/data worker failed: worker exited with code 7/);
    }
    await expect(client.query(sql.datasetCounts())).rejects.toThrow(/data worker failed/);
  });

  it('rejects pending requests when the client is closed', async () => {
    const client = start();
    await client.init(manifestUrl);
    const pending = client.query(slowQuery);
    client.close('page closed');
    await expect(pending).rejects.toThrow(/page closed/);
  });
});
