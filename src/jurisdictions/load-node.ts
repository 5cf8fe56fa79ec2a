// Node loader for data/gazetteer/ (the resolver itself is isomorphic: a browser builds the same
// Gazetteer from fetched text with the parse* functions of ./csv and adds a province's towns on
// demand with gazetteer.addTowns).
//
// With every province's towns (the default), the name index is read from data/gazetteer/index.txt
// (npm run gazetteer:index) when that file was built from exactly the CSV files read: deriving
// every name's variants again is most of the load time. A stale or missing index is rebuilt in
// memory, never trusted.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDivisionsCsv, parseLineageCsv, parseOverridesCsv } from './csv';
import { Gazetteer } from './gazetteer';
import type { GazetteerMeta } from './types';

export const GAZETTEER_DIR = join(import.meta.dirname, '../../data/gazetteer');
export const INDEX_FILE = 'index.txt';

export interface LoadOptions {
  dir?: string;
  /** Two-digit province codes whose towns to load; default all. [] loads none. */
  townProvinces?: string[];
  /** Read the prebuilt name index when it matches (default true). */
  prebuiltIndex?: boolean;
}

/** The first line of index.txt: the hash of the division files it indexes, in load order. */
export const indexHeader = (sourcesHash: string) => `# gongkai gazetteer name index v1 ${sourcesHash}`;

export function loadGazetteer(options: LoadOptions = {}): Gazetteer {
  const dir = options.dir ?? GAZETTEER_DIR;
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const meta = JSON.parse(read('meta.json')) as GazetteerMeta;
  const overridesPath = join(dir, 'overrides.csv');
  const available = readdirSync(join(dir, 'towns'))
    .filter((f) => /^\d{2}\.csv$/.test(f))
    .map((f) => f.slice(0, 2))
    .sort();
  const wanted = (options.townProvinces ?? available).filter((p) => available.includes(p));
  const divisionsText = read('divisions.csv');
  const townTexts = wanted.map((p) => [p, read(`towns/${p}.csv`)] as const);
  let prebuiltIndex: string | undefined;
  if (options.prebuiltIndex !== false && options.townProvinces === undefined && existsSync(join(dir, INDEX_FILE))) {
    const text = read(INDEX_FILE);
    const newline = text.indexOf('\n');
    if (text.slice(0, newline) === indexHeader(sourcesHash(divisionsText, townTexts))) prebuiltIndex = text.slice(newline + 1);
  }
  return new Gazetteer({
    meta,
    divisions: parseDivisionsCsv(divisionsText, 'divisions.csv'),
    lineage: parseLineageCsv(read('lineage.csv'), 'lineage.csv'),
    overrides: existsSync(overridesPath) ? parseOverridesCsv(readFileSync(overridesPath, 'utf8'), 'overrides.csv') : [],
    towns: townTexts.map(([p, text]) => [p, parseDivisionsCsv(text, `towns/${p}.csv`)] as [string, ReturnType<typeof parseDivisionsCsv>]),
    prebuiltIndex,
  });
}

/** SHA-256 of the division files in the order the rows are loaded (the index's row numbers depend on it). */
export function sourcesHash(divisionsText: string, townTexts: readonly (readonly [string, string])[]): string {
  const h = createHash('sha256').update(divisionsText);
  for (const [p, text] of townTexts) h.update(`\0${p}\0`).update(text);
  return h.digest('hex');
}
