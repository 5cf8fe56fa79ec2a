import { describe, expect, it } from 'vitest';
import { stackedBars } from '../../../src/charts/bars';
import { chartTable, describeTable } from '../../../src/charts/describe';
import { donut } from '../../../src/charts/donut';
import { defaultTemplateBreaks, lineOverYears } from '../../../src/charts/line';
import { rankedBars } from '../../../src/charts/ranked';
import { provinceTileGrid } from '../../../src/charts/tiles';
import { forLogAxis } from '../../../src/app/views/value-scale';
import { enFrame, zhFrame } from './option-helpers';

describe('chartTable / describeTable', () => {
  it('reads a line chart: one row per year, absent stays absent, full counts and report bases', () => {
    const option = lineOverYears(
      [
        { name: '甲', points: [{ year: 2019, value: 12345, reports: 4 }, { year: 2021, value: 7, reports: 1 }] },
        { name: '乙', points: [{ year: 2020, value: 0, reports: 2 }] },
      ],
      zhFrame,
      { templateBreaks: defaultTemplateBreaks('zh') },
    );
    const table = chartTable(option, 'zh');
    expect(table?.columns).toEqual(['类别', '甲', '乙']);
    expect(table?.rows).toEqual([
      ['2019', '12,345（4 份报告）', '—'],
      ['2020', '—', '0（2 份报告）'],
      ['2021', '7（1 份报告）', '—'],
    ]);
    const text = describeTable(table!, 'zh');
    expect(text).toContain(zhFrame.title);
    expect(text).toContain('单位：件');
    expect(text).toContain('甲：2019 12,345（4 份报告），2021 7（1 份报告），1 项无数据');
    expect(text).toContain('乙：2020 0（2 份报告）');
    expect(table?.source).toMatch(/^来源：/);
    expect(text.endsWith(table!.source)).toBe(true);
  });

  it('says a stated 0 left off a log axis, never counts it among the years without data', () => {
    const { points } = forLogAxis([{ year: 2021, value: 5, reports: 1 }, { year: 2022, value: 0, reports: 1 }]);
    const option = lineOverYears([{ name: '甲', points }, { name: '乙', points: [{ year: 2023, value: 3, reports: 1 }] }], zhFrame, { log: true });
    const table = chartTable(option, 'zh')!;
    expect(table.rows).toEqual([
      ['2021', '5（1 份报告）', '—'],
      ['2022', '0（未画）', '—'],
      ['2023', '—', '3（1 份报告）'],
    ]);
    expect(describeTable(table, 'zh')).toContain('甲：2021 5（1 份报告），2022 0（未画），1 项无数据');
  });

  it('keeps shares as shares in a percent bar chart', () => {
    const option = stackedBars(['2019'], [{ name: 'a', values: [1] }, { name: 'b', values: [3] }], enFrame, { percent: true });
    const table = chartTable(option, 'en');
    expect(table?.rows[0][1]).toMatch(/^25\.0%/);
    expect(table?.rows[0][2]).toMatch(/^75\.0%/);
    expect(describeTable(table!, 'en')).toContain('a: 2019 25.0%');
  });

  it('reads named items (donut, ranked bars without the "—" helper, province tiles)', () => {
    expect(chartTable(donut([{ name: '2019', value: 3 }, { name: '2021', value: 1 }], zhFrame), 'zh')?.rows).toEqual([
      ['2019', '3（75.0%）'],
      ['2021', '1（25.0%）'],
    ]);
    const ranked = chartTable(rankedBars([{ name: 'A', value: 5 }, { name: 'B', value: null }], zhFrame), 'zh');
    expect(ranked?.rows).toEqual([
      ['A', '5'],
      ['B', '—'],
    ]);
    const tiles = chartTable(provinceTileGrid([{ code: '44', value: 1500 }], zhFrame), 'zh');
    expect(tiles?.rows.find((r) => r[0] === '广东省')?.[1]).toBe('1,500');
    expect(tiles?.rows.find((r) => r[0] === '北京市')?.[1]).toBe('—');
  });

  it('keeps the notes and the source line apart as sentences, in English with a space', () => {
    const table = { ...chartTable(rankedBars([{ name: 'A', value: 5 }], enFrame), 'en')!, notes: ['Absent is never drawn as 0.', 'Rates are not added'] };
    const text = describeTable(table, 'en');
    expect(text).toContain('Absent is never drawn as 0. Rates are not added. ' + table.source);
    const zh = { ...chartTable(rankedBars([{ name: 'A', value: 5 }], zhFrame), 'zh')!, notes: ['未列明的不画作 0。', '比率不相加'] };
    expect(describeTable(zh, 'zh')).toContain('未列明的不画作 0。比率不相加。' + zh.source);
  });

  it('summarises a long series instead of listing every value', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ name: `u${i}`, value: i }));
    const text = describeTable(chartTable(rankedBars(rows, enFrame), 'en')!, 'en');
    expect(text).toContain('u39 39');
    expect(text).not.toContain('u40 40');
    expect(text).toContain('10 more in the table');
  });
});
