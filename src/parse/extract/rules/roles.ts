// Request figures read by role, as a careful reader does: a figure takes its role from the
// concept word nearest to it in its own clause, before or after it (受理申请38件, and number
// first: 38件申请均已办结), never across another count. Words inside a cause (因受理时间临近年底)
// say why, not what: they give the role only when nothing else does, and a clause with only a
// cause lends the role of the clause after it (…因…跨年度，转入2018年办理). Scope, time and
// breakdown features exclude a figure. Per metric, different values are a tie: no value.
import { clauseAt, sentenceAt, type Segments } from '../../recognise/clauses';
import type { Quantity } from '../../recognise/quantities';
import { inOutcomeNote, OWN_LEVEL_UNKNOWN, ownAfterShared, sharedScope, withoutYearTotal } from './features';
import { withoutOwnArea } from './own-area';
import { CHANGE_OR_OTHER_YEAR, FINISHED, notEveryReply, onTimeBesideLate, qualifiedPart, REPLY } from './reply';
import { namesOtherKindOfRequest, SERVICE_WORDS } from './request-kind';
import { spansManyYears } from './spans';
import { changesToAnother } from './change';
import { underOtherYearHead } from './year-scope';
/** The carried-in and carried-out metrics: their figures name the last or the next year by design. */
export const CARRIED_METRIC = /^r\.carried_(?:in|out)\./;

export interface Concept {
  /** The metric its figures count; null: a concept of something else (its words bind a figure to nothing read here). */
  metric: string | null;
  /** Verbs, results and states naming the concept (the counted noun 申请 names no role: every request figure has it). */
  words: string[];
}

/** An act of handling put in the next year (下一年度答复, 次年办理): the request is still open at this year's end. */
const NEXT_YEAR_ACTS = ['下一年度', '下年度', '下一年', '下年', '次年', '明年'].flatMap((y) => ['办理', '答复', '办结', '处理'].map((act) => y + act));

/** Still within the time allowed for an answer (尚在法定答复期限内): open at the year's end, not answered. */
const IN_TIME_LIMIT = ['尚在', '仍在', '还在'].flatMap((still) => ['答复期限内', '法定答复期限内', '法定期限内', '答复期内'].map((limit) => still + limit));

/** An act going on (正在答复, 仍在处理): the request is open, not answered. */
const IN_PROGRESS = ['正在', '仍在', '尚在', '还在', '处于'].flatMap((still) => ['答复', '办理', '处理', '审核', '核实'].map((act) => still + act));

/** A reply in the form of an outcome (以公开形式答复10件, 以部分公开的方式予以答复): the outcome's count, not every reply's. */
const REPLY_FORMS = (outcomes: string[]) => outcomes.flatMap((o) => ['形式', '方式'].flatMap((form) => [`以${o}${form}`, `以${o}的${form}`]).flatMap((w) => [`${w}答复`, `${w}予以答复`, `${w}作出答复`]));

/**
 * How a granting label says the information was given (予以公开, 准予公开, 决定公开, 答复公开, 答复同意公开): before
 * 公开 or 提供 with no negation nor 部分, the outcome is the granted one. 答复 followed by an outcome names how the
 * request was answered, not how many were answered.
 */
export const GRANTING = ['予以', '同意', '全部', '准予', '给予', '决定', '应予', '完全', '可以', '答复', '答复同意', '答复予以', '按申请人要求'];

/** The role lexicon of requests for disclosure: concept → its words. Longest word wins where several start. */
export const REQUEST_CONCEPTS: Concept[] = [
  { metric: 'r.new.total', words: ['收到', '接到', '受理', '登记', '新收', '提出', '接收', '收悉', '接受', '新增'] },
  // (回复/办复/已处理 are no role words: 待回复, 逾期回复0件, 当场回复3件, 对3件回复不满意, 3件已处理的申请 are no count of
  // the handled, and a part must not displace 均已办结; a reply in those words is read only as 均已回复 of all, below)
  { metric: 'r.handled.total', words: ['办结', '答复完毕', '办理完毕', '处理完毕', '办理完成', '作出答复', '做出答复', '已答复', '答复'] },
  // still open at the year's end: not yet handled (尚未 means "not yet", never "none"); 继续办理 only with a next year or a time limit (补正后继续办理 is no carry-over)
  { metric: 'r.carried_out.total', words: ['结转', '转入', '跨年度', '跨年办理', '跨年处理', '跨年答复', '下一年度继续办理', '下一年继续办理', '期限内继续办理', '下年度继续办理', '下年继续办理', '次年继续办理', '尚未办结', '未办结', '尚未答复', '未答复', '待答复', '延期', '顺延', '在办理', '未到期', '待办', '延长答复期限', ...IN_TIME_LIMIT, ...IN_PROGRESS, ...NEXT_YEAR_ACTS] },
  { metric: 'r.granted.total', words: [...GRANTING.flatMap((how) => [`${how}公开`, `${how}提供`]), '已公开', '均予公开', ...REPLY_FORMS(['公开', '全部公开', '予以公开', '同意公开'])] },
  { metric: 'r.partial.total', words: ['部分公开', '同意部分公开', '部分予以公开', '部分同意公开', '部分提供', ...REPLY_FORMS(['部分公开', '部分予以公开'])] },
  { metric: 'r.denied.total.total', words: ['不予公开', '不同意公开', '不公开', '不予提供', ...REPLY_FORMS(['不予公开', '不公开'])] },
  { metric: 'r.unable.not_held.total', words: ['信息不存在', '不存在', '不属于本机关', '不属于本单位', '不属于本部门', '非本机关', '不掌握'] },
  // (全部或部分公开, 公开或部分公开: granted and partial together, neither's figure)
  { metric: null, words: ['全部或部分公开', '全部或部分提供', '公开或部分公开', '主动公开', '行政复议', '复议', '行政诉讼', '诉讼', '起诉', '申诉', '投诉', '举报', '咨询', '留言', '信访', '热线', '建议', '提案', '收费', '费用', '审批', '许可', '办件', '撤回', '撤销', '不予处理', '其他处理', '无法提供', '不明确', '另行制作', '没有现成'] },
];

