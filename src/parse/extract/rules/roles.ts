// Request figures read by role, as a careful reader does: a figure takes its role from the
// concept word nearest to it in its own clause, before or after it (受理申请38件, and number
// first: 38件申请均已办结), never across another count. Words inside a cause (因受理时间临近年底)
// say why, not what: they give the role only when nothing else does, and a clause with only a
// cause lends the role of the clause after it (…因…跨年度，转入2018年办理). Scope, time and
// breakdown features exclude a figure. Per metric, different values are a tie: no value.
import { clauseAt, sentenceAt, type Segments } from '../../recognise/clauses';
import type { Quantity } from '../../recognise/quantities';

export interface Concept {
  /** The metric its figures count; null: a concept of something else (its words bind a figure to nothing read here). */
  metric: string | null;
  /** Verbs, results and states naming the concept (the counted noun 申请 names no role: every request figure has it). */
  words: string[];
}

/** The role lexicon of requests for disclosure: concept → its words. Longest word wins where several start. */
export const REQUEST_CONCEPTS: Concept[] = [
  { metric: 'r.new.total', words: ['收到', '接到', '受理', '登记', '新收', '提出', '接收', '收悉'] },
  { metric: 'r.handled.total', words: ['办结', '答复完毕', '办理完毕', '处理完毕', '办理完成', '作出答复', '做出答复', '已答复', '答复'] },
  // still open at the year's end: not yet handled (尚未 means "not yet", never "none")
  { metric: 'r.carried_out.total', words: ['结转', '转入', '跨年度', '尚未办结', '未办结', '尚未答复', '未答复', '待答复', '延期', '顺延', '在办理', '正在办理', '仍在办理', '尚在办理'] },
  { metric: 'r.granted.total', words: ['予以公开', '同意公开', '全部公开', '已公开', '均予公开', '予以提供', '同意提供'] },
  { metric: 'r.partial.total', words: ['部分公开', '同意部分公开', '部分提供'] },
  { metric: 'r.denied.total.total', words: ['不予公开', '不同意公开', '不公开', '不予提供'] },
  { metric: 'r.unable.not_held.total', words: ['信息不存在', '不存在', '不属于本机关', '不属于本单位', '不属于本部门', '非本机关', '不掌握'] },
  { metric: null, words: ['主动公开', '行政复议', '复议', '行政诉讼', '诉讼', '起诉', '申诉', '投诉', '举报', '咨询', '留言', '信访', '热线', '建议', '提案', '收费', '费用', '审批', '许可', '办件', '撤回', '不予处理', '其他处理', '无法提供', '不明确', '另行制作', '没有现成'] },
];

/** The figure counts requests (件, 宗, 份), not items of information (不予公开信息10条), people (人次) nor things (1个窗口). */
const REQUEST_UNIT = /^(?:件|宗|份)$/;
/** A sentence about requests, or one after such a sentence. */
const REQUEST_CONTEXT = /申请|依申请|请求/;
/** What no count of requests of the year can be: another scope, a stock, a change, a rate, a plan. */
const EXCLUDED = {
  otherScope: /各县|各区|各市|各乡|各镇|各街道|县直|市直|区直|县区政府|下属|所属|各单位|各部门|各级|各地|等[\d一二三四五六七八九十]+个(?:部门|单位)/,
  /** One way of applying (通过信函方式提出申请5件): a part of the requests, not their total. */
  byWay: /当面|网上|信函|传真|电子邮件|邮寄|来信|现场/,
  /** A comparison with another year's figure before it in the sentence (较2022年的8件有所增加,全年共收到10件): which year each is, unsure. */
  comparison: /(?:较|比|与)\s*\d{4}年/,
  cumulative: /累计|历年|以来/,
  change: /同比|比上年|较上年|较去年|比去年|增加|增长|减少|下降|上升/,
  average: /平均|月均|日均|每月|每周|每天|每日/,
  plan: /计划|力争|预计|明年|将于|将在/,
  /** The carried in are last year's, not this year's carried out. */
  lastYear: /上年|上一年|去年|以前年度|往年/,
} as const;
/** A breakdown of the figure before it follows: figures of the same role after it are its parts. */
const BREAKDOWN = /其中|包括|含/;
/** A total of requests with no verb: 共有政府信息公开申请, 申请总数为 right before the figure (not 共办理…申请: a verb of its own). */
const TOTAL_OF_REQUESTS = /(?:共有|共计有?|合计|总计)(?:政府信息公开|依申请公开|信息公开)?(?:的)?申请(?:数|总数|数量)?(?:为|是)?\s*$|申请(?:数|总数|数量)(?:共|共计|合计|总计)?(?:为|是|达)?\s*$/;
/** Metrics that are totals of the year: never a part under another figure's 其中. */
const TOTALS = new Set(['r.new.total', 'r.handled.total', 'r.carried_out.total']);
/** Another business before the figure in its sentence (行政复议5宗,其中2宗维持原答复; 热线…来电事项12件,办结12件): not requests for disclosure. */
const OTHER_BUSINESS = /复议|诉讼|热线|信访|咨询|留言|来电|来信|投诉|举报|建议|提案|审批|许可|办件|工单|12345|诉求|资源交易|项目申请|服务事项|窗口/;

interface Token {
  metric: string | null;
  start: number;
  end: number;
  weak: boolean;
}

