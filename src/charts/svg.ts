// Charts as standalone SVG files. Importing this module registers ECharts' SVG renderer and every
// extra part (echarts-extras.ts), so any option renders; the page loads it only for an SVG export.
import './echarts-extras';
import { echarts, THEME_NAME } from './echarts-setup';
import { BACKGROUND } from './export';
import type { ChartOption } from './types';

/**
 * Renders an option to a standalone SVG string without a DOM (ECharts server-side rendering),
 * so it works in Node as in the browser and does not depend on the on-screen renderer.
 */
export function optionToSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, THEME_NAME, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ backgroundColor: BACKGROUND, ...option, animation: false });
    return stableSvgIds(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * ZRender names classes and clip paths after a global instance counter (zr3-cls-17), so the
 * same option gave different files on each export. Renumbered in order of appearance, the
 * output depends on the option alone. The ids are then not unique across documents: the
 * string is meant as a standalone file, not for inlining beside another chart.
 */
export function stableSvgIds(svg: string): string {
  const classes = new Map<string, number>();
  return svg
    .replace(/\bzr\d+-/g, 'zr0-')
    .replace(/\bzr0-cls-(\d+)\b/g, (_, n: string) => {
      if (!classes.has(n)) classes.set(n, classes.size);
      return `zr0-cls-${classes.get(n)}`;
    });
}