/** The figure counts requests (件, 宗, 份), not items of information (不予公开信息10条), people (人次) nor things (1个窗口). */
const REQUEST_UNIT = /^(?:件|宗|份)$/;
/** A sentence about requests, or one after such a sentence. */
const REQUEST_CONTEXT = /申请|依申请|请求/;
/** The text's last sentence: a sentence naming no request after one about another business counts its cases (三、依申请公开… / 我局认真做好群众来信来访办理工作。全年共受理15件). */
const otherBusinessOnly = (sentence: string) => OTHER_BUSINESS.test(sentence) && !REQUEST_CONTEXT.test(sentence);
const lastSentenceOf = (text: string) => text.replace(/[。；;\n\s]+$/, '').split(/[。；;\n]/).at(-1) ?? '';
/** As of the time of writing (截至目前), not of the year's end. */
const AS_OF_NOW = /截至目前|截止目前|截至发文|截止发文|截至今日|截止今日|至今/;
/** A word naming the year's own span (本年度, 今年, 2015年). */
const OWN_YEAR_WORD = /本年|今年|全年|当年|年度|年内|\d{4}年/;
/** The text says 截至目前 (as of the time of writing) and names no span of a year after it (截至目前,2022年我区… names one). */
export function asOfNowOnly(text: string): boolean {
  const m = AS_OF_NOW.exec(text);
  return m !== null && !OWN_YEAR_WORD.test(text.slice(m.index));
}
/** 其中 and only the year before the figure (其中本年度3件, 其中2015年受理21件). */
const YEAR_ONLY_PART = /其中[,，]?\s*(?:本年度?|今年|当年|\d{4}年度?)[,，]?\s*(?:新)?(?:受理|收到|接收|接到)?(?:的)?(?:申请)?(?:共|共计)?\s*$/;
/** After a stock of requests received (累计受理…申请88件, 截至目前…收到…申请35件), the part named only by the year: the year's own received, not a part of it. */
function yearOfStock(before: string): boolean {
  const at = before.lastIndexOf('其中');
  if (at < 0 || !YEAR_ONLY_PART.test(before)) return false;
  const stock = before.slice(0, at);
  return /申请/.test(stock) && /受理|收到|接到|接收/.test(stock) && (EXCLUDED.cumulative.test(withoutYearTotal(stock)) || AS_OF_NOW.test(stock));
}
/** What no count of requests of the year can be: another scope, a stock, a change, a rate, a plan. */
const EXCLUDED = {
  otherScope: /各县|各区|各市|各乡|各镇|各街道|县直|市直|区直|县区政府|下属|所属|各单位|各部门|各级|各地|等[\d一二三四五六七八九十]+个(?:部门|单位)/,
  /** A comparison with another year's figure before it in the sentence (较2022年的8件有所增加,全年共收到10件): which year each is, unsure. */
  comparison: /(?:较|比|与)\s*\d{4}年/,
  cumulative: /累计|历年|以来/,
  change: /同比|比上年|较上年|较去年|比去年|增加|增长|减少|下降|上升/,
  average: /平均|月均|日均|每月|每周|每天|每日/,
  plan: /计划|力争|预计|明年|将于|将在/,
  /** The carried in are last year's, not this year's carried out. */
  lastYear: /上年|上一年|去年|以前年度|往年/,
} as const;
/**
 * Ways of applying and kinds of applicant, written once, each kind with its words: a request
 * figure bound to one kind in its own item (本年度收到当面申请3件、网络申请5件; 通过信函方式受理申请4件;
 * 收到自然人申请8件; 上级转来申请2件，我局直接受理3件) counts a part of the requests, never their total nor a total of what was done
 * with them. One figure for several kinds named together (通过邮寄、网络提交的申请8件; 公民、法人或者
 * 其他组织提出的申请) counts them all: the body lists the ways its requests came by.
 */
// how a request reached the body is a way too: sent on by another organ (上级转来) or taken in by the body itself (直接受理)
const REQUEST_WAYS: readonly RegExp[] = [/当面|现场|窗口/, /书面/, /网上|网络|在线|互联网/, /信函|来信|邮寄/, /电子邮件|邮件/, /传真/, /电话/, /转来|转办|交办/, /直接(?:受理|收到|接收|接到)/];
const APPLICANT_KINDS: readonly RegExp[] = [/自然人|公民/, /法人|企业/, /其他组织/];
export const REQUEST_PART_KINDS: readonly RegExp[] = [...REQUEST_WAYS, ...APPLICANT_KINDS];
export const REQUEST_PARTS = new RegExp(REQUEST_PART_KINDS.map((k) => k.source).join('|'));
/** Words that make the item the whole: a total (共, 合计), or an open list of ways (当面、网络等方式). */
const WHOLE_WORD = /共|合计|总计|总数|总量|等(?:方式|渠道|途径|形式|多种)/;
/** A count in digits or Chinese numerals with its unit: where the item before a figure ends. */
const COUNT_ITEM = /[\d〇零一二两三四五六七八九十百千]\s*(?:万)?(?:余|多)?(?:件|宗|份|条|个|人次|起|次)/g;

/** The figure's own item: its clause's text before it, after the last count before it (当面申请3件、|网络申请5件). */
export function itemBefore(s: string, seg: Segments, q: Quantity): string {
  const [cs] = clauseAt(seg, q.numStart);
  // a gloss in parentheses says something of the figure before it (2件（均维持原决定）和行政诉讼1件), nothing of this one
  return afterLastCount(s.slice(Math.max(cs, q.start - 60), q.start).replace(/[(（][^()（）]*[)）]/g, ''));
}

/** A text's last list item: what follows its last count (主动公开政府信息326条、|依申请公开). */
export function afterLastCount(text: string): string {
  let cut = 0;
  COUNT_ITEM.lastIndex = 0;
  for (let m = COUNT_ITEM.exec(text); m; m = COUNT_ITEM.exec(text)) cut = m.index + m[0].length;
  return text.slice(cut);
}

/** A request figure bound to one way of applying or kind of applicant, with no word making it the whole: a part. */
export function boundToPart(item: string): boolean {
  if (!REQUEST_PARTS.test(item)) return false;
  // 分别为3件、5件: one figure per kind named
  if (item.includes('分别')) return true;
  if (WHOLE_WORD.test(item)) return false;
  return REQUEST_PART_KINDS.filter((k) => k.test(item)).length < 2;
}

/** The next item of the list after a figure, up to its own figure (、当面申请1件). */
const NEXT_ITEM = /^[^\S\n]*[、，,；;][^\S\n]*([^、，,；;。\n\d〇零一二两三四五六七八九十]{1,12}?)[^\S\n]*[\d〇零一二两三四五六七八九十]/;

/**
 * A request figure that is one way or kind of a list of them: bound to it in its own item, or,
 * whatever total word opens the list (全年共受理网上申请2件、当面申请1件), followed by another way's
 * figure (or another kind of applicant's). Its total, when the text prints one, is another figure.
 * A breakdown by the other family after it (共受理网上申请…0件,自然人申请0件,法人0件) says nothing of it.
 */
export function partOfRequests(s: string, seg: Segments, q: Quantity): boolean {
  const item = itemBefore(s, seg, q);
  if (boundToPart(item)) return true;
  const own = REQUEST_PART_KINDS.filter((k) => k.test(item));
  if (own.length !== 1) return false;
  const next = NEXT_ITEM.exec(s.slice(q.end, q.end + 30));
  const family = REQUEST_WAYS.includes(own[0]) ? REQUEST_WAYS : APPLICANT_KINDS;
  return next !== null && family.some((k) => k !== own[0] && k.test(next[1]));
}

/** A clause that only totals what came before it (，合计15件; ，共计15件). */
const TOTAL_ONLY = /^[^\S\n]*(?:共计|合计|总计)(?:为|达)?[^\S\n]*$/;
/**
 * The year's requests printed after their parts (共受理网上申请10件、当面申请5件，合计15件): the figure of a
 * clause that only totals, after a sentence that receives requests whose every other count is bound to one way of
 * applying (or every one to one kind of applicant), each kind once, adding up to it exactly.
 */
