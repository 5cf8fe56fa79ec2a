// Values stated in sentences: "主动公开政府信息2546条", "共受理依申请公开2件", "没有…行政复议".
// The text's quantities and clauses are recognised once. Proactive disclosure is read by scored
// rules over those figures (./rules/); the other metrics still by patterns with one number
// slot each, the first rule (in priority order) that matches giving a metric its value, traps
// seen in real reports rejected explicitly.
import { FORMAL_NUMERALS, parseChineseNumeral, timesTenThousand } from '../normalise/numbers';
import { sourceSpan, type NormText } from '../normalise/text';
import { clauseAt, segment, sentenceAt, type Segments } from '../recognise/clauses';
import { governingHeading, headingsOf, lineAfter, type Heading } from '../recognise/headings';
import { recogniseQuantities, type Quantity } from '../recognise/quantities';
import type { Template, Value } from '../types';
import { makeValue } from '../value';
import { DERIVABLE_TOTALS } from '../checks/derive';
import { extractApplicants } from './applicants';
import { alternatives, openingWords, WordIndex } from './rules/anchors';
import { bestReadings, readFigures, viewOf } from './rules/engine';
import { FEATURES, OWN_LEVEL_UNKNOWN, sharedScope } from './rules/features';
import { channelsRespectively } from './rules/channels-respectively';
import { feePart, namesOtherMoney } from './rules/fee-kind';
import { oneGroupOfSeveral, underOtherScope, withoutOwnArea } from './rules/own-area';
import { PROACTIVE_RULES } from './rules/proactive';
import { namesOtherKindOfRequest, SERVICE_WORDS } from './rules/request-kind';
import { changesToAnother } from './rules/change';
import { spansManyYears } from './rules/spans';
import { underOtherYearHead } from './rules/year-scope';
import { ENDED, FINISHED, HANDLING, LATE, onTimeBesideLate, OUTCOME_LISTED, PART_MANNER, REPLY } from './rules/reply';
import { afterLastCount, agreed, asOfNowOnly, CARRIED_IN_SCOPE, CARRIED_IN_SUBJECT, CARRIED_METRIC, DISTRIBUTIVE_WORDS, governedAfter, itemBefore, lastYearItem, noneOfOneWay, partOfRequests, partOfYearItem, qualifiedPart, readDistributed, readRoles, receivedAllHandled, REQUEST_CONCEPTS, GRANTING, requestsTotalAfterParts, restDoneAfter, restOfWhole, roleAt } from './rules/roles';

/** Characters inside one comma clause / one sentence. */
const K = '[^。；;,，:：\\n]';
const C = '[^。；;\\n]';
const COUNT_UNIT = '(?:条次|条|件|宗|篇|份|个|项|人次|次|部|例|起)';
/** Spaces inside one line: a line break ends a paragraph (a heading's words never bind the next line's figure). */
const SP = '[^\\S\\n]*';
/** A formal numeral (贰拾壹, 贰佰, 贰拾一, 叁件): an everyday tail only after two formal characters (队伍十件 is 10; see quantities.ts). */
const FORMAL_RUN = `[${FORMAL_NUMERALS}](?:[零万亿${FORMAL_NUMERALS}]{1,11}[〇零一二两三四五六七八九十百千万亿]{0,6})?`;
const N = `(?<pre>约|近|超过|超|达到|达)?${SP}(?<num>(?<![\\d.])\\d[\\d,]{0,15}(?:\\.\\d+)?|(?<![廿卅卌])[〇零一二两三四五六七八九十百千]{1,12}|${FORMAL_RUN})${SP}(?<wan>万)?${SP}(?<post>余|多)?${SP}${COUNT_UNIT}`;
// (人民币贰佰元: an amount in formal numerals, as a receipt prints it)
const MONEY = `(?<num>(?<![\\d.])\\d[\\d,]{0,15}(?:\\.\\d+)?|(?<![廿卅卌])[〇零一二两三四五六七八九十百千]{1,12}|${FORMAL_RUN})${SP}(?<wan>万)?${SP}元`;

interface Rule {
  metric: string;
  re: RegExp;
  /** Drop a match whose text (or the 12 characters before it) matches this. */
  reject?: RegExp;
  /** Drop a match whose text or own list item before it (after the clause's last count: 主动公开…326条、|依申请公开3件) matches this. */
  rejectItem?: RegExp;
  /** A statement of zero without a number ("没有…行政复议"). */
  zero?: boolean;
  /** Drop a match followed by this (tested on the 16 characters after it). */
  rejectAfter?: RegExp;
  /** Several matches are parts to add up (信息不存在1件;不属于本机关1件). */
  sum?: boolean;
  /** Only for reports of these templates (narrative counterparts of table rows). */
  templates?: Template[];
  /** The match's figure is the whole 均 speaks of (allOfTheWhole). */
  allOfTheWhole?: true;
  /** A literal the text must contain for the rule to be tried (a cheap pre-filter). */
  needs?: RegExp;
  /** The first year printed in the match is the report's year plus this (2021年结转 in a report on 2022: carried in); unknown year: not tried. */
  yearOffset?: number;
  /** The match's sentence must say this (回复处理0件 is a request's only where the sentence speaks of requests). */
  sentence?: RegExp;
  /** The match's sentence must not say this. */
  notSentence?: RegExp;
  /**
   * The match's period up to its end must not say this: what follows the figure is a breakdown of it (办结23件，当场答复5件，延期答复2件:
   * the manners are parts of the handled, not a sign the figure is one of them).
   */
  notBefore?: RegExp;
  /** `sentence` and `notSentence` are asked of the whole period, across semicolons (决定公开10件；部分公开3件；不予公开2件: one list). */
  period?: true;
  /** A count with no object of its own: drop it when the sentence before names this and no request (我局认真做好群众来信来访办理工作。全年共受理15件). */
  rejectPrevious?: RegExp;
  /** The match opens its clause, or its item after 、 (回复23件，…; ，已满足申请人要求15件). */
  opensClause?: true;
  /** Drop a match that is an item of a list of outcomes: no act before it in its clause, another outcome as the next item (依申请公开10件，部分公开3件: disclosed on request, not the requests). */
  outcomeItem?: true;
}

/** Characters inside one sentence, across semicolons (a list of outcomes: 维持5宗;纠正2宗). */
const S = '[^。\\n]';
/** A label's colon before its figure (行政复议：2件, 同意公开：8件): the label names what the figure counts. */
const L = `(?:[:：]${SP})?`;
/**
 * A note in brackets right after a label, before its figure (办结（含上年结转）23件, 同意公开（含已主动公开）15件): it glosses the label, so
 * the figure after it is the label's (see glossNote in extractNarrative). Its own figure, if any, is a part.
 */
const GLOSS = `[（(](?:含|包括|包含|其中)[^（()）\\n]{1,16}[）)]`;
const G = `(?:${GLOSS}${SP})?`;
/** A bare number after a count noun (件数为2): its clause ends after it. */
const NN = `${SP}(?<num>(?<![\\d.])\\d{1,6}|零)(?![\\d.%])(?=${SP}(?:[,，。；;、)）\\n]|$))`;
const rx = (source: string) =>
  new RegExp(source.replaceAll('{NN}', NN).replaceAll('{L}', L).replaceAll('{G}', G).replaceAll('{N}', N).replaceAll('{M}', MONEY).replaceAll('{K}', K).replaceAll('{C}', C).replaceAll('{S}', S), 'g');

/** Another outcome, another kind of request or carried ones named beside 均予以公开: not every request was disclosed. */
const ALL_OR_ONE_REJECT = /部分公开|区分处理|不予|无法|不掌握|不存在|驳回|不属于|不予处理|其他处理|撤回|结转|行政复议|诉讼|建议|提案|热线|12345|信访|咨询|留言|主动公开/;
const ANOTHER_OUTCOME_AFTER = /^[^。；;\n]{0,20}?(部分|区分处理|不予|无法|不掌握|不存在|或|及|和)/;
/** Not all of the requests (可以公开的均予以公开, 除…外其余, 大部分, 上年度受理的), or their replies and results, not the information (均予以提供书面答复). */
const ALL_DISCLOSED_REJECT = new RegExp(`${ALL_OR_ONE_REJECT.source}|其余|大部分|多数|基本|除.{0,20}外|上年度?(?:受理|的申请)|去年|[^申]的[,，]?(?:均|全部|都|一律)|(?:${REPLY}|结果)(?:均|全部|都)`);
const ALL_DISCLOSED_REJECT_AFTER = new RegExp(`${ANOTHER_OUTCOME_AFTER.source}|^\\s*(?:书面答复|答复意见|回复|办理结果|结果)`);
const REQUEST_FIGURE = /(\d+|[〇零一二两三四五六七八九十百千]+)\s*(?:件|宗)/g;
const CHANGE_FIGURE = /(?:比|较|同比)[^,，。;；]{0,12}?(?:增加|减少|增长|下降)了?\s*(?:\d+|[〇零一二两三四五六七八九十百千]+)\s*(?:件|宗)/g;
/**
 * 均 belongs to the last figure of requests before it: between the whole and 均 no such figure but the whole again
 * (办结5件，均予以公开) or its parts after 其中 adding up to it (其中网上申请3件、信函申请2件，均予以公开); a change, a parenthesis, 条, % or days are no such figure.
 */
function allOfTheWhole(m: RegExpExecArray): boolean {
  const num = m.groups?.num;
  const whole = num === undefined ? null : /\d/.test(num) ? Number(num) : parseChineseNumeral(num);
  if (num === undefined || whole === null) return false;
  const gap = m[0].slice(m[0].indexOf(num) + num.length).replace(/^\s*(?:件|宗)/, '').replace(CHANGE_FIGURE, '').replace(/[（(][^（()）]*[）)]/g, '');
  const value = (f: string) => (/\d/.test(f) ? Number(f) : parseChineseNumeral(f));
  const figures = [...gap.matchAll(REQUEST_FIGURE)].map((f) => value(f[1]));
  if (figures.length === 0 || figures[figures.length - 1] === whole) return true;
  const i = gap.indexOf('其中');
  const parts = i < 0 ? [] : [...gap.slice(i).matchAll(REQUEST_FIGURE)].map((f) => value(f[1]));
  return parts.length >= 2 && parts.length === figures.length && parts.reduce<number>((a, p) => a + (p ?? NaN), 0) === whole;
}
/** A disclosure outcome with its figure (依法公开10件, 对其中10件申请提供了相关信息), not 公开申请15件: a list of request outcomes. */
const DISCLOSURE_ITEM = /(?:公开(?!申请)|提供)[^,，。;；\d]{0,8}(?:\d|[〇零一二两三四五六七八九十百千]+\s*(?:件|宗))|(?:\d|[〇零一二两三四五六七八九十百千])\s*(?:件|宗)[^,，。;；\d]{0,8}提供/;
const NOT_REQUEST = /行政复议|诉讼|建议|提案|热线|12345|工单|来电|信访|咨询|留言|征询/;
/** A parenthesis naming what a count leaves out (（不含咨询）, (不包括来信)). */
const LEFT_OUT = /[（(](?:不含|不包括|不包含)[^（()）]{0,12}[）)]/g;
/** Businesses whose cases a body also takes in (letters and visits, complaints): a bare 共受理N件 after them counts theirs. */
const OTHER_BUSINESS = new RegExp(`${NOT_REQUEST.source}|来信|来访|投诉|举报`);
const OTHER_SCOPE = /各县区|县区政府|各区县|各县\(市、区\)|各县市区|下属|所属|各乡镇|各街道|各镇街|各市州|各地市|各地区|各行署|各市(?!民|场)|各县(?!区)|(?<!含|包括)(?:县直|市直|区直|旗直)(?:各)?(?:部门|单位)|等[\d一二三四五六七八九十]+个(?:部门|单位)|政府各部门|各级行政机关|各级机关/;
/** 收到申请13件(其中2件为上年结转), 124宗(含2021年度结转5宗): the figure holds the carried-in ones, so it is not the new requests. */
// (carried in, within its own item: not 其中10件已答复，2件结转至下年, what is carried out)
/** Requests that go on into the next year (结转下年度, 在办, 未办结): beside them, a figure of both acts is not the handled. */
const CARRIED_ON = /结转(至|到|入)?(下一?年|次年|明年)|下一?年度?继续办理|转入下一?年|在办|未办结|正在办理|尚在办理|仍在办理/;
const INCLUDES_CARRIED = /^\s*[,，(（]?\s*(其中|含|包括|包含)[^。;；)）,，]{0,14}?结转(?!至|到|下|入下|入次|入明)/;
/** A sentence naming a reply of one manner or a late one (11件按时答复，1件逾期答复): its figures of replies are parts, read by the older rules' guards. */
const PART_REPLY = new RegExp(`${PART_MANNER}|${LATE}|按时|按期`);
/**
 * A figure opening the clause of the act right after it (23件已办结, 其中23件申请均已): the act's count. Not a figure of an act
 * of its own before it, a space its only break from the next (PDF text: …申请25件 共办结：23件 — 25 the received); after another
 * figure's unit and a space, it does open one (…申请25件 23件已办结：).
 */
const FIGURE_BEFORE_ACT = /(?:^|[,，;；:：、。]|[件宗条个]\s)\s*(?:其中|另有|共有|有|共|计|全年|本年度?|今年|以上|上述)?\s*[\d〇零一二两三四五六七八九十]+\s*(?:件|宗|个|条)(?:申请)?(?:已经|已|均|全部|都)*\s*$/;
/** Nothing before a match in its clause (其中答复1件 is a part, an outcome's label). */
const CLAUSE_OPENING = /^\s*$/;
/** The comma clause before a match: rejections look here, not across the whole sentence. */
function clauseBefore(s: string, at: number): string {
  let i = at;
  while (i > 0 && at - i < 40 && !isClauseEnd(s.charCodeAt(i - 1))) i--;
  return s.slice(i, at);
}

function sentenceBefore(s: string, at: number): string {
  let i = at;
  while (i > 0 && at - i < 120 && !isSentenceEnd(s.charCodeAt(i - 1))) i--;
  return s.slice(i, at);
}
/** The sentence before names another business and no request (咨询电话…当面申请 names requests too). */
const otherBusinessBefore = (previous: string, business: RegExp) => business.test(previous) && !/申请/.test(previous);
/** The sentence before the one holding `at` ('' when that one opens the text). */
function previousSentence(s: string, at: number): string {
  let end = at - sentenceBefore(s, at).length - 1;
  // a paragraph's break after its full stop (。\n) ends one sentence, not two
  while (end > 0 && isSentenceEnd(s.charCodeAt(end - 1))) end--;
  return end > 0 ? sentenceBefore(s, end) : '';
}
/** A sentence opening with 其中: a breakdown of the figure before it. */
const BREAKDOWN_OPENING = /^\s*其中/;
/** 。；; and the line break. */
const isSentenceEnd = (c: number) => c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0x0a;
/** The sentence's ends and ,，:： */
const isClauseEnd = (c: number) => isSentenceEnd(c) || c === 0x2c || c === 0xff0c || c === 0x3a || c === 0xff1a;
function sentenceAfter(s: string, at: number): string {
  let i = at;
  while (i < s.length && i - at < 120 && !isSentenceEnd(s.charCodeAt(i))) i++;
  return s.slice(at, i);
}
/** The period holding [from, to): from the last 。 or line break before it to the next (at most 240 characters each side). */
function periodAround(s: string, from: number, to: number): string {
  const isPeriodEnd = (c: number) => c === 0x3002 || c === 0x0a;
  let i = from;
  while (i > 0 && from - i < 240 && !isPeriodEnd(s.charCodeAt(i - 1))) i--;
  let j = to;
  while (j < s.length && j - to < 240 && !isPeriodEnd(s.charCodeAt(j))) j++;
  return s.slice(i, j);
}
/** The period before `at`: from the last 。 or line break (at most 240 characters). */
function periodBefore(s: string, at: number): string {
  let i = at;
  while (i > 0 && at - i < 240 && s.charCodeAt(i - 1) !== 0x3002 && s.charCodeAt(i - 1) !== 0x0a) i--;
  return s.slice(i, at);
}
/** 平均每月, 月均: a rate, not a count of the year. */
const AVERAGE = /平均|月均|日均|每月|每周|每天|每日/;
/** 较上年增加, 同比减少: the figure after it is a change. */
const CHANGE_BEFORE = /(?:增加|增长|减少|下降)了?\s*$/;
/** A year printed as a time (2022年, 2022年度) in a clause, none of them the report's year (nor a date's year of its end). */
const YEAR_AS_TIME = /(?<!\d)(\d{4})年(?!\d{1,2}月\d{1,2}日(?:起|施行|实施|印发|发布))/g;
function namesOtherYear(text: string, years: readonly number[]): boolean {
  if (!text.includes('年')) return false;
  let named = false;
  YEAR_AS_TIME.lastIndex = 0;
  for (let m = YEAR_AS_TIME.exec(text); m; m = YEAR_AS_TIME.exec(text)) {
    if (years.includes(Number(m[1]))) return false;
    named = true;
  }
  return named;
}
const OTHER_CASES = /留言|咨询|信访|来信|来电|热线|工单|投诉|建议|提案/;
/** The requests' handled figure and their outcomes: what other cases are handled or given never counts. */
const HANDLED_OR_OUTCOME = /^r\.(?:handled|granted|partial|denied|unable)\./;
/**
 * Other cases as what the sentence's outcomes belong to: their intake (接到群众咨询, 办理来信) or a count of them (咨询12件),
 * not a body consulted (经咨询相关部门, 征求信访部门意见), an adverbial (根据法律顾问建议, 按照来信要求, 对照信访条例要求:
 * 对照/对比/对标 are verbs of comparing, not 对 "to"), a topic (涉及…信访处理) nor where requests were passed on to
 * (其中转信访部门处理3件，同意公开9件: the requests').
 */
