// The copied-report search's parts: what counts as narrative, the sketch (deterministic, equal
// for equal sets), and the index on hand-made texts: a copy found with its passages, unrelated
// reports and shared boilerplate not paired.
import { describe, expect, it } from 'vitest';
import { narrativeChars, shingleSet } from '../../../src/ingest/similar/shingles';
import { bandKeys, sketchOf } from '../../../src/ingest/similar/sketch';
import { MIN_DF, pairKind, SimilarityIndex, sortByKey, type SimilarReport } from '../../../src/ingest/similar/similar-pairs';
import { Rng } from '../../../src/generate/prng';

const kept = (text: string, names: string[] = []) => String.fromCharCode(...narrativeChars(text, names).codes).replaceAll('\n', '');

/** A paragraph of random Han characters: prose no other paragraph shares. */
function prose(seed: number, length = 400): string {
  const r = Rng.of(seed, 'test-prose');
  return Array.from({ length }, (_, i) => (i % 37 === 36 ? '。' : String.fromCharCode(0x4e00 + r.int(0, 5000)))).join('');
}

const report = (id: string, body: string | null, year: number | null): SimilarReport => ({ id, body, year, province: '21', names: ['营口市站前区人民政府'] });

describe('narrative characters', () => {
  it("keeps Han characters and letters; drops digits, marks, table rows, the report's names and runs of numerals", () => {
    const text = '营口市站前区人民政府2019年报告\n主动公开信息１２３条，二〇一九年十二月。一是加强培训\n规章 | 0 | 1 | 2\nABC 公开';
    expect(kept(text, ['营口市站前区人民政府'])).toBe('年报告主动公开信息条年月一是加强培训ABC公开');
    const { codes, offsets } = narrativeChars(text);
    for (let i = 0; i < codes.length; i++) if (codes[i] !== 0x0a) expect(text.charCodeAt(offsets[i])).toBe(codes[i]);
    expect(String.fromCharCode(...codes).split('\n')).toEqual(['营口市站前区人民政府年报告', '主动公开信息条年月一是加强培训', 'ABC公开', '']);
  });
});

describe('sketch', () => {
  it('is the same for the same set, run after run, and differs for another', () => {
    const a = shingleSet(prose(1));
    expect([...sketchOf(a)]).toEqual([...sketchOf(shingleSet(prose(1)))]);
    expect([...bandKeys(sketchOf(a))]).toEqual([...bandKeys(sketchOf(a))]);
    const other = sketchOf(shingleSet(prose(2)));
    const agree = [...sketchOf(a)].filter((v, i) => v === other[i]).length;
    expect(agree).toBeLessThan(5);
    // a few shingles still fill every bin (densification)
    expect([...sketchOf(shingleSet(prose(3, 30)))].every((v) => v !== 0xffffffff)).toBe(true);
  });

  it('agrees on about the Jaccard share of bins for overlapping sets', () => {
    const base = prose(4, 2000);
    const half = base.slice(0, 1000) + prose(5, 1000);
    const [x, y] = [sketchOf(shingleSet(base)), sketchOf(shingleSet(half))];
    const agree = [...x].filter((v, i) => v === y[i]).length / x.length;
    expect(agree).toBeGreaterThan(0.15);
    expect(agree).toBeLessThan(0.55);
  });
});

describe('SimilarityIndex', () => {
  const boilerplate = '根据《中华人民共和国政府信息公开条例》规定，现公布本机关政府信息公开工作年度报告。';
  const texts = new Map<string, string>();
  const index = new SimilarityIndex();
  const add = (r: SimilarReport, text: string) => {
    texts.set(r.id, text);
    index.add(r, text);
  };
  // 40 bodies: every text opens with the same boilerplate, then its own prose
  for (let i = 0; i < 40; i++) add(report(`b${String(i).padStart(2, '0')}-2020`, `b${i}`, 2020), `${boilerplate}\n${prose(100 + i)}`);
  // b03 re-issues its 2020 narrative in 2021 with new figures; b05 2021 is its own
  add(report('b03-2021', 'b3', 2021), `${boilerplate}\n2021年主动公开信息32条。\n${prose(103)}`);
  add(report('b05-2021', 'b5', 2021), `${boilerplate}\n${prose(999)}`);
  const { pairs, stats } = index.pairs((ids) => new Map([...ids].map((id) => [id, texts.get(id)!])));

  it('finds the copy, and only it', () => {
    expect(stats.boilerplateDf).toBe(MIN_DF);
    expect(pairs.map((p) => [p.a.id, p.b.id, p.kind])).toEqual([['b03-2020', 'b03-2021', 'same_body']]);
    expect(pairs[0].similarity).toBeGreaterThan(0.95);
    expect(pairs[0].containment).toBeGreaterThan(0.95);
  });

  it('gives the shared passage in each text, not the boilerplate', () => {
    const [p] = pairs;
    const passage = (id: string, spans: readonly (readonly [number, number])[]) => spans.map(([s, e]) => texts.get(id)!.slice(s, e)).join('');
    expect(kept(passage('b03-2020', p.spansA))).toBe(kept(prose(103)));
    expect(kept(passage('b03-2021', p.spansB))).toBe(kept(prose(103)));
    expect(p.spansA[0][0]).toBeGreaterThan(boilerplate.length);
  });

  it('names the kind of pair from body and year', () => {
    expect(pairKind(report('x', 'a', 2020), report('y', 'a', 2021))).toBe('same_body');
    expect(pairKind(report('x', 'a', 2020), report('y', 'b', 2020))).toBe('same_year');
    expect(pairKind(report('x', null, 2020), report('y', null, 2020))).toBe('same_year');
    expect(pairKind(report('x', 'a', 2020), report('y', 'b', 2021))).toBe('other');
    expect(pairKind(report('x', 'a', 2020), report('y', 'a', 2020))).toBe('other');
  });
});

describe('sortByKey (the band buckets of the copied-report search)', () => {
  it('sorts the keys over all 32 bits and carries the values along, stably', () => {
    const keys = Uint32Array.from([0xffffffff, 7, 0x80000000, 7, 0, 0x00100000, 7, 0xffffffff]);
    const values = Uint32Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
    sortByKey(keys, values);
    expect(Array.from(keys)).toEqual([0, 7, 7, 7, 0x00100000, 0x80000000, 0xffffffff, 0xffffffff]);
    // equal keys keep their order: a bucket's reports stay in report order
    expect(Array.from(values)).toEqual([4, 1, 3, 6, 5, 2, 0, 7]);
  });
});
