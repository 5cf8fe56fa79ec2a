// The stored answers built behind init are built one per task: the data worker reads a view's
// query only between tasks, so a query that arrives during the builds waits for one, not all
// (national: the overview's first query waited 10 s behind them). Counted with a timer that
// ticks once per task: every build must start on a later tick than the one before it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  const { manifestUrl } = await ingestShippedCorpus();
  handler = createHandler({ createEngine: spiedEngine, fetchBytes: readFileUrl });
  ticker = setInterval(() => (tick += 1), 0);
  const init = await handler.handle({ id: 1, kind: 'init', payload: { manifestUrl } });
  if (!init.ok) throw fromErrorData(init.error);
  const wanted = preaggregateNames('behind-init').length;
  for (let waited = 0; builds.length < wanted && waited < 600; waited += 1) await new Promise((next) => setTimeout(next, 100));
}, 120_000);

afterAll(() => {
  clearInterval(ticker);
  handler?.close();
});

describe('stored answers built behind init', () => {
  it('are all built, each on a later task than the one before', () => {
    const behindInit = preaggregateNames('behind-init');
    expect(behindInit.length).toBeGreaterThan(2);
    expect(builds.map((b) => b.name).filter((n) => behindInit.includes(n)).sort()).toEqual(behindInit);
    for (let i = 1; i < builds.length; i++) expect(builds[i].tick, `${builds[i - 1].name} → ${builds[i].name}`).toBeGreaterThan(builds[i - 1].tick);
  });
});
