// scripts/duckdb-glue.ts against the installed DuckDB-WASM: its patterns are in the browser bundle
// (both glue copies), and the same rewrite of the Node bundle's glue (the same Emscripten code)
// starts a real DuckDB that answers, its function table without a slot per exported function.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchDuckDBGlue } from '../../../scripts/duckdb-glue';

const require = createRequire(import.meta.url);
const DIST = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
const BROWSER_GLUE = join(DIST, 'duckdb-browser-blocking.mjs');
const NODE_GLUE = join(DIST, 'duckdb-node-blocking.cjs');
const WASM = { mvp: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'), eh: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm') };

interface Bindings {
  instantiateWasm(imports: WebAssembly.Imports, done: unknown): unknown;
  instantiate(progress: () => void): Promise<unknown>;
  open(config: object): void;
  connect(): { query(sql: string): { toArray(): { toJSON(): Record<string, unknown> }[] } };
  reset(): void;
}

/** Loads the Node glue (as shipped or rewritten), starts DuckDB, runs a query; the table's size. */
async function start(code: string): Promise<{ table: number; answer: Record<string, unknown> }> {
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', '__filename', '__dirname', code)(module, module.exports, createRequire(NODE_GLUE), NODE_GLUE, DIST);
  const duckdb = module.exports as { createDuckDB(bundles: object, logger: unknown, runtime: unknown): Promise<Bindings>; VoidLogger: new () => unknown; NODE_RUNTIME: unknown };
  const db = await duckdb.createDuckDB({ mvp: { mainModule: WASM.mvp, mainWorker: '' }, eh: { mainModule: WASM.eh, mainWorker: '' } }, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  let table: WebAssembly.Table | undefined;
  const own = db.instantiateWasm.bind(db);
  db.instantiateWasm = (imports, done) => {
    table = (imports.env as { __indirect_function_table?: WebAssembly.Table }).__indirect_function_table;
    return own(imports, done);
  };
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = db.connect();
  conn.query('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;');
  const answer = conn.query("SELECT sum(x) AS s, string_agg(x::VARCHAR, ',' ORDER BY x) FILTER (x < 3) AS first, try_cast('x' AS INTEGER) AS bad FROM range(1000) t(x)").toArray()[0].toJSON();
  db.reset();
  return { table: table?.length ?? NaN, answer };
}

describe('DuckDB-WASM glue rewrite (scripts/duckdb-glue.ts)', () => {
  it('finds each pattern once per glue copy in the browser bundle, and refuses a glue without them', () => {
    const code = readFileSync(BROWSER_GLUE, 'utf8');
    const patched = patchDuckDBGlue(code);
    expect(patched).not.toContain('GOT[t]||(GOT[t]=new WebAssembly.Global');
    expect(patched.match(/GOT\[t\]&&\(r\|\|GOT\[t\]\.value==0\)/g)).toHaveLength(2);
    expect(() => patchDuckDBGlue('var updateGOT=(e,r)=>{}')).toThrow(/has @duckdb\/duckdb-wasm changed/);
    // Applied twice, the patterns are gone: it refuses rather than ship a half-known glue.
    expect(() => patchDuckDBGlue(patched)).toThrow(/matched 0 times/);
  });

  it('starts a DuckDB that answers the same, without a function-table slot per exported function', async () => {
    const code = readFileSync(NODE_GLUE, 'utf8');
    const shipped = await start(code);
    const patched = await start(patchDuckDBGlue(code));
    expect(patched.answer).toEqual({ s: 499500, first: '0,1,2', bad: null });
    expect(patched.answer).toEqual(shipped.answer);
    // 65,167 exported functions: the shipped linker gave each a slot (63,436 here); without it ~25 k.
    expect(shipped.table).toBeGreaterThan(60_000);
    expect(patched.table).toBeLessThan(30_000);
  }, 180_000);
});
