import type { Level } from '../../types';

// An area summary's own subject: the whole area with its parts listed (全县各部门、各乡镇（街道）,
// 全市各级各部门, 我区各部门及各街道). In a summary that subject is the report's own scope, so its
// parts' words (各乡镇, 各部门, 各级) name no other scope there. In a single body's report the same
// words still name other bodies (a bureau's report quoting the county's total): the report's scope
// (facts/scope.ts) decides, never the sentence alone; and only the report's own division is its
// area (全市各单位 in a county's summary is the city's, a larger scope). A sentence that goes on to
// the body's own figure (全区各部门共…47908条，我区主动公开2992条) still gives the whole's figure to a
// larger scope (features.ts sharedScope, asked of the text as printed): the report's scope was
// decided from that very sentence.

/** One part of an area as a summary lists it: its own bodies (各部门, 各级, 县直各单位) or its lower divisions (各乡镇（街道）, 各县（市、区）). */
const PART = '(?:各级(?:各)?(?:部门|单位|行政机关|机关)?|各(?:部门|单位)|政府(?:各)?部门|政府系统|行政机关|(?:省|市|县|区|旗)直(?:各)?(?:部门|单位)|各(?:乡镇|镇街|街道|县区|区县|县市区|乡|镇|县|区|市|地)(?:[（(][^）)]{1,6}[）)])?)';
/** Per division word (县), 全县 / 我县 / 本县 then its parts joined by 、和及与. */
const OWN_AREA = new Map<string, RegExp>();
const ownAreaOf = (unit: string) => {
  let re = OWN_AREA.get(unit);
  if (!re) OWN_AREA.set(unit, (re = new RegExp(`(?:全|我|本)${unit}${PART}(?:(?:[、和及与]|以及)${PART})*`, 'g')));
  return re;
};
/** The word a division names itself by as an area (某某县 → 县, 宁夏回族自治区 → 区, 兴庆区 → 区). */
const DIVISION_WORD = /(省|市|区|县|旗|州|盟)$/;

/** The report's own area word when it is an area summary of a known division, else ''. */
export function ownAreaWord(scope: string | null | undefined, jurisdiction: string | null | undefined): string {
  return scope === 'area' && jurisdiction ? (DIVISION_WORD.exec(jurisdiction)?.[1] ?? '') : '';
}
/** The list names the area's own bodies (各部门, 各级, 行政机关, 市直单位): the whole area, not only its lower divisions (全市各县区 is theirs alone). */
const OWN_BODIES = /各级|部门|单位|政府系统|行政机关/;

/**
 * The text with every own-area subject cut to the area's name (全县各部门、各乡镇共… → 全县共…), for the
 * tests of another scope. `area`: the summary's division word (ownAreaWord); '' (no area summary): the text itself.
 */
export function withoutOwnArea(text: string, area: string): string {
  if (area === '') return text;
  const named = text.includes(area) ? text.replace(ownAreaOf(area), (m) => (OWN_BODIES.test(m) && !DIRECT_ONLY.test(m.slice(2)) ? m.slice(0, 2) : m)) : text;
  // (the same list with no name before it, 各乡镇、各部门共…: the whole area too)
  return named.replace(UNNAMED_LIST, (m) => (OWN_BODIES.test(m) && !DIRECT_ONLY.test(m) ? `全${area}` : m));
}
/** Two parts or more listed with no area's name before them (各乡镇、各部门, 各乡镇、县直各部门). */
const UNNAMED_LIST = new RegExp(`(?<![全我本](?:省|市|县|区|旗|州|盟))${PART}(?:(?:[、和及与]|以及)${PART})+`, 'g');
/** Only the bodies directly under the area's government (县直各单位, 市直部门): one group of its units, not the whole area. */
const DIRECT_ONLY = /^(?:(?:省|市|县|区|旗)直(?:各)?(?:部门|单位)(?:[、和及与]|以及)?)+$/;

