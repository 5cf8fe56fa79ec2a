// The stored answers built behind init are built one per task: the data worker reads a view's
// query only between tasks, so a query that arrives during the builds waits for one, not all
// (national: the overview's first query waited 10 s behind them). Counted with a timer that
// ticks once per task: every build must start on a later tick than the one before it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/shared/manifest';
import { fromErrorData } from '../../../src/db/protocol';
import { preaggregateNames } from '../../../src/db/sql/preaggregated';
import { createHandler, type Handler } from '../../../src/db/handler';
import type { Engine } from '../../../src/db/engine';
import { createNodeEngine, readFileUrl } from '../../helpers/duckdb-wasm-node';
import { ingestShippedCorpus } from '../../helpers/shipped-dataset';

const builds: { name: string; tick: number }[] = [];
let tick = 0;
let ticker: ReturnType<typeof setInterval> | undefined;
let handler: Handler;
/** Behind init, those the dataset stores (src/ingest/stored-answers.ts) are loaded, the others built. */
let built: string[] = [];

async function spiedEngine(): Promise<Engine> {
  const engine = await createNodeEngine();
  const run = engine.run.bind(engine);
  engine.run = (sql, params) => {
    const built = /^CREATE OR REPLACE TABLE (pre_\w+)/.exec(sql);
    if (built) builds.push({ name: built[1], tick });
    return run(sql, params);
  };
  return engine;
}

beforeAll(async () => {
  const { dir, manifestUrl } = await ingestShippedCorpus();
  const stored = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))).stored ?? {};
  built = preaggregateNames('behind-init').filter((n) => !(n in stored));
  handler = createHandler({ createEngine: spiedEngine, fetchBytes: readFileUrl });
  ticker = setInterval(() => (tick += 1), 0);
  const init = await handler.handle({ id: 1, kind: 'init', payload: { manifestUrl } });
  if (!init.ok) throw fromErrorData(init.error);
  const wanted = built.length;
  for (let waited = 0; builds.length < wanted && waited < 600; waited += 1) await new Promise((next) => setTimeout(next, 100));
}, 120_000);

afterAll(() => {
  clearInterval(ticker);
  handler?.close();
});

describe('stored answers built behind init', () => {
  it('are all built, each on a later task than the one before', () => {
    expect(built.length).toBeGreaterThan(2);
    expect(preaggregateNames('behind-init').length, 'the default benchmark answer is stored').toBe(built.length + 1);
    expect(builds.map((b) => b.name).filter((n) => built.includes(n)).sort()).toEqual(built);
    for (let i = 1; i < builds.length; i++) expect(builds[i].tick, `${builds[i - 1].name} → ${builds[i].name}`).toBeGreaterThan(builds[i - 1].tick);
  });
});
