import type { CustomSeriesOption } from 'echarts/charts';
import type { Locale } from './format';
import { fontFamilyFor, PAD, footTexts, frameLayout, frameParts } from './frame';
import { footRaise, titleDrop } from './narrow';
import {
  NO_DATA_BORDER,
  NO_DATA_COLOR,
  SCALE_WIDTH,
  SEQUENTIAL_COLORS,
  continuousScale,
  formatShortValue,
  labelColorOn,
  noDataKey,
  noDataLabel,
  present,
  valueExtent,
  valueOrNoData,
} from './scale';
import type { ChartFrame, ChartOption } from './types';

// A tile-grid map: every province is one equal square at a fixed cell roughly where it lies.
// It draws no boundaries, so it is not a map in the sense of the surveying rules (a published
// map of China needs an approval number, 审图号); for real shapes see choropleth.ts.

export interface TilePosition {
  /** Column from the west (0) and row from the north (0). */
  col: number;
  row: number;
  /** One-character short name (简称), the tile's label in Chinese. */
  short: string;
  /** ISO 3166-2:CN subdivision code, the tile's label in English. */
  abbr: string;
  name: string;
  nameEn: string;
}

/** Cells keyed by the 2-digit province code (GB/T 2260), 7 columns × 8 rows. */
export const TILE_POSITIONS: Readonly<Record<string, TilePosition>> = {
  '23': { col: 6, row: 0, short: '黑', abbr: 'HL', name: '黑龙江省', nameEn: 'Heilongjiang' },
  '15': { col: 3, row: 1, short: '蒙', abbr: 'NM', name: '内蒙古自治区', nameEn: 'Inner Mongolia' },
  '11': { col: 4, row: 1, short: '京', abbr: 'BJ', name: '北京市', nameEn: 'Beijing' },
  '21': { col: 5, row: 1, short: '辽', abbr: 'LN', name: '辽宁省', nameEn: 'Liaoning' },
  '22': { col: 6, row: 1, short: '吉', abbr: 'JL', name: '吉林省', nameEn: 'Jilin' },
  '65': { col: 0, row: 2, short: '新', abbr: 'XJ', name: '新疆维吾尔自治区', nameEn: 'Xinjiang' },
  '62': { col: 1, row: 2, short: '甘', abbr: 'GS', name: '甘肃省', nameEn: 'Gansu' },
  '64': { col: 2, row: 2, short: '宁', abbr: 'NX', name: '宁夏回族自治区', nameEn: 'Ningxia' },
  '14': { col: 3, row: 2, short: '晋', abbr: 'SX', name: '山西省', nameEn: 'Shanxi' },
  '13': { col: 4, row: 2, short: '冀', abbr: 'HE', name: '河北省', nameEn: 'Hebei' },
  '12': { col: 5, row: 2, short: '津', abbr: 'TJ', name: '天津市', nameEn: 'Tianjin' },
  '54': { col: 0, row: 3, short: '藏', abbr: 'XZ', name: '西藏自治区', nameEn: 'Xizang' },
  '63': { col: 1, row: 3, short: '青', abbr: 'QH', name: '青海省', nameEn: 'Qinghai' },
  '61': { col: 2, row: 3, short: '陕', abbr: 'SN', name: '陕西省', nameEn: 'Shaanxi' },
  '41': { col: 3, row: 3, short: '豫', abbr: 'HA', name: '河南省', nameEn: 'Henan' },
  '37': { col: 4, row: 3, short: '鲁', abbr: 'SD', name: '山东省', nameEn: 'Shandong' },
  '51': { col: 1, row: 4, short: '川', abbr: 'SC', name: '四川省', nameEn: 'Sichuan' },
  '50': { col: 2, row: 4, short: '渝', abbr: 'CQ', name: '重庆市', nameEn: 'Chongqing' },
  '42': { col: 3, row: 4, short: '鄂', abbr: 'HB', name: '湖北省', nameEn: 'Hubei' },
  '34': { col: 4, row: 4, short: '皖', abbr: 'AH', name: '安徽省', nameEn: 'Anhui' },
  '32': { col: 5, row: 4, short: '苏', abbr: 'JS', name: '江苏省', nameEn: 'Jiangsu' },
  '31': { col: 6, row: 4, short: '沪', abbr: 'SH', name: '上海市', nameEn: 'Shanghai' },
  '53': { col: 1, row: 5, short: '云', abbr: 'YN', name: '云南省', nameEn: 'Yunnan' },
  '52': { col: 2, row: 5, short: '贵', abbr: 'GZ', name: '贵州省', nameEn: 'Guizhou' },
  '43': { col: 3, row: 5, short: '湘', abbr: 'HN', name: '湖南省', nameEn: 'Hunan' },
  '36': { col: 4, row: 5, short: '赣', abbr: 'JX', name: '江西省', nameEn: 'Jiangxi' },
  '33': { col: 5, row: 5, short: '浙', abbr: 'ZJ', name: '浙江省', nameEn: 'Zhejiang' },
  '45': { col: 2, row: 6, short: '桂', abbr: 'GX', name: '广西壮族自治区', nameEn: 'Guangxi' },
  '44': { col: 3, row: 6, short: '粤', abbr: 'GD', name: '广东省', nameEn: 'Guangdong' },
  '35': { col: 4, row: 6, short: '闽', abbr: 'FJ', name: '福建省', nameEn: 'Fujian' },
  '71': { col: 5, row: 6, short: '台', abbr: 'TW', name: '台湾省', nameEn: 'Taiwan' },
  '46': { col: 2, row: 7, short: '琼', abbr: 'HI', name: '海南省', nameEn: 'Hainan' },
  '82': { col: 3, row: 7, short: '澳', abbr: 'MO', name: '澳门特别行政区', nameEn: 'Macao' },
  '81': { col: 4, row: 7, short: '港', abbr: 'HK', name: '香港特别行政区', nameEn: 'Hong Kong' },
};

