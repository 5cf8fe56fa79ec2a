// Node loader for data/gazetteer/ (the resolver itself is isomorphic: a browser builds the same
// Gazetteer from fetched text with the parse* functions of ./csv and adds a province's towns on
// demand with gazetteer.addTowns).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDivisionsCsv, parseLineageCsv, parseOverridesCsv } from './csv';
import { Gazetteer } from './gazetteer';
import type { GazetteerMeta } from './types';

export const GAZETTEER_DIR = join(import.meta.dirname, '../../data/gazetteer');

export interface LoadOptions {
  dir?: string;
  /** Two-digit province codes whose towns to load; default all. [] loads none. */
  townProvinces?: string[];
}

export function loadGazetteer(options: LoadOptions = {}): Gazetteer {
  const dir = options.dir ?? GAZETTEER_DIR;
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const meta = JSON.parse(read('meta.json')) as GazetteerMeta;
  const overridesPath = join(dir, 'overrides.csv');
  const available = readdirSync(join(dir, 'towns'))
    .filter((f) => /^\d{2}\.csv$/.test(f))
    .map((f) => f.slice(0, 2))
    .sort();
  const wanted = options.townProvinces ?? available;
  return new Gazetteer({
    meta,
    divisions: parseDivisionsCsv(read('divisions.csv'), 'divisions.csv'),
    lineage: parseLineageCsv(read('lineage.csv'), 'lineage.csv'),
    overrides: existsSync(overridesPath) ? parseOverridesCsv(readFileSync(overridesPath, 'utf8'), 'overrides.csv') : [],
    towns: wanted.filter((p) => available.includes(p)).map((p) => [p, parseDivisionsCsv(read(`towns/${p}.csv`), `towns/${p}.csv`)] as [string, ReturnType<typeof parseDivisionsCsv>]),
  });
}
