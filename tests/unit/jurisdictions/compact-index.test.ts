// The prebuilt name index read in place (src/jurisdictions/compact-index.ts): the same answers as
// the Map the loader derives, without a string or Map entry per key at load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompactIndex, indexLines } from '../../../src/jurisdictions/compact-index';
import { parseDivisionsCsv } from '../../../src/jurisdictions/csv';
import { GAZETTEER_DIR, loadGazetteer } from '../../../src/jurisdictions/load-node';

const TEXT = 'i\t北京\t0s\nc\t北京市\t0f\ni\t东城区\t2f,29949f\nc\t东城\t3s\ni\t东城\t2s,8852f\n';

function read(text: string, rowCount = 30_000) {
  const keys: string[] = [];
  const lines = indexLines(text, (context, t, start, end) => keys.push(`${context ? 'c' : 'i'}:${t.slice(start, end)}`));
  return { keys, issuer: new CompactIndex(text, lines.issuer, rowCount), context: new CompactIndex(text, lines.context, rowCount) };
}

describe('CompactIndex', () => {
  it('answers each tag\'s keys, in the order listed, and nothing else', () => {
    const { keys, issuer, context } = read(TEXT);
    expect(keys).toEqual(['i:北京', 'c:北京市', 'i:东城区', 'c:东城', 'i:东城']);
    expect(issuer.get('东城区')).toEqual([{ row: 2, strength: 'full' }, { row: 29949, strength: 'full' }]);
    expect(issuer.get('东城')).toEqual([{ row: 2, strength: 'short' }, { row: 8852, strength: 'full' }]);
    expect(context.get('东城')).toEqual([{ row: 3, strength: 'short' }]);
    // a prefix, a longer key, the other tag's key, the empty key: not there
    for (const missing of ['东', '东城区政府', '北京市', '']) expect(issuer.get(missing), missing).toBeUndefined();
    expect(issuer.has('北京')).toBe(true);
    expect(issuer.size).toBe(3);
    expect([...issuer.keys()]).toEqual(['北京', '东城区', '东城']);
    expect([...context]).toEqual([['北京市', [{ row: 0, strength: 'full' }]], ['东城', [{ row: 3, strength: 'short' }]]]);
  });

  it('refuses a malformed line, and a key listed twice; a bad entry is an error when its key is read', () => {
    expect(() => read('i\t北京 0s\n')).toThrow('gazetteer index: malformed line at 0');
    expect(() => read('i\t北京\t0s\ni\t北京\t1s\n')).toThrow('gazetteer index: key 北京 listed twice');
    const { issuer } = read('i\t北京\t0s\ni\t上海\t9s\n', 5);
    expect(issuer.get('北京')).toEqual([{ row: 0, strength: 'short' }]);
    expect(() => issuer.get('上海')).toThrow('gazetteer index: bad entry for 上海');
  });

  it('is what loadGazetteer reads data/gazetteer/index.txt into; towns added afterwards are indexed as before', () => {
    const prebuilt = loadGazetteer({ townProvinces: undefined });
    expect(prebuilt.index).toBeInstanceOf(CompactIndex);
    expect(prebuilt.contextIndex).toBeInstanceOf(CompactIndex);
    // towns added to a gazetteer loaded without them are indexed (into maps)
    const derived = loadGazetteer({ townProvinces: [] });
    const town = '沙湾街道';
    const before = derived.index.get(town)?.length ?? 0;
    derived.addTowns('44', parseDivisionsCsv(readFileSync(join(GAZETTEER_DIR, 'towns/44.csv'), 'utf8')));
    expect(derived.index.get(town)!.length).toBeGreaterThan(before);
  });
});
