// The `fresh` narrative wordings (`gongkai generate --wordings fresh`): a measure of how the
// parser reads words it was not written from. Benchmark only: no test holds the parser to them,
// and whoever tunes the parser's rules must not read this file (measure, do not fit); the figures
// it gives are in bench/fresh/README.md. Written without the other sets in view, from how
// 政府信息公开工作年度报告 of 2008–2018 across provinces state their figures: other verbs and
// word orders, the number first or last, Chinese numerals, full-width digits and thousands
// separators, parts before their total, enumerated lists, and numbers that are not the fact
// (another scope, another year, percentages, document numbers, dates, phone numbers, counts of
// other things, a cumulative count of requests). The truth is what a sentence states: the fact's
// values; a stated cumulative of proactive items as `p.cumulative`; the applicants' natural-person
// count or the upheld reviews where a sentence gives them; an approximation (余/多/近/超过) as its
// round number listed in `approx` (metrics.md). A number that is not a fact is never in the truth.
import { para, type Block, type Printed } from './document';
import type { Figures } from './figures';
import type { Rng } from './prng';

export interface Ctx {
  year: number;
  /** How the report names itself or its area: 我区, 我局, 全市. */
  s: string;
  /** An area summary (s is 全市, 全县 …). */
  area: boolean;
  /** Share of large counts printed as approximations (the report's `approximate` noise). */
  approxRate: number;
  r: Rng;
}

export interface Said {
  text: string;
  printed: Printed[];
}

/** One wording of a fact; null when it cannot state these values (another wording is drawn). */
export type FreshWording<V> = (c: Ctx, v: V) => Said | null;

export interface ProactiveTotal {
  total: number;
  /** May the total be printed as an approximation (wordings that state its parts or a cumulative print it exactly). */
  approx: boolean;
  /** Parts of the total that add up to it (categories), for wordings that list them. */
  parts: number[];
  /** The count disclosed before this year: a wording stating a cumulative prints total + before. */
  before: number;
}
export interface Channels {
  web: number;
  other: number;
  /** The year's total, when the channels sentence states it too (parts before the total). */
  total: number | null;
}
export interface RequestsNew {
  n: number;
  natural: number;
}
export interface Outcomes {
  granted: number;
  partial: number | null;
  denied: number | null;
  notHeld: number | null;
  handled: number;
}
export interface Review {
  rv: number;
  lit: number;
  upheld: number;
}

// ---- numbers as reports print them -----------------------------------------------------------

const ZH = '零一二三四五六七八九';

/** A whole number in Chinese numerals (一千二百零五, 十二, 两万零三十), below 10^8. */
export function zhNumber(n: number, liang = false): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e8) throw new RangeError(`zhNumber: ${n}`);
  if (n === 0) return '零';
  if (n === 2 && liang) return '两';
  const four = (x: number): string => {
    let out = '';
    let zero = false;
    for (const [unit, size] of [['千', 1000], ['百', 100], ['十', 10], ['', 1]] as const) {
      const d = Math.floor(x / size) % 10;
      if (d === 0) {
        if (out) zero = true;
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += ZH[d] + unit;
    }
    return out;
  };
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let text = high > 0 ? `${four(high)}万${low > 0 && low < 1000 ? '零' : ''}${low > 0 ? four(low) : ''}` : four(low);
  if (text.startsWith('一十')) text = text.slice(1);
  return text;
}

const FULL = (t: string) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** How a number is printed: mostly Arabic; small counts often, others now and then, in Chinese numerals. */
function numeral(r: Rng, n: number): string {
  if (n >= 1 && n <= 10 && r.chance(0.35)) return zhNumber(n, r.chance(0.6));
  if (n > 10 && n < 10000 && r.chance(0.06)) return zhNumber(n);
  if (n >= 1000 && r.chance(0.06)) return grouped(n);
  return String(n);
}

