import { createReadStream, existsSync, statSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The dataset the page loads: `data/build` unless GONGKAI_DATA points elsewhere (benchmarks do). */
const dataDir = resolve(root, process.env.GONGKAI_DATA ?? 'data/build');
/** Report ids are paths below this folder (`corpus/seeds/…`): the Report view links the source file. */
const sourcesDir = resolve(root, process.env.GONGKAI_SOURCES ?? 'data');

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.arrows': 'application/vnd.apache.arrow.stream',
  '.parquet': 'application/vnd.apache.parquet',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/plain; charset=utf-8',
  '.htm': 'text/plain; charset=utf-8',
};

/** Source reports are served as plain text: a report's HTML must never run in the app's origin. */
const pdfjsDir = resolve(root, 'node_modules/pdfjs-dist');
/** pdf.js's CMaps and standard fonts, for the Report view's PDF pane (never fetched from the network). */
const PDFJS_ASSETS = ['cmaps', 'standard_fonts'];
const MOUNTS = [
  { prefix: '/data/', dir: dataDir },
  { prefix: '/sources/', dir: sourcesDir },
  ...PDFJS_ASSETS.map((name) => ({ prefix: `/pdfjs/${name}/`, dir: resolve(pdfjsDir, name) })),
];

/**
 * Serves the dataset at ./data/ from its folder (dev and preview), and copies it into dist/data
 * on build so dist/ is a complete static site. Data never goes through public/ (STACK-NOTES).
 */
function datasetPlugin(): Plugin {
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0]);
    const mount = MOUNTS.find((m) => path.includes(m.prefix));
    if (!mount) return next();
    const file = resolve(mount.dir, path.slice(path.indexOf(mount.prefix) + mount.prefix.length));
    if (!file.startsWith(mount.dir + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
    const ext = file.slice(file.lastIndexOf('.')).toLowerCase();
    res.setHeader('Content-Type', CONTENT_TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Length', String(statSync(file).size));
    res.setHeader('Cache-Control', 'no-cache');
    createReadStream(file).pipe(res);
  };
  return {
    name: 'gongkai-dataset',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
    async writeBundle(options) {
      const dist = options.dir ?? resolve(root, 'dist');
      for (const name of PDFJS_ASSETS) await cp(resolve(pdfjsDir, name), resolve(dist, 'pdfjs', name), { recursive: true });
      if (!existsSync(resolve(dataDir, 'manifest.json'))) return;
      await mkdir(resolve(dist, 'data'), { recursive: true });
      // The Parquet copy is for other engines; the page reads the Arrow files only.
      await cp(dataDir, resolve(dist, 'data'), { recursive: true, filter: (from) => from !== resolve(dataDir, 'parquet') });
      const corpus = resolve(sourcesDir, 'corpus');
      if (existsSync(corpus)) await cp(corpus, resolve(dist, 'sources/corpus'), { recursive: true });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), datasetPlugin()],
  resolve: {
    alias: {
      // The package's "blocking" export has no browser target in 1.32.0 (STACK-NOTES).
      '@duckdb/duckdb-wasm/blocking': resolve(root, 'node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs'),
    },
  },
  worker: { format: 'es' },
  optimizeDeps: { include: ['react', 'react-dom/client', 'echarts/core', 'echarts/charts', 'echarts/components', 'echarts/renderers', 'apache-arrow', '@tanstack/react-query'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // DuckDB-WASM's emscripten glue uses direct eval; nothing to act on here.
      onwarn(warning, warn) {
        if (warning.code === 'EVAL' || warning.code === 'PLUGIN_TIMINGS') return;
        warn(warning);
      },
    },
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
