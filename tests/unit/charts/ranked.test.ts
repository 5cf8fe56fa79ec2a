import { describe, expect, it } from 'vitest';
import { frameLayout } from '../../../src/charts/frame';
import {
  BAR_COLOR,
  HIGHLIGHT_COLOR,
  MISSING_SERIES_ID,
  OUTLIER_COLOR,
  RANKED_KEY_ID,
  RANKED_ROW_HEIGHT,
  rankedBars,
  rankedBarsHeight,
  wrappedNameLines,
  balancedNameLines,
  type RankedRow,
} from '../../../src/charts/ranked';
import type { ChartOption } from '../../../src/charts/types';
import { axis, dataSeries, enFrame, list, seriesOf, titleOf, zhFrame, type Loose } from './option-helpers';

const rows: RankedRow[] = [
  { name: '东城区', value: 52000, outlier: true },
  { name: '西城区', value: 31000, highlight: true },
  { name: '朝阳区', value: 22000 },
  { name: '丰台区', value: null },
  { name: '海淀区', value: 0 },
  { name: '房山区', value: Number.NaN },
];
const quartiles = { p25: 9000, p50: 15000, p75: 31000 };

function keyOf(option: ChartOption): Loose | undefined {
  return list(list(option.graphic)[0].elements).find((el) => el.id === RANKED_KEY_ID);
}

