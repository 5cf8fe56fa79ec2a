// The statistics table of reports before 2019 (指标名称 | 计量单位 | 本年度 | 历年累计), as the
// 平潭 archive saved it (../shared/corpus/complete, 2011–2018): cells run together or spaced.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, type Value } from '../../src/parse';
import { normaliseText } from '../../src/parse/normalise/text';
import { extractStatsTable } from '../../src/parse/extract/stats-table';

const COMPLETE = join(import.meta.dirname, '../../../shared/corpus/complete');
const tableValues = (name: string) => {
  const r = parseReport(readFileSync(join(COMPLETE, name)), { fileName: name });
  return { r, v: new Map(r.values.filter((x) => x.source === 'table').map((x) => [x.metric, x])) };
};
const stats = (text: string) => {
  const r = extractStatsTable(normaliseText(text));
  return { values: Object.fromEntries(r.values.map((v: Value) => [v.metric, v.value])), warnings: r.warnings };
};
const HEADER = '附件1：政府信息公开情况统计表 指标名称计量单位2012年度历年累计';

describe('statistics table before 2019', () => {
  it('a figure the sentences state pins its row, and the 其中 items follow (complete/2012-fujian-pingtan-county)', () => {
    const text = `${HEADER}主动公开信息数条20263542其中：1.网站公开条179533042.政府公报公开条07`;
    // alone, 20263542 and 17953304 each split two ways
    expect(stats(text).values['p.website']).toBeUndefined();
    const r = extractStatsTable(normaliseText(text), new Map([['p.total', 2026]]));
    const values = Object.fromEntries(r.values.map((v: Value) => [v.metric, v.value]));
    expect(values).toMatchObject({ 'p.total': 2026, 'p.cumulative': 3542, 'p.website': 1795 });
    // a sentence's figure no split gives pins nothing
    expect(extractStatsTable(normaliseText(text), new Map([['p.total', 1913]])).values.find((v) => v.metric === 'p.website')).toBeUndefined();
  });
  it('the gazette is the other channels\' share where website and gazette make up the total (complete/2011-fujian-pingtan-county)', () => {
    const { v } = tableValues('2011-fujian-pingtan-county.txt');
    expect(v.get('p.other_channels')?.value).toBe(7);
    expect(v.has('gazette')).toBe(false);
    // a gazette of 0 beside a website of the whole: nothing said of other channels
    expect(tableValues('2015-fujian-pingtan-zone-county.txt').v.has('p.other_channels')).toBe(false);
  });
  it('the parser pins the table with the sentence (complete/2013-fujian-pingtan-county)', () => {
    const { v } = tableValues('2013-fujian-pingtan-county.txt');
    expect(v.get('p.website')?.value).toBe(1713);
    expect(v.get('p.cumulative')?.value).toBe(5395);
  });
  it('reads a spaced table as printed', () => {
    // 2011-fujian-pingtan-zone-county: 主动公开信息数 条 425 1516 … 对申请的答复数 条 0 0
    const { v } = tableValues('2011-fujian-pingtan-zone-county.txt');
    expect(v.get('p.cumulative')?.value).toBe(1516);
    expect(v.get('p.cumulative')?.split).toBeUndefined();
    expect(v.get('r.handled.total')?.value).toBe(0);
    expect(v.get('lit.total')?.value).toBe(0);
  });

  it('splits a glued row when the running total must be at least the year and an item at most its whole', () => {
    // 2013-fujian-pingtan-county: 对申请的答复数条324 = 3 | 24 (32 | 4 would make the running total smaller)
    const { r, v } = tableValues('2013-fujian-pingtan-county.txt');
    expect(v.get('r.handled.total')).toMatchObject({ value: 3, split: true });
    expect(r.text.slice(v.get('r.handled.total')!.start, v.get('r.handled.total')!.end)).toBe('324');
    expect(v.get('r.partial.total')?.value).toBe(1);
    expect(v.get('r.denied.total.total')?.value).toBe(0);
  });
  it('leaves a glued row out, with its splits in a warning, when neither the arithmetic nor a sentence decides it', () => {
    // 主动公开信息数条18535395 (complete/2013-fujian-pingtan-county) without its sentence: four splits fit (1|8535395 … 1853|5395)
    const r = stats(`${HEADER}主动公开信息数条18535395其中：1.网站公开条171350172.政府公报公开条07`);
    expect(r.values['p.cumulative']).toBeUndefined();
    expect(r.warnings.some((w) => w.includes('18535395') && w.includes('1853|5395'))).toBe(true);
  });

  it('uses the items of a whole: 同意公开答复数 17 | 17 rules out 对申请的答复数 2 | 121', () => {
    // 2012-fujian-pingtan-county: 对申请的答复数条2121 其中：1.同意公开答复数条17172.同意部分公开答复数条22…
    const { v } = tableValues('2012-fujian-pingtan-county.txt');
    expect(v.get('r.handled.total')).toMatchObject({ value: 21, split: true });
  });

  it('leaves an ambiguous row out when nothing decides it', () => {
    const r = stats(`${HEADER}受理依申请公开信息总数条2121行政复议数件00`);
    expect(r.values).toEqual({ 'rv.total': 0 });
    expect(r.warnings.some((w) => w.includes('2|121; 21|21'))).toBe(true);
  });

  it('reads nothing without the table header', () => {
    expect(stats('全年受理依申请公开信息总数条00，行政复议数件00').values).toEqual({});
  });
});
