// DuckDB-WASM's Emscripten glue, made to start faster in the browser (issue 17). DuckDB's wasm is
// a MAIN_MODULE (so it could load extensions): 75,011 exports (65,167 functions). Once instantiated,
// the glue's dynamic linker made a GOT entry (a WebAssembly.Global) for every export and gave every
// exported function a slot in the function table (table.grow one at a time), "for side modules to
// come" — most of the 2–3 s between "wasm compiled" and "runtime started" (npm run bench:startup-profile).
// A GOT entry nobody imports is never read: a side module's imports make their entries when it loads
// and take the exports' values from the merged symbols then (reportUndefinedSymbols). So the linker
// fills only the entries that exist (the main module's own 268 imports). The other two rewrites keep
// what the code does and drop its 75,011 [key, value] arrays and closures.
// Each pattern must match once per glue copy in the bundle (mvp and eh): an upgrade of duckdb-wasm
// that changes the glue fails the build here instead of shipping unpatched.
import type { Plugin } from 'vite';

/** The bundle the page's data worker imports (vite.config.ts aliases `@duckdb/duckdb-wasm/blocking` to it). */
export const DUCKDB_BROWSER_GLUE = /@duckdb\/duckdb-wasm\/dist\/duckdb-browser-blocking\.mjs$/;

/** DuckDB-WASM 1.32.0's glue: two copies in each bundle (mvp and eh). */
const GLUE_COPIES = 2;

const REWRITES: { what: string; from: string; to: string }[] = [
  {
    what: 'updateGOT fills the GOT entries that exist and makes no new ones',
    from: 'GOT[t]||(GOT[t]=new WebAssembly.Global({value:"i32",mutable:!0})),(r||GOT[t].value==0)&&',
    to: 'GOT[t]&&(r||GOT[t].value==0)&&',
  },
  {
    what: 'registerDynCallSymbols walks the keys',
    from: 'registerDynCallSymbols=e=>{for(var[r,t]of Object.entries(e))r.startsWith("dynCall_")&&!Module.hasOwnProperty(r)&&(Module[r]=t)}',
    to: 'registerDynCallSymbols=e=>{for(var r in e)r.startsWith("dynCall_")&&!Module.hasOwnProperty(r)&&(Module[r]=e[r])}',
  },
  {
    what: 'mergeLibSymbols walks the keys',
    from: 'for(var[t,n]of Object.entries(e))(o=>{isSymbolDefined(o)||(wasmImports[o]=n)})(t)}',
    to: 'for(var t in e)isSymbolDefined(t)||(wasmImports[t]=e[t])}',
  },
];

/** The glue with the rewrites above; throws when a pattern is not there exactly once per copy. */
export function patchDuckDBGlue(code: string, copies = GLUE_COPIES): string {
  let out = code;
  for (const { what, from, to } of REWRITES) {
    const found = out.split(from).length - 1;
    if (found !== copies) throw new Error(`duckdb-glue: "${what}" matched ${found} times, expected ${copies} (has @duckdb/duckdb-wasm changed?)`);
    out = out.split(from).join(to);
  }
  return out;
}

/** Applies patchDuckDBGlue to DuckDB-WASM's browser bundle (the data worker's build). */
export function duckdbGluePlugin(): Plugin {
  return {
    name: 'gongkai-duckdb-glue',
    transform(code, id) {
      if (!DUCKDB_BROWSER_GLUE.test(id.split('?')[0])) return null;
      return { code: patchDuckDBGlue(code), map: null };
    },
  };
}