/** 台湾, 香港 and 澳门: no disclosure annual reports, so drawn as no data unless given a value. */
export const HK_MO_TW_CODES: readonly string[] = ['71', '81', '82'];

/** The 31 provincial-level divisions of the mainland, in code order. */
export const MAINLAND_PROVINCE_CODES: readonly string[] = Object.keys(TILE_POSITIONS)
  .filter((code) => !HK_MO_TW_CODES.includes(code))
  .sort();

const ALL_TILES = Object.values(TILE_POSITIONS);
export const TILE_COLUMNS = Math.max(...ALL_TILES.map((t) => t.col)) + 1;
export const TILE_ROWS = Math.max(...ALL_TILES.map((t) => t.row)) + 1;

/** "11" and "110000" are both Beijing; anything else is not a province code. */
export function provinceCode(code: string): string | null {
  const match = /^(\d{2})(0000)?$/.exec(code.trim());
  return match && match[1] in TILE_POSITIONS ? match[1] : null;
}

export interface ProvinceValue {
  /** 2-digit province code, or the 6-digit division code ending in 0000. */
  code: string;
  value: number | null;
}

export interface ProvinceTileGridOptions {
  /** Tooltip names by code (2- or 6-digit), replacing the built-in full names. */
  names?: Record<string, string>;
  /**
   * Also draw 台湾, 香港 and 澳门 (default true, as maps of China published in China do).
   * They have no disclosure reports and show as no data unless a value is given.
   */
  includeHkMoTw?: boolean;
  /** Values are ratios (0.25 = 25%). */
  percent?: boolean;
}

export interface Tile extends TilePosition {
  code: string;
  value: number | null;
  /** Tooltip name. */
  label: string;
}

export interface TileArea {
  /** Side of one cell in px; the tile is drawn a little smaller to leave a gap. */
  size: number;
  /** Top left corner of the whole grid. */
  x: number;
  y: number;
}

/** The largest square cells that fit the free box, the grid centred in it. */
export function tileArea(
  width: number,
  height: number,
  box: { left: number; right: number; top: number; bottom: number },
): TileArea {
  const w = Math.max(0, width - box.left - box.right);
  const h = Math.max(0, height - box.top - box.bottom);
  const size = Math.min(w / TILE_COLUMNS, h / TILE_ROWS);
  return { size, x: box.left + (w - size * TILE_COLUMNS) / 2, y: box.top + (h - size * TILE_ROWS) / 2 };
}

type RenderItem = NonNullable<CustomSeriesOption['renderItem']>;

function tileNames(locale: Locale, names: Record<string, string> | undefined) {
  return (code: string, tile: TilePosition): string =>
    names?.[code] ?? names?.[`${code}0000`] ?? (locale === 'zh' ? tile.name : tile.nameEn);
}

/** The tiles drawn, in code order; a province without a present value has value null. */
export function provinceTiles(
  values: readonly ProvinceValue[],
  locale: Locale,
  opts: ProvinceTileGridOptions = {},
): Tile[] {
  const byCode = new Map<string, number | null>();
  for (const v of values) {
    const code = provinceCode(v.code);
    if (code !== null) byCode.set(code, present(v.value) ? v.value : null);
  }
  const codes = [...MAINLAND_PROVINCE_CODES, ...(opts.includeHkMoTw === false ? [] : HK_MO_TW_CODES)];
  const nameOf = tileNames(locale, opts.names);
  return codes.map((code) => {
    const position = TILE_POSITIONS[code];
    return { code, ...position, value: byCode.get(code) ?? null, label: nameOf(code, position) };
  });
}

