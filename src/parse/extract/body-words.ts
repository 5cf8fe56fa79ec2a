// The words of body names, written once: the suffixes of administrative places and zones, the
// words linking a place to its government, and the level a place's suffix gives. Read by the
// parser's name grammar (./organ.ts) and by the resolver's (src/jurisdictions/names.ts).
import { COUNTY_CITIES, PREFECTURE_CITIES } from '../../jurisdictions/city-levels';
import type { Level } from '../types';

/** Development and other functional zones: places of a body's name, never a jurisdiction. */
export const ZONE_SUFFIXES = ['经济技术开发区', '高新技术产业开发区', '开发区', '高新区', '保税区', '自贸区', '试验区', '实验区', '示范区', '合作区', '工业区', '产业园区'];
/** Autonomous areas (麻阳苗族自治县, 广西壮族自治区). */
export const AUTONOMOUS_SUFFIXES = ['自治区', '自治州', '自治县', '自治旗'];
/** The other place suffixes, in the order the grammar tries them (街 is also 街道's short form). */
export const PLACE_SUFFIXES = ['特别行政区', '地区', '街道', '苏木', '省', '市', '盟', '县', '区', '镇', '乡'];
/** Suffixes of towns and streets. */
export const TOWN_SUFFIXES = ['街道', '苏木', '镇', '乡'];
/** Suffixes a city's or county's stem is read without (番禺区 → 番禺), longest first. */
export const STEM_SUFFIXES = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '地区', '林区', '特区', '矿区', '新区', '省', '市', '区', '县', '旗', '盟'];
/** 人民政府 / 政府 between a place and the next (番禺区人民政府沙湾街道). */
export const GOVERNMENT_WORDS = ['人民政府', '政府'];
/** The four municipalities directly under the central government: provinces. */
export const MUNICIPALITIES = ['北京市', '上海市', '天津市', '重庆市'];

/** Usual short forms of zone names: 成都高新技术产业开发区 → 成都高新区. */
export const ZONE_ABBREVIATIONS: [string, string][] = [
  ['高新技术产业开发区', '高新区'],
  ['高新技术开发区', '高新区'],
  ['经济技术开发区', '经开区'],
  ['经济技术开发区', '经济开发区'],
  ['经济开发区', '经开区'],
];

/** Words that make a name a zone's wherever they stand in it (广州开发区管委会, 中新天津生态城): the resolver flags such bodies. */
export const ZONE_WORDS = /(开发区|高新区|园区|工业园|产业园|新区|试验区|示范区|合作区|保税区|功能区|管理区|经济区|产业基地|科技城|生态城|度假区|风景区|旅游区|管委会)/;

/** A zone named by its kind alone, without a place (高新区, 经济技术开发区): it names no division by itself. */
export const GENERIC_ZONE = /^(?:国家级?)?(?:高新技术产业开发区|高新技术开发区|经济技术开发区|经济开发区|高新区|经开区|开发区|工业园区|产业园区|综合保税区|保税区|新区)$/;

const alternation = (words: string[]) => words.join('|');
const ZONE_END = new RegExp(`(?:${alternation(ZONE_SUFFIXES)})$`);
const PROVINCE_END = /(?:省|自治区|特别行政区)$/;
const TOWN_END = new RegExp(`(?:${alternation(TOWN_SUFFIXES)}|街)$`);
const PREFECTURE_END = /(?:自治州|盟|地区)$/;
const MUNICIPALITY = new RegExp(`^(?:${alternation(MUNICIPALITIES)})$`);

export const isZone = (place: string): boolean => ZONE_END.test(place);

/** Level of a place from its suffix, given the place named before it (null when it is the first). */
export function levelOfPlace(place: string, parent: string | null): Exclude<Level, 'department'> | null {
  // a zone governing its own area (平潭综合实验区) counts as a county, as the truth files and the spec's county level do
  if (ZONE_END.test(place)) return 'county';
  if (PROVINCE_END.test(place) || (parent === null && MUNICIPALITY.test(place))) return 'province';
  if (TOWN_END.test(place)) return 'town';
  if (PREFECTURE_END.test(place)) return 'city';
  // a 市 under a 市/州/盟/地区 is a county-level city (广州市增城市 before 2014); a 市 named alone or
  // under its province is a prefecture's or a county-level city's (兴仁市) as the gazetteer knows it, else unknown
  if (/市$/.test(place)) {
    if (parent !== null && /(?:市|自治州|州|盟|地区)$/.test(parent)) return 'county';
    const stem = place.slice(0, -1);
    return cityStems().prefecture.has(stem) ? 'city' : cityStems().county.has(stem) ? 'county' : null;
  }
  return 'county';
}

let stems: { prefecture: Set<string>; county: Set<string> } | null = null;
const cityStems = () => (stems ??= { prefecture: new Set(PREFECTURE_CITIES.split(' ')), county: new Set(COUNTY_CITIES.split(' ')) });

export { alternation };
