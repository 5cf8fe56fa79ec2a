import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = resolve(REPO_ROOT, 'bin/gongkai.mjs');

/** The shared corpus sits beside the repository, on developer machines and in CI alike. */
export const SEEDS_DIR = resolve(REPO_ROOT, '../shared/corpus/seeds');

export function requireSeeds(): string {
  if (!existsSync(SEEDS_DIR)) throw new Error(`seed corpus not found at ${SEEDS_DIR}`);
  return SEEDS_DIR;
}
