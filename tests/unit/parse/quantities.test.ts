// The quantity recogniser: what each printed number is, and what it is worth.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCellNumber } from '../../../src/parse/normalise/numbers';
import { nextNumber, recogniseQuantities, type Quantity } from '../../../src/parse/recognise/quantities';

const pick = (q: Quantity) => ({ kind: q.kind, value: q.value, unit: q.unit, approx: q.approx });
const one = (s: string) => {
  const qs = recogniseQuantities(s);
  expect(qs, JSON.stringify(qs)).toHaveLength(1);
  return qs[0];
};

describe('counts', () => {
  it('reads Arabic, full-width and thousands-separated counts with their unit', () => {
    expect(pick(one('主动公开政府信息2546条'))).toEqual({ kind: 'count', value: 2546, unit: '条', approx: false });
    expect(pick(one('受理申请１２件'))).toEqual({ kind: 'count', value: 12, unit: '件', approx: false });
    expect(pick(one('发布信息12,345条。'))).toEqual({ kind: 'count', value: 12345, unit: '条', approx: false });
    expect(pick(one('培训3200人次'))).toEqual({ kind: 'count', value: 3200, unit: '人次', approx: false });
  });

  it('applies 万/亿 and marks 余/多/约/近/超过/以上/左右 as approximate', () => {
    expect(pick(one('主动公开各类政府信息3万余条'))).toEqual({ kind: 'count', value: 30000, unit: '条', approx: true });
    expect(pick(one('公开信息2.6万余条'))).toEqual({ kind: 'count', value: 26000, unit: '条', approx: true });
    expect(pick(one('约1200条'))).toEqual({ kind: 'count', value: 1200, unit: '条', approx: true });
    expect(pick(one('超过300件'))).toEqual({ kind: 'count', value: 300, unit: '件', approx: true });
    expect(pick(one('发布100条以上'))).toEqual({ kind: 'count', value: 100, unit: '条', approx: true });
    expect(pick(one('发布3000条左右'))).toEqual({ kind: 'count', value: 3000, unit: '条', approx: true });
    const q = one('近 50 件');
    expect(q.start).toBe(0);
    expect([q.numStart, q.numEnd]).toEqual([2, 4]);
  });

  it('reads Chinese numerals only with a unit, and never words such as 一是, 统一, 三年行动', () => {
    expect(pick(one('受理一千二百件'))).toEqual({ kind: 'count', value: 1200, unit: '件', approx: false });
    expect(pick(one('收到申请十二件'))).toEqual({ kind: 'count', value: 12, unit: '件', approx: false });
    expect(recogniseQuantities('一是统一思想,进一步加强,十分重视,三年行动')).toEqual([]);
    // a numeral in characters not read (廿) leaves no figure of its last characters
    expect(recogniseQuantities('收到申请廿一件')).toEqual([]);
  });

  it('reads the formal numerals of amounts (大写数字) whole, in sentences and table cells', () => {
    expect(pick(one('受理贰拾一件'))).toEqual({ kind: 'count', value: 21, unit: '件', approx: false });
    expect(pick(one('公开信息贰仟叁佰条'))).toEqual({ kind: 'count', value: 2300, unit: '条', approx: false });
    expect(pick(one('收费壹拾元'))).toMatchObject({ value: 10 });
    expect(parseCellNumber('壹拾伍')).toMatchObject({ value: 15, approx: false });
    // words holding one of their characters are no figures
    expect(recogniseQuantities('陆续公开,队伍建设,拾遗补缺')).toEqual([]);
    // nor do they join an everyday numeral after them: one formal character alone is a word
    expect(pick(one('申请队伍十件'))).toEqual({ kind: 'count', value: 10, unit: '件', approx: false });
    expect(pick(one('大陆一件'))).toMatchObject({ value: 1 });
    expect(recogniseQuantities('陆家嘴街道,伍家岗区,队伍人员,大陆个人').filter((q) => q.value !== null)).toEqual([]);
    // one alone right before a unit is one (叁件)
    expect(pick(one('部分公开叁件'))).toEqual({ kind: 'count', value: 3, unit: '件', approx: false });
  });

  it('reads ranges as two ends and no single value', () => {
    const q = one('每月更新10-20条');
    expect(q).toMatchObject({ kind: 'count', value: null, range: { low: 10, high: 20 }, unit: '条' });
  });
});

