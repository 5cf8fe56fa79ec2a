import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart, MapChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { FONT_FAMILY } from './frame';
import { CHART_THEMES } from './theme';

// Only what the builders use, so the bundle carries no unused chart types.
echarts.use([
  LineChart,
  BarChart,
  PieChart,
  // provinceTileGrid: one square per province; rankedBars: the "—" of absent values.
  CustomChart,
  ScatterChart,
  // choropleth over a GeoJSON the user loads (see user-map.ts); no map ships with the app.
  MapChart,
  TitleComponent,
  LegendComponent,
  TooltipComponent,
  GridComponent,
  MarkLineComponent,
  MarkAreaComponent,
  VisualMapContinuousComponent,
  GraphicComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export const THEME_NAME = CHART_THEMES.light.name;

// The builders already set the font; the theme covers options written by hand.
for (const { name, theme } of Object.values(CHART_THEMES)) {
  echarts.registerTheme(name, { ...theme, textStyle: { ...(theme as { textStyle?: object }).textStyle, fontFamily: FONT_FAMILY } });
}

export type Renderer = 'canvas' | 'svg';
export type ChartInstance = echarts.ECharts;

export { echarts, FONT_FAMILY };