const OTHER_CASES_COUNTED = new RegExp(`(?:接到|接听|接待|收到|受理|办理|处理|对(?![照比标]))[^,，。;；:：\\d]{0,6}(?:${OTHER_CASES.source})|(?<![转交至到])(?:${OTHER_CASES.source})[^,，。;；:：\\d]{0,6}?(?:\\d+|[〇零一二两三四五六七八九十百千]+)\\s*(?:件|条|次|个|宗|封|人次)`);
/** Services, not disclosure: 受理审批事项117件,办结171件; 窗口受理办件…; 受理行政许可申请1200件; 群众诉求. */
const SERVICE_CASES = new RegExp(`${SERVICE_WORDS}|政务服务`);
/** The documents or information a body made, broken down after 其中 by how each is disclosed: the parts' 依申请公开 and 不予公开 are no requests nor their outcomes. */
const DOCUMENTS_BY_ATTRIBUTE = /(?:制发|制作|印发|产生|生成|形成)(?:了)?[^。；;]{0,10}?(?:文件|信息|公文)[^。；;,，\d]{0,4}?\d+\s*(?:件|条|份)[,，]?\s*其中/;
/** What a request for disclosure is called, beside a service's 申请. */
const DISCLOSURE_REQUEST = /公开申请|申请公开|依申请|信息公开/;
/** After a statement of none: what it is none of when not the requests (…引起的行政复议; 没有被申请行政复议: the review's; 未发生依申请公开收费, …答复超期, …被投诉). */
const CAUSED_BY = /^.{0,2}(提起|引起|引发|产生|导致)|^(公开)?被|^(行政)?(复议|诉讼)|^(公开)?(的)?(办理|处理|答复)?(收费|费用|超期|逾期|不及时|投诉|举报|复议|诉讼|纠错|不当|错误|差错)/;
/** A zero statement about reviews or suits that is about error corrections, or about cases of one narrower cause than disclosure (无因不及时公开信息而引发行政复议): not the total. */
const NARROWER_CAUSE = /纠错|纠正|因(?!(?:政府|政务)?信息公开)[^,，。;；因]{1,16}?而(?:引发|引起|导致|产生|提起)/;
/** The adverbs of a granting label, longest first (答复同意公开 before 答复公开). */
const GRANTED_BY = [...GRANTING].sort((a, b) => b.length - a.length).join('|');
/** The words of the outcomes of requests: 公开 and 提供 are one act (予以提供, 部分提供, 不予提供). */
const DISCLOSE = '(公开|提供)';
/** A sentence that states outcomes of requests (从办理结果看, 已答复的申请中): its bare 公开N件 is the granted ones. */
// or one that names the other outcomes beside it (公开8件，部分公开2件，不予公开2件): a list of outcomes is about requests
const OUTCOMES = /申请|请求|答复|办理结果|处理结果|办结|(?:部分|区分处理后?)(?:公开|提供)[^。\n]*不予(?:公开|提供)|不予(?:公开|提供)[^。\n]*(?:部分|区分处理后?)(?:公开|提供)/;
/** The information as the applicant asked for it (提供所需信息, 已提供所申请信息): what was disclosed, in full. */
const ASKED_FOR = '(所需|所需的|所申请|所申请的|申请的|申请人所需的?|相关)?';
/** Adverbs before a granting act that do not change it (15件已经公开 is 15件公开; 依法, 按要求, 均): one of them, and any run of them. */
const GRANT_ADVERB = '已经|已|依法|依规|均|全部|都|一律|及时|按要求|按规定|按申请人(的)?要求';
const GRANT_ADVERBS = `(${GRANT_ADVERB})*`;
/**
 * A result that says a request got the information it asked for, written once for both orders (15件获准公开, 其中获准公开的15件):
 * a result of granting (获准/得到/获得/已予/批准, then 公开 or 提供: a granting label's adverb, 予以公开, is GRANTED_BY's rules'), the
 * information given to the applicant, the applicant's request met, or the applicant having got the information. With no 部分 nor
 * negation (the rules reject those). (${SP} after a word ends the words a match opens with: see anchors.ts.)
 */
const GRANT_RESULT = `((获准|得到|获得|已予|(被)?批准)?${DISCLOSE}(了)?(${ASKED_FOR}(政府)?信息)?(给申请人)?|将${SP}${ASKED_FOR}(政府)?信息提供给申请人|满足${SP}(了)?(申请人|申请者)?(的)?(要求|需求|需要|诉求)|申请人${SP}(获得|获取|得到)(了)?${ASKED_FOR}(政府)?信息)`;
/** What a granted outcome is not: in part, refused, unable or withdrawn. */
const NOT_GRANTED = /部分|区分处理|不予|不同意|未|无法|没有|拒绝|撤回/;
/** Review and litigation as reports name them: 复议 alone, and 起诉 for a suit (not the 2019 table's 未经复议直接起诉). */
const REVIEW = '(行政)?复议';
const SUIT = '(行政诉讼|诉讼案件|诉讼|(?<!直接|复议后)起诉)';
/** A negation, not 未经 nor 尚未 (the 2019 table's headers 尚未审结 | 总计 | 未经复议直接起诉: columns, not a statement of none). */
const NONE = '(没有|(?<!尚)未(?!经)|无|(?<!信息)不存在)';
/** A statement of none said on a condition (如未收到申请，则…): no statement of the year. */
const CONDITIONAL = /(?:如果|如|若|倘若|假如|一旦|凡)(?:本年度|全年|当年)?(?:没有|未|无)/;
/** None of all but some (未收取除复印费以外的费用, 除…外未发生行政诉讼): a partial statement, not the whole's none. */
const EXCEPT = /除[^。；;，,]{0,20}?(?:以外|之外|外)/;
/**
 * None of one kind of request only (未收到涉及不动产登记的信息公开申请): a qualifier between the
 * negation and the noun that names anything but disclosure itself (有关政府信息公开的申请 is the whole).
 */
const NARROW_QUALIFIER = /(?:涉及|关于|有关|针对)([^。；;，,的]{1,16})的/;
const narrowQualifier = (t: string) => {
  const m = NARROW_QUALIFIER.exec(t);
  return m !== null && !m[1].includes('公开');
};
/** 未发生一起行政复议, 没有收到一件申请: 一 after a negation is "not a single", never the figure 1. */
const NOT_A_SINGLE = /(?:没有|(?<!尚)未|无|从未|未曾)(?:发生|出现|有|收到|接到|受理|被)?(?:过)?(?:任何)?$/;
/** A statement of none is read inside one cell of a table's row, never across cells. */
const ZERO_REJECT = new RegExp(`${NARROWER_CAUSE.source}|\\|`);
/** Figures near 行政复议 that are not the year's reviews: suits, corrections, reviews carried from last year, the body as the reviewing organ, its documents and hearings. */
// (a suit's figured item before it in a list, 行政诉讼1件、行政复议2件, is its own item: not a suit's clause)
const REVIEW_NOT_COUNTED = /诉讼(?![^\S\n]*\d+[^\S\n]*(?:件|宗|起)、)|纠错|纠正|结转|作为(行政)?复议机关|(?<!被)复议机关(?:共|全年)?(?:受理|办理|审理|收到)|以[^。；;,，\n]{1,10}名义|决定书|意见书|通知书|听证/;
/** The body as the reviewing organ, or the review office receiving cases (县司法局共受理行政复议申请45件), anywhere in the sentence before: reviews it decided, not reviews of its disclosure. */
const REVIEWING_ORGAN = /作为(?:行政)?复议(?:机关|机构)|(?<!被[^。；;,，\n]{0,4})(?:司法|法制|复议)(?:局|厅|办|办公室|委员会)[^。；;\n被]{0,12}?(?:受理|办理|审理|收到|接收|接到)/;
/** 其中涉及政府信息公开的2件: after all the reviews, the part about disclosure. */
const DISCLOSURE_PART = '[,，(（]?其中(涉及|关于|有关|因|属于|针对)?(政府|政务)?(信息公开|依申请公开)(工作|事项|方面|类)?(的)?';
/** A disclosure part of reviews or suits, with or without 其中 (涉及政府信息公开的仅2件, 其中政府信息公开类1件, 其中因政府信息公开引起的1件). */
const DISCLOSURE_PART_OF = '(其中(涉及|关于|有关|因|属于|针对)?|(涉及|关于|有关|因|属于|针对))(政府|政务)?(信息公开|依申请公开)(工作|事项|方面|类)?(引起|引发|产生)?(的)?(仅|只有|共)?';
/** Later in the sentence than a count of reviews or suits, a part of them about disclosure with its figure: the count is the whole caseload. */
const DISCLOSURE_PART_LATER = /(?:涉及|关于|有关|因|属于|针对|其中)(?:政府|政务)?(?:信息公开|依申请公开)[^。；;\n]{0,14}?[\d〇零一二两三四五六七八九十]/;
/** After the reviews' figure: the disclosure part of them. */
const REVIEW_FIGURE_NOT_TOTAL = new RegExp(`^${DISCLOSURE_PART}`);
/** The body's suits defended beside the reviews (办理行政复议案件12件、行政应诉案件8件): the legal office's caseload, unless the reviews' own clause says they are of disclosure (因政府信息公开被申请行政复议1件，行政应诉案件1件). */
const SUITS_DEFENDED_AFTER = /^[^。；;\n]{0,16}应诉/;
const REVIEW_OF_DISCLOSURE = /信息公开|依申请公开/;
/** Characters of one item of a list: a clause's, without the enumeration comma (行政复议、1件行政诉讼 gives 1 to the suit). */
const KL = '[^。；;,，:：、\\n]';
/** The first character of a figure. */
const FIGURE_START = '[\\d〇零一二两三四五六七八九十]';
/** A state or fate of requests between a negation and them (无结转…的申请, 没有未办结的申请, 无逾期未答复的申请): none of those is not none received. */
const REQUEST_STATE = '结转|跨年|办结|答复|撤回|逾期|超期|延期|转入|转至|补正|延长|驳回|不予|尚在|正在|仍在|予以公开|部分公开';
/** What a none of carried-over items is of, after it: the reviews or suits (无结转至下年度的行政复议案件), not requests. */
const NOT_REQUESTS_AFTER = /^[^。；;,，\n]{0,12}?(?:复议|诉讼)/;
/** Cases of other kinds than requests (信访事项均已办结，无结转; 无结转下年度的咨询件): a none carried over of those is no none of requests. */
const NOT_REQUEST_CASES = new RegExp(`${NOT_REQUEST.source}|复议|来信|投诉`);
/** A character between a negation and the cases that starts no state of them (无结转至下年度的行政复议案件, 没有尚未审结的…: none of those is not none at all). */
const CASES_NOT_IN_STATE = `(?:(?!结转|审结|未结|转入)${K})`;
/** The next item of a list is another outcome (依申请公开10件，部分公开3件): the item before it is one too, not the requests (其中… opens a part, not a sibling). */
const OUTCOME_SIBLING = /^[,，、;；][^\S\n]*(?!其中)[^,，、;；。\d\n]{0,6}?(?:部分|区分处理后?|不予|不同意)(?:公开|提供)/;
/** The acts of receiving requests: a figure after one counts them, whatever item follows. */
const RECEIVED = /受理|收到|接到|接收|收悉|新收/;
/** 剩余2件, 其余的1件, 尚有3件 … 将于: the requests still open, before when they will be replied. */
// (or the figure opening its clause: ，2件申请将于2016年1月答复)
const REST_OPEN = ['(剩余|剩下|其余|余下|尚有|仍有|还有|另有)(的)?', '[,，;；]'].map((open) => `${open}{N}(申请)?{K}{0,4}?(将|拟)?(于|在)`);
/** … 答复, 办结, 办理完毕: the act that ends them, in the next year. */
const TO_BE_REPLIED = '{K}{0,8}?(答复|办结|办理|处理)';
const T19: Template[] = ['table2019'];
const T21: Template[] = ['table2021'];
const VERB_MADE = '(制发|制定|发布|印发|出台|出台了|制定了|发布了)(并(主动)?公开)?';

