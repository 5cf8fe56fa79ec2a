// Names of government bodies (机关名称): a chain of administrative places, then the organ.
//
//   广州市 海珠区 人民政府 江南中街道 办事处       → places [广州市, 海珠区, 江南中街道], a street office
//   广州市 公安局 增城区 分局                      → a department; its government is 增城区 (the 分局's district)
//   广州市 黄埔区 人民政府 广州开发区 管委会       → the district government and its zone, one body
//   番禺经济技术开发区 管委会                      → a zone committee: a department of no named government
//
// Pure string work on short names (≤ 40 characters); nothing here scans a whole report.
import type { Level } from '../types';
import {
  alternation, AUTONOMOUS_SUFFIXES, BRANCH_WORDS, ETHNONYMS, COUNTY_SUFFIXES, DEPARTMENT_END, DEPARTMENT_ENDINGS, GENERIC_ZONE, GOVERNMENT_WORDS, isZone, levelOfBody, levelOfPlace,
  OFFICE_WORDS, ORGAN_CHARACTERS, PLACE_SUFFIXES, readRest, STREET_OFFICE_WORDS, ZONE_COMMITTEE_WORDS, ZONE_SUFFIXES,
} from './body-words';

export type OrganKind =
  /** a government: a bare place (海珠区), 人民政府/政府, a street office, a town government */
  | 'government'
  /** the general office of a government (人民政府办公室/办公厅, 政府办公室) */
  | 'office'
  /** a department: 局/委/办/中心/署…, a zone committee */
  | 'department';

export interface Organ {
  /** The name, whitespace removed. */
  name: string;
  kind: OrganKind;
  /** Administrative places of the name, in order (zones excluded). */
  places: string[];
  /** The government the body belongs to, as written (海珠区, 江南中街道); null when the name has none. */
  jurisdiction: string | null;
  /** Level of that government (province/city/county/town), whatever the kind. */
  placeLevel: Exclude<Level, 'department'> | null;
}

