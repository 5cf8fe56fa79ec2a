// The ECharts parts only some charts use, registered when this module is loaded: parts.ts loads it
// before such a chart is drawn, svg.ts imports it (its renderer). Kept out of the page's first code.
import { CustomChart, MapChart, ScatterChart } from 'echarts/charts';
import { MarkAreaComponent, VisualMapContinuousComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { echarts } from './echarts-setup';

echarts.use([
  // provinceTileGrid: one square per province; rankedBars: the "—" of absent values.
  CustomChart,
  ScatterChart,
  // choropleth over a GeoJSON the user loads (see user-map.ts); no map ships with the app.
  MapChart,
  // rankedBars' quartile band; choropleth's scale.
  MarkAreaComponent,
  VisualMapContinuousComponent,
  SVGRenderer,
]);
