import type { ChartOption } from './types';
import { estimateLegendRows, LEGEND_ROW, PAD } from './frame';
import { measureIn, textMeasure, wrapText, type Measure } from './wrap';

type GraphicText = { id?: string; bottom?: number; style?: { text?: string } & Record<string, unknown> };
type SeriesLike = { type?: string; label?: Record<string, unknown>; radius?: unknown; bottom?: unknown };
const FOOT_LINE_HEIGHT = 16;
const FOOT_SIZE = 11;
const isFootLine = (element: GraphicText) => element.id === 'source' || (element.id?.startsWith('note-') ?? false);

/** Below this width (px) a chart is laid out for a phone. */
export const NARROW_WIDTH = 560;

/** The lines of one foot line (a note or the source line) at a chart width. */
export function footLineBreaks(text: string, width: number, measure: Measure = textMeasure): string[] {
  return wrapText(text, width - 2 * PAD, FOOT_SIZE, measure);
}

/** How far (px) the wrapped foot lines reach above where one line each would end. */
export function footRaise(texts: readonly string[], width: number, measure: Measure = textMeasure): number {
  return texts.reduce((sum, text) => sum + (footLineBreaks(text, width, measure).length - 1) * FOOT_LINE_HEIGHT, 0);
}

/**
 * A chart laid out for its width, at every width: the notes and source line wrapped to it
 * (never cut, so a long note and the dataset version stay whole on screen and in the PNG and SVG
 * made from it), stacked from the bottom, and a title too long for the width set smaller and
 * wrapped. The chart grows by the lines added so the plot keeps its height. On a phone (below
 * NARROW_WIDTH) also: value axes with fewer ticks whose labels never overlap; the legend wrapped
 * onto as many rows as the width needs, every name shown (a scrolling legend hid series behind
 * arrows), the plot moved down and the chart grown by the rows added; a donut's labels wrapped
 * rather than cut.
 */
export function fitToWidth(option: ChartOption, width: number, measure: Measure = optionMeasure(option)): { option: ChartOption; extraHeight: number } {
  const fitted: ChartOption = { ...option };
  const narrow = width < NARROW_WIDTH;
  const graphic = option.graphic as { elements?: GraphicText[] } | undefined;
  let raise = 0;
  const breaks = narrow ? breakLabelsToFoot(option.series) : null;
  if (breaks) fitted.series = breaks.series;
  if (graphic && !Array.isArray(graphic) && Array.isArray(graphic.elements)) {
    const elements = [...graphic.elements];
    const source = elements.findIndex((element) => element.id === 'source');
    // The break phrases as a foot line above the source line: one line more than the frame left room for.
    if (breaks && source >= 0) {
      elements.splice(source, 0, { ...elements[source], id: 'note-breaks', style: { ...elements[source].style, text: breaks.note } });
      raise += FOOT_LINE_HEIGHT;
    }
    // Bottom up: each foot line takes as many lines as its text needs at this width.
    let below = 0;
    for (let i = elements.length - 1; i >= 0; i--) {
      const element = elements[i];
      if (!isFootLine(element)) continue;
      const lines = footLineBreaks(String(element.style?.text ?? ''), width, measure);
      elements[i] = { ...element, bottom: 8 + FOOT_LINE_HEIGHT * below, style: { ...element.style, text: lines.join('\n'), lineHeight: FOOT_LINE_HEIGHT } };
      below += lines.length;
      raise += (lines.length - 1) * FOOT_LINE_HEIGHT;
    }
    // Keys placed from the bottom (a no-data swatch) move up with the plot.
    if (raise > 0) for (let i = 0; i < elements.length; i++) if (!isFootLine(elements[i]) && typeof elements[i].bottom === 'number') elements[i] = { ...elements[i], bottom: (elements[i].bottom as number) + raise };
    fitted.graphic = { ...graphic, elements } as ChartOption['graphic'];
  }
  const raised = (bottom: unknown) => (typeof bottom === 'number' ? bottom + raise : bottom);
  if (raise > 0 && option.grid && !Array.isArray(option.grid)) fitted.grid = { ...option.grid, bottom: raised((option.grid as { bottom?: unknown }).bottom) } as ChartOption['grid'];
  if (raise > 0 && option.visualMap && !Array.isArray(option.visualMap)) fitted.visualMap = { ...option.visualMap, bottom: raised((option.visualMap as { bottom?: unknown }).bottom) } as ChartOption['visualMap'];
  if (Array.isArray(fitted.series)) {
    fitted.series = (fitted.series as SeriesLike[]).map((series) => {
      const moved = raise > 0 && typeof series.bottom === 'number' ? { ...series, bottom: raised(series.bottom) } : series;
      if (!narrow || series.type !== 'pie') return moved;
      return { ...moved, radius: ['34%', '54%'], label: { ...series.label, width: 76, overflow: 'break', lineHeight: 14 } };
    }) as ChartOption['series'];
  }
  if (narrow && option.xAxis !== undefined) fitted.xAxis = fewerValueTicks(option.xAxis) as ChartOption['xAxis'];
  if (narrow && option.yAxis !== undefined) fitted.yAxis = fewerValueTicks(option.yAxis) as ChartOption['yAxis'];
  const legendDrop = narrow ? legendRowsAdded(option.legend, width) * LEGEND_ROW : 0;
  if (legendDrop > 0) {
    const legend = fitted.legend;
    shiftDown(fitted, legendDrop);
    fitted.legend = legend;
  }
  const title = fitTitle(option.title, width, measure);
  if (title) {
    fitted.title = title.title;
    if (title.drop > 0) shiftDown(fitted, title.drop);
  }
  return { option: fitted, extraHeight: raise + legendDrop + (title?.drop ?? 0) };
}

