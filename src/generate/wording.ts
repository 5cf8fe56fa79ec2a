// The words of a report, per era: a narrative before 2019 (the sentences real reports use to
// state their figures: src/generate/phrasing.ts), the 2019 table (国办公开办函〔2019〕60号)
// and the 2021 table (国办公开办函〔2021〕30号). Every printed number is attached to its metric id.
import { APPLICANT_COLUMNS } from '../shared/metrics';
import { para, type Block, type Cell, type Printed } from './document';
import type { Figures } from './figures';
import type { Rng } from './prng';
import { CARRIED_OUT, FEE, FEE_NONE, HANDLED, OUTCOMES, PROACTIVE_CHANNELS, PROACTIVE_TOTAL, REQUESTS_NEW, REQUESTS_NONE, REVIEW, REVIEW_NONE, type Phrasings, type Wordings } from './phrasing';
import { freshSections } from './phrasing-fresh';
import { unseenSections } from './phrasing-unseen';
import { withSelf, type Prose } from './prose';

export type Template = 'narrative' | 'table2019' | 'table2021';

export const templateOf = (year: number): Template => (year < 2019 ? 'narrative' : year < 2021 ? 'table2019' : 'table2021');

export const SYNTHETIC_MARKER = '【合成数据】本报告由 Gongkai 生成器合成，仅供测试，不是真实政府报告。';

export interface Wording {
  year: number;
  template: Template;
  /** The issuer as printed in the title and signature (辽宁省营口市站前区人民政府, 营口市公安局). */
  issuer: string;
  /** The title, as printed. */
  title: string;
  /** How the body calls itself: 我区, 我镇, 我局, 本机关. */
  self: string;
  /** An area summary: the text says it covers the whole area (全市, 各部门). */
  area: { whole: string; parts: string } | null;
  published: { y: number; m: number; d: number };
  figures: Figures;
  /** Print large narrative counts as approximations (3万余条) when drawn. */
  approxRate: number;
  /** Print procurement amounts in 万元. */
  wanYuan: boolean;
  /** The work narrative: the report's own, or the one it copies. */
  prose: Prose;
  /** Which phrasings state the narrative's figures (src/generate/phrasing.ts, phrasing-unseen.ts, phrasing-fresh.ts). */
  wordings: Wordings;
}

const ZH_DIGITS = '〇一二三四五六七八九';
const zhSmall = (n: number) => (n <= 10 ? (n === 10 ? '十' : n === 2 ? '两' : ZH_DIGITS[n]) : String(n));
const zhYear = (y: number) => [...String(y)].map((d) => ZH_DIGITS[Number(d)]).join('');
const zhDay = (n: number) => (n < 10 ? ZH_DIGITS[n] : n === 10 ? '十' : n < 20 ? `十${ZH_DIGITS[n - 10]}` : `${ZH_DIGITS[Math.floor(n / 10)]}十${n % 10 ? ZH_DIGITS[n % 10] : ''}`);
const pad = (n: number) => String(n).padStart(2, '0');

/** A count as a narrative prints it, and the value it states. */
function count(n: number, unit: string, r: Rng, approxRate: number, id: string): { text: string; printed: Printed } {
  if (n >= 10000 && r.chance(approxRate)) {
    const v = Math.floor(n / 1000) * 1000;
    const shown = String(v / 10000);
    return { text: `${shown}万余${unit}`, printed: { id, value: v, approx: true } };
  }
  if (n >= 200 && r.chance(approxRate)) {
    const v = Math.floor(n / 100) * 100;
    return { text: `${v}余${unit}`, printed: { id, value: v, approx: true } };
  }
  if (n >= 1 && n <= 10 && r.chance(0.15)) return { text: `${zhSmall(n)}${unit}`, printed: { id, value: n } };
  return { text: `${n}${unit}`, printed: { id, value: n } };
}

function head(w: Wording): Block[] {
  const { y, m, d } = w.published;
  return [
    para(w.title, [], { keep: true, fixed: true }),
    para(SYNTHETIC_MARKER, [], { keep: true, fixed: true }),
    para(`发布日期：${y}-${pad(m)}-${pad(d)}`, [], { keep: true, fixed: true }),
  ];
}

function intro(w: Wording): Block[] {
  const blocks: Block[] = [
    para(`根据《中华人民共和国政府信息公开条例》规定，现公布${w.issuer}${w.year}年政府信息公开工作年度报告。本报告中所列数据的统计期限自${w.year}年1月1日起至${w.year}年12月31日止。`),
  ];
  if (w.area) blocks.push(para(`本报告综合${w.area.whole}${w.area.parts}政府信息公开工作情况编制。`));
  blocks.push(para('一、总体情况', [], { heading: true }));
  blocks.push(para(`${w.year}年，${withSelf(w.prose.intro, w.self)}`));
  for (const text of w.prose.work) blocks.push(para(withSelf(text, w.self)));
  return blocks;
}