const RULES: Rule[] = [
  // proactive disclosure

  // narrative counterparts of the statutory table rows
  { metric: 'p.rules.issued', templates: T21, re: rx(`${VERB_MADE}{K}{0,14}?(政府)?规章{N}`), reject: /个$/ },
  // 废止政府规章1份,现行有效政府规章8份: the word right before the figure (never across to 规范性文件)
  { metric: 'p.rules.repealed', templates: T21, re: rx(`(废止(了)?(的)?(政府)?规章|规章{K}{0,6}?废止(了)?){N}`), reject: /规范性文件/ },
  { metric: 'p.rules.in_force', templates: T21, re: rx(`(现行有效(的)?(政府)?规章|规章{K}{0,6}?现行有效(的)?){N}`), reject: /规范性文件|以来/ },
  { metric: 'p.normative.issued', templates: T21, re: rx(`${VERB_MADE}{K}{0,14}?(行政)?规范性文件{N}`), rejectAfter: /^[,，、]?(部门)?规范性文件/, reject: /个$/ },
  { metric: 'p.normative.issued', templates: T21, re: rx(`${VERB_MADE}{N}(政府|部门)?(行政)?规范性文件`) },
  { metric: 'p.normative.repealed', templates: T21, re: rx(`规范性文件{C}{0,12}?废止(了)?{K}{0,10}?{N}`), reject: /个$/ },
  { metric: 'p.normative.in_force', templates: T21, re: rx(`规范性文件{C}{0,30}?现行有效{K}{0,10}?{N}`), reject: /以来/ },
  { metric: 'p.normative.new_published', templates: T19, re: rx(`发布(了)?{K}{0,14}?(行政)?规范性文件{N}`), rejectAfter: /^[,，、]?(部门)?规范性文件/, reject: /个$/ },
  { metric: 'p.normative.new_made', templates: T19, re: rx(`(制发|制定|印发|出台)(了)?{K}{0,14}?(行政)?规范性文件{N}`), rejectAfter: /^[,，、]?(部门)?规范性文件/, reject: /个$/ },
  { metric: 'p.normative.new_made', templates: T19, needs: /规范性文件/, re: rx(`(制发|制定|印发|出台)(了)?{N}(政府|部门)?(行政)?规范性文件`) },
  { metric: 'p.license.decisions', templates: T21, re: rx(`行政许可(决定)?{N}`) },
  { metric: 'p.penalty.decisions', templates: T21, re: rx(`行政处罚(决定)?{N}`) },
  { metric: 'p.coercion.decisions', templates: T21, re: rx(`行政强制(决定)?{N}`) },

  // requests
  { metric: 'r.carried_in.total', re: rx(`(上年|上一年|上年度|上一年度)(度)?{K}{0,4}?结转{K}{0,14}?{N}`), reject: NOT_REQUEST },
  { metric: 'r.carried_in.total', re: rx(`结转上(一)?年度?{K}{0,10}?{N}`), reject: NOT_REQUEST },
  { metric: 'r.carried_in.total', re: rx(`接办上(一)?年(度)?{N}`) },
  { metric: 'r.carried_in.total', re: rx(`含\\d{4}年度?结转{N}`) },
  { metric: 'r.carried_in.total', re: rx(`\\d{4}年结转至\\d{4}年{N}`) },
  // 2020年结转312件 / 2021年结转政府信息公开申请2件 in the next year's report
  { metric: 'r.carried_in.total', yearOffset: -1, re: rx(`\\d{4}年度?结转(?![至到下])(政府信息公开|依申请公开)?(申请)?{N}`), reject: NOT_REQUEST },
  { metric: 'r.carried_out.total', re: rx(`(结转|转入|转|延期)(至|到)?(下|下一)年度?{K}{0,10}?{L}{N}`), reject: NOT_REQUEST },
  { metric: 'r.carried_out.total', needs: /转/, re: rx(`{N}(申请)?(结转|转入|转)(至|到)?(下|下一|\\d{4})年度?`), reject: NOT_REQUEST },
  // 结转2023年度继续办理2件, 结转至2022年19件 in the report on the year before
  { metric: 'r.carried_out.total', yearOffset: 1, re: rx(`结转(至|到)?\\d{4}年度?{K}{0,8}?{N}`), reject: NOT_REQUEST },
  { metric: 'r.new.total', re: rx(`(受理|收到|接到|接收|接受|收悉|新收)(了)?{K}{0,22}?(申请|请求)(事项)?{K}{0,8}?(共|共计|总数|数量为|数量)?{L}{N}`), reject: /行政复议|诉讼|建议|提案|热线|12345|工单|来电|信访|咨询|留言|结转|各[类项种]申请/, rejectAfter: new RegExp(`${INCLUDES_CARRIED.source}|^[,，]?其中(政府)?(信息公开|依申请公开)`) },
  // 收到申请10件,其中政府信息公开申请6件: the requests for disclosure among all requests
  { metric: 'r.new.total', re: rx(`其中(政府)?(信息公开|依申请公开)(的)?(申请|请求){K}{0,4}?{N}`), sentence: /受理|收到|接到|接收/ },
  { metric: 'r.new.total', re: rx(`(受理|收到|接到|接收)(了)?{K}{0,6}?{N}(的)?(政府信息公开|依申请公开|信息公开)?(的)?(申请|请求|信息)`), reject: NOT_REQUEST },
  { metric: 'r.new.total', re: /共受理(?<num>\d+)申请/g },
  { metric: 'r.new.total', re: /(收到|受理)(政府)?信息公开申请(?<num>\d+)(?=[,，。])/g },
  { metric: 'r.new.total', re: rx(`(^|[,，。)])(政府)?信息公开申请{N}[,，]申请内容`) },
  { metric: 'r.new.total', re: rx(`(共|全年共?)受理{N}`), reject: NOT_REQUEST, rejectPrevious: OTHER_BUSINESS },
  // 我苏木依申请公开政府信息共4件: requests counted in 件 (依申请公开371条 counts items disclosed, 办理…13件 those handled)
  // 依申请公开：15件, 依申请公开的数量为15件: the requests as the subject, linked to the figure by a colon or 为
  { metric: 'r.new.total', re: rx(`依申请公开(政府信息)?(的)?(申请)?(数量|总数|件数|数)?(共|共计|合计|总计)?(为|是|达)?[:：]?[^\\S\n]*(?<num>(?<![\\d.])\\d[\\d,]{0,15}|[〇零一二两三四五六七八九十百千]{1,12})件`), reject: /办理|处理|办结|答复|行政复议|诉讼|结转/, rejectItem: /主动公开/, rejectAfter: INCLUDES_CARRIED, outcomeItem: true },
  // 共答复办结申请303宗,结转下年继续办理1宗: the carried-out ones beside it; 办结…1422件,其中结转下年度…114件: among them, so no count of the handled
  { metric: 'r.handled.total', re: rx(`${ENDED}(了)?{K}{0,18}?(申请)(?!人){K}{0,6}?{G}{N}`), reject: /行政复议|诉讼|建议|提案|热线|12345|工单|来电|信访|咨询|留言|征询|结转|受理|同比|下一?年|尚未|未$|待$/, rejectAfter: /^[,，(（](其中|含).{0,3}结转/ },
  { metric: 'r.handled.total', re: rx(`(办理|处理)(完毕|完成)?(了)?{K}{0,18}?(申请)(?!人){K}{0,6}?{N}`), reject: /行政复议|诉讼|建议|提案|热线|12345|工单|来电|信访|咨询|留言|征询|结转|受理|同比|尚未|未$|待$/, rejectAfter: /^[,，(（]?(其中)?.{0,3}结转|^.{0,40}结转下|^[,，(（]?(其中|含|包括)[^。；;]{0,20}?结转/ },
  { metric: 'r.handled.total', re: rx(`本年(度)?(办结|答复){L}{N}`) },
  // 已答复23件, 已回复23件, 已结案23件, 处置完毕23件: a reply (回复 and 办复 are 答复) or an end of handling with its figure; 办理/处理 only done (已办理23件)
  { metric: 'r.handled.total', re: rx(`(按时|已|按期|共|均已|当年|全部)(${REPLY}|${FINISHED}){G}{L}{N}`), reject: NOT_REQUEST },
  { metric: 'r.handled.total', re: rx(`已(经)?(办理|处理){L}{N}`), reject: NOT_REQUEST, sentence: /申请|请求|答复|办结/, period: true },
  { metric: 'r.handled.total', re: rx(`[,，](${REPLY}|${FINISHED}){L}{N}`), reject: NOT_REQUEST },
  // the same opening its sentence, in a sentence about requests or their outcomes (回复23件，其中同意公开15件…)
  { metric: 'r.handled.total', re: rx(`${ENDED}{G}{L}{N}`), opensClause: true, reject: NOT_REQUEST, sentence: /申请|请求|公开|提供/, notBefore: PART_REPLY },
  // 23件申请已全部回复, ，23件已办结: the figure before its end
  { metric: 'r.handled.total', re: rx(`{N}(申请)?(已)?(全部|均)?(按时|按期|依法)?${ENDED}(?=\\s*(?:[,，。;；:：]|$))`), opensClause: true, reject: NOT_REQUEST, sentence: /申请|请求|公开|提供/, notSentence: PART_REPLY },
  // 受理的25件申请均已办结: the received named by their figure, every one of them ended (均, 全部): the figure the handled's too
  { metric: 'r.handled.total', re: rx(`(所|已)?(受理|收到|接收)的{N}(政府信息公开|依申请公开|信息公开)?(申请)?(均|全部|都)(已经|已)?(按时|按期|依法)?${ENDED}(?=\\s*(?:[,，。;；:：]|$))`), opensClause: true, reject: NOT_REQUEST, notSentence: CARRIED_ON },
  // 在已回复的23件申请中, 在已处理的23件申请中: the handled named as the frame of the outcomes after it
  { metric: 'r.handled.total', re: rx(`在(已经?)?(${ENDED}|${HANDLING})(了)?的{N}(申请)?(中|当中|之中)`), reject: NOT_REQUEST },
  // 处理23件，其中同意公开15件…; 同意公开15件，…，共办理23件: handling with its figure, where the sentence lists the outcomes
  { metric: 'r.handled.total', re: rx(`(全年)?(共|共计|已经|已|均已|全部)?${HANDLING}{L}{N}`), opensClause: true, reject: NOT_REQUEST, sentence: OUTCOME_LISTED, notBefore: PART_REPLY, period: true },
  { metric: 'r.handled.total', re: rx(`{N}(申请)?(已)?(全部|均)?${HANDLING}(?=\\s*(?:[,，。;；]|$))`), opensClause: true, reject: NOT_REQUEST, sentence: OUTCOME_LISTED, notSentence: PART_REPLY, period: true },
  // 受理依申请公开政府信息0件,回复处理0件
  { metric: 'r.handled.total', re: rx(`[,，](回复|答复)处理{N}`), reject: NOT_REQUEST, sentence: DISCLOSURE_REQUEST },
  // 共受理并办结政府信息公开申请15件, 收到和办理依申请公开12件, 受理、办结申请15件: one figure, both acts (the received by the rules above)
  // (、 only before an end, 办结/答复: 《依申请公开受理、办理程序》等10多项规章 names a procedure)
  // (not when some go on to the next year, in its sentence or just after: 受理并办理15件。其中，结转下年度继续办理2件)
  { metric: 'r.handled.total', re: rx(`(受理|收到|接收)(并|且|和|及|、(?=${ENDED}))(已)?(全部|均)?(${ENDED}|办理)(完毕)?(了)?{K}{0,22}?{N}`), reject: NOT_REQUEST, sentence: new RegExp(`申请|请求|${OUTCOME_LISTED.source}`), notSentence: CARRIED_ON, rejectAfter: CARRIED_ON },
  { metric: 'r.carried_out.total', needs: /在办理|尚未办结/, re: rx(`[,，]{N}(正在办理|仍在办理|尚在办理|尚未办结)`), reject: NOT_REQUEST },
  // 尚有N件在办理中, 仍有N件正在办理: still open at the year's end, in a sentence about requests or the next year
  // 剩余2件将于2016年答复 (in the report on 2015), 其余1件将在下一年度办结: open at the year's end, to be replied next year
  ...REST_OPEN.flatMap((open): Rule[] => [
    { metric: 'r.carried_out.total', yearOffset: 1, re: rx(`${open}(\\d{4})年度?${TO_BE_REPLIED}`), reject: NOT_REQUEST, sentence: /申请|请求|答复|办结/ },
    { metric: 'r.carried_out.total', re: rx(`${open}(次年|下一?年度?|明年|来年)${TO_BE_REPLIED}`), reject: NOT_REQUEST, sentence: /申请|请求|答复|办结/ },
  ]),
  // 已办结43件，在办2件: the item after the handled, still being handled
  { metric: 'r.carried_out.total', needs: /在办|未办结/, re: rx(`[,，、](在办|在办理|正在办理|尚在办理|仍在办理|未办结|尚未办结)(中)?(的)?(申请)?{L}{N}`), reject: NOT_REQUEST, sentence: /申请|请求/ },
  { metric: 'r.carried_out.total', needs: /在办理|在处理|尚未办结|未办结|期内|期限内|时限内|期中|处于/, re: rx(`(尚有|仍有|还有|另有){N}(申请)?((正在|仍在|尚在|还在|在)?(办理|处理)(中|过程中)|(尚未|未)办结|(尚|仍)?(在|处于)(法定)?(答复|办理)(期|期限|时限)(内|中)|处于(办理|答复)(阶段|过程))`), reject: NOT_REQUEST, sentence: /申请|请求|下一?年|结转/ },
  // (区分处理后予以公开: disclosed in part, the 2019 form's words for it)
  { metric: 'r.granted.total', re: rx(`(${GRANTED_BY})${DISCLOSE}{K}{0,3}?{G}{L}{N}`), notSentence: /主动公开/, reject: /区分处理/ },
  // the first outcome of a list (从办理结果看,公开5件,部分公开2件; 已答复的申请中,提供信息3件): bare 公开/提供 at the clause's start
  { metric: 'r.granted.total', re: rx(`(?<=[,，:：、
]|其中)${DISCLOSE}(了)?${ASKED_FOR}(政府)?(信息)?(的)?(的申请)?(有)?{G}{N}`), sentence: OUTCOMES, notSentence: /主动公开|行政复议|诉讼/ },
  // 受理申请15件，公开答复10件: the reply an outcome gave, in a sentence that names the requests (not proposals answered in public)
  { metric: 'r.granted.total', re: rx(`(?<=[,，:：、
])${DISCLOSE}答复{N}`), sentence: /申请|请求/, notSentence: /主动公开|行政复议|诉讼|建议|提案/ },
  // in a list of outcomes, the item whose act is disclosing, neither partly nor refused, is the granted
  // one, whatever adverb says how (依法公开10件, 准予公开, 给予公开, 答复公开, 已提供政府信息10件), or none (…15件。公开10件，占66.7%；部分公开3件)
  { metric: 'r.granted.total', needs: /部分公开|部分提供|区分处理|不予公开|不予提供|不同意公开/, re: rx(`(?<=^|[,，:：、;；。\n])[^,，:：、;；。\n\\d“”"（(]{0,8}?${DISCLOSE}(了)?(答复)?${ASKED_FOR}(政府)?(信息)?(范围)?(的)?(的申请)?(有)?{N}`), sentence: /部分(?:公开|提供)|区分处理|不予(?:公开|提供)|不同意公开/, notSentence: /主动公开|行政复议|诉讼/, period: true, reject: /部分|区分处理|不|未|无法|主动|依申请|非|否|拒绝|撤回|咨询|网|栏|微信|微博|媒体|渠道|方式|形式|平台/, rejectAfter: /^\s*(?:中|当中|之中)/ },
  // 受理申请15件，其中依申请公开10件，部分公开3件: an item of a list of outcomes, its next item another outcome (disclosed on request)
  { metric: 'r.granted.total', needs: /依申请公开/, re: rx(`(?<=[,，:：、;；\n]|其中)依申请公开(了)?(政府信息)?(的)?{N}(?=${OUTCOME_SIBLING.source.slice(1)})`), notSentence: /主动公开|行政复议|诉讼/ },
  // 满足申请人要求的10件: given what was asked for, in a sentence about requests (not 部分满足, 未满足)
  { metric: 'r.granted.total', needs: /满足/, re: rx(`(?<=[,，:：、;；\n]|其中)(全部|完全|均)?满足(了)?(申请人|申请者)?(的)?(要求|需求|需要|诉求)(的)?(申请)?(有|为)?{N}`), sentence: /申请|请求/, notSentence: /主动公开|行政复议|诉讼/, reject: /部分|未|不|无法|基本/ },
  // (not granted and partial together, 予以公开及部分公开, 全部或部分公开18件: the figure is neither's, as 含部分公开)
  { metric: 'r.partial.total', re: rx(`部分(同意)?${DISCLOSE}{K}{0,3}?{G}{L}{N}`), reject: /予以公开及|(?:公开|提供|全部)(?:或者?|及|和|与)$/ },
  // 区分处理后公开1件 (the 2019 form's 部分公开（区分处理的）in a sentence): disclosed in part
  { metric: 'r.partial.total', re: rx(`区分处理(后|的)?(予以|同意)?${DISCLOSE}(的)?[”"]?{K}{0,3}?{L}{N}`), notSentence: /主动公开/ },
  // 共有9件申请予以公开,3件部分公开, 15件决定公开, 15件已向申请人公开: the figure before a granting label, in a sentence about requests
  // (a bare 9件公开 is not read: 议题, 项, proposals, the towns' 9件公开 were read as granted, review24)
  // (the second: with the granting written as a result (15件获准公开, 15件已经公开, 15件满足了申请人的要求, 15件申请人获得了所需信息), its clause ending
  // there (not a bare 15件公开: review24's 议题…25件公开, tests/unit/parse/narrative-in-report.test.ts)
  { metric: 'r.granted.total', re: rx(`{N}(申请)?(已)?(${GRANTED_BY}|向申请人)${DISCLOSE}`), sentence: OUTCOMES, notSentence: /主动公开/ },
  { metric: 'r.granted.total', re: rx(`{N}(的)?(申请)?(被)?(?!${DISCLOSE}(?=\\s*(?:[,，。;；、]|$)))${GRANT_ADVERBS}${GRANT_RESULT}(?=\\s*(?:[,，。;；、]|$))`), sentence: OUTCOMES, notSentence: /主动公开/, reject: NOT_GRANTED },
  // label first, or a relative clause (其中已满足申请人要求15件, 其中获准公开的15件, 申请人获得了所需信息的15件)
  { metric: 'r.granted.total', re: rx(`(其中[,，]?)?${GRANT_ADVERBS}${GRANT_RESULT}(的)?(申请)?(有|为|共)?{L}{N}`), opensClause: true, sentence: OUTCOMES, notSentence: /主动公开|行政复议|诉讼/ },
  // 共收到申请3件,均予以公开; 受理申请1件,…依法予以公开答复: every request (or the one) disclosed, no other outcome named
  // (均 is the last request figure's: 其中4件均予以公开 is no 5; not a qualified part, an exception, a majority, last year's, a reply)
  { metric: 'r.granted.total', re: rx(`(受理|收到|接到|接收)(了)?{K}{0,22}?(申请|请求){K}{0,8}?{N}{S}{0,80}?(均|全部|都)(已)?(依法)?(予以|同意)${DISCLOSE}`), reject: ALL_DISCLOSED_REJECT, rejectAfter: ALL_DISCLOSED_REJECT_AFTER, allOfTheWhole: true },
  // …均已公开, 都已公开, 均已向申请人提供, 均提供了申请人所需的信息, 均已办结并予以公开, 全部满足了申请人的要求, 答复结果均为同意公开:
  // 均 with any adverbial, and the second act of A并B, before a granting act that ends its clause (not 均已提供书面答复, 均已公开答复)
  { metric: 'r.granted.total', re: rx(`(受理|收到|接到|接收)(了)?{K}{0,22}?(申请|请求){K}{0,8}?{N}{S}{0,80}?(均|全部|都|一律)(${GRANT_ADVERB}|(已)?(按时)?办结并|向申请人)*((予以|同意)?${DISCLOSE}(了)?${ASKED_FOR}(政府)?(信息)?|满足(了)?(申请人|申请者)(的)?(要求|需求|需要|诉求))(?=\\s*(?:[,，。;；]|$))`), reject: ALL_DISCLOSED_REJECT, rejectAfter: ALL_DISCLOSED_REJECT_AFTER, allOfTheWhole: true },
  { metric: 'r.granted.total', re: rx(`(受理|收到|接到|接收)(了)?{K}{0,22}?(申请|请求){K}{0,8}?{N}{S}{0,80}?(答复|办理)?结果(均|全部|都)为(同意|予以)?公开(?=\\s*(?:[,，。;；]|$))`), reject: ALL_OR_ONE_REJECT, rejectAfter: ALL_DISCLOSED_REJECT_AFTER, allOfTheWhole: true },
  { metric: 'r.granted.total', re: rx(`(受理|收到|接到|接收)(了)?{K}{0,22}?(申请|请求){K}{0,8}?(共|共计)?(?<![\\d〇零一二两三四五六七八九十百千])(?<num>1|一)(件|宗|个|条)(?![\\d])[,，]{S}{0,80}?(依法)?(予以|同意)${DISCLOSE}`), reject: ALL_OR_ONE_REJECT, rejectAfter: ANOTHER_OUTCOME_AFTER },
  { metric: 'r.partial.total', re: rx(`{N}(申请)?(部分|区分处理后?(予以)?)${DISCLOSE}`), sentence: OUTCOMES, notSentence: /主动公开/ },
  // 依法公开10件，区分处理3件: bare 区分处理 as an item of a list of outcomes is the regulation's disclosure in part (条例第三十七条)
  // (only beside another disclosure outcome with its figure: not among letters, visits or what was passed on, 依法答复17件，区分处理3件)
  { metric: 'r.partial.total', needs: /区分处理/, re: rx(`(?<=[,，:：、;；\n])区分处理(的)?(申请)?(有|为)?{L}{N}`), sentence: DISCLOSURE_ITEM, notSentence: new RegExp(`主动公开|行政复议|诉讼|转办|诉求|${OTHER_BUSINESS.source}`), rejectAfter: /^\s*(?:后|的)/ },
  // 对其中10件申请提供了相关信息: the figure before the act of providing the information asked for, in a sentence about requests
  // (the information itself, its clause ending there: not 提供了相关信息的获取途径, 查询方式, 不存在的说明)
  { metric: 'r.granted.total', needs: /提供/, re: rx(`{N}(申请)?(均|已|依法)*提供(了)?${ASKED_FOR}(政府)?信息(?=\\s*(?:[,，。;；、]|$))`), sentence: OUTCOMES, notSentence: /主动公开|行政复议|诉讼/, reject: /部分|不予|不同意|未|无法|没有|不能/ },
  { metric: 'r.partial.total', needs: /为部分公开/, re: rx(`{N}[,，](均)?为部分公开`) },
  // not in a classification of the items disclosed (主动公开政府信息124条、依申请公开173条、不予公开52条)
  { metric: 'r.denied.total.total', re: rx(`(不予|不同意)${DISCLOSE}(?!信息|政府信息|的信息|类){K}{0,3}?{G}{L}{N}`), reject: /主动公开/ },
  // 答复情况：公开8件，部分公开2件，不公开1件: the refused item of a list of outcomes, its act 不公开
  { metric: 'r.denied.total.total', needs: /不公开/, re: rx(`(?<=[,，:：、;；])不公开{L}{N}`), sentence: OUTCOMES, notSentence: /主动公开|行政复议|诉讼/ },
  { metric: 'r.unable.not_held.total', needs: /本机关不掌握/, re: rx(`{N}[,，]?(申请内容|办理结果|答复结果)?(为|均为|属于)本机关不掌握`) },
  { metric: 'r.unable.not_held.total', re: rx(`(信息不存在|不属于本(机关|单位|部门)|非本(机关|单位|部门)|不掌握){K}{0,12}?{N}`), sum: true, reject: /等原因/ },
  { metric: 'r.unable.need_creation.total', needs: /没有现成|另行制作/, re: rx(`{N}[,，]?(申请内容|办理结果|答复结果)?(为|均为|属于)(没有现成信息|需要另行制作)`) },
  { metric: 'r.unable.need_creation.total', re: rx(`(没有现成信息|需要另行制作){K}{0,8}?{N}`) },
  // one reason's figure, never that of reasons given together (不掌握…或没有现成信息及申请内容不明确无法提供的33件)
  { metric: 'r.unable.unclear.total', re: rx(`(申请内容(仍)?不明确){K}{0,8}?{N}`), reject: /不掌握|不存在|没有现成|另行制作/ },
  { metric: 'r.unable.total.total', re: rx(`无法提供{K}{0,3}?{N}`), reject: /不掌握|不存在/ },
  // the reasons given together (本机关不掌握…或没有现成信息及申请内容不明确无法提供的33件, 因本机关不掌握等原因无法提供265件): the group's total
  { metric: 'r.unable.total.total', re: rx(`(不掌握|不存在){K}{0,30}?((或|及|和|、){K}{0,20}?(没有现成|另行制作|不明确)|等(原因|情形|情况)){K}{0,16}?无法提供(的)?{N}`) },
  { metric: 'r.rejected.confirm_reissue.total', re: rx(`(确认或重新出具已获取信息){K}{0,8}?{N}`) },
  { metric: 'r.rejected.total.total', re: rx(`不予处理{K}{0,3}?{N}`) },
  { metric: 'r.other.total.total', re: rx(`其他处理{K}{0,3}?{N}`) },

  // review and litigation
  // 受理行政复议案件45件，其中涉及政府信息公开的2件: the disclosure part of all the reviews
  { metric: 'rv.total', re: rx(`行政复议{K}{0,12}?${FIGURE_START}[\\d,〇零一二两三四五六七八九十百千]*(件|宗|起)${DISCLOSURE_PART}{K}{0,4}?{N}`), reject: REVIEW_NOT_COUNTED },
  // 行政复议案件56件，受理52件，其中涉及政府信息公开的2件; 行政复议案件56件，涉及政府信息公开的仅2件: the disclosure part wherever it stands
  { metric: 'rv.total', needs: /行政复议/, re: rx(`(?<=[,，(（])${DISCLOSURE_PART_OF}{N}`), sentence: /行政复议/, notSentence: /诉讼|作为(行政)?复议机关/ },
  { metric: 'rv.total', re: rx(`行政复议(申请)?(的)?(案件)?${KL}{0,3}?{L}{N}`), reject: REVIEW_NOT_COUNTED, rejectAfter: REVIEW_FIGURE_NOT_TOTAL },
  // 2件行政复议、1件行政诉讼: a list of figured items (not 1件行政复议和行政诉讼, both together)
  { metric: 'rv.total', needs: /行政复议/, re: rx(`{N}(的)?(被)?(申请|提起)?((因|涉及|有关|关于|针对){K}{0,16}?)?(行政复议)(?!和|及|、(?!${SP}${FIGURE_START}))`), reject: REVIEW_NOT_COUNTED },
  // 收到1份有关政府信息公开行政复议申请
  { metric: 'rv.total', re: rx(`(收到|接到|受理)(了)?{N}(有关|关于|涉及)?{K}{0,12}?行政复议(申请|案件)`), reject: REVIEW_NOT_COUNTED },
  { metric: 'rv.upheld', re: rx(`行政复议{S}{0,50}?{N}(被)?(结果)?维持`), reject: /诉讼(?!0)/ },
  { metric: 'rv.upheld', re: rx(`行政复议{S}{0,40}?维持(原)?(具体行政行为|答复|办理结果|结果|决定)?(的)?{N}`), reject: /诉讼(?!0)/ },
  { metric: 'rv.upheld', needs: /被行政复议/, re: rx(`{N}被行政复议(结果)?维持`) },
  { metric: 'rv.upheld', re: rx(`行政复议{N}[,，]?均(结果)?维持`) },
  { metric: 'rv.corrected', re: rx(`行政复议{S}{0,60}?{N}(被)?(结果)?(被)?纠正`), reject: /诉讼(?!0)/ },
  { metric: 'rv.corrected', re: rx(`行政复议{S}{0,60}?(结果)?(被)?纠正{N}`), reject: /诉讼(?!0)/ },
  { metric: 'rv.other', re: rx(`行政复议{S}{0,70}?{N}其他结果`), reject: /诉讼(?!0)/ },
  { metric: 'rv.pending', re: rx(`行政复议{S}{0,80}?{N}尚未审结`), reject: /诉讼(?!0)/ },
  { metric: 'rv.pending', re: rx(`行政复议{S}{0,80}?尚未审结{N}`), reject: /诉讼(?!0)/ },
  // 作为被告的行政诉讼32件，其中政府信息公开类1件: the disclosure part of all the suits, as for reviews
  { metric: 'lit.total', re: rx(`(行政)?诉讼{K}{0,12}?${FIGURE_START}[\\d,〇零一二两三四五六七八九十百千]*(件|宗|起)${DISCLOSURE_PART}{K}{0,6}?{N}`), reject: /复议|纠错|纠正|法院|名义/ },
  { metric: 'lit.total', needs: /诉讼/, re: rx(`(?<=[,，(（])${DISCLOSURE_PART_OF}{N}`), sentence: /诉讼/, notSentence: /复议/ },
  { metric: 'lit.total', re: rx(`(行政)?诉讼(的)?(案件)?(共)?{K}{0,5}?{L}{N}`), reject: /复议后|纠错|纠正|法院|名义/, rejectAfter: REVIEW_FIGURE_NOT_TOTAL },
  // 行政复议案件数为2: a count noun gives the bare number its unit
  { metric: 'rv.total', re: rx(`行政复议(案)?(件数|宗数)(为|是|[:：])?{NN}`) },
  { metric: 'lit.total', re: rx(`行政诉讼(案)?(件数|宗数)(为|是|[:：])?{NN}`) },
  // 复议2件: review without 行政 (not 未经复议, 复议后 of the 2019 table's suits)
  { metric: 'rv.total', re: rx(`(?<!行政|经)复议(申请)?(案件)?{L}{N}`), reject: REVIEW_NOT_COUNTED },
  // 1件行政诉讼: the figure before the suit, as 2件行政复议 before the review
  { metric: 'lit.total', needs: /行政诉讼|诉讼案件/, re: rx(`{N}(的)?(被)?(提起)?(行政诉讼|诉讼案件)(?!和|及|、)`) },
  // 被起诉的有N件: the body sued
  { metric: 'lit.total', re: rx(`被(提起)?(行政)?起诉(的)?(案件)?{K}{0,4}?{N}`), reject: /复议后|纠错|纠正/ },

  // fees
  // not a rate (收费标准为每页0.5元)
  { metric: 'fee.collected_yuan', re: rx(`(收取|收费|收缴){K}{0,30}?{M}`), reject: /行政事业性收费|标准|每/ },
  // 收取信息处理费2次,共计150元: the sum after the times
  { metric: 'fee.collected_yuan', re: rx(`(收取|收缴)(了)?{K}{0,20}?费(用)?{C}{0,16}?(共计|合计|共){M}`), reject: /行政事业性收费|标准|每/ },

  // statements of zero
  // a statement about requests: 申请 or 请求 after the subject (未发生…信息公开事务的行政复议 is about reviews), or 依申请公开
  { metric: 'r.new.total', zero: true, re: rx(`(未|没有|无)(接到|收到|接收到|接收|受理|发生|出现|有)(过)?{K}{0,40}?((政府信息公开|信息公开)(的)?(申请|请求)|依申请公开)`), reject: /纠错|纠正|因/, rejectAfter: CAUSED_BY },
  // 未收到申请公开事项, 未收到要求公开政府信息的申请, 无依申请办理公开事项, 未收到公民、法人或者其他组织申请公开
  { metric: 'r.new.total', zero: true, re: rx(`((?<![尚仍还])未|没有|无)(接到|收到|接收到|接收|受理|有)?(过)?(?:(?!${REQUEST_STATE}){K}){0,20}?(依申请|申请(?!人)|请求)`), reject: /纠错|纠正|因|复议|诉讼|收费|费用|建议|提案|信访|咨询|留言|正当理由/, rejectAfter: CAUSED_BY },
  // 没有公民、法人或者其他组织向本机关提出政府信息公开申请: none of the applicants the statute names, its scope the whole clause
  { metric: 'r.new.total', zero: true, re: rx(`((?<![尚仍还])未有|没有|无)(任何)?(公民|法人|其他组织|个人|单位|群众|申请人){K}{0,40}?(提出|提交|递交|申请)(的)?{K}{0,12}?(依申请|申请(?!人)|请求)`), reject: /纠错|纠正|因|复议|诉讼|收费|费用|建议|提案|信访|咨询|留言/, rejectAfter: CAUSED_BY },
  { metric: 'r.new.total', zero: true, re: rx(`没有依申请公开`) },
  // 均已办结，无结转下年度的申请; 没有跨年度办理的申请: none left open at the year's end (not 无上年结转, none carried in)
  { metric: 'r.carried_out.total', zero: true, re: rx(`(无|没有)(需要?)?(结转|转入|转)(至|到)?(下|下一|\\d{4})年度?`), reject: /上年|上一年|去年|复议|诉讼/, rejectAfter: NOT_REQUESTS_AFTER },
  { metric: 'r.carried_out.total', zero: true, re: rx(`(无|没有)跨年度?(办理|处理|答复)?(的)?(申请|事项)`), reject: /复议|诉讼/ },
  { metric: 'r.carried_out.total', zero: true, re: rx(`(全部|均已?|已全部|均)(办结|答复|办理完毕){K}{0,8}?[,，](无|没有)结转(?=[。；;,，\n]|$)`), reject: /复议|诉讼/ },
  // 不存在依申请公开的情况, 本年度零申请 (never 信息不存在, the reason a request is refused)
  { metric: 'r.new.total', zero: true, re: rx(`((?<!信息)不存在{K}{0,6}?(依申请公开|信息公开(的)?(申请|请求))(的)?(情况|情形|事项)|(?<![\\d.])零申请(?!人))`), reject: /纠错|纠正|因|复议|诉讼|收费|费用/ },
  // 政府信息公开申请数为零, 依申请公开申请数量为0, 依申请公开政府信息案件为0宗: the count of requests stated as nought
  { metric: 'r.new.total', zero: true, re: rx(`(信息公开(的)?(申请|请求)|依申请(公开)?(政府信息)?(的)?(申请|请求|案件)?)(件数|总数|数量|数)?(为|是)(零|0)(件|宗)?(?![\\d.])`), reject: /复议|诉讼|结转|办结|答复/ },
  // 政府信息公开申请受理情况：全年未收到; 依申请公开方面，全年未发生; 政府信息公开申请，全年为零: the requests as the topic before
  // a clause of only the year and none
  { metric: 'r.new.total', zero: true, re: rx(`(信息公开(的)?(申请|请求)|依申请公开)(受理)?(的)?(情况|方面|工作)?[,，:：]\\s*(全年|本年度?|今年|当年)?\\s*(均|都)?(未收到|未接到|未受理|未发生|没有收到|没有接到|没有发生|为零|为0|无)(?=\\s*(?:[。；;,，\\n]|$))`), reject: /复议|诉讼|收费|费用/ },
  // 不存在因政府信息公开工作被申请行政复议、提起行政诉讼的情况 (not 信息不存在, a reason of 无法提供)
  { metric: 'rv.total', zero: true, re: rx(`${NONE}(发生|出现|有)?${CASES_NOT_IN_STATE}{0,30}?${REVIEW}`), reject: ZERO_REJECT, rejectAfter: /^.{0,8}纠错/ },
  { metric: 'rv.total', zero: true, re: rx(`行政复议{K}{0,10}?(为零|为0|0件)`), reject: /纠错|纠正/ },
  { metric: 'lit.total', zero: true, re: rx(`行政诉讼{K}{0,10}?(为零|为0)`) },
  // 零复议、零诉讼: the count said as a word of none before the case (as 零申请)
  { metric: 'rv.total', zero: true, re: rx(`(?<![\\d.〇零一二两三四五六七八九十百千])零(行政)?复议`) },
  { metric: 'lit.total', zero: true, re: rx(`(?<![\\d.〇零一二两三四五六七八九十百千])零(行政)?诉讼`) },
  { metric: 'lit.total', zero: true, re: rx(`${NONE}(发生|出现|有|被)?${CASES_NOT_IN_STATE}{0,40}?${SUIT}`), reject: ZERO_REJECT, rejectAfter: /^纠错/ },
  { metric: 'p.total', zero: true, re: rx(`(暂未有|没有|未)主动公开(政府)?信息`) },
  { metric: 'fee.collected_yuan', zero: true, re: rx(`(未|没有|不|无)(收取|收)(任何)?{K}{0,20}?费`) },
  { metric: 'fee.collected_yuan', zero: true, re: rx(`没有{K}{0,12}?收费`) },
  // 不涉及收费, 未涉及收费及减免事项: no fee to speak of
  { metric: 'fee.collected_yuan', zero: true, re: rx(`(未|没有|不|无)涉及{K}{0,6}?(收费|费用)`), reject: /行政事业性|信访|咨询|复议|诉讼/ },
  // 依申请提供的政府信息均为免费提供, 依申请公开信息实行免费: what was given on request was given free
  // (not 免费的政务公开手册, 免费发放宣传资料: handouts, not requests)
  { metric: 'fee.collected_yuan', zero: true, needs: /免费/, re: rx(`(依申请|申请人|申请){K}{0,20}?[,，]?{K}{0,6}?(均|全部|一律)?(为|实行|予以|是)?免费(提供|公开|办理|答复|获取)?(?!的)`), reject: /资料|手册|宣传|咨询|服务热线|复议|诉讼|WiFi|wifi|停车/ },
  // 依申请公开未产生任何费用: requests gave rise to no fee
  { metric: 'fee.collected_yuan', zero: true, needs: /费用/, re: rx(`(依申请|申请人|申请){K}{0,20}?(未|没有|无)(产生|发生)(过)?(任何)?{K}{0,6}?费用`), reject: /行政事业性|信访|咨询|复议|诉讼|逾期/ },
  // 向申请人收取费用零元: none said as the sum
  { metric: 'fee.collected_yuan', zero: true, needs: /零元/, re: rx(`(收取|收)(了)?{K}{0,20}?费(用)?(共计|合计|共|为)?零元`), reject: /行政事业性|标准|每/ },
  // 免收任何费用: every fee waived (免收费用15元 names a sum waived, not none collected)
  { metric: 'fee.collected_yuan', zero: true, re: rx(`免(收|收取|除)(任何|一切)(的)?{K}{0,6}?费`) },
  // 没有向申请人收取检索费、复制费、邮寄费等费用: whom between the negation and the act, the fees listed
  { metric: 'fee.collected_yuan', zero: true, re: rx(`(未|没有)(向|对){K}{0,12}?收取{K}{0,30}?费`), reject: /行政事业性|逾期|通知要求|缴纳|信访|咨询|复议|诉讼/ },
  // 本年度没有产生信息公开处理费 (the statute's 信息处理费 since 2021)
  { metric: 'fee.collected_yuan', zero: true, re: rx(`(未|没有|无)(产生|发生|收取)(过)?{K}{0,12}?处理费`), reject: /行政事业性|逾期|通知要求|缴纳/ },
  // 未对公众依申请公开政府信息收取任何费用, 未发生政府信息公开的收费及减免情况, 未发生收费情况
  { metric: 'fee.collected_yuan', zero: true, re: rx(`(未|没有|无|(?<!信息)不存在)(对|发生|产生|有)?{K}{0,24}?(收取(任何)?{K}{0,6}?费用|收费)`), reject: /行政事业性|信访|咨询|复议|诉讼|逾期|通知要求|缴纳/ },
];

/**
 * None said in words after what it is none of: a subject, then 为零 / 均为0件 / ：无
 * (收费金额为零, 收费情况：无, 收费：0元, 行政复议案、行政诉讼案及申诉案均为零). Every concept the subject
 * names is none; a subject of a narrower cause or of corrections says nothing of the whole.
 */
// (均无: every one the subject lists none, 行政复议、行政诉讼及申诉案件均无)
const NONE_PREDICATE = /(?:均|都|皆|亦)?(?:为|是)\s*(?:零|0|０)\s*(?:件|起|宗|元|次|个)?(?![\d.０-９])|(?:均|都|皆)(?:为)?(?:无|没有)(?=[。；;,，\n]|$)|[:：]\s*(?:本年度|本年|全年|今年|当年)?\s*(?:均|都)?(?:(?:无|没有)(?:此项|此类情况|收取|发生)?|免收|(?:零|0|０)\s*(?:元|件|起|宗)?)(?=[。；;,，\n]|$)/g;
/** Request totals a figure bound to one way of applying is never (what is carried over may be: 1件网上申请结转下年度). */
const PART_GUARDED = new Set(['r.new.total', 'r.handled.total', 'r.granted.total', 'r.partial.total', 'r.denied.total.total']);
/** A figure after 其中 in its sentence, with a figure of the same role before the 其中: a part of that one. */
function partAfterWhole(s: string, seg: Segments, quantities: Quantity[], numAt: number, metric: string): boolean {
  const [ss] = sentenceAt(seg, numAt);
  const b = s.slice(ss, numAt).lastIndexOf('其中');
  if (b < 0) return false;
  const k = ss + b;
  // the sentence's first quantity, then on to the 其中
  for (let i = firstFrom(quantities, ss); i < quantities.length && quantities[i].end <= k; i++) {
    const c = quantities[i];
    if (c.kind === 'count' && roleAt(s, seg, quantities, c) === metric) return true;
  }
  return false;
}
/** A numeral's character (digits, the decimal point, Chinese and formal numerals; not the comma, a clause's end as often as a thousands separator). */
const NUMERAL_CHAR = new RegExp(`[\\d.〇零一二两三四五六七八九十百千万亿${FORMAL_NUMERALS}]`);
/**
 * Where the number slot's text stands in the match: its last occurrence that is a whole number, not
 * the digits inside a later one (剩余2件将于2016年答复: the 2 of 2件, not of 2016).
 */
function slotIn(match: string, num: string): number {
  for (let i = match.lastIndexOf(num); i >= 0; i = i > 0 ? match.lastIndexOf(num, i - 1) : -1) {
    if ((i === 0 || !NUMERAL_CHAR.test(match[i - 1])) && !NUMERAL_CHAR.test(match[i + num.length] ?? '')) return i;
  }
  return Math.max(0, match.lastIndexOf(num));
}
/** The index of the first quantity starting at or after `at` (quantities are in text order). */
function firstFrom(quantities: Quantity[], at: number): number {
  let lo = 0;
  let hi = quantities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quantities[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/** The other kind of case than a total's, and its own kind. */
const CASE_KINDS: Record<string, { own: RegExp; other: RegExp }> = {
  'rv.total': { own: /复议/, other: /诉讼|起诉/ },
  'lit.total': { own: /诉讼|起诉/, other: /复议/ },
};
/**
 * The item of the whole a figure after 其中 is a part of: the last count before the 其中, in its
 * sentence or, when 其中 opens the sentence, in the one before (…2件。其中1件…). Null: no 其中 or no whole.
 */
function wholeItemBefore(s: string, seg: Segments, quantities: Quantity[], numAt: number): string | null {
  const [ss] = sentenceAt(seg, numAt);
  const b = s.slice(ss, numAt).lastIndexOf('其中');
  if (b < 0) return null;
  const k = ss + b;
  const from = ss > 0 && /^[\s,，:：]*$/.test(s.slice(ss, k)) ? sentenceAt(seg, ss - 1)[0] : ss;
  let whole: Quantity | null = null;
  for (let i = firstFrom(quantities, from); i < quantities.length && quantities[i].end <= k; i++) if (quantities[i].kind === 'count') whole = quantities[i];
  return whole === null ? null : s.slice(clauseAt(seg, whole.numStart)[0], whole.start);
}
/**
 * A figure after 其中 whose whole counts the other kind of case alone: a part of those cases
 * (申请行政复议2件。其中1件行政诉讼: one of the reviews went on to a suit), not the year's own total.
 */
function partOfOtherCases(s: string, seg: Segments, quantities: Quantity[], numAt: number, metric: string): boolean {
  const kinds = CASE_KINDS[metric];
  if (kinds === undefined) return false;
  const item = wholeItemBefore(s, seg, quantities, numAt);
  return item !== null && kinds.other.test(item) && !kinds.own.test(item);
}
/** The whole a part of cases is of: reviews or suits (申请行政复议1件 counts cases, though the applicant 申请s them). */
const CASES_WHOLE = /复议|诉讼|起诉/;
/**
 * A figure after 其中 whose whole counts reviews or suits: its subject is the whole's (行政复议1件，
 * 其中上年结转1件: a review carried over, not a request), never a figure of requests.
 */
function partOfCases(s: string, seg: Segments, quantities: Quantity[], numAt: number, metric: string): boolean {
  if (!metric.startsWith('r.')) return false;
  const item = wholeItemBefore(s, seg, quantities, numAt);
  return item !== null && CASES_WHOLE.test(item);
}
/** The totals of reviews and suits, whose parts are their outcomes. */
const CASE_TOTALS = new Set(['rv.total', 'lit.total']);
/** An outcome of a review or a suit: a figure bound to one counts a part of the cases. */
const CASE_OUTCOME = /维持|纠正|纠错|撤销|确认违法|驳回|败诉|胜诉|审结|其他结果|撤诉|调解|终止/;
/** Counts of the year that a clause naming last year (not what was carried from it) never gives. */
const YEAR_GUARDED = new Set([...PART_GUARDED, 'rv.total', 'lit.total']);
/** The metrics the role lexicon names. */
const ROLE_METRICS = new Set(REQUEST_CONCEPTS.flatMap((c) => (c.metric ? [c.metric] : [])));
const NONE_CONCEPTS: { metric: string; noun: RegExp; not?: RegExp }[] = [
  { metric: 'fee.collected_yuan', noun: /收费|费用|收取/ },
  { metric: 'rv.total', noun: /复议/ },
  { metric: 'lit.total', noun: /诉讼|起诉/ },
  // 依申请公开情况：无 (not 因政府信息公开申请行政复议…的情况: the reviews', nor 申请人, nor a way of applying)
  { metric: 'r.new.total', noun: /依申请公开|公开申请|申请公开/, not: /复议|诉讼|起诉|收费|费用|申请人|结果|答复|办理|当面|网上|网络|信函|书面|电话|传真|邮件/ },
];
/**
 * A subject whose head is not the concept nor its 情况 but what was found or planned about it
 * (依申请公开工作存在的问题, 改进措施, 整改情况): a none of those says nothing of the concept's own count.
 */
const NOT_THE_CONCEPT = /(?:问题|不足|困难|短板|差距|改进|措施|举措|整改|建议|计划|打算|思路|安排|说明|经验|做法|成效)(?:情况|工作)?[\s:：]*$/;
/** The concepts a statement of none names in its subject, each once. */
function noneConcepts(subject: string, done: Set<string>): string[] {
  if (NOT_THE_CONCEPT.test(subject)) return [];
  return NONE_CONCEPTS.filter((c) => !done.has(c.metric) && c.noun.test(subject) && !c.not?.test(subject)).map((c) => c.metric);
}
/** What joins the items of a listed subject (行政复议、行政诉讼和申诉), not 及 inside a word (涉及, 普及). */
const LIST_JOIN = /、|和|(?<!涉|普|顾|兼|触|波)及|与/;
/** Not a statement of the year's none: a rate, a narrower cause, corrections, another year, a part. */
const NONE_SUBJECT_REJECT = new RegExp(`${NARROWER_CAUSE.source}|标准|每|上年|去年|其中|\\|`);

function noneSaid(s: string, done: Set<string>, years: readonly number[]): { metric: string; at: number; end: number }[] {
  const out: { metric: string; at: number; end: number }[] = [];
  NONE_PREDICATE.lastIndex = 0;
  for (let m = NONE_PREDICATE.exec(s); m; m = NONE_PREDICATE.exec(s)) {
    // the subject: back to the clause's start (a colon's subject is the clause before it)
    const subject = clauseBefore(s, m.index);
    if (subject === '' || NONE_SUBJECT_REJECT.test(subject)) continue;
    // 我局2015年…行政复议为零 in a report on 2016: another year's
    if (years.length > 0 && namesOtherYear(subject, years)) continue;
    // 政府信息公开申请、行政复议和行政诉讼均为零: 均 spreads the none over each item of a listed subject, each read on its own
    const items = /^(?:均|都|皆)/.test(m[0]) && subject.includes('、') ? subject.split(LIST_JOIN) : [subject];
    for (const metric of items.flatMap((item) => noneConcepts(item, done))) if (!out.some((o) => o.metric === metric)) out.push({ metric, at: m.index - subject.length, end: m.index + m[0].length });
  }
  return out;
}

/** A first sentence under a heading that says none with no subject of its own (本年度无。本年度未发生此类情况。): the heading is its subject. */
const NONE_ALONE = /^[ \t\u3000]*(?:(?:本年度|本年|全年|今年|当年|\d{4}年度?)[,，]?[ \t\u3000]*)?(?:(?:我|本)[^\s,，。;；\d]{1,3}?)?(?:均|亦|也)?(?:无|没有|未发生|未出现|未收取|未收到|未产生|不存在)(?:过)?(?:此类|相关|该类|上述|类似|任何)?(?:情况|情形|事项|事件|案件)?[ \t\u3000]*(?:[。.;；]|$)/;
/**
 * Headings that name what the bare total of their first line counts (二、依申请公开政府信息情况 / 全年共15件;
 * 一、主动公开政府信息情况 / 本年度共1234条): not under a heading of what was done with the requests, of the
 * cases after them or of fees, nor of a kind, channel or stock of what was disclosed.
 */
const HEADED_TOTALS = [
  { metric: 'r.new.total', heading: /依申请公开|信息公开申请|公开申请|^申请情况/, not: /复议|诉讼|收费|费用|结果|答复|办理|处理|不予|咨询|主动公开|年度报告/, unit: /^(?:件|宗|份)$/, verb: '受理|收到|接到|接收' },
  { metric: 'p.total', heading: /主动公开/, not: /申请|累计|网站|渠道|形式|载体|内容|目录|指南|栏目|类/, unit: /^(?:条|篇|件)$/, verb: '公开|发布' },
] as const;
/** A first line that gives only a time word, a total word (or "only"), the heading's own act at most, and the figure (全年共15件，…; 全年共公开326条; 全年仅2件). */
const totalAlone = (verb: string) =>
  new RegExp(`^[ \\t\\u3000]*(?:(?:本年度|本年|全年|今年|当年|\\d{4}年度?)[,，]?[ \\t\\u3000]*)?(?:共|共计|合计|总计|仅|只|仅有|只有)(?:${verb})?(?:了)?[ \\t\\u3000]*(\\d+|[〇零一二两三四五六七八九十百千]+)[ \\t\\u3000]*(?:件|宗|份|条|篇)(?=[,，。;；\\n]|$)`);
const TOTAL_ALONE = new Map(HEADED_TOTALS.map((t) => [t.metric, totalAlone(t.verb)]));
/** A sub-heading of the whole's count (（一）公开数量, （一）基本情况): its subject is its section's (一、主动公开政府信息情况). */
const COUNT_SUBHEADING = /^(?:主动公开|公开|申请|受理)?(?:的)?(?:数量|总数|总量|基本情况|总体情况|总体数量)(?:情况)?$/;
/** How long the sentences before a heading's total may be (按照《条例》要求，我局认真梳理应主动公开的政府信息。全年共公开1913条). */
const LEAD_MAX = 80;
/** A sentence before the total that takes the heading's subject away: a figure, a channel, another subject, a part or a stock. */
const LEAD_NOT = /[\d〇零一二两三四五六七八九十百千]\s*(?:条|件|篇|份|项|宗)|申请|复议|诉讼|收费|费用|其中|累计|截至|截止|历年|各乡镇|各部门|各单位|下属|网站|门户|微信|微博|公开栏|新媒体|公报|报刊|电视|广播/;
/**
 * A sentence before the total that names one kind of what is disclosed (规范性文件, 政策解读, 人事任免信息, 会议纪要) or another
 * business (群众来信来访办理工作): the total after it may count that only. Information is in general only as 政府信息/政务信息 or with no word of its own before it.
 */
const LEAD_KIND = /文件|解读|任免|预决算|预算|决算|纪要|提案|建议|议案|信访|来信|来访|咨询|热线|投诉|举报|留言|12345|公告|通知|动态|规划|政策|招标|采购|项目|资金|结果|许可|处罚|类|[^府务的项关好抓强进将把和及与动、，\s]信息/;
/**
 * The heading's total alone: on the first line's first sentence, or on a later sentence of it after sentences that only say
 * how the work was done, with no figure, channel, other year or other subject of their own (二、主动公开政府信息情况 / 我局认真梳理…。全年共公开1913条).
 */
function totalAfterLead(line: string, total: RegExp, years: readonly number[]): { m: RegExpExecArray; offset: number } | null {
  const first = total.exec(line.slice(0, 40));
  if (first !== null) return { m: first, offset: 0 };
  let offset = 0;
  for (;;) {
    const stop = line.indexOf('。', offset);
    const sentence = line.slice(offset, stop);
    if (stop < 0 || stop >= LEAD_MAX || LEAD_NOT.test(sentence) || LEAD_KIND.test(sentence) || (years.length > 0 && namesOtherYear(sentence, years))) return null;
    offset = stop + 1;
    const m = total.exec(line.slice(offset, offset + 40));
    if (m !== null) return { m, offset };
  }
}
/** What a heading speaks of: its own words, or for a sub-heading of the count, its section's heading. */
function headingSubject(headings: readonly Heading[], k: number): string {
  const h = headings[k];
  if (h.level === 1 || !COUNT_SUBHEADING.test(h.text)) return h.text;
  for (let j = k - 1; j >= 0; j--) if (headings[j].level === 1) return headings[j].text;
  return h.text;
}
function totalsUnderHeadings(s: string, headings: readonly Heading[], quantities: Quantity[], years: readonly number[], done: Set<string>): { metric: string; q: Quantity }[] {
  const out: { metric: string; q: Quantity }[] = [];
  for (const t of HEADED_TOTALS) {
    if (done.has(t.metric)) continue;
    const found: Quantity[] = [];
    for (let k = 0; k < headings.length; k++) {
      const h = headings[k];
      const subject = headingSubject(headings, k);
      if (!t.heading.test(subject) || t.not.test(subject) || (years.length > 0 && namesOtherYear(subject, years))) continue;
      if (h.end >= s.length) continue;
      const next = h.end;
      const lead = totalAfterLead(lineAfter(s, h, 40 + LEAD_MAX).text, TOTAL_ALONE.get(t.metric)!, years);
      if (lead === null) continue;
      const { m, offset } = lead;
      if (years.length > 0 && namesOtherYear(m[0], years)) continue;
      const q = countAt(quantities, next + 1 + offset + m[0].lastIndexOf(m[1]));
      if (q && q.value !== null && q.unit !== null && t.unit.test(q.unit)) found.push(q);
    }
    // two headings giving different totals: a tie, no value
    if (found.length > 0 && found.every((q) => q.value === found[0].value)) out.push({ metric: t.metric, q: found[0] });
  }
  return out;
}

function noneUnderHeadings(s: string, headings: readonly Heading[], done: Set<string>, years: readonly number[]): { metric: string; at: number; end: number }[] {
  const out: { metric: string; at: number; end: number }[] = [];
  for (const h of headings) {
    if (h.end >= s.length) continue;
    const line = lineAfter(s, h, 80);
    const next = line.start - 1;
    const m = NONE_ALONE.exec(line.text);
    if (m === null || NONE_SUBJECT_REJECT.test(h.text) || (years.length > 0 && (namesOtherYear(h.text, years) || namesOtherYear(m[0], years)))) continue;
    for (const metric of noneConcepts(h.text, done)) if (!out.some((o) => o.metric === metric)) out.push({ metric, at: next + 1, end: next + 1 + m[0].length });
  }
  return out;
}

/**
 * Rules whose pattern opens with the number slot (or a comma and the slot): tried only where a
 * recognised number starts, and only when one of the words the rest of the pattern opens with
 * (`follow`) starts right after the slot could end: the slot is made of SLOT_CHARS only.
 */
const ANCHORED = new Map<RegExp, Anchored>();
interface Anchored {
  sticky: RegExp;
  comma: boolean;
  follow: Follow | null;
}
/** Words a pattern's rest opens with, by their first character. */
interface Follow {
  words: string[];
  first: Set<number>;
}
for (const rule of RULES) {
  const comma = rule.re.source.startsWith(`[,，]${N}`);
  if (!comma && !rule.re.source.startsWith(N)) continue;
  const words = openingWords(rule.re.source.slice((comma ? 4 : 0) + N.length));
  ANCHORED.set(rule.re, { sticky: new RegExp(rule.re.source, 'y'), comma, follow: words && { words, first: new Set(words.map((w) => w.charCodeAt(0))) } });
}
/** Every character the number slot can hold: its approximate words, \s, digits, numerals, 万, 余/多 and the units. */
const SLOT_CHARS = new Uint8Array(0x10000);
for (const ch of '约近超过达到0123456789,.〇零一二两三四五六七八九十百千万余多条次件宗篇份个项人部例起') SLOT_CHARS[ch.charCodeAt(0)] = 1;
for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) SLOT_CHARS[c] = 1;
/** Where a run of slot characters from `at` ends. */
function slotRunEnd(s: string, at: number): number {
  let i = at;
  while (i < s.length && SLOT_CHARS[s.charCodeAt(i)] === 1) i++;
  return i;
}
/** Kept out of extractNarrative: its arrays made V8 compile that whole function again. */
function sumWarning(metric: string, found: Value[]): string {
  return `${metric}: the sum of ${found.length} printed parts (${found.map((v) => v.value).join(' + ')})`;
}

/** Does a word of `follow` start somewhere in (from, to]? */
function followsIn(s: string, follow: Follow, from: number, to: number): boolean {
  for (let p = from + 1, last = Math.min(to, s.length - 1); p <= last; p++) {
    if (!follow.first.has(s.charCodeAt(p))) continue;
    for (const w of follow.words) if (s.startsWith(w, p)) return true;
  }
  return false;
}

/**
 * A pattern whose number slot follows its opening after literals only, some optional (，2件申请将于…,
 * (?<=，)公开了所需信息10件, 尚有3件…): tried only where a number's first character follows the
 * opening after characters of those literals, the slot's approximate words and spaces. Most commas
 * and most 公开 have no number right after them; every match has, so no match is lost.
 */
type Lead = Set<number>;
/** Before the slot: a lookbehind, then a character class or literals, groups, alternatives and `?` only. */
const LEAD_PREFIX = /^(?:\(\?<=[^()]*\))?(\[[^\]\\^-]+\])?([^[\]{}*+.^$\\]*)$/;
/**
 * Per character: 1 a number slot's figure can open with it (1, 十, 贰), 2 it can stand before the
 * figure inside the slot (spaces, 约, 超过), 3 some pattern's literals before its slot hold it. The
 * figure's first character is a digit or one listed in the slot's pattern, so only those are tried.
 */
const SLOT_LEAD = new Uint8Array(0x10000);
const SLOT_AT_START = new RegExp(`^(?:${N})`);
for (const ch of new Set(`0123456789${N}`)) if (SLOT_AT_START.test(`${ch}件`)) SLOT_LEAD[ch.charCodeAt(0)] = 1;
for (let c = 0; c < 0x10000; c++) if (SLOT_CHARS[c] === 1 && SLOT_LEAD[c] === 0 && /[^\S\n]/.test(String.fromCharCode(c))) SLOT_LEAD[c] = 2;
for (const ch of '约近超过达到') SLOT_LEAD[ch.charCodeAt(0)] = 2;
function leadOf(source: string): Lead | null {
  const slot = source.indexOf(N);
  const m = slot > 0 ? LEAD_PREFIX.exec(source.slice(0, slot)) : null;
  // (alternatives outside any group, a|b{N}: a match without the slot)
  if (m === null || alternatives(source).length > 1) return null;
  const lead = new Set([...`${m[1] ?? ''}${m[2]}`].map((ch) => ch.charCodeAt(0)));
  for (const c of lead) if (SLOT_LEAD[c] === 0) SLOT_LEAD[c] = 3;
  return lead;
}
/** Can the number slot of a pattern with `lead` start after its opening at `p`: only its literals, spaces and 约 before a figure's first character? */
// (the opening word at p is of the literals)
function numberFollows(lead: Lead, s: string, p: number): boolean {
  for (let i = p + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = SLOT_LEAD[c];
    if (k === 1) return true;
    if (k === 0 || (k === 3 && !lead.has(c))) return false;
  }
  return false;
}

/**
 * The other rules, by the words their matches open with: tried only where one of the words
 * starts. A pattern opening with a year's four digits (\\d{4}年结转) is tried four characters
 * before the words after them; one opening at the text's start or after a mark ((^|[,，。)])信息公开申请)
 * at the start and where a word with its mark starts; one opening with a lookbehind for a mark
 * ((?<=[,，:：、])公开) only where the mark precedes the word.
 */
interface Opening {
  words: string[];
  sticky: RegExp;
  shift: number;
  atStart: boolean;
  /** The characters the lookbehind the pattern opens with allows before it, or null. */
  after: Set<number> | null;
  /** A pattern whose number slot follows its opening after literals only: their characters (see numberFollows). */
  lead: Lead | null;
}
const OPENING = new Map<RegExp, Opening>();
const AT_START = /^\(\^\|(\[[^\]\\^]+\])\)/;
const MARK_BEHIND = /^\(\?<=\[([^\]\\^-]+)\]\)/;
for (const rule of RULES) {
  if (ANCHORED.has(rule.re)) continue;
  const source = rule.re.source;
  let words = openingWords(source);
  let shift = 0;
  let atStart = false;
  if (!words && source.startsWith('\\d{4}')) {
    words = openingWords(source.slice(5));
    shift = 4;
  }
  const start = words ? null : AT_START.exec(source);
  if (start) {
    words = openingWords(start[1] + source.slice(start[0].length));
    atStart = true;
  }
  const behind = MARK_BEHIND.exec(source);
  if (words) OPENING.set(rule.re, { words, sticky: new RegExp(source, 'y'), shift, atStart, after: behind ? new Set([...behind[1]].map((c) => c.charCodeAt(0))) : null, lead: leadOf(source) });
}
/** Where a rule with opening words is tried, in order. */
function startsOf(o: Opening, s: string, words: WordIndex): number[] {
  const at = words.positions(o.words);
  if (o.shift === 0 && !o.atStart && o.after === null && o.lead === null) return at;
  const out: number[] = o.atStart ? [0] : [];
  for (const p of at) {
    if (o.after !== null && !o.after.has(s.charCodeAt(p - 1))) continue;
    if (o.lead !== null && !numberFollows(o.lead, s, p)) continue;
    if (p - o.shift >= 0) out.push(p - o.shift);
  }
  return out;
}
/** The words of a rule's pre-filter that is a plain list of literals (办结|答复完毕): looked up in the index, not searched for. */
const NEEDS = new Map<RegExp, string[]>();
for (const rule of RULES) {
  if (rule.needs && !rule.needs.flags.includes('i') && /^[^\\[\](){}?*+.^$|]+(?:\|[^\\[\](){}?*+.^$|]+)*$/.test(rule.needs.source)) NEEDS.set(rule.needs, rule.needs.source.split('|'));
}
const WORDS = new WordIndex([...[...OPENING.values()].flatMap((o) => o.words), ...[...NEEDS.values()].flat(), ...DISTRIBUTIVE_WORDS]);
/** Does the text hold what the rule needs? */
const holds = (needs: RegExp, s: string, words: WordIndex): boolean => {
  const literal = NEEDS.get(needs);
  return literal ? words.has(literal) : needs.test(s);
};

/**
 * The matches of a rule, in order, the same as a scan of the text would give: for an anchored
 * rule a test at each number, for a rule with opening words a test where one of them starts,
 * otherwise a scan. Read one by one (the first accepted match ends a rule) from one cursor reused
 * rule after rule: a generator per rule cost an object and its frame per rule and report, and
 * resumes V8 optimises late.
 */
class RuleMatches {
  private s = '';
  private quantities: Quantity[] = [];
  /** The sticky pattern tried at each start, or null for a scan (`scan`, global). */
  private sticky: RegExp | null = null;
  private scan: RegExp | null = null;
  /** A rule with opening words: where it is tried, and the next of those. */
  private starts: number[] = [];
  private next = 0;
  /** An anchored rule: its slot after a comma, the words after it; the next figure and which of its two starts. */
  private anchored: Anchored | null = null;
  private k = 0;
  /** The last character of the last match: no try before it. */
  private after = -1;

  forRule(rule: Pick<Rule, 're'>, s: string, quantities: Quantity[], words: WordIndex): this {
    this.s = s;
    this.quantities = quantities;
    this.next = 0;
    this.k = 0;
    this.after = -1;
    const opening = OPENING.get(rule.re);
    this.anchored = opening ? null : (ANCHORED.get(rule.re) ?? null);
    this.sticky = opening?.sticky ?? this.anchored?.sticky ?? null;
    this.starts = opening ? startsOf(opening, s, words) : [];
    this.scan = opening || this.anchored ? null : SCAN.get(rule.re)!;
    if (this.scan) this.scan.lastIndex = 0;
    return this;
  }

  /** The next match, or null. */
  nextMatch(): RegExpExecArray | null {
    const { s, sticky } = this;
    if (sticky === null) return this.nextScanned();
    if (this.anchored !== null) return this.nextAnchored(sticky);
    const starts = this.starts;
    while (this.next < starts.length) {
      const at = starts[this.next++];
      if (at <= this.after || at < 0) continue;
      sticky.lastIndex = at;
      const m = sticky.exec(s);
      if (m) {
        this.after = at + Math.max(m[0].length, 1) - 1;
        return m;
      }
    }
    return null;
  }

  private nextScanned(): RegExpExecArray | null {
    const scan = this.scan!;
    const m = scan.exec(this.s);
    if (m && m[0].length === 0) scan.lastIndex++;
    return m;
  }

  private nextAnchored(sticky: RegExp): RegExpExecArray | null {
    const { s, quantities } = this;
    const { comma, follow } = this.anchored!;
    for (; this.next < quantities.length; this.next++, this.k = 0) {
      const q = quantities[this.next];
      if (q.kind !== 'count') continue; // the slot ends in a count unit
      // the figure's start, then its number's
      for (; this.k < 2; this.k++) {
        const at = (this.k === 0 ? q.start : q.numStart) - (comma ? 1 : 0);
        if (at <= this.after || at < 0) continue;
        // the slot from `from` ends after its unit, where the rest of the pattern opens with a word of `follow`
        const from = comma ? at + 1 : at;
        if (follow && !followsIn(s, follow, from, slotRunEnd(s, from))) continue;
        sticky.lastIndex = at;
        const m = sticky.exec(s);
        if (m) {
          this.after = at + m[0].length - 1;
          this.next++;
          this.k = 0;
          return m;
        }
      }
    }
    return null;
  }
}
/** The rules scanned over the whole text: a copy of each pattern, so its lastIndex is the scan's alone. */
const SCAN = new Map(RULES.filter((r) => !OPENING.has(r.re) && !ANCHORED.has(r.re)).map((r) => [r.re, new RegExp(r.re.source, 'g')]));
const MATCHES = new RuleMatches();
/** Every match of a rule, for tests. */
export function matchesOf(rule: Pick<Rule, 're'>, s: string, quantities: Quantity[], words: WordIndex): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const cursor = new RuleMatches().forRule(rule, s, quantities, words);
  for (let m = cursor.nextMatch(); m !== null; m = cursor.nextMatch()) out.push(m);
  return out;
}