/** A count with its unit and what it states. `approx`: large counts may be rounded (余/多/近/超过). */
function count(c: Ctx, n: number, unit: string, id: string, approx = false): { text: string; printed: Printed } {
  const r = c.r;
  if (approx && n >= 200 && r.chance(c.approxRate)) {
    const k = r.next();
    const down = Math.floor(n / 100) * 100;
    const up = Math.ceil(n / 100) * 100;
    if (n >= 10000 && k < 0.4) {
      const v = Math.floor(n / 1000) * 1000;
      return { text: `${v / 10000}万${r.chance(0.5) ? '余' : '多'}${unit}`, printed: { id, value: v, approx: true } };
    }
    if (k < 0.8 && up > n) return { text: `近${up}${unit}`, printed: { id, value: up, approx: true } };
    if (k < 0.9 && down < n) return { text: `超过${down}${unit}`, printed: { id, value: down, approx: true } };
    return { text: `${down}${r.chance(0.6) ? '余' : '多'}${unit}`, printed: { id, value: down, approx: true } };
  }
  return { text: `${numeral(r, n)}${unit}`, printed: { id, value: n } };
}

// ---- numbers that are not the fact -----------------------------------------------------------

/** A last-year figure different from n, and the change as a report words it. */
function lastYear(r: Rng, n: number): { prev: number; change: string } {
  let prev = Math.max(1, Math.round(n / (1 + (r.chance(0.7) ? 1 : -0.6) * (0.05 + 0.5 * r.next()))));
  if (prev === n) prev = n + 1 + r.int(0, 3);
  const pct = ((Math.abs(n - prev) / prev) * 100).toFixed(1);
  return { prev, change: `${n > prev ? '增长' : '下降'}${pct}%` };
}
const DOC_PREFIX = ['政办发', '政发', '政办函', '办发', '政办'];
const docNumber = (c: Ctx) => `${c.r.pick(['宁', '陇', '豫', '湘', '桂', '黔', '晋', '吉'])}${c.r.pick(DOC_PREFIX)}〔${c.year - c.r.int(0, 3)}〕${c.r.int(3, 128)}号`;
const phone = (r: Rng) => `0${r.int(310, 998)}-${r.int(2000000, 8999999)}`;
const share = (part: number, whole: number) => (whole > 0 ? ((100 * part) / whole).toFixed(1) : '0');
/** A wider scope than the report's own (a department's or county's city, a city's province). */
const wider = (c: Ctx): string | null => (c.area ? null : c.s === '我省' ? '全国' : c.s === '我市' || c.s === '我州' || c.s === '我盟' ? '全省' : '全市');
/** The own level of an area (全市 → 市本级). */
const ownLevel = (c: Ctx) => `${c.s.slice(1)}本级`;
const say = (text: string, ...printed: Printed[]): Said => ({ text, printed });

// ---- the wordings, per fact ------------------------------------------------------------------

const CATEGORIES = ['机构职能类', '政策法规类', '规划计划类', '工作动态类', '人事信息类', '财政资金类', '其他类'];

const PROACTIVE_TOTAL: FreshWording<ProactiveTotal>[] = [
  (c, v) => {
    const t = count(c, v.total, '条', 'p.total', v.approx);
    return say(`${c.year}年，${c.s}依托政府门户网站、政务公开栏和新闻媒体，向社会主动发布政府信息${t.text}。`, t.printed);
  },
  (c, v) => {
    const t = count(c, v.total, '条', 'p.total', v.approx);
    return say(`全年共有${t.text}政府信息经保密审查后由${c.s}主动向社会公开。`, t.printed);
  },
  (c, v) => {
    const t = count(c, v.total, '条', 'p.total', v.approx);
    const { prev, change } = lastYear(c.r, v.total);
    return say(`${c.year}年度${c.s}主动公开的政府信息达${t.text}，上年度为${prev}条，同比${change}。`, t.printed);
  },
  (c, v) => {
    const t = count(c, v.total, '条', 'p.total');
    const cum = count(c, v.total + v.before, '条', 'p.cumulative');
    return c.r.chance(0.5)
      ? say(`截至${c.year}年12月31日，${c.s}历年累计主动公开政府信息${cum.text}，其中本年度新增${t.text}。`, cum.printed, t.printed)
      : say(`本年度${c.s}主动公开政府信息${t.text}；自${c.year - c.r.int(3, 5)}年以来累计主动公开${cum.text}。`, t.printed, cum.printed);
  },
  (c, v) => {
    if (v.parts.length < 3) return null;
    const t = count(c, v.total, '条', 'p.total');
    const names = c.r.chance(0.5) ? CATEGORIES : [...CATEGORIES].reverse();
    const list = v.parts.map((p, i) => `${names[i]}${p}条`).join('、');
    return c.r.chance(0.5)
      ? say(`${c.year}年${c.s}共发布主动公开信息${t.text}，其中${list}。`, t.printed)
      : say(`按内容分，${c.year}年${c.s}公开${list}，合计主动公开政府信息${t.text}。`, t.printed);
  },
  (c, v) => {
    const t = count(c, v.total, '条', 'p.total', v.approx);
    const visits = c.r.int(12, 480) * 100 + c.r.int(0, 99);
    return say(`${c.s}政府信息公开专栏全年访问量达${visits}人次，${c.year}年通过专栏主动公开政府信息${t.text}。`, t.printed);
  },
  (c, v) => {
    const t = count(c, v.total, '条', 'p.total', v.approx);
    return say(
      `根据《关于做好${c.year}年政务公开工作的通知》（${docNumber(c)}）要求，${c.s}${c.year}年主动公开政府信息数量为${t.text}，较好地完成了年度公开任务。`,
      t.printed,
    );
  },
  (c, v) => {
    const scope = wider(c);
    if (!scope) {
      if (v.total < 2) return null;
      const own = c.r.int(1, v.total - 1);
      const t = count(c, v.total, '条', 'p.total');
      return say(`${c.year}年${c.s}共主动公开政府信息${t.text}，其中${ownLevel(c)}${own}条，各部门和下级政府${v.total - own}条。`, t.printed);
    }
    const t = count(c, v.total, '条', 'p.total', v.approx);
    const big = v.total * c.r.int(8, 40) + c.r.int(0, 999);
    return say(`${c.year}年${scope}各级行政机关共主动公开政府信息${big}条，其中${c.s}主动公开${t.text}。`, t.printed);
  },
];