function signature(w: Wording, r: Rng): Block[] {
  const { y, m, d } = w.published;
  const date = r.chance(0.3) ? `${zhYear(y)}年${zhDay(m)}月${zhDay(d)}日` : `${y}年${m}月${d}日`;
  return [para(w.issuer, [], { fixed: true }), para(date, [], { fixed: true })];
}

function closing(w: Wording, number: string): Block[] {
  return [
    para(`${number}、存在的主要问题及改进情况`, [], { heading: true }),
    para(`${w.self}政府信息公开工作取得了一定成效，但也存在一些不足：${w.prose.problems}${withSelf(w.prose.next, w.self)}`),
  ];
}

// ---- narrative (before 2019) ----------------------------------------------------------------

function narrative(w: Wording, r: Rng): Block[] {
  const f = w.figures;
  const s = w.area ? w.area.whole : w.self;
  const y = w.year;
  const blocks = [...head(w), ...intro(w)];
  if (w.wordings === 'unseen') {
    const total = count(f['p.total'], '条', r, w.approxRate, 'p.total');
    const approxTotal = total.printed.approx ? { text: total.text, value: total.printed.value } : null;
    blocks.push(...unseenSections({ year: y, s, area: w.area !== null, figures: f, approxTotal }, r), ...closing(w, '六'), ...signature(w, r));
    return blocks;
  }
  if (w.wordings === 'fresh') {
    blocks.push(...freshSections({ year: y, s, area: w.area !== null, approxRate: w.approxRate, r }, f), ...closing(w, '六'), ...signature(w, r));
    return blocks;
  }
  const set = w.wordings;
  const say = <A extends unknown[]>(phrasings: Phrasings<A>, ...args: A): string => r.pick(phrasings[set])(...args);

  blocks.push(para('二、主动公开政府信息情况', [], { heading: true }));
  const total = count(f['p.total'], '条', r, w.approxRate, 'p.total');
  if (total.printed.approx || r.chance(0.25)) {
    blocks.push(para(say(PROACTIVE_TOTAL, y, s, total.text), [total.printed]));
  } else {
    const web = f['p.website'];
    const other = f['p.other_channels'];
    blocks.push(
      para(`${say(PROACTIVE_TOTAL, y, s, total.text)}${say(PROACTIVE_CHANNELS, web, other)}`, [
        total.printed,
        { id: 'p.website', value: web },
        { id: 'p.other_channels', value: other },
      ]),
    );
  }

  blocks.push(para('三、依申请公开政府信息情况', [], { heading: true }));
  const n = f['r.new.total'];
  if (n === 0) {
    blocks.push(para(say(REQUESTS_NONE, y, s), [{ id: 'r.new.total', value: 0 }]));
  } else {
    const got = count(n, '件', r, 0, 'r.new.total');
    blocks.push(para(say(REQUESTS_NEW, y, s, got.text), [got.printed]));
    const outcomes = r.pick(OUTCOMES[set]);
    const parts: string[] = [];
    const printed: Printed[] = [];
    const add = (label: string, id: string, always = false) => {
      const v = f[id];
      if (v === 0 && !always && r.chance(0.6)) return;
      const c = count(v, '件', r, 0, id);
      parts.push(`${label}${c.text}`);
      printed.push(c.printed);
    };
    const [granted, partial, denied, notHeld] = outcomes.labels;
    add(granted, 'r.granted.total', true);
    add(partial, 'r.partial.total');
    add(denied, 'r.denied.total.total');
    add(notHeld, 'r.unable.not_held.total');
    blocks.push(para(`${outcomes.lead}${parts.join('，')}。`, printed));
    if (r.chance(0.6)) {
      const h = f['r.handled.total'];
      blocks.push(para(say(HANDLED, h), [{ id: 'r.handled.total', value: h }]));
    }
    if (f['r.carried_out.total'] > 0 && r.chance(0.7)) {
      const c = f['r.carried_out.total'];
      blocks.push(para(say(CARRIED_OUT, c), [{ id: 'r.carried_out.total', value: c }]));
    }
  }

  blocks.push(para('四、政府信息公开的收费及减免情况', [], { heading: true }));
  const fee = f['fee.collected_yuan'];
  if (fee === 0) blocks.push(para(say(FEE_NONE, y, s), [{ id: 'fee.collected_yuan', value: 0 }]));
  else blocks.push(para(say(FEE, fee), [{ id: 'fee.collected_yuan', value: fee }]));

  blocks.push(para('五、因政府信息公开申请提起行政复议、行政诉讼的情况', [], { heading: true }));
  const rv = f['rv.total'];
  const lit = f['lit.total'];
  if (rv === 0 && lit === 0) {
    blocks.push(para(say(REVIEW_NONE, y, s), [{ id: 'rv.total', value: 0 }, { id: 'lit.total', value: 0 }]));
  } else {
    blocks.push(para(say(REVIEW, y, s, rv, lit), [{ id: 'rv.total', value: rv }, { id: 'lit.total', value: lit }]));
  }
  blocks.push(...closing(w, '六'));
  blocks.push(...signature(w, r));
  return blocks;
}

