import { describe, expect, it } from 'vitest';
import {
  BREAKS_SERIES_ID,
  BREAK_LABEL_ROW,
  alignToYears,
  defaultTemplateBreaks,
  lineOverYears,
  yearAxis,
  type YearSeries,
} from '../../../src/charts/line';
import { axis, dataSeries, enFrame, legendOf, seriesOf, titleOf, zhFrame } from './option-helpers';

const beijing: YearSeries = {
  name: '北京市',
  points: [
    { year: 2015, value: 12000 },
    { year: 2016, value: null },
    // 2017 missing entirely
    { year: 2018, value: 0 },
    { year: 2019, value: 45000 },
    { year: 2022, value: 50000 },
  ],
};
const shanghai: YearSeries = {
  name: '上海市',
  points: [
    { year: 2020, value: 80000 },
    { year: 2017, value: 2000 },
  ],
};

describe('lineOverYears', () => {
  const option = lineOverYears([beijing, shanghai], zhFrame, { templateBreaks: defaultTemplateBreaks('zh') });

  it('has the title and the unit as subtext', () => {
    expect(titleOf(option).text).toBe('依申请公开申请数量');
    expect(titleOf(option).subtext).toBe('单位：件');
  });

  it('has a continuous year axis from the first to the last year', () => {
    expect(axis(option, 'xAxis').type).toBe('category');
    expect(axis(option, 'xAxis').data).toEqual(['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022']);
  });

  it('keeps absent years as null and a printed 0 as 0', () => {
    const [bj, sh] = dataSeries(option);
    expect(bj.data).toEqual([12000, null, null, 0, 45000, null, null, 50000]);
    expect(sh.data).toEqual([null, null, 2000, null, null, 80000, null, null]);
    expect(bj.connectNulls).toBe(false);
    expect(sh.connectNulls).toBe(false);
  });

  it('draws one line per series with a legend of their names', () => {
    const lines = dataSeries(option);
    expect(lines.map((s) => s.name)).toEqual(['北京市', '上海市']);
    expect(lines.every((s) => s.type === 'line')).toBe(true);
    expect(legendOf(option)?.data).toEqual(['北京市', '上海市']);
  });

  it('marks the 2019 and 2021 template changes on a series of their own', () => {
    const breaks = seriesOf(option).filter((s) => s.id === BREAKS_SERIES_ID);
    expect(breaks).toHaveLength(1);
    expect(breaks[0].data).toEqual([]);
    expect(breaks[0].markLine.data).toEqual([
      { xAxis: '2019', name: '2019 新表：统一表格', label: { formatter: '2019 新表：统一表格', align: 'right' } },
      { xAxis: '2021', name: '2021 新表：项目调整', label: { formatter: '2021 新表：项目调整', align: 'left' } },
    ]);
    expect(seriesOf(option)).toHaveLength(3);
  });

  it('omits template breaks outside the year range', () => {
    const early = lineOverYears(
      [{ name: 'A', points: [{ year: 2010, value: 1 }, { year: 2018, value: 2 }] }],
      zhFrame,
      { templateBreaks: defaultTemplateBreaks('zh') },
    );
    expect(seriesOf(early).map((s) => s.id)).not.toContain(BREAKS_SERIES_ID);
    const partly = lineOverYears(
      [{ name: 'A', points: [{ year: 2020, value: 1 }, { year: 2023, value: 2 }] }],
      zhFrame,
      { templateBreaks: defaultTemplateBreaks('zh') },
    );
    const marks = seriesOf(partly).find((s) => s.id === BREAKS_SERIES_ID);
    expect(marks?.markLine.data.map((d: { xAxis: string }) => d.xAxis)).toEqual(['2021']);
  });

  it('has no legend and no break series for a single series without breaks', () => {
    const single = lineOverYears([beijing], zhFrame);
    expect(legendOf(single)).toBeUndefined();
    expect(seriesOf(single)).toHaveLength(1);
  });

  it('formats tooltip values, absent as a dash', () => {
    const format = dataSeries(option)[0].tooltip.valueFormatter;
    expect(format(12345, 0)).toBe('1.23万');
    expect(format(null, 1)).toBe('—');
    expect(format('-', 1)).toBe('—');
    expect(format(0, 3)).toBe('0');
  });

  it('formats the value axis compactly', () => {
    expect(axis(option, 'yAxis').axisLabel.formatter(20000)).toBe('2万');
  });

  it('is deterministic and static', () => {
    expect(option.animation).toBe(false);
    const again = lineOverYears([beijing, shanghai], zhFrame, { templateBreaks: defaultTemplateBreaks('zh') });
    expect(JSON.stringify(again)).toBe(JSON.stringify(option));
  });

  it('labels breaks and the unit in English', () => {
    const en = lineOverYears([beijing], enFrame, { templateBreaks: defaultTemplateBreaks('en') });
    expect(titleOf(en).subtext).toBe('Unit: requests');
    const marks = seriesOf(en).find((s) => s.id === BREAKS_SERIES_ID);
    expect(marks?.markLine.data[0].label.formatter).toBe('2019 new form: tables');
    expect(dataSeries(en)[0].tooltip.valueFormatter(12345)).toBe('12,345');
  });

  it('handles no data', () => {
    const empty = lineOverYears([], zhFrame, { templateBreaks: defaultTemplateBreaks('zh') });
    expect(axis(empty, 'xAxis').data).toEqual([]);
    expect(seriesOf(empty)).toEqual([]);
  });
});