describe('money and percentages', () => {
  it('reads 元 and 万元 into 元', () => {
    expect(pick(one('投资150万元'))).toEqual({ kind: 'money', value: 1_500_000, unit: '万元', approx: false });
    expect(pick(one('收取费用21469172.33元'))).toEqual({ kind: 'money', value: 21469172.33, unit: '元', approx: false });
  });
  it('reads % and 百分之', () => {
    expect(pick(one('办结率98.5%'))).toEqual({ kind: 'percent', value: 98.5, unit: '%', approx: false });
  });
});

describe('figures that count nothing', () => {
  it('years, dates and durations', () => {
    expect(recogniseQuantities('2019年,二〇一八年度,2016-01-21,3月15日,15个工作日,2018-2019年').map((q) => q.kind)).toEqual([
      'year', 'year', 'date', 'date', 'date', 'duration', 'year', 'year',
    ]);
  });
  it('document numbers, articles and ordinals', () => {
    expect(recogniseQuantities('(辽政公领发〔2019〕1号)').map((q) => q.kind)).toEqual(['doc_number', 'doc_number']);
    expect(recogniseQuantities('《条例》第二十条、第3期').map((q) => [q.kind, q.value])).toEqual([['ordinal', 20], ['ordinal', 3]]);
  });
  it('phone numbers, hotlines and postcodes', () => {
    expect(recogniseQuantities('联系电话:0418-2222222,邮编:123000,12345热线,手机13800000000').map((q) => q.kind)).toEqual([
      'phone', 'postcode', 'phone', 'phone',
    ]);
  });
});

describe('one linear pass', () => {
  it('reads a run of 40,000 digits as one number', () => {
    const qs = recogniseQuantities('行政复议' + '1'.repeat(40_000));
    expect(qs).toHaveLength(1);
    expect(qs[0].numEnd - qs[0].numStart).toBe(40_000);
  });
  it('gives the same spans for full-width and half-width digits', () => {
    const a = recogniseQuantities('公开信息１２３条,受理４件');
    const b = recogniseQuantities('公开信息123条,受理4件');
    expect(a.map(pick)).toEqual(b.map(pick));
    expect(a.map((q) => [q.start, q.end])).toEqual(b.map((q) => [q.start, q.end]));
  });
});

describe('a number at the very end of the text', () => {
  // the recogniser checks the text's bounds instead of reading past its end (V8 threw its code away on such reads)
  const read = (s: string, fullReading = false) => recogniseQuantities(s, { fullReading }).map((q) => [q.kind, q.value, q.unit, q.approx, q.start, q.end]);
  it('reads it as it reads one inside the text, in the fast and the full reading', () => {
    const cases: [string, unknown[]][] = [
      ['全年共受理申请12', [['number', 12, null, false, 7, 9]]],
      ['申请 12  ', [['number', 12, null, false, 3, 5]]],
      ['申请十二', []],
      ['二〇一八', []],
      ['受理申请12件', [['count', 12, '件', false, 4, 7]]],
      ['增长12.5%', [['percent', 12.5, '%', false, 2, 7]]],
      ['共12,345', [['number', 12345, null, false, 1, 7]]],
      ['12.', [['number', 12, null, false, 0, 2]]],
      ['约1200', [['number', 1200, null, true, 0, 5]]],
    ];
    for (const [s, expected] of cases) {
      expect(read(s), s).toEqual(expected);
      expect(read(s, true), s).toEqual(expected);
    }
  });
});

describe('the number scanner', () => {
  // the pattern the scanner replaces (a regular expression ran once per number on every report), and a lone 百/千 (百余件)
  const PATTERN = /[0-9\uff10-\uff19]+(?:,[0-9\uff10-\uff19]{3}(?![0-9\uff10-\uff19]))*(?:[.\uff0e][0-9\uff10-\uff19]+)?|[〇零○一二两三四五六七八九十][〇零○一二两三四五六七八九十百千万亿]*|[百千]/g;
  const byPattern = (s: string) => [...s.matchAll(PATTERN)].map((m) => [m.index, m.index + m[0].length]);
  const byScanner = (s: string) => {
    const out: number[][] = [];
    for (let m = nextNumber(s, 0); m; m = nextNumber(s, m.end)) out.push([m.start, m.end]);
    return out;
  };
  it('finds exactly the numbers the pattern finds', () => {
    for (const s of ['12,345,6789', '1,23', '3.5.6', '１２．５条', '一千二百万亿', '百千', '12,3456', '0.', 'a1,234.5b', '二〇一八年']) expect(byScanner(s), s).toEqual(byPattern(s));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'0123456789０１９,.．，一二十百千万亿〇○零两条年 a'), { maxLength: 40 }), (chars) => {
        const s = chars.join('');
        expect(byScanner(s)).toEqual(byPattern(s));
      }),
      { numRuns: 3000 },
    );
  });
});