/**
 * A tile-grid map of the provinces coloured by value on a continuous scale. A province without
 * a value is grey and labelled "无数据" / "no data", never coloured as 0. Values are matched by
 * 2-digit (or 6-digit "xx0000") code; other codes are ignored, a later value replaces an earlier one.
 */
export function provinceTileGrid(
  values: readonly ProvinceValue[],
  frame: ChartFrame,
  opts: ProvinceTileGridOptions = {},
): ChartOption {
  const locale = frame.locale;
  const percent = opts.percent === true;
  const tiles = provinceTiles(values, locale, opts);
  const extent = valueExtent(tiles.map((t) => t.value));
  const layout = frameLayout(frame, []);
  const hasNoData = tiles.some((t) => t.value === null);
  const box = { left: PAD, right: PAD + SCALE_WIDTH, top: layout.plotTop, bottom: layout.plotBottom };

  // Wrapped foot lines and title (narrow.ts, at the width Chart.tsx lays out for) take from the box.
  let fitted = { width: -1, box };
  const fittedBox = (width: number) => {
    const laid = Math.floor(width / 10) * 10;
    if (fitted.width !== laid) fitted = { width: laid, box: { ...box, top: box.top + titleDrop(frame.title, laid), bottom: box.bottom + footRaise(footTexts(frame), laid) } };
    return fitted.box;
  };

  const renderItem: RenderItem = (params, api) => {
    const tile = tiles[params.dataIndex];
    const area = tileArea(api.getWidth(), api.getHeight(), fittedBox(api.getWidth()));
    const gap = Math.max(1, Math.round(area.size * 0.06));
    const side = Math.max(0, area.size - gap);
    const x = area.x + tile.col * area.size + gap / 2;
    const y = area.y + tile.row * area.size + gap / 2;
    const missing = tile.value === null;
    const visual = missing ? null : api.visual('color');
    const fill = missing ? NO_DATA_COLOR : typeof visual === 'string' ? visual : SEQUENTIAL_COLORS[2];
    const textFill = missing ? '#6b7280' : labelColorOn(fill);
    const fontSize = Math.max(8, Math.min(14, Math.round(side * 0.24)));
    const name = locale === 'zh' ? tile.short : tile.abbr;
    const value = missing ? noDataLabel(locale) : formatShortValue(tile.value, locale, percent);
    return {
      type: 'group',
      children: [
        {
          type: 'rect',
          shape: { x, y, width: side, height: side, r: 2 },
          style: { fill, stroke: missing ? NO_DATA_BORDER : fill, lineWidth: 1 },
          emphasis: { style: { stroke: '#111827', lineWidth: 2 } },
        },
        {
          type: 'text',
          x: x + side / 2,
          y: y + side / 2,
          silent: true,
          style: {
            text: `{n|${name}}\n{v|${value}}`,
            align: 'center',
            verticalAlign: 'middle',
            fontFamily: fontFamilyFor(locale),
            rich: {
              n: { fontSize, fontWeight: 'bold', fill: textFill, fontFamily: fontFamilyFor(locale), lineHeight: fontSize * 1.3 },
              v: { fontSize: Math.max(8, fontSize - 2), fill: textFill, fontFamily: fontFamilyFor(locale), lineHeight: fontSize * 1.2 },
            },
          },
        },
      ],
    };
  };

  const series: CustomSeriesOption = {
    type: 'custom',
    name: frame.title,
    coordinateSystem: 'none',
    renderItem,
    encode: { tooltip: 2 },
    data: tiles.map((t) => ({
      name: t.label,
      value: [t.col, t.row, t.value],
      // An absent value takes no colour from the scale.
      ...(t.value === null ? { visualMap: false } : {}),
    })),
    tooltip: { valueFormatter: valueOrNoData(locale, percent) },
  };

  return {
    ...frameParts(frame, [], hasNoData ? [noDataKey(locale, layout.plotBottom)] : []),
    tooltip: { trigger: 'item', confine: true },
    ...(extent
      ? { visualMap: continuousScale({ extent, locale, percent, bottom: layout.plotBottom, withKey: hasNoData, dimension: 2 }) }
      : {}),
    series: [series],
  };
}
