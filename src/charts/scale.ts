import type { VisualMapComponentOption } from 'echarts/components';
import { formatAxisNumber, formatNumber, formatPercent, type Locale } from './format';
import { fontFamilyFor, PAD, TEXT_MUTED, textWidth, toNumber, type GraphicElement } from './frame';

// The colour scale shared by the province tile grid and the choropleth: a continuous
// visualMap from the smallest to the largest present value, and a grey swatch for "no data".

/** Fill of a unit without a value. Absent is grey, never the colour of 0. */
export const NO_DATA_COLOR = '#e5e7eb';
export const NO_DATA_BORDER = '#cbd5e1';
/** Light to dark blue; the lightest step stays distinguishable from NO_DATA_COLOR. */
export const SEQUENTIAL_COLORS: readonly string[] = ['#dbeafe', '#93c5fd', '#3b82f6', '#1d4ed8', '#1e3a8a'];

/** Width kept free at the right of the plot for the colour scale and the no-data key. */
export const SCALE_WIDTH = 84;
const SCALE_LENGTH = 120;
const KEY_HEIGHT = 22;

export function noDataLabel(locale: Locale): string {
  return locale === 'zh' ? '无数据' : 'no data';
}

export function present(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Smallest and largest present value; null when there is none. */
export function valueExtent(values: readonly (number | null)[]): [number, number] | null {
  const kept = values.filter(present);
  return kept.length === 0 ? null : [Math.min(...kept), Math.max(...kept)];
}

/** Full value for tooltips and the ends of the scale: 1.23万, 12.3%. Absent is "—". */
export function formatValue(value: number | null, locale: Locale, percent: boolean): string {
  return percent ? formatPercent(value, locale) : formatNumber(value, locale);
}

/** Short value for labels inside small shapes: 1.2万, 12.3%. Absent is "—". */
export function formatShortValue(value: number | null, locale: Locale, percent: boolean): string {
  if (!present(value)) return formatNumber(null, locale);
  return percent ? formatPercent(value, locale) : formatAxisNumber(value, locale);
}

/** Tooltip value: the formatted value, or "无数据" / "no data" for an absent one. */
export function valueOrNoData(locale: Locale, percent: boolean): (value: unknown) => string {
  return (value) => {
    const v = toNumber(value);
    return v === null ? noDataLabel(locale) : formatValue(v, locale, percent);
  };
}

export interface ScaleSettings {
  extent: [number, number];
  locale: Locale;
  percent: boolean;
  /** Distance of the scale from the bottom edge: the plot bottom of the frame. */
  bottom: number;
  /** Whether the no-data key is drawn below the scale. */
  withKey: boolean;
  /** Data dimension holding the value; defaults to the series' value. */
  dimension?: number;
}

/** A vertical continuous scale at the bottom right of the plot, labelled with its ends. */
export function continuousScale(settings: ScaleSettings): VisualMapComponentOption {
  const [min, max] = settings.extent;
  const format = (value: number) => formatValue(value, settings.locale, settings.percent);
  return {
    type: 'continuous',
    seriesIndex: 0,
    ...(settings.dimension === undefined ? {} : { dimension: settings.dimension }),
    min,
    max,
    calculable: false,
    orient: 'vertical',
    right: PAD,
    bottom: settings.bottom + (settings.withKey ? KEY_HEIGHT : 0),
    itemWidth: 12,
    itemHeight: SCALE_LENGTH,
    // Vertical scales list the high end first.
    text: [format(max), format(min)],
    textGap: 6,
    textStyle: { color: TEXT_MUTED, fontSize: 11, fontFamily: fontFamilyFor(settings.locale) },
    formatter: (value: unknown) => format(toNumber(value) ?? Number.NaN),
    inRange: { color: [...SEQUENTIAL_COLORS] },
  };
}

export interface KeyItem {
  text: string;
  fill: string;
  stroke?: string;
}

/**
 * A row of swatches with their meaning, e.g. "▮ 无数据", anchored at the right of the chart.
 * Keys explain colours that no legend covers, so an exported image stands on its own.
 */
export function keyRow(id: string, items: readonly KeyItem[], place: { top: number } | { bottom: number }, locale: Locale): GraphicElement {
  let x = 0;
  const children: GraphicElement[] = [];
  for (const item of items) {
    children.push(
      {
        type: 'rect',
        shape: { x, y: 0, width: 12, height: 10 },
        style: { fill: item.fill, stroke: item.stroke ?? item.fill, lineWidth: 1 },
      },
      {
        type: 'text',
        x: x + 18,
        y: 5,
        style: { text: item.text, fontSize: 11, fill: TEXT_MUTED, fontFamily: fontFamilyFor(locale), verticalAlign: 'middle' },
      },
    );
    x += 18 + textWidth(item.text) + 14;
  }
  return { type: 'group', id, right: PAD, ...place, silent: true, children };
}

export const NO_DATA_KEY_ID = 'no-data-key';

/** A grey swatch and "无数据" at the bottom right of the plot, below the scale. */
export function noDataKey(locale: Locale, bottom: number): GraphicElement {
  return keyRow(NO_DATA_KEY_ID, [{ text: noDataLabel(locale), fill: NO_DATA_COLOR, stroke: NO_DATA_BORDER }], { bottom }, locale);
}

/** Dark text on light fills, white on dark ones; `fill` is a hex or rgb(a) colour. */
export function labelColorOn(fill: string): string {
  const rgb = parseColor(fill);
  if (!rgb) return '#111827';
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.3 ? '#111827' : '#ffffff';
}

function parseColor(color: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)/i.exec(color.trim());
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : null;
}