const WORDS: { word: string; metric: string | null }[] = REQUEST_CONCEPTS.flatMap((c) => c.words.map((word) => ({ word, metric: c.metric }))).sort((a, b) => b.word.length - a.word.length);
const FIRST = new Set(WORDS.map((w) => w.word.charCodeAt(0)));

/** The concept words of s[from, to), longest first at each place, left to right. */
function tokens(s: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let cause = -1;
  let depth = 0;
  for (let i = from; i < to; i++) {
    // a gloss in parentheses (1326宗(未包含上年结转42宗)) says something about the figure, not what it counts
    const ch = s[i];
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    if (depth > 0) continue;
    // a cause (因, 由于): the words after it, to the stretch's end, say why
    if (cause < 0 && (s[i] === '因' || s.startsWith('由于', i))) cause = i;
    if (!FIRST.has(s.charCodeAt(i))) continue;
    for (const w of WORDS) {
      if (i + w.word.length <= to && s.startsWith(w.word, i)) {
        out.push({ metric: w.metric, start: i, end: i + w.word.length, weak: cause >= 0 });
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
}

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


/** Is a count before counts[i] within [a, b)? */
function countBetween(counts: Quantity[], i: number, a: number, b: number): boolean {
  for (let k = i - 1; k >= 0 && counts[k].end > a; k--) if (counts[k].start >= a && counts[k].end <= b) return true;
  return false;
}

/** Role readings of every request figure of the text. `years`: the report's years (a figure naming another is excluded); `done`: metrics already read, whose readings are not made. */
export function readRoles(s: string, seg: Segments, quantities: Quantity[], years: readonly number[], done: ReadonlySet<string> = new Set()): RoleReading[] {
  const counts = quantities.filter((q) => q.kind === 'count' && q.value !== null);
  const yearsAt = quantities.filter((q) => q.kind === 'year');
  const out: RoleReading[] = [];
  /** Per sentence start, the roles read before a breakdown word. */
  let sentence = -1;
  let wholes = new Set<string>();
  /** The sentence is about requests (or follows one) and not about proactive disclosure. */
  let aboutRequests = false;
  for (let i = 0; i < counts.length; i++) {
    const q = counts[i];
    if (q.unit === null || !REQUEST_UNIT.test(q.unit)) continue;
    const [ss, se] = sentenceAt(seg, q.numStart);
    if (ss !== sentence) {
      sentence = ss;
      wholes = new Set();
      aboutRequests = REQUEST_CONTEXT.test(s.slice(Math.max(0, ss - 160), se)) && !s.slice(ss, se).includes('主动公开');
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
    if (t === null) t = nearest(s, left, tokens(s, q.end, to), q, true);
    // no concept word at all: requests counted as a whole (共有政府信息公开申请14件) are the year's received
    if (t === null && TOTAL_OF_REQUESTS.test(s.slice(from, q.start))) t = { metric: 'r.new.total', start: q.start, end: q.start, weak: false };
    if (t === null || t === 'tie' || t.metric === null) continue;
    const metric = t.metric;
    // a breakdown's parts (其中当面申请6件) are never the whole
    const before = s.slice(ss, q.start);
    const b = before.search(BREAKDOWN);
    const wholeBefore = b >= 0 && countBetween(counts, i, ss, ss + b);
    if (wholeBefore && (wholes.has(metric) || TOTALS.has(metric))) continue;
    if (OTHER_BUSINESS.test(before) || EXCLUDED.comparison.test(before)) continue;
    // 办结…1422件,其中结转下年度…114件: a breakdown naming another total makes the figure's role unsure
    const after = s.slice(q.end, se);
    const a = after.search(BREAKDOWN);
    if (a >= 0 && TOTALS.has(metric) && tokens(s, q.end + a, se).some((x) => x.metric !== null && x.metric !== metric && TOTALS.has(x.metric))) continue;
    if (!wholeBefore) wholes.add(metric);
    if (!aboutRequests || done.has(metric)) continue;
    const stretch = s.slice(cs, to);
    const own = s.slice(from, q.start);
    if (EXCLUDED.otherScope.test(stretch) || EXCLUDED.cumulative.test(stretch) || EXCLUDED.average.test(stretch) || EXCLUDED.plan.test(stretch)) continue;
    if (EXCLUDED.change.test(own)) continue;
    // the year a clause names: the report's (the next one's for what is carried over to it)
    const named: number[] = [];
    for (const y of yearsAt) if (y.start >= cs && y.end <= to && !/^\d{1,2}月/.test(s.slice(y.end, y.end + 3))) named.push(y.value!);
    if (years.length > 0 && named.length > 0) {
      const allowed = metric === 'r.carried_out.total' ? years.map((y) => y + 1) : years;
      if (!named.every((y) => allowed.includes(y))) continue;
    }
    if (metric === 'r.carried_out.total' && EXCLUDED.lastYear.test(stretch)) continue;
    if (metric === 'r.new.total' && EXCLUDED.byWay.test(own)) continue;
    out.push({ metric, q, word: s.slice(t.start, t.end) });
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
    const values = [...new Set(rs.map((r) => r.q.value))];
    if (values.length === 1) best.push(rs[0]);
    else warnings.push(`${metric}: ${values.length} figures by role (${values.join(', ')}); none recorded`);
  }
  return { best, warnings };
}
