import { describe, expect, it } from 'vitest';
import { choropleth } from '../../../src/charts/choropleth';
import { optionToSvg } from '../../../src/charts/svg';
import { NO_DATA_COLOR, NO_DATA_KEY_ID, SEQUENTIAL_COLORS } from '../../../src/charts/scale';
import {
  UserMapError,
  divisionCode,
  prepareUserGeoJson,
  registerUserMap,
  validateUserGeoJson,
} from '../../../src/charts/user-map';
import type { ChartOption } from '../../../src/charts/types';
import { ZH_SOURCE_LINE, enFrame, list, seriesOf, titleOf, zhFrame, type Loose } from './option-helpers';

/** A unit square at (x, y): test shapes, not real boundaries. */
function square(x: number, y: number) {
  return { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] };
}

function feature(properties: Record<string, unknown> | null, geometry: unknown = square(0, 0)) {
  return { type: 'Feature', properties, geometry };
}

function collection(...features: unknown[]) {
  return { type: 'FeatureCollection', features };
}

const districts = collection(
  feature({ adcode: 110101, name: '东城区' }, square(116, 39)),
  feature({ adcode: '110102', name: '西城区' }, square(117, 39)),
  feature({ adcode: '110105', name: '朝阳区' }, square(116, 40)),
  feature({ adcode: '110106' }, square(117, 40)),
);

const values = [
  { code: '110101', name: '东城区', value: 100 },
  { code: '110102', name: '西城区', value: 300 },
  { code: '110105', name: '朝阳区', value: null },
];

function visualMapOf(option: ChartOption): Loose | undefined {
  return list(option.visualMap)[0];
}

describe('validateUserGeoJson', () => {
  it('accepts a FeatureCollection of polygons with 6-digit codes, as strings or numbers', () => {
    expect(validateUserGeoJson(districts, 'adcode')).toEqual([]);
    expect(validateUserGeoJson(JSON.stringify(districts), 'adcode')).toEqual([]);
  });

  it.each([
    [{ type: 'Feature', properties: {}, geometry: square(0, 0) }, 'not a GeoJSON FeatureCollection (got type "Feature")'],
    [[1, 2], 'not a GeoJSON FeatureCollection (got an array)'],
    [null, 'not a GeoJSON FeatureCollection (got null)'],
    [42, 'not a GeoJSON FeatureCollection (got 42)'],
    ['{"type":', 'not valid JSON: '],
    [{ type: 'FeatureCollection' }, '"features" is not an array'],
    [{ type: 'FeatureCollection', features: [] }, 'the FeatureCollection has no features'],
  ])('rejects %j', (input, problem) => {
    const problems = validateUserGeoJson(input, 'adcode');
    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(problem)).toBe(true);
  });

  it('lists every feature without a valid code', () => {
    const problems = validateUserGeoJson(
      collection(
        feature({ adcode: '110101' }),
        feature({ name: '无编码' }),
        feature(null),
        feature({ adcode: '1101' }),
        feature({ adcode: '100000_JD' }),
        feature({ adcode: 1101.5 }),
        feature({ adcode: '' }),
        { type: 'Polygon', coordinates: [] },
      ),
      'adcode',
    );
    expect(problems).toEqual([
      'features[1]: no "adcode" property',
      'features[2]: no properties, so no "adcode"',
      'features[3]: "adcode" is "1101", expected a 6-digit division code',
      'features[4]: "adcode" is "100000_JD", expected a 6-digit division code',
      'features[5]: "adcode" is 1101.5, expected a 6-digit division code',
      'features[6]: no "adcode" property',
      'features[7]: not a Feature (type "Polygon")',
    ]);
  });

  it('reads the code from the property it is told', () => {
    expect(validateUserGeoJson(collection(feature({ gb: '110101' })), 'gb')).toEqual([]);
    expect(validateUserGeoJson(collection(feature({ gb: '110101' })), 'adcode')).toEqual(['features[0]: no "adcode" property']);
    expect(validateUserGeoJson(districts, ' ')[0]).toMatch(/^no code property given/);
  });

  it('rejects duplicate codes, naming the features', () => {
    const problems = validateUserGeoJson(
      collection(feature({ adcode: '110101' }), feature({ adcode: 110102 }), feature({ adcode: 110101 }), feature({ adcode: '110102' })),
      'adcode',
    );
    expect(problems).toEqual([
      'code 110101 is on 2 features: features[0], features[2]',
      'code 110102 is on 2 features: features[1], features[3]',
    ]);
  });

  it('rejects features that are not areas', () => {
    const problems = validateUserGeoJson(
      collection(
        feature({ adcode: '110101' }, { type: 'Point', coordinates: [116, 39] }),
        feature({ adcode: '110102' }, null),
        feature({ adcode: '110105' }, { type: 'MultiPolygon', coordinates: [] }),
        feature({ adcode: '110106' }, { type: 'MultiPolygon', coordinates: [[square(0, 0).coordinates[0]]] }),
      ),
      'adcode',
    );
    expect(problems).toEqual([
      'features[0] (110101): geometry is "Point", expected Polygon or MultiPolygon',
      'features[1] (110102): no geometry',
      'features[2] (110105): geometry has no coordinates',
    ]);
  });
});

