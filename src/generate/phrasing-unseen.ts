// The `unseen` wordings (`gongkai generate --wordings unseen`): a third set of narrative
// sentences, written apart from phrasing.ts and kept away from whoever tunes the parser's rules,
// so the accuracy benchmark can measure reading of words no rule was fitted to. They follow how
// 政府信息公开工作年度报告 of many provinces put their figures: other verbs and word orders,
// Chinese numerals (一千二百零五件) and full-width digits, and sentences carrying numbers that
// are not the fact (another scope 全市各单位, the previous year, a cumulative 截至…累计, a
// percentage, a document number 〔2008〕12号, a date, a channel or applicant count).
// The truth holds exactly what a sentence states: the fact's value, the cumulative when a
// sentence states one (p.cumulative), never a distractor; 余/近 appear only on numbers the
// truth leaves out. (The fact's own value may still be approximated by the `approximate` noise,
// recorded in `approx` as metrics.md says, the same in every wording set.)
// Not used by any test of the parser: only by tests of the generator and by the benchmark.
import { para, type Block, type Printed } from './document';
import type { Rng } from './prng';

/** What a sentence says: its text and the values it states. */
export interface Said {
  text: string;
  printed: Printed[];
}

/** The sentence's context: the year, how the body names itself (我局) or its area (全市), and the report's stream. */
export interface Ctx {
  y: number;
  s: string;
  area: boolean;
  r: Rng;
  /** The report prints its digits full-width (０１２), as some converted documents do throughout. */
  wide: boolean;
}

/** A number with its unit as printed: Arabic, full-width or Chinese numerals, always exact. */
export interface Count {
  text: string;
  value: number;
}

type Wording<V> = (c: Ctx, v: V) => Said;

// ---- numbers ------------------------------------------------------------------------------

const DIGITS = '零一二三四五六七八九';
const PLACES = ['', '十', '百', '千'];

function zhBelow10000(n: number): string {
  let out = '';
  let gap = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (out) gap = true;
      continue;
    }
    if (gap) out += '零';
    gap = false;
    out += DIGITS[d] + PLACES[i];
  }
  return out;
}

/** A count in Chinese numerals as reports print it: 十五, 一百一十, 一千二百零五, 二万零五. */
export function zhNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e8) throw new RangeError(`zhNumber: ${n}`);
  if (n === 0) return '零';
  if (n < 10000) return n >= 10 && n < 20 ? zhBelow10000(n).slice(1) : zhBelow10000(n);
  const lo = n % 10000;
  return `${zhNumber(Math.floor(n / 10000))}万${lo === 0 ? '' : (lo < 1000 ? '零' : '') + zhBelow10000(lo)}`;
}

const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** An exact count as the report prints its numbers; now and then in Chinese numerals, mostly small ones (两件, 十二件, 一千二百零五条). */
export function exact(c: Ctx, n: number, unit: string): Count {
  if (c.r.chance(n <= 10 ? 0.3 : n < 100 ? 0.08 : n <= 9999 ? 0.03 : 0)) return { text: `${n === 2 && c.r.chance(0.5) ? '两' : zhNumber(n)}${unit}`, value: n };
  return { text: `${c.wide ? fullWidth(String(n)) : n}${unit}`, value: n };
}

/** Digits as the report prints them. */
const digits = (c: Ctx, n: number) => (c.wide ? fullWidth(String(n)) : String(n));

/** A number the truth leaves out, printed loosely now and then (近3000条, 1.2万余条, 约百分之八十). */
function loose(r: Rng, n: number, unit: string): string {
  if (n >= 10000 && r.chance(0.3)) return `${(Math.floor(n / 1000) / 10).toString()}万余${unit}`;
  if (n >= 200 && r.chance(0.3)) return `近${Math.ceil(n / 100) * 100}${unit}`;
  if (n >= 200 && r.chance(0.3)) return `${Math.floor(n / 100) * 100}余${unit}`;
  return `${n}${unit}`;
}

const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
const OTHER_SCOPES = ['全市各单位', '全市各级行政机关', '全区各部门', '全省各地各部门'];
const DOC_PREFIXES = ['政办发', '政发', '办字', '政办'];
const docNumber = (r: Rng, y: number) => `${r.pick(['市', '县', '区'])}${r.pick(DOC_PREFIXES)}〔${y - r.int(0, 2)}〕${r.int(1, 120)}号`;
const more = (d: number) => (d >= 0 ? `增加${d}条` : `减少${-d}条`);
const state = (text: string, ...printed: Printed[]): Said => ({ text, printed });

