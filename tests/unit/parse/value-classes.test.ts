// Every Value shares one V8 hidden class, or that class with fields added (split, inferred, pdf).
// A Value copied with a spread and one field more ({ ...v, split: true }) got a class of its own,
// made again once the previous copy was collected: every function reading values (runChecks,
// deriveSubtotals) met a new class each time and was thrown away and compiled again (6 and 3
// compiles in a 2,000-file CLI run). V8's own view of the objects, through its test intrinsic
// %HaveSameMap, enabled at run time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/parse';
import { parseDocument } from '../../../src/parse/input';
import { NODE_INPUT } from '../../../src/ingest/input-node';
import type { Value } from '../../../src/parse/types';
import { makeValue } from '../../../src/parse/value';
import { CORPUS_ROOT } from '../../helpers/mutations';

setFlagsFromString('--allow-natives-syntax');
const sameClass = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/** A Value made the one way (makeValue) with `v`'s optional fields (split, inferred, pdf) set after, in its order: the class every such Value should share. */
function madeLike(v: Value): Value {
  const made = makeValue(v.metric, v.value, v.approx, v.derived, v.start, v.end, v.source);
  for (const key of Object.keys(v).slice(Object.keys(made).length)) Object.assign(made, { [key]: v[key as keyof Value] });
  return made;
}

const valuesOf = (file: string) => parseReport(readFileSync(join(CORPUS_ROOT, file), 'utf8')).values;

describe('Value hidden classes', () => {
  it('a value inferred from another figure (共受理申请2件,均已答复) has the class of every inferred value', () => {
    const inferred = valuesOf('seeds/2017-liaoning-yingkou-zhanqian-county.txt').filter((v) => v.inferred);
    expect(inferred.map((v) => v.metric)).toEqual(['r.handled.total']);
    for (const v of inferred) expect(sameClass(v, madeLike(v)), v.metric).toBe(true);
  });

  it('a glued table cell proven in every split has the class of every split value', () => {
    const split = valuesOf('complete/2019-fujian-pingtan-public-security-bureau-department.txt').filter((v) => v.split);
    expect(split.length).toBeGreaterThan(0);
    for (const v of split) expect(sameClass(v, madeLike(v)), v.metric).toBe(true);
  });

  it('a value read from a PDF, with its box, has the class of every value with a box', async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS_ROOT, 'pdf/2024-jiangsu-huaian-city.pdf')));
    const boxed = (await parseDocument(bytes, { fileName: '2024-jiangsu-huaian-city.pdf', ...NODE_INPUT })).values.filter((v) => v.pdf);
    expect(boxed.length).toBeGreaterThan(20);
    for (const v of boxed) expect(sameClass(v, madeLike(v)), v.metric).toBe(true);
  });
});
