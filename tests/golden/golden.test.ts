// One case per shipped corpus report: the parse must equal the checked-in expectation.
// A failing case writes <name>.changed.json beside the expected file for a side-by-side diff;
// `npm run golden:update` accepts the new output.
import { rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenCases, goldenOutput, readExpected } from './cases';

const cases = goldenCases();

describe('golden corpus', () => {
  it('has the shipped corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(130);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const actual = goldenOutput(c.path);
    const expected = readExpected(c);
    const changedPath = c.expectedPath.replace(/\.json$/, '.changed.json');
    const same = JSON.stringify(actual) === JSON.stringify(expected);
    if (same) rmSync(changedPath, { force: true });
    else writeFileSync(changedPath, JSON.stringify(actual, null, 1) + '\n');
    expect(actual).toEqual(expected);
  });
});