// ---- the facts ------------------------------------------------------------------------------

/** 主动公开 total; `t` is the value as printed (exact, or approximated by noise). */
export const PROACTIVE_TOTAL: Wording<{ t: Count; printed: Printed }>[] = [
  ({ y, s }, { t, printed }) => state(`${s}${y}年度主动公开的政府信息共有${t.text}。`, printed),
  ({ y, s, r }, { t, printed }) => state(`${y}年，${s}主动公开信息${t.text}（全文电子化率${r.int(90, 100)}%），较${y - 1}年${more(r.int(-40, 60))}。`, printed),
  (c, { t, printed }) => {
    const cum = t.value + c.r.int(1, 9) * Math.max(50, t.value);
    return state(`截至${c.y}年12月31日，${c.s}已累计主动公开政府信息${exact(c, cum, '条').text}，其中本年度新公开${t.text}。`, { id: 'p.cumulative', value: cum }, printed);
  },
  ({ y, s, r }, { t, printed }) => state(`按照《政府信息公开工作考核办法》（${docNumber(r, y)}）要求，本年度${s}主动向社会发布政府信息${t.text}。`, printed),
  ({ y, s, area, r }, { t, printed }) =>
    area
      ? state(`${y}年，${s}主动公开政府信息${t.text}，其中本级${loose(r, Math.max(1, Math.floor(t.value / r.int(3, 6))), '条')}。`, printed)
      : state(`${y}年${r.pick(OTHER_SCOPES)}共主动公开政府信息${loose(r, t.value * r.int(8, 40) + r.int(0, 99), '条')}，${s}主动公开${t.text}。`, printed),
  ({ y, s, r }, { t, printed }) => {
    const last = Math.max(1, Math.round(t.value * (0.6 + 0.8 * r.next())));
    return state(`${s}主动公开政府信息数量为${t.text}，比${y - 1}年的${last}条${t.value >= last ? '增长' : '下降'}${percent(Math.abs(t.value - last), last)}。`, printed);
  },
  (_c, { t, printed }) => state(`一年来，共主动公开各类信息${t.text}，涉及机构概况、政策文件、财政资金、人事信息等内容。`, printed),
];

/** The channel split that follows the total. */
export const PROACTIVE_CHANNELS: Wording<{ web: Count; other: Count }>[] = [
  (_c, { web, other }) => state(`政府网站发布${web.text}，政务新媒体、公开栏、报刊等其他途径发布${other.text}。`, ...channels(web, other)),
  (_c, { web, other }) => state(`从公开渠道看，网站公开${web.text}，占${percent(web.value, web.value + other.value)}；其他形式公开${other.text}。`, ...channels(web, other)),
  (_c, { web, other }) => state(`按公开载体分，门户网站${web.text}、其他载体${other.text}。`, ...channels(web, other)),
  (_c, { web, other }) => state(`其中网上公开${web.text}，另通过政务公开栏、电子显示屏等方式公开${other.text}。`, ...channels(web, other)),
  (_c, { web, other }) => state(`上述信息中，${web.text}在政府网站公开，${other.text}通过其他方式公开。`, ...channels(web, other)),
];
function channels(web: Count, other: Count): Printed[] {
  return [
    { id: 'p.website', value: web.value },
    { id: 'p.other_channels', value: other.value },
  ];
}

const NEW = (n: number): Printed => ({ id: 'r.new.total', value: n });

/** Requests received (at least one). */
export const REQUESTS_NEW: Wording<{ n: Count }>[] = [
  ({ y, s }, { n }) => state(`${y}年度，${s}共接到公民、法人和其他组织提出的政府信息公开申请${n.text}。`, NEW(n.value)),
  ({ y, s, r }, { n }) => {
    const d = r.int(-5, 8);
    return state(`${s}全年受理的依申请公开事项共${n.text}，比${y - 1}年${d >= 0 ? `增加${d}件` : `减少${-d}件`}。`, NEW(n.value));
  },
  ({ s, r }, { n }) => {
    const [a, b, c] = r.split(n.value, [1, 2, 1]);
    return state(`本年度，申请人向${s}提出政府信息公开申请${n.text}，其中当面申请${a}件、网上申请${b}件、信函申请${c}件。`, NEW(n.value));
  },
  ({ y, s }, { n }) => state(`${s}本年度共登记政府信息公开申请${n.text}（统计截至${y}年12月31日）。`, NEW(n.value)),
  ({ s, r }, { n }) => state(`全年${s}共受理公民依申请公开${n.text}，涉及申请人${n.value + r.int(0, 3)}人次。`, NEW(n.value)),
  ({ y, s }, { n }) => state(`${y}年${s}新收政府信息公开申请${n.text}，申请内容主要涉及征地拆迁、社会保障、项目审批等方面。`, NEW(n.value)),
];