describe('rankedBars', () => {
  const option = rankedBars(rows, zhFrame, { quartiles });
  const [bars] = dataSeries(option);

  it('draws horizontal bars in the given order, first on top', () => {
    expect(axis(option, 'yAxis')).toMatchObject({
      type: 'category',
      inverse: true,
      data: ['东城区', '西城区', '朝阳区', '丰台区', '海淀区', '房山区'],
    });
    expect(axis(option, 'xAxis').type).toBe('value');
    expect(bars.type).toBe('bar');
    expect(dataSeries(option)).toHaveLength(1);
  });

  it('wraps names it must not cut and shows every one of them (no name hidden as overlapping)', () => {
    const wrapped = axis(rankedBars(rows, enFrame, { wrapNames: true }), 'yAxis').axisLabel as Loose;
    expect(wrapped).toMatchObject({ overflow: 'break', interval: 0 });
    expect((axis(option, 'yAxis').axisLabel as Loose).overflow).toBe('truncate');
  });

  it('keeps absent values null, a printed 0 as 0', () => {
    expect(bars.data.map((d: Loose) => d.value)).toEqual([52000, 31000, 22000, null, 0, null]);
  });

  it('writes "—" on the rows without a value, on a helper series', () => {
    const missing = seriesOf(option).find((s) => s.id === MISSING_SERIES_ID);
    expect(missing).toMatchObject({ type: 'scatter', silent: true, symbolSize: 0, tooltip: { show: false } });
    expect(missing?.data).toEqual([
      [0, 3],
      [0, 5],
    ]);
    expect(missing?.label.formatter).toBe('—');
    const complete = rankedBars([{ name: 'a', value: 1 }], zhFrame);
    expect(seriesOf(complete).map((s) => s.id)).not.toContain(MISSING_SERIES_ID);
  });

  it('colours outliers and the highlighted unit', () => {
    const colors = bars.data.map((d: Loose) => d.itemStyle.color);
    expect(colors).toEqual([OUTLIER_COLOR, HIGHLIGHT_COLOR, BAR_COLOR, BAR_COLOR, BAR_COLOR, BAR_COLOR]);
    expect(bars.data[1].itemStyle).toMatchObject({ borderWidth: 1.5 });
    expect(bars.data[0].itemStyle.borderWidth).toBeUndefined();
    const both = dataSeries(rankedBars([{ name: 'a', value: 1, outlier: true, highlight: true }], zhFrame))[0];
    expect(both.data[0].itemStyle).toMatchObject({ color: OUTLIER_COLOR, borderWidth: 1.5 });
  });

  it('sets the highlighted name in bold', () => {
    const label = axis(option, 'yAxis').axisLabel;
    expect(label.formatter('西城区', 1)).toBe('{hl|西城区}');
    expect(label.formatter('东城区', 0)).toBe('东城区');
    expect(label.rich.hl.fontWeight).toBe('bold');
    expect(label).toMatchObject({ overflow: 'truncate', width: 140 });
  });

  it('shades the P25–P75 band and draws the median', () => {
    expect(bars.markArea.data).toEqual([[{ name: 'P25–P75', xAxis: 9000 }, { xAxis: 31000 }]]);
    expect(bars.markArea.silent).toBe(true);
    expect(bars.markLine.data).toEqual([{ name: '中位数 1.5万', xAxis: 15000 }]);
    expect(bars.markLine.label.formatter).toBe('中位数 1.5万');
    const en = dataSeries(rankedBars(rows, enFrame, { quartiles }))[0];
    expect(en.markLine.label.formatter).toBe('Median 15,000');
  });

  it('orders the band even if p25 and p75 come swapped', () => {
    const swapped = dataSeries(rankedBars(rows, zhFrame, { quartiles: { p25: 31000, p50: 15000, p75: 9000 } }))[0];
    expect(swapped.markArea.data[0].map((d: Loose) => d.xAxis)).toEqual([9000, 31000]);
  });

  it('has no band, median or band key without quartiles', () => {
    for (const q of [undefined, null]) {
      const plain = rankedBars(rows, zhFrame, { quartiles: q });
      const s = dataSeries(plain)[0];
      expect(s.markArea).toBeUndefined();
      expect(s.markLine).toBeUndefined();
      expect(keyOf(plain)?.children.map((c: Loose) => c.style.text).filter(Boolean)).toEqual(['异常值']);
    }
  });

  it('keys the outlier colour and the band above the plot', () => {
    const key = keyOf(option);
    expect(key?.children.map((c: Loose) => c.style.text).filter(Boolean)).toEqual(['异常值', 'P25–P75']);
    expect(key?.top).toBe(frameLayout(zhFrame, []).legendTop);
    expect(list(option.grid)[0].top).toBeGreaterThan(frameLayout(zhFrame, []).plotTop);
    const none = rankedBars([{ name: 'a', value: 1 }], zhFrame);
    expect(keyOf(none)).toBeUndefined();
    expect(list(none.grid)[0].top).toBe(frameLayout(zhFrame, []).plotTop);
    // An outlier without a value draws nothing red.
    expect(keyOf(rankedBars([{ name: 'a', value: null, outlier: true }], zhFrame))).toBeUndefined();
  });

  it('formats labels, tooltip and axis as numbers', () => {
    expect(bars.label).toMatchObject({ show: true, position: 'right' });
    expect(bars.label.formatter({ value: 52000 })).toBe('5.2万');
    expect(bars.label.formatter({ value: 0 })).toBe('0');
    expect(bars.tooltip.valueFormatter(12345)).toBe('1.23万');
    expect(bars.tooltip.valueFormatter(null)).toBe('—');
    expect(axis(option, 'xAxis').axisLabel.formatter(20000)).toBe('2万');
    expect(list(option.tooltip)[0]).toMatchObject({ trigger: 'axis', confine: true });
  });

  it('formats everything as percentages in percent mode', () => {
    const rates = rankedBars(
      [
        { name: '甲', value: 0.5 },
        { name: '乙', value: null },
      ],
      zhFrame,
      { percent: true, quartiles: { p25: 0.1, p50: 0.255, p75: 0.4 } },
    );
    const s = dataSeries(rates)[0];
    expect(s.data.map((d: Loose) => d.value)).toEqual([0.5, null]);
    expect(s.label.formatter({ value: 0.5 })).toBe('50.0%');
    expect(s.tooltip.valueFormatter(0.1234)).toBe('12.3%');
    expect(s.tooltip.valueFormatter(null)).toBe('—');
    expect(s.markLine.label.formatter).toBe('中位数 25.5%');
    const labels = axis(rates, 'xAxis').axisLabel.formatter;
    expect([labels(0), labels(0.05), labels(0.025), labels(1)]).toEqual(['0%', '5%', '2.5%', '100%']);
  });

  it('carries the frame without a legend', () => {
    expect(titleOf(option)).toMatchObject({ text: '依申请公开申请数量', subtext: '单位：件' });
    expect(option.legend).toBeUndefined();
    expect(bars.name).toBe('依申请公开申请数量');
  });

  it('suggests a height that grows by one row height per row', () => {
    expect(rankedBarsHeight(zhFrame, 30) - rankedBarsHeight(zhFrame, 10)).toBe(20 * RANKED_ROW_HEIGHT);
    expect(rankedBarsHeight(zhFrame, 0)).toBe(rankedBarsHeight(zhFrame, 1));
  });

  it('gives wrapped names the room of the tallest one, on every row', () => {
    expect(wrappedNameLines('东城区')).toBe(1);
    // 12 CJK characters at 12 px are wider than the 140 px name column: two lines.
    expect(wrappedNameLines('上级政府部门本级报告合计')).toBe(2);
    // Latin wraps at word boundaries, never inside "departments'".
    expect(wrappedNameLines("Parent's departments' own reports, summed")).toBe(3);
    const short = ['东城区', '西城区', '朝阳区', '丰台区'];
    expect(rankedBarsHeight(enFrame, short)).toBe(rankedBarsHeight(enFrame, 4));
    const parts = ["Parent's area summary", "Children's own reports, summed", "Parent government's own report", "Parent's departments' own reports, summed"];
    // Three lines of 16 px and a gap on each of the four rows, not 22 px rows that overlap.
    expect(rankedBarsHeight(enFrame, parts) - rankedBarsHeight(enFrame, 0)).toBe(4 * (3 * 16 + 10) - RANKED_ROW_HEIGHT);
  });

  it('wraps a long name into lines of even width: no stray last character', () => {
    expect(balancedNameLines('上级政府部门本级报告合计')).toEqual(['上级政府部门', '本级报告合计']);
    expect(balancedNameLines('东城区')).toEqual(['东城区']);
    const latin = balancedNameLines("Parent's departments' own reports, summed");
    expect(latin).toHaveLength(3);
    expect(latin.join(' ')).toBe("Parent's departments' own reports, summed");
    for (const line of latin) expect(line.split(' ').length).toBeLessThanOrEqual(2);
    // The chart's name axis draws the same lines (the highlighted row's in one bold token).
    const option = rankedBars([{ name: '上级政府部门本级报告合计', value: 3, highlight: true }, { name: '东城区', value: 1 }], zhFrame, { wrapNames: true });
    const formatter = axis(option, 'yAxis').axisLabel.formatter as (name: string, index: number) => string;
    expect(formatter('上级政府部门本级报告合计', 0)).toBe('{hl|上级政府部门\n本级报告合计}');
    expect(formatter('东城区', 1)).toBe('东城区');
  });

  it('handles no rows', () => {
    const empty = rankedBars([], zhFrame, { quartiles: null });
    expect(axis(empty, 'yAxis').data).toEqual([]);
    expect(seriesOf(empty)).toHaveLength(1);
    expect(dataSeries(empty)[0].data).toEqual([]);
  });
});
