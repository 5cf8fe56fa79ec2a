// The golden cases: every report shipped in data/corpus (a copy of ../shared/corpus) and
// the parser output expected for it, checked in under tests/golden/expected/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseReport, type ParsedReport } from '../../src/parse';

export const REPO = join(import.meta.dirname, '../..');
export const CORPUS = join(REPO, 'data/corpus');
export const EXPECTED = join(import.meta.dirname, 'expected');

export interface GoldenCase {
  /** e.g. seeds/2019-liaoning-fuxin-city.txt */
  name: string;
  path: string;
  expectedPath: string;
}

export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const folder of readdirSync(CORPUS).sort()) {
    const dir = join(CORPUS, folder);
    for (const file of readdirSync(dir).sort()) {
      if (!/\.(txt|html?)$/.test(file)) continue;
      const path = join(dir, file);
      cases.push({ name: relative(CORPUS, path), path, expectedPath: join(EXPECTED, folder, file.replace(/\.[^.]+$/, '.json')) });
    }
  }
  return cases;
}

/** What a golden file holds: the parse without the (large, unchanged) text. */
export function goldenOutput(path: string): Omit<ParsedReport, 'text'> {
  const { text: _text, ...rest } = parseReport(readFileSync(path), { fileName: path });
  void _text;
  return rest;
}

export const readExpected = (c: GoldenCase): unknown => (existsSync(c.expectedPath) ? JSON.parse(readFileSync(c.expectedPath, 'utf8')) : null);
