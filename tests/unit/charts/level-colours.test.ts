// The overview's reports by year × level: every level distinct by colour, not by pattern alone,
// the same in both languages. The palette's first six places are the six kept furthest apart
// for normal, deuteranope and protanope vision (palette.test.ts measures them).
import { describe, expect, it } from 'vitest';
import { stackedBars } from '../../../src/charts/bars';
import { chartTable, describeTable } from '../../../src/charts/describe';
import { lineOverYears } from '../../../src/charts/line';
import { PALETTE } from '../../../src/charts/palette';
import { translator } from '../../../src/app/i18n/messages';
import { levelLabel } from '../../../src/app/views/common';
import { yearLevelSeries } from '../../../src/app/views/overview-model';
import { seriesOf, zhFrame } from './option-helpers';

const LEVELS = ['province', 'city', 'county', 'town', 'department', null];
const rows = LEVELS.flatMap((level, i) => [2019, 2020].map((year) => ({ year, level, reports: 10 + i })));

describe('overview levels', () => {
  for (const locale of ['zh', 'en'] as const) {
    it(`take the palette's first six colours, one each (${locale})`, () => {
      const t = translator(locale);
      const { categories, series, slots } = yearLevelSeries(rows, (l) => levelLabel(t, l));
      const colours = seriesOf(stackedBars(categories, series, zhFrame, { slots })).map((s) => (s.itemStyle as { color: string }).color);
      expect(series.map((s) => s.name)).toEqual(LEVELS.map((l) => levelLabel(t, l)));
      expect(colours).toEqual(PALETTE.slice(0, 6));
    });
  }

  it('keep their colour when a level is absent', () => {
    const t = translator('zh');
    const { categories, series, slots } = yearLevelSeries(rows.filter((r) => r.level !== 'province'), (l) => levelLabel(t, l));
    const colours = seriesOf(stackedBars(categories, series, zhFrame, { slots })).map((s) => (s.itemStyle as { color: string }).color);
    expect(colours).toEqual(PALETTE.slice(1, 6));
  });

  it('count a year with no report of a level as 0 reports, described as 0 and not as missing', () => {
    const t = translator('zh');
    const some = [{ year: 2019, level: 'city', reports: 3 }, { year: 2020, level: 'county', reports: 2 }];
    const { categories, series } = yearLevelSeries(some, (l) => levelLabel(t, l));
    expect(series.map((s) => s.values)).toEqual([[3, 0], [0, 2]]);
    const option = stackedBars(categories, series, zhFrame, {});
    const table = chartTable(option, 'zh');
    expect(table?.rows).toEqual([['2019', '3', '0'], ['2020', '0', '2']]);
    expect(describeTable(table!, 'zh')).not.toContain('无数据');
  });
});

describe('lines with a fixed palette place', () => {
  it('take that place, whatever their names hash to', () => {
    const points = [{ year: 2020, value: 1, reports: 5 }];
    const option = lineOverYears([{ name: '本年新收申请', points, slot: 0 }, { name: '办理结果总计', points, slot: 1 }], zhFrame);
    expect(seriesOf(option).filter((s) => s.type === 'line').map((s) => s.color)).toEqual([PALETTE[0], PALETTE[1]]);
  });
});
