// The duplicate lookup (src/app/user/dataset-duplicates.ts): files looked up while the import runs,
// one query at a time with what came meanwhile; after the parse only what is not yet known is asked.
import { describe, expect, it } from 'vitest';
import { DuplicateLookup, LOOKUP_BATCH } from '../../../src/app/user/dataset-duplicates';

const DATASET = new Map([['a', 'r-a'], ['c', 'r-c']]);

function fakeQuery(fail = () => false) {
  const asked: string[][] = [];
  let release: () => void = () => {};
  let gate = Promise.resolve();
  const query = async (shas: readonly string[]) => {
    asked.push([...shas]);
    await gate;
    if (fail()) throw new Error('data worker busy');
    return new Map(shas.flatMap((s) => (DATASET.has(s) ? [[s, DATASET.get(s)!] as const] : [])));
  };
  const hold = () => (gate = new Promise((go) => (release = go)));
  return { asked, query, hold, release: () => release() };
}

describe('the duplicate lookup', () => {
  it('asks while files come, one query at a time, and after the parse asks nothing it knows', async () => {
    const fake = fakeQuery();
    const lookup = new DuplicateLookup(fake.query);
    fake.hold();
    lookup.soon('a');
    // The first query is under way: these wait, then go together.
    lookup.soon('b');
    lookup.soon('c');
    lookup.soon('a');
    fake.release();
    const found = await lookup.reportsOf(['a', 'b', 'c']);
    expect(fake.asked).toEqual([['a'], ['b', 'c']]);
    expect(found).toEqual(new Map([['a', 'r-a'], ['c', 'r-c']]));
    expect(await lookup.reportsOf(['c', 'd'])).toEqual(new Map([['c', 'r-c']]));
    expect(fake.asked).toEqual([['a'], ['b', 'c'], ['d']]);
  });

  it('asks again what a failed background query left unknown, and its caller hears a failure', async () => {
    let failing = true;
    const fake = fakeQuery(() => failing);
    const lookup = new DuplicateLookup(fake.query);
    lookup.soon('a');
    await expect(lookup.reportsOf(['a'])).rejects.toThrow(/busy/);
    failing = false;
    expect(await lookup.reportsOf(['a'])).toEqual(new Map([['a', 'r-a']]));
    expect(fake.asked).toEqual([['a'], ['a'], ['a']]);
  });

  it('asks at most LOOKUP_BATCH files a query', async () => {
    const fake = fakeQuery();
    const shas = Array.from({ length: LOOKUP_BATCH + 3 }, (_, i) => `s${i}`);
    await new DuplicateLookup(fake.query).reportsOf(shas);
    expect(fake.asked.map((a) => a.length)).toEqual([LOOKUP_BATCH, 3]);
  });
});
