import type { PieSeriesOption } from 'echarts/charts';
import { formatNumber, formatPercent } from './format';
import { frameLayout, frameParts, toNumber } from './frame';
import { assignSlots, slotAt } from './palette';
import type { ChartFrame, ChartOption } from './types';

export interface DonutItem {
  name: string;
  value: number;
  /** A fixed palette place (a closed set of categories, such as coverage's statuses); else the name's own slot. */
  slot?: number;
}

/** Shares of a whole, e.g. reports by template or by parse status. Input order is kept. */
export function donut(items: readonly DonutItem[], frame: ChartFrame): ChartOption {
  const kept = items.filter((item) => Number.isFinite(item.value) && item.value >= 0);
  const total = kept.reduce((sum, item) => sum + item.value, 0);
  const share = (value: number | null) => (value !== null && total > 0 ? value / total : null);
  const countAndShare = (value: unknown) => {
    const v = toNumber(value);
    const pct = formatPercent(share(v), locale);
    return locale === 'zh' ? `${formatNumber(v, locale)}（${pct}）` : `${formatNumber(v, locale)} (${pct})`;
  };
  const names = kept.map((item) => item.name);
  const slots = kept.every((item) => item.slot !== undefined) ? kept.map((item) => slotAt(item.slot as number)) : assignSlots(names);
  const layout = frameLayout(frame, names);
  const locale = frame.locale;
  const pie: PieSeriesOption = {
    type: 'pie',
    name: frame.title,
    radius: ['42%', '66%'],
    top: layout.plotTop,
    bottom: layout.plotBottom,
    avoidLabelOverlap: true,
    data: kept.map((item, i) => ({ name: item.name, value: item.value, itemStyle: { color: slots[i].color, decal: slots[i].decal } })),
    // The count beside the share on the label too: a PNG or SVG has no tooltip, and 45.5 % of 11 reads otherwise than of 1,100.
    label: {
      formatter: (params: { name: string; value?: unknown }) => `${params.name}\n${countAndShare(params.value)}`,
    },
    tooltip: { valueFormatter: countAndShare },
  };
  return {
    ...frameParts(frame, names),
    tooltip: { trigger: 'item', confine: true },
    series: [pie],
  };
}