/** The rules, for tests: each with how it is run. */
export const NARRATIVE_RULES: readonly Rule[] = RULES;
/** An index of the opening words of the rules, scanned over a text. */
export const ruleWords = (s: string): WordIndex => WORDS.scan(s);
export const openingOf = (re: RegExp): string[] | null => OPENING.get(re)?.words ?? null;

function numberOf(groups: Record<string, string | undefined>): number | null {
  const raw = groups.num ?? '';
  let value = /\d/.test(raw) ? Number(raw.replace(/,/g, '')) : parseChineseNumeral(raw);
  if (value === null || !Number.isFinite(value)) return null;
  if (groups.wan) value = timesTenThousand(value);
  return value;
}

/**
 * The other channels' figure the arithmetic proves: where the year's total and the website's share
 * are read, an exact figure of disclosure through other channels only that is the difference
 * (144273 = 44659 + 99614, 通过微信、微博、抖音等政务新媒体…99614条) is their share, even in a
 * sentence whose channels are an open list. Exactly one such figure, else none.
 */
function otherChannelsByArithmetic(s: string, seg: Segments, quantities: Quantity[], values: Value[], done: Set<string>): Quantity | null {
  if (done.has('p.other_channels')) return null;
  const total = values.find((v) => v.metric === 'p.total');
  const web = values.find((v) => v.metric === 'p.website');
  if (!total || !web || total.approx || web.approx) return null;
  const rest = total.value - web.value;
  if (rest <= 0) return null;
  const fits = quantities.filter((q) => {
    if (q.kind !== 'count' || q.value !== rest || q.approx) return false;
    const v = viewOf(s, seg, q);
    return FEATURES.itemUnit(v) && FEATURES.disclosed(v) && FEATURES.otherOnly(v) && !FEATURES.cumulative(v) && !FEATURES.negated(v);
  });
  return fits.length === 1 ? fits[0] : null;
}

