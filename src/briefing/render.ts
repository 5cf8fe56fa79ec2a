// Browser: an export rendered off-screen at its own size, whatever the window's.
import { echarts, THEME_NAME } from '../charts/echarts-setup';
import { dataUrlToBlob, type ChartOption } from '../charts';
import { optionToSvg } from '../charts/svg';
import { textMeasure } from '../charts/wrap';
import { exportLayout, exportOption, PNG_PIXEL_RATIO, type ExportLayout, type ExportSpec, type Measure } from './export-layout';

/** Text widths as the canvas renderer will draw them. */
export const canvasMeasure: Measure = textMeasure;

export interface RenderedExport {
  layout: ExportLayout;
  option: ChartOption;
}

export function prepareExport(option: ChartOption, spec: ExportSpec, measure: Measure = canvasMeasure): RenderedExport {
  const layout = exportLayout(spec, measure);
  return { layout, option: exportOption(option, layout) };
}

/** A PNG of the export: its size × PNG_PIXEL_RATIO pixels. */
export function exportPng(option: ChartOption, spec: ExportSpec): { blob: Blob; layout: ExportLayout } {
  const { layout, option: laid } = prepareExport(option, spec);
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-100000px;top:0;width:${layout.width}px;height:${layout.height}px;`;
  host.setAttribute('aria-hidden', 'true');
  document.body.appendChild(host);
  const chart = echarts.init(host, THEME_NAME, { renderer: 'canvas', width: layout.width, height: layout.height });
  try {
    chart.setOption(laid, { notMerge: true });
    const url = chart.getDataURL({ type: 'png', pixelRatio: PNG_PIXEL_RATIO * layout.scale, backgroundColor: '#fff' });
    // Not fetch(): the page's CSP allows connections to itself only.
    return { blob: dataUrlToBlob(url), layout };
  } finally {
    chart.dispose();
    host.remove();
  }
}

/** The export as SVG at its size, with a font of the glyphs it uses embedded. */
export async function exportSvg(option: ChartOption, spec: ExportSpec): Promise<{ svg: string; layout: ExportLayout; missing: string[] }> {
  const { layout, option: laid } = prepareExport(option, spec);
  const raw = optionToSvg(laid, layout.width, layout.height).replace(/^<svg width="[^"]*" height="[^"]*"/, `<svg width="${spec.width}" height="${spec.height}"`);
  // opentype.js and the outlines load only when an SVG is exported.
  const { embedFont, loadGlyphData } = await import('./font');
  const { svg, missing } = embedFont(raw, await loadGlyphData());
  return { svg, layout, missing };
}
