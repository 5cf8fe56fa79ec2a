import type { GraphicComponentOption, GridComponentOption } from 'echarts/components';
import { formatAxisNumber, formatNumber, formatPercent, type Locale } from './format';
import type { ChartFrame, ChartOption } from './types';

// Debian's Chromium and most Linux desktops ship Noto CJK; macOS has PingFang, Windows YaHei.
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
/**
 * English text in a Latin face first: a CJK face draws ' ’ “ ” full-width. Chinese names in
 * English text fall through to the CJK faces. The page's CSS (styles.css, :lang(en)) is the same.
 */
export const LATIN_FONT_FAMILY = `'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', ${FONT_FAMILY}`;

/** The chart font of a language: exports and the screen use the option's own. */
export const fontFamilyFor = (locale: Locale): string => (locale === 'en' ? LATIN_FONT_FAMILY : FONT_FAMILY);

export const TEXT_MUTED = '#6b7280';
/** Padding between the chart edge and the title, plot, legend and foot lines. */
export const PAD = 12;
const TITLE_TOP = 8;
const TITLE_HEIGHT = 26;
const SUBTEXT_HEIGHT = 20;
export const LEGEND_ROW = 22;
const FOOT_LINE = 16;
// Legend rows are estimated against a narrow chart so a wider one only gains slack.
const ASSUMED_WIDTH = 560;

const LABELS = {
  zh: { unit: '单位：', source: '来源：' },
  en: { unit: 'Unit: ', source: 'Source: ' },
} as const;

export function unitSubtext(frame: ChartFrame): string {
  return frame.unit ? `${LABELS[frame.locale].unit}${frame.unit}` : '';
}

export function sourceLine(frame: ChartFrame): string {
  const date = frame.date ? ` · ${frame.date}` : '';
  return `${LABELS[frame.locale].source}${frame.source}${date}`;
}

function noteLines(frame: ChartFrame): string[] {
  return frame.notes ? frame.notes.split('\n').filter((line) => line.trim() !== '') : [];
}

/** Rough width in px of `text` at 12px: CJK characters count as 12, others as 7. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 12 : 7;
  return width;
}

/** Legend rows of `names` at a chart width (by default the narrow width every chart is laid out for). */
export function estimateLegendRows(names: readonly string[], width = ASSUMED_WIDTH): number {
  if (names.length === 0) return 0;
  const usable = width - 2 * PAD;
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const item = 25 + 5 + textWidth(name) + 10;
    if (x > 0 && x + item > usable) {
      rows++;
      x = 0;
    }
    x += item;
  }
  return rows;
}

export interface FrameLayout {
  legendTop: number;
  /** Free area for the plot, in px from the top and bottom edges. */
  plotTop: number;
  plotBottom: number;
}

/** A legend is drawn for two names or more, or for one when `always` (the one part of a stack must be named). */
const showsLegend = (legendNames: readonly string[], always: boolean) => legendNames.length > 1 || (always && legendNames.length === 1);

export function frameLayout(frame: ChartFrame, legendNames: readonly string[], always = false): FrameLayout {
  const legendTop = TITLE_TOP + TITLE_HEIGHT + (frame.unit ? SUBTEXT_HEIGHT : 0) + 4;
  const legendRows = showsLegend(legendNames, always) ? estimateLegendRows(legendNames) : 0;
  const plotTop = legendTop + legendRows * LEGEND_ROW + PAD + 6;
  const plotBottom = 8 + FOOT_LINE * (1 + noteLines(frame).length) + PAD;
  return { legendTop, plotTop, plotBottom };
}

// echarts/components' GraphicComponentOption is the loose union of the component and its elements.
type ElementsOf<T> = T extends unknown ? ('elements' extends keyof T ? NonNullable<T['elements']> : never) : never;
/** One element of the graphic component, e.g. a colour key drawn beside the plot. */
export type GraphicElement = ElementsOf<GraphicComponentOption> extends (infer E)[] ? E : never;

/** The notes and the source line, one string each, top to bottom. */
export const footTexts = (frame: ChartFrame): string[] => [...noteLines(frame), sourceLine(frame)];

function footGraphics(frame: ChartFrame, extra: readonly GraphicElement[]): GraphicComponentOption {
  const lines = footTexts(frame);
  return {
    elements: [
      ...lines.map((text, i) => ({
        type: 'text' as const,
        id: i === lines.length - 1 ? 'source' : `note-${i}`,
        left: PAD,
        bottom: 8 + FOOT_LINE * (lines.length - 1 - i),
        silent: true,
        style: { text, fontSize: 11, fill: TEXT_MUTED, fontFamily: fontFamilyFor(frame.locale) },
      })),
      ...extra,
    ],
  };
}

/**
 * The parts every chart shares: title with the unit as subtext, legend when there is more than
 * one name, the notes and source lines at the bottom, fixed font, no animation. `extraGraphics`
 * (keys such as the no-data swatch) are drawn after the foot lines.
 */
export function frameParts(
  frame: ChartFrame,
  legendNames: readonly string[],
  extraGraphics: readonly GraphicElement[] = [],
  legendAlways = false,
): ChartOption {
  const layout = frameLayout(frame, legendNames, legendAlways);
  const fontFamily = fontFamilyFor(frame.locale);
  const option: ChartOption = {
    animation: false,
    textStyle: { fontFamily },
    title: {
      text: frame.title,
      subtext: unitSubtext(frame),
      left: PAD,
      top: TITLE_TOP,
      textStyle: { fontSize: 16, fontWeight: 'bold', fontFamily },
      subtextStyle: { fontSize: 12, color: TEXT_MUTED, fontFamily },
    },
    graphic: footGraphics(frame, extraGraphics),
  };
  if (showsLegend(legendNames, legendAlways)) {
    option.legend = {
      type: 'plain',
      data: [...legendNames],
      top: layout.legendTop,
      left: PAD,
      right: PAD,
      itemWidth: 18,
      itemHeight: 10,
    };
  }
  return option;
}

export function cartesianGrid(frame: ChartFrame, legendNames: readonly string[], legendAlways = false): GridComponentOption {
  const layout = frameLayout(frame, legendNames, legendAlways);
  // The grid rect includes the axis labels (what `containLabel: true` did before ECharts 6).
  return {
    left: PAD + 4,
    right: PAD + 8,
    top: layout.plotTop,
    bottom: layout.plotBottom,
    outerBoundsMode: 'same',
    outerBoundsContain: 'axisLabel',
  };
}

/** ECharts passes a tooltip value as number, string ("-" for empty), array or nothing. */
export function toNumber(value: unknown): number | null {
  const v = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function numberFormatter(locale: Locale): (value: unknown) => string {
  return (value) => formatNumber(toNumber(value), locale);
}

export function percentFormatter(locale: Locale, digits = 1): (value: unknown) => string {
  return (value) => formatPercent(toNumber(value), locale, digits);
}

export function axisNumberFormatter(locale: Locale): (value: number) => string {
  return (value) => formatAxisNumber(value, locale);
}

/** A chart height (px) that leaves `plot` px for the plot after the option's title, legend and foot lines. */
export function heightForPlot(option: ChartOption, plot: number): number {
  const grid = (Array.isArray(option.grid) ? option.grid[0] : option.grid) as { top?: unknown; bottom?: unknown } | undefined;
  const px = (v: unknown) => (typeof v === 'number' ? v : 0);
  return Math.ceil(px(grid?.top) + px(grid?.bottom) + plot);
}
