import { describe, expect, it } from 'vitest';
import { choropleth, donut, lineOverYears, provinceTileGrid, rankedBars, stackedBars } from '../../../src/charts';
import { needsExtras } from '../../../src/charts/parts';
import { zhFrame } from './option-helpers';

describe('needsExtras: the charts drawn without echarts-extras.ts', () => {
  it('the overview builders (bars, donut, lines with template breaks) need only the first parts', () => {
    const bars = stackedBars(['2020', '2021'], [{ name: '省级', values: [1, 2] }], zhFrame);
    const pie = donut([{ name: 'a', value: 1 }], zhFrame);
    const lines = lineOverYears([{ name: 'a', points: [{ year: 2018, value: 1, reports: 3 }, { year: 2020, value: 2, reports: 3 }] }], zhFrame, { templateBreaks: [{ year: 2019, label: '2019' }] });
    for (const option of [bars, pie, lines]) expect(needsExtras(option, 'canvas')).toBe(false);
  });

  it('a custom, scatter or map series, a visual map, a mark area or the SVG renderer need them', () => {
    expect(needsExtras(provinceTileGrid([{ code: '11', value: 3 }], zhFrame), 'canvas')).toBe(true);
    expect(needsExtras(choropleth('m', [{ code: '110101', name: '东城区', value: 3 }], zhFrame), 'canvas')).toBe(true);
    expect(needsExtras(rankedBars([{ name: 'a', value: 1 }, { name: 'b', value: null }], zhFrame, { quartiles: { p25: 1, p50: 1, p75: 1 } }), 'canvas')).toBe(true);
    expect(needsExtras({ series: [{ type: 'bar', data: [1], markArea: { data: [] } }] }, 'canvas')).toBe(true);
    expect(needsExtras({ series: [{ type: 'scatter', data: [[1, 2]] }] }, 'canvas')).toBe(true);
    expect(needsExtras({ visualMap: { type: 'continuous', min: 0, max: 1 }, series: [] }, 'canvas')).toBe(true);
    expect(needsExtras(donut([{ name: 'a', value: 1 }], zhFrame), 'svg')).toBe(true);
  });
});
