// The views, declared: each states its id, its labels, the URL parameters it reads, the metrics it
// can show, its charts (each with an id and the part of the methods page that explains it) and
// whether the Data view can show its rows. The URL state, its validation, the nav, the embed and the
// Data view read this list. Adding a view: an entry here, and its component in App.tsx's table
// (typed by these ids, so the compiler asks for it). Pure data: no React, so the URL code can read it.
import type { MethodPart } from './methods-parts';

export interface Label {
  zh: string;
  en: string;
}

export interface ChartDecl {
  /** `chart=` in a link or embed; also the panel's test id and the CSV's subject. */
  id: string;
  /** The part of the methods page (`#methods-<part>`) that explains the chart. */
  method: MethodPart;
}

/** URL parameters a view may read beyond the shared ones (view, lang, embed, chart). */
export type ViewParam = 'e' | 'metric' | 'years' | 'parent' | 'year' | 'peer' | 'scope' | 'breakdown' | 'shares' | 'report' | 'of' | 'q' | 'min' | 'pair' | 'scale' | 'index' | 'pin';

export interface ViewDecl {
  id: string;
  label: Label;
  params: readonly ViewParam[];
  /** The metrics `metric` may name here: counts (every pickable count), or counts and rates (ranked views). */
  metrics?: 'counts' | 'counts-and-rates';
  /** Whose `parent` the view shows (checked against the gazetteer). */
  hierarchy?: boolean;
  /** Its `e` bodies must be resolved before it can draw. */
  bodies?: boolean;
  /** The Data view can show its rows (`of`). */
  data?: boolean;
  /** Its charts, the main one first. */
  charts: readonly ChartDecl[];
}

const BODY_PARAMS = ['e', 'years'] as const;
const HIERARCHY_PARAMS = ['parent', 'year'] as const;

export const VIEW_REGISTRY = [
  {
    id: 'overview',
    label: { zh: '概览', en: 'Overview' },
    params: ['years', 'parent', 'year'],
    data: true,
    charts: [{ id: 'overview', method: 'scope' }, { id: 'templates', method: 'templates' }, { id: 'trends', method: 'scope' }],
  },
  { id: 'compare', label: { zh: '对比', en: 'Compare' }, params: [...BODY_PARAMS, 'metric', 'scale', 'index'], metrics: 'counts', bodies: true, data: true, charts: [{ id: 'compare', method: 'scope' }] },
  { id: 'outcomes', label: { zh: '申请办理结果', en: 'Request outcomes' }, params: [...BODY_PARAMS, 'breakdown', 'shares'], bodies: true, data: true, charts: [{ id: 'outcomes', method: 'shares' }] },
  { id: 'review', label: { zh: '复议与诉讼', en: 'Review & litigation' }, params: BODY_PARAMS, bodies: true, data: true, charts: [{ id: 'review', method: 'rates' }] },
  {
    id: 'benchmark',
    label: { zh: '对标', en: 'Benchmark' },
    params: [...HIERARCHY_PARAMS, 'metric', 'peer', 'scope', 'scale'],
    metrics: 'counts-and-rates',
    hierarchy: true,
    data: true,
    charts: [{ id: 'benchmark', method: 'rates' }],
  },
  { id: 'reconcile', label: { zh: '汇总核对', en: 'Reconciliation' }, params: [...HIERARCHY_PARAMS, 'metric'], metrics: 'counts', hierarchy: true, data: true, charts: [{ id: 'reconcile', method: 'scope' }] },
  { id: 'coverage', label: { zh: '报告覆盖', en: 'Coverage' }, params: HIERARCHY_PARAMS, hierarchy: true, data: true, charts: [{ id: 'coverage', method: 'coverage' }] },
  { id: 'similar', label: { zh: '报告雷同', en: 'Copied reports' }, params: [...HIERARCHY_PARAMS, 'min', 'pair'], charts: [] },
  { id: 'map', label: { zh: '地图', en: 'Map' }, params: ['year', 'metric'], metrics: 'counts', data: true, charts: [{ id: 'map', method: 'scope' }] },
  { id: 'report', label: { zh: '报告', en: 'Report' }, params: ['report'], charts: [] },
  { id: 'data', label: { zh: '数据', en: 'Data' }, params: [...BODY_PARAMS, ...HIERARCHY_PARAMS, 'of', 'metric', 'breakdown', 'peer', 'scope'], bodies: true, charts: [] },
  { id: 'methods', label: { zh: '方法说明', en: 'Methods' }, params: [], charts: [] },
  { id: 'sql', label: { zh: 'SQL', en: 'SQL' }, params: ['q'], charts: [] },
  { id: 'briefing', label: { zh: '简报', en: 'Briefing' }, params: ['pin'], charts: [] },
] as const satisfies readonly ViewDecl[];

export type View = (typeof VIEW_REGISTRY)[number]['id'];
/** Views whose rows the Data view can show. */
export type ChartView = Extract<(typeof VIEW_REGISTRY)[number], { data: true }>['id'];

const BY_ID: ReadonlyMap<string, ViewDecl> = new Map(VIEW_REGISTRY.map((v) => [v.id, v]));

export const viewDecl = (view: View): ViewDecl => BY_ID.get(view)!;
export const viewReads = (view: View, param: ViewParam): boolean => viewDecl(view).params.includes(param);
export const viewLabel = (view: View, locale: keyof Label): string => viewDecl(view).label[locale];
export const chartIds = (view: View): readonly string[] => viewDecl(view).charts.map((c) => c.id);

/** The methods part of a chart of any view. */
export const chartMethod = (chart: string): MethodPart | null => {
  for (const v of VIEW_REGISTRY) for (const c of v.charts as readonly ChartDecl[]) if (c.id === chart) return c.method;
  return null;
};
