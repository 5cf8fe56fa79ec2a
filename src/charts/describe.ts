// A chart's text alternative, read from the very option the chart draws: its title, unit, and
// each series with its values as the tooltip prints them (so shares stay shares, absent stays
// "—"). The same table is what the "show as table" switch renders.
import { formatNumber, MISSING, type Locale } from './format';
import { toNumber } from './frame';
import type { ChartOption } from './types';

export interface ChartTable {
  title: string;
  /** The unit line as the chart prints it ("单位：件"), or "". */
  unit: string;
  /** Header of the first column (what each row is), then one per series. */
  columns: string[];
  /** One row per category, year or item: its name, then each series' value as shown. */
  rows: string[][];
  /** The source line and notes drawn at the chart's foot. */
  source: string;
  notes: string[];
}

interface GraphicText {
  id?: unknown;
  style?: { text?: unknown };
}

function footLines(option: ChartOption): { source: string; notes: string[] } {
  const graphic = asArray(option.graphic as { elements?: GraphicText[] } | undefined)[0];
  const elements = graphic?.elements ?? [];
  const text = (e: GraphicText) => label(e.style?.text);
  return {
    source: text(elements.find((e) => e.id === 'source') ?? {}),
    notes: elements.filter((e) => typeof e.id === 'string' && e.id.startsWith('note-')).map(text),
  };
}

/** Series drawn only as marks (template breaks, the "—" of absent values): not figures. */
const HELPER_SERIES = new Set(['template-breaks', 'missing-values']);

const exact = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

type Formatter = (value: unknown, dataIndex: number) => string;
interface SeriesLike {
  type?: string;
  id?: string | number;
  name?: string | number;
  data?: unknown;
  tooltip?: { valueFormatter?: unknown };
}
interface AxisLike {
  type?: string;
  data?: unknown;
}
interface Item {
  name?: unknown;
  value?: unknown;
  reports?: unknown;
  undrawn?: unknown;
}

const asArray = <T,>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function categoryAxis(option: ChartOption): string[] | null {
  for (const axis of [...asArray(option.xAxis as AxisLike | AxisLike[] | undefined), ...asArray(option.yAxis as AxisLike | AxisLike[] | undefined)]) {
    if (axis?.type === 'category' && Array.isArray(axis.data)) {
      return axis.data.map((c) => (c !== null && typeof c === 'object' ? String((c as { value?: unknown }).value ?? '') : String(c)));
    }
  }
  return null;
}

function itemValue(item: unknown): unknown {
  return item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Item).value : item;
}

function cell(item: unknown, index: number, format: Formatter, locale: Locale): string {
  const value = toNumber(itemValue(item));
  const undrawn = value === null && item !== null && typeof item === 'object' ? toNumber((item as Item).undrawn) : null;
  if (undrawn !== null) return locale === 'zh' ? `${exact.format(undrawn)}（未画）` : `${exact.format(undrawn)} (not drawn)`;
  if (value === null) return MISSING;
  // Shares as the tooltip prints them; counts in full (the tooltip's 1.23万 would lose digits).
  const shown = format(value, index);
  const text = shown.includes('%') ? shown : exact.format(value);
  const reports = item !== null && typeof item === 'object' ? toNumber((item as Item).reports) : null;
  if (reports === null) return text;
  return locale === 'zh' ? `${text}（${reports} 份报告）` : `${text} (${reports} report${reports === 1 ? '' : 's'})`;
}

const label = (text: unknown): string => (typeof text === 'string' ? text : '');

/** The figures of a chart option as a table, or null when it draws none. */
export function chartTable(option: ChartOption, locale: Locale): ChartTable | null {
  const title = asArray(option.title as { text?: unknown; subtext?: unknown } | undefined)[0];
  const series = (asArray(option.series as SeriesLike | SeriesLike[] | undefined)).filter(
    (s) => !HELPER_SERIES.has(String(s.id ?? '')) && Array.isArray(s.data) && s.data.length > 0,
  );
  if (series.length === 0) return null;
  const formatterOf = (s: SeriesLike): Formatter => {
    const f = s.tooltip?.valueFormatter;
    return typeof f === 'function' ? (f as Formatter) : (value) => formatNumber(toNumber(value), locale);
  };
  const categories = categoryAxis(option);
  const first = locale === 'zh' ? '类别' : 'Category';
  let columns: string[];
  let rows: string[][];
  if (categories && series.every((s) => s.type === 'bar' || s.type === 'line')) {
    columns = [first, ...series.map((s) => String(s.name ?? ''))];
    rows = categories.map((category, i) => [category, ...series.map((s) => cell((s.data as unknown[])[i], i, formatterOf(s), locale))]);
  } else {
    // Items that carry their own names (pie slices, map tiles): one row per item, per series.
    const s = series[0];
    columns = [first, String(s.name ?? label(title?.text))];
    rows = (s.data as unknown[]).map((item, i) => [String((item as Item)?.name ?? i + 1), cell(item, i, formatterOf(s), locale)]);
  }
  return { title: label(title?.text), unit: label(title?.subtext), columns, rows, ...footLines(option) };
}

/** Beyond this many rows a series is summarised (count, lowest, highest) in the description. */
const LISTED_ROWS = 40;

/** The table in one paragraph: title, unit, then each series with its values or a summary. */
export function describeTable(table: ChartTable, locale: Locale): string {
  const zh = locale === 'zh';
  const sep = zh ? '，' : ', ';
  const colon = zh ? '：' : ': ';
  const end = zh ? '。' : '. ';
  const head = `${table.title}${table.unit ? (zh ? `（${table.unit}）` : ` (${table.unit})`) : ''}${end}`;
  const parts = table.columns.slice(1).map((name, c) => {
    const points = table.rows.filter((row) => row[c + 1] !== MISSING).map((row) => `${row[0]} ${row[c + 1]}`);
    const absent = table.rows.length - points.length;
    const absentNote = absent > 0 ? (zh ? `${sep}${absent} 项无数据` : `${sep}${absent} without data`) : '';
    if (points.length <= LISTED_ROWS) return `${name}${colon}${points.join(sep) || MISSING}${absentNote}`;
    const shown = points.slice(0, LISTED_ROWS).join(sep);
    const more = zh ? `${sep}另 ${points.length - LISTED_ROWS} 项见表格` : `${sep}${points.length - LISTED_ROWS} more in the table`;
    return `${name}${colon}${shown}${more}${absentNote}`;
  });
  // Each note a sentence of its own: ends with a stop, and in English a space before the next.
  const notes = table.notes.map((n) => (/[。.]$/.test(n) ? `${n}${zh ? '' : ' '}` : `${n}${end}`)).join('');
  return `${head}${parts.join(zh ? '；' : '; ')}${end}${notes}${table.source}`.trim();
}