export function requestsTotalAfterParts(s: string, seg: Segments, quantities: readonly Quantity[], q: Quantity): boolean {
  if (q.kind !== 'count' || q.value === null || q.approx || !REQUEST_UNIT.test(q.unit ?? '')) return false;
  const [cs] = clauseAt(seg, q.numStart);
  if (!TOTAL_ONLY.test(s.slice(cs, q.start))) return false;
  const [ss] = sentenceAt(seg, q.numStart);
  const parts = quantities.filter((p) => p.kind === 'count' && p.start >= ss && p.end <= cs);
  if (parts.length < 2 || parts.some((p) => p.value === null || p.approx || !REQUEST_UNIT.test(p.unit ?? ''))) return false;
  const kinds = parts.map((p) => {
    const own = REQUEST_PART_KINDS.filter((k) => k.test(itemBefore(s, seg, p)));
    return own.length === 1 ? own[0] : null;
  });
  if (kinds.some((k) => k === null) || new Set(kinds).size !== kinds.length) return false;
  const family = REQUEST_WAYS.includes(kinds[0]!) ? REQUEST_WAYS : APPLICANT_KINDS;
  if (!kinds.every((k) => family.includes(k!))) return false;
  const opening = s.slice(ss, parts[0].start);
  return /受理|收到|接到|接收/.test(opening) && /申请/.test(s.slice(ss, cs)) && parts.reduce((a, p) => a + p.value!, 0) === q.value;
}

/**
 * A statement of none of one way of applying (未收到通过信函方式提交的申请): none of a part, not of
 * the year's requests. Its whole clause is read (未接到书面方式申请的…申请和网络方式申请的…申请: every
 * way named, the whole); kinds of applicant are not asked (未收到公民提出的申请 says none of the public's).
 */
export function noneOfOneWay(clause: string): boolean {
  return !WHOLE_WORD.test(clause) && REQUEST_WAYS.filter((k) => k.test(clause)).length === 1;
}

/** A part of the year (上半年, 第一季度, 12月份, 1-11月, a day): not the year's count. */
const PART_OF_YEAR = /上半年|下半年|季度|(?<![\d年])\d{1,2}月份?(?:至|到|[-—~－]\d{1,2}月)?(?!\d{1,2}日)/;
/** A day of the year (3月15日受理申请1件), not its end (12月31日) nor a day since or up to which (截至…, …以来). */
const DAY = /(\d{1,2})月(\d{1,2})日/;
/** The whole year as a span of its months or days (2015年1月至12月, 1月1日至12月31日, 1-12月): the year's period, no part of it. */
const WHOLE_YEAR_SPAN = /(?<!\d)1\s*(?:月(?:1日)?)?\s*(?:至|到|[-—~－])\s*12\s*月(?:份)?(?:31日|(?!\s*\d{1,2}\s*日))/g;
export const partOfYearItem = (text: string): boolean => {
  const clause = text.includes('12') ? text.replace(WHOLE_YEAR_SPAN, '') : text;
  if (PART_OF_YEAR.test(clause)) return true;
  const d = DAY.exec(clause);
  return d !== null && !(d[1] === '12' && d[2] === '31') && !/截至|截止|以来|起/.test(clause);
};
export { qualifiedPart };

/**
 * The rest of a whole named before (其余2件, 剩余的3件, 余下2件): a part of it, never a total of the year.
 * Tested on the figure's clause before it (其余的申请中2件, 其余申请共2件).
 */
const REST = /(?:其余|剩余|剩下|余下)(?:的)?(?:政府信息公开)?(?:申请)?(?:中|当中|之中|里)?\s*(?:共|共计|有|还有)?\s*$/;
/** The totals a rest is a part of; an outcome's rest (其余2件不予公开) is that outcome's own figure. */
const REST_TOTALS = new Set(['r.new.total', 'r.handled.total', 'r.carried_out.total']);
export const restOfWhole = (clause: string, metric: string): boolean => REST_TOTALS.has(metric) && REST.test(clause);
/** The carried-in requests as the scope of a sentence (上年结转的申请中, 结转上年度的3件申请): what is said of them is no figure of the year's own. */
export const CARRIED_IN_SCOPE = /(?:上年|上一年|上年度|上一年度|去年)[^,，。;；\d]{0,4}结转(?:的|来的)?[^,，。;；\d]{0,8}?(?:中|当中|之中)\s*(?:[,，:：]|$)|结转上一?年度?的[^,，。;；]{0,8}?申请/;
/** The carried-in requests as the subject of the figure's own clause (上年结转的3件申请已回复3件): what was done with them is no count of the year's handled. */
export const CARRIED_IN_SUBJECT = /(?:上年|上一年|上年度|上一年度|去年)[^,，。;；\d]{0,4}结转(?:的|来的)?[^,，。;；]{0,8}?申请/;
/** A rest done too, after the figure (，其余2件已于12月答复): no time after the year, nothing still open. */
const REST_DONE = /^(?:(?!其中)[^。;；\n])*?[,，]\s*(?:其余|剩余|剩下|余下)(?:的)?(?:申请)?\s*[\d〇零一二两三四五六七八九十]+\s*(?:件|宗|份)([^,，。;；\n]*?)(?:办结|答复|办理完毕|处理完毕|办理完成)/;
const STILL_OPEN = /将|拟|尚|仍|正在|未|下一?年|次年|明年|来年|结转|延期|顺延|跨年/;
/**
 * 按时答复20件，其余2件已于12月答复: the rest of the requests done as well, within the year, so the figure
 * before is a part of the year's handled (on time), not its total; the total (their sum) is not printed.
 * `after`: the sentence after the figure; `years`: the report's, its statistics year first. A rest done
 * after that year (2022年1月, even the year of publication) or still open leaves the figure whole.
 */
export function restDoneAfter(after: string, years: readonly number[]): boolean {
  const m = REST_DONE.exec(after);
  if (!m || STILL_OPEN.test(m[1])) return false;
  const named = [...m[1].matchAll(/(\d{4})年/g)].map((y) => Number(y[1]));
  return named.every((y) => y === years[0]);
}

/** Last year's figure (上年度共受理…9件, 去年收到申请9件), not what was carried from it (上年结转), nor a comparison with this year's. */
export const LAST_YEAR_ITEM = /去年|上年度?(?!结转)|上一年度?(?!结转)|前一年/;
export const lastYearItem = (clause: string): boolean => LAST_YEAR_ITEM.test(clause) && !/结转|本年|今年|当年|本年度/.test(clause);

/** The requests counted as a whole, as a clause's subject (政府信息公开申请数, 申请总量). */
// or said to be few or many (政府信息公开申请较少)
const REQUESTS_AS_SUBJECT = /申请(?:数|总数|总量|数量|量|件数)|(?:信息公开|依申请公开)申请情况$|(?:信息公开|依申请公开|公开)申请(?:相对|比较|较|很|偏|不)(?:少|多)$/;
/** A clause of only the year's span, a total, "only" or a level word before its figure (共计11件, 达12件, 全年仅2件). */
const CONTINUES = /^\s*(?:全年|本年度?|今年|年内|当年)?\s*(?:共|共计|合计|总计|仅|只|仅有|只有|共有)?\s*(?:达到|达|为|计)?\s*$/;
/** 共/合计 right before the figure, nothing else of its own after the parts' list. */
const TOTAL_AFTER = /(?:共|共计|合计|总计)\s*(?:为|是|达)?\s*$/;

/**
 * The total of the ways of applying (当面申请和网上申请共12件; 网上申请7件,当面申请5件,共计12件): a
 * figure bound to a total word, after the parts it sums. The parts are named in its own item, or
 * the figures bound to them right before it in the sentence add up to it exactly.
 */
