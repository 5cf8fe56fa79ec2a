import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { encodeGbk } from './gbk';
import { requireSeeds } from './paths';

export interface IngestFixture {
  /** The folder to hand to the CLI. */
  dir: string;
  /** Report ids every ingest of `dir` must produce, sorted. */
  ids: string[];
  cleanup(): void;
}

export function makeTempDir(prefix = 'gongkai-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A temp folder whose `reports/` holds copies of these seed reports (ingested, their ids are reports/<name>). */
export function seedFolder(names: readonly string[]): string {
  const root = makeTempDir();
  mkdirSync(join(root, 'reports'));
  for (const name of names) copyFileSync(join(requireSeeds(), name), join(root, 'reports', name));
  return root;
}

/**
 * Two real seed reports, one of them re-encoded as GBK, plus an empty file, a binary file and the
 * kinds of files the walker must skip (truth/, manifest.csv, *.json).
 */
export function makeIngestFixture(): IngestFixture {
  const seeds = requireSeeds();
  const seedFiles = readdirSync(seeds).filter((name) => name.endsWith('.txt')).sort().slice(0, 2);
  if (seedFiles.length < 2) throw new Error(`need two .txt seeds in ${seeds}`);

  const dir = join(makeTempDir(), 'reports');
  mkdirSync(join(dir, 'nested'), { recursive: true });
  mkdirSync(join(dir, 'truth'));
  for (const name of seedFiles) copyFileSync(join(seeds, name), join(dir, name));
  // NBSP has no GBK code; GBK reports print a plain space there.
  const gbkText = readFileSync(join(seeds, seedFiles[0]), 'utf8').replace(/\ufeff/g, '').replace(/\u00a0/g, ' ');
  writeFileSync(join(dir, 'nested', 'gbk-report.txt'), encodeGbk(gbkText));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.bin'), new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)));
  writeFileSync(join(dir, 'truth', 'skipped.txt'), 'not a report');
  writeFileSync(join(dir, 'manifest.csv'), 'id\n');
  writeFileSync(join(dir, 'skipped.json'), '{}');

  const root = basename(dir);
  const ids = [...seedFiles, 'nested/gbk-report.txt', 'empty.txt', 'binary.bin'].map((name) => `${root}/${name}`).sort();
  return { dir, ids, cleanup: () => rmSync(dirname(dir), { recursive: true, force: true }) };
}
