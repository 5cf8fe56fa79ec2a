// The app's metric labels and menus, read from the one metric catalogue (src/shared/metric-catalogue.ts).
import { CATALOGUE, RATES, SECTIONS, type Section } from '../../shared/metric-catalogue';
import { WIDE_METRICS } from '../../shared/wide-metrics';
import type { Locale } from './locale';

/** The metrics offered in metric pickers: every metric carried per report (facts_wide), in the spec's order. */
export const PICKABLE_METRICS: readonly string[] = WIDE_METRICS;

/** The pickable metrics grouped by the report's section, for <optgroup>s. */
export const PICKABLE_GROUPS: { section: Section; label: (locale: Locale) => string; metrics: string[] }[] = (Object.keys(SECTIONS) as Section[])
  .map((section) => ({ section, label: (locale: Locale) => SECTIONS[section][locale], metrics: PICKABLE_METRICS.filter((m) => CATALOGUE.get(m)?.section === section) }))
  .filter((g) => g.metrics.length > 0);

const SHARE = { zh: '%', en: '%' };

/**
 * Rates computed per unit from its own counts (RATES of the catalogue, RATE_METRICS in
 * src/db/sql/hierarchy.ts); offered only where units are ranked (benchmark), never summed.
 */
export const RATE_LABELS: Record<string, { zh: string; en: string }> = Object.fromEntries(RATES.map((r) => [r.id, r.label]));

/** Metrics of the benchmark view: the counts, then the rates. */
export const BENCHMARK_METRICS = [...PICKABLE_METRICS, ...Object.keys(RATE_LABELS)];

export const isRateLabel = (metric: string): boolean => Object.hasOwn(RATE_LABELS, metric);

/** A count metric for views that sum: a rate in the URL (benchmark) falls back to the default count. */
export const countMetric = (metric: string): string => (PICKABLE_METRICS.includes(metric) ? metric : 'r.new.total');

export const metricLabel = (metric: string, locale: Locale): string => CATALOGUE.get(metric)?.label[locale] ?? RATE_LABELS[metric]?.[locale] ?? metric;
export const metricUnit = (metric: string, locale: Locale): string => CATALOGUE.get(metric)?.unit[locale] ?? (isRateLabel(metric) ? SHARE[locale] : '');
