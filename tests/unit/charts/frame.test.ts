import { describe, expect, it } from 'vitest';
import { barsWithRate, stackedBars } from '../../../src/charts/bars';
import { donut } from '../../../src/charts/donut';
import { safeFileName } from '../../../src/charts/file-name';
import { FONT_FAMILY, estimateLegendRows, frameLayout, sourceLine } from '../../../src/charts/frame';
import { choropleth } from '../../../src/charts/choropleth';
import { lineOverYears } from '../../../src/charts/line';
import { rankedBars } from '../../../src/charts/ranked';
import { provinceTileGrid } from '../../../src/charts/tiles';
import type { ChartOption } from '../../../src/charts/types';
import { ZH_SOURCE_LINE, enFrame, graphicTexts, list, titleOf, zhFrame } from './option-helpers';

const builders: [string, ChartOption][] = [
  ['lineOverYears', lineOverYears([{ name: 'A', points: [{ year: 2020, value: 1 }] }], zhFrame)],
  ['stackedBars', stackedBars(['2020'], [{ name: 'A', values: [1] }], zhFrame, { percent: true })],
  ['barsWithRate', barsWithRate(['2020'], [{ name: 'A', values: [1] }], { name: 'r', values: [0.5] }, zhFrame)],
  ['donut', donut([{ name: 'A', value: 1 }], zhFrame)],
  ['provinceTileGrid', provinceTileGrid([{ code: '11', value: 1 }], zhFrame)],
  ['choropleth', choropleth('any', [{ code: '110101', name: 'A', value: 1 }], zhFrame)],
  ['rankedBars', rankedBars([{ name: 'A', value: 1, outlier: true }], zhFrame, { quartiles: { p25: 0, p50: 1, p75: 2 } })],
];

describe.each(builders)('%s frame', (_, option) => {
  it('carries title, unit, source line, font and no animation', () => {
    expect(titleOf(option)).toMatchObject({ text: '依申请公开申请数量', subtext: '单位：件' });
    expect(graphicTexts(option)).toEqual([ZH_SOURCE_LINE]);
    expect(option.textStyle).toEqual({ fontFamily: FONT_FAMILY });
    expect(option.animation).toBe(false);
    expect(list(option.tooltip)[0].confine).toBe(true);
  });
});

describe('source and notes', () => {
  it('writes the source line in each language, date optional', () => {
    expect(sourceLine(zhFrame)).toBe(ZH_SOURCE_LINE);
    expect(sourceLine(enFrame)).toBe('Source: Gongkai · government information disclosure annual reports · 2026-11-22');
    expect(sourceLine({ ...zhFrame, date: undefined })).toBe('来源：公开 Gongkai · 政府信息公开工作年度报告');
  });

  it('draws notes above the source line and leaves room for them', () => {
    const frame = { ...zhFrame, notes: '注：2019 年起采用新模板\n注：不含部门报告' };
    const option = stackedBars(['2020'], [{ name: 'A', values: [1] }], frame);
    expect(graphicTexts(option)).toEqual(['注：2019 年起采用新模板', '注：不含部门报告', ZH_SOURCE_LINE]);
    const elements = list(list(option.graphic)[0].elements);
    expect(elements.map((el) => el.bottom)).toEqual([40, 24, 8]);
    expect(frameLayout(frame, []).plotBottom).toBeGreaterThan(frameLayout(zhFrame, []).plotBottom);
    expect(list(option.grid)[0].bottom).toBe(frameLayout(frame, []).plotBottom);
  });

  it('has no subtext when there is no unit', () => {
    const option = donut([{ name: 'A', value: 1 }], { ...zhFrame, unit: '' });
    expect(titleOf(option).subtext).toBe('');
  });
});

describe('legend layout', () => {
  it('wraps many long names onto more rows and moves the plot down', () => {
    const few = ['北京市', '上海市'];
    const many = Array.from({ length: 30 }, (_, i) => `第${i + 1}个行政区划名称`);
    expect(estimateLegendRows(few)).toBe(1);
    expect(estimateLegendRows(many)).toBeGreaterThan(3);
    expect(frameLayout(zhFrame, many).plotTop).toBeGreaterThan(frameLayout(zhFrame, few).plotTop);
    expect(frameLayout(zhFrame, ['only']).plotTop).toBeLessThan(frameLayout(zhFrame, few).plotTop);
  });
});

describe('safeFileName', () => {
  it.each([
    ['北京市/上海市: 申请*数量?', '北京市 上海市 申请 数量'],
    ['  依申请公开  2019—2024  ', '依申请公开 2019—2024'],
    ['a<b>c|d"e\\f', 'a b c d e f'],
    ['...hidden.', 'hidden'],
    ['', 'chart'],
    ['///', 'chart'],
    ['CON', '_CON'],
  ])('%j → %j', (title, expected) => {
    expect(safeFileName(title)).toBe(expected);
  });

  it('adds the extension and limits the length by characters', () => {
    expect(safeFileName('复议纠错率', 'png')).toBe('复议纠错率.png');
    expect(safeFileName('图', '.svg')).toBe('图.svg');
    expect(Array.from(safeFileName('长'.repeat(200))).length).toBe(80);
  });
});

describe('heightForPlot', () => {
  it('adds the room the title, legend and foot lines take to the plot height', async () => {
    const { heightForPlot } = await import('../../../src/charts/frame');
    const { stackedBars } = await import('../../../src/charts/bars');
    const names = Array.from({ length: 14 }, (_, i) => `结果类别${i}`);
    const option = stackedBars(['甲', '乙'], names.map((name) => ({ name, values: [1, 2] })), { title: 't', unit: '件', source: 's', locale: 'zh', notes: '一\n二' }, { horizontal: true });
    const grid = option.grid as { top: number; bottom: number };
    expect(heightForPlot(option, 150)).toBe(grid.top + grid.bottom + 150);
    // Fourteen wrapped legend names and two note lines take far more than the 120 px once allowed.
    expect(grid.top + grid.bottom).toBeGreaterThan(120);
  });
});