function totalOfParts(s: string, seg: Segments, counts: Quantity[], i: number, ss: number): boolean {
  const q = counts[i];
  const item = itemBefore(s, seg, q);
  if (!TOTAL_AFTER.test(item)) return false;
  if (REQUEST_PARTS.test(item) && item.includes('申请')) return true;
  let sum = 0;
  let n = 0;
  for (let k = i - 1; k >= 0 && counts[k].start >= ss; k--) {
    const p = counts[k];
    if (p.unit === null || !REQUEST_UNIT.test(p.unit) || p.approx || !boundToPart(itemBefore(s, seg, p))) break;
    sum += p.value!;
    n++;
  }
  return n >= 2 && sum === q.value;
}

/** A breakdown of the figure before it follows: figures of the same role after it are its parts. */
const BREAKDOWN = /其中|包括|含/;
/** A total of requests with no verb: 共有政府信息公开申请, 申请总数为, 申请共 right before the figure (not 共办理…申请: a verb of its own). */
const TOTAL_OF_REQUESTS = /(?:共有|共计有?|合计|总计)(?:政府信息公开|依申请公开|信息公开)?(?:的)?申请(?:数|总数|数量)?(?:为|是|[:：])?\s*$|申请(?:(?:数|总数|总量|数量|件数|量)(?:共|共计|合计|总计)?|共|共计|合计|总计)(?:为|是|达|[:：])?\s*$|(?:信息公开|依申请公开)申请情况[:：]\s*(?:共|共计|合计|总计)?\s*$/;
/** The applicants' act right before the figure (公民申请公开政府信息5件): the requests made, the year's received (not 依申请公开: what was disclosed on request). */
const APPLIED_FOR = /(?<!依)申请公开(?:政府|政务)?信息(?:共|共计|合计|总计)?(?:为|达)?\s*$/;
/** A total word (or the year's 有, not 其中有, 仍有) right before the figure, and the requests as its noun right after it, the clause ending there. */
const TOTAL_BEFORE = /(?:共有|共计有?|合计|总计|(?<![其中还尚仍另又])有)\s*$/;
const REQUESTS_AFTER = /^(?:的)?(?:政府信息公开|依申请公开|信息公开)(?:的)?申请\s*$/;
/** Metrics that are totals of the year: never a part under another figure's 其中. */
const TOTALS = new Set(['r.new.total', 'r.handled.total', 'r.carried_out.total']);
/** The totals of what became of the year's requests: under 其中 after the received, still wholes. */
const OUTCOME_TOTALS = new Set(['r.handled.total', 'r.carried_out.total']);
/** The requests' handled figure and their outcomes. */
const OUTCOME_METRIC = /^r\.(?:handled|granted|partial|denied|unable)\./;
/** Another business before the figure in its sentence (行政复议5宗,其中2宗维持原答复; 热线…来电事项12件,办结12件): not requests for disclosure. */
const OTHER_BUSINESS = new RegExp(`复议|诉讼|热线|信访|咨询|留言|来电|来信|来访|投诉|举报|建议|提案|工单|12345|${SERVICE_WORDS}`);

interface Token {
  metric: string | null;
  start: number;
  end: number;
  weak: boolean;
  /** A reply of one manner, late or intended (当场答复, 1件逾期答复, 拟答复): a part of the replies, never their whole. */
  part?: boolean;
}

const WORDS: { word: string; metric: string | null }[] = REQUEST_CONCEPTS.flatMap((c) => c.words.map((word) => ({ word, metric: c.metric }))).sort((a, b) => b.word.length - a.word.length);
/** The words by their first character, longest first: only those are tried where a character starts one. */
const BY_FIRST = new Map<number, typeof WORDS>();
for (const w of WORDS) {
  const list = BY_FIRST.get(w.word.charCodeAt(0));
  if (list) list.push(w);
  else BY_FIRST.set(w.word.charCodeAt(0), [w]);
}

/**
 * "Not yet" right before an act (尚未作出答复, 还没有办结, 未到答复期限), or the act put in the next
 * year (需在下一年度作出答复): the request is open at the year's end. Not 未予 (a refusal), 未按期
 * (done late) nor 延期答复 (answered late or still open: the text does not say).
 */
const NOT_YET = /(?:未(?:到|能|曾)?(?:法定)?|尚没有|还没有|(?:下一?年度?|次年|明年)[^,，。;；\d]{0,3})$/;

/** 公开答复10件, 提供答复: the reply an outcome gave, a count of that outcome, not of all handled (信息公开答复, 申请公开答复: replies to requests). */
const OUTCOME_REPLY = /(?<!信息|申请)(?:公开|提供)$/;

/** 答复期限, 答复时限: the time allowed for an answer, no act of answering (在答复期限内答复 is answered by its last word). */
const ANSWER_PERIOD = /^(?:期限|期内|时限|期满)/;

/** Labels a note after them glosses (办结（含上年结转）, 同意公开（含已主动公开）), and the outcomes of their list a note may still name. */
const GLOSSED_LABELS = new Set(['r.handled.total', 'r.granted.total']);
const LISTED_OUTCOME = /^r\.(?:granted|partial|denied|unable)\./;
/** A note that the figure includes something (含, 包括, 包含; not 不含, 未包含). */
const INCLUDES_NOTE = /^(?:含|包括|包含)/;
/** The concept words of s[from, to), longest first at each place, left to right. */
function tokens(s: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let cause = -1;
  let depth = 0;
  for (let i = from; i < to; i++) {
    // a gloss in parentheses (1326宗(未包含上年结转42宗)) says something about the figure, not what it counts
    const ch = s[i];
    // …unless it says the figure holds another concept too (同意公开（含部分公开）18件): then both are named, as 予以公开及部分公开 names both
    // (after a label of the handled or the granted the note glosses it: what they include, carried-in, late or already disclosed
    // requests (办结（含上年结转）23件, 同意公开（含已主动公开）15件), names only another outcome of the list)
    if ((ch === '(' || ch === '（') && depth === 0 && INCLUDES_NOTE.test(s.slice(i + 1, i + 4))) {
      const close = s.slice(i, to).search(/[)）]/);
      const label = GLOSSED_LABELS.has(out.at(-1)?.metric ?? '') && /^\s*$/.test(s.slice(out.at(-1)!.end, i).replace(/^(?:数|申请|的申请)/, ''));
      if (close > 0) out.push(...tokens(s, i + 1, i + close).filter((t) => !label || LISTED_OUTCOME.test(t.metric ?? '')).map((t) => ({ ...t, weak: cause >= 0 })));
    }
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    if (depth > 0) continue;
    // a cause (因, 由于): the words after it, to the stretch's end, say why
    if (cause < 0 && (s[i] === '因' || s.startsWith('由于', i))) cause = i;
    const starting = BY_FIRST.get(s.charCodeAt(i));
    if (starting === undefined) continue;
    for (const w of starting) {
      if (i + w.word.length <= to && s.startsWith(w.word, i)) {
        // 尚未作出答复, 未到答复期限: an act not yet done leaves the request open
        const handled = w.metric === 'r.handled.total';
        const lead = handled ? s.slice(Math.max(from, i - 8), i) : '';
        // 当场答复, 逾期答复, 拟答复: one kind of reply, or one intended, no count of every reply
        const metric = handled && NOT_YET.test(lead) ? 'r.carried_out.total' : handled && OUTCOME_REPLY.test(s.slice(Math.max(from, i - 4), i)) ? null : w.metric;
        const part = metric === 'r.handled.total' && notEveryReply(lead, w.word);
        if (metric !== 'r.handled.total' || !ANSWER_PERIOD.test(s.slice(i + w.word.length, i + w.word.length + 2))) out.push({ metric, start: i, end: i + w.word.length, weak: cause >= 0, ...(part ? { part } : {}) });
        i += w.word.length - 1;
        break;
      }
    }
  }
  return out;
}

