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

export const metricLabel = (metric: string, locale: Locale): string => METRIC_LABELS[metric]?.[locale] ?? metric;
export const metricUnit = (metric: string, locale: Locale): string => METRIC_LABELS[metric]?.unit[locale] ?? '';
