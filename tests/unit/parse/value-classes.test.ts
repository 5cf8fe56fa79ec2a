// Every Value shares one V8 hidden class, or that class with a flag added (split, inferred). A
// Value copied with a spread and one field more ({ ...v, split: true }) got a class of its own,
// made again once the previous copy was collected: every function reading values (runChecks,
// deriveSubtotals) met a new class each time and was thrown away and compiled again (6 and 3
// compiles in a 2,000-file CLI run). V8's own view of the objects, through its test intrinsic
// %HaveSameMap, enabled at run time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/parse';
import type { Value } from '../../../src/parse/types';
import { makeValue } from '../../../src/parse/value';
import { CORPUS_ROOT } from '../../helpers/mutations';

setFlagsFromString('--allow-natives-syntax');
const sameClass = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/** The one Value class with `flag` added, as setting it on a made Value gives. */
function flagged(flag: 'split' | 'inferred'): Value {
  const v = makeValue('x', 1, false, false, 0, 1, 'table');
  v[flag] = true;
  return v;
}

const valuesOf = (file: string) => parseReport(readFileSync(join(CORPUS_ROOT, file), 'utf8')).values;

describe('Value hidden classes', () => {
  it('a value inferred from another figure (共受理申请2件,均已答复) has the class of every inferred value', () => {
    const inferred = valuesOf('seeds/2017-liaoning-yingkou-zhanqian-county.txt').filter((v) => v.inferred);
    expect(inferred.map((v) => v.metric)).toEqual(['r.handled.total']);
    for (const v of inferred) expect(sameClass(v, flagged('inferred')), v.metric).toBe(true);
  });

  it('a glued table cell proven in every split has the class of every split value', () => {
    const split = valuesOf('complete/2019-fujian-pingtan-public-security-bureau-department.txt').filter((v) => v.split);
    expect(split.length).toBeGreaterThan(0);
    for (const v of split) expect(sameClass(v, flagged('split')), v.metric).toBe(true);
  });
});
