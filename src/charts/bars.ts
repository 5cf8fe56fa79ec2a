import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { formatNumber, formatPercent, type Locale } from './format';
import {
  axisNumberFormatter,
  cartesianGrid,
  frameParts,
  numberFormatter,
  percentFormatter,
  toNumber,
} from './frame';
import { assignSlots, slotAt } from './palette';
import type { ChartFrame, ChartOption, NamedValues } from './types';

export interface StackedBarsOptions {
  /** Each category's bars become shares of its total; the tooltip still shows the counts. */
  percent?: boolean;
  /** Categories on the vertical axis, first on top. */
  horizontal?: boolean;
  /**
   * The whole each category's shares are taken of (a printed total); without it, the sum of the
   * series present there. Parts that add up past it draw past 100%.
   */
  totals?: readonly (number | null)[];
  /** Each series' palette place (slotAt), for a closed set of categories; by default from its name (assignSlots). */
  slots?: readonly number[];
}

function present(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `values` padded or cut to `length`; non-finite entries become null (absent). */
function fit(values: readonly (number | null)[], length: number): (number | null)[] {
  return Array.from({ length }, (_, i) => (present(values[i]) ? values[i] : null));
}

/**
 * Shares of each category's total over the series present there. An absent value stays absent
 * (null), and a category whose total is 0 or absent has no shares.
 */
export function shareMatrix(columns: readonly (number | null)[][], length: number, wholes?: readonly (number | null)[]): (number | null)[][] {
  const totals = Array.from({ length }, (_, c) =>
    wholes ? (present(wholes[c]) ? wholes[c] : 0) : columns.reduce((sum, values) => sum + (present(values[c]) ? values[c] : 0), 0),
  );
  return columns.map((values) =>
    values.map((v, c) => (present(v) && totals[c] > 0 ? v / totals[c] : null)),
  );
}

function shareWithCount(locale: Locale, counts: readonly (number | null)[]) {
  return (value: unknown, dataIndex: number): string => {
    const share = formatPercent(toNumber(value), locale);
    const count = formatNumber(counts[dataIndex] ?? null, locale);
    return locale === 'zh' ? `${share}（${count}）` : `${share} (${count})`;
  };
}

export function stackedBars(
  categories: readonly string[],
  series: readonly NamedValues[],
  frame: ChartFrame,
  opts: StackedBarsOptions = {},
): ChartOption {
  const names = series.map((s) => s.name);
  const counts = series.map((s) => fit(s.values, categories.length));
  const data = opts.percent ? shareMatrix(counts, categories.length, opts.totals) : counts;
  const stackedMax = Math.max(1, ...categories.map((_, c) => data.reduce((sum, values) => sum + (present(values[c]) && values[c] > 0 ? values[c] : 0), 0)));
  const slots = opts.slots && opts.slots.length === series.length ? opts.slots.map(slotAt) : assignSlots(names);
  const bars: BarSeriesOption[] = series.map((s, i) => ({
    type: 'bar',
    name: s.name,
    itemStyle: { color: slots[i].color, decal: slots[i].decal },
    stack: 'total',
    data: data[i],
    emphasis: { focus: 'series' },
    tooltip: {
      valueFormatter: opts.percent ? shareWithCount(frame.locale, counts[i]) : numberFormatter(frame.locale),
    },
  }));
  const categoryAxis = {
    type: 'category' as const,
    data: [...categories],
    inverse: opts.horizontal === true,
  };
  const valueAxis = opts.percent
    ? { type: 'value' as const, min: 0, max: stackedMax, axisLabel: { formatter: percentFormatter(frame.locale, 0) } }
    : { type: 'value' as const, axisLabel: { formatter: axisNumberFormatter(frame.locale) } };
  // A stack of one part still names it: a bar of 100 % "not itemised" must say so.
  return {
    ...frameParts(frame, names, [], true),
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
    grid: cartesianGrid(frame, names, true),
    xAxis: opts.horizontal ? valueAxis : categoryAxis,
    yAxis: opts.horizontal ? categoryAxis : valueAxis,
    series: bars,
  };
}

/**
 * Grouped count bars on the left axis and a rate line on a right 0–100% axis. Rates are
 * ratios (0.25 = 25%), computed by the caller from summed counts. Horizontal: categories down the
 * left, first on top (each label has the chart's width), counts along the bottom, the rate along the top.
 */
export function barsWithRate(
  categories: readonly string[],
  counts: readonly NamedValues[],
  rate: NamedValues,
  frame: ChartFrame,
  opts: { horizontal?: boolean } = {},
): ChartOption {
  const names = [...counts.map((s) => s.name), rate.name];
  const rates = fit(rate.values, categories.length);
  const slots = assignSlots(names);
  const horizontal = opts.horizontal === true;
  const axes = (index: number) => (horizontal ? { xAxisIndex: index } : { yAxisIndex: index });
  const bars: BarSeriesOption[] = counts.map((s, i) => ({
    type: 'bar',
    name: s.name,
    itemStyle: { color: slots[i].color, decal: slots[i].decal },
    ...axes(0),
    data: fit(s.values, categories.length),
    tooltip: { valueFormatter: numberFormatter(frame.locale) },
  }));
  const line: LineSeriesOption = {
    type: 'line',
    name: rate.name,
    color: slots[slots.length - 1].color,
    symbol: slots[slots.length - 1].symbol,
    ...axes(1),
    data: rates,
    connectNulls: false,
    showSymbol: true,
    showAllSymbol: true,
    symbolSize: 8,
    z: 3,
    tooltip: { valueFormatter: percentFormatter(frame.locale) },
  };
  // A rate above 100% is a data error; show it rather than clip it. The top is a multiple of a
  // quarter and the ticks divide it in four, so no tick sits beside it (90% next to 100%).
  const rateMax = Math.ceil(Math.max(1, ...rates.filter(present)) * 4) / 4;
  const categoryAxis = { type: 'category' as const, data: [...categories], inverse: horizontal };
  const valueAxes = [
    { type: 'value' as const, axisLabel: { formatter: axisNumberFormatter(frame.locale) } },
    {
      type: 'value' as const,
      min: 0,
      max: rateMax,
      interval: rateMax / 4,
      splitLine: { show: false },
      axisLabel: { formatter: percentFormatter(frame.locale, 0) },
      ...(horizontal ? { position: 'top' as const } : {}),
    },
  ];
  return {
    ...frameParts(frame, names),
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
    grid: cartesianGrid(frame, names),
    xAxis: horizontal ? valueAxes : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxes,
    series: [...bars, line],
  };
}
