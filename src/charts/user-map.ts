import { echarts } from './echarts-setup';

// A GeoJSON the user loads (and is entitled to publish: a map of China needs an approval
// number, 审图号) becomes an ECharts map whose regions are named by division code, so the
// choropleth matches data by code whatever the file calls its regions. validateUserGeoJson and
// prepareUserGeoJson are pure and run anywhere; registerUserMap registers the result.

export interface UserGeoJsonFeature {
  type: 'Feature';
  id?: string | number;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] };
  properties: Record<string, unknown>;
}

export interface UserGeoJson {
  type: 'FeatureCollection';
  features: UserGeoJsonFeature[];
}

export interface PreparedUserMap {
  /** A copy of the input whose features carry their code in `properties.name`. */
  geoJson: UserGeoJson;
  /** Division codes of the features, in file order. */
  codes: string[];
  /** The file's own `properties.name` by code, where it had one. */
  names: Record<string, string>;
}

/** What registerUserMap tells the caller about the map it registered. */
export type RegisteredUserMap = Omit<PreparedUserMap, 'geoJson'>;

/** At most this many problems are listed in the message; `problems` holds them all. */
const MAX_LISTED = 20;
const POLYGONAL = new Set(['Polygon', 'MultiPolygon']);

export class UserMapError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const listed = problems.slice(0, MAX_LISTED);
    const more = problems.length - listed.length;
    super(
      `invalid GeoJSON map (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n  ` +
        [...listed, ...(more > 0 ? [`… and ${more} more`] : [])].join('\n  '),
    );
    this.name = 'UserMapError';
    this.problems = problems;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** The code as a 6-digit string: "110000" or 110000; null for anything else. */
export function divisionCode(value: unknown): string | null {
  if (typeof value === 'string') return /^\d{6}$/.test(value) ? value : null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 100000 && value <= 999999) return String(value);
  return null;
}

function parse(input: unknown): { value: unknown; problem?: string } {
  if (typeof input !== 'string') return { value: input };
  try {
    return { value: JSON.parse(input) as unknown };
  } catch (error) {
    return { value: undefined, problem: `not valid JSON: ${(error as Error).message}` };
  }
}

interface Checked {
  problems: string[];
  features: { feature: Record<string, unknown>; properties: Record<string, unknown>; code: string }[];
}

function check(input: unknown, codeProperty: string): Checked {
  const problems: string[] = [];
  const features: Checked['features'] = [];
  if (codeProperty.trim() === '') problems.push('no code property given: name the property that holds the 6-digit division code');
  const { value, problem } = parse(input);
  if (problem) return { problems: [...problems, problem], features };
  if (!isObject(value) || value.type !== 'FeatureCollection') {
    const type = isObject(value) ? `type ${shown(value.type)}` : Array.isArray(value) ? 'an array' : shown(value);
    return { problems: [...problems, `not a GeoJSON FeatureCollection (got ${type})`], features };
  }
  if (!Array.isArray(value.features)) return { problems: [...problems, '"features" is not an array'], features };
  if (value.features.length === 0) return { problems: [...problems, 'the FeatureCollection has no features'], features };

  const seen = new Map<string, number[]>();
  value.features.forEach((feature: unknown, i: number) => {
    const at = `features[${i}]`;
    if (!isObject(feature) || feature.type !== 'Feature') {
      problems.push(`${at}: not a Feature (type ${shown(isObject(feature) ? feature.type : feature)})`);
      return;
    }
    const properties = feature.properties;
    const raw = isObject(properties) ? properties[codeProperty] : undefined;
    const code = divisionCode(raw);
    const where = code ? `${at} (${code})` : at;
    const geometry = feature.geometry;
    if (!isObject(geometry)) {
      problems.push(`${where}: no geometry`);
    } else if (typeof geometry.type !== 'string' || !POLYGONAL.has(geometry.type)) {
      problems.push(`${where}: geometry is ${shown(geometry.type)}, expected Polygon or MultiPolygon`);
    } else if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) {
      problems.push(`${where}: geometry has no coordinates`);
    }
    if (!isObject(properties)) {
      problems.push(`${at}: no properties, so no "${codeProperty}"`);
      return;
    }
    if (!(codeProperty in properties) || raw === null || raw === undefined || raw === '') {
      problems.push(`${at}: no "${codeProperty}" property`);
      return;
    }
    if (code === null) {
      problems.push(`${at}: "${codeProperty}" is ${shown(raw)}, expected a 6-digit division code`);
      return;
    }
    seen.set(code, [...(seen.get(code) ?? []), i]);
    features.push({ feature, properties, code });
  });
  for (const [code, indices] of seen) {
    if (indices.length > 1) {
      problems.push(`code ${code} is on ${indices.length} features: ${indices.map((i) => `features[${i}]`).join(', ')}`);
    }
  }
  return { problems, features };
}

/**
 * Everything wrong with `input` (a parsed GeoJSON object or its text) as a map of divisions
 * keyed by `codeProperty`; empty when it can be registered.
 */
export function validateUserGeoJson(input: unknown, codeProperty: string): string[] {
  return check(input, codeProperty).problems;
}

/**
 * A copy of the GeoJSON with each feature's code (6 digits, string or number in the file) in
 * `properties.name`, where ECharts looks for region names. Throws UserMapError listing every
 * problem. The input is not modified; geometries are shared, not copied.
 */
export function prepareUserGeoJson(input: unknown, codeProperty: string): PreparedUserMap {
  const { problems, features } = check(input, codeProperty);
  if (problems.length > 0) throw new UserMapError(problems);
  const names: Record<string, string> = {};
  const prepared = features.map(({ feature, properties, code }) => {
    if (typeof properties.name === 'string' && properties.name.trim() !== '') names[code] = properties.name;
    return { ...feature, properties: { ...properties, name: code } } as unknown as UserGeoJsonFeature;
  });
  return {
    geoJson: { type: 'FeatureCollection', features: prepared },
    codes: features.map((f) => f.code),
    names,
  };
}

type RegisterMapInput = Parameters<typeof echarts.registerMap>[1];

/**
 * Validates and prepares a user-loaded GeoJSON, then registers it with ECharts under
 * `mapName` for `choropleth(mapName, ...)`. Registering the same name again replaces the map.
 * Throws UserMapError listing what is wrong with the file.
 */
export function registerUserMap(mapName: string, geojson: unknown, codeProperty: string): RegisteredUserMap {
  if (mapName.trim() === '') throw new UserMapError(['no map name given']);
  const { geoJson, codes, names } = prepareUserGeoJson(geojson, codeProperty);
  echarts.registerMap(mapName, geoJson as unknown as RegisterMapInput);
  return { codes, names };
}
