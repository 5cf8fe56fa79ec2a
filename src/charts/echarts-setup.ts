import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { FONT_FAMILY } from './frame';

// Only what the builders use, so the bundle carries no unused chart types.
echarts.use([
  LineChart,
  BarChart,
  PieChart,
  TitleComponent,
  LegendComponent,
  TooltipComponent,
  GridComponent,
  MarkLineComponent,
  GraphicComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export const THEME_NAME = 'gongkai';

// The builders already set the font; the theme covers options written by hand.
echarts.registerTheme(THEME_NAME, { textStyle: { fontFamily: FONT_FAMILY } });

export type Renderer = 'canvas' | 'svg';
export type ChartInstance = echarts.ECharts;

export { echarts, FONT_FAMILY };
