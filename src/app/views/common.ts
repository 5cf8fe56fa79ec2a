import type { ChartFrame } from '../../charts';
import type { Locale } from '../i18n/locale';
import type { MessageKey, Translate } from '../i18n/messages';
import type { ViewState } from '../state/url-state';

export interface ViewProps {
  state: ViewState;
  update: (patch: Partial<ViewState>) => void;
  t: Translate;
  locale: Locale;
  /** Source line parts shared by every chart: dataset version and date. */
  sourceSuffix: string;
  date: string;
  /** URL of a state (copy link), and of its embed page. */
  linkTo: (patch: Partial<ViewState>) => string;
}

export function makeFrame(props: ViewProps, title: string, unit: string, notes?: string): ChartFrame {
  return { title, unit, source: `${props.t('source')}${props.sourceSuffix}`, date: props.date, locale: props.locale, notes };
}

const LEVELS = ['province', 'city', 'county', 'town', 'department'] as const;
export const levelLabel = (t: Translate, level: unknown): string =>
  typeof level === 'string' && (LEVELS as readonly string[]).includes(level) ? t(`level.${level}` as MessageKey) : t('level.unknown');

const TEMPLATES = ['narrative', 'table2019', 'table2021'] as const;
export const templateLabel = (t: Translate, template: unknown): string =>
  typeof template === 'string' && (TEMPLATES as readonly string[]).includes(template) ? t(`template.${template}` as MessageKey) : t('template.unknown');

export const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The year of the hierarchy and map views: the URL's, else the dataset's latest. */
export const viewYear = (state: Pick<ViewState, 'year'>, bounds: [number, number] | null | undefined): number | null => state.year ?? bounds?.[1] ?? null;

/** The years a year select offers, latest first. */
export const yearOptions = (bounds: [number, number] | null | undefined): number[] => (bounds ? Array.from({ length: bounds[1] - bounds[0] + 1 }, (_, i) => bounds[1] - i) : []);
