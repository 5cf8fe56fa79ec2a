// Every view's state lives in the query string. Parsing is total: any URL gives a valid state,
// and each parameter that had to be dropped or replaced yields a notice for the user.
import { isLocale, type Locale } from '../i18n/locale';
import { BENCHMARK_METRICS } from '../i18n/metric-labels';
import { LAYER_MODES, type LayerMode } from '../../db/protocol';
import { chartIds, viewReads, VIEW_REGISTRY, type ChartView, type View } from '../views/registry';

export type { ChartView, View } from '../views/registry';

/** Every view, in the nav's order (src/app/views/registry.ts declares them). */
export const VIEWS: readonly View[] = VIEW_REGISTRY.map((v) => v.id);
/** Views whose rows the Data view can show (`of`). */
export const CHART_VIEWS: readonly ChartView[] = VIEW_REGISTRY.filter((v): v is Extract<(typeof VIEW_REGISTRY)[number], { data: true }> => 'data' in v && v.data).map((v) => v.id);
/**
 * The charts of each view, by id (the first is the view's main chart): `chart` in the URL names
 * one, so a link or an embed shows exactly that chart.
 */
export const VIEW_CHARTS: Record<View, readonly string[]> = Object.fromEntries(VIEWS.map((v) => [v, chartIds(v)])) as Record<View, readonly string[]>;
export const BREAKDOWNS = ['outcomes', 'applicants'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
/** Benchmark view: whom a child is ranked against (see benchmarkChildren in src/db/sql/hierarchy.ts). */
export const PEERS = ['parent', 'province-level', 'national-level'] as const;
export type Peer = (typeof PEERS)[number];

/** Similar view: the similarity thresholds offered (`min`); the default is DEFAULT_SIMILAR_MIN. */
export const SIMILARITY_CHOICES = [0.5, 0.6, 0.7, 0.8, 0.9] as const;
export const DEFAULT_SIMILAR_MIN = 0.8;
/** The highest threshold offered that a score reaches (the lowest when it reaches none). */
export const similarMinFor = (score: number): number => [...SIMILARITY_CHOICES].reverse().find((c) => score >= c) ?? SIMILARITY_CHOICES[0];

export interface ViewState {
  view: View;
  lang: Locale;
  /**
   * Bodies compared, by key (a division code, `code/department`, or `name:` + the printed name of
   * an unresolved issuer; see BODY_KEY_SQL). An old link's printed names stay here until
   * resolveEntities has replaced them with their bodies' keys.
   */
  entities: string[];
  /** A count metric of PICKABLE_METRICS, or (benchmark view) a named rate. */
  metric: string;
  years: [number, number] | null;
  /** Outcomes view: which structure. */
  breakdown: Breakdown;
  /** Outcomes view: shares (default) or counts. */
  shares: boolean;
  report: string | null;
  /** Hierarchy views: the division (6-digit code) whose children are shown; null = none picked. */
  parent: string | null;
  /** Hierarchy and map views: one report year; null = the latest year of the dataset. */
  year: number | null;
  /** Benchmark view: the peer group. */
  peer: Peer;
  /** Benchmark view: rank own reports (default) or area summaries among themselves (`scope=area`). */
  scope: 'self' | 'area';
  /** Data view: whose rows. */
  of: ChartView;
  /** Render one chart alone (iframe embed). */
  embed: boolean;
  /** SQL console: the query (`q`); a query is a link. */
  sql: string;
  /** The chart a link or embed is about (an id of VIEW_CHARTS[view]); null = the view's first. */
  chart: string | null;
  /** SQL console: the result chart's columns (`cx`, `cy`, `cs`) and kind (`ck`); null = picked from the result. */
  sqlChart: SqlChart | null;
  /** Similar view: pairs at or above this similarity (`min`, one of SIMILARITY_CHOICES). */
  similarMin: number;
  /** Similar view: the pair read side by side (`pair` twice: report_a, then report_b); null = none. */
  pair: [string, string] | null;
  /** Whose rows every view shows (`layer`): the dataset and the user's imported reports (default), `user` or `dataset` alone. */
  layer: LayerMode;
  /** Compare and benchmark: the value axis (`scale=log`); a log axis cannot show 0, which a note says. */
  scale: Scale;
  /** Compare and benchmark: each series as an index, its first year with a value = 100 (`index=1`). */
  index: boolean;
  /** Briefing view: the pinned charts (`pin`, repeated), each the query string of its view's state with its `chart`. */
  pins: string[];
}

export const SCALES = ['linear', 'log'] as const;
export type Scale = (typeof SCALES)[number];

export interface SqlChart {
  x: string;
  y: string;
  /** '' = one series. */
  series: string;
  kind: 'bar' | 'line';
}

export interface Notice {
  param: string;
  value: string;
  reason: 'unknown-value' | 'not-a-year' | 'not-a-code' | 'too-many' | 'duplicate' | 'unknown-body' | 'out-of-range' | 'no-reports' | 'unsupported-metric' | 'unknown-division';
}

export const DEFAULT_STATE: ViewState = {
  view: 'overview',
  lang: 'zh',
  entities: [],
  metric: 'r.new.total',
  years: null,
  breakdown: 'outcomes',
  shares: true,
  report: null,
  parent: null,
  year: null,
  peer: 'parent',
  scope: 'self',
  of: 'overview',
  embed: false,
  sql: '',
  chart: null,
  sqlChart: null,
  similarMin: DEFAULT_SIMILAR_MIN,
  pair: null,
  layer: 'all',
  scale: 'linear',
  index: false,
  pins: [],
};

export const MAX_ENTITIES = 12;
// The years the query builders accept; whether the dataset has one is checked in validate.ts.
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const MAX_TEXT = 200;
/** A longer `q` is dropped with a notice rather than cut (a cut query would run something else). */
export const MAX_SQL = 100_000;

const oneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

export function parseViewState(search: string): { state: ViewState; notices: Notice[] } {
  const params = new URLSearchParams(search);
  const notices: Notice[] = [];
  const state: ViewState = { ...DEFAULT_STATE, entities: [], pins: [] };

  const pick = <T extends string>(name: string, values: readonly T[], assign: (v: T) => void) => {
    const value = params.get(name);
    if (value === null) return;
    if (oneOf(values, value)) assign(value);
    else notices.push({ param: name, value, reason: 'unknown-value' });
  };
  pick('view', VIEWS, (v) => (state.view = v));
  pick('of', CHART_VIEWS, (v) => (state.of = v));
  pick('breakdown', BREAKDOWNS, (v) => (state.breakdown = v));
  pick('metric', BENCHMARK_METRICS, (v) => (state.metric = v));
  pick('peer', PEERS, (v) => (state.peer = v));
  pick('scope', ['self', 'area'] as const, (v) => (state.scope = v));
  const lang = params.get('lang');
  if (lang !== null) {
    if (isLocale(lang)) state.lang = lang;
    else notices.push({ param: 'lang', value: lang, reason: 'unknown-value' });
  }
  const flag = (name: string, assign: (v: boolean) => void) => {
    const value = params.get(name);
    if (value === null) return;
    if (value === '1' || value === '0') assign(value === '1');
    else notices.push({ param: name, value, reason: 'unknown-value' });
  };
  flag('embed', (v) => (state.embed = v));
  pick('layer', LAYER_MODES, (v) => (state.layer = v));
  flag('shares', (v) => (state.shares = v));
  // Parameters only some views read (views/registry.ts): elsewhere they are not part of the state.
  if (viewReads(state.view, 'scale')) pick('scale', SCALES, (v) => (state.scale = v));
  if (viewReads(state.view, 'index')) flag('index', (v) => (state.index = v));

  for (const raw of params.getAll('e')) {
    const name = raw.trim().slice(0, MAX_TEXT);
    if (!name) continue;
    if (state.entities.includes(name)) notices.push({ param: 'e', value: raw, reason: 'duplicate' });
    else if (state.entities.length >= MAX_ENTITIES) notices.push({ param: 'e', value: raw, reason: 'too-many' });
    else state.entities.push(name);
  }

  const from = params.get('from');
  const to = params.get('to');
  if (from !== null || to !== null) {
    const a = parseYear(from);
    const b = parseYear(to);
    if (from !== null && a === null) notices.push({ param: 'from', value: from, reason: 'not-a-year' });
    if (to !== null && b === null) notices.push({ param: 'to', value: to, reason: 'not-a-year' });
    const lo = a ?? b;
    const hi = b ?? a;
    if (lo !== null && hi !== null) state.years = [Math.min(lo, hi), Math.max(lo, hi)];
  }

  const parent = params.get('parent');
  if (parent !== null) {
    if (/^\d{6}$/.test(parent)) state.parent = parent;
    else notices.push({ param: 'parent', value: parent, reason: 'not-a-code' });
  }
  const year = params.get('year');
  if (year !== null) {
    const y = parseYear(year);
    if (y === null) notices.push({ param: 'year', value: year, reason: 'not-a-year' });
    else state.year = y;
  }

  const q = params.get('q');
  // Only the console reads `q` (and only its URLs carry it).
  if (q !== null && viewReads(state.view, 'q')) {
    if (q.length <= MAX_SQL) state.sql = q;
    else notices.push({ param: 'q', value: `${q.slice(0, 40)}…`, reason: 'unknown-value' });
  }
  const cx = params.get('cx');
  const cy = params.get('cy');
  if (viewReads(state.view, 'q') && cx && cy) {
    const ck = params.get('ck');
    state.sqlChart = { x: cx.slice(0, MAX_TEXT), y: cy.slice(0, MAX_TEXT), series: (params.get('cs') ?? '').slice(0, MAX_TEXT), kind: ck === 'line' ? 'line' : 'bar' };
  }

  // Only the similar view reads `min` and `pair` (and only its URLs carry them).
  const min = params.get('min');
  if (min !== null && viewReads(state.view, 'min')) {
    const value = SIMILARITY_CHOICES.find((c) => String(c) === min);
    if (value !== undefined) state.similarMin = value;
    else notices.push({ param: 'min', value: min, reason: 'unknown-value' });
  }
  const pair = params.getAll('pair');
  if (pair.length > 0 && viewReads(state.view, 'pair')) {
    const [a, b] = pair.map((id) => id.trim());
    if (pair.length === 2 && a && b && a.length <= 1000 && b.length <= 1000 && a < b) state.pair = [a, b];
    else notices.push({ param: 'pair', value: pair.join(' ').slice(0, 80), reason: 'unknown-value' });
  }

  // Only the briefing reads `pin`.
  if (state.view === 'briefing') {
    for (const raw of params.getAll('pin')) {
      const pin = normalisePin(raw);
      if (pin === null) notices.push({ param: 'pin', value: raw.slice(0, 80), reason: 'unknown-value' });
      else if (state.pins.includes(pin)) notices.push({ param: 'pin', value: raw.slice(0, 80), reason: 'duplicate' });
      else if (state.pins.length >= MAX_PINS) notices.push({ param: 'pin', value: raw.slice(0, 80), reason: 'too-many' });
      else state.pins.push(pin);
    }
  }

  const chart = params.get('chart');
  if (chart !== null) {
    if (VIEW_CHARTS[state.view].includes(chart)) state.chart = chart;
    else notices.push({ param: 'chart', value: chart, reason: 'unknown-value' });
  }

  const report = params.get('report');
  if (report !== null && report.trim()) state.report = report.trim().slice(0, 1000);
  return { state, notices };
}

export const MAX_PINS = 12;

/**
 * A pin as the briefing keeps it: the query string of a chart view's state, without language or
 * embed, with its `chart` named; null when it is not one (any notice, a view without charts).
 */
export function normalisePin(value: string): string | null {
  if (value.length > 2000) return null;
  const { state, notices } = parseViewState(value);
  const charts = VIEW_CHARTS[state.view];
  if (notices.length > 0 || charts.length === 0 || state.view === 'briefing') return null;
  return serialiseViewState({ ...state, lang: DEFAULT_STATE.lang, embed: false, chart: state.chart ?? charts[0] }).slice(1);
}

/** The state a pin shows, in the briefing's language, embedded (the chart alone). */
export function pinState(pin: string, lang: Locale): ViewState {
  return { ...parseViewState(pin).state, lang, embed: true };
}

function parseYear(value: string | null): number | null {
  if (value === null || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

/** The chart a state shows alone when embedded: its `chart` when that is one of its view's, else the view's first. */
export const embeddedChart = (state: Pick<ViewState, 'view' | 'chart'>): string | null =>
  state.chart !== null && VIEW_CHARTS[state.view].includes(state.chart) ? state.chart : (VIEW_CHARTS[state.view][0] ?? null);

/** The query string of a state, defaults omitted, in a fixed parameter order. */
export function serialiseViewState(state: ViewState): string {
  const params = new URLSearchParams();
  const d = DEFAULT_STATE;
  if (state.view !== d.view) params.set('view', state.view);
  if (state.lang !== d.lang) params.set('lang', state.lang);
  for (const e of state.entities) params.append('e', e);
  if (state.metric !== d.metric) params.set('metric', state.metric);
  if (state.years) {
    params.set('from', String(state.years[0]));
    params.set('to', String(state.years[1]));
  }
  if (state.parent) params.set('parent', state.parent);
  if (state.year !== null) params.set('year', String(state.year));
  if (state.peer !== d.peer) params.set('peer', state.peer);
  if (state.scope !== d.scope) params.set('scope', state.scope);
  if (state.breakdown !== d.breakdown) params.set('breakdown', state.breakdown);
  if (state.shares !== d.shares) params.set('shares', state.shares ? '1' : '0');
  if (state.report) params.set('report', state.report);
  if (viewReads(state.view, 'of') && state.of !== d.of) params.set('of', state.of);
  if (viewReads(state.view, 'q') && state.sql) params.set('q', state.sql);
  if (state.chart !== null && VIEW_CHARTS[state.view].includes(state.chart)) params.set('chart', state.chart);
  if (viewReads(state.view, 'q') && state.sqlChart) {
    params.set('cx', state.sqlChart.x);
    params.set('cy', state.sqlChart.y);
    if (state.sqlChart.series) params.set('cs', state.sqlChart.series);
    if (state.sqlChart.kind !== 'bar') params.set('ck', state.sqlChart.kind);
  }
  if (viewReads(state.view, 'min') && state.similarMin !== d.similarMin) params.set('min', String(state.similarMin));
  if (viewReads(state.view, 'pair') && state.pair) for (const id of state.pair) params.append('pair', id);
  if (viewReads(state.view, 'scale') && state.scale !== d.scale) params.set('scale', state.scale);
  if (viewReads(state.view, 'index') && state.index) params.set('index', '1');
  if (state.layer !== d.layer) params.set('layer', state.layer);
  if (state.view === 'briefing') for (const pin of state.pins) params.append('pin', pin);
  if (state.embed) params.set('embed', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A row of lookupBodies (src/db/sql/entities.ts): the body a URL value stands for. */
export interface BodyMatch {
  value: string;
  key: string;
}

/** The bodies of a value written as a list (`e=A,B`, as people type links), or [] for one body. */
export const listedBodies = (value: string): string[] => (value.includes(',') ? value.split(',').map((v) => v.trim()).filter(Boolean) : []);

/**
 * The `e` values with each replaced by its body's key: a key stays, an old link's printed name
 * becomes the key of the body that printed it (the first match: rows come best first), a value
 * naming no body but listing bodies with commas (`e=A,B`) stands for each of them when every one
 * names a body, and any other value that names no body is dropped with a notice, as is a second
 * value for a body already chosen. `matches` must answer each value and each listed body.
 */
export function resolveEntities(values: readonly string[], matches: readonly BodyMatch[]): { entities: string[]; notices: Notice[] } {
  const entities: string[] = [];
  const notices: Notice[] = [];
  const keyOf = (value: string) => matches.find((m) => m.value === value)?.key;
  for (const value of values) {
    const key = keyOf(value);
    const listed = listedBodies(value);
    const keys = key !== undefined ? [key] : listed.length > 0 && listed.every((v) => keyOf(v) !== undefined) ? listed.map((v) => keyOf(v)!) : [];
    if (keys.length === 0) notices.push({ param: 'e', value, reason: 'unknown-body' });
    for (const k of keys) {
      if (entities.includes(k)) notices.push({ param: 'e', value, reason: 'duplicate' });
      else if (entities.length >= MAX_ENTITIES) notices.push({ param: 'e', value, reason: 'too-many' });
      else entities.push(k);
    }
  }
  return { entities, notices };
}