const PROACTIVE_CHANNELS: FreshWording<Channels>[] = [
  (c, v) => {
    const web = count(c, v.web, '条', 'p.website');
    const other = count(c, v.other, '条', 'p.other_channels');
    const whole = v.web + v.other;
    const t = v.total === null ? null : count(c, v.total, '条', 'p.total');
    const lead = t ? `${c.year}年${c.s}主动公开政府信息${t.text}。` : '';
    const printed = t ? [t.printed, web.printed, other.printed] : [web.printed, other.printed];
    return say(`${lead}从公开渠道看，门户网站发布${web.text}，占${share(v.web, whole)}%；公开栏、电子显示屏、报刊等其他载体发布${other.text}，占${share(v.other, whole)}%。`, ...printed);
  },
  (c, v) => {
    const web = count(c, v.web, '条', 'p.website');
    const other = count(c, v.other, '条', 'p.other_channels');
    if (v.total === null) return say(`${web.text}在${c.s}门户网站上公开，另有${other.text}通过政务微博、广播电视等途径公开。`, web.printed, other.printed);
    const t = count(c, v.total, '条', 'p.total');
    return say(`${c.year}年${c.s}在门户网站上公开政府信息${web.text}，通过政务微博、广播电视等途径公开${other.text}，两项合计${t.text}。`, web.printed, other.printed, t.printed);
  },
  (c, v) => {
    const web = count(c, v.web, '条', 'p.website');
    const other = count(c, v.other, '条', 'p.other_channels');
    if (v.total === null) return say(`在主动公开的信息中，网上公开${web.text}，通过档案馆、公共图书馆等查阅场所公开${other.text}。`, web.printed, other.printed);
    const t = count(c, v.total, '条', 'p.total');
    return say(`在${c.year}年主动公开的${t.text}信息中，网上公开${web.text}，通过档案馆、公共图书馆等查阅场所公开${other.text}。`, t.printed, web.printed, other.printed);
  },
  (c, v) => {
    const web = count(c, v.web, '条', 'p.website');
    const other = count(c, v.other, '条', 'p.other_channels');
    if (v.total === null) return say(`按公开方式统计：（1）政府网站${web.text}；（2）其他方式${other.text}。`, web.printed, other.printed);
    const t = count(c, v.total, '条', 'p.total');
    return say(`${c.s}全年主动公开政府信息情况如下：（1）政府网站${web.text}；（2）其他方式${other.text}；（3）合计${t.text}。`, web.printed, other.printed, t.printed);
  },
  (c, v) => {
    if (v.total !== null) return null;
    const web = count(c, v.web, '条', 'p.website');
    const other = count(c, v.other, '条', 'p.other_channels');
    return say(`网上公开和网下公开的信息分别为${web.text}和${other.text}。`, web.printed, other.printed);
  },
  (c, v) => {
    const web = count(c, v.web, '条', 'p.website');
    const other = count(c, v.other, '条', 'p.other_channels');
    const t = v.total === null ? null : count(c, v.total, '条', 'p.total');
    const tail = t ? `，全年共计${t.text}` : '';
    return say(`${c.s}通过政务新媒体、新闻发布会等渠道公开信息${other.text}，通过政府门户网站公开${web.text}${tail}。`, other.printed, web.printed, ...(t ? [t.printed] : []));
  },
  (c, v) => {
    if (v.total !== null) return null;
    const web = count(c, v.web, '条', 'p.website');
    const other = count(c, v.other, '条', 'p.other_channels');
    const { prev } = lastYear(c.r, v.web);
    const more = v.web > prev ? `比上年增加${v.web - prev}条` : `比上年减少${prev - v.web}条`;
    return say(`政府网站仍是信息公开的第一平台，全年发布${web.text}，${more}；其余${other.text}通过政务公开栏、便民服务手册等形式公开。`, web.printed, other.printed);
  },
];