/** A clause of only a total word before its figure (，合计1234条), the parts named as such (以上合计, 两项合计, 二者合计) or the year (全年共), or 总数达. */
const TOTAL_CLOSES = /^\s*(?:以上|上述|两项|二者|两者|全年|本年度?)?(?:共计|合计|总计|共|总数)(?:为|达到|达|是)?\s*$/;
/**
 * The year's total closing the sentence of the two shares it adds up exactly (通过政府网站公开1000条，
 * 通过其他渠道公开234条，合计1234条): exactly one such figure, else none.
 */
function totalAfterShares(s: string, seg: Segments, quantities: Quantity[], values: Value[], done: Set<string>): Quantity | null {
  if (done.has('p.total')) return null;
  const web = values.find((v) => v.metric === 'p.website');
  const other = values.find((v) => v.metric === 'p.other_channels');
  if (!web || !other || web.approx || other.approx) return null;
  const sum = web.value + other.value;
  const fits = quantities.filter((q) => {
    if (q.kind !== 'count' || q.value !== sum || q.approx) return false;
    const [cs] = clauseAt(seg, q.numStart);
    if (!TOTAL_CLOSES.test(s.slice(cs, q.start))) return false;
    const [ss] = sentenceAt(seg, q.numStart);
    const before = quantities.slice(firstFrom(quantities, ss), firstFrom(quantities, cs)).filter((c) => c.kind === 'count');
    return before.some((c) => c.value === web.value) && before.some((c) => c.value === other.value);
  });
  return fits.length === 1 ? fits[0] : null;
}