/** No request received: the truth is 0. */
export const REQUESTS_NONE: Wording<Record<string, never>>[] = [
  ({ y, s }) => state(`${y}年度，${s}未接到公民、法人或其他组织提出的政府信息公开申请。`, NEW(0)),
  ({ s }) => state(`本年度无申请人向${s}提出政府信息公开申请。`, NEW(0)),
  ({ s }) => state(`${s}全年没有受理依申请公开事项。`, NEW(0)),
  ({ y, s, r }) => state(`${y}年，${s}收到的政府信息公开申请数量为${r.pick(['0', '０', '零'])}件。`, NEW(0)),
  ({ s }) => state(`全年${s}依申请公开件数为零。`, NEW(0)),
];

/** The outcomes; a part is null when the report leaves it out (a zero it does not print). */
export interface Outcomes {
  granted: Count;
  partial: Count | null;
  denied: Count | null;
  notHeld: Count | null;
  /** The new requests, for a share. */
  total: number;
}
const list = (items: [string, Count | null][], sep: string, numberFirst = false) =>
  items
    .filter((x): x is [string, Count] => x[1] !== null)
    .map(([label, c]) => (numberFirst ? `${c.text}${label}` : `${label}${c.text}`))
    .join(sep);
function outcomes(o: Outcomes): Printed[] {
  const out: Printed[] = [{ id: 'r.granted.total', value: o.granted.value }];
  if (o.partial) out.push({ id: 'r.partial.total', value: o.partial.value });
  if (o.denied) out.push({ id: 'r.denied.total.total', value: o.denied.value });
  if (o.notHeld) out.push({ id: 'r.unable.not_held.total', value: o.notHeld.value });
  return out;
}
export const OUTCOMES: Wording<Outcomes>[] = [
  ({ s }, o) =>
    state(`对上述申请，${s}均已按规定答复：${list([['予以公开', o.granted], ['部分公开', o.partial], ['不予公开', o.denied], ['信息不存在', o.notHeld]], '、')}。`, ...outcomes(o)),
  (_c, o) =>
    state(`在答复中，${list([['同意公开的', o.granted], ['同意部分公开的', o.partial], ['不同意公开的', o.denied], ['告知所申请信息不存在的', o.notHeld]], '，')}。`, ...outcomes(o)),
  (_c, o) => state(`按办理结果分：${list([['予以公开', o.granted], ['部分公开', o.partial], ['不予公开', o.denied], ['因信息不存在无法提供', o.notHeld]], '，', true)}。`, ...outcomes(o)),
  (_c, o) =>
    state(
      `已公开${o.granted.text}（占${percent(o.granted.value, o.total)}）${[o.partial && `；部分公开${o.partial.text}`, o.denied && `；不予公开${o.denied.text}`, o.notHeld && `；信息不存在${o.notHeld.text}`].filter(Boolean).join('')}。`,
      ...outcomes(o),
    ),
  (_c, o) =>
    state(
      `其中，${list([['全部公开的', o.granted], ['部分公开的', o.partial], ['因涉及国家秘密、商业秘密或个人隐私不予公开的', o.denied], ['所申请信息不属于本机关掌握范围的', o.notHeld]], '，')}。`,
      ...outcomes(o),
    ),
];

const HANDLED_ = (n: number): Printed => ({ id: 'r.handled.total', value: n });
export const HANDLED: Wording<{ n: Count }>[] = [
  ({ y }, { n }) => state(`截至${y}年12月31日，已答复办结${n.text}。`, HANDLED_(n.value)),
  (_c, { n }) => state(`${n.text}申请均已在规定时限内办结。`, HANDLED_(n.value)),
  (_c, { n }) => state(`全年答复政府信息公开申请${n.text}，未出现超期答复情况。`, HANDLED_(n.value)),
  ({ r }, { n }) => state(`本年度共办理完毕${n.text}，平均答复时间${r.int(3, 12)}个工作日。`, HANDLED_(n.value)),
  ({ r }, { n }) => {
    const a = r.int(0, n.value);
    return state(`依法作出答复${n.text}，其中书面答复${a}件、电子邮件答复${n.value - a}件。`, HANDLED_(n.value));
  },
];

