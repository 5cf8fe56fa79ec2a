// Once per run of the e2e project: ingest the shipped corpus into a temp folder, `vite build` the
// app into another temp folder (the repo's dist/ is never touched) and serve it with `vite
// preview` on a free port, the dataset coming from the temp folder (GONGKAI_DATA). The test files
// read the URL and the dataset folder with inject('gongkaiE2e').
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeTempDir } from '../helpers/ingest-fixture';
import { buildApp, startPreview } from '../helpers/preview-server';
import { ingestShippedCorpus } from '../helpers/shipped-dataset';

export interface E2eContext {
  /** http://127.0.0.1:PORT/ */
  baseUrl: string;
  /** The dataset the server serves (manifest.json, *.parquet…). */
  dataDir: string;
  /** The built app, for tests that serve it over another dataset. */
  distDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    gongkaiE2e: E2eContext;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { dir: dataDir } = await ingestShippedCorpus();
  const outDir = join(makeTempDir('gongkai-e2e-dist-'), 'dist');
  await buildApp(outDir, dataDir);
  const server = await startPreview(outDir, dataDir);
  project.provide('gongkaiE2e', { baseUrl: server.url, dataDir, distDir: outDir });
  return async () => {
    await server.close();
    rmSync(dirname(outDir), { recursive: true, force: true });
    rmSync(dirname(dataDir), { recursive: true, force: true });
  };
}
