// The issuer of a report, its jurisdiction and the report's level.
//
// The issuer is looked for where reports print it, most reliable first:
//   1. the signature: a body's name on the line before a date, at the end or under the title
//   2. the title: 〈机关〉2020年政府信息公开工作年度报告, 2020年〈机关〉政府信息公开…, split over lines
//   3. 由〈机关〉编制/制作/综合…, 本报告由〈机关〉编制
//   4. 现公布/现将/编写〈机关〉2020年政府信息公开工作年度报告, 依据〈机关〉2010年政府信息公开工作情况编制
//   5. 〈机关〉(以下简称“我办”)
//   6. the subject of the first sentence: 2021年,〈机关〉认真贯彻…
//   7. 来源/发布机构/发布单位 labels of the web page
//   8. the department given as the contact: 如对本报告有任何疑问,请与〈机关〉联系
// A name found by one source gives way to a fuller form of it (more places before) found by a
// later one (榕城区新兴街道办事处 / 现公布揭阳市榕城区新兴街道办事处…).
// Every candidate must read as a body's name (organ.ts): wrappers such as 现公布, 由…编制的,
// 关于…, 根据… never become part of it, and a name without an administrative place (区档案局,
// 我局, 市发改委) is no issuer: when nothing reads, the issuer is null. A title naming only a
// place (石柱土家族自治县2024年…) is that place's report: see bodyOfPlace. A zone named alone
// (平潭综合实验区) is the county-level government of its area. A report naming no body but
// speaking as 我市 to its government's office as contact, or as 我区/我镇/街道 naming one place of
// that kind, gets that place, and no issuer unless it writes its government's name out or calls
// itself 本级政府; one calling itself 我局 gets the one government it says it serves.
//
// jurisdiction is the issuer's own government as written (海珠区, 江南中街道, 增城区 for
// 广州市公安局增城区分局). level is the report's: a government's office or centre issuing the
// government's report (站前区政府办公室 signing 站前区2017年度…; a text speaking of 我区) has
// the government's level; a report naming no body but calling itself 我局 is a department's.
//
// Only the head (first 3,000 characters) and the tail (last 1,000) are read, except for the
// counts of 我局/我区… (one linear pass for all of them, only when asked for) and, for a title
// naming only a place, one search for that place's 人民政府 in the text.
import type { Level } from '../../types';
import { alternation, GOVERNMENT_WORDS, hasPeoplesGovernment, TOWN_SUFFIXES, ZONE_COMMITTEE_WORDS } from '../body-words';
import { GENERAL_OFFICE, leadingOrgan, leadingPlace, organLevel, placePart, readOrgan, type Organ } from '../organ';
import { ZH_SMALL, ZH_YEAR, yearOf } from './dates';

const HEAD_CHARS = 3000;
const TOWN_END = new RegExp(`(?:${alternation(TOWN_SUFFIXES)})$`);
const ZONE_COMMITTEE_END = new RegExp(`(?:${alternation(ZONE_COMMITTEE_WORDS)})$`);
const TAIL_CHARS = 1000;
/** A signature under the title (广州市人民政府 / 2015年3月) is in the first lines. */
const SIGNED_HEAD_CHARS = 800;

// ---- Title ----------------------------------------------------------------------------------

/** The report phrase of a title: (政府)信息公开(工作)(年度)报告 (not 年报: a site's category). */
const REPORT_PHRASE = /(?:政府|政务)?\s*信\s*息\s*公\s*开[^。，,；;：:]{0,12}?报\s*告/;
const SENTENCE_MARK = /[。，,；;！？!?]/;
/** Breadcrumbs and page furniture: 当前位置:首页 > 政务公开 > 政府信息公开年报. */
const NAVIGATION = /位置|首页|>|归档|浏览|点击|字号|上一篇|下一篇|相关|推荐|链接|附件/;
/** What follows the report phrase in the title of a document about reports (…年度报告的通知, …报告编制工作). */
const ABOUT_REPORTS = /^(?:的|之|和|及|与|编制|报送|公布|发布(?!日期|时间)|有关|事项|格式|模板|通知|函|工作)/;
const YEAR_IN_TITLE = new RegExp(`(\\d{4}|${ZH_YEAR})\\s*年\\s*度?\\s*(?:的)?`);

export interface Title {
  /** The title as read (lines joined). */
  text: string;
  /** Its year, when printed. */
  year: number | null;
  /** The body it names, when it names one. */
  organ: Organ | null;
  /** Whether anything but a year stands before the report phrase (a name, or junk). */
  named: boolean;
}

