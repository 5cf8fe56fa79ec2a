// Browser-only: the wasm files as local assets served by Vite (never a CDN: the app runs offline).
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import type { WasmBundles } from './engine-duckdb';

export const BROWSER_BUNDLES: WasmBundles = { eh: ehWasm, mvp: mvpWasm, bytes: __DUCKDB_WASM_BYTES__ };