const REQUESTS_NEW: FreshWording<RequestsNew>[] = [
  (c, v) => {
    const n = count(c, v.n, '件', 'r.new.total', true);
    return say(`${c.year}年，${c.s}共接到公民、法人和其他组织提出的政府信息公开申请${n.text}。`, n.printed);
  },
  (c, v) => {
    const n = count(c, v.n, '件', 'r.new.total');
    const { change } = lastYear(c.r, v.n);
    return say(`全年${c.s}受理依申请公开事项${n.text}，同比${change}。`, n.printed);
  },
  (c, v) => {
    if (v.n < 3) return null;
    const [face, net, letter] = c.r.split(v.n, [3, 4, 2]);
    const n = count(c, v.n, '件', 'r.new.total');
    return say(`${c.year}年${c.s}收到当面申请${face}件、网络申请${net}件、信函申请${letter}件，共计${n.text}。`, n.printed);
  },
  (c, v) => {
    const n = count(c, v.n, '件', 'r.new.total');
    const cum = v.n + c.r.int(v.n + 3, v.n * 6 + 20);
    const since = c.r.chance(0.5) ? '自2008年5月1日《政府信息公开条例》施行以来' : `自政府信息公开工作开展以来`;
    return say(`${since}，${c.s}累计受理信息公开申请${cum}件，其中${c.year}年受理${n.text}。`, n.printed);
  },
  (c, v) => {
    const unit = c.r.pick(['件', '份', '宗']);
    const n = count(c, v.n, unit, 'r.new.total');
    if (v.natural === v.n) return say(`本年度${c.s}共收到${n.text}政府信息公开申请，申请人均为公民个人。`, n.printed, { id: 'r.new.natural', value: v.natural });
    const nat = count(c, v.natural, unit, 'r.new.natural');
    return say(`本年度${c.s}共收到${n.text}政府信息公开申请，其中公民提出${nat.text}，法人和其他组织提出${v.n - v.natural}${unit}。`, n.printed, nat.printed);
  },
  (c, v) => {
    const scope = wider(c);
    if (!scope) {
      if (v.n < 2) return null;
      const own = c.r.int(1, v.n - 1);
      const n = count(c, v.n, '件', 'r.new.total');
      return say(`${c.s}全年受理政府信息公开申请${n.text}，${ownLevel(c)}受理${own}件。`, n.printed);
    }
    const n = count(c, v.n, '件', 'r.new.total');
    const big = v.n * c.r.int(6, 30) + c.r.int(1, 99);
    return say(`${c.year}年${scope}共受理政府信息公开申请${big}件，${c.s}受理其中的${n.text}。`, n.printed);
  },
  (c, v) => {
    const n = count(c, v.n, '件', 'r.new.total');
    return say(`${c.s}在政务服务大厅设立依申请公开受理窗口，公布咨询电话（${phone(c.r)}），${c.year}年共登记受理申请${n.text}。`, n.printed);
  },
];