/**
 * The match starts inside a note in brackets that closes before its figure (同意公开（含部分公开）18件): the note glosses the
 * words before it, so its words are no label of the figure after it.
 */
function labelInNote(s: string, from: number, numAt: number): boolean {
  if (!/[)）]/.test(s.slice(from, numAt))) return false;
  for (let i = from - 1; i >= 0 && from - i <= 40; i--) {
    const c = s[i];
    if (c === '(' || c === '（') return true;
    if (c === ')' || c === '）' || c === '。' || c === '\n') return false;
  }
  return false;
}

/** The rules whose label a note may gloss ({G} in their pattern): only theirs say what their figure includes. */
const GLOSSED_RULES = new Set(RULES.filter((r) => r.re.source.includes(G)).map((r) => r.re));
/** A note of GLOSS inside a match. */
const GLOSS_IN = new RegExp(GLOSS);
/** A note naming another outcome of the list (同意公开（含部分公开）18件) or what goes on to the next year: the figure is no one item's. */
const NOTE_NOT_GLOSS = new RegExp(`部分|区分处理|不予|不同意|不存在|不掌握|不属于|无法|驳回|不明确|撤回|其他处理|${CARRIED_ON.source}`);
/** The note glossing a match's label ('' when none), or null when its note names another item (NOTE_NOT_GLOSS). */
function glossNote(match: string): string | null {
  if (!match.includes('（') && !match.includes('(')) return '';
  const note = GLOSS_IN.exec(match);
  if (note === null) return '';
  return NOTE_NOT_GLOSS.test(note[0]) ? null : note[0];
}

