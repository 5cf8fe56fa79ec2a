// `gongkai open`: the dataset of a set of reports, kept in a cache folder named by what it was
// made from, so opening the same reports again with the same parser serves it without ingesting.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { SCHEMA_VERSION } from '../shared/manifest';
import { collectInputFiles } from '../ingest/walk';

/** $XDG_CACHE_HOME/gongkai, else ~/.cache/gongkai. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'gongkai');
}

function hashFile(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('error', fail)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => done(hash.digest('hex')));
  });
}

async function listFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info) return [];
  if (!info.isDirectory()) return [path];
  const entries = (await readdir(path)).sort();
  return (await Promise.all(entries.map((name) => listFiles(join(path, name))))).flat();
}

/** The parser's version: a hash of the code and data a dataset depends on, and the schema it writes. */
export async function parserVersion(codeDirs: readonly string[], root: string): Promise<string> {
  const hash = createHash('sha256').update(`schema ${SCHEMA_VERSION}\n`);
  for (const dir of codeDirs) {
    for (const file of await listFiles(dir)) hash.update(`${relative(root, file)}\0`).update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * The cache key of `inputs`: sha256 over the parser version and, sorted by report id (the input's
 * name, then the path below it), each file's id and content hash. A file that cannot be read
 * enters with its error, as the ingest would record it.
 */
export async function openCacheKey(inputs: readonly string[], parser: string): Promise<string> {
  const files = (await collectInputFiles(inputs)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const hash = createHash('sha256').update(`parser ${parser}\n`);
  for (const file of files) {
    const content = file.error ? `error ${file.error}` : await hashFile(resolve(file.path)).catch((error: Error) => `error ${error.message}`);
    hash.update(`${file.id}\0${content}\n`);
  }
  return hash.digest('hex');
}
