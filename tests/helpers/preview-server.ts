// Builds the app with Vite's JS API into a folder of our choosing (never the repo's dist/) and
// serves it with `vite preview`, the dataset coming from any folder. Used by the end-to-end tests
// and by bench/ui.ts.
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { REPO_ROOT } from './paths';

const CONFIG_FILE = resolve(REPO_ROOT, 'vite.config.ts');

/**
 * vite.config.ts reads GONGKAI_DATA / GONGKAI_SOURCES when it is loaded: set them around the load
 * only. NODE_ENV too: Vite keeps one already set, and Vitest sets it to `test`, which would build
 * React's development bundle (StrictMode's double effects, dev-only checks) instead of what
 * `npm run build` ships.
 */
async function withDatasetEnv<T>(dataDir: string, sourcesDir: string | undefined, run: () => Promise<T>): Promise<T> {
  const saved = { data: process.env.GONGKAI_DATA, sources: process.env.GONGKAI_SOURCES, mode: process.env.NODE_ENV };
  process.env.GONGKAI_DATA = dataDir;
  process.env.NODE_ENV = 'production';
  if (sourcesDir) process.env.GONGKAI_SOURCES = sourcesDir;
  try {
    return await run();
  } finally {
    restore('GONGKAI_DATA', saved.data);
    restore('GONGKAI_SOURCES', saved.sources);
    restore('NODE_ENV', saved.mode);
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/**
 * `vite build` of the repo into `outDir`, with `dataDir` copied into outDir/data as the config does;
 * `readable`: not minified, with source maps (a CPU profile names the source functions).
 */
export async function buildApp(outDir: string, dataDir: string, sourcesDir?: string, readable = false): Promise<void> {
  await withDatasetEnv(dataDir, sourcesDir, () =>
    build({
      configFile: CONFIG_FILE,
      root: REPO_ROOT,
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false, ...(readable ? { minify: false, sourcemap: true } : {}) },
    }),
  );
}

/** A TCP port nothing listens on right now (there is a small race; strictPort makes it fail loudly). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface Preview {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

/** `vite preview` of a build, its middleware serving ./data/* from `dataDir` (GONGKAI_DATA). */
export async function startPreview(outDir: string, dataDir: string, sourcesDir?: string): Promise<Preview> {
  const port = await freePort();
  const server: PreviewServer = await withDatasetEnv(dataDir, sourcesDir, () =>
    preview({
      configFile: CONFIG_FILE,
      root: REPO_ROOT,
      logLevel: 'error',
      build: { outDir },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    }),
  );
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => server.close(),
  };
}
