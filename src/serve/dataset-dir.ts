import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateManifest } from '../shared/manifest';
import { UsageError } from '../ingest/usage-error';

/** Why `dir` is not a dataset this version can serve, or null when its manifest is valid. */
export async function datasetProblem(dir: string): Promise<string | null> {
  const path = join(dir, 'manifest.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return `${dir} is not a dataset: it has no manifest.json (write one with \`gongkai ingest <files> --out ${dir}\`)`;
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return `${path} is not valid JSON`;
  }
  const errors = validateManifest(manifest);
  return errors.length === 0 ? null : `${dir} is not a dataset this version can serve (ingest it again):\n  ${errors.join('\n  ')}`;
}

export async function assertDataset(dir: string): Promise<void> {
  const problem = await datasetProblem(dir);
  if (problem) throw new UsageError(problem);
}
