// Every view's state lives in the query string. Parsing is total: any URL gives a valid state,
// and each parameter that had to be dropped or replaced yields a notice for the user.
import { isLocale, type Locale } from '../i18n/locale';
import { PICKABLE_METRICS } from '../i18n/metric-labels';

export const VIEWS = ['overview', 'compare', 'outcomes', 'review', 'report', 'data'] as const;
export type View = (typeof VIEWS)[number];
export const CHART_VIEWS = ['overview', 'compare', 'outcomes', 'review'] as const;
export type ChartView = (typeof CHART_VIEWS)[number];
export const BREAKDOWNS = ['outcomes', 'applicants'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface ViewState {
  view: View;
  lang: Locale;
  /** Issuers compared (names as printed in the reports). */
  entities: string[];
  metric: string;
  years: [number, number] | null;
  /** Outcomes view: which structure. */
  breakdown: Breakdown;
  /** Outcomes view: shares (default) or counts. */
  shares: boolean;
  report: string | null;
  /** Data view: whose rows. */
  of: ChartView;
  /** Render one chart alone (iframe embed). */
  embed: boolean;
}

export interface Notice {
  param: string;
  value: string;
  reason: 'unknown-value' | 'not-a-year' | 'too-many' | 'duplicate';
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
  of: 'overview',
  embed: false,
};

export const MAX_ENTITIES = 12;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const MAX_TEXT = 200;

const oneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

export function parseViewState(search: string): { state: ViewState; notices: Notice[] } {
  const params = new URLSearchParams(search);
  const notices: Notice[] = [];
  const state: ViewState = { ...DEFAULT_STATE, entities: [] };

  const pick = <T extends string>(name: string, values: readonly T[], assign: (v: T) => void) => {
    const value = params.get(name);
    if (value === null) return;
    if (oneOf(values, value)) assign(value);
    else notices.push({ param: name, value, reason: 'unknown-value' });
  };
  pick('view', VIEWS, (v) => (state.view = v));
  pick('of', CHART_VIEWS, (v) => (state.of = v));
  pick('breakdown', BREAKDOWNS, (v) => (state.breakdown = v));
  pick('metric', PICKABLE_METRICS, (v) => (state.metric = v));
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
  flag('shares', (v) => (state.shares = v));

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

  const report = params.get('report');
  if (report !== null && report.trim()) state.report = report.trim().slice(0, 1000);
  return { state, notices };
}

function parseYear(value: string | null): number | null {
  if (value === null || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

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
  if (state.breakdown !== d.breakdown) params.set('breakdown', state.breakdown);
  if (state.shares !== d.shares) params.set('shares', state.shares ? '1' : '0');
  if (state.report) params.set('report', state.report);
  if (state.view === 'data' && state.of !== d.of) params.set('of', state.of);
  if (state.embed) params.set('embed', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}
