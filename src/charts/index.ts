export { MISSING, formatAxisNumber, formatNumber, formatPercent, type Locale } from './format';
export type { ChartFrame, ChartOption, NamedValues } from './types';
export { FONT_FAMILY, sourceLine, unitSubtext } from './frame';
export {
  BREAKS_SERIES_ID,
  defaultTemplateBreaks,
  lineOverYears,
  type LineOverYearsOptions,
  type TemplateBreak,
  type YearPoint,
  type YearSeries,
} from './line';
export { barsWithRate, stackedBars, type StackedBarsOptions } from './bars';
export { donut, type DonutItem } from './donut';
export { safeFileName } from './file-name';
export {
  chartToPngBlob,
  chartToPngDataUrl,
  dataUrlToBlob,
  downloadBlob,
  optionToSvg,
  stableSvgIds,
  svgToBlob,
} from './export';
export { Chart, type ChartApi, type ChartProps } from './Chart';
export type { ChartInstance, Renderer } from './echarts-setup';
