// Issue 17 (cold start): facts_wide, loaded whole behind init, waits for the page's first answer.
// Begun at once, its insert (one synchronous call, ~0.3 s at province size in the page) held up
// the overview's queries that arrived while it ran. A query that needs facts_wide begins it at
// once; with no query at all it loads after BEHIND_INIT_WAIT_MS.
import { tableFromIPC } from 'apache-arrow';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableRows } from '../../../src/app/data/rows';
import { fromErrorData, type QueryResult } from '../../../src/db/protocol';
import * as sql from '../../../src/db/sql';
import { BEHIND_INIT_WAIT_MS } from '../../../src/db/tables';
import { parseManifest, type Manifest } from '../../../src/shared/manifest';
import { createNodeHandler, readFileUrl } from '../../helpers/duckdb-wasm-node';
import { ingestShippedCorpus } from '../../helpers/shipped-dataset';

let manifestUrl: string;
let manifest: Manifest;

beforeAll(async () => {
  const shipped = await ingestShippedCorpus();
  manifestUrl = shipped.manifestUrl;
  manifest = parseManifest(JSON.parse(readFileSync(join(shipped.dir, 'manifest.json'), 'utf8')));
}, 120_000);

const sleep = (ms: number) => new Promise((next) => setTimeout(next, ms));

/** A handler whose fetches are listed in order, with the requests answered before each. */
function watched() {
  const fetched: { path: string; answered: number }[] = [];
  let answered = 0;
  const handler = createNodeHandler({ fetchBytes: (url) => (fetched.push({ path: new URL(url).pathname, answered }), readFileUrl(url)) });
  let id = 1;
  const ask = async (q: { sql: string; params: unknown[]; tables: string[]; provinces?: string[] }) => {
    const response = await handler.handle({ id: id++, kind: 'query', payload: q } as Parameters<typeof handler.handle>[0]);
    answered += 1;
    if (!response.ok) throw fromErrorData(response.error);
    return tableRows(tableFromIPC((response.result as QueryResult).ipc));
  };
  const init = async () => {
    const response = await handler.handle({ id: id++, kind: 'init', payload: { manifestUrl } });
    if (!response.ok) throw fromErrorData(response.error);
  };
  const factsFetched = () => fetched.filter((f) => f.path.includes('/arrow/facts_wide/'));
  return { handler, fetched, ask, init, factsFetched };
}

describe('facts_wide behind init', () => {
  it('loads only once the page’s first query is answered, then whole, each file once', async () => {
    const w = watched();
    try {
      await w.init();
      // The page renders the init's answer before its first queries arrive.
      await sleep(200);
      expect(w.factsFetched()).toEqual([]);
      const counts = await w.ask(sql.datasetCounts());
      expect(Number(counts[0].reports)).toBeGreaterThan(100);
      for (let waited = 0; w.factsFetched().length < manifest.tables.facts_wide.partitions.length && waited < 100; waited++) await sleep(50);
      const facts = w.factsFetched();
      expect(facts.map((f) => f.path.slice(f.path.lastIndexOf('/arrow/facts_wide/') + 1)).sort()).toEqual(manifest.tables.facts_wide.partitions.map((p) => p.path).sort());
      expect(Math.min(...facts.map((f) => f.answered))).toBe(1);
      const rows = await w.ask({ sql: 'SELECT count(*) AS n FROM facts_wide', params: [], tables: ['facts_wide'] });
      expect(Number(rows[0].n)).toBe(manifest.tables.facts_wide.rows);
      expect(w.factsFetched()).toHaveLength(manifest.tables.facts_wide.partitions.length);
    } finally {
      w.handler.close();
    }
  });

  it('loads when no query comes, BEHIND_INIT_WAIT_MS after init', async () => {
    const w = watched();
    try {
      await w.init();
      for (let waited = 0; w.factsFetched().length < manifest.tables.facts_wide.partitions.length && waited < BEHIND_INIT_WAIT_MS / 50 + 100; waited++) await sleep(50);
      expect(w.factsFetched()).toHaveLength(manifest.tables.facts_wide.partitions.length);
      expect(w.factsFetched().every((f) => f.answered === 0)).toBe(true);
    } finally {
      w.handler.close();
    }
  });
});
