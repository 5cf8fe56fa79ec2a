// `gongkai serve DIR` and `gongkai open <files>…`: the dashboard over a dataset other than data/build.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { DATASET_CODE, distDir, ensureApp, REPO_ROOT, serveDashboard } from '../../scripts/dashboard-server';
import { writeOut, type Io } from '../ingest/output';
import { RunError } from '../ingest/run-error';
import { runIngest } from '../ingest/run-ingest';
import { assertDataset, datasetProblem } from './dataset-dir';
import { cacheRoot, openCacheKey, parserVersion } from './open-cache';

export interface Address {
  host: string;
  port: number;
}

/**
 * Serves the dataset in `dir` (validated first), and the source reports of `sourceRoots` when
 * given; resolves once listening. The process then runs until stopped.
 */
export async function runServe(dir: string, address: Address, io: Io, sourceRoots: Record<string, string> = {}): Promise<void> {
  const data = resolve(dir);
  await assertDataset(data);
  const dist = distDir();
  await ensureApp(dist, (line) => io.stderr.write(`${line}\n`));
  const { message } = await serveDashboard({ dist, data, sources: null, sourceRoots, ...address, hostSetting: `--host ${address.host}` }).catch((error: Error) => {
    if (/already in use/.test(error.message)) throw new RunError(`port ${address.port} is in use on ${address.host}: pick another with --port`);
    throw error;
  });
  await writeOut(io.stdout, `Dataset: ${data}\n${message}\n`);
}

/** Ingests `inputs` into the cache (unless the same reports were already ingested by this parser) and serves them. */
export async function runOpen(inputs: readonly string[], address: Address, io: Io): Promise<void> {
  const key = await openCacheKey(inputs, await parserVersion(DATASET_CODE, REPO_ROOT));
  const data = join(cacheRoot(), 'datasets', key);
  if (existsSync(data) && (await datasetProblem(data)) === null) {
    await writeOut(io.stderr, `gongkai: these reports were ingested before; using ${data}\n`);
  } else {
    await writeOut(io.stderr, `gongkai: ingesting into ${data}\n`);
    await runIngest(inputs, data, io);
  }
  await runServe(data, address, io, await sourceRootsOf(inputs));
}

/**
 * Report ids start with their input's name (src/ingest/walk.ts): each input folder is served
 * under that name, the first of a name only (a later one's ids carry `#2`). A file given by
 * itself has no folder to serve from: its source link is a 404.
 */
async function sourceRootsOf(inputs: readonly string[]): Promise<Record<string, string>> {
  const roots: Record<string, string> = {};
  for (const input of inputs) {
    const name = basename(resolve(input)) || 'root';
    if (!(name in roots) && (await stat(input).then((info) => info.isDirectory(), () => false))) roots[name] = resolve(input);
  }
  return roots;
}