// A place: a short run of characters ending in an administrative suffix. Characters that
// never occur inside a place name but do in organ names (局, 委, 办 …) end the run; other
// organ words (政府, 中心, 法院 …) make the run no place.
const ZONES = alternation(ZONE_SUFFIXES);
const PLACE = new RegExp(
  `(?:[^\\s${ORGAN_CHARACTERS}省市县区镇乡府]{1,12}?(?:${ZONES})` + // 广东从化经济开发区
    `|(?:东乡|[^\\s${ORGAN_CHARACTERS}省市县区])(?:东乡|[^\\s${ORGAN_CHARACTERS}省市县区镇乡盟旗]){0,13}?(?:${alternation(AUTONOMOUS_SUFFIXES)})` + // 麻阳苗族自治县, 广西壮族自治区, 镇沅彝族哈尼族拉祜族自治县, 东乡族自治县
    `|[^\\s${ORGAN_CHARACTERS}省市县区镇乡盟旗]{1,14}?(?:(?:${alternation(ETHNONYMS)})族(?:乡|镇|苏木|区(?!域))|民族(?:乡|镇|苏木))` + // 得力其尔鄂温克民族乡, 芒宽彝族傣族乡, 梅里斯达斡尔族区
    `|[^\\s${ORGAN_CHARACTERS}省市县区镇乡盟旗]{1,8}?旗` + // 科尔沁右翼前旗
    `|[^\\s${ORGAN_CHARACTERS}]{1,5}?(?:${alternation(PLACE_SUFFIXES)}|街(?=办事处|$|[在以认坚严深全按根围贯落持继扎积聚紧立着始不高进切大努充结依主]))` + // 广州市, 江南中街道, 大石街
    ')',
  'y',
);
/** Words of organ names and of sentences: a "place" containing one is not a place (住房和城乡, 人力资源和社会). */
const NOT_PLACE_WORD = /政府|少数|管理|建设|资源|服务|保障|发展|改革|工作|执法|监督|卫生|健康|生态|环境|住房|公安|财政|审计|统计|教育|交通|运输|人力|社会|信息|数据|规划|自然|水务|档案|民政|信访|农业|农村|科技|工业|商务|文化|旅游|体育|应急|机关|事务|综合|公开|公布|关于|根据|编制|报告|年度|通知|印发|领导|简称|以下|下称|全国|中华|共和|中心|法院|检察|医院|学校|派出|大队|支队|结合|定期|更新|依托|按照|依据|围绕|落实|加强|推进|开展|做好|利用|及时|主动|称|我|[\d\sA-Za-z]/;
/** Words of sentences and of organs' functions, never in a street's name (where 文化, 建设, 工业, 交通 are). */
const NOT_STREET_WORD = /政府|管理|服务|工作|执法|监督|保障|机关|事务|综合|公开|公布|关于|根据|编制|报告|年度|通知|印发|领导|简称|以下|下称|结合|定期|更新|依托|按照|依据|围绕|落实|加强|推进|开展|做好|利用|及时|主动|称|我|[\d\sA-Za-z]/;
/** Never in a place's name, however short. */
const NOT_PLACE_ALWAYS = /政府|我|年|关于|根据|编制|报告|公布|公开|发布|通过|名称|通知|印发|年度|以下|简称|下称|[\d\sA-Za-z]/;
/** Whole "places" that are common words (城市管理, 市场监督, 社区, 全区, 本市 …). */
const NOT_PLACE = /^(?:城市|城乡|市场|市政|社区|园区|城区|市区|县区|区县|乡镇|镇街|街镇|辖区|片区|景区|小区|山区|地区|新区|自治|[本全各该此其每省市县区镇乡])(?:省|市|县|区|镇|乡|街道|街|州|旗)?$|(?:社区|园区|景区|小区|校区|片区|辖区|厂区|牧区|库区|棚户区)$|^.?矿区$|^[该本各全此其每两三多整]?林区$|[煤金铁铜采露油气点有边在内矿]矿区$|[点有边在内林]林区$|^[^]{2,}城乡$/;
/** Sentence words a place never starts with (由广州市…, 现公布伊春市). */
const NOT_PLACE_START = /^[由现在对据及与或的了并但而按被给把年号旗盟]/; // not 向 (向阳区), 即 (即墨区), 将 (将乐县), 且 (且末县)
const CONNECTOR = new RegExp(alternation(GOVERNMENT_WORDS), 'y');

type Place = { text: string; zone: boolean };
/** placeAt's answers for the names read lately (a report's facts read the same names several times); never changed by a caller. */
const PLACES_READ = new Map<string, Place | null>();
const PLACES_KEPT = 4096;

/** A place token at `at`, or null. */
function placeAt(name: string, at: number): Place | null {
  const key = `${at}:${name}`;
  let p = PLACES_READ.get(key);
  if (p === undefined) {
    if (PLACES_READ.size >= PLACES_KEPT) PLACES_READ.clear();
    PLACES_READ.set(key, (p = readPlaceAt(name, at)));
  }
  return p;
}

