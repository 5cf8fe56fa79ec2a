// Exports for briefings: the chart re-laid at a chosen size with an edited title, subtitle and
// notes, and the source line wrapped to the width — never cut. Pure: text is measured by the
// function given (a canvas in the browser, an estimate in tests).
import type { ChartOption } from '../charts';
import { estimateWidth, wrapText, type Measure } from '../charts/wrap';

export { estimateWidth, wrapText, type Measure };

export interface SizePreset {
  id: 'slide' | 'a4half' | 'square' | 'custom';
  width: number;
  height: number;
}
/** Output sizes in px (PNG doubles them): a 16:9 slide, half an A4 page at 96 dpi, a square. */
export const PRESETS: readonly SizePreset[] = [
  { id: 'slide', width: 1600, height: 900 },
  { id: 'a4half', width: 794, height: 561 },
  { id: 'square', width: 1080, height: 1080 },
];
export const MIN_SIZE = 240;
export const MAX_SIZE = 4000;
/** Layout width at most this: a larger export is the same chart scaled up, so text keeps its proportion. */
export const LAYOUT_WIDTH = 800;
export const PNG_PIXEL_RATIO = 2;

export interface ExportText {
  title: string;
  subtitle: string;
  notes: string;
  /** The source line: always drawn whole. */
  source: string;
}
export interface ExportSpec extends ExportText {
  width: number;
  height: number;
}

export const FONT = { title: 16, subtitle: 12, foot: 11 } as const;
const LINE = { title: 22, subtitle: 18, foot: 16 } as const;
const PAD = 12;
const TOP = 8;

export interface ExportLayout {
  /** The size the option is laid out at; the image is this × scale (× PNG_PIXEL_RATIO for PNG). */
  width: number;
  height: number;
  scale: number;
  titleLines: string[];
  subtitleLines: string[];
  noteLines: string[];
  sourceLines: string[];
  /** Height of the title block and of the notes-and-source block, in layout px. */
  headHeight: number;
  footHeight: number;
}

export function exportLayout(spec: ExportSpec, measure: Measure): ExportLayout {
  const scale = Math.max(1, spec.width / LAYOUT_WIDTH);
  const width = spec.width / scale;
  const height = spec.height / scale;
  const usable = width - 2 * PAD;
  const wrapAll = (text: string, size: number) => text.split('\n').filter((l) => l.trim() !== '').flatMap((l) => wrapText(l, usable, size, measure));
  const titleLines = spec.title.split('\n').filter((l) => l.trim() !== '').flatMap((l) => wrapText(l, usable, FONT.title, measure, true));
  const subtitleLines = wrapAll(spec.subtitle, FONT.subtitle);
  const noteLines = wrapAll(spec.notes, FONT.foot);
  const sourceLines = wrapText(spec.source, usable, FONT.foot, measure);
  const headHeight = TOP + LINE.title * titleLines.length + (subtitleLines.length ? 4 + LINE.subtitle * subtitleLines.length : 0) + 8;
  const footHeight = 8 + LINE.foot * (noteLines.length + sourceLines.length) + PAD;
  return { width, height, scale, titleLines, subtitleLines, noteLines, sourceLines, headHeight, footHeight };
}

type Loose = Record<string, unknown>;
const list = (value: unknown): Loose[] => (Array.isArray(value) ? value : value ? [value] : []) as Loose[];

/** The editable texts of a chart as its option draws them. */
export function exportText(option: ChartOption): ExportText {
  const title = list((option as Loose).title)[0] ?? {};
  const graphic = list((option as Loose).graphic)[0];
  const elements = list(graphic?.elements);
  const textOf = (e: Loose) => String(((e.style as Loose | undefined)?.text as string | undefined) ?? '');
  return {
    title: String(title.text ?? ''),
    subtitle: String(title.subtext ?? ''),
    notes: elements.filter((e) => typeof e.id === 'string' && e.id.startsWith('note-')).map(textOf).join('\n'),
    source: elements.filter((e) => e.id === 'source').map(textOf).join(''),
  };
}

const FOOT_IDS = /^(source|note-\d+|source-\d+)$/;
const shifted = (value: unknown, by: number) => (typeof value === 'number' ? value + by : value);

/**
 * The option re-laid for an export: its title block and foot lines replaced by the layout's, the
 * plot, legend and keys moved by the change in the title block's height, the plot ending above
 * the foot. Everything else (data, colours, axes) is the chart's own.
 */
export function exportOption(option: ChartOption, layout: ExportLayout): ChartOption {
  const o = option as Loose;
  const oldTitle = list(o.title)[0] ?? {};
  const oldHead = TOP + 26 + (oldTitle.subtext ? 20 : 0) + 4;
  const delta = layout.headHeight - oldHead;
  const oldFootLines = list(list(o.graphic)[0]?.elements).filter((e) => typeof e.id === 'string' && FOOT_IDS.test(e.id)).length;
  const footDelta = layout.footHeight - (8 + 16 * oldFootLines + PAD);
  const font = ((oldTitle.textStyle as Loose | undefined)?.fontFamily as string | undefined) ?? undefined;
  const graphic = list(o.graphic)[0];
  const kept = list(graphic?.elements)
    .filter((e) => !(typeof e.id === 'string' && FOOT_IDS.test(e.id)))
    .map((e) => (typeof e.top === 'number' ? { ...e, top: e.top + delta } : typeof e.bottom === 'number' ? { ...e, bottom: e.bottom + footDelta } : e));
  const footLines = [...layout.noteLines.map((text, i) => ({ id: `note-${i}`, text })), ...layout.sourceLines.map((text, i) => ({ id: `source-${i}`, text }))];
  const foot = footLines.map(({ id, text }, i) => ({
    type: 'text',
    id,
    left: PAD,
    bottom: 8 + 16 * (footLines.length - 1 - i),
    silent: true,
    style: { text, fontSize: FONT.foot, fill: '#6b7280', fontFamily: font },
  }));
  const out: Loose = {
    ...o,
    animation: false,
    title: {
      ...oldTitle,
      text: layout.titleLines.join('\n'),
      subtext: layout.subtitleLines.join('\n'),
      itemGap: 4,
      textStyle: { ...(oldTitle.textStyle as Loose | undefined), fontSize: FONT.title, lineHeight: 22 },
      subtextStyle: { ...(oldTitle.subtextStyle as Loose | undefined), fontSize: FONT.subtitle, lineHeight: 18 },
    },
    graphic: { elements: [...foot, ...kept] },
  };
  if (o.legend) out.legend = list(o.legend).map((l) => ({ ...l, top: shifted(l.top, delta) }))[0];
  if (o.grid) out.grid = list(o.grid).map((g) => ({ ...g, top: shifted(g.top, delta), bottom: layout.footHeight }))[0];
  if (o.visualMap) out.visualMap = list(o.visualMap).map((v) => ({ ...v, bottom: typeof v.bottom === 'number' ? layout.footHeight : v.bottom }))[0];
  out.series = list(o.series).map((s) => (s.type === 'pie' ? { ...s, top: shifted(s.top, delta), bottom: layout.footHeight } : s));
  return out as ChartOption;
}
