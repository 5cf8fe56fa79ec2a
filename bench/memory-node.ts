// npx tsx bench/memory-node.ts <dataset folder> [province|national] — what holds DuckDB-WASM's memory
// in the data worker (the page's engine, under Node): duckdb_memory() and each table's rows after
// init and facts_wide, then the in-memory tables' growth after each of bench:ui's view queries, with
// the tables (stored answers) it created. Stored answers built behind init land on whichever query
// runs while they build. Prints figures only.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { fromErrorData, type QueryResult } from '../src/db/protocol';
import { createNodeHandler } from '../tests/helpers/duckdb-wasm-node';
import { openNativeDataset } from '../tests/helpers/native-duckdb';
import { benchQueries, type Scale } from './view-queries';
const dir = resolve(process.argv[2]);
const native = await openNativeDataset(dir, ['facts_wide', 'reports']);
const { queries } = await benchQueries(native, (process.argv[3] ?? 'national') as Scale);
native.close();
const handler = createNodeHandler();
let id = 0;
const q = async (sql: string, tables: string[] = []) => { const r = await handler.handle({ id: id++, kind: 'query', payload: { sql, params: [], tables } }); if (!r.ok) throw fromErrorData(r.error); return tableFromIPC((r.result as QueryResult).ipc).toArray().map((x) => x.toJSON()); };
const init = await handler.handle({ id: id++, kind: 'init', payload: { manifestUrl: pathToFileURL(join(dir, 'manifest.json')).href } });
if (!init.ok) throw fromErrorData(init.error);
await q('SELECT count(*) FROM facts_wide', ['facts_wide']);
const show = async (when: string) => {
  console.log(`--- ${when}`);
  for (const r of await q("SELECT tag, round(memory_usage_bytes/1e6,1) AS mb FROM duckdb_memory() WHERE memory_usage_bytes > 0 ORDER BY 2 DESC")) console.log('  mem', r.tag, r.mb);
  for (const r of await q("SELECT table_name, estimated_size AS n, column_count FROM duckdb_tables() ORDER BY estimated_size DESC LIMIT 25")) console.log('  table', r.table_name, r.n, r.column_count);
  console.log('  rss', (process.memoryUsage().rss / 1e6).toFixed(0), 'MB');
};
await show('after init + facts_wide');
const memMb = async () => Number((await q("SELECT round(sum(memory_usage_bytes)/1e6,1) AS mb FROM duckdb_memory() WHERE tag = 'IN_MEMORY_TABLE'"))[0].mb);
let before = await memMb();
let tablesBefore = new Set((await q('SELECT table_name FROM duckdb_tables()')).map((r) => r.table_name as string));
for (const { view, label, query } of queries) {
  const r = await handler.handle({ id: id++, kind: 'query', payload: { sql: query.sql, params: query.params, tables: query.tables, provinces: query.provinces, years: query.years, preaggregated: query.preaggregated } });
  if (!r.ok) console.log('fail', fromErrorData(r.error).message);
  const after = await memMb();
  const tablesNow = (await q('SELECT table_name FROM duckdb_tables()')).map((x) => x.table_name as string);
  console.log(`  +${(after - before).toFixed(1)} MB  ${view} ${label.slice(0, 50)}  new: ${tablesNow.filter((t) => !tablesBefore.has(t)).join(', ')}`);
  before = after;
  tablesBefore = new Set(tablesNow);
}
await show('after every bench query once');
handler.close();
