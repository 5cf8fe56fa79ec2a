// npx tsx bench/corrections.ts — how long the data worker takes to apply the page's corrections
// (src/db/user-corrections.ts) over the shipped dataset, with the DuckDB-WASM engine the browser
// uses (its Node build, in-process): 1, 10 and every report's r.new.total corrected (+1), then all
// removed. Prints figures only: nothing here asserts a time.
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromErrorData, type CorrectionsResult, type PageCorrection, type QueryResult, type Request, type Response } from '../src/db/protocol';
import { tableFromIPC } from 'apache-arrow';
import { createNodeHandler } from '../tests/helpers/duckdb-wasm-node';
import { ingestShippedCorpus } from '../tests/helpers/shipped-dataset';

const ROOT = resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const shipped = join(ROOT, 'data/build');
  const data = existsSync(join(shipped, 'manifest.json')) ? { dir: shipped, temp: false } : { dir: (await ingestShippedCorpus()).dir, temp: true };
  const handler = createNodeHandler();
  let id = 1;
  const ask = async (kind: Request['kind'], payload: Request['payload']): Promise<unknown> => {
    const response: Response = await handler.handle({ id: id++, kind, payload } as Request);
    if (!response.ok) throw fromErrorData(response.error);
    return response.result;
  };
  try {
    await ask('init', { manifestUrl: pathToFileURL(join(data.dir, 'manifest.json')).href });
    const result = (await ask('sql', { sql: `SELECT r.sha256, v.value FROM "values" v JOIN reports r USING (report_id) WHERE v.metric = 'r.new.total' AND NOT v.derived ORDER BY r.report_id` })) as QueryResult;
    const rows = tableFromIPC(result.ipc).toArray().map((r) => r.toJSON() as { sha256: string; value: number });
    const unique = [...new Map(rows.map((r) => [r.sha256, r])).values()];
    const corrections = (n: number): PageCorrection[] => unique.slice(0, n).map((r) => ({ report_sha256: r.sha256, metric: 'r.new.total', value: r.value + 1, note: 'bench', author: 'bench', at: '' }));
    console.log(`dataset: ${data.dir} (${unique.length} reports printing r.new.total)`);
    for (const n of [1, 10, unique.length, 0]) {
      const started = performance.now();
      const out = (await ask('corrections', { corrections: corrections(n) })) as CorrectionsResult;
      const ms = performance.now() - started;
      console.log(`${String(n).padStart(4)} corrections set: ${ms.toFixed(0)} ms (${out.outcomes.filter((o) => o.status === 'applied').length} applied)`);
    }
  } finally {
    handler.close();
    if (data.temp) rmSync(dirname(data.dir), { recursive: true, force: true });
  }
}

await main();