/** One group of an area's units (各部门, 县直各单位, 各乡镇); 各级, 政府系统 and 行政机关 name all of them. */
const GROUP = '(?:各(?:部门|单位)|政府(?:各)?部门|(?:省|市|县|区|旗)直(?:各)?(?:部门|单位)|各(?:乡镇|镇街|街道|县区|区县|县市区|乡|镇|县|区|市|地)(?:[（(][^）)]{1,6}[）)])?)';
const GROUP_ANYWHERE = new RegExp(GROUP, 'g');
/** The lower divisions or the other units as a clause's subject without 各 (乡镇共受理12件, 14个乡镇（街道）, 其他单位). */
const BARE_GROUP = '(?:(?:[\\d一二三四五六七八九十]+个)?(?:乡镇|镇街|街道|乡|镇)(?:[（(][^）)]{1,6}[）)])?|(?:其他|其它|其余)(?:各)?(?:部门|单位))';
const BARE_GROUP_LEAD = new RegExp(`^\\s*${BARE_GROUP}`);
const ALL_UNITS = /各级|政府系统|行政机关/;
/** A town's word for itself (镇, 乡, 街道), not a count of them (14个乡镇) nor the other units. */
const TOWN_WORD = /^\s*(?:乡镇|镇街|街道|乡|镇)/;
/** A clause opened by one group of an area's units with its own count (，各乡镇共受理12件, 乡镇收到申请十二件). */
const GROUP_CLAUSE = new RegExp(`(?:^|[,，;；])\\s*(?:(?:全|我|本)?(?:省|市|县|区|旗|州|盟)?${GROUP}|${BARE_GROUP})[^,，;；。]{0,30}?[\\d〇零一二两三四五六七八九十百千][\\d〇零一二两三四五六七八九十百千.]*\\s*(?:万)?(?:余|多)?(?:件|条|宗|份|项)`);
/**
 * A figure for one group of an area's units (全县县直各单位共受理…30件) when the sentence gives another
 * group its own figure (…，各乡镇共受理12件): the group's, not the area's; the area's is their sum only
 * where the report states it. `own`: the figure's clause before it; `earlier`, `later`: the sentence's clauses
 * before and after it. A subject listing several groups (全县各部门、各乡镇) or all units (各级行政机关) is the whole; parts
 * after 其中 are its parts, in its own clause or after it (…共受理42件，其中县直部门30件，乡镇12件: 42 is the sum).
 * `division`: the report's (divisionOf); a town's own word is its own subject there.
 */
export function oneGroupOfSeveral(own: string, earlier: string, later: string, division = ''): boolean {
  const groups = new Set(own.match(GROUP_ANYWHERE) ?? []);
  const bare = BARE_GROUP_LEAD.exec(own);
  // in a town's report, 镇政府/街道/街道办事处 as the subject is the town itself, no group of units
  if (bare && !(division === 'town' && TOWN_WORD.test(bare[0]))) groups.add(bare[0].trim());
  const partsAt = later.indexOf('其中');
  return groups.size === 1 && !ALL_UNITS.test(own) && !own.includes('其中') && GROUP_CLAUSE.test(`${earlier}，${partsAt >= 0 ? later.slice(0, partsAt) : later}`);
}

// A larger division's figure (全市各单位共主动公开…23456条 in a county's report, 全省 in a city's) is
// another scope's, in any report of a smaller division: an area summary's and a body's alike. The
// division's word (县, 区, 市) alone does not say its rank (义乌市 is a county's peer, 杭州市 a city),
// so the report's level decides; a rank unsure (a department of a 市) names only what is surely larger.
// 全区 is never a county's, a city's or a prefecture's own: the autonomous region above it (南宁市, 旗 of
// 内蒙古), or one district of it; either way another scope. 全地区/全盟 are above a county-level city.
const HIGHER_THAN: Record<string, { higher: string; own: string }> = {
  town: { higher: '县|区|市|旗|州|盟|省|国', own: '镇|乡|街道' },
  county: { higher: '市|州|盟|地区|省|自治区|区|国', own: '县|旗' },
  district: { higher: '市|州|省|国', own: '区' },
  countyCity: { higher: '州|盟|地区|省|自治区|区|国', own: '市' },
  city: { higher: '省|自治区|区|国', own: '市' },
  prefecture: { higher: '省|自治区|区|国', own: '州|盟' },
  province: { higher: '国', own: '省|区' },
};
/** The report's own division by rank (a key of HIGHER_THAN), '' when unknown. */
export function divisionOf(jurisdiction: string | null | undefined, level: Level | null | undefined): string {
  if (!jurisdiction || !level) return '';
  if (level === 'town') return 'town';
  if (/(?:省|自治区)$/.test(jurisdiction)) return 'province';
  if (/[州盟]$/.test(jurisdiction)) return 'prefecture';
  if (/[县旗]$/.test(jurisdiction)) return 'county';
  if (/区$/.test(jurisdiction)) return 'district';
  if (/市$/.test(jurisdiction)) return level === 'county' ? 'countyCity' : 'city';
  return '';
}
/**
 * The issuer is a district's body filed under its city or county: a zone (开发区, 高新区, 新区, 园区) or a city bureau's
 * district branch (公安局海淀分局). Its 全区 is its own: no larger scope (自治区 and 地区 in its name are no district of its own).
 */