function readPlaceAt(name: string, at: number): Place | null {
  PLACE.lastIndex = at;
  const m = PLACE.exec(name);
  if (!m) return null;
  const text = m[0];
  // 绿园区, 梁园区, 金园区, 下花园区: districts, not zones (the gazetteer's only districts named …园区)
  if (/^(?:[^该本各全此其每入进新老两三多整]|下花)园区$/.test(text)) return { text, zone: false };
  if (isZone(text)) return text.length > 3 && !NOT_PLACE_START.test(text) ? { text, zone: true } : null;
  if (text.includes('自治') && !/自治[区州县旗]$/.test(text)) return null;
  // 向阳小区街道: a street named after a housing estate (小区, 社区 are no places by themselves)
  if (/..(?:小区|社区)$/.test(text) && name.startsWith('街道', at + text.length) && !NOT_PLACE_START.test(text) && !NOT_STREET_WORD.test(text)) return { text: text + '街道', zone: false };
  // 年 is a date's, but for 万年县, 永年区 and 万年埠街道
  if (NOT_PLACE.test(text) || NOT_PLACE_START.test(text) || NOT_PLACE_ALWAYS.test(/^[万永]年[^年]/.test(text) ? text.slice(2) : text)) return null;
  // 公安县, 资源县 are places; 住房和城乡 is not; streets are named after roads and works (文化街街道, 建设路街道, 工业街道)
  if (text.length > 3 && NOT_PLACE_WORD.test(text) && !(text.endsWith('街道') && text.length <= 7 && !NOT_STREET_WORD.test(text))) return null;
  // 新市镇, 城区乡: a town whose name holds a county-level suffix
  const end = at + text.length;
  if (/[市区县]$/.test(text) && /^[镇乡](?:人民政府|政府|$)/.test(name.slice(end, end + 5))) return { text: text + name[end], zone: false };
  // 祁州药市街道 (安国市): a street whose name holds 市, after its county, where no city of that name is known
  if (at > 0 && text.endsWith('市') && name.startsWith('街道', end) && levelOfPlace(text, null) === null) return { text: text + '街道', zone: false };
  // 景德镇市, 丰镇市, 宁乡市, 平乡县, 东乡区: a city or county whose name holds a town suffix (not 城关镇市场监督管理所)
  if (/[镇乡]$/.test(text) && (name[end] === '市' || name[end] === '县') && !/[场容民级直属内区管]/.test(name[end + 1] ?? '')) return { text: text + name[end], zone: false };
  // a one-character stem and its suffix, then the place's own suffix: 石镇镇, 九镇乡, 三乡镇, 津市市 (not 城镇乡村)
  if (text.length === 2 && /[镇乡市]$/.test(text) && /[镇乡市]/.test(name[end] ?? '') && (text[1] === '市') === (name[end] === '市') && !/^[城集村乡]/.test(text)) return { text: text + name[end], zone: false };
  if (text.length === 2 && text[1] === '乡' && name[end] === '区' && name[end + 1] !== '域') return { text: text + '区', zone: false }; // 东乡区, 肥乡区
  // 红旗镇, 红旗街道: a town whose name holds 旗; 红旗区, 社旗县: no banner has a one-character stem
  if (text.endsWith('旗')) {
    const town = (text.length === 2 ? /^(?:街道|苏木|[镇乡县区市])/ : /^(?:街道|苏木|镇|乡)/).exec(name.slice(end, end + 2));
    if (town) return { text: text + town[0], zone: false };
  }
  // 辉县市; 桐乡街道, 故县街道: a one-character stem and its suffix inside a longer name
  if (text.length === 2 && text[1] === '县' && name[end] === '市') return { text: text + '市', zone: false };
  if (text.length === 2 && /[乡县]$/.test(text) && name.startsWith('街道', end) && !/^[全本各该每]/.test(text)) return { text: text + '街道', zone: false };
  // 沙市区, 新市区, 赣县区: a district whose name holds 市 or 县
  if (text.length === 2 && (text[1] === '市' || text[1] === '县') && name[end] === '区' && name[end + 1] !== '域') return { text: text + '区', zone: false };
  return { text, zone: false };
}

/** An ethnic township's suffix with no stem before its people (回族乡): no township is named so. */
const STEMLESS_ETHNIC = new RegExp(`^(?:${alternation(ETHNONYMS)})族(?:乡|镇|苏木)$`);
/** A place of one character and its suffix (塘区): no district, street or town is named so. */
const ONE_CHARACTER_PLACE = /^[^\s](?:区|街道|街|镇|乡)$/;

