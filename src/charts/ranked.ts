import type { BarSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { MISSING, formatPercent, type Locale } from './format';
import {
  fontFamilyFor,
  PAD,
  TEXT_MUTED,
  axisNumberFormatter,
  cartesianGrid,
  frameLayout,
  frameParts,
  numberFormatter,
  textWidth,
  percentFormatter,
  toNumber,
} from './frame';
import { DECALS, PALETTE } from './palette';
import { formatValue, keyRow, present, type KeyItem } from './scale';
import type { ChartFrame, ChartOption } from './types';

export interface RankedRow {
  name: string;
  value: number | null;
  outlier?: boolean;
  /** The unit the view is about, e.g. the one picked in the benchmark. */
  highlight?: boolean;
}

export interface Quartiles {
  p25: number;
  p50: number;
  p75: number;
}

export interface RankedBarsOptions {
  /** Drawn as a P25–P75 band and a P50 line; computed by the caller over the present values. */
  quartiles?: Quartiles | null;
  /** Values are ratios (0.25 = 25%). */
  percent?: boolean;
  /** A log value axis: a value of 0 or below has no bar; its row prints the value instead. */
  log?: boolean;
  /** Names wrap onto more lines instead of being cut: for a few rows with long names (reconciliation's parts), not a ranking's many. */
  wrapNames?: boolean;
}

// From the palette (≥ 3:1 on both backgrounds); an outlier also carries a hatch, a highlight a border.
export const BAR_COLOR = PALETTE[0];
export const OUTLIER_COLOR = PALETTE[1];
export const HIGHLIGHT_COLOR = '#fac858';
const HIGHLIGHT_BORDER = '#111827';
const BAND_COLOR = 'rgba(107, 114, 128, 0.14)';
const MEDIAN_COLOR = '#374151';
/** Helper series that writes "—" where a row has no value. */
export const MISSING_SERIES_ID = 'missing-values';
/** The swatches for outliers and the P25–P75 band, above the plot at the right. */
export const RANKED_KEY_ID = 'ranked-key';
/** Room between the key row and the plot, where the median's label goes. */
const KEY_ROW = 18;
/** Height of one row, for sizing the chart to the number of rows. */
export const RANKED_ROW_HEIGHT = 22;
const VALUE_AXIS_HEIGHT = 28;
const NAME_WIDTH = 140;

/** Percent axis labels without a needless ".0": 5%, 2.5%. */
function percentAxisFormatter(locale: Locale): (value: number) => string {
  return (value) => formatPercent(value, locale, 1).replace(/\.0%$/, '%');
}

// 12 px glyphs: CJK ones need more than 14 px a line or the lines of one name touch.
const WRAPPED_LINE_HEIGHT = 16;
/** Room above and below a wrapped name so the next row's name never touches it. */
const WRAPPED_ROW_GAP = 10;

const nameWords = (name: string): string[] => name.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/g) ?? [];

/** A name's lines when wrapped at word boundaries (each CJK character is one) within `width` px, filling each line first. */
function greedyLines(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && textWidth(line + word.trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += word;
  }
  return [...lines, line.trimEnd()];
}

/**
 * A name's lines within `width` px, as few as filling each line gives but of even width, so a last
 * line is never one stray character (上级政府部门本级报告合 / 计 → 上级政府部门 / 本级报告合计).
 */
export function balancedNameLines(name: string, width = NAME_WIDTH): string[] {
  const words = nameWords(name);
  const fewest = greedyLines(words, width);
  if (fewest.length < 2) return fewest;
  let best = fewest;
  for (let narrower = width - 1; narrower > 0; narrower -= 1) {
    const lines = greedyLines(words, narrower);
    if (lines.length > fewest.length) break;
    best = lines;
  }
  return best;
}

/** Lines a name takes when wrapped (balancedNameLines). */
export function wrappedNameLines(name: string, width = NAME_WIDTH): number {
  return balancedNameLines(name, width).length;
}

/**
 * A chart height (px) that gives every row the same room: `rows` is their count, or their names
 * when names wrap (`wrapNames`), so the tallest wrapped name sets every row's room (a category axis spaces rows evenly).
 */
export function rankedBarsHeight(frame: ChartFrame, rows: number | readonly string[]): number {
  const layout = frameLayout(frame, []);
  const count = typeof rows === 'number' ? rows : rows.length;
  const tallest = typeof rows === 'number' ? 1 : Math.max(1, ...rows.map((name) => wrappedNameLines(name)));
  const rowHeight = Math.max(RANKED_ROW_HEIGHT, tallest > 1 ? tallest * WRAPPED_LINE_HEIGHT + WRAPPED_ROW_GAP : 0);
  return layout.plotTop + KEY_ROW + layout.plotBottom + VALUE_AXIS_HEIGHT + Math.max(1, count) * rowHeight;
}

function keys(locale: Locale, outliers: boolean, band: boolean): KeyItem[] {
  return [
    ...(outliers ? [{ text: locale === 'zh' ? '异常值' : 'Outlier', fill: OUTLIER_COLOR }] : []),
    ...(band ? [{ text: 'P25–P75', fill: BAND_COLOR, stroke: 'rgba(107, 114, 128, 0.3)' }] : []),
  ];
}