/** Cuts navigation and other junk in front of a name: the name is the last piece after a delimiter. */
function lastPiece(text: string): string {
  const pieces = text
    .replace(/^[\s•·\-—>|:：【\]】)）]+|[\s•·\-—|:：【[（(]+$/g, '')
    .split(/[>|:：•·【】[\]()（）《》“”"']+/);
  return (pieces[pieces.length - 1] ?? '').trim();
}

/** A name from the text before a title's report phrase, or null. */
function nameBefore(before: string): Organ | null {
  const piece = lastPiece(before).replace(/^关于|关于$|的$/g, '').trim();
  if (piece === '') return null;
  // Two bodies printed as one, separated by a space (广州市黄埔区人民政府 广州开发区管委会):
  // take the longest run of space-separated pieces from the end that reads as a name.
  const words = piece.split(/\s+/);
  for (let k = 0; k < words.length; k++) {
    const organ = readOrgan(words.slice(k).join(''));
    if (organ) return organ;
  }
  return null;
}

function readTitle(text: string, above: string): Title | null {
  const phrase = REPORT_PHRASE.exec(text);
  if (!phrase) return null;
  // …年度报告的通知, …年度报告编制工作: a document about reports, not a report's title
  const rest = text.slice(phrase.index + phrase[0].length).replace(/[(（][^)）]*[)）]/g, '').trim();
  if (ABOUT_REPORTS.test(rest)) return null;
  let before = text.slice(0, phrase.index);
  if (/人民\s*$/.test(before) && /^政府/.test(phrase[0])) before += '政府'; // 荆门市人民|政府信息公开
  const y = YEAR_IN_TITLE.exec(before);
  // the name follows the year (2020年广州市财政局…) or precedes it (广州市财政局2020年…)
  const after = y ? before.slice(y.index + y[0].length) : '';
  const pre = y ? before.slice(0, y.index) : before;
  let organ = hasName(after) ? nameBefore(after) : hasName(pre) ? nameBefore(pre) : null;
  // a year is the title's when nothing but the name stands between it and the report phrase
  const year = y && (!hasName(after) || organ !== null) && !/\d/.test(after) ? yearOf(y[1]) : null;
  // the name on the line above: 盐边县新九镇人民政府 / 关于2021年度政府信息公开工作的年度报告
  if (!organ && !hasName(after) && !hasName(pre) && above !== '' && above.length <= 40 && !SENTENCE_MARK.test(above)) {
    organ = readOrgan(lastPiece(above));
  }
  return { text, year, organ, named: hasName(after) || hasName(pre) };
}

/** Whether a piece of a title holds more than 关于/的 and punctuation. */
const hasName = (t: string) => /[\u4e00-\u9fff]/.test(t.replace(/关于|的/g, ''));

const PHRASE_START = /信\s*息\s*公\s*开/g;

/** The first non-empty line starting at or after `start` (a Word file's paragraphs are apart by a blank line). */
function lineAfter(head: string, start: number): string {
  for (let s = start; s < head.length; ) {
    const e = head.indexOf('\n', s);
    const text = head.slice(s, e < 0 ? head.length : e).trim();
    if (text !== '' || e < 0) return text;
    s = e + 1;
  }
  return '';
}

/** The last non-empty line ending before `end` (an index just after a line break), as [start, text]. */
function lineBefore(head: string, end: number): [number, string] {
  for (let e = end - 1; e > 0; ) {
    const start = head.lastIndexOf('\n', e - 1) + 1;
    const text = head.slice(start, e).trim();
    if (text !== '') return [start, text];
    e = start - 1;
  }
  return [0, ''];
}

const titleLine = (line: string, max: number) => line !== '' && line.length <= max && !SENTENCE_MARK.test(line) && !NAVIGATION.test(line);

/**
 * The report's title in its head: the first short line with the report phrase (joined to the
 * next line when the phrase runs on: 道县文广新局2013年度信息公开工作 / 年度报告), or, when
 * it names nothing, joined to the line above (〈机关〉2024年政府 / 信息公开工作年度报告). The
 * first title naming a body wins; else the first title.
 */
function findTitle(head: string): Title | null {
  let first: Title | null = null;
  let seenLine = -1;
  // a title stands above the report's text: a report-like line below its first paragraph is a
  // link to another report (相关链接 / 广州市财政局2019年…报告), not this one's title
  const body = firstParagraph(head);
  PHRASE_START.lastIndex = 0;
  for (let m = PHRASE_START.exec(head); m && m.index < body; m = PHRASE_START.exec(head)) {
    const start = head.lastIndexOf('\n', m.index) + 1;
    if (start === seenLine) continue;
    seenLine = start;
    const end = head.indexOf('\n', m.index);
    if ((end < 0 ? head.length : end) - start > 120) continue; // a paragraph
    let text = head.slice(start, end < 0 ? head.length : end).trim();
    if (!titleLine(text, 80)) continue;
    if (!REPORT_PHRASE.test(text) && end >= 0) {
      const next = lineAfter(head, end + 1);
      if (!titleLine(next, 30)) continue;
      text += next;
    }
    const [prevStart, prev] = start > 0 ? lineBefore(head, start) : [0, ''];
    const title = readTitle(text, prev);
    if (!title) continue;
    if (title.organ) return title;
    if (!title.named && titleLine(prev, 60) && !REPORT_PHRASE.test(prev)) {
      const joined = readTitle(prev + text, prevStart > 0 ? lineBefore(head, prevStart)[1] : '');
      if (joined?.organ) return joined;
    }
    first ??= title;
  }
  return first;
}

const FULL_STOP = /[。！？!?]/;
/** Where the first paragraph of running text starts (a line of over 40 characters ending a sentence, or over 120 with any sentence mark); the head's end if none. */
function firstParagraph(head: string): number {
  for (let start = 0; start < head.length; ) {
    const end = head.indexOf('\n', start);
    const stop = end < 0 ? head.length : end;
    const length = stop - start;
    if (length > 40 && (length > 120 ? SENTENCE_MARK : FULL_STOP).test(head.slice(start, stop))) return start;
    start = stop + 1;
  }
  return head.length;
}

// ---- Other places a report names its issuer -------------------------------------------------

const DATE = `(?:(?:\\d{4}|${ZH_YEAR})\\s*年\\s*(?:\\d{1,2}|${ZH_SMALL})\\s*月(?:\\s*(?:\\d{1,2}|${ZH_SMALL})\\s*日)?|\\d{4}\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{1,2})`;
/**
 * A line that is only a date (2018年3月16日, 二〇一八年二月九日, 2015年3月, (2021年1月19日),
 * 2016-01-21), or a name and a date (站前区政府办公室    二〇一八年二月九日: the name is group 1).
 */
const DATE_LINE = new RegExp(`^\\s*(?:([\\u4e00-\\u9fff]{2,40})\\s+)?[(（]?\\s*${DATE}\\s*[)）]?\\s*$`);
/** A year-month whose 年/月 were lost in extraction: 广州市教育局 / 20171. */
const BROKEN_DATE_LINE = /^\s*20\d{3,4}\s*$/;

/** A body's name signing a date line: on the line above it, or before it on the same line. From the last line up. */
function signature(text: string, dates: boolean, broken: boolean): Organ | null {
  for (let end = text.length; end > 0; ) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const length = end - start;
    // a date line is 7–60 characters (2015年3月 … a name and a date); tables print hundreds of shorter lines
    const dated = dates && length >= 7 && length <= 60;
    const allowBroken = broken && length >= 5 && length <= 10;
    if (dated || allowBroken) {
      const line = text.slice(start, end);
      const m = dated && ((line.includes('年') && line.includes('月')) || line.includes('-')) ? DATE_LINE.exec(line) : null;
      if (m || (allowBroken && BROKEN_DATE_LINE.test(line))) {
        const organ = m?.[1] ? readOrgan(m[1]) : null;
        if (organ) return organ;
        const above = start > 0 ? lineBefore(text, start)[1] : '';
        const signer = above !== '' && above.length <= 40 ? readOrgan(above) : null;
        if (signer) return signer;
      }
    }
    end = start - 1;
  }
  return null;
}