const BARE_DISTRICTS = new Set(['城区', '矿区', '郊区']);
const TOWN_PLACE = /^[^\s]{2,}(?:街道|镇|乡|苏木)$/;
const CITY_DISTRICT_ORGAN = /^(?:人民政府|政府|[^\s，。、]{1,12}?(?:局|委员会|委|办公室|中心)(?:$|[^\u4e00-\u9fff]))/;

/** The places (and 人民政府 links between them) a name starts with. */
function leadingPlaces(name: string): { places: { text: string; zone: boolean }[]; at: number; afterGovernment: boolean } {
  const places: { text: string; zone: boolean }[] = [];
  let at = 0;
  let afterGovernment = false; // the last thing read was "<place>人民政府<place>"
  for (;;) {
    let p = placeAt(name, at);
    // 西乡塘区, 西乡塘街道, 甘旗卡镇: a town or banner suffix inside a name, whose rest would be a place of one character
    const rest = p && !p.zone && /[乡镇旗]$|^.盟$/.test(p.text) ? placeAt(name, at + p.text.length) : null;
    if (p && rest && !rest.zone && ONE_CHARACTER_PLACE.test(rest.text)) p = { text: p.text + rest.text, zone: false };
    // 营镇回族乡: an ethnic township is named by a stem before its people, here one holding 镇
    else if (p && rest && !rest.zone && /[乡镇]$/.test(p.text) && STEMLESS_ETHNIC.test(rest.text)) p = { text: p.text + rest.text, zone: false };
    // 西盟佤族自治县: no league's name has one character before its 盟
    else if (p && rest && !rest.zone && /^.盟$/.test(p.text) && /自治[县旗]$/.test(rest.text)) p = { text: p.text + rest.text, zone: false };
    // 汕尾市城区人民政府, 阳泉市矿区, 铜陵市郊区: a district named 城区/矿区/郊区 under its city, when an organ or a
    // town of it follows (汕尾市城区遮浪街道; not 全市城区…)
    const bare = name.slice(at, at + 2);
    if (!p && places.length > 0 && places[places.length - 1].text.endsWith('市') && BARE_DISTRICTS.has(bare) && (CITY_DISTRICT_ORGAN.test(name.slice(at + 2)) || TOWN_PLACE.test(placeAt(name, at + 2)?.text ?? ''))) p = { text: bare, zone: false };
    if (p) {
      places.push(p);
      at += p.text.length;
      afterGovernment = false;
      continue;
    }
    CONNECTOR.lastIndex = at;
    const c = places.length > 0 ? CONNECTOR.exec(name) : null;
    const next = c ? placeAt(name, at + c[0].length) : null;
    if (!c || !next) break;
    places.push(next);
    at += c[0].length + next.text.length;
    afterGovernment = true;
  }
  return { places, at, afterGovernment };
}

/** An organ word alone names no body (广州市办公室). */
const GENERIC_ORGAN = new RegExp(`^(?:${alternation(DEPARTMENT_ENDINGS)})$`);
/** Sentence words in an organ's name: not a name (…报告政府汽车城我局). */
const NOT_ORGAN_WORD = /我|本|关于|根据|编制|报告|公布|通知|印发|年度|以下|简称|下称|[\d\sA-Za-z]/;
/** The committee of a zone or new town inside a government's name (广州市花都汽车城管理委员会). */
const ZONE_COMMITTEE = new RegExp(`[城园港岛](?:${alternation(ZONE_COMMITTEE_WORDS)})$`);
/** A district named in a branch's name: 广州市公安局增城区分局 → 增城区. */
const BRANCH_PLACE = new RegExp(`([^\\s${ORGAN_CHARACTERS}]{1,8}?(?:${alternation(COUNTY_SUFFIXES)}))(?:${alternation(BRANCH_WORDS)})$`);