export interface RoleReading {
  metric: string;
  q: Quantity;
  /** The concept word that gave the role. */
  word: string;
  /** A part of the role's figures (当场答复3件, 1件逾期答复): no value, yet no other lone figure of the role is their whole. */
  part?: boolean;
  /** Stated as a sum in its clause (合计答复12件, 共答复12件). */
  sum?: boolean;
}
/** A sum stated at its clause's head (合计答复12件, 共答复12件, 全年共计12件): not 共 inside a word (公共平台, 共同答复, 共享), nor one channel's total (网上答复共计6件). */
const SUM_STATED = /^\s*(?:以上|上述|全年|本年度?|今年|我局|我委|我办|本机关|本单位)?(?:合计|共计|总计|累计|共(?![享同建性识]))/;

/** The nearest strong concept word on either side, or (when none) the nearest weak one; a tie between roles at one distance: none. */
function nearest(s: string, left: Token[], right: Token[], q: Quantity, weak: boolean): Token | null | 'tie' {
  const ls = left.filter((t) => t.weak === weak);
  // two concepts joined before the figure (受理答复…申请28件, 予以公开及部分公开258件): which one counts is not said
  if (ls.some((t) => t.metric !== ls[0].metric)) return 'tie';
  const l = ls[ls.length - 1];
  const r = right.find((t) => t.weak === weak);
  // 受理申请3件均予以公开: what is said of all of them after the figure leaves it its own role
  if (l && r && ALL.test(s.slice(q.end, r.start))) return l;
  if (!l) return r ?? null;
  if (!r) return l;
  const dl = q.start - l.end;
  const dr = r.start - q.end;
  if (dl === dr && l.metric !== r.metric) return 'tie';
  return dl <= dr ? l : r;
}

/** 均, 全部, 都: what follows is said of every one of the figure's items. */
const ALL = /均|全部|都|皆|一律/;

/**
 * The concept word that governs a figure from right after it (1件尚在办理, 99件办结), when one
 * starts within two characters of its unit, in its clause, and is not said of all of them (3件均予以公开): its metric.
 */
export function governedAfter(s: string, q: Quantity): string | null {
  const t = tokens(s, q.end, Math.min(s.length, q.end + 8)).find((x) => !x.weak);
  if (!t || t.metric === null || t.start - q.end > 2 || /[,，、;；。:：()（）\n]/.test(s.slice(q.end, t.start)) || ALL.test(s.slice(q.end, t.start))) return null;
  return t.metric;
}

/** The role the nearest concept word gives a figure in its clause (before or after it), or null: what a pattern's reading of the figure must agree with. */
export function roleAt(s: string, seg: Segments, quantities: Quantity[], q: Quantity): string | null {
  const [cs, ce] = clauseAt(seg, q.numStart);
  let from = cs;
  let to = ce;
  for (const c of quantities) {
    if (c === q || c.kind !== 'count') continue;
    if (c.end <= q.start && c.end > from) from = c.end;
    if (c.start >= q.end && c.start < to) to = c.start;
  }
  const t = nearest(s, tokens(s, from, q.start), tokens(s, q.end, to), q, false);
  return t === null || t === 'tie' ? null : t.metric;
}


/**
 * A request's information found already disclosed (15件属于已主动公开范围, 告知已主动公开): an answer to a request, the old
 * statistics table's own row beside 同意公开答复数 (no 予以公开, so read as no outcome), never an act of proactive disclosure.
 */
// (or a note on an outcome saying some of it was: 同意公开（含已主动公开的）, （其中已主动公开5件）)
const ALREADY_DISCLOSED = /[（(](?:含|包括|包含|其中)(?:属于)?已(?:经)?主动公开[^（()）]{0,10}[）)]|属于已(?:经)?主动公开(?:的)?(?:政府信息|信息)?(?:的)?(?:范围|内容|事项)?|已(?:经)?主动公开(?:的)?(?:政府信息|信息)?(?:的)?范围|告知(?:申请人)?(?:所申请的?)?(?:政府信息|信息)?(?:已经|已)主动公开/g;
/** Proactive disclosure named in `text`, not counting a request's information found already disclosed. */
export function namesProactive(text: string): boolean {
  return text.includes('主动公开') && text.replace(ALREADY_DISCLOSED, '').includes('主动公开');
}

/** Proactive disclosure (主动公开) in the figure's own item, or in the sentence before it when the item names no request (申请, 请求). */
export function proactiveItem(item: string, sentenceBefore: string): boolean {
  return namesProactive(item) || (namesProactive(sentenceBefore) && !REQUEST_CONTEXT.test(item));
}

/** Is a count of the report's own scope (not `otherScope`'s) before counts[i] within [a, b)? */
function countBetween(counts: Quantity[], i: number, a: number, b: number, otherScope: (at: number) => boolean): boolean {
  for (let k = i - 1; k >= 0 && counts[k].end > a; k--) if (counts[k].start >= a && counts[k].end <= b && !otherScope(counts[k].start)) return true;
  return false;
}

/**
 * Role readings of every request figure of the text. `years`: the report's years (a figure naming another is excluded); `done`: metrics already read, whose readings are not made.
 * `otherScope`: a figure at that start is another scope's, no whole of the parts after it (全县共受理…15件，其中本局受理3件 in a bureau's report).
 */
