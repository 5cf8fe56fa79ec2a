// Pure helpers over a query result (an Arrow table): cell text for the grid, column widths, and
// the series a chart of it draws. Nothing is summed or filled in: a chart whose x and series
// repeat a pair is refused, and an absent y stays absent.
import { DataType, type Table, type Vector } from 'apache-arrow';
import type { NamedValues } from '../../charts';

/** A cell as the grid shows it; null for SQL NULL (the grid shows it as such, never as 0 or empty text). */
export function cellText(value: unknown, type: DataType): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (DataType.isDate(type)) return new Date(value).toISOString().slice(0, 10);
    if (DataType.isTimestamp(type)) return new Date(value).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
    return String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  if (typeof (value as { toJSON?: () => unknown }).toJSON === 'function') return JSON.stringify((value as { toJSON: () => unknown }).toJSON(), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}

export const isNumericType = (type: DataType): boolean => DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type);

/** Display width of a text in `ch`: CJK characters count twice. */
const textWidth = (text: string): number => {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
};

/** A width per column (in ch) from its name and the first rows, within [6, 56]. */
export function columnWidths(table: Table, sample = 200): number[] {
  return table.schema.fields.map((field, j) => {
    const vector = table.getChildAt(j);
    let widest = textWidth(field.name) + 2;
    for (let i = 0; i < Math.min(sample, table.numRows); i++) widest = Math.max(widest, textWidth(cellText(vector?.get(i), field.type) ?? 'NULL'));
    // Letters of a proportional font run wider than `ch` (the width of 0).
    return Math.min(56, Math.max(6, Math.ceil(widest * 1.15) + 2));
  });
}

export interface ChartPick {
  x: string;
  y: string;
  /** '' = one series. */
  series: string;
}

/**
 * First picks, for the usual shape of a GROUP BY result (keys, then measures): x the first column,
 * y the last numeric column that is not x, and, when x repeats, the first text column besides as
 * the series.
 */
export function defaultPick(table: Table): ChartPick | null {
  const fields = table.schema.fields;
  const x = fields[0];
  const y = [...fields].reverse().find((f) => isNumericType(f.type) && f !== x);
  if (!x || !y) return null;
  const xs = table.getChild(x.name);
  const seen = new Set<unknown>();
  let repeats = false;
  for (let i = 0; i < Math.min(table.numRows, MAX_CHART_ROWS) && !repeats; i++) {
    const v = xs?.get(i);
    repeats = seen.has(v);
    seen.add(v);
  }
  const series = repeats ? fields.find((f) => f !== x && f !== y && !isNumericType(f.type)) : undefined;
  return { x: x.name, y: y.name, series: series?.name ?? '' };
}

export type ChartModel =
  | { ok: true; categories: string[]; series: NamedValues[]; xIsYear: boolean; rows: Record<string, string | number | null>[]; droppedSeries: number }
  | { ok: false; reason: 'no-rows' | 'duplicate' | 'too-many-rows'; detail?: string };

const MAX_SERIES = 40;
/** A chart of more rows than this is refused (aggregate in SQL): it would be unreadable and slow to draw. */
export const MAX_CHART_ROWS = 5_000;

/** The chart of `pick` over `table`: categories in order of first appearance (numbers sorted), one series per distinct series value. */
export function chartModel(table: Table, pick: ChartPick): ChartModel {
  const xv = table.getChild(pick.x);
  const yv = table.getChild(pick.y);
  const sv: Vector | null = pick.series ? table.getChild(pick.series) : null;
  if (!xv || !yv || table.numRows === 0) return { ok: false, reason: 'no-rows' };
  if (table.numRows > MAX_CHART_ROWS) return { ok: false, reason: 'too-many-rows', detail: String(MAX_CHART_ROWS) };
  const xField = table.schema.fields.find((f) => f.name === pick.x)!;
  const sField = table.schema.fields.find((f) => f.name === pick.series);
  const label = (v: unknown, type: DataType | undefined) => cellText(v, type ?? xField.type) ?? 'NULL';
  const cells = new Map<string, number | null>();
  const categorySet = new Set<string>();
  const seriesSet = new Set<string>();
  const rows: Record<string, string | number | null>[] = [];
  const toNumber = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'bigint' ? Number(v) : null);
  for (let i = 0; i < table.numRows; i++) {
    const x = label(xv.get(i), xField.type);
    const s = sv ? label(sv.get(i), sField?.type) : pick.y;
    const key = `${s}\u0000${x}`;
    if (cells.has(key)) return { ok: false, reason: 'duplicate', detail: sv ? `${x} · ${s}` : x };
    const y = toNumber(yv.get(i));
    cells.set(key, y);
    categorySet.add(x);
    seriesSet.add(s);
    rows.push({ [pick.x]: x, ...(sv ? { [pick.series]: s } : {}), [pick.y]: y });
  }
  const categories = [...categorySet];
  const seriesNames = [...seriesSet];
  const numericX = isNumericType(xField.type) && categories.every((c) => c !== 'NULL');
  if (numericX) categories.sort((a, b) => Number(a) - Number(b));
  const xIsYear = numericX && categories.every((c) => /^\d{4}$/.test(c));
  const series = seriesNames.slice(0, MAX_SERIES).map((name) => ({ name, values: categories.map((c) => cells.get(`${name}\u0000${c}`) ?? null) }));
  return { ok: true, categories, series, xIsYear, rows, droppedSeries: Math.max(0, seriesNames.length - MAX_SERIES) };
}
