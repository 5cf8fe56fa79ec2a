import type { Locale } from './locale';

interface MetricLabel {
  zh: string;
  en: string;
  unit: { zh: string; en: string };
}

const CASES = { zh: '件', en: 'requests' };
const CASES_RV = { zh: '件', en: 'cases' };
const ITEMS = { zh: '条', en: 'items' };

/** The metrics offered in metric pickers, in menu order. */
export const METRIC_LABELS: Record<string, MetricLabel> = {
  'r.new.total': { zh: '本年新收申请', en: 'New requests', unit: CASES },
  'r.carried_in.total': { zh: '上年结转申请', en: 'Requests carried in', unit: CASES },
  'r.handled.total': { zh: '办理结果总计', en: 'Requests handled', unit: CASES },
  'r.carried_out.total': { zh: '结转下年办理', en: 'Requests carried over', unit: CASES },
  'r.granted.total': { zh: '予以公开', en: 'Granted', unit: CASES },
  'r.partial.total': { zh: '部分公开', en: 'Partly granted', unit: CASES },
  'r.denied.total.total': { zh: '不予公开', en: 'Denied', unit: CASES },
  'r.unable.total.total': { zh: '无法提供', en: 'Unable to provide', unit: CASES },
  'r.rejected.total.total': { zh: '不予处理', en: 'Not processed', unit: CASES },
  'r.other.total.total': { zh: '其他处理', en: 'Other outcome', unit: CASES },
  'rv.total': { zh: '行政复议', en: 'Administrative reconsiderations', unit: CASES_RV },
  'rv.corrected': { zh: '行政复议·结果纠正', en: 'Reconsiderations corrected', unit: CASES_RV },
  'lit.total': { zh: '行政诉讼', en: 'Administrative litigation', unit: CASES_RV },
  'p.total': { zh: '主动公开信息', en: 'Items proactively disclosed', unit: ITEMS },
  'p.website': { zh: '其中政府网站公开', en: 'of which on the website', unit: ITEMS },
};

export const PICKABLE_METRICS = Object.keys(METRIC_LABELS);

const SHARE = { zh: '%', en: '%' };

/**
 * Rates computed per unit from its own counts (the ids of RATE_METRICS in src/db/sql/hierarchy.ts);
 * offered only where units are ranked (benchmark), never summed.
 */
export const RATE_LABELS: Record<string, MetricLabel> = {
  'rate.granted': { zh: '公开率（予以公开 ÷ 办理结果总计）', en: 'Grant rate (granted ÷ handled)', unit: SHARE },
  'rate.rv_corrected': { zh: '复议纠错率（纠正 ÷（总计 − 尚未审结））', en: 'Reconsideration correction rate (corrected ÷ (total − pending))', unit: SHARE },
};

/** Metrics of the benchmark view: the counts, then the rates. */
export const BENCHMARK_METRICS = [...PICKABLE_METRICS, ...Object.keys(RATE_LABELS)];

export const isRateLabel = (metric: string): boolean => Object.hasOwn(RATE_LABELS, metric);

/** A count metric for views that sum: a rate in the URL (benchmark) falls back to the default count. */
export const countMetric = (metric: string): string => (Object.hasOwn(METRIC_LABELS, metric) ? metric : 'r.new.total');

const labelOf = (metric: string): MetricLabel | undefined => METRIC_LABELS[metric] ?? RATE_LABELS[metric];
export const metricLabel = (metric: string, locale: Locale): string => labelOf(metric)?.[locale] ?? metric;
export const metricUnit = (metric: string, locale: Locale): string => labelOf(metric)?.unit[locale] ?? '';
