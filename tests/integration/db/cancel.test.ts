// Cancelling typed SQL: DuckDB-WASM's blocking bindings cannot be interrupted, so the client stops
// the worker thread and carries on in a new one. Real worker threads, real handler and engine.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tableRows } from '../../../src/app/data/rows';
import { CancelledError, DataClient } from '../../../src/db/client';
import { DataError } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import { startNodeDataWorker } from '../../helpers/node-worker-adapter';
import { ingestShippedCorpus } from '../../helpers/shipped-dataset';

let manifestUrl: string;
let datasetDir: string;
const threads: Worker[] = [];

beforeAll(async () => {
  ({ manifestUrl, dir: datasetDir } = await ingestShippedCorpus({ storedAnswers: false }));
}, 120_000);

afterAll(() => rmSync(dirname(datasetDir), { recursive: true, force: true }));

afterEach(async () => {
  await Promise.all(threads.splice(0).map((t) => t.terminate()));
});

const spawn = () => {
  const started = startNodeDataWorker();
  threads.push(started.thread);
  return started.worker;
};

/** Minutes of work on 2 cores: it only ends by being cancelled. */
const ENDLESS = 'SELECT count(*) AS n FROM range(3000000000) a, range(1000) b WHERE a.range + b.range < 0';

describe('cancelling a typed query', () => {
  it('rejects it as cancelled, stops its worker, and answers the requests queued behind it from a new worker', async () => {
    const client = new DataClient(spawn(), spawn);
    await client.init(manifestUrl);
    const controller = new AbortController();
    const endless = client.userQuery(ENDLESS, controller.signal);
    // Queued behind the endless query in the same worker: it must still be answered.
    const queued = client.query(sql.datasetCounts());
    const first = threads[0];
    const exited = new Promise<number>((resolve) => first.once('exit', resolve));
    controller.abort();
    await expect(endless).rejects.toBeInstanceOf(CancelledError);
    await expect(endless).rejects.toThrow(/cancelled/);
    await exited; // the first thread is gone
    expect(threads).toHaveLength(2);
    const [counts] = tableRows((await queued).table);
    const info = await client.init(manifestUrl);
    expect(counts.reports).toBe(info.tables.find((t) => t.name === 'facts_wide')?.rows);
    // The new worker serves typed SQL and refuses writes as the first did.
    const { table } = await client.userQuery('SELECT count(*) AS n FROM bodies');
    expect(tableRows(table)).toEqual([{ n: info.tables.find((t) => t.name === 'bodies')?.rows }]);
    await expect(client.userQuery('DROP TABLE bodies')).rejects.toThrow(/refused: DROP drops an object/);
    expect(client.failed).toBeNull();
  }, 180_000); // two workers each load the dataset; the machine is shared

  it('a signal aborted before the query is sent sends nothing and restarts nothing', async () => {
    const client = new DataClient(spawn(), spawn);
    await client.init(manifestUrl);
    const controller = new AbortController();
    controller.abort();
    await expect(client.userQuery('SELECT 1', controller.signal)).rejects.toBeInstanceOf(CancelledError);
    expect(threads).toHaveLength(1);
    expect(tableRows((await client.userQuery('SELECT 1 AS one')).table)).toEqual([{ one: 1 }]);
  });

  it('without a way to start a worker, cancelling closes the client: later requests fail at once', async () => {
    const client = new DataClient(spawn());
    await client.init(manifestUrl);
    const controller = new AbortController();
    const endless = client.userQuery(ENDLESS, controller.signal);
    controller.abort();
    await expect(endless).rejects.toBeInstanceOf(CancelledError);
    await expect(client.query(sql.datasetCounts())).rejects.toBeInstanceOf(DataError);
  });
});
