import { echarts, THEME_NAME, type ChartInstance } from './echarts-setup';
import type { ChartOption } from './types';

export { safeFileName } from './file-name';

const BACKGROUND = '#fff';

/** PNG at twice the CSS size; the option's title, legend, unit and source line are in the image. */
export function chartToPngDataUrl(instance: ChartInstance): string {
  return instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: BACKGROUND });
}

export function dataUrlToBlob(dataUrl: string): Blob {
  const match = /^data:([^;,]+)?(;base64)?,(.*)$/s.exec(dataUrl);
  if (!match) throw new Error('Not a data URL');
  const [, type = 'application/octet-stream', base64, payload] = match;
  if (!base64) return new Blob([decodeURIComponent(payload)], { type });
  const binary = atob(payload);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

export function chartToPngBlob(instance: ChartInstance): Blob {
  return dataUrlToBlob(chartToPngDataUrl(instance));
}

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

export function svgToBlob(svg: string): Blob {
  return new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });
}

/** Browser only: saves a blob through a temporary link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