type MarkLineItem = { xAxis?: unknown; label?: { formatter?: unknown } & Record<string, unknown> } & Record<string, unknown>;
type MarkLineSeries = SeriesLike & { markLine?: { data?: MarkLineItem[] } & Record<string, unknown> };

/**
 * On a phone a template-break mark (line.ts) is labelled with its year alone: its phrase ("2021
 * new form: items revised"), started at a line near the plot's right edge, ran off the chart. The
 * phrases go to a foot line, which wraps as the notes do; null when no series has such marks.
 */
function breakLabelsToFoot(series: ChartOption['series']): { series: ChartOption['series']; note: string } | null {
  if (!Array.isArray(series)) return null;
  const phrases: string[] = [];
  const shortened = (series as MarkLineSeries[]).map((one) => {
    const data = one.markLine?.data;
    if (!Array.isArray(data) || !data.some((item) => typeof item.label?.formatter === 'string' && item.xAxis !== undefined)) return one;
    return {
      ...one,
      markLine: {
        ...one.markLine,
        data: data.map((item) => {
          if (typeof item.label?.formatter !== 'string' || item.xAxis === undefined) return item;
          phrases.push(item.label.formatter);
          return { ...item, label: { ...item.label, formatter: String(item.xAxis) } };
        }),
      },
    };
  });
  return phrases.length > 0 ? { series: shortened as ChartOption['series'], note: phrases.join(' · ') } : null;
}

/** Text widths in the option's own font (an English chart's is Latin first). */
function optionMeasure(option: ChartOption): Measure {
  const family = (option.textStyle as { fontFamily?: unknown } | undefined)?.fontFamily;
  return typeof family === 'string' ? measureIn(family) : textMeasure;
}

/** The legend rows a width below the one the frame was laid out for adds. */
function legendRowsAdded(legend: ChartOption['legend'], width: number): number {
  if (!legend || Array.isArray(legend)) return 0;
  const data = (legend as { data?: unknown }).data;
  if (!Array.isArray(data)) return 0;
  const names = data.map((d) => (typeof d === 'string' ? d : String((d as { name?: unknown }).name ?? '')));
  return Math.max(0, estimateLegendRows(names, width) - estimateLegendRows(names));
}

type AxisLike = { type?: string; axisLabel?: Record<string, unknown> } & Record<string, unknown>;

/**
 * A value axis on a phone: fewer ticks, and a label that would overlap another is left out. An
 * axis with a fixed top divided evenly (the review's rate axis: 0–100 % in quarters) keeps its top
 * labelled and takes every other tick: left to hideOverlap, its top label was the one dropped.
 */