/** 由〈机关〉编制 / 制作 / 综合…编制而成 (two bodies may be joined by 、). */
const COMPILED_BY = /由\s*([\u4e00-\u9fff、\s]{2,50}?)\s*(?:[(（][\u4e00-\u9fff、\s]{2,40}[)）]\s*)?(?:(?:根据|依据|按照)[^。；;\n]{2,80}?(?:规定|要求)\s*)?(?:负责)?(?:编制|制作|编写|综合|汇总|起草|撰写)/y;
/** 现公布〈机关〉2020年政府信息公开工作年度报告 / 编写〈机关〉2017年度…报告 / 现将《〈机关〉…》. */
const ANNOUNCED = new RegExp(
  `(?:(?:现|特|现特)(?:向社会)?(?:予以)?(?:公布|公开|发布|将|报告)|编写|编制|形成)\\s*[《“"]?\\s*([\\u4e00-\\u9fff\\s]{2,40}?)\\s*(?:(?:\\d{4}|${ZH_YEAR})\\s*年\\s*度?)?\\s*(?:的)?\\s*(?:政府|政务)?\\s*信息\\s*公开[^。，,；;]{0,10}?(?:报告|年报)`,
  'g',
);
/** 依据〈机关〉2010年政府信息公开工作情况编制: the report is made of that body's year of work. */
const WORK_OF = new RegExp(
  `(?:依据|根据)\\s*([\\u4e00-\\u9fff\\s]{2,40}?)\\s*(?:\\d{4}|${ZH_YEAR})\\s*年\\s*度?\\s*(?:的)?\\s*(?:政府|政务)?\\s*信息\\s*公开\\s*工作\\s*(?:开展)?\\s*情况\\s*(?:编制|汇总|制作|撰写|编写)`,
  'g',
);
/** ANNOUNCED, read only around the head's mentions of 信息公开 (the pattern is slow to try everywhere). */
function announced(head: string): Organ | null {
  for (const m of head.matchAll(WORK_OF)) {
    const organ = readOrgan(m[1]);
    if (organ) return organ;
  }
  for (let at = head.indexOf('信息公开'); at >= 0; at = head.indexOf('信息公开', at + 4)) {
    const before = head.slice(Math.max(0, at - 70), at);
    if (!before.includes('现') && !before.includes('编') && !before.includes('形成')) continue;
    ANNOUNCED.lastIndex = 0;
    const m = ANNOUNCED.exec(before + head.slice(at, at + 20));
    if (!m) continue;
    const organ = readOrgan(/人民\s*$/.test(m[1]) ? m[1] + '政府' : m[1]); // 荆门市人民|政府信息公开
    if (organ) return organ;
  }
  return null;
}

/** 〈机关〉(以下简称“我办”) / (下称我局): the name is the run of text before the parenthesis. */
const ALIAS = /[(（]\s*(?:以下简称|以下称|下称|简称)\s*[:：]?\s*[“"]?(?:我|本)[\u4e00-\u9fff]{1,3}[”"]?\s*[)）]/g;
const RUN_BEFORE = /[\u4e00-\u9fff\s]{2,40}$/;
/** A run of characters cut out after a number loses the number's unit: (2020年3月16)日广州市… → 广州市…. */
const afterDate = (run: string, charBefore: string | undefined) => (charBefore !== undefined && /[\d〇○零一二三四五六七八九十]/.test(charBefore) ? run.replace(/^[年月日号度]+/, '') : run);
/** 在…下, / 根据…, / 按照…, before the subject of a sentence. */
const CIRCUMSTANCE = '(?:在|根据|按照|依据)[^,，。;；\\n]{2,60}?[,，]\\s*';
/** (2021年,)(在…下,)(按照…,)〈机关〉… — the subject of a report's first sentence (阜新市政府认真贯彻…). */
const SUBJECT = new RegExp(
  `(?:^|\\n)[ \\t]*(?:(?:(?:\\d{4}|${ZH_YEAR})\\s*年\\s*度?(?:以来)?\\s*[,，]?|(?:本年度|今年以来)\\s*[,，])\\s*(?:${CIRCUMSTANCE})?|${CIRCUMSTANCE})([\\u4e00-\\u9fff ]{2,60})`,
  'g',
);
/** Labels of the web page: 来源:…, 发布机构:…, 发布单位: | … (信息来源, 文章来源 end in 来源). */
const META_LABELS = ['来源', '发布机构', '发布单位', '发文机关'];
const META = /\s*[:：|]\s*\|?\s*([\u4e00-\u9fff ]{2,40})/y;

/** A label heading a column of a table row, its value under it: 索引号 | 公开方式 | 发布机构 |\n1162…/2010-00023 | 主动公开 | 凉州区张义镇人民政府 |. */
function metaCell(head: string, at: number, label: string): Organ | null {
  const start = head.lastIndexOf('\n', at) + 1;
  const end = head.indexOf('\n', at);
  if (end < 0) return null;
  const cells = head.slice(start, end).split('|').map((c) => c.trim());
  const column = cells.indexOf(label);
  const nextEnd = head.indexOf('\n', end + 1);
  const below = head.slice(end + 1, nextEnd < 0 ? head.length : nextEnd).split('|').map((c) => c.trim());
  if (column < 0 || cells.length < 2 || below.length !== cells.length) return null;
  return readOrgan(below[column]);
}

/** The government's name written out in the text (上海市人民政府, 海珠区人民政府江南中街道办事处), for a title naming only its place. */
function formalName(s: string, organ: Organ): Organ | null {
  const place = organ.places[organ.places.length - 1];
  if (!place || organ.places.length === 0) return null;
  const suffix = /街道?$/.test(place) ? '(?:街道办事处|道办事处|办事处)' : '人民政府';
  const re = new RegExp(`${place}${suffix}(?!办公|研究|网|门户|党政|综合办|[\\u4e00-\\u9fff]{0,8}?(?:局|委员会|委|中心|管委会))`, 'g');
  let best: Organ | null = null;
  let seen = 0;
  for (const m of s.matchAll(re)) {
    if (++seen > 20) break;
    // extend left over the title's own places and 人民政府 links: 海珠区人民政府江南中街道办事处
    let start = m.index;
    for (let moved = true; moved; ) {
      moved = false;
      const before = s.slice(Math.max(0, start - 16), start);
      const link = /(?:人民政府)?$/.exec(before);
      const head = before.slice(0, before.length - (link ? link[0].length : 0));
      for (const p of organ.places) {
        if (p !== place && head.endsWith(p)) {
          start -= (link ? link[0].length : 0) + p.length;
          moved = true;
          break;
        }
      }
    }
    const formal = readOrgan(s.slice(start, m.index + m[0].length));
    if (formal && formal.kind === 'government' && formal.jurisdiction === organ.jurisdiction && formal.name.length > (best?.name.length ?? 0)) best = formal;
  }
  return best;
}

/** A bare place: a government named by its places alone (兴安盟, 平潭综合实验区, 昆明市晋宁区二街镇). */
const isBare = (organ: Organ) => organ.kind === 'government' && organ.name === placePart(organ.name);

/** 我区管委会办公室编制完成了本报告 / 区政府办公室负责编制本报告: the general office of the report's own place compiled it. */
const OWN_OFFICE_COMPILED = /(?:我|本)?(区|市|县|旗|州|盟|省|镇|乡|街道)((?:人民)?政府办公[室厅]|管委会办公室|管理委员会办公室)(?:负责)?(?:编制|制作|编写|起草|撰写)(?:完成)?了?(?:本|此)(?:年度)?(?:报告|年报)/;