const REQUESTS_NONE: FreshWording<Record<string, never>>[] = [
  (c) => say(`${c.year}年度，${c.s}无依申请公开政府信息事项。`, { id: 'r.new.total', value: 0 }),
  (c) => say(`全年没有公民、法人或其他组织向${c.s}提出政府信息公开申请。`, { id: 'r.new.total', value: 0 }),
  (c) => say(`${c.s}本年度受理政府信息公开申请0件。`, { id: 'r.new.total', value: 0 }),
  () => say('依申请公开情况：无。', { id: 'r.new.total', value: 0 }),
  (c) => {
    const calls = c.r.int(12, 400);
    return say(`${c.year}年${c.s}未接到依申请公开的请求，共接听群众政策咨询电话${calls}人次。`, { id: 'r.new.total', value: 0 });
  },
  (c) => {
    const cases = c.r.int(800, 90000);
    return say(`本年度政务服务中心受理各类审批服务事项${cases}件，${c.s}未收到政府信息公开申请。`, { id: 'r.new.total', value: 0 });
  },
];

type Item = keyof Omit<Outcomes, 'handled'>;
const OUTCOME_IDS: Record<Item, string> = { granted: 'r.granted.total', partial: 'r.partial.total', denied: 'r.denied.total.total', notHeld: 'r.unable.not_held.total' };
const ITEMS: Item[] = ['granted', 'partial', 'denied', 'notHeld'];

/** The outcomes present, each with its label and count. */
function outcomeList(c: Ctx, v: Outcomes, labels: Record<Item, string>): { key: Item; label: string; text: string; value: number; printed: Printed }[] {
  return ITEMS.filter((k) => v[k] !== null).map((k) => {
    const n = count(c, v[k]!, '件', OUTCOME_IDS[k]);
    return { key: k, label: labels[k], text: n.text, value: v[k]!, printed: n.printed };
  });
}

const OUTCOMES: FreshWording<Outcomes>[] = [
  (c, v) => {
    const l = outcomeList(c, v, { granted: '同意公开', partial: '同意部分公开', denied: '不同意公开', notHeld: '信息不存在' });
    return say(`从答复情况看，${l.map((x) => `${x.label}${x.text}`).join('，')}。`, ...l.map((x) => x.printed));
  },
  (c, v) => {
    const l = outcomeList(c, v, { granted: '予以公开', partial: '部分公开', denied: '依法不予公开', notHeld: '因所申请信息不存在未能提供' });
    return say(`对上述申请，${l.map((x) => `${x.text}${x.label}`).join('，')}。`, ...l.map((x) => x.printed));
  },
  (c, v) => {
    const l = outcomeList(c, v, { granted: '公开', partial: '部分公开', denied: '不予公开', notHeld: '非本机关掌握' });
    const order = ['一', '二', '三', '四'];
    return say(`申请答复结果：${l.map((x, i) => `（${order[i]}）${x.label}${x.text}`).join('；')}。`, ...l.map((x) => x.printed));
  },
  (c, v) => {
    const h = count(c, v.handled, '件', 'r.handled.total');
    const l = outcomeList(c, v, { granted: '属于可以公开的', partial: '区分处理后部分公开的', denied: '属于不予公开范围的', notHeld: '不属于本机关公开职责权限范围的' });
    return say(`在${c.s}办理的${h.text}申请中，${l.map((x) => `${x.label}有${x.text}`).join('，')}。`, h.printed, ...l.map((x) => x.printed));
  },
  (c, v) => {
    const l = outcomeList(c, v, { granted: '全部公开', partial: '部分公开', denied: '不予公开', notHeld: '信息不存在' });
    return say(`办理结果为：${l.map((x) => `${x.label}${x.text}，占${share(x.value, v.handled)}%`).join('；')}。`, ...l.map((x) => x.printed));
  },
  (c, v) => {
    const l = outcomeList(c, v, { granted: '', partial: '', denied: '', notHeld: '' });
    const words: Record<Item, (n: string) => string> = {
      granted: (n) => `${c.s}向申请人提供了所申请的信息${n}`,
      partial: (n) => `部分提供${n}`,
      denied: (n) => `另有${n}因涉及国家秘密、商业秘密或个人隐私依法不予公开`,
      notHeld: (n) => `${n}因不属于本机关掌握的信息已告知申请人`,
    };
    return say(`${l.map((x) => words[x.key](x.text)).join('，')}。`, ...l.map((x) => x.printed));
  },
  (c, v) => {
    const l = outcomeList(c, v, { granted: '同意公开的', partial: '部分同意公开的', denied: '不予公开的', notHeld: '告知信息不存在的' });
    return say(`${l.map((x) => `${x.label}${x.text}`).join('、')}，均已依法作出书面答复。`, ...l.map((x) => x.printed));
  },
];

