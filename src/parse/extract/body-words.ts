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
/** The department part of a department's report that never names its department (正文只称“我局”): a body of its own, never the division's government. */
export const UNNAMED_DEPARTMENT = '（未具名部门）';
/** Suffixes a city's or county's stem is read without (番禺区 → 番禺), longest first. */
export const STEM_SUFFIXES = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '地区', '林区', '特区', '矿区', '新区', '省', '市', '区', '县', '旗', '盟'];
/** Suffixes of county-level places a department's branch is named after (公安局增城区分局). */
export const COUNTY_SUFFIXES = ['区', '县', '市', '旗'];
/** 人民政府 / 政府 between a place and the next (番禺区人民政府沙湾街道). */
export const GOVERNMENT_WORDS = ['人民政府', '政府'];

// ---- Organ words: what follows a name's places --------------------------------------------

/** A government's general office (人民政府办公室, 政府办公厅, 县政府办). */
export const OFFICE_WORDS = ['办公室', '办公厅', '办'];
/** A street's government (大石街道办事处, 沙湾街道办). */
export const STREET_OFFICE_WORDS = ['办事处', '办'];
/** The committee governing a zone (番禺经济技术开发区管委会). */
export const ZONE_COMMITTEE_WORDS = ['管理委员会', '管委会'];
/** A zone's other own bodies: with its committee, what a zone's name may end in (石家庄高新区工委). */
export const ZONE_BODY_WORDS = [...ZONE_COMMITTEE_WORDS, '党工委', '工委', '管理局', '管理处'];
/** A zone's bodies that may follow its government's name as a second name of one body (…人民政府广州开发区管委会). */
export const JOINT_NAME_WORDS = [...ZONE_COMMITTEE_WORDS, '工委'];
/** Internal offices of a town's or street's government: that government itself, never a body of their own. */
export const INTERNAL_OFFICE_WORDS = ['党政综合办公室', '党政办公室', '党政综合办', '党政办', '综合办公室'];
/** How a department's name ends, longest first. */
export const DEPARTMENT_ENDINGS = ['管理委员会', '委员会', '管委会', '办公室', '办公厅', '分局', '局', '委', '办', '厅', '中心', '署', '室', '院', '所', '队', '站', '馆', '处'];
/** What a department's unit in a subordinate place is called (公安局增城区分局, 税务局番禺区税务分局). */
export const BRANCH_WORDS = ['税务分局', '税务局', '税务所', '分中心', '管理所', '派出所', '分局', '支局', '分院', '大队', '支队', '中队', '分所'];
/** Characters that end a place's name inside an organ's (局, 委, 办…): no place name holds one. */
export const ORGAN_CHARACTERS = '局委办厅室署';

/** Central bodies whose local branches are vertically managed: the prefix names no place (国家税务总局广州市税务局). */
export const VERTICAL_PREFIXES = [
  '国家税务总局', '国家统计局', '中国人民银行', '国家金融监督管理总局', '中国银行保险监督管理委员会', '中国银保监会',
  '中国银行业监督管理委员会', '中国银监会', '中国证券监督管理委员会', '中国证监会', '国家外汇管理局', '海关总署',
  '中国气象局', '国家烟草专卖局', '国家邮政局', '国家矿山安全监察局', '国家煤矿安全监察局', '国家消防救援局',
  '国家移民管理局', '中国地震局',
].sort((a, b) => b.length - a.length);
/** Department names of vertically managed agencies: located in a place, not part of its government. */
export const VERTICAL_DEPARTMENT = /(税务局|税务分局|国家税务局|海关|调查队|气象局|烟草专卖局|邮政管理局|海事局|监管分局|银保监|证监局|中心支行|外汇管理局|消防救援|边防检查站|煤矿安全监察|矿山安全监察|地震局)/;
/** A body named by its level alone, before its organ (区档案局, 市人民政府办公室, 镇党政办): which place, the context may say. */
export const LEVEL_ONLY = /^(区|县|市|旗|镇|乡|街道)(?!政府|人民政府)/;
/** The levels a place named by its level word alone may have (市: a prefecture's or a county-level city). */
export function levelsOfLevelWord(word: string): Exclude<Level, 'department'>[] {
  return word === '市' ? ['city', 'county'] : TOWN_SUFFIXES.includes(word) ? ['town'] : ['county'];
}
/** Words of a town's or street's name (a name holding one may be a town the gazetteer has not loaded). */
export const TOWN_WORD = /镇|乡|街道|街|办事处/;

/** The 55 minority names as they appear in autonomous-area names (族 optional: 伊犁哈萨克自治州), longest first. */
export const ETHNONYMS = [
  '维吾尔', '柯尔克孜', '乌孜别克', '塔吉克', '塔塔尔', '哈萨克', '达斡尔', '鄂伦春', '鄂温克', '俄罗斯', '土家', '哈尼',
  '傈僳', '拉祜', '纳西', '景颇', '仫佬', '布依', '朝鲜', '毛南', '仡佬', '锡伯', '阿昌', '普米', '德昂', '保安', '裕固',
  '独龙', '赫哲', '门巴', '珞巴', '基诺', '蒙古', '东乡', '撒拉', '布朗', '高山', '回', '藏', '苗', '彝', '壮', '满',
  '侗', '瑶', '白', '傣', '黎', '佤', '畲', '水', '土', '羌', '怒', '京',
].sort((a, b) => b.length - a.length);
/** The generic word an autonomous suffix is shortened to (恩施土家族苗族自治州 → 恩施州; a region has none). */
export const AUTONOMOUS_SHORT: Record<string, string> = { 自治州: '州', 自治县: '县', 自治旗: '旗', 自治区: '' };
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

