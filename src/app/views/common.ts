import type { ChartFrame } from '../../charts';
import { chartMethod } from './registry';
import type { Locale } from '../i18n/locale';
import type { Translate } from '../i18n/messages';
import { codeLabel } from '../i18n/code-labels';
import type { ChartView, ViewState } from '../state/url-state';
import { downloadName } from '../data/download-name';
import type { UpdateState } from '../state/use-view-state';
import type { DatasetSummary } from '../../shared/summary';
import { datasetYears } from '../state/validate';

export interface ViewProps {
  state: ViewState;
  update: UpdateState;
  t: Translate;
  locale: Locale;
  /** Source line parts shared by every chart: dataset version and date. */
  sourceSuffix: string;
  date: string;
  /** URL of a state (copy link), and of its embed page. */
  linkTo: (patch: Partial<ViewState>) => string;
  /** A chosen body's name for display (never its raw key). */
  bodyName: (key: string) => string;
  /** The dataset's version (downloads carry it); null until known. */
  datasetVersion: string | null;
}

/** A chart's CSV file name: what it holds (view, chart, metric, bodies or division, years) and the dataset version. */
export const chartFileName = (props: Pick<ViewProps, 'state' | 'datasetVersion'>, of: ChartView, chart: string, year: number | null = null): string =>
  downloadName(of, props.state, year, props.datasetVersion, chart);

/** A chart's copy-link and embed URL (the view's state with the chart's own id), and its part of the methods page. */
export const chartLinks = (props: Pick<ViewProps, 'linkTo'>, chart: string): { link: string; embedLink: string; methodsLink: string } => ({
  link: props.linkTo({ chart, embed: false }),
  embedLink: props.linkTo({ chart, embed: true }),
  methodsLink: `${props.linkTo({ view: 'methods', chart: null, embed: false, entities: [] })}#methods-${chartMethod(chart) ?? 'metrics'}`,
});

export function makeFrame(props: ViewProps, title: string, unit: string, notes?: string): ChartFrame {
  return { title, unit, source: `${props.t('source')}${props.sourceSuffix}`, date: props.date, locale: props.locale, notes };
}

export const levelLabel = (t: Translate, level: unknown): string => codeLabel(t, 'level', level) ?? t('level.unknown');

export const templateLabel = (t: Translate, template: unknown): string => codeLabel(t, 'template', template) ?? t('template.unknown');

/** The punctuation of running text in the page's language: a Chinese note's （：，；、, an English one's (: , ; ,). */
export const punctuationOf = (locale: Locale) =>
  locale === 'zh' ? { open: '（', close: '）', colon: '：', comma: '，', semicolon: '；', list: '、' } : { open: ' (', close: ')', colon: ': ', comma: ', ', semicolon: '; ', list: ', ' };

export const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The year of the hierarchy and map views: the URL's, else the dataset's latest. */
export const viewYear = (state: Pick<ViewState, 'year'>, bounds: [number, number] | null | undefined): number | null => state.year ?? bounds?.[1] ?? null;

/** The years a year select offers, latest first: those the dataset has reports of (the URL's check accepts no other). */
export const yearOptions = (summary: Pick<DatasetSummary, 'by_year_level'> | null | undefined): number[] => (summary ? datasetYears(summary.by_year_level).reverse() : []);

/** Distinct labels: a name two chosen bodies share is numbered, so no two series merge. */
export function distinctNames(keys: readonly string[], names: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const key of keys) {
    const name = names.get(key);
    if (name === undefined) continue;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    out.set(key, n === 1 ? name : `${name} (${n})`);
  }
  return out;
}

/**
 * The names of chosen bodies as a query's rows give them (`body_key`, `body`), so a chart never
 * draws before its names are known; a body without rows falls back to `nameOf`.
 */
export function bodyNamesOf(rows: readonly Record<string, unknown>[], keys: readonly string[], nameOf: (key: string) => string): Map<string, string> {
  const names = new Map<string, string>();
  for (const key of keys) {
    const row = rows.find((r) => r.body_key === key);
    names.set(key, typeof row?.body === 'string' ? row.body : nameOf(key));
  }
  return distinctNames(keys, names);
}