export function readRoles(s: string, seg: Segments, quantities: Quantity[], years: readonly number[], done: ReadonlySet<string> = new Set(), area = '', otherScope: (at: number) => boolean = () => false, ownLevel = OWN_LEVEL_UNKNOWN): RoleReading[] {
  const counts = quantities.filter((q) => q.kind === 'count' && q.value !== null);
  const yearsAt = quantities.filter((q) => q.kind === 'year');
  const out: RoleReading[] = [];
  /** Per sentence start, the roles read before a breakdown word. */
  let sentence = -1;
  let wholes = new Set<string>();
  /** The sentence is about requests (or follows one). */
  let aboutRequests = false;
  /** The sentence names proactive disclosure somewhere. */
  let proactiveSentence = false;
  for (let i = 0; i < counts.length; i++) {
    const q = counts[i];
    if (q.unit === null || !REQUEST_UNIT.test(q.unit)) continue;
    const [ss, se] = sentenceAt(seg, q.numStart);
    if (ss !== sentence) {
      sentence = ss;
      wholes = new Set();
      aboutRequests = REQUEST_CONTEXT.test(s.slice(ss, se)) || (REQUEST_CONTEXT.test(s.slice(Math.max(0, ss - 160), ss)) && !otherBusinessOnly(lastSentenceOf(s.slice(Math.max(0, ss - 160), ss))));
      proactiveSentence = namesProactive(s.slice(ss, se));
    }
    const [cs, ce] = clauseAt(seg, q.numStart);
    // the figure's own stretch: its clause, cut at the counts beside it (counts are in text order)
    const prev = i > 0 ? counts[i - 1] : null;
    const next = i + 1 < counts.length ? counts[i + 1] : null;
    const from = prev && prev.end <= q.start && prev.end > cs ? prev.end : cs;
    let to = next && next.start >= q.end && next.start < ce ? next.start : ce;
    const left = tokens(s, from, q.start);
    let right = tokens(s, q.end, to);
    let t = nearest(s, left, right, q, false);
    if (t === null && to === ce) {
      // a clause with no role of its own but a cause: the role of the next clause, if it holds no count
      const [ns, ne] = clauseAt(seg, ce + 1);
      if (ce < se && ns > ce && !(next && next.start < ne)) {
        right = tokens(s, ns, ne).filter((x) => !x.weak);
        t = right[0] ?? null;
        if (t) to = ne;
      }
    }
    if (t === null && from === cs && CONTINUES.test(s.slice(cs, q.start)) && cs > ss) {
      // a clause of only 共计/达 and the figure goes on from the clause before it (已全部按期答复,共计11件), when that holds no count
      const [ps] = clauseAt(seg, cs - 2);
      if (ps >= ss && !(prev && prev.end > ps)) {
        t = tokens(s, ps, cs - 1).filter((x) => !x.weak).at(-1) ?? null;
        // the requests counted as a whole are the subject (申请数同比下降10%,为12件): the year's received
        if (t === null && REQUESTS_AS_SUBJECT.test(s.slice(ps, cs - 1))) t = { metric: 'r.new.total', start: q.start, end: q.start, weak: false };
      }
    }
    // 累计受理…申请150件（其中本年度21件）, 截至目前…35件，其中本年度3件: the part named only by the year is the year's received
    if (t === null && yearOfStock(s.slice(ss, q.start))) t = { metric: 'r.new.total', start: q.start, end: q.start, weak: false };
    if (t === null) t = nearest(s, left, tokens(s, q.end, to), q, true);
    // no concept word at all: requests counted as a whole (共有政府信息公开申请14件) are the year's received,
    // or the figure before them (本年度共有12件政府信息公开申请), or the applicants' act (群众申请公开政府信息5件)
    const whole = TOTAL_OF_REQUESTS.test(s.slice(from, q.start)) || APPLIED_FOR.test(s.slice(from, q.start)) || (TOTAL_BEFORE.test(s.slice(from, q.start)) && REQUESTS_AFTER.test(s.slice(q.end, to)));
    if (t === null && (whole || totalOfParts(s, seg, counts, i, ss))) t = { metric: 'r.new.total', start: q.start, end: q.start, weak: false };
    // 申请公开政府信息共5件，均已按时答复: what is said of all of them after the whole is a second role of it, the whole still the year's received
    const receivedToo = whole && t !== null && t !== 'tie' && t.metric !== 'r.new.total' && t.start >= q.end && ALL.test(s.slice(q.end, t.start));
    if (t === null || t === 'tie' || t.metric === null) continue;
    const metric = t.metric;
    // 同意公开（含告知获取途径的5件）15件: a figure in a note on an outcome is a part of it, never its count
    if (OUTCOME_METRIC.test(metric) && inOutcomeNote(s.slice(ss, q.start))) continue;
    // a breakdown's parts (其中当面申请6件) are never the whole
    const before = s.slice(ss, q.start);
    const b = before.search(BREAKDOWN);
    // (全县财政系统共受理…230件，其中局本级受理25件: the body's own after several bodies' whole is no part of it but the report's own)
    const wholeBefore = b >= 0 && countBetween(counts, i, ss, ss + b, otherScope) && !ownAfterShared(s.slice(ss, cs), s.slice(cs, q.start), area, ownLevel);
    // …受理申请25件，其中23件已办结: what became of the received, figure first, a whole of its own (not a manner of it:
    // 其中当场答复3件; nor a label in a list of outcomes: 其中答复1件，不掌握…4件)
    const outcomeOfReceived = wholeBefore && OUTCOME_TOTALS.has(metric) && !t.part && t.start >= q.end && !wholes.has(metric) && tokens(s, ss, ss + b).filter((x) => !x.weak && x.metric !== null).at(-1)?.metric === 'r.new.total';
    if (wholeBefore && (wholes.has(metric) || TOTALS.has(metric)) && !outcomeOfReceived && !(metric === 'r.new.total' && yearOfStock(before))) continue;
    if (OTHER_BUSINESS.test(before) || EXCLUDED.comparison.test(before)) continue;
    if ((metric === 'r.new.total' || metric === 'r.handled.total') && namesOtherKindOfRequest(s.slice(cs, q.start))) continue;
    // 办结…1422件,其中结转下年度…114件: a breakdown naming another total makes the figure's role unsure
    const after = s.slice(q.end, se);
    const a = after.search(BREAKDOWN);
    if (a >= 0 && TOTALS.has(metric) && tokens(s, q.end + a, se).some((x) => x.metric !== null && x.metric !== metric && TOTALS.has(x.metric))) continue;
    if (!wholeBefore) wholes.add(metric);
    if (!aboutRequests || done.has(metric)) continue;
    // 主动公开…326条，登记…申请5件: proactive disclosure governs its own item, and the sentence's items that name no request
    if (proactiveSentence && proactiveItem(s.slice(from, to), s.slice(ss, from))) continue;
    const stretch = s.slice(cs, to);
    const own = s.slice(from, q.start);
    // what is still open is by nature handled later (2件…将在下一年度答复): a plan only before its figure
    if (EXCLUDED.otherScope.test(withoutOwnArea(stretch, area)) || EXCLUDED.cumulative.test(withoutYearTotal(stretch)) || (!CARRIED_METRIC.test(metric) && spansManyYears(s.slice(ss, q.start), years)) || EXCLUDED.average.test(stretch) || EXCLUDED.plan.test(metric === 'r.carried_out.total' ? s.slice(cs, q.start) : stretch)) continue;
    if (EXCLUDED.change.test(own) || changesToAnother(s.slice(q.end, q.end + 10))) continue;
    // 截至目前，共受理…35件: as of now with no word of the year after it, the stock or the year's, unsure
    if (asOfNowOnly(before)) continue;
    // 其余2件已于12月答复, 剩余3件于次年1月办结: the rest of a whole named before; of the carried-in ones (上年结转的申请中) not even what is still open
    if (restOfWhole(s.slice(cs, q.start), metric) && (metric !== 'r.carried_out.total' || CARRIED_IN_SCOPE.test(before))) continue;
    if (metric === 'r.handled.total' && restDoneAfter(s.slice(q.end, se), years)) continue;
    // 全市共受理…1200件,我局受理14件: the larger scope's figure before the body's own
    if (sharedScope(s.slice(cs, q.start), s.slice(q.end, se), area, ownLevel)) continue;
    // the year a clause names: the report's (the next one's for what is carried over to it)
    const named: number[] = [];
    for (const y of yearsAt) if (y.start >= cs && y.end <= to && !/^\d{1,2}月/.test(s.slice(y.end, y.end + 3))) named.push(y.value!);
    if (years.length > 0 && named.length > 0) {
      const allowed = metric === 'r.carried_out.total' ? years.map((y) => y + 1) : years;
      if (!named.every((y) => allowed.includes(y))) continue;
    }
    // 上年⏎结转申请10宗: a clause opened by a line break after no punctuation goes on the line before (a wrap left in)
    const wrappedFrom = s.charCodeAt(cs - 1) === 0x0a ? /[^,，。；;:：、\n]*$/.exec(s.slice(Math.max(0, cs - 41), cs - 1))![0] : '';
    if (metric === 'r.carried_out.total' && EXCLUDED.lastYear.test(wrappedFrom + stretch)) continue;
    if (metric !== 'r.carried_out.total' && (partOfRequests(s, seg, q) || lastYearItem(s.slice(cs, q.start)))) continue;
    if (metric === 'r.handled.total' && CARRIED_IN_SUBJECT.test(s.slice(cs, q.start))) continue;
    if (!CARRIED_METRIC.test(metric) && underOtherYearHead(s.slice(ss, q.numStart), s.slice(cs, q.numStart), years)) continue;
    // 11件按时答复，1件逾期答复 / 9件书面答复，3件当场答复: a part of this year's replies (not 0 of them) blocks the other from being all
    if (t.part) {
      if (q.value! > 0 && !partOfYearItem(s.slice(cs, q.start)) && !CHANGE_OR_OTHER_YEAR.test(s.slice(cs, q.start))) out.push({ metric, q, word: s.slice(t.start, t.end), part: true });
      continue;
    }
    if (partOfYearItem(s.slice(cs, q.start)) || qualifiedPart(s.slice(cs, q.start), metric)) continue;
    if (metric === 'r.handled.total' && onTimeBesideLate(s.slice(cs, q.start), s.slice(q.end, se))) continue;
    out.push({ metric, q, word: s.slice(t.start, t.end), ...(SUM_STATED.test(s.slice(cs, q.start)) ? { sum: true } : {}) });
    if (receivedToo && !done.has('r.new.total')) out.push({ metric: 'r.new.total', q, word: s.slice(from, q.start) });
  }
  return out;
}

