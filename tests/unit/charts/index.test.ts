import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as charts from '../../../src/charts';
import { zhFrame } from './option-helpers';

describe('src/charts entry', () => {
  it('exports the builders, formatters, exports and the component', () => {
    for (const name of [
      'lineOverYears',
      'stackedBars',
      'barsWithRate',
      'donut',
      'provinceTileGrid',
      'choropleth',
      'rankedBars',
      'rankedBarsHeight',
      'registerUserMap',
      'validateUserGeoJson',
      'prepareUserGeoJson',
      'provinceCode',
      'formatNumber',
      'formatPercent',
      'formatAxisNumber',
      'chartToPngDataUrl',
      'downloadBlob',
      'safeFileName',
      'Chart',
    ]) {
      expect(typeof (charts as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('renders the chart container with its test id and height, not yet ready', () => {
    const option = charts.donut([{ name: 'a', value: 1 }], zhFrame);
    const html = renderToStaticMarkup(createElement(charts.Chart, { option, height: 300, testId: 'chart-x' }));
    expect(html).toBe('<div data-testid="chart-x" data-chart-theme="light" style="width:100%;height:300px"></div>');
  });
});

describe('dataUrlToBlob', () => {
  it('decodes base64 and plain data URLs', async () => {
    const png = charts.dataUrlToBlob('data:image/png;base64,iVBORw0=');
    expect(png.type).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d]);
    const text = charts.dataUrlToBlob('data:text/plain,%E5%85%AC%E5%BC%80');
    expect(await text.text()).toBe('公开');
    expect(() => charts.dataUrlToBlob('nope')).toThrow('Not a data URL');
  });
});