function ownDistrict(issuer: string): boolean {
  return /区|分局/.test(issuer.replace(/自治区|地区/g, ''));
}
/**
 * The larger divisions a name may stand for (某某市共…): not 区 (辖区, 社区, 园区), 县 or 国 (中国共产党). The name is the
 * clause's subject (no 在/与/向 in it: 区政府在市共公开 is the district's), and its 共 is a total (共享平台, 共同推进, 共建 are no total).
 * A larger division framed as the scope (在全市主动公开…45210条中，我县…) is that division, as its bare 全市 is.
 */
const namedWords = (higher: string) => higher.split('|').filter((w) => ['省', '自治区', '市', '州', '盟', '地区'].includes(w)).join('|') || '(?!)';
/** Where a subject starts its clause (after the time it is said of and a word of counting: 2021年，全市…, 本年度全市…, 2015年1-12月全市…, 经统计全市…). */
const SUBJECT_START = '(?:^|[,，;；:：。\\n])\\s*(?:(?:经|据)(?:统计|汇总))?\\s*(?:\\d{4}年度?|本年度?|全年|今年|当年)?\\s*(?:\\d{1,2}\\s*(?:-|－|—|～|~|至|到)\\s*\\d{1,2}\\s*月份?)?\\s*';

// Whose a figure is: the subject its clause has, or inherits from an earlier clause of its sentence. A larger
// division's whole (全市各单位共主动公开…23456条 in a county's report) is another scope's in every report; in a
// department's report (a county's bureau, 杭州市财政局) its own division's whole too (全县各部门共受理…50件,
// 本年度全市主动公开…50000条), while a government's report reads its own division's figures as its own. An earlier
// clause's whole is the figure's subject when it lists the whole's bodies (全县各部门高度重视，共受理…50件), counts
// itself (全县共受理…15件，办结15件) or the clauses after it go on with their predicates (全市高度重视，共主动公开…):
// a clause of the whole that counts nothing is no subject of one opening with its own time (全市政务公开工作要点印发后，
// 本年度主动公开…800条), nor is the whole a body ranks in (全县率先建成…). The body naming itself in a clause (我局,
// 县财政局, 局机关) wins.

/** What a body calls itself after 我/本 (我局, 本委, 本机关), not the division (我县 may be the whole's own government). */
export const SELF_WORD = '(?:局|委|办|厅|院|会|署|中心|机关|单位|部门|所|站|处|室|队|馆)';
/**
 * The body naming itself anywhere in a clause (我局, 本机关, 局机关, 委本级), not as what a whole includes (（含本局）,
 * 包括我局在内) nor as an object (向本局报送, 对我局).
 */
const SELF_ANYWHERE = new RegExp(`(?<![含括向对给])(?:(?:我|本)${SELF_WORD}|(?:局|委|厅|办)(?:机关|本级))`);
/** A parenthesis in a clause (（含本局）): a note on its subject, never the subject. */
const PARENTHESIS = /[（(][^（()）]*[）)]/g;
/**
 * A department's own name after its place (某某县财政局 → 财政局, 杭州市公安局西湖分局 → 分局): the body named in a clause, not
 * several of its kind (各级财政局). A government's (人民政府) is no such name: 全市各级人民政府共… are many.
 */
const BODY_NAME = /(?:省|市|县|区|旗|州|盟)([^省市县区旗州盟]{2,})$/;
const namedItself = (clause: string, name: string) => {
  for (let at = clause.indexOf(name); at >= 0; at = clause.indexOf(name, at + 1)) if (!/[各级]/.test(clause[at - 1] ?? '')) return true;
  return false;
};
/** A count in a clause (15件, 1.2万条). */
const COUNT = /[\d〇零一二两三四五六七八九十百千]\s*(?:万)?(?:余|多)?(?:件|条|宗|份|项|个)/;
/** A clause opening with its time (全年主动公开…, 本年度…): a statement of its own, no predicate going on from the clause before. */
const TIME_OPENING = /^\s*(?:\d{4}年度?|本年度?|全年|今年|当年|年内|一年来)/;
/** What ends a clause within a sentence. */
const CLAUSE_MARK = /[,，;；:：\n]/;
/**
 * What a department's bare 全市 (its own division's) as its clause's subject goes on with: a count, an act of disclosure, the information or requests
 * counted or what the whole includes (全县共受理, 全年共, 全县主动公开, 全县政府信息公开申请15件, 全县含本局在内). Not a
 * body of one line (全县财政系统, 全市国税系统: the body's own system) nor a noun of work (全县政务公开工作会议后, 全县率先建成…).
 */