/** Reviews and suits both named in one item: its figure is theirs together. */
const BOTH_CASES = /复议[^,，。;；]*(?:诉讼|起诉)|(?:诉讼|起诉)[^,，。;；]*复议/;
/** Kinds of figure that count nothing (an article 第9条, a date, a year, a document number, a phone number). */
const NOT_COUNTS = new Set(['ordinal', 'date', 'year', 'doc_number', 'phone', 'postcode', 'duration']);
/** The quantity whose number starts at `at` (quantities are in text order), or null. */
function quantityAt(quantities: Quantity[], at: number): Quantity | null {
  let lo = 0;
  let hi = quantities.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quantities[mid];
    if (q.numStart < at) lo = mid + 1;
    else if (q.numStart > at) hi = mid - 1;
    else return q;
  }
  return null;
}
/** The recogniser read the figure starting at `at` as something that counts nothing. */
function notACount(quantities: Quantity[], at: number): boolean {
  const q = quantityAt(quantities, at);
  return q !== null && NOT_COUNTS.has(q.kind);
}
/** The count whose number starts at `at`, or null. */
function countAt(quantities: Quantity[], at: number): Quantity | null {
  const q = quantityAt(quantities, at);
  return q !== null && q.kind === 'count' ? q : null;
}

/** What a section heading's subject is: proactive disclosure, or requests (依申请公开, 政府信息公开申请). */
const SECTION_SUBJECTS = /主动公开|申请/;
/** Case words, the requests' last (行政复议申请 is a review): the one nearest before a none carried over is its subject. */
const CASE_WORDS = new RegExp(`${NOT_REQUEST_CASES.source}|申请`, 'g');
/**
 * A none carried over (均已办结，无结转) is the requests' where the case word nearest before it in its sentence is 申请
 * (未发生行政复议，受理申请12件均已办结，无结转), or, with none, the heading over it names them; and its own clause after
 * names no other kind (无结转下年度的信访件), or names them (无结转下年度的申请).
 */
function noneCarriedOfRequests(s: string, start: number, end: number, headings: readonly Heading[]): boolean {
  const clauseAfter = /^[^,，。；;\n]*/.exec(s.slice(end))![0];
  if (NOT_REQUEST_CASES.test(clauseAfter)) return false;
  if (clauseAfter.includes('申请')) return true;
  const subjects = (sentenceBefore(s, start) + s.slice(start, end)).match(CASE_WORDS);
  if (subjects) return subjects[subjects.length - 1] === '申请';
  const h = governingHeading(headings, start, SECTION_SUBJECTS);
  return h !== null && h.text.includes('申请') && !NOT_REQUEST_CASES.test(h.text);
}

/** Under a heading about proactive disclosure alone (一、主动公开政府信息情况): no figure is a request's. */
function underProactiveHeading(headings: readonly Heading[], at: number): boolean {
  const h = governingHeading(headings, at, SECTION_SUBJECTS);
  return h !== null && h.text.includes('主动公开') && !h.text.includes('申请');
}

/** A count noun right before a bare number (条数为2546, 申请件数为12, 件数：12): the noun gives the number its unit. */
const COUNT_NOUN_BEFORE = /(条|件|宗|篇)数(?:为|是|[:：]|达到|达)?[^\S\n]*$/;
/** After the number: its clause ends (no unit, percent or further digits of its own). */
const CLAUSE_END_AFTER = /^[^\S\n]*(?:[,，。；;、)）\n]|$)/;

/** The text's quantities with each bare number after a count noun read as a count in the noun's unit (new objects: the list is shared with the tables). */
function unitsOfCountNouns(s: string, quantities: Quantity[]): Quantity[] {
  let out: Quantity[] | null = null;
  for (let i = 0; i < quantities.length; i++) {
    const q = quantities[i];
    if (q.kind !== 'number' || q.value === null || !Number.isInteger(q.value)) continue;
    // most bare numbers are table cells: the noun's 数 must be among the few characters before
    let near = false;
    for (let k = q.start - 1; k >= Math.max(0, q.start - 6) && !near; k--) near = s.charCodeAt(k) === 0x6570; // 数
    if (!near) continue;
    const m = COUNT_NOUN_BEFORE.exec(s.slice(Math.max(0, q.start - 12), q.start));
    if (!m || !CLAUSE_END_AFTER.test(s.slice(q.end, q.end + 2))) continue;
    out ??= quantities.slice();
    out[i] = { ...q, kind: 'count', unit: m[1] };
  }
  return out ?? quantities;
}

export interface NarrativeOptions {
  /** Metrics already read from a table: the table wins. */
  known: Set<string>;
  template: Template | null;
  /** The report's statistics year: rules naming a year (2021年结转) need it. */
  year?: number | null;
  /** The report's date of publication (YYYY-MM-DD), when printed. */
  published?: string | null;
  /** The text's quantities, when already recognised. */
  quantities?: Quantity[];
  /** The report's issuer, when found. */
  issuer?: string | null;
  /** An area summary's division word (县, see rules/own-area): a sentence whose subject is the whole area (全县各部门、各乡镇…) is its own. */
  area?: string;
  /** The report's own division by rank (county, city: rules/own-area divisionOf): a larger division's figure (全市 in a county's report) is another scope's. */
  division?: string;
  /** The issuer is a department (facts.level): its division's whole (全县各部门…) is another scope than its own. */
  department?: boolean;
  /** The report is the body's own (facts.scope 'self', not an area summary whatever its title): its own level beside the whole is its scope (rules/features sharedScope); unknown: false. */
  ownLevel?: boolean;
}

