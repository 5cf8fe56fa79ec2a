import type { ComposeOption } from 'echarts/core';
import type {
  BarSeriesOption,
  CustomSeriesOption,
  LineSeriesOption,
  MapSeriesOption,
  PieSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import type {
  GraphicComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { Locale } from './format';

export type { Locale } from './format';

/** Only the parts registered in echarts-setup.ts; an option using anything else fails to type-check. */
export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | PieSeriesOption
  | CustomSeriesOption
  | ScatterSeriesOption
  | MapSeriesOption
  | TitleComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | GridComponentOption
  | MarkLineComponentOption
  | MarkAreaComponentOption
  | VisualMapComponentOption
  | GraphicComponentOption
>;

/** What every chart carries besides its data, so an exported image stands on its own. */
export interface ChartFrame {
  title: string;
  /** Unit of the values, e.g. "件"; shown as the title's subtext. */
  unit: string;
  /** Source without the "来源：" prefix, e.g. "公开 Gongkai · 政府信息公开工作年度报告". */
  source: string;
  /** Dataset or export date, e.g. "2026-11-22"; appended to the source line. */
  date?: string;
  locale: Locale;
  /** Drawn above the source line; "\n" separates lines. */
  notes?: string;
}

export interface NamedValues {
  name: string;
  values: (number | null)[];
}