const WHOLE_GOES_ON = '(?=(?:全年|本年度?|今年|当年)?(?:含|包括|包含|共|累计|合计|总计|一共|范围内|行政区域内|主动|依申请|受理|收到|接到|接收|办结|答复|办理|发布|公开|新增|(?:政府|政务)?信息|申请|[\\d〇零一二两三四五六七八九十]))';
/** The whole as the field a body ranks in (全县率先, 全市首家, 全省第一, 全市前列), not the subject. */
const RANKING = '(?:率先|首[家个批]|第[一二三]|领先|前列)';
/** A whole division's bodies or parts listed after its name (全县各部门、各乡镇, 全市各级行政机关): PART above. */
const LISTED = `(?<parts>${PART}(?:(?:[、和及与]|以及)${PART})*)`;
/** Per division, district issuer and department: the subjects at a clause's head. */
const SUBJECTS = new Map<string, { whole: RegExp; own: RegExp }>();
function subjectsOf(division: string, issuer: string, department: boolean): { whole: RegExp; own: RegExp } {
  const rank = HIGHER_THAN[division];
  const district = ownDistrict(issuer);
  const key = `${division}${district ? '+区' : ''}${department ? '+department' : ''}`;
  let re = SUBJECTS.get(key);
  if (re) return re;
  // (a zone's or a district branch's 全区 under a city or county stays its own)
  const higher = district ? rank.higher.split('|').filter((w) => w !== '区').join('|') : rank.higher;
  const named = `(?:(?![在与和向从对经])[\\u4e00-\\u9fa5]){2,8}?(?<![城超都集股楼夜各县])(?:${namedWords(higher)})(?=(?:各级|各单位|各部门|政府系统)?(?:共(?![享同建])|累计))`;
  // a larger division's whole is another scope whatever follows it (全省财政系统 in a city bureau's report); a department's
  // own division's whole only as a count or an act (WHOLE_GOES_ON: 全市国税系统 is the bureau's own) or with its bodies,
  // and so its 我县各部门; a government's 我县, 本机关 and 全县 are its own
  const ownWhole = department ? `|全(?:${rank.own})(?!${RANKING})(?:${LISTED.replace('<parts>', '<ownParts>')}|${WHOLE_GOES_ON})|(?:我|本)(?:${rank.own})${LISTED.replace('<parts>', '<listed>')}` : '';
  // another body named as the subject: a larger division's government (县政府 in a town's report), and in a government's
  // report a department of its division (县国土资源局); not in a department's report, which names itself short (市审批局
  // for 行政审批服务局) and whose office reports its government's portal (省政府网站)
  const govWords = higher.split('|').filter((w) => w !== '国').join('|');
  const otherBody = `|(?:${govWords})(?:人民)?政府(?![办各所部网门])${department ? '' : `|(?:${rank.own})(?!政府|人民政府)[\u4e00-\u9fa5]{2,10}?(?:局|委)(?![员托])`}`;
  re = {
    whole: new RegExp(`^${SUBJECT_START}(?:(?:在(?=全))?全(?:${higher})(?!${RANKING})${LISTED}?|${named}${ownWhole}${otherBody})`),
    own: new RegExp(`^${SUBJECT_START}(?:${department ? '' : `全(?:${rank.own})|`}[我本](?!年))`),
  };
  SUBJECTS.set(key, re);
  return re;
}

/**
 * The figure after `before` (its sentence up to the figure) is another scope's: the figure's clause, or the last
 * clause before it naming a subject, has a larger division's whole at its head (全市, 全省各地, 某某市共…), or in a
 * department's report (`department`) its own division's whole (全县共, 全县各部门, 我县各部门); not the report's own
 * division (全县, 我县 in a government's report) nor its body (我局, 本机关, the issuer's name). `division`: the
 * report's (divisionOf); `issuer`: its name.
 */
export function underOtherScope(before: string, division: string, issuer = '', department = false): boolean {
  if (!HIGHER_THAN[division] || !/全|共|累计|各|政府|局|委/.test(before)) return false;
  const re = subjectsOf(division, issuer, department);
  const name = department ? BODY_NAME.exec(issuer)?.[1] : undefined;
  const clauses = before.split(CLAUSE_MARK);
  for (let i = clauses.length - 1; i >= 0; i--) {
    const clause = clauses[i].replace(/^\s*其中\s*/, '');
    const said = clause.replace(PARENTHESIS, '');
    if (SELF_ANYWHERE.test(said) || (name !== undefined && namedItself(said, name))) return false;
    const m = re.whole.exec(clause);
    if (m) return i === clauses.length - 1 || m.groups?.parts !== undefined || m.groups?.ownParts !== undefined || m.groups?.listed !== undefined || COUNT.test(clause) || !clauses.slice(i + 1).some((c) => TIME_OPENING.test(c));
    if (re.own.test(clause)) return false;
  }
  return false;
}