/** Per metric, the one value its readings agree on; different values: a warning and none. */
export function agreed(readings: RoleReading[]): { best: RoleReading[]; warnings: string[] } {
  const by = new Map<string, RoleReading[]>();
  for (const r of readings) by.set(r.metric, [...(by.get(r.metric) ?? []), r]);
  const best: RoleReading[] = [];
  const warnings: string[] = [];
  for (const [metric, rs] of by) {
    if (rs.some((r) => r.part)) {
      // beside a part, only the figure that is the sum of all the others (当场3件，书面9件，合计12件) is the whole
      const figures = [...new Map(rs.map((r) => [r.q.numStart, r])).values()];
      const sum = figures.reduce((n, r) => n + r.q.value!, 0);
      const wholes = figures.filter((r) => !r.part);
      const lastPart = Math.max(...figures.filter((r) => r.part).map((r) => r.q.numStart));
      const whole = (figures.length > 2 ? wholes.find((r) => r.q.value! * 2 === sum) : undefined) ?? (wholes.length === 1 && wholes[0].sum && wholes[0].q.numStart > lastPart ? wholes[0] : undefined);
      if (whole) best.push(whole);
      else if (figures.some((r) => !r.part)) warnings.push(`${metric}: a part of it beside ${figures.length - 1} other figure(s) by role; none recorded`);
      continue;
    }
    const values = [...new Set(rs.map((r) => r.q.value))];
    if (values.length === 1) best.push(rs[0]);
    else warnings.push(`${metric}: ${values.length} figures by role (${values.join(', ')}); none recorded`);
  }
  return { best, warnings };
}

/** The cases' concepts beside the requests' (a list 行政复议、行政诉讼分别为2件、1件 names them). */
const CASE_CONCEPTS: { word: string; metric: string }[] = [
  { word: '行政复议', metric: 'rv.total' },
  { word: '复议', metric: 'rv.total' },
  { word: '行政诉讼', metric: 'lit.total' },
  { word: '诉讼', metric: 'lit.total' },
];

/** The concepts a list names, in order: the role lexicon's, the cases' where it names none. */
function conceptsIn(s: string, from: number, to: number): (string | null)[] {
  const out: { at: number; metric: string | null }[] = tokens(s, from, to).filter((t) => !t.weak).map((t) => ({ at: t.start, metric: t.metric }));
  for (let i = from; i < to; i++) {
    const c = CASE_CONCEPTS.find((w) => s.startsWith(w.word, i));
    if (!c) continue;
    // the case word is the role lexicon's "other business" token at the same place: the case's metric instead
    const k = out.findIndex((t) => t.at === i);
    if (k >= 0) out.splice(k, 1);
    out.push({ at: i, metric: c.metric });
    i += c.word.length - 1;
  }
  return out.sort((a, b) => a.at - b.at).map((t) => t.metric);
}

const notTheYears = (subject: string) => EXCLUDED.otherScope.test(subject) || EXCLUDED.cumulative.test(withoutYearTotal(subject)) || EXCLUDED.change.test(subject) || lastYearItem(subject) || EXCLUDED.average.test(subject) || EXCLUDED.plan.test(subject);
/** The words that give figures to several concepts at once, for the text's word index. */
export const DISTRIBUTIVE_WORDS = ['分别', '各'];
const DIGIT_AFTER = /^[\d〇零一二两三四五六七八九十]$/;
/** After 分别, the names it pairs (分别作出同意公开、部分公开、不予公开、信息不存在的答复): words and 、 only, no figure nor clause end. */
const NAMES_AFTER = /^[^\d,，。;；:：]{2,40}$/;
/** The reply or decision the names after 分别 qualify (…、信息不存在的答复), at the end of those words. */
const REPLY_HEAD = /(?:的)?(?:答复|回复|决定)(?:意见|书)?$/;
/** Between the figures of one list (7件、2件和1件): nothing but a separator. */
const LIST_GAP = /^\s*(?:、|,|，|和|及|与|以及)?\s*$/;
/** Between two figures of one list, a separator and then words of the next figure's own (、部分公开3件): a list of labelled items. */
const LABELLED_GAP = /^\s*(?:、|,|，|;|；)\s*[^\d\s、,，。;；:：]{2,10}$/;

/**
 * The counts of `quantities`, with the bare figures of a list whose unit is written once at its end
 * (分别为15、3、2、3件): each figure of the list counts in that unit.
 */
function withListUnit(s: string, quantities: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  const held: Quantity[] = [];
  for (const q of quantities) {
    if (q.value === null) {
      held.length = 0;
      continue;
    }
    const joined = held.length > 0 && LIST_GAP.test(s.slice(held[held.length - 1].end, q.start)) && !/^\s*$/.test(s.slice(held[held.length - 1].end, q.start));
    if (q.kind === 'number' && !q.approx && Number.isInteger(q.value)) {
      if (!joined) held.length = 0;
      held.push(q);
      continue;
    }
    if (q.kind === 'count' && held.length > 0 && joined) out.push(...held.map((h) => ({ ...h, kind: q.kind, unit: q.unit })));
    held.length = 0;
    if (q.kind === 'count') out.push(q);
  }
  return out;
}