function quartileMarks(quartiles: Quartiles, locale: Locale, percent: boolean): Pick<BarSeriesOption, 'markArea' | 'markLine'> {
  const low = Math.min(quartiles.p25, quartiles.p75);
  const high = Math.max(quartiles.p25, quartiles.p75);
  const band = 'P25–P75';
  const median = `${locale === 'zh' ? '中位数' : 'Median'} ${formatValue(quartiles.p50, locale, percent)}`;
  return {
    markArea: {
      silent: true,
      itemStyle: { color: BAND_COLOR },
      // Explained by the key; a label inside the band would sit under the first bar.
      label: { show: false },
      data: [[{ name: band, xAxis: low }, { xAxis: high }]],
    },
    markLine: {
      silent: true,
      symbol: 'none',
      animation: false,
      lineStyle: { type: 'solid', color: MEDIAN_COLOR, width: 1.5 },
      label: { position: 'start', color: MEDIAN_COLOR, fontSize: 11, fontFamily: fontFamilyFor(locale), formatter: median },
      data: [{ name: median, xAxis: quartiles.p50 }],
    },
  };
}

/**
 * Horizontal bars, one per unit in the order given (the caller sorts), first on top. A unit
 * without a value keeps its row, with "—" and no bar (absent is not 0). Outliers are red,
 * the highlighted unit yellow with a dark border and a bold name. With quartiles, the P25–P75
 * band is shaded and the median drawn as a line.
 */
export function rankedBars(
  rows: readonly RankedRow[],
  frame: ChartFrame,
  opts: RankedBarsOptions = {},
): ChartOption {
  const locale = frame.locale;
  const percent = opts.percent === true;
  const layout = frameLayout(frame, []);
  const stated = rows.map((r) => (present(r.value) ? r.value : null));
  const log = opts.log === true;
  const values = stated.map((v) => (log && v !== null && v <= 0 ? null : v));
  const hasOutlier = rows.some((r, i) => r.outlier === true && values[i] !== null);
  const key = keys(locale, hasOutlier, Boolean(opts.quartiles));

  const bars: BarSeriesOption = {
    type: 'bar',
    name: frame.title,
    barMaxWidth: 18,
    barCategoryGap: '30%',
    itemStyle: { color: BAR_COLOR },
    data: rows.map((r, i) => ({
      value: values[i],
      itemStyle: {
        color: r.outlier ? OUTLIER_COLOR : r.highlight ? HIGHLIGHT_COLOR : BAR_COLOR,
        ...(r.outlier ? { decal: DECALS[0] } : {}),
        ...(r.highlight ? { borderColor: HIGHLIGHT_BORDER, borderWidth: 1.5 } : {}),
      },
    })),
    label: {
      show: true,
      position: 'right',
      fontSize: 11,
      color: '#374151',
      formatter: (params: { value?: unknown }) => formatValue(toNumber(params.value), locale, percent),
    },
    tooltip: { valueFormatter: percent ? percentFormatter(locale) : numberFormatter(locale) },
    ...(opts.quartiles ? quartileMarks(opts.quartiles, locale, percent) : {}),
  };

  // Where a bar would start: 0, or on a log axis the smallest value drawn.
  const drawnValues = values.filter((v): v is number => v !== null);
  const start = log ? (drawnValues.length > 0 ? Math.min(...drawnValues) : 1) : 0;
  type Mark = [number, number] | { value: [number, number]; label: { formatter: string } };
  const missingRows: Mark[] = values.flatMap((v, i): Mark[] =>
    v !== null ? [] : stated[i] === null ? [[start, i]] : [{ value: [start, i], label: { formatter: formatValue(stated[i], locale, percent) } }],
  );
  const missing: ScatterSeriesOption = {
    type: 'scatter',
    id: MISSING_SERIES_ID,
    silent: true,
    symbolSize: 0,
    tooltip: { show: false },
    label: { show: true, position: 'right', formatter: MISSING, color: TEXT_MUTED, fontSize: 11 },
    // At 0, where the bar would start; y is the row index on the category axis.
    data: missingRows,
  };

  const grid = cartesianGrid(frame, []);
  return {
    ...frameParts(frame, [], key.length > 0 ? [keyRow(RANKED_KEY_ID, key, { top: layout.legendTop }, locale)] : []),
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
    // Room at the right for the value labels of the longest bars.
    grid: { ...grid, top: layout.plotTop + (key.length > 0 ? KEY_ROW : 0), right: PAD + 56 },
    xAxis: {
      type: log ? 'log' : 'value',
      axisLabel: { formatter: percent ? percentAxisFormatter(locale) : axisNumberFormatter(locale) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.name),
      axisTick: { show: false },
      axisLabel: {
        width: NAME_WIDTH,
        // wrapped names are few and each names its bar: never hidden where a wrapped one would overlap the next (ECharts' auto interval)
        ...(opts.wrapNames ? { overflow: 'break', lineHeight: WRAPPED_LINE_HEIGHT, interval: 0 } : { overflow: 'truncate' }),
        formatter: (name: string, index: number) => {
          const shown = opts.wrapNames ? balancedNameLines(name).join('\n') : name;
          // One rich token holds every line: ECharts sets `{hl|a}\n{hl|b}` on one line.
          return rows[index]?.highlight ? `{hl|${shown}}` : shown;
        },
        rich: { hl: { fontWeight: 'bold', color: '#111827' } },
      },
    },
    series: missingRows.length > 0 ? [bars, missing] : [bars],
  };
}
