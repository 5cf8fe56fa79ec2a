// What `npm start`, `gongkai serve` and `gongkai open` share: build the web app when its sources
// changed, then serve it with vite preview (vite.config.ts: security headers, the dataset at
// ./data/ from any folder, source reports at ./sources/) on one address.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import { appStaleReason } from './freshness';
import { startMessage } from './start-message';

export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const at = (path: string) => resolve(REPO_ROOT, path);

/**
 * The code a dataset depends on: a change here means the dataset must be ingested again (src/db:
 * the handler, engine and SQL that build the stored answers, src/ingest/stored-answers.ts).
 */
export const DATASET_CODE = ['data/gazetteer', 'src/parse', 'src/ingest', 'src/shared', 'src/jurisdictions', 'src/db'].map(at);
const APP_SOURCES = ['src', 'workers', 'public', 'index.html', 'vite.config.ts', 'scripts/precompress.ts', 'package-lock.json'].map(at);

/** The built app: dist/, or GONGKAI_DIST (tests serve a stand-in). */
export const distDir = (): string => resolve(REPO_ROOT, process.env.GONGKAI_DIST ?? 'dist');

/** Builds the app into `dist` when it is missing or older than its sources. */
export async function ensureApp(dist: string, log: (line: string) => void): Promise<void> {
  const reason = appStaleReason(dist, APP_SOURCES);
  if (!reason) return;
  log(`Building the web app (${reason}) …`);
  await build({ root: REPO_ROOT, logLevel: 'warn', build: { outDir: dist } });
}

export interface ServeOptions {
  dist: string;
  /** The dataset folder served at ./data/. */
  data: string;
  /** The folder report ids are paths below, served at ./sources/; null serves none. */
  sources: string | null;
  /** Folders served at ./sources/<name>/ (the inputs of `gongkai open`, whose report ids start with their name). */
  sourceRoots?: Record<string, string>;
  host: string;
  port: number;
  /** How the host was chosen, for the warning when it is not loopback (`HOST=…` or `--host …`). */
  hostSetting?: string;
}

/** Serves the app and the dataset; resolves once listening, with the message to print. */
export async function serveDashboard(options: ServeOptions): Promise<{ server: PreviewServer; message: string }> {
  // vite.config.ts reads these when preview loads it.
  process.env.GONGKAI_DATA = options.data;
  process.env.GONGKAI_SOURCES = options.sources ?? '';
  process.env.GONGKAI_SOURCE_ROOTS = JSON.stringify(options.sourceRoots ?? {});
  const { host, port } = options;
  const server = await preview({ root: REPO_ROOT, logLevel: 'warn', build: { outDir: options.dist }, preview: { port, host, strictPort: true, open: false } });
  return { server, message: startMessage(host, port, server.resolvedUrls?.local ?? [], server.resolvedUrls?.network ?? [], options.hostSetting) };
}
