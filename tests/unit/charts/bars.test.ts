import { describe, expect, it } from 'vitest';
import { barsWithRate, shareMatrix, stackedBars } from '../../../src/charts/bars';
import { axis, enFrame, legendOf, seriesOf, titleOf, zhFrame } from './option-helpers';

const years = ['2019', '2020', '2021'];
const outcomes = [
  { name: '予以公开', values: [10, 20, null] },
  { name: '部分公开', values: [5, 0, 3] },
  { name: '不予公开', values: [5, null, 1] },
];

describe('stackedBars', () => {
  const counts = stackedBars(years, outcomes, zhFrame);

  it('stacks one bar series per outcome with the counts as given', () => {
    const series = seriesOf(counts);
    expect(series).toHaveLength(3);
    expect(series.every((s) => s.type === 'bar' && s.stack === 'total')).toBe(true);
    expect(series.map((s) => s.data)).toEqual([
      [10, 20, null],
      [5, 0, 3],
      [5, null, 1],
    ]);
  });

  it('has title, unit, legend and category axis', () => {
    expect(titleOf(counts).text).toBe('依申请公开申请数量');
    expect(titleOf(counts).subtext).toBe('单位：件');
    expect(legendOf(counts)?.data).toEqual(['予以公开', '部分公开', '不予公开']);
    expect(axis(counts, 'xAxis')).toMatchObject({ type: 'category', data: years, inverse: false });
    expect(axis(counts, 'yAxis').type).toBe('value');
    expect(seriesOf(counts)[0].tooltip.valueFormatter(12345, 0)).toBe('1.23万');
  });

  it('names the one part of a stack of one (a bar of 100 % 未分项 says what it is), with room above the plot', () => {
    const one = stackedBars(['2021'], [{ name: '未分项', values: [248] }], zhFrame, { percent: true, totals: [248] });
    expect(legendOf(one)?.data).toEqual(['未分项']);
    const two = stackedBars(['2021'], [{ name: '予以公开', values: [1] }, { name: '未分项', values: [2] }], zhFrame);
    expect((one.grid as { top: number }).top).toBe((two.grid as { top: number }).top);
    expect((one.grid as { top: number }).top).toBeGreaterThanOrEqual((legendOf(one)?.top as number) + 22);
  });

  it('pads short value lists with null and drops extra values', () => {
    const option = stackedBars(['a', 'b', 'c'], [{ name: 'x', values: [1] }, { name: 'y', values: [1, 2, 3, 4] }], zhFrame);
    expect(seriesOf(option).map((s) => s.data)).toEqual([
      [1, null, null],
      [1, 2, 3],
    ]);
  });

  describe('percent mode', () => {
    const shares = stackedBars(years, outcomes, zhFrame, { percent: true });
    const data = seriesOf(shares).map((s) => s.data as (number | null)[]);

    it('gives shares of each category total that sum to 1', () => {
      for (let c = 0; c < years.length; c++) {
        const sum = data.reduce((acc, values) => acc + (values[c] ?? 0), 0);
        expect(sum).toBeCloseTo(1, 12);
      }
      expect(data[0][0]).toBeCloseTo(0.5, 12);
      expect(data[1][2]).toBeCloseTo(0.75, 12);
    });

    it('keeps absent values absent and a printed 0 as a 0 share', () => {
      expect(data[0][2]).toBeNull();
      expect(data[2][1]).toBeNull();
      expect(data[1][1]).toBe(0);
    });

    it('shows share and count in the tooltip', () => {
      const format = seriesOf(shares)[0].tooltip.valueFormatter;
      expect(format(data[0][1], 1)).toBe('100.0%（20）');
      expect(format(data[0][0], 0)).toBe('50.0%（10）');
      expect(format(null, 2)).toBe('—（—）');
      const en = stackedBars(years, outcomes, enFrame, { percent: true });
      expect(seriesOf(en)[1].tooltip.valueFormatter(0.75, 2)).toBe('75.0% (3)');
    });

    it('fixes the value axis at 0–100%', () => {
      const valueAxis = axis(shares, 'yAxis');
      expect(valueAxis).toMatchObject({ type: 'value', min: 0, max: 1 });
      expect(valueAxis.axisLabel.formatter(0.25)).toBe('25%');
    });
  });

  it('puts categories on the vertical axis, first on top, when horizontal', () => {
    const option = stackedBars(['北京市', '上海市'], outcomes, zhFrame, { horizontal: true });
    expect(axis(option, 'yAxis')).toMatchObject({ type: 'category', data: ['北京市', '上海市'], inverse: true });
    expect(axis(option, 'xAxis').type).toBe('value');
  });
});

