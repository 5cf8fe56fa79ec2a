// What a chart shows, read back from its ECharts option (every builder in src/charts writes its
// data there), so the briefing's sentences and the export's alt text need nothing from the views.
import type { ChartOption } from '../charts';

export interface TrendPoint {
  year: number;
  value: number | null;
  /** How many reports the value rests on, when the chart says. */
  reports: number | null;
}
export interface RankItem {
  name: string;
  value: number | null;
  highlight: boolean;
}
export interface SharePart {
  name: string;
  value: number;
}

interface Base {
  title: string;
  /** The unit without its "单位：" label ('' when none). */
  unit: string;
}
export type ChartData =
  | (Base & { kind: 'trend'; series: { name: string; points: TrendPoint[] }[] })
  | (Base & { kind: 'ranking'; items: RankItem[] })
  | (Base & { kind: 'share'; parts: SharePart[]; category: string | null })
  | (Base & { kind: 'other' });

type Loose = Record<string, unknown>;
const list = (value: unknown): Loose[] => (Array.isArray(value) ? value : value ? [value] : []) as Loose[];
const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
/** A data item: a number, `[…, value]`, or `{value, reports}`. */
function itemValue(item: unknown): number | null {
  if (Array.isArray(item)) return finite(item[item.length - 1]);
  if (item && typeof item === 'object') return itemValue((item as Loose).value);
  return finite(item);
}
const itemReports = (item: unknown): number | null => (item && typeof item === 'object' && !Array.isArray(item) ? finite((item as Loose).reports) : null);

/** A category label's name: its first line (the lines under it say what its figure rests on: 1 份报告 · 1 个机关). */
const labelName = (label: unknown): string => String(label).split('\n')[0];

export function chartData(option: ChartOption): ChartData {
  const o = option as Loose;
  const title = list(o.title)[0] ?? {};
  const base: Base = {
    title: typeof title.text === 'string' ? title.text : '',
    unit: typeof title.subtext === 'string' ? title.subtext.replace(/^(单位：|Unit: )/, '') : '',
  };
  const series = list(o.series).filter((s) => Array.isArray(s.data) && s.data.length > 0);
  const x = list(o.xAxis)[0];
  const y = list(o.yAxis)[0];

  const pie = series.find((s) => s.type === 'pie');
  if (pie) {
    const parts = list(pie.data).map((d) => ({ name: String(d.name ?? ''), value: itemValue(d) })).filter((p): p is SharePart => p.value !== null);
    return { ...base, kind: 'share', parts, category: null };
  }
  const tiles = series.find((s) => s.type === 'custom');
  if (tiles) {
    const items = list(tiles.data).map((d) => ({ name: String(d.name ?? ''), value: itemValue(d), highlight: false }));
    return { ...base, kind: 'ranking', items };
  }
  if (y?.type === 'category' && Array.isArray(y.data)) {
    const bars = series.find((s) => s.type === 'bar');
    if (bars) {
      const data = bars.data as unknown[];
      const items = (y.data as unknown[]).map((name, i) => ({
        name: labelName(name),
        value: itemValue(data[i]),
        // rankedBars outlines the unit the view is about (and only it).
        highlight: finite(((data[i] as Loose | undefined)?.itemStyle as Loose | undefined)?.borderWidth) !== null,
      }));
      return { ...base, kind: 'ranking', items };
    }
  }
  if (x?.type === 'category' && Array.isArray(x.data)) {
    const categories = (x.data as unknown[]).map(labelName);
    const stacked = series.filter((s) => s.type === 'bar' && s.stack);
    if (stacked.length > 0) {
      // The last category that has a value: its parts.
      const at = [...categories.keys()].reverse().find((i) => stacked.some((s) => itemValue((s.data as unknown[])[i]) !== null));
      if (at === undefined) return { ...base, kind: 'other' };
      const parts = stacked.map((s) => ({ name: String(s.name ?? ''), value: itemValue((s.data as unknown[])[at]) })).filter((p): p is SharePart => p.value !== null);
      return { ...base, kind: 'share', parts, category: categories[at] };
    }
    if (categories.length > 0 && categories.every((c) => /^\d{4}$/.test(c))) {
      const lines = series.filter((s) => s.type === 'line' || s.type === 'bar');
      return {
        ...base,
        kind: 'trend',
        series: lines.map((s) => ({
          name: String(s.name ?? ''),
          points: categories.map((c, i) => ({ year: Number(c), value: itemValue((s.data as unknown[])[i]), reports: itemReports((s.data as unknown[])[i]) })),
        })),
      };
    }
  }
  return { ...base, kind: 'other' };
}
