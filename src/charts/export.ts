import type { ChartInstance } from './echarts-setup';

export { safeFileName } from './file-name';

export const BACKGROUND = '#fff';

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