const HANDLED: FreshWording<{ n: number }>[] = [
  (c, v) => {
    const n = count(c, v.n, '件', 'r.handled.total');
    return say(`截至${c.year}年12月31日，已答复申请${n.text}。`, n.printed);
  },
  (c, v) => {
    const n = count(c, v.n, '件', 'r.handled.total');
    return say(`全年办理完毕${n.text}，按时答复率达100%。`, n.printed);
  },
  (c, v) => {
    const n = count(c, v.n, '件', 'r.handled.total');
    return say(`本年度${c.s}对${n.text}申请作出了书面答复。`, n.printed);
  },
  (c, v) => {
    const n = count(c, v.n, '件', 'r.handled.total');
    return say(`已办结的申请共${n.text}，平均答复时间为${c.r.int(4, 14)}个工作日。`, n.printed);
  },
  (c, v) => {
    const n = count(c, v.n, '件', 'r.handled.total');
    return say(`对受理的申请，${c.s}均在15个工作日内予以答复，全年答复${n.text}。`, n.printed);
  },
  (c, v) => {
    const n = count(c, v.n, '件', 'r.handled.total');
    return say(`答复总数：${n.text}。`, n.printed);
  },
];

const CARRIED_OUT: FreshWording<{ n: number }>[] = [
  (c, v) => {
    const n = count(c, v.n, '件', 'r.carried_out.total');
    return say(`截至年底，尚有${n.text}申请正在办理，转入${c.year + 1}年继续办理。`, n.printed);
  },
  (c, v) => {
    const n = count(c, v.n, '件', 'r.carried_out.total');
    return say(`${n.text}申请因在年末受理、尚未到答复期限，转入下一年度办理。`, n.printed);
  },
  (c, v) => {
    const n = count(c, v.n, '件', 'r.carried_out.total');
    return say(`未办结的${n.text}将于${c.year + 1}年1月${c.r.int(5, 25)}日前依法答复。`, n.printed);
  },
  (c, v) => {
    const n = count(c, v.n, '件', 'r.carried_out.total');
    return say(`结转下年：${n.text}。`, n.printed);
  },
  (c, v) => {
    const n = count(c, v.n, '件', 'r.carried_out.total');
    return say(`另有${n.text}申请仍处于法定答复期限内，${c.year}年底前未作出答复。`, n.printed);
  },
  (c, v) => {
    const n = count(c, v.n, '件', 'r.carried_out.total');
    return say(`年底仍在办理中的申请有${n.text}。`, n.printed);
  },
];

const FEE: FreshWording<{ yuan: number }>[] = [
  (c, v) => say(`${c.s}按规定收取检索费、复制费、邮寄费合计人民币${v.yuan}元。`, { id: 'fee.collected_yuan', value: v.yuan }),
  (_c, v) => say(`全年共收取信息公开相关成本费用${v.yuan}元，已全额上缴财政专户。`, { id: 'fee.collected_yuan', value: v.yuan }),
  (c, v) => {
    const people = c.r.int(1, 6);
    const waived = c.r.int(1, 9) * 10;
    return say(`对申请人收取复制、邮递成本费${v.yuan}元，为${people}名经济困难的申请人减免费用${waived}元。`, { id: 'fee.collected_yuan', value: v.yuan });
  },
  (c, v) => say(`${c.year}年度依申请公开收费${v.yuan.toFixed(2)}元。`, { id: 'fee.collected_yuan', value: v.yuan }),
  (c, v) => say(`按照《${c.year - c.r.int(1, 4)}年政府信息公开收费标准》（${docNumber(c)}），本年度收取费用${v.yuan}元。`, { id: 'fee.collected_yuan', value: v.yuan }),
];

const FEE_NONE: FreshWording<{ year: number }>[] = [
  (c) => say(`${c.s}在提供政府信息时未向申请人收取任何费用。`, { id: 'fee.collected_yuan', value: 0 }),
  () => say('本年度依申请公开政府信息收费金额为0元。', { id: 'fee.collected_yuan', value: 0 }),
  () => say('政府信息公开收费及减免情况：无收费、无减免。', { id: 'fee.collected_yuan', value: 0 }),
  (c) => say(`${c.year}年${c.s}对依申请提供的政府信息一律免费。`, { id: 'fee.collected_yuan', value: 0 }),
  () => say('全年未发生信息公开收费事项。', { id: 'fee.collected_yuan', value: 0 }),
  (c) => say(`根据省物价局、省财政厅有关规定（${docNumber(c)}），${c.s}不收取政府信息公开检索、复制、邮寄等费用，本年度收费为零。`, { id: 'fee.collected_yuan', value: 0 }),
];