/**
 * Figures given to several concepts at once (`at`: where 分别 and 各 start, in order): 分别 pairs the concepts named before it with the
 * figures after it, in order (予以公开、部分公开、不予公开分别为7件、2件、1件), only when both lists are
 * as long and every concept is one metric read here; 各 gives one figure to each (行政复议和行政诉讼各1件).
 * `figures`: every figure of such a list, paired or not (no other reading may take it).
 */
export function readDistributed(s: string, seg: Segments, quantities: Quantity[], at: readonly number[], area = ''): { readings: RoleReading[]; figures: Set<number> } {
  const readings: RoleReading[] = [];
  const figures = new Set<number>();
  if (at.length === 0) return { readings, figures };
  const counts = withListUnit(s, quantities);
  /** The concepts the clause names before `d`, one metric each, or null when they are not a clean list. */
  const subjectOf = (d: number): string[] | null => {
    const [cs] = clauseAt(seg, d);
    // another scope's, a stock, last year's or a change: paired with nothing
    if (notTheYears(withoutOwnArea(s.slice(cs, d), area))) return null;
    const concepts = conceptsIn(s, cs, d);
    if (concepts.some((c) => c === null) || new Set(concepts).size !== concepts.length) return null;
    return concepts as string[];
  };
  for (const d of at) {
    const [, se] = sentenceAt(seg, d);
    if (s[d] === '各') {
      // 各 only right before a figure (各1件) or its copula (各有, 各为), not 各类, 各乡镇
      const lead = '有为是计'.includes(s[d + 1] ?? '') ? 2 : 1;
      const q = DIGIT_AFTER.test(s[d + lead] ?? '') ? counts.find((c) => c.start === d + lead) : undefined;
      if (!q) continue;
      // several figures after it (各有15件、3件、2件) pair in order, as after 分别
      if (counts.some((c) => c.start >= q.end && c.start < se && LIST_GAP.test(s.slice(q.end, c.start)))) {
        distribute(d, d + lead, se);
        continue;
      }
      figures.add(q.numStart);
      const concepts = subjectOf(d);
      if (concepts && concepts.length >= 2) for (const metric of concepts) readings.push({ metric, q, word: '各' });
      continue;
    }
    distribute(d, d + 2, se);
  }
  return { readings, figures };

  /** 分别 (or 各 before a list) at `d`, its figures from `from`: the concepts before it and the figures after it, paired in order. */
  function distribute(d: number, from: number, se: number) {
    const list: Quantity[] = [];
    let labelled = false;
    /** The names listed after 分别, before its figures (分别作出同意公开、部分公开…的答复15件、3件…), or null. */
    let named: string[] | null = null;
    for (const q of counts) {
      if (q.start < from || q.start >= se) continue;
      const gap = list.length === 0 ? s.slice(from, q.start) : s.slice(list[list.length - 1].end, q.start);
      if (list.length === 0 && NAMES_AFTER.test(gap)) {
        // (the reply the names qualify, …信息不存在的答复, is their head noun, not a name of the list)
        const concepts = conceptsIn(s, from, q.start - (REPLY_HEAD.exec(gap)?.[0].length ?? 0));
        if (concepts.length >= 2 && concepts.every((c) => c !== null) && new Set(concepts).size === concepts.length) named = concepts as string[];
      }
      // after 分别 its predicate (为, 受理申请), then the figures one by one
      if (list.length === 0 ? !/^[^\d,，。;；、:：]{0,12}$/.test(gap) && named === null : !LIST_GAP.test(gap)) {
        // 分别作出同意公开10件、部分公开3件的答复: the next figure has its own label, so the first has too
        labelled = list.length === 1 && LABELLED_GAP.test(gap);
        break;
      }
      list.push(q);
    }
    if (list.length === 0 && !labelled) return figuresFirst(d);
    const concepts = named ?? subjectOf(d);
    if (labelled && !(concepts && concepts.length >= 2)) return;
    for (const q of list) figures.add(q.numStart);
    if (concepts && list.length > 0 && concepts.length === list.length) list.forEach((q, k) => readings.push({ metric: concepts[k], q, word: '分别' }));
  }

  /** The figures first, right before 分别, and the names after it (其中15件、3件、2件、3件分别为同意公开、部分公开…): paired in order. */
  function figuresFirst(d: number) {
    const [cs, ce] = clauseAt(seg, d);
    const list: Quantity[] = [];
    for (let k = counts.length - 1; k >= 0; k--) {
      const q = counts[k];
      if (q.end > d) continue;
      if (q.start < cs || !(list.length === 0 ? /^\s*$/.test(s.slice(q.end, d)) : LIST_GAP.test(s.slice(q.end, list[0].start)))) break;
      list.unshift(q);
    }
    if (list.length < 2) return;
    const names = FIGURES_FIRST_PREDICATE.exec(s.slice(d + 2, ce));
    const concepts = names ? conceptsIn(s, d + 2 + names[0].length, ce) : [];
    if (notTheYears(withoutOwnArea(s.slice(cs, list[0].start), area))) return;
    for (const q of list) figures.add(q.numStart);
    if (concepts.length === list.length && concepts.every((c) => c !== null) && new Set(concepts).size === concepts.length) list.forEach((q, k) => readings.push({ metric: concepts[k]!, q, word: '分别' }));
  }
}
/** Between 分别 and the names it gives figures listed before it: a copula (分别为, 分别是, 分别属于). */
const FIGURES_FIRST_PREDICATE = /^(?:为|是|属于|作出|予以)?/;

/** 均已答复, 已全部办结, 全部按时办结, 均已回复: every one of the figure's requests done, no count of its own. */
// (所有申请均已答复; 全部在法定期限内予以答复; 均已依法依规办结)
const ALL_DONE = new RegExp(`^(?:件|宗|份)?(?:政府信息公开|依申请公开|信息公开)?的?(?:申请)?[,，]?(?:(?:所有|全部|上述)的?申请)?((?:已经|已|均|全部|都|一律|按时|按期|依法|依规|及时|完全|按规定|按要求|予以|作出|做出|进行|给予了?|予以公开并|在(?:法定|规定)?(?:答复)?(?:期限|时限|时间)内)*)(?:${FINISHED}|${REPLY})(?![\\d〇零一二两三四五六七八九十])`);
/** What leaves some of them open or counts others: not all of the year's requests done, or done ones not all of the year's. */
const NOT_ALL_DONE = /尚未|未办结|正在|办理中|在办|延期|跨年|结转|其余|另有|上年|去年/;

/**
 * The year's received figure is its handled figure too (共受理依申请公开2件,均已答复: every one answered),
 * when what is said right after it of all of them (or of the single one) is done, and nothing was carried from another year:
 * a report on a year before 2019's revised regulation (carried requests no row of the report yet) whose
 * text names no 结转, and nothing in the sentence after leaves one open.
 */
export function receivedAllHandled(s: string, seg: Segments, q: Quantity, years: readonly number[]): boolean {
  if (years.length === 0 || years.some((y) => y > 2018) || s.includes('结转')) return false;
  const m = ALL_DONE.exec(s.slice(q.end, q.end + 40));
  // (a single request: what is said of it is said of all, 受理申请1件,已予以公开并办结)
  if (!m || !(/均|全部|都|一律/.test(m[1]) || (q.value === 1 && !q.approx))) return false;
  const [, se] = sentenceAt(seg, q.numStart);
  return !NOT_ALL_DONE.test(s.slice(q.end, se));
}
