// The main job: make sure the dataset and the web app are current, then serve the dashboard.
// `npm start` → ingest data/corpus if data/build is missing or older, build dist/ if the app
// changed, and serve it on http://127.0.0.1:$PORT (default 4173). Runs offline.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { acquireWriterLock, recoverDebris } from '../src/ingest/dataset-swap';
import { runIngest } from '../src/ingest/run-ingest';
import { appStaleReason, datasetStaleReason } from './freshness';
import { startMessage } from './start-message';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const at = (path: string) => resolve(root, path);

async function main(): Promise<void> {
  process.chdir(root);
  const corpus = at('data/corpus');
  const buildDir = at('data/build');
  // What a killed ingest left (a staging folder, a missing link) is cleaned up or recovered first.
  const release = await acquireWriterLock(buildDir);
  try {
    for (const line of await recoverDebris(buildDir)) console.log(line);
  } finally {
    await release();
  }
  const datasetReason = datasetStaleReason(buildDir, [corpus, at('data/gazetteer'), at('src/parse'), at('src/ingest'), at('src/shared'), at('src/jurisdictions')]);
  if (datasetReason) {
    console.log(`Ingesting data/corpus (${datasetReason}) …`);
    await runIngest([corpus], buildDir, { stdout: process.stdout, stderr: process.stderr });
  }
  const appReason = appStaleReason(at('dist'), ['src', 'workers', 'public', 'index.html', 'vite.config.ts', 'scripts/precompress.ts', 'package-lock.json'].map(at));
  if (appReason) {
    console.log(`Building the web app (${appReason}) …`);
    await build({ root, logLevel: 'warn' });
  }
  const port = Number(process.env.PORT ?? 4173);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a port number, got ${JSON.stringify(process.env.PORT)}`);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = await preview({ root, logLevel: 'warn', preview: { port, host, strictPort: true, open: false } });
  console.log(`\n${startMessage(host, port, server.resolvedUrls?.local ?? [], server.resolvedUrls?.network ?? [])}`);
}

main().catch((error: Error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});
