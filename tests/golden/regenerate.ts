// npm run golden:update — rewrites tests/golden/expected/ from the current parser.
// Review the diff (git diff tests/golden/expected) before committing it.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { goldenCases, goldenOutput } from './cases';

let written = 0;
for (const c of goldenCases()) {
  mkdirSync(dirname(c.expectedPath), { recursive: true });
  writeFileSync(c.expectedPath, JSON.stringify(goldenOutput(c.path), null, 1) + '\n');
  rmSync(c.expectedPath.replace(/\.json$/, '.changed.json'), { force: true });
  written++;
}
console.log(`${written} golden files written`);