const rvCount = (c: Ctx, n: number, id: string) => count(c, n, '件', id);

const REVIEW: FreshWording<Review>[] = [
  (c, v) => {
    const rv = rvCount(c, v.rv, 'rv.total');
    const lit = rvCount(c, v.lit, 'lit.total');
    return say(`${c.year}年，${c.s}收到涉及政府信息公开的行政复议申请${rv.text}，发生行政诉讼${lit.text}。`, rv.printed, lit.printed);
  },
  (c, v) => {
    const rv = rvCount(c, v.rv, 'rv.total');
    const lit = rvCount(c, v.lit, 'lit.total');
    return say(`针对${c.s}政府信息公开答复提出的行政复议有${rv.text}，行政诉讼有${lit.text}。`, rv.printed, lit.printed);
  },
  (c, v) => {
    if (v.rv === 0 || v.lit === 0) return null;
    const rv = rvCount(c, v.rv, 'rv.total');
    const lit = rvCount(c, v.lit, 'lit.total');
    return say(`全年有${rv.text}行政复议案件、${lit.text}行政诉讼案件涉及${c.s}政府信息公开工作。`, rv.printed, lit.printed);
  },
  (c, v) => {
    if (v.rv === 0) return null;
    const rv = rvCount(c, v.rv, 'rv.total');
    const up = rvCount(c, v.upheld, 'rv.upheld');
    const litText = v.lit === 0 ? '未被提起行政诉讼' : `被提起行政诉讼${rvCount(c, v.lit, 'lit.total').text}`;
    return say(`因政府信息公开被申请行政复议${rv.text}，经复议维持原答复${up.text}；${litText}。`, rv.printed, up.printed, { id: 'lit.total', value: v.lit });
  },
  (c, v) => {
    const rv = rvCount(c, v.rv, 'rv.total');
    const lit = rvCount(c, v.lit, 'lit.total');
    return say(`（一）行政复议：${rv.text}；（二）行政诉讼：${lit.text}。`, rv.printed, lit.printed);
  },
  (c, v) => {
    const rv = rvCount(c, v.rv, 'rv.total');
    const lit = rvCount(c, v.lit, 'lit.total');
    const complaints = c.r.int(1, 9);
    return say(`本年度因政府信息公开申请引起行政复议${rv.text}、行政诉讼${lit.text}，另收到有关信息公开的申诉${complaints}件。`, rv.printed, lit.printed);
  },
  (c, v) => {
    if (v.lit === 0) return null;
    const rv = v.rv === 0 ? '未发生行政复议' : `发生行政复议${rvCount(c, v.rv, 'rv.total').text}`;
    const lit = rvCount(c, v.lit, 'lit.total');
    return say(`${c.year}年${c.s}因政府信息公开被提起行政诉讼${lit.text}，${rv}。`, lit.printed, { id: 'rv.total', value: v.rv });
  },
];

const NO_REVIEW: Printed[] = [
  { id: 'rv.total', value: 0 },
  { id: 'lit.total', value: 0 },
];
const REVIEW_NONE: FreshWording<Record<string, never>>[] = [
  (c) => say(`${c.s}未收到针对政府信息公开事项的行政复议申请，也没有被提起行政诉讼。`, ...NO_REVIEW),
  () => say('政府信息公开行政复议和行政诉讼数量均为0件。', ...NO_REVIEW),
  () => say('全年政府信息公开工作实现零复议、零诉讼。', ...NO_REVIEW),
  (c) => say(`${c.year}年${c.s}没有发生因信息公开引起的行政复议或行政诉讼案件，也未收到相关申诉。`, ...NO_REVIEW),
  () => say('行政复议、行政诉讼情况：无。', ...NO_REVIEW),
  (c) => {
    const m = c.r.int(2, 11);
    return say(`本年度${c.s}未发生政府信息公开方面的复议、诉讼案件；${c.year - 1}年发生的1件行政诉讼已于${c.year}年${m}月审结。`, ...NO_REVIEW);
  },
];

/** Every fresh wording, per narrative fact (the names of src/generate/phrasing.ts). */
export const FRESH = { PROACTIVE_TOTAL, PROACTIVE_CHANNELS, REQUESTS_NEW, REQUESTS_NONE, OUTCOMES, HANDLED, CARRIED_OUT, FEE, FEE_NONE, REVIEW, REVIEW_NONE } as const;
export type FreshFact = keyof typeof FRESH;

