// The main job: make sure the dataset and the web app are current, then serve the dashboard.
// `npm start` → ingest data/corpus if data/build is missing or older, build dist/ if the app
// changed, and serve it on http://127.0.0.1:$PORT (default 4173). Runs offline.
import { resolve } from 'node:path';
import { acquireWriterLock, recoverDebris } from '../src/ingest/dataset-swap';
import { runIngest } from '../src/ingest/run-ingest';
import { DATASET_CODE, distDir, ensureApp, REPO_ROOT, serveDashboard } from './dashboard-server';
import { datasetStaleReason } from './freshness';

const at = (path: string) => resolve(REPO_ROOT, path);

async function main(): Promise<void> {
  process.chdir(REPO_ROOT);
  const corpus = at('data/corpus');
  const buildDir = at('data/build');
  // What a killed ingest left (a staging folder, a missing link) is cleaned up or recovered first.
  const release = await acquireWriterLock(buildDir);
  try {
    for (const line of await recoverDebris(buildDir)) console.log(line);
  } finally {
    await release();
  }
  const datasetReason = datasetStaleReason(buildDir, [corpus, ...DATASET_CODE]);
  if (datasetReason) {
    console.log(`Ingesting data/corpus (${datasetReason}) …`);
    await runIngest([corpus], buildDir, { stdout: process.stdout, stderr: process.stderr });
  }
  const dist = distDir();
  await ensureApp(dist, console.log);
  const port = Number(process.env.PORT ?? 4173);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a port number, got ${JSON.stringify(process.env.PORT)}`);
  const host = process.env.HOST ?? '127.0.0.1';
  const { message } = await serveDashboard({ dist, data: buildDir, sources: at('data'), host, port });
  console.log(`\n${message}`);
}

main().catch((error: Error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});
