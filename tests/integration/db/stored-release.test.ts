// Ingest builds a national dataset's per-province stored answers one province at a time, letting
// each province's reports and gazetteer towns go once its answers are written (src/ingest/
// stored-answers.ts): the answer must not depend on which other provinces the engine holds, and a
// released table loads again when a later query needs it. Real DuckDB-WASM over the shipped corpus.
import { tableFromIPC } from 'apache-arrow';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, type Handler } from '../../../src/db/handler';
import { fromErrorData, type InitResult, type QueryResult } from '../../../src/db/protocol';
import { tableRows } from '../../../src/app/data/rows';
import { createNodeEngine, readFileUrl } from '../../helpers/duckdb-wasm-node';
import { ingestShippedCorpus } from '../../helpers/shipped-dataset';

let dataset: { dir: string; manifestUrl: string };
const handlers: Handler[] = [];

beforeAll(async () => {
  dataset = await ingestShippedCorpus({ storedAnswers: false });
}, 300_000);

afterAll(() => {
  for (const h of handlers) h.close();
  if (dataset) rmSync(dirname(dataset.dir), { recursive: true, force: true });
});

let nextId = 1;
async function opened(): Promise<Handler> {
  // As ingest opens it: nothing loaded behind init, the pre-aggregates built on demand.
  const handler = createHandler({ createEngine: createNodeEngine, fetchBytes: readFileUrl, eagerDetailRows: Number.POSITIVE_INFINITY, preload: false });
  handlers.push(handler);
  const init = await handler.handle({ id: nextId++, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } });
  if (!init.ok) throw fromErrorData(init.error);
  return handler;
}

async function query(handler: Handler, sql: string, tables: string[], provinces?: string[]): Promise<Record<string, unknown>[]> {
  const response = await handler.handle({ id: nextId++, kind: 'query', payload: { sql, params: [], tables, provinces } });
  if (!response.ok) throw fromErrorData(response.error);
  return tableRows(tableFromIPC((response.result as QueryResult).ipc));
}

async function loaded(handler: Handler, table: string): Promise<number> {
  const response = await handler.handle({ id: nextId++, kind: 'init', payload: { manifestUrl: dataset.manifestUrl } });
  if (!response.ok) throw fromErrorData(response.error);
  return (response.result as InitResult).tables.find((t) => t.name === table)!.loaded;
}

describe('per-province stored answers', () => {
  it("are the same rows in the same order whether the engine holds one province's reports and towns or every one", async () => {
    for (const province of ['44']) {
      const name = `pre_coverage_answer_${province}`;
      const alone = await opened();
      const one = tableRows(tableFromIPC(await alone.exportPreaggregate(name)));
      const every = await opened();
      // Every province's reports and towns loaded first, as a build in the former order held them.
      await query(every, 'SELECT count(*) AS n FROM reports', ['reports']);
      await query(every, 'SELECT count(*) AS n FROM jurisdictions', ['jurisdictions']);
      const all = tableRows(tableFromIPC(await every.exportPreaggregate(name)));
      expect(one.length, name).toBeGreaterThan(1000);
      expect(one, name).toEqual(all);
    }
  }, 300_000);

  it('lets a table go, and loads it again for the next query that needs it', async () => {
    const handler = await opened();
    const [before] = await query(handler, 'SELECT count(*) AS n FROM reports', ['reports'], ['44']);
    expect(await loaded(handler, 'reports')).toBeGreaterThan(0);
    await handler.releaseTables(['reports', 'jurisdictions']);
    expect(await loaded(handler, 'reports')).toBe(0);
    expect(await query(handler, 'SELECT count(*) AS n FROM reports', ['reports'], ['44'])).toEqual([before]);
  }, 300_000);
});
