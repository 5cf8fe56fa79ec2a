import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';
import { duckdbGluePlugin } from './scripts/duckdb-glue';
import { precompressPlugin } from './scripts/precompress';
import { genericErrors, securityHeaders, serveMounts, servePrecompressed } from './scripts/server-middleware';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The dataset the page loads: `data/build` unless GONGKAI_DATA points elsewhere (benchmarks do). */
const dataDir = resolve(root, process.env.GONGKAI_DATA ?? 'data/build');
/**
 * Report ids are paths below this folder (`corpus/seeds/…`): the Report view links the source
 * file. GONGKAI_SOURCES='' serves none (a dataset whose reports live elsewhere: `gongkai serve`).
 */
const sourcesDir = process.env.GONGKAI_SOURCES === '' ? null : resolve(root, process.env.GONGKAI_SOURCES ?? 'data');
/** `gongkai open`: each input folder at sources/<its name>/, where its report ids point (JSON `{name: folder}`). */
const sourceRoots = Object.entries(JSON.parse(process.env.GONGKAI_SOURCE_ROOTS ?? '{}') as Record<string, string>);

/** Source reports are served as plain text: a report's HTML must never run in the app's origin. */
const pdfjsDir = resolve(root, 'node_modules/pdfjs-dist');
/** pdf.js's CMaps and standard fonts, for the Report view's PDF pane (never fetched from the network). */
const PDFJS_ASSETS = ['cmaps', 'standard_fonts'];
const MOUNTS = [
  { prefix: '/data/', dir: dataDir },
  ...sourceRoots.map(([name, dir]) => ({ prefix: `/sources/${name}/`, dir })),
  { prefix: '/sources/', dir: sourcesDir },
  ...PDFJS_ASSETS.map((name) => ({ prefix: `/pdfjs/${name}/`, dir: resolve(pdfjsDir, name) })),
];

/** Copies a file unless it is a symbolic link leading out of `dir` (say to /etc/passwd). */
const staysInside = (dir: string) => {
  const real = realpathSync(dir);
  return (from: string): boolean => {
    if (!lstatSync(from).isSymbolicLink()) return true;
    try {
      const target = realpathSync(from);
      return target === real || target.startsWith(real + sep);
    } catch {
      return false;
    }
  };
};

/**
 * Serves the dataset at ./data/ from its folder (dev and preview), and copies it into dist/data
 * on build so dist/ is a complete static site. Data never goes through public/ (STACK-NOTES).
 * Headers, 404s and error pages: scripts/server-middleware.ts.
 */
function datasetPlugin(): Plugin {
  const serve = serveMounts(MOUNTS) as Connect.NextHandleFunction;
  return {
    name: 'gongkai-dataset',
    configureServer: (server) => {
      // No CSP in dev: Vite's client and React refresh run inline scripts.
      server.middlewares.use(securityHeaders({ csp: false }) as Connect.NextHandleFunction);
      server.middlewares.use(serve);
    },
    configurePreviewServer: (server) => {
      server.middlewares.use(securityHeaders({ csp: true }) as Connect.NextHandleFunction);
      server.middlewares.use(serve);
      server.middlewares.use(servePrecompressed(resolve(server.config.root, server.config.build.outDir)) as Connect.NextHandleFunction);
      return () => void server.middlewares.use(genericErrors() as Connect.ErrorHandleFunction);
    },
    async writeBundle(options) {
      const dist = options.dir ?? resolve(root, 'dist');
      for (const name of PDFJS_ASSETS) await cp(resolve(pdfjsDir, name), resolve(dist, 'pdfjs', name), { recursive: true });
      if (!existsSync(resolve(dataDir, 'manifest.json'))) return;
      await mkdir(resolve(dist, 'data'), { recursive: true });
      // The dataset folder is a link to its current version: copy what it points to.
      const data = realpathSync(dataDir);
      // The Parquet copy is for other engines; the page reads the Arrow files only.
      await cp(data, resolve(dist, 'data'), { recursive: true, dereference: true, filter: (from) => from !== resolve(data, 'parquet') });
      const corpus = sourcesDir && resolve(sourcesDir, 'corpus');
      if (corpus && existsSync(corpus)) await cp(corpus, resolve(dist, 'sources/corpus'), { recursive: true, dereference: true, filter: staysInside(corpus) });
    },
  };
}

/** The module of the view a URL without `view` shows (DEFAULT_STATE.view). */
const DEFAULT_VIEW_MODULE = 'Overview';

/**
 * The entry imports the data client and the app (boot.tsx) dynamically, so it runs first and spawns
 * the data worker at once; listed as modulepreload in the page's head, their chunks are fetched and
 * parsed alongside the entry instead of after it has run. Of the views (each imported dynamically,
 * src/app/views/loaders.ts) only the default one, the overview, is listed: another view in the URL
 * has its chunks preloaded by the entry when it runs.
 */
function preloadEntryImportsPlugin(): Plugin {
  return {
    name: 'gongkai-preload-entry-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return;
        const chunks = new Map(Object.values(ctx.bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
        // The page's entry chunk (its facade is index.html, which holds main.tsx).
        const entry = [...chunks.values()].find((c) => c.isEntry && c.moduleIds.some((id) => id.endsWith('/src/app/main.tsx')));
        if (!entry) return;
        // The entry's static imports are preloaded by Vite already.
        const seen = new Set([entry.fileName, ...entry.imports]);
        const files: string[] = [];
        const visit = (fileName: string) => {
          if (seen.has(fileName)) return;
          seen.add(fileName);
          const chunk = chunks.get(fileName);
          if (!chunk) return;
          files.push(fileName);
          chunk.imports.forEach(visit);
        };
        const otherView = (fileName: string) => /\/src\/app\/views\/[A-Z]\w*\.tsx$/.test(chunks.get(fileName)?.facadeModuleId ?? '') && !chunks.get(fileName)!.facadeModuleId!.endsWith(`/src/app/views/${DEFAULT_VIEW_MODULE}.tsx`);
        entry.dynamicImports.filter((fileName) => !otherView(fileName)).forEach(visit);
        return files.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/** Unpacked sizes of DuckDB's wasm files: the loading bar's total when a host sends them compressed. */
const wasmBytes = (name: string) => statSync(resolve(root, `node_modules/@duckdb/duckdb-wasm/dist/duckdb-${name}.wasm`)).size;

export default defineConfig({
  base: './',
  define: { __DUCKDB_WASM_BYTES__: JSON.stringify({ eh: wasmBytes('eh'), mvp: wasmBytes('mvp') }) },
  plugins: [react(), datasetPlugin(), precompressPlugin(), preloadEntryImportsPlugin()],
  resolve: {
    // One apache-arrow in the data worker: DuckDB-WASM's own copy (17, nested in its package) uses
    // only Type, Table and RecordBatchReader, which 21 has alike; two copies were ~0.4 MB of its script.
    dedupe: ['apache-arrow'],
    alias: {
      // The package's "blocking" export has no browser target in 1.32.0 (STACK-NOTES).
      '@duckdb/duckdb-wasm/blocking': resolve(root, 'node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs'),
    },
  },
  // The data worker's bundle is built with these plugins, not the page's.
  worker: { format: 'es', plugins: () => [duckdbGluePlugin()] },
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