export type RestKind =
  /** nothing, 人民政府 or 政府(机关): the government of the last place */
  | 'government'
  /** 人民政府办公室, 政府办公厅, 政府办: the government's general office */
  | 'office'
  /** 党政办公室, 综合科: a unit inside the government of the last place */
  | 'internal-office'
  /** (街道)办事处, 街道办: a street's government */
  | 'street-office'
  /** 管委会, 管理委员会: a zone's committee */
  | 'zone-committee'
  /** 局, 委员会, 中心…: a department */
  | 'department';

export interface Rest {
  kind: RestKind;
  /** The rest opened with 人民政府/政府. */
  government: boolean;
  /** The rest after that word. */
  after: string;
}

const GOVERNMENT_WORD = new RegExp(`^(?:${alternation(GOVERNMENT_WORDS)})`);
const OFFICE = new RegExp(`^(?:${alternation(OFFICE_WORDS)})$`);
const STREET_OFFICE = new RegExp(`^(?:街道)?(?:${alternation(STREET_OFFICE_WORDS)})$`);
const ZONE_COMMITTEE = new RegExp(`^(?:${alternation(ZONE_COMMITTEE_WORDS)})$`);
/** 党政办公室, and the 科/股 sections of a government (…街道党政办公室综合科). */
const INTERNAL_OFFICE = new RegExp(`^(?:${alternation(INTERNAL_OFFICE_WORDS)}|[\\u4e00-\\u9fff]{0,8}[科股])$`);
export const DEPARTMENT_END = new RegExp(`(?:${alternation(DEPARTMENT_ENDINGS)})$`);

/** A leading 人民政府/政府 taken off the rest of a name (人民政府沙湾街道 → 沙湾街道). */
export function governmentWordOff(rest: string): { government: boolean; after: string } {
  const word = GOVERNMENT_WORD.exec(rest);
  return { government: word !== null, after: word ? rest.slice(word[0].length) : rest };
}

/**
 * What the rest of a body's name after its places says the body is (人民政府 → the government,
 * 人民政府办公室 → its office, 档案局 → a department), or null when it ends in no organ word.
 * The one reading of organ words: the parser's names (./organ.ts) and the resolver's chains
 * (src/jurisdictions/resolve.ts) both call it; each keeps only its own checks of the places.
 */
export function readRest(rest: string): Rest | null {
  const { government, after } = governmentWordOff(rest);
  if (after === '' || (government && after === '机关')) return { kind: 'government', government, after }; // 城口县人民政府机关
  if (INTERNAL_OFFICE.test(after)) return { kind: 'internal-office', government, after };
  if (government && OFFICE.test(after)) return { kind: 'office', government, after };
  if (STREET_OFFICE.test(after)) return { kind: 'street-office', government, after };
  if (!government && ZONE_COMMITTEE.test(after)) return { kind: 'zone-committee', government, after };
  if (DEPARTMENT_END.test(after) && !after.endsWith('网站')) return { kind: 'department', government, after }; // 站 of 工作站, not of 政府网站
  return null;
}
const ZONE_END = new RegExp(`(?:${alternation(ZONE_SUFFIXES)})$`);
const PROVINCE_END = /(?:省|自治区|特别行政区)$/;
const TOWN_END = new RegExp(`(?:${alternation(TOWN_SUFFIXES)}|街)$`);
const PREFECTURE_END = /(?:自治州|盟|地区)$/;
const MUNICIPALITY = new RegExp(`^(?:${alternation(MUNICIPALITIES)})$`);

export const isZone = (place: string): boolean => ZONE_END.test(place);

/** Places whose government is not a 人民政府: a 盟 or 地区 has a 行政公署, a zone a 管委会. */
const NO_PEOPLES_GOVERNMENT = /(?:盟|地区)$/;
/** Whether a place has a 人民政府 by law: a province, city or county does, a town's is named as the town (镇人民政府 or not). */
export const hasPeoplesGovernment = (place: string, level: Exclude<Level, 'department'> | null): boolean =>
  level !== 'town' && !isZone(place) && !NO_PEOPLES_GOVERNMENT.test(place);

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

/**
 * The level of a body, decided here for the parser and the resolver alike: a department's is
 * `department` (a government's office too: the parser's report level may lift it to its
 * government's when the report speaks as the government), a government's that of its place.
 */
export function levelOfBody(department: boolean, placeLevel: Exclude<Level, 'department'> | null): Level | null {
  return department ? 'department' : placeLevel;
}

let stems: { prefecture: Set<string>; county: Set<string> } | null = null;
const cityStems = () => (stems ??= { prefecture: new Set(PREFECTURE_CITIES.split(' ')), county: new Set(COUNTY_CITIES.split(' ')) });

export { alternation };
