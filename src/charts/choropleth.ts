import type { MapSeriesOption } from 'echarts/charts';
import { PAD, frameLayout, frameParts, toNumber } from './frame';
import {
  NO_DATA_COLOR,
  SCALE_WIDTH,
  continuousScale,
  noDataKey,
  present,
  valueExtent,
  valueOrNoData,
} from './scale';
import type { ChartFrame, ChartOption } from './types';

// No map of China ships with the app: a published map of China needs an approval number
// (审图号). The user loads a GeoJSON they are entitled to use, and the app registers it with
// registerUserMap (user-map.ts) before building this option.

export interface RegionValue {
  /** 6-digit division code, as in the GeoJSON's code property. */
  code: string;
  /** Shown in the tooltip and on hover. */
  name: string;
  value: number | null;
}

export interface ChoroplethOptions {
  /** Values are ratios (0.25 = 25%). */
  percent?: boolean;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Regions of a map registered at runtime, coloured by value on a continuous scale.
 *
 * The caller first registers the GeoJSON with `registerUserMap(geoJsonMapName, geojson,
 * codeProperty)`, which copies each feature's division code into `properties.name`. Regions are
 * therefore matched by code, whatever the file calls them, and data items are named by code;
 * the tooltip and hover label show `name`. A region without a value, or absent from `values`,
 * is grey ("无数据" / "no data"), never coloured as 0.
 */
export function choropleth(
  geoJsonMapName: string,
  values: readonly RegionValue[],
  frame: ChartFrame,
  opts: ChoroplethOptions = {},
): ChartOption {
  const locale = frame.locale;
  const percent = opts.percent === true;
  const layout = frameLayout(frame, []);
  const names = new Map(values.map((v) => [v.code, v.name]));
  const extent = valueExtent(values.map((v) => v.value));
  const nameOf = (code: string) => names.get(code) ?? code;
  const formatTooltip = valueOrNoData(locale, percent);

  const series: MapSeriesOption = {
    type: 'map',
    name: frame.title,
    map: geoJsonMapName,
    // registerUserMap puts the division code here.
    nameProperty: 'name',
    roam: false,
    selectedMode: false,
    left: PAD,
    right: PAD + SCALE_WIDTH,
    top: layout.plotTop,
    bottom: layout.plotBottom,
    // The shapes keep their proportions inside that box instead of filling it.
    preserveAspect: 'contain',
    preserveAspectAlign: 'center',
    preserveAspectVerticalAlign: 'middle',
    // Regions without a data item, and items left out of the scale, keep these colours.
    itemStyle: { areaColor: NO_DATA_COLOR, color: NO_DATA_COLOR, borderColor: '#ffffff', borderWidth: 0.5 },
    emphasis: {
      itemStyle: { areaColor: '#fde68a', borderColor: '#111827', borderWidth: 1 },
      label: { show: true, color: '#111827', formatter: (params: { name: string }) => nameOf(params.name) },
    },
    label: { show: false },
    data: values.map((v) =>
      present(v.value)
        ? { name: v.code, value: v.value }
        : // '-' is ECharts' empty value; the item takes no colour from the scale.
          { name: v.code, value: '-' as const, visualMap: false },
    ),
    tooltip: {
      formatter: (params: unknown) => {
        const p = params as { name?: string; value?: unknown; marker?: unknown };
        const marker = typeof p.marker === 'string' ? p.marker : '';
        const value = formatTooltip(toNumber(p.value));
        return `${marker}${escapeHtml(nameOf(String(p.name ?? '')))}${locale === 'zh' ? '：' : ': '}${value}`;
      },
    },
  };

  return {
    ...frameParts(frame, [], [noDataKey(locale, layout.plotBottom)]),
    tooltip: { trigger: 'item', confine: true },
    ...(extent ? { visualMap: continuousScale({ extent, locale, percent, bottom: layout.plotBottom, withKey: true }) } : {}),
    series: [series],
  };
}