describe('divisionCode', () => {
  it.each([
    ['110101', '110101'],
    [110101, '110101'],
    ['0110101', null],
    [' 110101', null],
    [99999, null],
    [1e6, null],
    [true, null],
  ])('%j → %j', (value, expected) => {
    expect(divisionCode(value)).toBe(expected);
  });
});

describe('prepareUserGeoJson', () => {
  it('copies the code into properties.name and leaves the input alone', () => {
    const before = JSON.stringify(districts);
    const { geoJson, codes, names } = prepareUserGeoJson(districts, 'adcode');
    expect(codes).toEqual(['110101', '110102', '110105', '110106']);
    expect(geoJson.type).toBe('FeatureCollection');
    expect(geoJson.features.map((f) => f.properties.name)).toEqual(codes);
    expect(geoJson.features[0].properties.adcode).toBe(110101);
    expect(geoJson.features[0].geometry).toBe((districts.features[0] as Loose).geometry);
    expect(names).toEqual({ '110101': '东城区', '110102': '西城区', '110105': '朝阳区' });
    expect(JSON.stringify(districts)).toBe(before);
  });

  it('throws an error listing every problem', () => {
    const bad = collection(feature({ adcode: '1101' }), feature({}), feature({ adcode: '110101' }), feature({ adcode: '110101' }));
    let caught: unknown;
    try {
      prepareUserGeoJson(bad, 'adcode');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserMapError);
    const error = caught as UserMapError;
    expect(error.problems).toHaveLength(3);
    expect(error.message).toBe(
      'invalid GeoJSON map (3 problems):\n' +
        '  features[0]: "adcode" is "1101", expected a 6-digit division code\n' +
        '  features[1]: no "adcode" property\n' +
        '  code 110101 is on 2 features: features[2], features[3]',
    );
  });

  it('lists at most 20 problems in the message but keeps them all', () => {
    const bad = collection(...Array.from({ length: 25 }, () => feature({})));
    const error = (() => {
      try {
        prepareUserGeoJson(bad, 'adcode');
      } catch (e) {
        return e as UserMapError;
      }
      throw new Error('expected a UserMapError');
    })();
    expect(error.problems).toHaveLength(25);
    expect(error.message.split('\n')).toHaveLength(22);
    expect(error.message.endsWith('… and 5 more')).toBe(true);
  });
});