/** Draws a wording of the fact that can state these values (every fact has some that always can). */
function pick<V>(c: Ctx, wordings: readonly FreshWording<V>[], v: V): Said {
  const order = wordings.map((w, i) => ({ w, k: c.r.next(), i })).sort((a, b) => a.k - b.k || a.i - b.i);
  for (const { w } of order) {
    const said = w(c, v);
    if (said) return said;
  }
  throw new Error('fresh wordings: no wording can state these values');
}

/** A paragraph of one or more statements; now and then in full-width digits. */
function paragraph(c: Ctx, said: Said[]): Block {
  const text = said.map((s) => s.text).join('');
  return para(c.r.chance(0.08) ? FULL(text) : text, said.flatMap((s) => s.printed));
}

/** Sections 二 to 五 of a narrative report in the fresh wordings. */
export function freshSections(c: Ctx, f: Figures): Block[] {
  const r = c.r;
  const blocks: Block[] = [para('二、主动公开政府信息情况', [], { heading: true })];
  const total = f['p.total'];
  const mode = r.next();
  if (mode < 0.35 || total === 0) {
    const parts = r.split(total, [3, 5, 2, 6, 1].slice(0, r.int(3, 5)));
    const before = Math.round(total * (c.year - 2007) * (0.6 + 0.6 * r.next()));
    blocks.push(paragraph(c, [pick(c, PROACTIVE_TOTAL, { total, approx: true, parts: parts.every((p) => p > 0) ? parts : [], before })]));
  } else if (mode < 0.7) {
    const before = Math.round(total * (c.year - 2007) * (0.6 + 0.6 * r.next()));
    const first = pick(c, PROACTIVE_TOTAL, { total, approx: false, parts: [], before });
    blocks.push(paragraph(c, [first, pick(c, PROACTIVE_CHANNELS, { web: f['p.website'], other: f['p.other_channels'], total: null })]));
  } else {
    blocks.push(paragraph(c, [pick(c, PROACTIVE_CHANNELS, { web: f['p.website'], other: f['p.other_channels'], total })]));
  }

  blocks.push(para('三、依申请公开政府信息情况', [], { heading: true }));
  const n = f['r.new.total'];
  if (n === 0) blocks.push(paragraph(c, [pick(c, REQUESTS_NONE, {})]));
  else {
    const asked = pick(c, REQUESTS_NEW, { n, natural: f['r.new.natural'] });
    /** A zero outcome is often left unsaid. */
    const shown = (v: number) => (v === 0 && r.chance(0.6) ? null : v);
    const outcomes: Outcomes = {
      granted: f['r.granted.total'],
      partial: shown(f['r.partial.total']),
      denied: shown(f['r.denied.total.total']),
      notHeld: shown(f['r.unable.not_held.total']),
      handled: f['r.handled.total'],
    };
    const answered = pick(c, OUTCOMES, outcomes);
    if (r.chance(0.4)) blocks.push(paragraph(c, [asked, answered]));
    else blocks.push(paragraph(c, [asked]), paragraph(c, [answered]));
    const tail: Said[] = [];
    if (!answered.printed.some((p) => p.id === 'r.handled.total') && r.chance(0.6)) tail.push(pick(c, HANDLED, { n: f['r.handled.total'] }));
    if (f['r.carried_out.total'] > 0 && r.chance(0.7)) tail.push(pick(c, CARRIED_OUT, { n: f['r.carried_out.total'] }));
    if (tail.length > 0) blocks.push(paragraph(c, tail));
  }

  blocks.push(para('四、政府信息公开的收费及减免情况', [], { heading: true }));
  const fee = f['fee.collected_yuan'];
  blocks.push(paragraph(c, [fee === 0 ? pick(c, FEE_NONE, { year: c.year }) : pick(c, FEE, { yuan: fee })]));

  blocks.push(para('五、因政府信息公开申请提起行政复议、行政诉讼的情况', [], { heading: true }));
  const rv = f['rv.total'];
  const lit = f['lit.total'];
  blocks.push(paragraph(c, [rv === 0 && lit === 0 ? pick(c, REVIEW_NONE, {}) : pick(c, REVIEW, { rv, lit, upheld: f['rv.upheld'] })]));
  return blocks;
}