export function extractNarrative(norm: NormText, options: NarrativeOptions): { values: Value[]; warnings: string[] } {
  const s = norm.s;
  const values: Value[] = [];
  const warnings: string[] = [];
  const done = new Set(options.known);
  const quantities = unitsOfCountNouns(s, options.quantities ?? recogniseQuantities(s));
  // a total whose parts the table printed is derived from them (checks/derive.ts), not read from a sentence
  for (const { whole, parts } of DERIVABLE_TOTALS) if (parts.every((p) => options.known.has(p))) done.add(whole);
  const seg = segment(s);
  let headingList: Heading[] | null = null;
  const headings = () => (headingList ??= headingsOf(s));
  /**
   * A request's figure under a heading about proactive disclosure alone is not one (一、主动公开 / 部分公开2件),
   * unless its own clause names the requests (收到政府信息公开申请35件: under a sub-heading the finder missed).
   */
  const outOfScope = (metric: string, at: number) => {
    if (!metric.startsWith('r.') || !underProactiveHeading(headings(), at)) return false;
    const [cs, ce] = clauseAt(seg, at);
    return !s.slice(cs, ce).includes('申请');
  };
  const published = Number(options.published?.slice(0, 4));
  const years = options.year ? (published > options.year ? [options.year, published] : [options.year]) : [];
  const area = options.area ?? '';
  const ownLevel = options.ownLevel ?? OWN_LEVEL_UNKNOWN;
  const division = options.division ?? '';
  /** The figure at `at` is a larger division's (全市各单位共…23456条 in a county's report), or in a department's report its own division's whole's. */
  const higherScope = (at: number) => division !== '' && underOtherScope(s.slice(sentenceAt(seg, at)[0], at), division, options.issuer ?? '', options.department);
  /** The figure at `at` is one group's of an area's units, another group's beside it (县直各单位…30件，各乡镇…12件). */
  const oneGroup = (at: number) => {
    const [ss, se] = sentenceAt(seg, at);
    const [cs, ce] = clauseAt(seg, at);
    return oneGroupOfSeveral(s.slice(cs, at), s.slice(ss, cs), s.slice(ce, se), division);
  };
  const figures = readFigures(s, seg, quantities, PROACTIVE_RULES, done, years, options.issuer ?? '', area, ownLevel).filter((r) => !higherScope(r.q.start) && !oneGroup(r.q.numStart));
  const scored = bestReadings(figures, PROACTIVE_RULES, options.known);
  for (const r of scored.best) {
    const { start, end } = sourceSpan(norm, r.q.numStart, r.q.numEnd);
    values.push({ metric: r.metric, value: r.q.value!, approx: r.q.approx, derived: false, start, end, source: 'narrative' });
    done.add(r.metric);
  }
  warnings.push(...scored.warnings);
  const complement = otherChannelsByArithmetic(s, seg, quantities, values, done);
  if (complement) {
    const { start, end } = sourceSpan(norm, complement.numStart, complement.numEnd);
    values.push({ metric: 'p.other_channels', value: complement.value!, approx: complement.approx, derived: false, start, end, source: 'narrative' });
    done.add('p.other_channels');
  }
  const words = WORDS.scan(s);
  // 通过政府网站和其他渠道分别公开…1000条和234条: both shares, or (one already read) neither
  if (!done.has('p.website') && !done.has('p.other_channels')) {
    // (of the year and the body's own scope: 2014年…分别为, 全县…分别为 in a bureau's report are no shares of its year)
    const ownYear = (r: { q: Quantity }) => {
      const sentence = s.slice(...sentenceAt(seg, r.q.start));
      return !(years.length > 0 && namesOtherYear(sentence, years)) && !OTHER_SCOPE.test(withoutOwnArea(sentence, area)) && !higherScope(r.q.start) && !oneGroup(r.q.numStart);
    };
    // (各 as 分别 only before its verb or copula: 网站和其他渠道各公开…, not 各类/各乡镇)
    const each = words.positions(['各']).filter((a) => /^各(?:公开|发布|推送|为|是|占)/.test(s.slice(a, a + 3)));
    const shares = channelsRespectively(s, seg, quantities, [...words.positions(['分别']), ...each].sort((a, b) => a - b));
    for (const r of shares.every(ownYear) ? shares : []) {
      const { start, end } = sourceSpan(norm, r.q.numStart, r.q.numEnd);
      values.push({ metric: r.metric, value: r.q.value!, approx: r.q.approx, derived: false, start, end, source: 'narrative' });
      done.add(r.metric);
    }
  }
  // (after the shares, those read by 分别 too: 分别公开…1200条、320条，共计1520条)
  const closing = totalAfterShares(s, seg, quantities, values, done);
  if (closing) {
    const { start, end } = sourceSpan(norm, closing.numStart, closing.numEnd);
    values.push({ metric: 'p.total', value: closing.value!, approx: false, derived: false, start, end, source: 'narrative' });
    done.add('p.total');
  }
  // figures given to several concepts at once (分别, 各): paired in order, or read by no one
  const distributed = readDistributed(s, seg, quantities, words.positions(DISTRIBUTIVE_WORDS), area);
  // 行政复议、行政诉讼分别被纠错0件、1件: figures of an outcome, not the cases' totals
  const totals = distributed.readings.filter((r) => !higherScope(r.q.start) && !oneGroup(r.q.numStart) && !(CASE_TOTALS.has(r.metric) && CASE_OUTCOME.test(s.slice(sentenceAt(seg, r.q.start)[0], r.q.start))) && !outOfScope(r.metric, r.q.numStart));
  // two 分别 sentences giving one metric different figures: a warning and none
  const paired = agreed(totals);
  warnings.push(...paired.warnings);
  for (const r of paired.best) {
    if (done.has(r.metric)) continue;
    const { start, end } = sourceSpan(norm, r.q.numStart, r.q.numEnd);
    values.push({ metric: r.metric, value: r.q.value!, approx: r.q.approx, derived: false, start, end, source: 'narrative' });
  }
  for (const r of distributed.readings) done.add(r.metric);
  // 共受理网上申请10件、当面申请5件，合计15件: the year's requests after their parts (exactly one such total, of the year, of the body's own scope)
  if (!done.has('r.new.total')) {
    const totals = quantities.filter((q) => requestsTotalAfterParts(s, seg, quantities, q) && !outOfScope('r.new.total', q.numStart) && !higherScope(q.start) && !oneGroup(q.numStart));
    const q = totals.length === 1 ? totals[0] : null;
    const sentence = q ? s.slice(sentenceAt(seg, q.numStart)[0], q.end) : '';
    if (q && !OTHER_SCOPE.test(withoutOwnArea(sentence, area)) && !(years.length > 0 && namesOtherYear(sentence, years))) {
      const { start, end } = sourceSpan(norm, q.numStart, q.numEnd);
      values.push({ metric: 'r.new.total', value: q.value!, approx: false, derived: false, start, end, source: 'narrative' });
      done.add('r.new.total');
    }
  }
  for (const rule of RULES) {
    if (done.has(rule.metric)) continue;
    if (rule.templates && !(options.template && rule.templates.includes(options.template))) continue;
    if (rule.needs && !holds(rule.needs, s, words)) continue;
    if (rule.yearOffset !== undefined && !options.year) continue;
    const found: Value[] = [];
    const matches = MATCHES.forRule(rule, s, quantities, words);
    for (let m = matches.nextMatch(); m !== null; m = matches.nextMatch()) {
      const before = clauseBefore(s, m.index);
      // 办结（含上年结转）23件: a note glossing the label says what its figure includes, no word of the match's own
      const note = GLOSSED_RULES.has(rule.re) ? glossNote(m[0]) : '';
      if (note === null) continue;
      const said = note === '' ? m[0] : m[0].replace(note, '');
      if (rule.reject && (rule.reject.test(said) || rule.reject.test(before))) continue;
      if (rule.opensClause && !CLAUSE_OPENING.test(before.slice(before.lastIndexOf('、') + 1))) continue;
      // 23件已办结：15件提供了信息…: the act's figure stands before it, so the colon after it opens its list (the first item's figure counts no act)
      if (rule.metric.startsWith('r.') && FIGURE_BEFORE_ACT.test(before) && /[:：]/.test(m[0])) continue;
      // 行政复议案件56件，受理52件，其中涉及政府信息公开的2件: a count beside a later disclosure part of it is the whole caseload
      if ((rule.metric === 'rv.total' || rule.metric === 'lit.total') && !rule.zero && !REVIEW_OF_DISCLOSURE.test(before + m[0]) && DISCLOSURE_PART_LATER.test(sentenceAfter(s, m.index + m[0].length))) continue;
      // 申请数量由17件增加到25件: the value before the change is another year's
      if (!rule.zero && changesToAnother(s.slice(m.index + m[0].length, m.index + m[0].length + 10))) continue;
      // 行政事业性收费收入320万元, 收取停车费12万元, 减免收费120元: money other than the request fee collected
      if (rule.metric === 'fee.collected_yuan' && !rule.zero && namesOtherMoney(before + m[0])) continue;
      if (rule.rejectItem && (rule.rejectItem.test(m[0]) || rule.rejectItem.test(afterLastCount(before)))) continue;
      if (rule.rejectAfter?.test(s.slice(m.index + m[0].length, m.index + m[0].length + 48))) continue;
      if (rule.allOfTheWhole && !allOfTheWhole(m)) continue;
      if (rule.rejectPrevious && otherBusinessBefore(previousSentence(s, m.index), rule.rejectPrevious)) continue;
      if (rule.outcomeItem && !RECEIVED.test(before) && OUTCOME_SIBLING.test(s.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
      if (OTHER_SCOPE.test(withoutOwnArea(before + m[0], area))) continue;
      // 全市各部门…受理申请1200件，本局受理申请14件: the larger scope's figure before the body's own
      if (sharedScope(before + m[0], sentenceAfter(s, m.index + m[0].length), area, ownLevel)) continue;
      // 2022年共收到…申请30件 in a report on 2023: another year's figure (carry-overs name the next or last year by design)
      if (rule.yearOffset === undefined && !CARRIED_METRIC.test(rule.metric) && years.length > 0 && namesOtherYear(before + m[0], years)) continue;
      if (AVERAGE.test(before + m[0])) continue;
      // 县政府作为行政复议机关，…办理行政复议案件45件，其中涉及政府信息公开的2件: the organ's cases, whichever figure
      if (rule.metric === 'rv.total' && REVIEWING_ORGAN.test(sentenceBefore(s, m.index) + m[0])) continue;
      // (the rule reading the figure after 行政复议, the one whose figure stands beside suits defended)
      if (rule.rejectAfter === REVIEW_FIGURE_NOT_TOTAL && SUITS_DEFENDED_AFTER.test(s.slice(m.index + m[0].length)) && !REVIEW_OF_DISCLOSURE.test(before + m[0])) continue;
      // 截至目前，共受理…35件(，其中本年度3件): as of now with no word of the year, the stock or the year's: the text does not say
      if (/^(?:r|rv|lit)\./.test(rule.metric) && asOfNowOnly(sentenceBefore(s, m.index) + m[0])) continue;
      // 截至目前，累计受理…300件: a stock since the beginning, not the year's requests
      if (/^(?:r|rv|lit)\./.test(rule.metric) && /累计|历年/.test(before + m[0]) && /截至|截止|以来|至今|历年/.test(sentenceBefore(s, m.index) + m[0])) continue;
      // 近三年共受理…62件, 《条例》施行以来共受理…: a span of many years, with no 累计
      if (/^(?:r|rv|lit)\./.test(rule.metric) && !CARRIED_METRIC.test(rule.metric) && spansManyYears(sentenceBefore(s, m.index) + m[0], years)) continue;
      if (rule.yearOffset !== undefined && Number(/\d{4}/.exec(m[0])?.[0]) !== options.year! + rule.yearOffset) continue;
      if (rule.sentence || rule.notSentence) {
        const sentence = rule.period ? periodAround(s, m.index, m.index + m[0].length) : sentenceBefore(s, m.index) + m[0] + sentenceAfter(s, m.index + m[0].length);
        // 其中 opening a sentence breaks down the figure of the sentence before: that one names what it counts
        if (rule.sentence && !rule.sentence.test(sentence) && !(BREAKDOWN_OPENING.test(sentence) && rule.sentence.test(previousSentence(s, m.index)))) continue;
        // what the sentence says it leaves out (（不含咨询）) is not its business
        if (rule.notSentence?.test(sentence.replace(LEFT_OUT, '').replace(note, ''))) continue;
        // a figure opening a line is under the line before it, a heading (主动公开 / 公开8件…) as much as a sentence
        if (rule.notSentence && m.index > 0 && s.charCodeAt(m.index - 1) === 0x0a && rule.notSentence.test(s.slice(Math.max(s.lastIndexOf('\n', m.index - 2) + 1, m.index - 41), m.index - 1))) continue;
      }
      if (rule.notBefore?.test(periodBefore(s, m.index) + said)) continue;
      // 留言60条,…已办结60条, 接到群众咨询12件，其中提供所需信息9件: what a sentence about messages, consultations or hotlines handled or gave is not a request's
      if (HANDLED_OR_OUTCOME.test(rule.metric) && (rule.metric === 'r.handled.total' ? OTHER_CASES : OTHER_CASES_COUNTED).test(sentenceBefore(s, m.index)) && !/申请/.test(sentenceBefore(s, m.index) + m[0])) continue;
      // 受理审批事项117件,办结171件: a sentence about services speaks of requests only when it names disclosure
      if (/^r\.(new|handled)\.total$/.test(rule.metric) && SERVICE_CASES.test(sentenceBefore(s, m.index) + m[0]) && !DISCLOSURE_REQUEST.test(sentenceBefore(s, m.index) + m[0])) continue;
      // 受理城乡低保申请120件, 办理户籍迁移申请560件: a 申请 qualified by another business is not a disclosure request
      if (/^r\.(new|handled)\.total$/.test(rule.metric) && namesOtherKindOfRequest(clauseBefore(s, m.index) + said)) continue;
      // 制发文件56件，其中主动公开45件，依申请公开3件，不予公开8件: the documents made, by how they are disclosed
      if (rule.metric.startsWith('r.') && DOCUMENTS_BY_ATTRIBUTE.test(sentenceBefore(s, m.index))) continue;
      if (rule.zero) {
        // 均已办结，无结转 is the requests' only where they are its subject, in its sentence or in the heading over it, and no other kind of case is
        if (rule.metric === 'r.carried_out.total' && !noneCarriedOfRequests(s, m.index, m.index + m[0].length, headings())) continue;
        // 如未收到申请, 未收取除复印费以外的费用, 未收到涉及不动产登记的申请: no statement of the whole year's none
        const after = s.slice(m.index + m[0].length, m.index + m[0].length + 12);
        if (CONDITIONAL.test(before + m[0]) || EXCEPT.test(before + m[0] + after) || narrowQualifier(m[0])) continue;
        // 未收到通过信函方式提交的申请: none of one way of applying, not of all the requests
        if (rule.metric === 'r.new.total' && noneOfOneWay(m[0] + /^[^,，。;；\n]*/.exec(s.slice(m.index + m[0].length))![0])) continue;
        // a statement cut with its page (…未发生依申请公|) says nothing for sure
        const rest = s.slice(m.index + m[0].length, m.index + m[0].length + 200);
        if (rest.length < 200 && !/[。；;\n!?！？]/.test(rest)) continue;
        const { start, end } = sourceSpan(norm, m.index, m.index + m[0].length);
        found.push({ metric: rule.metric, value: 0, approx: false, derived: false, start, end, source: 'narrative' });
        break;
      }
      const g = m.groups ?? {};
      const value = numberOf(g);
      if (value === null) continue;
      const numAt = m.index + slotIn(m[0], g.num!);
      if (distributed.figures.has(numAt)) continue;
      if (labelInNote(s, m.index, numAt)) continue;
      // 除3件部分公开、2件不予公开、3件…外: a figure stands right before the label, so the figure after its 、 is the next item's
      if (rule.metric.startsWith('r.') && FIGURE_BEFORE_ACT.test(before) && s.slice(m.index, numAt).includes('、')) continue;
      // 复制费10元，邮寄费15元: one kind of fee beside another, a part of the fee collected
      if (rule.metric === 'fee.collected_yuan' && feePart(sentenceBefore(s, numAt) + sentenceAfter(s, numAt), sentenceBefore(s, numAt).length)) continue;
      // 2014年受理…17件，其中同意公开12件, 全年未收取费用（上年度收取30元）: under the head of another year
      if (rule.yearOffset === undefined && !CARRIED_METRIC.test(rule.metric) && underOtherYearHead(sentenceBefore(s, numAt), s.slice(clauseAt(seg, numAt)[0], numAt), years)) continue;
      if (g.num === '一' && NOT_A_SINGLE.test(s.slice(Math.max(0, numAt - 12), numAt))) continue;
      // the figure is what the one recogniser says it is: 《行政复议法》第9条 is an article, not 9 cases
      if (notACount(quantities, numAt)) continue;
      // 数十件, 两三件, 1.2千元: a numeral the recogniser reads as no number, a range or none at all
      const figure = quantityAt(quantities, numAt);
      if ((figure === null && !/\d/.test(g.num!)) || figure?.value === null) continue;
      if (outOfScope(rule.metric, numAt)) continue;
      if (partOfCases(s, seg, quantities, numAt, rule.metric)) continue;
      if (higherScope(numAt) || oneGroup(numAt)) continue;
      // 其余2件已于12月答复: the rest of a whole named before, a part (of the carried-in ones, 上年结转的申请中, not even what is still open)
      if (restOfWhole(s.slice(clauseAt(seg, numAt)[0], numAt), rule.metric) && (rule.metric !== 'r.carried_out.total' || CARRIED_IN_SCOPE.test(sentenceBefore(s, numAt)))) continue;
      if (rule.metric === 'r.handled.total' && CARRIED_IN_SUBJECT.test(s.slice(clauseAt(seg, numAt)[0], numAt).replace(note, ''))) continue;
      // 按时答复20件，其余2件已于12月答复: the rest done too, so this figure is a part of the handled
      if (rule.metric === 'r.handled.total' && restDoneAfter(sentenceAfter(s, numAt + g.num!.length), years)) continue;
      // 受理的申请中有1件尚在办理: the verb right after the figure governs it, not the words before
      if (rule.metric.startsWith('r.')) {
        const q = countAt(quantities, numAt);
        const governs = q ? governedAfter(s, q) : null;
        if (governs !== null && governs !== rule.metric) continue;
        // 跨年度办理的申请有2件: the concept word nearest the figure says it is still open, so no count of
        // the handled nor the received (收到和办理…12件 names two acts of one figure: both stand)
        // (a pattern whose words go on after the figure, 收到申请3件,均予以公开, reads it by those words)
        // 收到当面申请3件、网络申请5件: one way of applying, a part
        if (q && PART_GUARDED.has(rule.metric) && partOfRequests(s, seg, q)) continue;
        const role = q && ROLE_METRICS.has(rule.metric) && m.index + m[0].length <= q.end ? roleAt(s, seg, quantities, q) : null;
        if (role === 'r.carried_out.total' && role !== rule.metric) continue;
      }
      // 上年度共受理…9件, 去年发生行政复议2件: last year's figure, not the year's
      if (YEAR_GUARDED.has(rule.metric)) {
        const own = s.slice(clauseAt(seg, numAt)[0], numAt).replace(note, '');
        // 上半年办结5件, 12月份办结3件: a part of the year; 其中按时办结10件: a part of the act's figure
        if (lastYearItem(own) || partOfYearItem(own) || qualifiedPart(own, rule.metric)) continue;
        // 按时答复11件，逾期答复1件: the on-time part beside the late one
        if (rule.metric === 'r.handled.total' && onTimeBesideLate(own, sentenceAfter(s, numAt + g.num!.length))) continue;
        // 办结11件,其中按时办结10件: after 其中, a figure of the role of the figure before it is its part
        if (!rule.re.source.startsWith('其中') && ROLE_METRICS.has(rule.metric) && partAfterWhole(s, seg, quantities, numAt, rule.metric)) continue;
      }
      if (CASE_TOTALS.has(rule.metric)) {
        const q = countAt(quantities, numAt);
        // 行政复议维持2件, 行政诉讼败诉1件: a figure bound to an outcome is a part; 申请人2人次: people, not cases;
        // 行政复议、行政诉讼分别为2件、1件: which figure is whose, a list's order says (not read here)
        if (q && (CASE_OUTCOME.test(itemBefore(s, seg, q)) || /^人/.test(q.unit ?? '') || s.slice(clauseAt(seg, numAt)[0], numAt).includes('分别'))) continue;
        // 行政复议、行政诉讼共3件, 提起行政复议和行政诉讼2件: one figure for both, neither's own (but none of both is none of each: 行政复议及行政诉讼0件)
        if (q && value !== 0 && BOTH_CASES.test(itemBefore(s, seg, q))) continue;
        if (partOfOtherCases(s, seg, quantities, numAt, rule.metric)) continue;
      }
      // 较上年增加8件: a change, not a count
      if (CHANGE_BEFORE.test(s.slice(Math.max(0, numAt - 12), numAt).replace(/(?:约|近|超过|超|达到|达)\s*$/, ''))) continue;
      const { start, end } = sourceSpan(norm, numAt, numAt + g.num!.length);
      const approx = Boolean(g.post) || g.pre === '约' || g.pre === '近' || g.pre === '超过' || g.pre === '超' || (figure?.approx ?? false);
      const read = makeValue(rule.metric, value, approx, false, start, end, 'narrative');
      // 共收到申请3件,均予以公开: the value is stated by meaning of the received figure, none printed for it (as 均已办结's handled)
      if (rule.allOfTheWhole) read.inferred = true;
      found.push(read);
      if (!rule.sum) break;
    }
    if (found.length === 0) continue;
    done.add(rule.metric);
    if (found.length === 1) values.push(found[0]);
    else {
      const total = found.reduce((a, v) => a + v.value, 0);
      const first = found[0];
      values.push(makeValue(first.metric, total, first.approx, true, first.start, found[found.length - 1].end, first.source));
      warnings.push(sumWarning(rule.metric, found));
    }
  }
  for (const z of [...noneSaid(s, done, years), ...noneUnderHeadings(s, headings(), done, years)]) {
    if (done.has(z.metric)) continue;
    const { start, end } = sourceSpan(norm, z.at, z.end);
    values.push({ metric: z.metric, value: 0, approx: false, derived: false, start, end, source: 'narrative' });
    done.add(z.metric);
  }
  // what no pattern read: request figures by the role of the words nearest them
  // one figure, one role: a figure another rule read is not read again
  const used = new Set(values.map((v) => v.start));
  const roles = agreed(readRoles(s, seg, quantities, years, done, area, higherScope, ownLevel).filter((r) => !used.has(sourceSpan(norm, r.q.numStart, r.q.numEnd).start) && !distributed.figures.has(r.q.numStart) && !outOfScope(r.metric, r.q.numStart) && !partOfCases(s, seg, quantities, r.q.numStart, r.metric) && !higherScope(r.q.start) && !oneGroup(r.q.numStart)));
  for (const r of roles.best) {
    const { start, end } = sourceSpan(norm, r.q.numStart, r.q.numEnd);
    values.push({ metric: r.metric, value: r.q.value!, approx: r.q.approx, derived: false, start, end, source: 'narrative' });
    done.add(r.metric);
  }
  warnings.push(...roles.warnings);
  // 二、依申请公开政府信息情况 / 全年共15件: the heading names what its first line's bare total counts
  for (const h of totalsUnderHeadings(s, headings(), quantities, years, done)) {
    const { start, end } = sourceSpan(norm, h.q.numStart, h.q.numEnd);
    values.push({ metric: h.metric, value: h.q.value!, approx: h.q.approx, derived: false, start, end, source: 'narrative' });
    done.add(h.metric);
  }
  // 共受理申请2件,均已答复: one figure, two roles, when the text says so of all of them
  const received = values.find((v) => v.metric === 'r.new.total' && v.source === 'narrative');
  if (received && !done.has('r.handled.total')) {
    const q = quantities.find((c) => c.kind === 'count' && c.value === received.value && sourceSpan(norm, c.numStart, c.numEnd).start === received.start);
    if (q && receivedAllHandled(s, seg, q, years)) {
      // made field by field, not spread: a spread's copy gets a hidden class of its own, a new
      // one after each GC, and every function that reads values is compiled again (runChecks)
      const handled = makeValue('r.handled.total', received.value, received.approx, received.derived, received.start, received.end, received.source);
      handled.inferred = true;
      values.push(handled);
      done.add('r.handled.total');
    }
  }
  values.push(...extractApplicants(norm, done, values));
  return { values, warnings };
}
