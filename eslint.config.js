import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const restrict = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

const DUCKDB = { group: ['@duckdb/duckdb-wasm', '@duckdb/duckdb-wasm/*'], message: 'Only src/db/engine-*.ts imports DuckDB-WASM.' };
const ECHARTS = { group: ['echarts', 'echarts/*'], message: 'Only src/charts/ imports echarts.' };
const NODE = { group: ['node:*'], message: 'This folder runs in the browser too: no Node built-ins.' };
const folder = (name, message) => ({ group: [`**/${name}`, `**/${name}/*`, `**/${name}/**`], message });

// The dataset builder of ingest (rows, rollups, bodies, copied reports, summary): isomorphic, so the
// page builds the user's imported layer with the very same code (src/app/user, workers/import.worker.ts).
const SHARED_INGEST = ['arrow-tables', 'chunk-store', 'columns', 'harmonised', 'rollups', 'bodies', 'dataset-summary', 'failed-report', 'dataset-files', 'input-names', 'similar/*'];
const SHARED_INGEST_FILES = SHARED_INGEST.map((f) => `src/ingest/${f}.ts`);
const ingestExcept = {
  regex: `(^|/)ingest(/(?!(${SHARED_INGEST.map((f) => f.replace('/*', '/[^/]+')).join('|')})$).*)?$`,
  message: 'Only the isomorphic dataset builder of src/ingest may be imported here.',
};

// The import rules of ../shared/DESIGN.md: shared imports nothing of ours; parse only shared;
// ingest and app never import each other; one engine adapter; one charting folder.
// Each file gets exactly one list (a later matching config would replace, not extend, the rule).
export default defineConfig(
  { ignores: ['node_modules/', 'data/', 'dist/', 'tmp/'] },
  tseslint.configs.recommended,
  restrict(['src/shared/**'], [NODE, folder('parse'), folder('ingest'), folder('db'), folder('app'), folder('charts'), DUCKDB, ECHARTS]),
  restrict(['src/parse/**'], [NODE, folder('ingest'), folder('db'), folder('app'), folder('charts'), DUCKDB, ECHARTS]),
  restrict(['src/jurisdictions/**'], [NODE, folder('ingest'), folder('db'), folder('app'), folder('charts'), DUCKDB, ECHARTS], ['src/jurisdictions/load-node.ts']),
  restrict(['src/jurisdictions/load-node.ts'], [folder('ingest'), folder('db'), folder('app'), folder('charts'), DUCKDB, ECHARTS]),
  restrict(['src/ingest/**'], [folder('app'), folder('charts'), folder('db'), DUCKDB, ECHARTS], [...SHARED_INGEST_FILES, 'src/ingest/stored-answers.ts']),
  // the stored answers are the page's own pre-aggregates, built at ingest by its handler and engine (in Node)
  restrict(['src/ingest/stored-answers.ts'], [folder('app'), folder('charts'), DUCKDB, ECHARTS]),
  restrict(SHARED_INGEST_FILES, [NODE, folder('app'), folder('charts'), folder('db'), DUCKDB, ECHARTS]),
  // the synthetic report generator (Node): gazetteer, metric catalogue; never the app, the data layer or the CLI
  restrict(['src/generate/**'], [folder('app'), folder('charts'), folder('db'), folder('ingest'), DUCKDB, ECHARTS]),
  restrict(['src/db/**'], [NODE, folder('ingest'), folder('app'), folder('charts'), DUCKDB, ECHARTS], ['src/db/engine-*.ts']),
  restrict(['src/db/engine-*.ts'], [NODE, folder('ingest'), folder('app'), folder('charts'), ECHARTS], ['src/db/engine-node.ts']),
  restrict(['src/db/engine-node.ts'], [folder('ingest'), folder('app'), folder('charts'), ECHARTS]),
  restrict(['src/charts/**'], [NODE, folder('ingest'), folder('db'), folder('app'), DUCKDB]),
  restrict(['src/app/**'], [NODE, folder('ingest'), DUCKDB, ECHARTS], ['src/app/user/**']),
  restrict(['src/app/user/**'], [NODE, ingestExcept, DUCKDB, ECHARTS]),
  restrict(['workers/**'], [NODE, folder('ingest'), folder('app'), DUCKDB, ECHARTS], ['workers/import-worker-body.ts', 'workers/import-protocol.ts']),
  restrict(['workers/import-worker-body.ts', 'workers/import-protocol.ts'], [NODE, ingestExcept, DUCKDB, ECHARTS]),
  // React's rules of hooks. exhaustive-deps warns: several views key their memos on the state they
  // read on purpose (the options depend on a query's data, not on every value used to draw them).
  {
    files: ['src/app/**/*.tsx', 'src/app/**/*.ts', 'src/charts/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