describe('registerUserMap', () => {
  it('refuses an empty name or a bad file without registering', () => {
    expect(() => registerUserMap('', districts, 'adcode')).toThrow(UserMapError);
    expect(() => registerUserMap('bad', { type: 'Topology' }, 'adcode')).toThrow(/not a GeoJSON FeatureCollection/);
  });

  it('registers the prepared map, whose regions the choropleth colours by code', () => {
    expect(registerUserMap('test-districts', districts, 'adcode').codes).toHaveLength(4);
    const svg = optionToSvg(choropleth('test-districts', values, zhFrame), 800, 450);
    const fills = [...svg.matchAll(/<path [^>]*fill="([^"]+)"[^>]*ecmeta_series_index="0"/g)].map((m) => m[1]);
    // Features in file order: 100 (lowest), 300 (highest), null, not in the values.
    expect(fills).toEqual(['rgb(219,234,254)', 'rgb(30,58,138)', NO_DATA_COLOR, NO_DATA_COLOR]);
    expect(svg).toContain('>依申请公开申请数量</text>');
    expect(svg).toContain('>无数据</text>');
    expect(svg).toContain(`>${ZH_SOURCE_LINE}</text>`);
    expect(svg).not.toContain('>110101</text>');
  });
});

describe('choropleth', () => {
  const option = choropleth('test-districts', values, zhFrame);
  const [series] = seriesOf(option);

  it('is one map series on the registered map, matched by code', () => {
    expect(seriesOf(option)).toHaveLength(1);
    expect(series).toMatchObject({ type: 'map', map: 'test-districts', nameProperty: 'name', roam: false, preserveAspect: 'contain' });
    expect(series.data).toEqual([
      { name: '110101', value: 100 },
      { name: '110102', value: 300 },
      { name: '110105', value: '-', visualMap: false },
    ]);
  });

  it('colours absent values and regions without data grey', () => {
    expect(series.itemStyle.areaColor).toBe(NO_DATA_COLOR);
    expect(series.label.show).toBe(false);
  });

  it('scales colours from the smallest to the largest present value', () => {
    expect(visualMapOf(option)).toMatchObject({ type: 'continuous', min: 100, max: 300, seriesIndex: 0, text: ['300', '100'] });
    expect(visualMapOf(option)?.inRange.color).toEqual(SEQUENTIAL_COLORS);
    expect(visualMapOf(option)?.dimension).toBeUndefined();
    expect(visualMapOf(choropleth('m', [{ code: '110101', name: 'a', value: null }], zhFrame))).toBeUndefined();
  });

  it('names regions in the tooltip and on hover, not by code', () => {
    const format = series.tooltip.formatter;
    expect(format({ name: '110101', value: 12345, marker: '' })).toBe('东城区：1.23万');
    expect(format({ name: '110105', value: Number.NaN, marker: '' })).toBe('朝阳区：无数据');
    expect(format({ name: '110106', value: Number.NaN })).toBe('110106：无数据');
    expect(series.emphasis.label.formatter({ name: '110102' })).toBe('西城区');
    const en = seriesOf(choropleth('m', values, enFrame))[0];
    expect(en.tooltip.formatter({ name: '110101', value: 1234567 })).toBe('东城区: 1.23M');
  });

  it('escapes names in the HTML tooltip', () => {
    const odd = seriesOf(choropleth('m', [{ code: '110101', name: '<b>A&B</b>', value: 1 }], zhFrame))[0];
    expect(odd.tooltip.formatter({ name: '110101', value: 1 })).toBe('&#60;b&#62;A&#38;B&#60;/b&#62;：1');
  });

  it('formats ratios as percentages', () => {
    const rates = choropleth('m', [{ code: '110101', name: 'a', value: 0.25 }, { code: '110102', name: 'b', value: 0.5 }], zhFrame, {
      percent: true,
    });
    expect(visualMapOf(rates)?.text).toEqual(['50.0%', '25.0%']);
    expect(seriesOf(rates)[0].tooltip.formatter({ name: '110101', value: 0.25 })).toBe('a：25.0%');
  });

  it('carries the frame and the no-data key', () => {
    expect(titleOf(option)).toMatchObject({ text: '依申请公开申请数量', subtext: '单位：件' });
    const elements = list(list(option.graphic)[0].elements);
    expect(elements.map((el) => el.id)).toEqual(['source', NO_DATA_KEY_ID]);
  });
});