describe('year helpers', () => {
  it('spans min to max year across all series', () => {
    expect(yearAxis([shanghai])).toEqual([2017, 2018, 2019, 2020]);
  });

  it('aligns points to years, dropping non-finite values to null', () => {
    expect(alignToYears([{ year: 2001, value: Number.NaN }, { year: 2002, value: 5 }], [2000, 2001, 2002])).toEqual([
      null,
      null,
      5,
    ]);
  });
});

describe('template-break labels', () => {
  it('sit above the plot and never run off it: a break in the last year ends at its line', () => {
    const option = lineOverYears([{ name: 'a', points: [{ year: 2014, value: 1 }, { year: 2021, value: 2 }] }], zhFrame, { templateBreaks: defaultTemplateBreaks('zh') });
    const marks = (option.series as { id?: string; markLine?: { label: { position: string }; data: { label: { align: string } }[] } }[]).find((s) => s.id === BREAKS_SERIES_ID)!.markLine!;
    expect(marks.label.position).toBe('end');
    expect(marks.data.map((d) => d.label.align)).toEqual(['right', 'right']);
  });

  it('two labels pointing the same way are on two rows, the plot a row lower; pointing apart, one row', () => {
    type Marks = { data: { label: { align: string; distance?: number[] } }[] };
    const marksOf = (option: ReturnType<typeof lineOverYears>) => (option.series as { id?: string; markLine?: Marks }[]).find((s) => s.id === BREAKS_SERIES_ID)!.markLine!;
    const top = (option: ReturnType<typeof lineOverYears>) => (option.grid as { top: number }).top;
    const plain = lineOverYears([{ name: 'a', points: [{ year: 2019, value: 1 }, { year: 2023, value: 2 }] }], zhFrame);
    // From 2019: both labels start at their lines, so the 2021 one goes a row above the 2019 one.
    const fromFirst = lineOverYears([{ name: 'a', points: [{ year: 2019, value: 1 }, { year: 2023, value: 2 }] }], zhFrame, { templateBreaks: defaultTemplateBreaks('zh') });
    expect(marksOf(fromFirst).data.map((d) => [d.label.align, d.label.distance ?? null])).toEqual([['left', null], ['left', [4, 4 + BREAK_LABEL_ROW]]]);
    expect(top(fromFirst)).toBe(top(plain) + BREAK_LABEL_ROW);
    // Through both years with room either side: the first ends at its line, the next starts at its own.
    const apart = lineOverYears([{ name: 'a', points: [{ year: 2014, value: 1 }, { year: 2023, value: 2 }] }], zhFrame, { templateBreaks: defaultTemplateBreaks('zh') });
    expect(marksOf(apart).data.map((d) => [d.label.align, d.label.distance ?? null])).toEqual([['right', null], ['left', null]]);
    expect(top(apart)).toBe(top(plain));
  });
});
