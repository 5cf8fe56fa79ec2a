import type { ChartOption } from './types';
import { PAD, textWidth } from './frame';

type GraphicText = { id?: string; bottom?: number; style?: { text?: string } & Record<string, unknown> };
type SeriesLike = { type?: string; label?: Record<string, unknown>; radius?: unknown; bottom?: unknown };
const FOOT_LINE_HEIGHT = 16;
const isFootLine = (element: GraphicText) => element.id === 'source' || (element.id?.startsWith('note-') ?? false);

/**
 * A chart on a phone: a long title set smaller and wrapped, never cut; value axes with fewer ticks
 * whose labels never overlap; the legend one scrolling row
 * (wrapped rows would eat the plot); a donut's labels wrapped rather than cut; the notes and source
 * line wrapped to the chart's width (so the dataset version is never clipped), stacked from the
 * bottom. The chart grows by the lines added so the plot keeps its height.
 */
export function narrowOption(option: ChartOption, width: number): { option: ChartOption; extraHeight: number } {
  const narrowed: ChartOption = { ...option };
  if (option.legend && !Array.isArray(option.legend)) narrowed.legend = { ...option.legend, type: 'scroll' };
  const graphic = option.graphic as { elements?: GraphicText[] } | undefined;
  let extraLines = 0;
  if (graphic && !Array.isArray(graphic) && Array.isArray(graphic.elements)) {
    const usable = width - 2 * PAD;
    const elements = [...graphic.elements];
    // Bottom up: each foot line takes as many lines as its text needs at this width.
    let below = 0;
    for (let i = elements.length - 1; i >= 0; i--) {
      const element = elements[i];
      if (!isFootLine(element)) continue;
      // Words are not broken, so a line holds somewhat less than the full width.
      const lines = Math.max(1, Math.ceil(textWidth(String(element.style?.text ?? '')) / (usable * 0.9)));
      elements[i] = { ...element, bottom: 8 + FOOT_LINE_HEIGHT * below, style: { ...element.style, width: usable, overflow: 'break', lineHeight: FOOT_LINE_HEIGHT } };
      below += lines;
      extraLines += lines - 1;
    }
    narrowed.graphic = { ...graphic, elements } as ChartOption['graphic'];
  }
  const raise = extraLines * FOOT_LINE_HEIGHT;
  const raised = (bottom: unknown) => (typeof bottom === 'number' ? bottom + raise : bottom);
  if (raise > 0 && option.grid && !Array.isArray(option.grid)) narrowed.grid = { ...option.grid, bottom: raised((option.grid as { bottom?: unknown }).bottom) } as ChartOption['grid'];
  if (Array.isArray(option.series)) {
    narrowed.series = (option.series as SeriesLike[]).map((series) => {
      if (series.type !== 'pie') return series;
      return { ...series, bottom: raised(series.bottom), radius: ['34%', '54%'], label: { ...series.label, width: 76, overflow: 'break', lineHeight: 14 } };
    }) as ChartOption['series'];
  }
  if (option.xAxis !== undefined) narrowed.xAxis = fewerValueTicks(option.xAxis) as ChartOption['xAxis'];
  if (option.yAxis !== undefined) narrowed.yAxis = fewerValueTicks(option.yAxis) as ChartOption['yAxis'];
  const title = fitTitle(option.title, width - 2 * PAD);
  if (title) {
    narrowed.title = title.title;
    if (title.drop > 0) shiftDown(narrowed, title.drop);
  }
  return { option: narrowed, extraHeight: raise + (title?.drop ?? 0) };
}

type AxisLike = { type?: string; axisLabel?: Record<string, unknown> } & Record<string, unknown>;

/** A value axis on a phone: fewer ticks, and a label that would overlap another is left out. */
function fewerValueTicks(axis: unknown): unknown {
  const one = (a: AxisLike) => (a.type === 'value' || a.type === 'log' ? { ...a, splitNumber: 3, axisLabel: { ...a.axisLabel, hideOverlap: true } } : a);
  return Array.isArray(axis) ? (axis as AxisLike[]).map(one) : axis && typeof axis === 'object' ? one(axis as AxisLike) : axis;
}

const TITLE_SIZE = 16;
const TITLE_MIN_SIZE = 13;
const TITLE_LINE_HEIGHT = 20;

type TitleLike = { text?: string; textStyle?: Record<string, unknown> } & Record<string, unknown>;

/**
 * A title that does not fit the width is set smaller (to 13 px), and if it still does not fit it
 * wraps, never cut; `drop` is how far the lines added push what is below the title.
 */
function fitTitle(title: ChartOption['title'], usable: number): { title: TitleLike; drop: number } | null {
  if (!title || Array.isArray(title)) return null;
  const current = title as TitleLike;
  // textWidth measures 12 px text; bold CJK at size s is about s/12 of that.
  const natural = textWidth(String(current.text ?? '')) / 12;
  if (natural * TITLE_SIZE <= usable) return null;
  const size = Math.max(TITLE_MIN_SIZE, Math.min(TITLE_SIZE, Math.floor(usable / natural)));
  const lines = Math.max(1, Math.ceil((natural * size) / (usable * 0.92)));
  const textStyle = { ...current.textStyle, fontSize: size, width: usable, overflow: 'break', lineHeight: TITLE_LINE_HEIGHT };
  return { title: { ...current, textStyle }, drop: (lines - 1) * TITLE_LINE_HEIGHT };
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