/** 我区管委会办公室编制完成了本报告: the general office of the report's own place, when the text says it compiled the report. */
function ownOfficeCompiler(organ: Organ, text: SourceText): Organ | null {
  const own = OWN_OFFICE_COMPILED.exec(text.head.replace(/\s+/g, ''));
  const place = placePart(organ.name);
  if (!own || !place.endsWith(own[1])) return null;
  const office = readOrgan(place + own[2]);
  return office && office.jurisdiction !== null && (organ.jurisdiction === null || office.jurisdiction === organ.jurisdiction) ? office : null;
}

/** A name and a date standing between spaces in a text whose lines were lost (--> 平潭综合实验区管委会办公室 二〇一三年一月 本报告…): a signature. */
const INLINE_SIGNATURE = new RegExp(`(?:^|\\s)([\\u4e00-\\u9fff]{4,40})\\s+${DATE}(?=\\s|$)`, 'g');

/** The body of the title's place signing the head inline (complete/2012-fujian-pingtan-zone-county). */
function inlineSignature(head: string, organ: Organ): Organ | null {
  for (const m of head.matchAll(INLINE_SIGNATURE)) {
    const signer = readOrgan(m[1]);
    if (signer && !isBare(signer) && signer.jurisdiction === organ.jurisdiction) return signer;
  }
  return null;
}


/**
 * The body of a title or signature naming only a place (天津市蓟州区2021年…, 兴安盟2024年…,
 * 平潭综合实验区2015年度…): the government's name as the text writes it out with the place and
 * its parent (上海市人民政府, 海珠区人民政府江南中街道办事处; not 二街镇人民政府 for 昆明市晋宁区二街镇);
 * else the body the page gives as publisher for that place (发布机构:平潭综合实验区管委会办公室);
 * else the general office the text says compiled the report (我区管委会办公室编制完成了本报告);
 * else, for a province, city or county, its 人民政府 (every such place has one, by law); else
 * the place as printed (a town, a 盟 and a zone keep their names).
 */
function bodyOfPlace(organ: Organ, s: string, text: SourceText): Organ {
  const formal = formalName(s, organ);
  if (formal && formal.places.length >= Math.min(2, organ.places.length)) return formal;
  const signer = inlineSignature(text.head, organ);
  if (signer) return signer;
  const publisher = readSource('meta', text);
  if (publisher && !isBare(publisher) && publisher.jurisdiction === organ.jurisdiction) return publisher;
  const compiler = ownOfficeCompiler(organ, text);
  if (compiler) return compiler;
  const place = organ.jurisdiction ?? '';
  if (hasPeoplesGovernment(place, organ.placeLevel)) return readOrgan(organ.name + '人民政府') ?? organ;
  return organ;
}

// ---- Self-reference: 我局 or 我区? --------------------------------------------------------------

/**
 * How a report calls itself, all read in one pass: 1 我局/本委… (not 本机关: the 2019 table's
 * 本机关不掌握… is in every report); 2 我区/我市/我省…; 3 我镇/我街道/本街道; 4 a department's own site
 * named by its organ word (通过委网站…); 5 a street office opening a clause with 街道 (2025年,街道收到…);
 * 6 a department named without its place opening a line (区科技工业商务信息化局本年度主动公开…).
 */
const SELF_WORDS = new RegExp(
  [
    '(?:我|本)(局|委|办(?!法)|厅|中心|署)',
    '我(区|市|县|旗|省|州|盟)',
    '(我(?:镇|乡|街道|街)|本街道)',
    '(?:通过|在|依托)(局|委|厅)(?:门户|官方)?网站',
    '(?:^|[\\n,，。；;])\\s*(?:\\d{4}\\s*年度?\\s*[,，]?\\s*)?(街道)(?=收到|主动|共|坚持|认真|按照|严格|全面|依托|通过|进一步|持续|积极|深入)',
    '(?:^|\\n)[ \\t]*(?:(?:\\d{4}\\s*年度?|本年度|今年以来)\\s*[,，]?\\s*)?((?:区|市|县)[\\u4e00-\\u9fff]{2,16}?(?:局|委员会|委|署))(?=本年度|认真|坚持|严格|深入|全面|按照|根据|围绕|贯彻|落实|持续|继续|扎实|积极|主动|共|全年)',
  ].join('|'),
  'g',
);

interface SelfWords {
  /** 我局, 本委…: the report calls itself a department. */
  department: number;
  /** That, or its own site (通过委网站), or a place-less department opening a line: a department speaks. */
  departmentSigns: number;
  /** 我区/我市/我县/我旗 by their suffix. */
  government: Map<string, number>;
  /** 我镇, 我乡, 我街道, 本街道 by word. */
  town: Map<string, number>;
  /** Those, or clauses opening with 街道. */
  townSigns: number;
}

// the sources and the level ask for these several times per report: the last text's counts are kept
let lastText: string | null = null;
let lastWords: SelfWords | null = null;

/** The self-reference of a report, counted once per text. */
function selfWords(s: string): SelfWords {
  if (lastText === s && lastWords) return lastWords;
  const w: SelfWords = { department: 0, departmentSigns: 0, government: new Map(), town: new Map(), townSigns: 0 };
  for (const m of s.matchAll(SELF_WORDS)) {
    if (m[1] || m[4] || m[6]) {
      w.departmentSigns++;
      if (m[1]) w.department++;
    } else if (m[2]) w.government.set(m[2], (w.government.get(m[2]) ?? 0) + 1);
    else if (m[3]) {
      w.town.set(m[3], (w.town.get(m[3]) ?? 0) + 1);
      w.townSigns++;
    } else if (m[5]) w.townSigns++;
  }
  lastText = s;
  lastWords = w;
  return w;
}

const sum = (m: Map<string, number>, keep: (k: string) => boolean) => [...m].reduce((n, [k, v]) => (keep(k) ? n + v : n), 0);
/** 我区/我市/我县/我旗: a county's or city's government speaking. */
const governmentWords = (w: SelfWords) => sum(w.government, (k) => /[区市县旗]/.test(k));
const townWords = (w: SelfWords) => sum(w.town, () => true);

/** How a report of this body's government calls itself: 我区 for 东宝区, 我镇 for 花东镇, 我街道/本街道 for a street. */
function ownGovernment(organ: Organ, w: SelfWords): number {
  const j = organ.jurisdiction ?? '';
  if (/街道?$/.test(j)) return sum(w.town, (k) => k.startsWith('我街') || k === '本街道');
  const last = j[j.length - 1] ?? '区';
  return (w.government.get(last) ?? 0) + (w.town.get('我' + last) ?? 0);
}

