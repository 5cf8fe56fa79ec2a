import type { LineSeriesOption } from 'echarts/charts';
import type { Locale } from './format';
import { assignSlots, slotAt } from './palette';
import { axisNumberFormatter, cartesianGrid, frameParts, numberFormatter } from './frame';
import type { ChartFrame, ChartOption } from './types';

export interface YearPoint {
  year: number;
  value: number | null;
  /** How many reports the value rests on: shown in the tooltip; a point on fewer than FEW_REPORTS is drawn hollow. */
  reports?: number | null;
  /** A value stated but not drawn (0 or below on a log axis): the text alternative says it, never as absent. */
  undrawn?: number;
}

/** Points resting on fewer reports than this are marked (hollow symbol): a sum of one or two reports says little. */
export const FEW_REPORTS = 3;

export interface YearSeries {
  name: string;
  points: YearPoint[];
  /** Area summaries (汇总) are a series of their own, drawn dashed with hollow triangles. */
  scope?: 'self' | 'area';
  /** What keeps the series' colour the same in every chart (a body key); the name by default. */
  colorKey?: string;
  /** A fixed palette place (slotAt) instead, for a closed set of series (the overview's headline metrics). */
  slot?: number;
}

export interface TemplateBreak {
  year: number;
  label: string;
}

export interface LineOverYearsOptions {
  templateBreaks?: TemplateBreak[];
  /** A log value axis (the caller leaves out values of 0 or below, which it cannot show). */
  log?: boolean;
}

export const BREAKS_SERIES_ID = 'template-breaks';

/** The two report-template changes (国办 templates of 2019 and 2021). */
export function defaultTemplateBreaks(locale: Locale): TemplateBreak[] {
  return locale === 'zh'
    ? [{ year: 2019, label: '2019 新表：统一表格' }, { year: 2021, label: '2021 新表：项目调整' }]
    : [{ year: 2019, label: '2019 new form: tables' }, { year: 2021, label: '2021 new form: items revised' }];
}

