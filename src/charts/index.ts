export { MISSING, formatAxisNumber, formatExact, formatNumber, formatPercent, type Locale } from './format';
export type { ChartFrame, ChartOption, NamedValues } from './types';
export { FONT_FAMILY, heightForPlot, sourceLine, unitSubtext } from './frame';
export {
  BREAKS_SERIES_ID,
  defaultTemplateBreaks,
  FEW_REPORTS,
  lineOverYears,
  type LineOverYearsOptions,
  type TemplateBreak,
  type YearPoint,
  type YearSeries,
} from './line';
export { barsWithRate, stackedBars, type StackedBarsOptions } from './bars';
export { donut, type DonutItem } from './donut';
export {
  HK_MO_TW_CODES,
  MAINLAND_PROVINCE_CODES,
  TILE_POSITIONS,
  provinceCode,
  provinceTileGrid,
  type ProvinceTileGridOptions,
  type ProvinceValue,
  type TilePosition,
} from './tiles';
export { choropleth, type ChoroplethOptions, type RegionValue } from './choropleth';
export {
  UserMapError,
  prepareUserGeoJson,
  registerUserMap,
  validateUserGeoJson,
  type PreparedUserMap,
  type RegisteredUserMap,
  type UserGeoJson,
} from './user-map';
export {
  rankedBars,
  rankedBarsHeight,
  type Quartiles,
  type RankedBarsOptions,
  type RankedRow,
} from './ranked';
export { NO_DATA_COLOR } from './scale';
export { safeFileName } from './file-name';
export {
  chartToPngBlob,
  chartToPngDataUrl,
  dataUrlToBlob,
  downloadBlob,
  svgToBlob,
} from './export';
export { Chart, type ChartApi, type ChartProps } from './Chart';
export type { ChartInstance, Renderer } from './echarts-setup';
export { chartTable, describeTable, type ChartTable } from './describe';
export { CHART_THEMES, chartScheme, darkOption, setChartScheme, useChartScheme, type ColorScheme } from './theme';
export { CHART_BACKGROUND, PALETTE, assignSlots, contrastRatio } from './palette';
export { fitToWidth } from './narrow';