describe('shareMatrix', () => {
  it('has no shares for a category whose total is 0 or absent', () => {
    expect(shareMatrix([[0, null], [0, null]], 2)).toEqual([
      [null, null],
      [null, null],
    ]);
  });
});

describe('barsWithRate', () => {
  const option = barsWithRate(
    years,
    [
      { name: '行政复议', values: [100, 120, null] },
      { name: '行政诉讼', values: [50, 60, 70] },
    ],
    { name: '纠错率', values: [0.1234, null, 0.2] },
    zhFrame,
  );
  const series = seriesOf(option);

  it('has grouped count bars on the left axis and the rate line on the right', () => {
    expect(series.map((s) => [s.type, s.name, s.yAxisIndex])).toEqual([
      ['bar', '行政复议', 0],
      ['bar', '行政诉讼', 0],
      ['line', '纠错率', 1],
    ]);
    expect(series.some((s) => s.stack !== undefined)).toBe(false);
    expect(series[0].data).toEqual([100, 120, null]);
    expect(series[2].data).toEqual([0.1234, null, 0.2]);
    expect(series[2].connectNulls).toBe(false);
  });

  it('has a 0–100% right axis', () => {
    // Four even steps up to the top: an automatic step (0.3) left 90% beside 100% at 390 px.
    expect(axis(option, 'yAxis', 1)).toMatchObject({ type: 'value', min: 0, max: 1, interval: 0.25 });
    expect(axis(option, 'yAxis', 1).axisLabel.formatter(0.5)).toBe('50%');
    expect(axis(option, 'yAxis', 0).axisLabel.formatter(15000)).toBe('1.5万');
  });

  it('lists counts and rate in the legend and formats each in the tooltip', () => {
    expect(legendOf(option)?.data).toEqual(['行政复议', '行政诉讼', '纠错率']);
    expect(series[0].tooltip.valueFormatter(12345)).toBe('1.23万');
    expect(series[2].tooltip.valueFormatter(0.1234)).toBe('12.3%');
    expect(series[2].tooltip.valueFormatter(null)).toBe('—');
  });

  it('widens the rate axis rather than clipping a rate above 100%', () => {
    const odd = barsWithRate(['2020'], [{ name: 'n', values: [1] }], { name: 'r', values: [1.5] }, zhFrame);
    expect(axis(odd, 'yAxis', 1)).toMatchObject({ max: 1.5, interval: 0.375 });
    expect(axis(barsWithRate(['2020'], [{ name: 'n', values: [1] }], { name: 'r', values: [1.1] }, zhFrame), 'yAxis', 1)).toMatchObject({ max: 1.25, interval: 0.3125 });
  });

  it('lays categories down the left when horizontal, counts along the bottom and the rate along the top', () => {
    const across = barsWithRate(years, [{ name: '行政复议', values: [1, 2, 3] }], { name: '纠错率', values: [0.5, null, 1] }, zhFrame, { horizontal: true });
    expect(axis(across, 'yAxis', 0)).toMatchObject({ type: 'category', data: years, inverse: true });
    expect([axis(across, 'xAxis', 0).type, axis(across, 'xAxis', 1).position, axis(across, 'xAxis', 1).max]).toEqual(['value', 'top', 1]);
    expect(seriesOf(across).map((s) => [s.type, s.xAxisIndex, s.yAxisIndex])).toEqual([['bar', 0, undefined], ['line', 1, undefined]]);
  });
});