/** Every year from the first to the last present in any series, so gaps stay visible. */
export function yearAxis(series: readonly YearSeries[]): number[] {
  const years = series.flatMap((s) => s.points.map((p) => p.year)).filter(Number.isInteger);
  if (years.length === 0) return [];
  const min = Math.min(...years);
  const max = Math.max(...years);
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** Values aligned to `years`; a year without a point is null (absent), never 0. */
export function alignToYears(points: readonly YearPoint[], years: readonly number[]): (number | null)[] {
  const byYear = new Map<number, number | null>();
  for (const p of points) byYear.set(p.year, p.value);
  return years.map((year) => {
    const v = byYear.get(year);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  });
}

/** Labels never run off the plot: at the last year it ends at its line, at the first it starts there. */
function breakAlign(year: number, index: number, count: number, years: readonly number[]): 'left' | 'right' {
  if (year === years[years.length - 1]) return 'right';
  if (year === years[0]) return 'left';
  return index === 0 && count > 1 ? 'right' : 'left';
}

/** How far (px) a template-change label is lifted above the one before it when both point the same way. */
export const BREAK_LABEL_ROW = 16;
const BREAK_LABEL_DISTANCE = 4;

/**
 * The break marks, and whether a label was lifted a row: two labels pointing the same way (the
 * first break at the axis's first year, or the last at its last) would overlap on a narrow plot,
 * so the later one goes a row above the earlier.
 */
function breakMarkLine(breaks: readonly TemplateBreak[], years: readonly number[]): { markLine: LineSeriesOption['markLine']; lifted: boolean } {
  const inRange = breaks.filter((b) => years.includes(b.year));
  if (inRange.length === 0) return { markLine: undefined, lifted: false };
  const aligns = inRange.map((b, i) => breakAlign(b.year, i, inRange.length, years));
  let row = 0;
  const rows = aligns.map((align, i) => (i > 0 && align === aligns[i - 1] ? ++row : row));
  return { lifted: row > 0, markLine: {
    silent: true,
    symbol: 'none',
    animation: false,
    lineStyle: { type: 'dashed', color: '#9ca3af', width: 1 },
    // Above the plot, never over the points: the first label ends at its line, the next starts at its own.
    label: { position: 'end', color: '#4b5563', fontSize: 11, distance: BREAK_LABEL_DISTANCE },
    data: inRange.map((b, i) => ({
      xAxis: String(b.year),
      name: b.label,
      label: { formatter: b.label, align: aligns[i], ...(rows[i] > 0 ? { distance: [BREAK_LABEL_DISTANCE, BREAK_LABEL_DISTANCE + rows[i] * BREAK_LABEL_ROW] } : {}) },
    })),
  } };
}

/** Values with the reports behind each; a point on few reports gets a hollow symbol. */
function countedData(points: readonly YearPoint[], years: readonly number[], symbol: string) {
  const values = alignToYears(points, years);
  return years.map((year, i) => {
    const point = points.find((p) => p.year === year);
    const reports = point?.reports ?? null;
    const few = values[i] !== null && reports !== null && reports < FEW_REPORTS;
    return { value: values[i], reports, ...(point?.undrawn !== undefined ? { undrawn: point.undrawn } : {}), ...(few ? { symbol: `empty${symbol[0].toUpperCase()}${symbol.slice(1)}`, symbolSize: 9 } : {}) };
  });
}

// The tooltip is HTML: names (which may come from report text) are escaped.
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The axis tooltip of counted series: each value with the number of reports it rests on. */
function countedTooltip(locale: Locale) {
  const format = numberFormatter(locale);
  return (params: unknown): string => {
    const list = (Array.isArray(params) ? params : [params]) as { axisValueLabel?: string; marker?: string; seriesName?: string; data?: { value: number | null; reports: number | null } }[];
    const lines = list
      .filter((p) => p.data && typeof p.data === 'object')
      .map((p) => {
        const n = p.data?.reports;
        const basis = typeof n === 'number' ? (locale === 'zh' ? `（${n} 份报告）` : ` (${n} report${n === 1 ? '' : 's'})`) : '';
        return `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}: ${format(p.data?.value ?? null)}${basis}`;
      });
    return [escapeHtml(list[0]?.axisValueLabel ?? ''), ...lines].join('<br/>');
  };
}

/** The plot a row lower, so a lifted break label stays below the legend. */
const liftedGrid = (grid: ReturnType<typeof cartesianGrid>) => ({ ...grid, top: typeof grid.top === 'number' ? grid.top + BREAK_LABEL_ROW : grid.top });

/** One line per jurisdiction or category over a continuous year axis. */
export function lineOverYears(
  series: readonly YearSeries[],
  frame: ChartFrame,
  opts: LineOverYearsOptions = {},
): ChartOption {
  const years = yearAxis(series);
  const names = series.map((s) => s.name);
  const { markLine, lifted } = breakMarkLine(opts.templateBreaks ?? [], years);
  const counted = series.some((s) => s.points.some((p) => typeof p.reports === 'number'));
  // A body's own line and its area summaries' line share its colour (and differ by dash).
  const keyed = assignSlots(series.map((s) => s.colorKey ?? s.name));
  const slots = series.map((s, i) => (s.slot === undefined ? keyed[i] : slotAt(s.slot)));
  const lines: LineSeriesOption[] = series.map((s, i) => ({
    type: 'line',
    name: s.name,
    color: slots[i].color,
    data: counted ? countedData(s.points, years, slots[i].symbol) : alignToYears(s.points, years),
    connectNulls: false,
    // A lone year between gaps has no segment; its symbol is the only thing drawn.
    showSymbol: true,
    showAllSymbol: true,
    // Each line its own marker shape, so lines are told apart without colour.
    symbol: slots[i].symbol,
    symbolSize: 7,
    ...(s.scope === 'area' ? { lineStyle: { type: 'dashed' as const }, symbol: 'emptyTriangle', symbolSize: 8 } : {}),
    tooltip: { valueFormatter: numberFormatter(frame.locale) },
  }));
  if (markLine) {
    // On a series of its own so hiding a jurisdiction in the legend keeps the break marks.
    lines.push({ type: 'line', id: BREAKS_SERIES_ID, data: [], silent: true, tooltip: { show: false }, markLine });
  }
  return {
    ...frameParts(frame, names),
    tooltip: counted ? { trigger: 'axis', confine: true, formatter: countedTooltip(frame.locale) } : { trigger: 'axis', confine: true, valueFormatter: numberFormatter(frame.locale) },
    grid: lifted ? liftedGrid(cartesianGrid(frame, names)) : cartesianGrid(frame, names),
    xAxis: { type: 'category', boundaryGap: false, data: years.map(String) },
    yAxis: { type: opts.log ? 'log' : 'value', axisLabel: { formatter: axisNumberFormatter(frame.locale) } },
    series: lines,
  };
}