// ---- tables (2019, 2021) ----------------------------------------------------------------------

const label = (text: string, colspan = 1): Cell => ({ text, colspan });
const num = (f: Figures, id: string, text: (v: number) => string = String): Cell => ({ text: text(f[id]), printed: { id, value: f[id] } });
const change = (v: number) => (v > 0 ? `增${v}` : v < 0 ? `减${-v}` : '0');
/** 万元 with up to 4 decimals, exactly the yuan value. */
const wan = (yuan: number) => String(Math.round(yuan) / 10000);

function proactive2019(f: Figures, wanYuan: boolean): Cell[][] {
  const items = (row: string, id: string): Cell[] => [label(row), num(f, `p.${id}.prev_items`), num(f, `p.${id}.change`, change), num(f, `p.${id}.decisions`)];
  const amount: Cell = wanYuan
    ? { text: wan(f['p.procurement.amount_yuan']), printed: { id: 'p.procurement.amount_yuan', value: Math.round(f['p.procurement.amount_yuan']) } }
    : num(f, 'p.procurement.amount_yuan', (v) => `${v}元`);
  return [
    [label('第二十条第（一）项', 4)],
    [label('信息内容'), label('本年新制作数量'), label('本年新公开数量'), label('对外公开总数量')],
    [label('规章'), num(f, 'p.rules.new_made'), num(f, 'p.rules.new_published'), num(f, 'p.rules.total_published')],
    [label('规范性文件'), num(f, 'p.normative.new_made'), num(f, 'p.normative.new_published'), num(f, 'p.normative.total_published')],
    [label('第二十条第（五）项', 4)],
    [label('信息内容'), label('上一年项目数量'), label('本年增/减'), label('处理决定数量')],
    items('行政许可', 'license'),
    items('其他对外管理服务事项', 'other_service'),
    [label('第二十条第（六）项', 4)],
    [label('信息内容'), label('上一年项目数量'), label('本年增/减'), label('处理决定数量')],
    items('行政处罚', 'penalty'),
    items('行政强制', 'coercion'),
    [label('第二十条第（八）项', 4)],
    [label('信息内容'), label('上一年项目数量'), label('本年增/减')],
    [label('行政事业性收费'), num(f, 'p.fees.prev_items'), num(f, 'p.fees.change', change)],
    [label('第二十条第（九）项', 4)],
    [label('信息内容'), label('采购项目数量'), label(wanYuan ? '采购总金额（万元）' : '采购总金额')],
    [label('政府集中采购'), num(f, 'p.procurement.projects'), amount],
  ];
}

function proactive2021(f: Figures): Cell[][] {
  return [
    [label('第二十条第（一）项', 4)],
    [label('信息内容'), label('本年制发件数'), label('本年废止件数'), label('现行有效件数')],
    [label('规章'), num(f, 'p.rules.issued'), num(f, 'p.rules.repealed'), num(f, 'p.rules.in_force')],
    [label('行政规范性文件'), num(f, 'p.normative.issued'), num(f, 'p.normative.repealed'), num(f, 'p.normative.in_force')],
    [label('第二十条第（五）项', 4)],
    [label('信息内容'), label('本年处理决定数量', 3)],
    [label('行政许可'), num(f, 'p.license.decisions')],
    [label('第二十条第（六）项', 4)],
    [label('信息内容'), label('本年处理决定数量', 3)],
    [label('行政处罚'), num(f, 'p.penalty.decisions')],
    [label('行政强制'), num(f, 'p.coercion.decisions')],
    [label('第二十条第（八）项', 4)],
    [label('信息内容'), label('本年收费金额（单位：万元）', 3)],
    [label('行政事业性收费'), { text: wan(f['p.fees.amount_yuan']), printed: { id: 'p.fees.amount_yuan', value: f['p.fees.amount_yuan'] } }],
  ];
}

