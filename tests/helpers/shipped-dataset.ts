import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runIngest } from '../../src/ingest/run-ingest';
import { collectOutput } from './collect-output';
import { makeTempDir } from './ingest-fixture';
import { REPO_ROOT } from './paths';

export const SHIPPED_CORPUS = resolve(REPO_ROOT, 'data/corpus');

/**
 * Ingests the shipped corpus into a fresh temp folder; returns the folder and its manifest URL.
 * `storedAnswers: false` (`--no-stored-answers`) for a test that neither tests the stored answers
 * nor the page's use of them: they cost about half of the ingest's CPU.
 */
export async function ingestShippedCorpus(options: { storedAnswers?: boolean } = {}): Promise<{ dir: string; manifestUrl: string }> {
  if (!existsSync(SHIPPED_CORPUS)) throw new Error(`shipped corpus missing at ${SHIPPED_CORPUS}`);
  const dir = join(makeTempDir('gongkai-db-'), 'build');
  const io = collectOutput();
  await runIngest([SHIPPED_CORPUS], dir, io, { storedAnswers: options.storedAnswers });
  return { dir, manifestUrl: pathToFileURL(join(dir, 'manifest.json')).href };
}
