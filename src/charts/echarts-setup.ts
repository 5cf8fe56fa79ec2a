import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { FONT_FAMILY } from './frame';
import { CHART_THEMES } from './theme';

// Only what the builders use, so the bundle carries no unused chart types; the parts only some
// charts use are in echarts-extras.ts, loaded before such a chart is drawn (parts.ts).
echarts.use([LineChart, BarChart, PieChart, TitleComponent, LegendComponent, TooltipComponent, GridComponent, MarkLineComponent, GraphicComponent, CanvasRenderer]);

export const THEME_NAME = CHART_THEMES.light.name;

// The builders already set the font; the theme covers options written by hand.
for (const { name, theme } of Object.values(CHART_THEMES)) {
  echarts.registerTheme(name, { ...theme, textStyle: { ...(theme as { textStyle?: object }).textStyle, fontFamily: FONT_FAMILY } });
}

export type Renderer = 'canvas' | 'svg';
export type ChartInstance = echarts.ECharts;

export { echarts, FONT_FAMILY };