const CARRIED = (n: number): Printed => ({ id: 'r.carried_out.total', value: n });
export const CARRIED_OUT: Wording<{ n: Count }>[] = [
  ({ y }, { n }) => state(`另有${n.text}因在法定答复期内跨年度，转入${y + 1}年办理。`, CARRIED(n.value)),
  (_c, { n }) => state(`${n.text}申请因受理时间临近年底，结转至下一年度答复。`, CARRIED(n.value)),
  ({ y }, { n }) => state(`年底尚未办结的申请${n.text}，将于${y + 1}年1月答复。`, CARRIED(n.value)),
  (_c, { n }) => state(`尚待答复${n.text}（结转下年）。`, CARRIED(n.value)),
];

const FEE_ = (v: number): Printed => ({ id: 'fee.collected_yuan', value: v });
export const FEE: Wording<{ yuan: number }>[] = [
  (c, { yuan }) => state(`本年度，${c.s}依申请提供政府信息共收取复印费、邮寄费${digits(c, yuan)}元。`, FEE_(yuan)),
  (c, { yuan }) => state(`全年收取信息公开工本费${digits(c, yuan)}元，已全部上缴财政。`, FEE_(yuan)),
  (c, { yuan }) => state(`按照《政府信息公开收费标准》（价费字〔${c.y - c.r.int(2, 6)}〕${c.r.int(10, 300)}号），${c.s}收取检索费、复制费合计${digits(c, yuan)}元。`, FEE_(yuan)),
  (c, { yuan }) => state(`${c.y}年度依申请公开收费金额为${digits(c, yuan)}元，减免费用${c.r.int(1, 200)}元。`, FEE_(yuan)),
  (c, { yuan }) => state(`共收取政府信息公开相关费用人民币${digits(c, yuan)}.00元。`, FEE_(yuan)),
];

export const FEE_NONE: Wording<Record<string, never>>[] = [
  ({ s }) => state(`${s}在提供政府信息过程中未向申请人收取任何费用。`, FEE_(0)),
  () => state('依申请提供政府信息均不收费，本年度收费金额为0元。', FEE_(0)),
  () => state('本年度政府信息公开收费金额为零。', FEE_(0)),
  ({ s }) => state(`全年${s}没有向申请人收取检索费、复制费、邮寄费等费用。`, FEE_(0)),
  () => state('政府信息公开收费情况：无。', FEE_(0)),
];

const REVIEWS = (rv: number, lit: number): Printed[] => [
  { id: 'rv.total', value: rv },
  { id: 'lit.total', value: lit },
];
/** Review and litigation, at least one of them non-zero; a zero is sometimes said in words. */
export const REVIEW: Wording<{ rv: Count; lit: Count }>[] = [
  ({ y, s }, { rv, lit }) => state(`${y}年，针对${s}政府信息公开事项的行政复议申请${rv.text}、行政诉讼${lit.text}。`, ...REVIEWS(rv.value, lit.value)),
  (c, { rv, lit }) => state(`全年，${c.s}涉及政府信息公开的行政复议${digits(c, rv.value)}起，行政诉讼${digits(c, lit.value)}起。`, ...REVIEWS(rv.value, lit.value)),
  ({ s }, { rv, lit }) => state(`本年度，申请人对${s}政府信息公开答复不服申请行政复议${rv.text}、提起行政诉讼${lit.text}。`, ...REVIEWS(rv.value, lit.value)),
  (c, { rv, lit }) => state(`${c.s}政府信息公开工作共涉及行政复议案件${digits(c, rv.value)}宗，行政诉讼案件${digits(c, lit.value)}宗。`, ...REVIEWS(rv.value, lit.value)),
  ({ s, r }, { rv, lit }) =>
    rv.value > 0 && lit.value === 0
      ? state(`${s}因政府信息公开被申请行政复议${rv.text}，未发生行政诉讼。`, ...REVIEWS(rv.value, 0))
      : rv.value === 0 && lit.value > 0
        ? state(`${s}未发生政府信息公开行政复议，被提起行政诉讼${lit.text}。`, ...REVIEWS(0, lit.value))
        : state(`与政府信息公开有关的行政复议${rv.text}、行政诉讼${lit.text}；另收到相关投诉举报${r.int(1, 9)}件。`, ...REVIEWS(rv.value, lit.value)),
];