/** Row labels of the requests table: [group label, row label, row id]. */
function requestRows(template: Template): [string, string, string][] {
  const rows: [string, string, string][] = [
    ['', '一、本年新收政府信息公开申请数量', 'new'],
    ['', '二、上年结转政府信息公开申请数量', 'carried_in'],
    ['三、本年度办理结果', '（一）予以公开', 'granted'],
    ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'partial'],
    ['（三）不予公开', '1.属于国家秘密', 'denied.state_secret'],
    ['', '2.其他法律行政法规禁止公开', 'denied.law_prohibited'],
    ['', '3.危及“三安全一稳定”', 'denied.security_stability'],
    ['', '4.保护第三方合法权益', 'denied.third_party'],
    ['', '5.属于三类内部事务信息', 'denied.internal_affairs'],
    ['', '6.属于四类过程性信息', 'denied.process_info'],
    ['', '7.属于行政执法案卷', 'denied.enforcement_file'],
    ['', '8.属于行政查询事项', 'denied.admin_query'],
    ['（四）无法提供', '1.本机关不掌握相关政府信息', 'unable.not_held'],
    ['', '2.没有现成信息需要另行制作', 'unable.need_creation'],
    ['', '3.补正后申请内容仍不明确', 'unable.unclear'],
    ['（五）不予处理', '1.信访举报投诉类申请', 'rejected.petition'],
    ['', '2.重复申请', 'rejected.duplicate'],
    ['', '3.要求提供公开出版物', 'rejected.publication'],
    ['', '4.无正当理由大量反复申请', 'rejected.mass_repeat'],
    ['', '5.要求行政机关确认或重新出具已获取信息', 'rejected.confirm_reissue'],
  ];
  if (template === 'table2021') {
    rows.push(
      ['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'other.no_correction'],
      ['', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'other.no_fee'],
      ['', '3.其他', 'other.misc'],
    );
  } else rows.push(['', '（六）其他处理', 'other.total']);
  rows.push(['', '（七）总计', 'handled'], ['', '四、结转下年度继续办理', 'carried_out']);
  return rows;
}

function requestsTable(f: Figures, template: Template): Cell[][] {
  const out: Cell[][] = [
    [label('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 9)],
    [label('申请人情况', 2), label('自然人'), label('法人或其他组织', 5), label('总计')],
    [label('商业企业'), label('科研机构'), label('社会公益组织'), label('法律服务机构'), label('其他')],
  ];
  for (const [group, row, id] of requestRows(template)) {
    const cells: Cell[] = group ? [label(group), label(row)] : [label(row, 2)];
    for (const col of APPLICANT_COLUMNS) cells.push(num(f, `r.${id}.${col}`));
    out.push(cells);
  }
  return out;
}

function reviewTable(f: Figures): Cell[][] {
  const outcome = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const ids = ['rv', 'lit.direct', 'lit.after_rv'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `${g}.${c}`));
  return [
    [label('行政复议', 5), label('行政诉讼', 10)],
    [...outcome.map((o) => label(o)), label('未经复议直接起诉', 5), label('复议后起诉', 5)],
    [...outcome, ...outcome].map((o) => label(o)),
    ids.map((id) => num(f, id)),
  ];
}

function tables(w: Wording, r: Rng): Block[] {
  const f = w.figures;
  const blocks = [...head(w), ...intro(w)];
  if (r.chance(0.5)) {
    const total = count(f['p.total'], '条', r, w.approxRate, 'p.total');
    blocks.push(para(`${w.year}年，${w.area ? `${w.area.whole}共` : w.self}主动公开政府信息${total.text}。`, [total.printed]));
  }
  blocks.push(para('二、主动公开政府信息情况', [], { heading: true }));
  blocks.push({ kind: 'table', rows: w.template === 'table2019' ? proactive2019(f, w.wanYuan) : proactive2021(f) });
  blocks.push(para('三、收到和处理政府信息公开申请情况', [], { heading: true }));
  blocks.push({ kind: 'table', rows: requestsTable(f, w.template) });
  blocks.push(para('四、政府信息公开行政复议、行政诉讼情况', [], { heading: true }));
  blocks.push({ kind: 'table', rows: reviewTable(f) });
  blocks.push(...closing(w, '五'));
  blocks.push(para('六、其他需要报告的事项', [], { heading: true }));
  if (r.chance(0.5)) blocks.push(para('本年度未收取信息处理费。', [{ id: 'fee.collected_yuan', value: 0 }]));
  else blocks.push(para('本年度无其他需要报告的事项。'));
  blocks.push(...signature(w, r));
  return blocks;
}

export function reportBlocks(w: Wording, r: Rng): Block[] {
  return w.template === 'narrative' ? narrative(w, r) : tables(w, r);
}