function fewerValueTicks(axis: unknown): unknown {
  const halved = (a: AxisLike) => {
    const { max, interval } = a as { max?: unknown; interval?: unknown };
    if (typeof max !== 'number' || typeof interval !== 'number' || interval <= 0) return null;
    const steps = Math.round(max / interval);
    return steps >= 4 && steps % 2 === 0 && Math.abs(steps * interval - max) < 1e-9 ? { interval: interval * 2, axisLabel: { ...a.axisLabel, hideOverlap: true, showMaxLabel: true } } : null;
  };
  const one = (a: AxisLike) => (a.type === 'value' || a.type === 'log' ? { ...a, splitNumber: 3, axisLabel: { ...a.axisLabel, hideOverlap: true }, ...halved(a) } : a);
  return Array.isArray(axis) ? (axis as AxisLike[]).map(one) : axis && typeof axis === 'object' ? one(axis as AxisLike) : axis;
}

const TITLE_SIZE = 16;
const TITLE_MIN_SIZE = 13;
const TITLE_LINE_HEIGHT = 20;

type TitleLike = { text?: string; textStyle?: Record<string, unknown> } & Record<string, unknown>;

/** A title's size and lines at a chart width: 16 px on one line when it fits, else smaller (to 13 px) and wrapped. */
export function titleBreaks(text: string, width: number, measure: Measure = textMeasure): { size: number; lines: string[] } | null {
  const usable = width - 2 * PAD;
  const natural = measure(text, TITLE_SIZE, true);
  if (natural <= usable) return null;
  const size = Math.max(TITLE_MIN_SIZE, Math.min(TITLE_SIZE, Math.floor((TITLE_SIZE * usable) / natural)));
  return { size, lines: wrapText(text, usable, size, measure, true) };
}

/** How far (px) a wrapped title pushes down what is below it. */
export const titleDrop = (text: string, width: number, measure: Measure = textMeasure): number => ((titleBreaks(text, width, measure)?.lines.length ?? 1) - 1) * TITLE_LINE_HEIGHT;

/**
 * A title that does not fit the width is set smaller (to 13 px), and if it still does not fit it
 * wraps, never cut; `drop` is how far the lines added push what is below the title.
 */
function fitTitle(title: ChartOption['title'], width: number, measure: Measure): { title: TitleLike; drop: number } | null {
  if (!title || Array.isArray(title)) return null;
  const current = title as TitleLike;
  const fit = titleBreaks(String(current.text ?? ''), width, measure);
  if (!fit) return null;
  const textStyle = { ...current.textStyle, fontSize: fit.size, lineHeight: TITLE_LINE_HEIGHT };
  return { title: { ...current, text: fit.lines.join('\n'), textStyle }, drop: (fit.lines.length - 1) * TITLE_LINE_HEIGHT };
}

const shifted = (top: unknown, by: number) => (typeof top === 'number' ? top + by : top);

/** Moves down by `by` px everything placed from the top: legend, grids, series boxes, keys. */
function shiftDown(option: ChartOption, by: number): void {
  if (option.legend && !Array.isArray(option.legend)) option.legend = { ...option.legend, top: shifted((option.legend as { top?: unknown }).top, by) } as ChartOption['legend'];
  if (option.grid && !Array.isArray(option.grid)) option.grid = { ...option.grid, top: shifted((option.grid as { top?: unknown }).top, by) } as ChartOption['grid'];
  if (Array.isArray(option.series)) {
    option.series = (option.series as { top?: unknown }[]).map((series) => (typeof series.top === 'number' ? { ...series, top: series.top + by } : series)) as ChartOption['series'];
  }
  const graphic = option.graphic as { elements?: { top?: unknown }[] } | undefined;
  if (graphic && !Array.isArray(graphic) && Array.isArray(graphic.elements)) {
    option.graphic = { ...graphic, elements: graphic.elements.map((element) => (typeof element.top === 'number' ? { ...element, top: element.top + by } : element)) } as ChartOption['graphic'];
  }
}