export const REVIEW_NONE: Wording<Record<string, never>>[] = [
  ({ y, s }) => state(`${y}年，${s}没有发生因政府信息公开引起的行政复议、行政诉讼案件。`, ...REVIEWS(0, 0)),
  ({ s }) => state(`本年度${s}未出现针对政府信息公开事务的行政复议和行政诉讼。`, ...REVIEWS(0, 0)),
  () => state('全年政府信息公开行政复议案、行政诉讼案及申诉案均为零。', ...REVIEWS(0, 0)),
  () => state('涉及政府信息公开的行政复议、行政诉讼均为0件。', ...REVIEWS(0, 0)),
  ({ s }) => state(`${s}未因政府信息公开工作被申请行政复议，也未被提起行政诉讼。`, ...REVIEWS(0, 0)),
];

/** Every fact's unseen wordings, by name (the generator's tests count and compare them). */
export const UNSEEN = { PROACTIVE_TOTAL, PROACTIVE_CHANNELS, REQUESTS_NEW, REQUESTS_NONE, OUTCOMES, HANDLED, CARRIED_OUT, FEE, FEE_NONE, REVIEW, REVIEW_NONE } as const;

// ---- the narrative's sections 二 to 五 ----------------------------------------------------------

export interface UnseenInput {
  year: number;
  s: string;
  area: boolean;
  figures: Record<string, number>;
  /** The fact's own p.total as the approximate noise prints it (3万余条), or null for an exact count. */
  approxTotal: { text: string; value: number } | null;
}

/** Sections 二–五 of a narrative report in the unseen wordings, each paragraph with what it states. */
export function unseenSections(input: UnseenInput, r: Rng): Block[] {
  const f = input.figures;
  const c: Ctx = { y: input.year, s: input.s, area: input.area, r, wide: r.chance(0.12) };
  const say = <V>(wordings: Wording<V>[], v: V): Block => {
    const said = r.pick(wordings)(c, v);
    return para(said.text, said.printed);
  };
  const none = {} as Record<string, never>;
  const blocks: Block[] = [];

  blocks.push(para('二、主动公开政府信息情况', [], { heading: true }));
  const t: Count = input.approxTotal ?? exact(c, f['p.total'], '条');
  const totalPrinted: Printed = input.approxTotal ? { id: 'p.total', value: t.value, approx: true } : { id: 'p.total', value: t.value };
  blocks.push(say(PROACTIVE_TOTAL, { t, printed: totalPrinted }));
  if (!input.approxTotal && r.chance(0.75)) blocks.push(say(PROACTIVE_CHANNELS, { web: exact(c, f['p.website'], '条'), other: exact(c, f['p.other_channels'], '条') }));

  blocks.push(para('三、依申请公开政府信息情况', [], { heading: true }));
  const n = f['r.new.total'];
  if (n === 0) blocks.push(say(REQUESTS_NONE, none));
  else {
    blocks.push(say(REQUESTS_NEW, { n: exact(c, n, '件') }));
    const part = (id: string, always = false): Count | null => (f[id] === 0 && !always && r.chance(0.6) ? null : exact(c, f[id], '件'));
    blocks.push(say(OUTCOMES, { granted: part('r.granted.total', true)!, partial: part('r.partial.total'), denied: part('r.denied.total.total'), notHeld: part('r.unable.not_held.total'), total: n }));
    if (r.chance(0.6)) blocks.push(say(HANDLED, { n: exact(c, f['r.handled.total'], '件') }));
    if (f['r.carried_out.total'] > 0 && r.chance(0.7)) blocks.push(say(CARRIED_OUT, { n: exact(c, f['r.carried_out.total'], '件') }));
  }

  blocks.push(para('四、政府信息公开的收费及减免情况', [], { heading: true }));
  const fee = f['fee.collected_yuan'];
  blocks.push(fee === 0 ? say(FEE_NONE, none) : say(FEE, { yuan: fee }));

  blocks.push(para('五、因政府信息公开申请提起行政复议、行政诉讼的情况', [], { heading: true }));
  const rv = f['rv.total'];
  const lit = f['lit.total'];
  blocks.push(rv === 0 && lit === 0 ? say(REVIEW_NONE, none) : say(REVIEW, { rv: exact(c, rv, '件'), lit: exact(c, lit, '件') }));
  return blocks;
}