/**
 * Reads a body's name. Null when it is not a name this parser can vouch for: no
 * administrative place (区档案局, 我局, 市人民政府办公室), junk around it (现公布…, 亚洲官网), an
 * unknown ending. Internal units are cut back to their body (…厚桥街道党政办公室综合科 → …厚桥街道).
 */
export function readOrgan(raw: string): Organ | null {
  const name = raw.replace(/\s+/g, '');
  if (name.length < 2 || name.length > 40 || /[^\u4e00-\u9fff]/.test(name)) return null;
  const { places, at, afterGovernment } = leadingPlaces(name);
  if (places.length === 0) return null;
  let rest = name.slice(at);
  const admin: string[] = [];
  for (const p of places) if (!p.zone) admin.push(p.text);
  const last = places[places.length - 1];
  const read = readRest(rest);
  let kind: OrganKind;
  if (read?.kind === 'internal-office') {
    // …街道党政办公室综合科: the body is the government before it.
    if (last.zone || admin.length === 0) return null;
    rest = '';
    kind = 'government';
  } else if (read?.kind === 'government') {
    // a zone named alone (平潭综合实验区, 天津滨海高新技术产业开发区) is the government of its area;
    // a zone named by its kind alone (高新区) names no area, and a zone has no 人民政府
    if (last.zone && (rest !== '' || admin.length > 0 || GENERIC_ZONE.test(last.text))) return null;
    kind = 'government';
  } else if (read?.kind === 'street-office' && /街道?$/.test(last.text)) kind = 'government';
  else if (read?.kind === 'office' && !last.zone) kind = 'office';
  else if (read?.kind === 'zone-committee' && last.zone) kind = afterGovernment ? 'government' : 'department';
  else if (read !== null && DEPARTMENT_END.test(read.after) && rest.length >= 2 && rest.length <= 24 && !GENERIC_ORGAN.test(rest) && !NOT_ORGAN_WORD.test(rest) && !read.after.includes('政府')) kind = 'department';
  else return null;
  const nameOut = name.slice(0, at) + rest;
  let jurisdiction = admin.length > 0 ? admin[admin.length - 1] : null;
  // a department of a zone named by no government (平潭综合实验区公安局): the zone governs it; its
  // committee (番禺经济技术开发区管委会) is hosted by some government the name does not give
  if (jurisdiction === null && (kind === 'department' || kind === 'government') && last.zone && read?.kind !== 'zone-committee' && !GENERIC_ZONE.test(last.text)) jurisdiction = last.text;
  if (kind === 'department' && ZONE_COMMITTEE.test(rest)) jurisdiction = null; // 花都汽车城管理委员会: hosted by which government?
  else if (kind === 'department') {
    const branch = BRANCH_PLACE.exec(rest);
    if (branch && !NOT_PLACE_WORD.test(branch[1]) && !NOT_PLACE.test(branch[1])) jurisdiction = branch[1];
  }
  if (jurisdiction && /街$/.test(jurisdiction)) jurisdiction += '道';
  const k = jurisdiction === null ? -1 : admin.lastIndexOf(jurisdiction);
  const parent = k > 0 ? admin[k - 1] : k === 0 ? null : admin.length > 0 ? admin[admin.length - 1] : null;
  const placeLevel = jurisdiction ? levelOfPlace(jurisdiction, parent) : null;
  return { name: nameOut, kind, places: admin, jurisdiction, placeLevel };
}

/** The places a body's name starts with, as written (平潭综合实验区 of 平潭综合实验区管委会; 广州市海珠区 of 广州市海珠区人民政府). */
export function placePart(name: string): string {
  return name.slice(0, leadingPlaces(name).at);
}

/**
 * The government named by the places a run of text starts with (广州市荔湾区人民政府网站 → 荔湾区;
 * 漕河镇微信公众号 → 漕河镇), or null. The run must start where a name can: the caller knows.
 */