/** Whether a report calls itself a department, or a government or town of another kind than this government's place. */
function speaksAsOther(organ: Organ, w: SelfWords): boolean {
  if (w.department > 0) return true;
  const j = organ.jurisdiction ?? '';
  const own = /街道?$/.test(j) ? '街' : j[j.length - 1];
  for (const k of w.government.keys()) if (k !== own) return true;
  for (const k of w.town.keys()) if (!k.includes(own)) return true;
  return false;
}

// ---- Putting it together --------------------------------------------------------------------

/** 如对本报告有任何疑问,请与〈机关〉联系(…): the body answering for the report. */
const CONTACT = /(?:请|可)\s*(?:与|向)\s*([\u4e00-\u9fff\s]{2,40}?)\s*(?:联系|咨询|[(（])/g;

const SOURCES = ['signature', 'title', 'compiled', 'announced', 'alias', 'subject', 'meta', 'contact'] as const;
type Source = (typeof SOURCES)[number];

interface SourceText {
  head: string;
  /** The end of the report (the whole report when short), starting on a line. */
  tail: string;
  title: Title | null;
  /** What each source named, once read (a report's facts ask for some sources up to four times). */
  read: Map<Source, Organ | null>;
}

/** The body one source names, if any, read once per text. */
function readSource(source: Source, text: SourceText): Organ | null {
  let organ = text.read.get(source);
  if (organ === undefined) text.read.set(source, (organ = readSourceOnce(source, text)));
  return organ;
}

/** The body one source names, if any. Cheap tests come first: most reports are settled by the first two. */
function readSourceOnce(source: Source, { head, tail, title }: SourceText): Organ | null {
  switch (source) {
    case 'signature':
      // the end of the report, then its first lines (the tail may already hold them)
      return signature(tail, true, false) ?? signature(head.slice(0, SIGNED_HEAD_CHARS), tail !== head, true);
    case 'title':
      return title?.organ ?? null;
    case 'compiled':
      for (let at = head.indexOf('由'); at >= 0; at = head.indexOf('由', at + 1)) {
        COMPILED_BY.lastIndex = at;
        const m = COMPILED_BY.exec(head);
        if (!m) continue;
        // about this report: …编制的2020年度…报告, …编制而成, …制作本报告, or 本报告…由…编制
        const after = head.slice(at + m[0].length, at + m[0].length + 24);
        const sentence = head.slice(Math.max(0, at - 300), at);
        const start = Math.max(sentence.lastIndexOf('。'), sentence.lastIndexOf('\n')) + 1;
        if (!/^[^。\n]*?(?:报告|年报|而成)/.test(after) && !/^\s*(?:本|此)(?:年度)?(?:报告|年报)/.test(sentence.slice(start))) continue;
        if (m[1].split('、').length > 2) continue;
        // 由西舍路镇人民政府信息公开工作编制: the 政府 of 人民政府 is also 政府信息公开's
        const run = m[1].replace(/、/g, '');
        const shared = /^(.{2,}?人民政府)信息公开/.exec(run);
        const organ = readOrgan(run) ?? (shared ? readOrgan(shared[1]) : null);
        if (organ) return organ;
      }
      return null;
    case 'announced':
      return announced(head);
    case 'alias':
      if (!head.includes('称')) return null;
      return firstOrgan(head, ALIAS, (m) => {
        const at = m.index ?? 0;
        const before = head.slice(Math.max(0, at - 40), at);
        const run = RUN_BEFORE.exec(before);
        return run ? readOrgan(afterDate(run[0], before[run.index - 1])) : null;
      });
    case 'subject': {
      // the first sentence opening with a year or a circumstance whose subject reads as a body
      SUBJECT.lastIndex = 0;
      for (let m = SUBJECT.exec(head), k = 0; m && k < 5; m = SUBJECT.exec(head), k++) {
        const organ = leadingOrgan(m[1]);
        if (organ) return organ;
      }
      return null;
    }
    case 'meta':
      for (const label of META_LABELS) {
        for (let at = head.indexOf(label); at >= 0; at = head.indexOf(label, at + label.length)) {
          META.lastIndex = at + label.length;
          const m = META.exec(head);
          // the whole field first (来源:荆门市人民政府研究室 is the 研究室, not 荆门市人民政府)
          const field = m ? m[1].trim().split(' ')[0] : '';
          const organ = m ? ((field.length >= 4 ? readOrgan(field) : null) ?? leadingOrgan(m[1])) : metaCell(head, at, label);
          if (organ) return organ;
        }
      }
      return null;
    case 'contact':
      // only a department itself: a government's office answers for its government's report too
      // (请与青岛市人民政府办公厅联系); an office inside a body (招商中心办公室) stands for that body
      if (!head.includes('请') && !head.includes('可')) return null;
      return firstOrgan(head, CONTACT, (m) => {
        const isDepartment = (o: Organ | null) => o?.kind === 'department' && !/办公室$|办$|公开/.test(o.name);
        const whole = readOrgan(m[1]);
        if (isDepartment(whole)) return whole;
        // a unit of a department (闽侯县水利局政府信息公开工作领导小组办公室, 安庆市招商中心办公室)
        // stands for it when the report calls itself by the department's organ word (我局, 我中心)
        const leading = leadingOrgan(m[1]);
        const word = leading ? /(局|委员会|委|中心|厅|署|办公室)$/.exec(leading.name) : null;
        const self = word ? (word[1] === '委员会' ? '委' : word[1] === '办公室' ? '办' : word[1]) : null;
        return isDepartment(leading) && self !== null && (head.includes('我' + self) || head.includes('本' + self)) ? leading : null;
      });
  }
}

/** The government (or its office) given as contact, when the report calls itself by that government's place (我市, 我县) more than as a department. */
function contactGovernment(head: string, s: string): Organ | null {
  if (!head.includes('请') && !head.includes('可')) return null;
  const organ = firstOrgan(head, CONTACT, (m) => {
    const o = readOrgan(m[1]) ?? leadingOrgan(m[1]);
    return o && (o.kind === 'government' || o.kind === 'office') && o.jurisdiction !== null && o.placeLevel !== null ? o : null;
  });
  if (!organ) return null;
  const w = selfWords(s);
  const own = ownGovernment(organ, w);
  return own > 0 && own > w.department ? organ : null;
}

/** Where a name can start in running text: after punctuation, a bracket or a preposition (以荔湾区…, 请与扎赉特旗…, 《友谊路街道…》). */
const NAME_BOUNDARY = /[\s。，,；;：:、《》“”"'(（)）「」【】与在以的由对和及从向于为请括]/;

/** Words of sentences never inside a place's name (指导区属各单位, 紧紧围绕镇党委, 主动在大石街道…): a place read in running text holding one is none. */
const SENTENCE_WORD = /[在以的由对与及请各全本属辖]|指导|围绕|加强|完成|联动|发挥|参加|主动|推进|推动|开展|落实|督促|组织|通过|依托|结合|根据|按照|紧紧|大力|深入|积极|认真|继续|持续|协调|配合|进一步|做好|建立|健全|完善|强化|提升|规范|严格|坚持|开设|设立|设置|受到|召开|印发|制定|出台|[一二三四五六七八九十]是|加大|加快|提高|扩大/;

/** The places named at the boundaries of the head, read as governments (one pass over the head). */
function placesNamed(head: string): { organ: Organ; at: number }[] {
  const found: { organ: Organ; at: number }[] = [];
  for (let at = 0; at < head.length; at++) {
    if (at > 0 && !NAME_BOUNDARY.test(head[at - 1])) continue;
    const c = head.charCodeAt(at);
    if (c < 0x4e00 || c > 0x9fff) continue;
    const organ = leadingPlace(head.slice(at, at + 40));
    // a place of one character and its suffix (即区…, 东区) only with its government written after it
    if (!organ || SENTENCE_WORD.test(organ.name) || (organ.name.length === 2 && !GOVERNMENT_WORDS.some((g) => head.startsWith(g, at + 2)))) continue;
    found.push({ organ, at });
  }
  return found;
}

/** The report's own government is named as such: 特向社会公布2021年度本级政府信息公开年度报告. */
const OWN_LEVEL_GOVERNMENT = /本级(?:人民)?政府(?:信息公开|政务公开)?(?:工作)?(?:年度)?(?:报告|年报)/;

/**
 * The place a report naming no body speaks as (我区, 我镇, 本街道, a clause opening with 街道),
 * when the head names exactly one place of that kind (以荔湾区人民政府网站为主, 漕河镇微信公众号,
 * 《友谊路街道主动公开事项目录》); null when it speaks as a department too, or names two.
 */
function spokenPlace(head: string, s: string): Organ | null {
  const w = selfWords(s);
  const department = w.department;
  const town = w.townSigns;
  const byWord = new Map([...w.government].filter(([k]) => /[区市县旗]/.test(k)));
  const kinds = [...byWord.keys()];
  let suffix: RegExp;
  if (town > department && kinds.length === 0) suffix = TOWN_END;
  else if (kinds.length === 1 && town === 0 && byWord.get(kinds[0])! > department) suffix = new RegExp(`${kinds[0]}$`);
  else return null;
  let place: Organ | null = null;
  for (const { organ } of placesNamed(head)) {
    // a city the gazetteer does not know is a sentence's words (改进市政府…, 每期市政府…)
    if (!suffix.test(organ.jurisdiction!) || organ.placeLevel === null) continue;
    if (place && place.jurisdiction !== organ.jurisdiction) return null;
    if (!place || organ.name.length > place.name.length) place = organ;
  }
  return place;
}

/**
 * A count of the work of the province's own units (自治区直属机关主动公开政府信息16848条, 省直各部门共
 * 公开…): only the province's report prints it; a city's or a department's prints its own.
 */
const PROVINCE_UNITS_COUNT = /(?:省|自治区)(?:政府)?直属?(?:各)?(?:机关|部门|单位)[^。；;\n]{0,12}?(?:主动)?(?:公开|发布|受理|收到)[^。；;\n]{0,16}?\d/;

/**
 * The province a report naming no body is from, when it counts its province's own units' work
 * and speaks as no other body (no 我局, 我市, 我镇): the one province the head names (西藏自治区 of
 * 《西藏自治区…办法》); null when it names none or two.
 */
function provinceCounting(head: string, s: string): Organ | null {
  if (!PROVINCE_UNITS_COUNT.test(head)) return null;
  const w = selfWords(s);
  if (w.departmentSigns > 0 || w.townSigns > 0 || w.government.size > 0) return null;
  let place: Organ | null = null;
  for (const { organ } of placesNamed(head)) {
    if (organ.placeLevel !== 'province') continue;
    if (place && place.jurisdiction !== organ.jurisdiction) return null;
    if (!place || organ.name.length > place.name.length) place = organ;
  }
  return place;
}

/** The issuer of a place a report speaks as: its government written out as a name (大石街道办事处), or its 人民政府 where the report says it is 本级政府's. */
function spokenIssuer(place: Organ, s: string, head: string): Organ | null {
  const formal = formalName(s, place);
  if (formal) return formal;
  return OWN_LEVEL_GOVERNMENT.test(head) && place.placeLevel !== 'town' && place.placeLevel !== null ? readOrgan(place.name + '人民政府') : null;
}

/**
 * The fuller form of a name read from running text, as the head writes it with its parent
 * place (宝力根花苏木人民政府 / 请与扎赉特旗宝力根花苏木人民政府联系): one more place, the same body.
 */
function writtenFuller(organ: Organ, head: string): Organ | null {
  let seen = 0;
  for (let at = head.indexOf(organ.name); at > 0 && seen < 20; at = head.indexOf(organ.name, at + organ.name.length), seen++) {
    for (let start = at - 2; start >= Math.max(0, at - 12); start--) {
      if (start > 0 && !NAME_BOUNDARY.test(head[start - 1])) continue;
      const fuller = readOrgan(head.slice(start, at) + organ.name);
      if (fuller && fuller.kind === organ.kind && fuller.jurisdiction === organ.jurisdiction && fuller.places.length === organ.places.length + 1) return fuller;
    }
  }
  return null;
}

/**
 * How a department's report names the government it serves: 在荔湾区委、区政府…领导下, 在荔湾区政务公开
 * 工作办公室的指导下, 按照2024年天河区政务公开各项工作要求, 依托“广州市番禺区人民政府”网.
 */
const GOVERNMENT_SERVED = new RegExp(
  [
    '在([\\u4e00-\\u9fff]{2,12}?)(?:党委|委)[、,，和及][\\u4e00-\\u9fff]{0,12}?政府[^。；\\n]{0,20}?领导下',
    '在([\\u4e00-\\u9fff]{2,12}?)政务公开(?:工作)?(?:办公室|领导小组)[^。；\\n]{0,6}?指导下',
    '(?:按照|根据|落实)\\s*《?\\s*(?:\\d{4}\\s*年度?)?\\s*([\\u4e00-\\u9fff]{2,12}?)政务公开(?:各项)?(?:工作)?(?:要点|要求|部署)',
    '(?:通过|依托)\\s*[“"]?\\s*([\\u4e00-\\u9fff]{2,16}?)(?:人民政府|政府)(?:门户)?\\s*[”"]?\\s*(?:网站|网)',
  ].join('|'),
  'g',
);

/** The one government a department's report names as the one it serves, or null (none, or two). One pass over the head. */
function governmentServed(head: string): string | null {
  let found: string | null = null;
  for (const m of head.matchAll(GOVERNMENT_SERVED)) {
    const named = m[1] ?? m[2] ?? m[3] ?? m[4];
    const place = leadingPlace(named);
    if (!place || place.name !== named || SENTENCE_WORD.test(place.name)) continue;
    if (found !== null && found !== place.jurisdiction) return null;
    found = place.jurisdiction;
  }
  return found;
}

/** The first match of a global pattern that reads as a body. */
function firstOrgan(text: string, re: RegExp, read: (m: RegExpMatchArray) => Organ | null): Organ | null {
  for (const m of text.matchAll(re)) {
    const organ = read(m);
    if (organ) return organ;
  }
  return null;
}

/** 〈机关〉2019年(度)…信息公开…报告 in running text (本报告为广州市民政局2019年政府信息公开工作年度报告…). */
const OWN_REPORT = new RegExp(`([\\u4e00-\\u9fff]{2,30})\\s*(?:\\d{4}|${ZH_YEAR})\\s*年\\s*度?\\s*(?:的)?\\s*(?:政府|政务)?\\s*信\\s*息\\s*公\\s*开[^。，,；;《》\\n]{0,10}?(?:报告|年报)`, 'g');
/** What may stand before the name in its clause: nothing, or 本报告为 (纳入/按照/参照〈机关〉…报告 is another body's). */
const OWN_REPORT_OPENING = /^(?:(?:本|此)(?:年度)?(?:报告|年报))?(?:为|是|即)?$/;
/** The organ word a department calls itself by (我局, 我委, 我办, 我中心). */
const SELF_ORGAN_WORD = /(局|委员会|委|办公室|办|厅|中心|署)$/;

/**
 * A department that names itself nowhere a report prints its issuer but speaks as 我局, and
 * whose text states the report is its own in a sentence opening with its name or 本报告为
 * (广州市民政局2019年政府信息公开工作年度报告已经局务会审议通过; not inside 《》, another document's
 * title; not 纳入广州市公安局2019年…报告, a parent's): accepted only when the name's organ word is
 * the one the report calls itself by (局 for 我局) and no other body is so named. Page furniture
 * is not read: a portal's banner or sponsor (主办单位:…数据管理局) may be another 局 than the report's.
 */
function ownDepartmentNamed(head: string, tail: string, s: string): Organ | null {
  if (selfWords(s).department === 0) return null;
  let found: Organ | null = null;
  for (const text of head === tail ? [head] : [head, tail]) {
    for (const m of text.matchAll(OWN_REPORT)) {
      const at = m.index ?? 0;
      const nameEnd = at + m[1].length;
      if (text.lastIndexOf('《', nameEnd) > text.lastIndexOf('》', nameEnd)) continue;
      if (ABOUT_REPORTS.test(text.slice(at + m[0].length).replace(/^[)）]/, ''))) continue;
      const lineStart = text.lastIndexOf('\n', at) + 1;
      const lineEnd = text.indexOf('\n', at);
      const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
      // in a sentence: a line listing reports (相关链接, 上一篇: …) names other bodies' too
      if (!SENTENCE_MARK.test(line) || NAVIGATION.test(line)) continue;
      const organ = organOpening(text.slice(lineStart, nameEnd));
      if (!organ || organ.kind === 'government' || organ.jurisdiction === null) continue;
      const word = SELF_ORGAN_WORD.exec(organ.name)?.[1];
      const self = word === '委员会' ? '委' : word === '办公室' ? '办' : word;
      if (!self || (!s.includes('我' + self) && !s.includes('本' + self))) continue;
      if (found && found.name !== organ.name && !found.name.endsWith(organ.name)) {
        if (!organ.name.endsWith(found.name)) return null; // two bodies: none
        found = organ;
      }
      found ??= organ;
    }
  }
  return found;
}

/** The body ending a clause that opens with it or with 本报告为 (the text from the line's start to the name's end). */
function organOpening(upToName: string): Organ | null {
  const clause = upToName.slice(Math.max(...[...'。；;，,：:！!？?'].map((c) => upToName.lastIndexOf(c))) + 1).trim();
  // the longest opening first: 本报告为|广州市民政局, not 本报告|为广州市民政局
  for (let k = Math.min(clause.length - 2, 8); k >= 0; k--) {
    if (!OWN_REPORT_OPENING.test(clause.slice(0, k))) continue;
    const organ = readOrgan(clause.slice(k));
    if (organ) return organ;
  }
  return null;
}

/** A report compiled from the reports or the situation of the area's bodies, said in one sentence. */
const SUMMARY_COMPILED = /(?:综合|根据|汇总)[^。\n]{0,60}(?:各部门|各工作部门|各相关部门|各单位|各区|各县|各乡镇|各镇|各街道|行政区域内)[^。\n]{0,40}(?:年度报告|总体情况|工作情况)[^。\n]{0,6}(?:编制|汇总)/;

/**
 * The report's level, decided here only: the issuer's own (a government's place level, or
 * department); a government's report issued by its office or another body (站前区政府办公室
 * signing 站前区2017年度…报告; 由东宝区大数据中心编制, the text speaking of 我区) has the
 * government's level; a report naming no body but calling itself 我局 is a department's, 我镇 a town's.
 */
export function reportLevel(organ: Organ | null, title: Title | null, s: string, subject: Organ | null = null): Level | null {
  let level: Level | null = organ ? organLevel(organ) : null;
  if (organ && organ.kind !== 'government') {
    const t = title?.organ;
    if (t && t.kind === 'government' && t.jurisdiction === organ.jurisdiction) level = t.placeLevel;
    // a general office whose report speaks as its government (由沈河区人民政府办公室编制 / 2020年沈河区人民政府按照…)
    else if (organ.kind === 'office' && t?.name !== organ.name && subject?.kind === 'government' && subject.jurisdiction === organ.jurisdiction) level = subject.placeLevel;
    // a general office compiling its area's reports or situation (由荆门市人民政府办公室综合荆门市行政区域内总体情况编制,
    // 根据…管委会及各工作部门、…各乡镇人民政府的政府信息公开年度报告编制): the government's report, whose office signs it
    else if (GENERAL_OFFICE.test(organ.name) && organ.placeLevel !== null && organ.placeLevel !== 'town' && SUMMARY_COMPILED.test(s)) level = organ.placeLevel;
    // a body speaking of its government more than of itself issues the government's report (黄埔区…政务公开工作办公室,
    // 东宝区大数据中心 compiling 我区's); not a bureau, whose report is its own however often it says 我市 (广州市信访局)
    else if (organ.jurisdiction && organ.placeLevel !== 'town' && !organ.name.endsWith('局')) {
      const w = selfWords(s);
      if (ownGovernment(organ, w) > w.department) level = organ.placeLevel;
    }
  } else if (!organ) {
    const w = selfWords(s);
    const dept = w.departmentSigns;
    const gov = governmentWords(w);
    const town = townWords(w);
    if (dept > 0 && gov === 0 && town === 0) level = 'department';
    else if (town > 0 && gov === 0 && dept === 0) level = 'town';
  }
  return level;
}

export interface IssuerFacts {
  issuer: string | null;
  jurisdiction: string | null;
  level: Level | null;
  /** The title, when the report prints one. */
  title: Title | null;
}

function issuerFactsOf(s: string): IssuerFacts {
  let head = s;
  if (s.length > HEAD_CHARS) {
    const cut = s.lastIndexOf('\n', HEAD_CHARS);
    head = s.slice(0, cut > HEAD_CHARS / 2 ? cut + 1 : HEAD_CHARS); // whole lines when there are lines
  }
  let tail = s;
  if (s.length > TAIL_CHARS) {
    tail = s.slice(s.length - TAIL_CHARS);
    tail = tail.slice(tail.indexOf('\n') + 1); // from a line's start
  }
  const title = findTitle(head);
  const text: SourceText = { head, tail, title, read: new Map() };

  // The sources, most reliable first; each is read only when the ones before it found nothing.
  let organ: Organ | null = null;
  let from: Source = SOURCES[0];
  let k = 0;
  for (; k < SOURCES.length && !organ; k++) {
    from = SOURCES[k];
    organ = readSource(from, text);
  }
  if (organ && from === 'compiled' && organ.kind === 'office') {
    // a general office compiling the report its government speaks (由沈阳市沈河区人民政府办公室编制而成 /
    // 2020年沈河区人民政府按照…): the government's, as when the government titles it (pdf2 洪泽区); the
    // office only when it also publishes the page (来源:荆门市人民政府办公室, below the title)
    const subject = readSource('subject', text);
    const publisher = readSource('meta', text);
    if (subject && subject.kind === 'government' && !isBare(subject) && subject.jurisdiction === organ.jurisdiction && publisher?.name !== organ.name) organ = subject;
  }
  if (organ && from === 'compiled' && organ.kind === 'department' && SUMMARY_COMPILED.test(head)) {
    // a department compiling its area's report (由掇刀区行政审批局综合掇刀区行政区域内总体情况编制) for the
    // government the page publishes it for (来源:掇刀区人民政府): the government's report
    const publisher = readSource('meta', text);
    if (publisher && publisher.kind === 'government' && !isBare(publisher) && publisher.jurisdiction === organ.jurisdiction) organ = publisher;
  }
  if (organ && from === 'meta' && organ.kind === 'government' && ownGovernment(organ, selfWords(s)) === 0 && speaksAsOther(organ, selfWords(s))) {
    // 来源:广州市人民政府 on the page of a report that calls itself 我局, 来源:平潭县人民政府 on one
    // speaking as 我区: the portal, not the issuer
    organ = null;
  }
  organ ??= ownDepartmentNamed(head, tail, s);
  if (organ) {
    if (isBare(organ) && from !== 'subject' && from !== 'meta') organ = bodyOfPlace(organ, s, text);
    else if (!isBare(organ)) {
      // A name from running text may drop its city; a fuller form further down the list wins
      // (2021年,南沙区审计局… / 来源:广州市南沙区审计局).
      for (; k < SOURCES.length; k++) {
        const other = readSource(SOURCES[k], text);
        if (other && other.name.length > organ.name.length && other.name.endsWith(organ.name) && other.jurisdiction === organ.jurisdiction) {
          organ = other;
          break;
        }
      }
      if (from === 'subject') organ = writtenFuller(organ, head) ?? organ;
      // A title naming a government whose general office both published the page and compiled the
      // report (荆门市人民政府… / 来源:荆门市人民政府办公室 / 由荆门市人民政府办公室…编制而成): the office.
      // One of the two alone is not enough: a portal's office publishes the government's report
      // (来源:广州市人民政府办公厅), and an office compiles reports its government signs or titles.
      if (from === 'title' && organ.kind === 'government') {
        const publisher = readSource('meta', text);
        const compiler = publisher && GENERAL_OFFICE.test(publisher.name) && publisher.jurisdiction === organ.jurisdiction ? readSource('compiled', text) : null;
        if (publisher && compiler?.name === publisher.name) organ = publisher;
      }
      // a zone's committee titling the report its office says it compiled (我区管委会办公室编制完成了本报告)
      if (from === 'title' && ZONE_COMMITTEE_END.test(organ.name)) organ = ownOfficeCompiler(organ, text) ?? organ;
    }
  }

  if (!organ) {
    // No body named, but the report speaks as a place (我市) whose government's office is its
    // contact (请与青岛市人民政府办公厅联系): that place's report, its issuer unnamed.
    // Else the one place of its kind the head names, when the report speaks as such a place (我区, 我镇).
    // Else the one province named, when the report counts the province's own units' work (自治区直属机关主动公开…).
    const place = contactGovernment(head, s) ?? spokenPlace(head, s) ?? provinceCounting(head, s);
    if (place) {
      const issuer = spokenIssuer(place, s, head);
      return { issuer: issuer?.name ?? null, jurisdiction: place.jurisdiction, level: place.placeLevel, title };
    }
  }
  const level = reportLevel(organ, title, s, organ?.kind === 'office' ? readSource('subject', text) : null);
  // a department naming itself only as 我局 still names the government it serves
  const jurisdiction = organ ? organ.jurisdiction : level === 'department' ? governmentServed(head) : null;
  return { issuer: organ?.name ?? null, jurisdiction, level, title };
}

/** Issuer, jurisdiction, level and title of a report (normalised text). Read it once per report. */
export const issuerFacts = issuerFactsOf;

export function findIssuer(s: string): string | null {
  return issuerFacts(s).issuer;
}

/**
 * The government an issuer's name belongs to (海珠区 for 广州市海珠区人民政府, 增城区 for
 * 广州市公安局增城区分局), from the name alone; issuerFacts reads it from the whole report.
 */
export function jurisdictionOf(issuer: string | null): string | null {
  return issuer ? (readOrgan(issuer)?.jurisdiction ?? null) : null;
}

/**
 * The level an issuer's name implies, from the name alone. issuerFacts reads the report's level
 * from the whole text: a government's office issuing the government's report gives the
 * government's level, a report naming no body but calling itself 我局 is a department's.
 */
export function levelOf(issuer: string | null): Level | null {
  const organ = issuer ? readOrgan(issuer) : null;
  return organ ? organLevel(organ) : null;
}
