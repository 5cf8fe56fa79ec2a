// npx tsx bench/parse-hostile.ts
// Parse time of hostile inputs (issue 12 item 1): a 5 MB single line, long digit runs in a
// sentence and glued after a table row label. Each input is also timed at half size: a ratio
// near 2 means the time grows linearly. Goal: every input well under 2 s.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../src/parse';

const seed = readFileSync(join(import.meta.dirname, '../data/corpus/seeds/2019-liaoning-fuxin-city.txt'), 'utf8');
const glued = readFileSync(join(import.meta.dirname, '../../shared/corpus/complete/2024-fujian-pingtan-transport-construction-bureau-department.txt'), 'utf8');
const mid = Math.floor(seed.length / 2);
const oneLine = (text: string, chars: number) => text.replace(/\n/g, ' ').repeat(Math.ceil(chars / text.length)).slice(0, chars);

const CASES: [string, (size: number) => string, number][] = [
  ['single line of table reports (5 MB)', (n) => oneLine(seed, n), 5_000_000],
  ['single line of glued-table reports (5 MB)', (n) => oneLine(glued, n), 5_000_000],
  ['short lines without a table (5 MB, 500,000 lines)', (n) => seed.slice(0, 400) + '一二三四五六七八九\n'.repeat(n / 10), 5_000_000],
  ['digit run in a sentence (40,000)', (n) => seed.slice(0, mid) + '1'.repeat(n) + seed.slice(mid), 40_000],
  ['digit run in a sentence (200,000)', (n) => seed.slice(0, mid) + '1'.repeat(n) + seed.slice(mid), 200_000],
  ['digit run after a glued row label (200,000)', (n) => glued.replace('规章000', '规章' + '0'.repeat(n)), 200_000],
  ['spaced digits after a row label (200,000)', (n) => glued.replace('规章000', '规章' + '1 '.repeat(n / 2)), 200_000],
];

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(text: string): number {
  const runs: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    parseReport(text);
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

parseReport(seed); // warm up
console.log('input'.padEnd(48), 'chars'.padStart(10), '  ms (median of 3)', '  half-size ms', '  ratio');
for (const [name, make, size] of CASES) {
  const full = make(size);
  const ms = time(full);
  const half = time(make(size / 2));
  console.log(name.padEnd(48), String(full.length).padStart(10), ms.toFixed(0).padStart(10), half.toFixed(0).padStart(16), (ms / half).toFixed(2).padStart(8));
}