export function leadingPlace(run: string): Organ | null {
  const text = run.slice(0, 40);
  const { places, at } = leadingPlaces(text);
  if (places.length === 0 || places[places.length - 1].zone) return null;
  const organ = readOrgan(text.slice(0, at));
  return organ?.kind === 'government' && organ.jurisdiction !== null ? organ : null;
}

/** The general office of a government or of a zone's committee (…人民政府办公室, …政府办公厅, …管委会办公室). */
export const GENERAL_OFFICE = new RegExp(`(?:${alternation([...GOVERNMENT_WORDS, ...ZONE_COMMITTEE_WORDS])})(?:${alternation(OFFICE_WORDS.filter((o) => o.length > 1))})$`);

/** Level of the body itself: its government's level, or `department`. */
export function organLevel(organ: Organ): Level | null {
  return levelOfBody(organ.kind !== 'government', organ.placeLevel);
}

/** An organ word right after the places of a sentence's subject (…财政局, …人民政府办公室, …管委会). */
const SUBJECT_ORGAN_WORDS = [
  ...GOVERNMENT_WORDS.flatMap((g) => OFFICE_WORDS.filter((o) => o.length > 1).map((o) => g + o)),
  ...DEPARTMENT_ENDINGS.filter((e) => !/^[院所队站馆处]$/.test(e)),
  ...STREET_OFFICE_WORDS.filter((o) => o.length > 1).flatMap((o) => ['街道' + o, o]),
  ...GOVERNMENT_WORDS,
].sort((a, b) => b.length - a.length);
const ORGAN_WORD = new RegExp(`^[^\\s在以的了对为将把被从向于并等认坚严深按根围贯落持继扎积聚紧立着]{0,16}?(?:${alternation(SUBJECT_ORGAN_WORDS)})`);
/** A 分局 of the department just read: 广州市规划和自然资源局 + 花都区分局. */
const BRANCH_AFTER = new RegExp(`^[^\\s${ORGAN_CHARACTERS}]{1,6}?(?:${alternation(COUNTY_SUFFIXES)})分局`);
/** What follows a bare government as the subject of a sentence (海珠区认真贯彻…, 广州市坚持…). */
const AFTER_BARE = /^(?:$|政府信息公开|政务公开|信息公开|的|以|在|把|将|对|为|认真|坚持|严格|深入|全面|按照|根据|依照|依据|围绕|贯彻|落实|持续|继续|扎实|积极|聚焦|紧扣|紧紧|紧密|立足|着力|始终|不断|高度|进一步|切实|大力|努力|充分|结合|依托|依法|主动|共|全年|本年|今年)/;

/**
 * The body named at the start of a run of text, such as the subject of a report's first
 * sentence (2021年,广州市交通运输局在… → 广州市交通运输局; 海珠区认真贯彻… → 海珠区) or a
 * label's value (来源:广州市南沙区审计局发布日期 → 广州市南沙区审计局). Null when the run does
 * not start with a name this parser can read.
 */
export function leadingOrgan(run: string): Organ | null {
  const text = run.replace(/\s+/g, '').slice(0, 60);
  const { places, at } = leadingPlaces(text);
  if (places.length === 0) return null;
  const rest = text.slice(at);
  if (/^(?:政府|政务)信息公开/.test(rest)) return readOrgan(text.slice(0, at));
  const word = ORGAN_WORD.exec(rest);
  if (word) {
    const after = rest.slice(word[0].length);
    // a 分局 of the department just read, or the general office of a zone's committee (平潭综合实验区管委会办公室)
    const branch = BRANCH_AFTER.exec(after) ?? (/(?:管委会|管理委员会)$/.test(word[0]) ? /^办公[室厅]/.exec(after) : null);
    const organ = readOrgan(text.slice(0, at) + word[0] + (branch ? branch[0] : ''));
    if (organ) return organ;
  }
  return AFTER_BARE.test(rest) ? readOrgan(text.slice(0, at)) : null;
}
