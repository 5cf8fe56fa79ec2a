import type { ChartFrame, ChartOption } from '../../../src/charts/types';

/** Loose views of option parts, so tests can read what the builders produced. */
export type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function list(value: unknown): Loose[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as Loose[];
}

export function seriesOf(option: ChartOption): Loose[] {
  return list(option.series);
}

/** Series with a name: the data series, without helper series such as the template breaks. */
export function dataSeries(option: ChartOption): Loose[] {
  return seriesOf(option).filter((s) => typeof s.name === 'string');
}

export function titleOf(option: ChartOption): Loose {
  return list(option.title)[0];
}

export function legendOf(option: ChartOption): Loose | undefined {
  return list(option.legend)[0];
}

export function graphicTexts(option: ChartOption): string[] {
  return list(option.graphic)
    .flatMap((g) => list(g.elements ?? g))
    .filter((el) => el.type === 'text')
    .map((el) => String(el.style.text));
}

export function axis(option: ChartOption, dim: 'xAxis' | 'yAxis', index = 0): Loose {
  return list(option[dim])[index];
}

export const zhFrame: ChartFrame = {
  title: '依申请公开申请数量',
  unit: '件',
  source: '公开 Gongkai · 政府信息公开工作年度报告',
  date: '2026-11-22',
  locale: 'zh',
};

export const enFrame: ChartFrame = {
  title: 'Disclosure requests',
  unit: 'requests',
  source: 'Gongkai · government information disclosure annual reports',
  date: '2026-11-22',
  locale: 'en',
};

export const ZH_SOURCE_LINE = '来源：公开 Gongkai · 政府信息公开工作年度报告 · 2026-11-22';
