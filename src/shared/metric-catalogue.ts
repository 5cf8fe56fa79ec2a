// The metric catalogue: for every canonical id (src/shared/metrics.ts, ../shared/spec/metrics.md)
// its Chinese and English label, unit, section, where it sits in the statutory tables of the 2019
// (国办公开办函〔2019〕60号) and 2021 (国办公开办函〔2021〕30号) forms, and the rates that use it.
// Built from the same structure as the ids (rows × applicant columns, outcome columns), so every id
// has an entry by construction. Labels, the methodology page and the CSV codebook read this file.
export { DENIAL_REASONS, REASON_GROUPS } from './metrics';
import { APPLICANT_COLUMNS, IDENTITIES, METRIC_IDS, OUTCOME_COLUMNS, REQUEST_ROWS, type ApplicantColumn, type Identity, type RequestRow } from './metrics';

export interface Text {
  zh: string;
  en: string;
}

export type Template = 'narrative' | 'table2019' | 'table2021';
export type Section = 'proactive' | 'requests' | 'review' | 'fees';

export interface MetricEntry {
  id: string;
  label: Text;
  unit: Text;
  section: Section;
  /** Where the figure is printed in each template's table; absent: that template has no cell for it. */
  place: Partial<Record<Template, Text>>;
  /** What the figure means in every template, where that needs saying (a sum, a narrative-only figure). */
  meaning?: Text;
  /** Ids of RATES whose numerator or denominator uses this metric. */
  rates: string[];
}

export const SECTIONS: Record<Section, Text> = {
  proactive: { zh: '二、主动公开政府信息情况', en: '2. Proactive disclosure' },
  requests: { zh: '三、收到和处理政府信息公开申请情况', en: '3. Requests received and handled' },
  review: { zh: '四、政府信息公开行政复议、行政诉讼情况', en: '4. Administrative reconsideration and litigation' },
  fees: { zh: '收取信息处理费（正文）', en: 'Fees charged (narrative)' },
};

const UNITS = {
  items: { zh: '条', en: 'items' },
  documents: { zh: '件', en: 'documents' },
  matters: { zh: '项', en: 'matters' },
  decisions: { zh: '件', en: 'decisions' },
  requests: { zh: '件', en: 'requests' },
  cases: { zh: '件', en: 'cases' },
  yuan: { zh: '元', en: 'yuan' },
} satisfies Record<string, Text>;

// ---- section 三: requests ------------------------------------------------------------------------

/** A request row: its label, and its line in table 三 (item, sub-item, line). */
const ROWS: Record<RequestRow, { label: Text; line: Text; only2021?: boolean; sumOf?: string }> = {
  new: { label: { zh: '本年新收申请', en: 'New requests' }, line: { zh: '第一项', en: 'item 1' } },
  carried_in: { label: { zh: '上年结转申请', en: 'Requests carried in' }, line: { zh: '第二项', en: 'item 2' } },
  granted: { label: { zh: '予以公开', en: 'Granted' }, line: { zh: '第三项（一）', en: 'item 3(1)' } },
  partial: { label: { zh: '部分公开', en: 'Partly granted' }, line: { zh: '第三项（二）', en: 'item 3(2)' } },
  'denied.state_secret': { label: { zh: '不予公开·属于国家秘密', en: 'Denied · state secret' }, line: { zh: '第三项（三）第1行', en: 'item 3(3), line 1' } },
  'denied.law_prohibited': { label: { zh: '不予公开·其他法律行政法规禁止公开', en: 'Denied · prohibited by other laws' }, line: { zh: '第三项（三）第2行', en: 'item 3(3), line 2' } },
  'denied.security_stability': { label: { zh: '不予公开·危及“三安全一稳定”', en: 'Denied · security and stability' }, line: { zh: '第三项（三）第3行', en: 'item 3(3), line 3' } },
  'denied.third_party': { label: { zh: '不予公开·保护第三方合法权益', en: 'Denied · third-party rights' }, line: { zh: '第三项（三）第4行', en: 'item 3(3), line 4' } },
  'denied.internal_affairs': { label: { zh: '不予公开·属于三类内部事务信息', en: 'Denied · internal affairs' }, line: { zh: '第三项（三）第5行', en: 'item 3(3), line 5' } },
  'denied.process_info': { label: { zh: '不予公开·属于四类过程性信息', en: 'Denied · process information' }, line: { zh: '第三项（三）第6行', en: 'item 3(3), line 6' } },
  'denied.enforcement_file': { label: { zh: '不予公开·属于行政执法案卷', en: 'Denied · enforcement case files' }, line: { zh: '第三项（三）第7行', en: 'item 3(3), line 7' } },
  'denied.admin_query': { label: { zh: '不予公开·属于行政查询事项', en: 'Denied · administrative query' }, line: { zh: '第三项（三）第8行', en: 'item 3(3), line 8' } },
  'denied.total': { label: { zh: '不予公开', en: 'Denied' }, line: { zh: '第三项（三）', en: 'item 3(3)' }, sumOf: '1–8' },
  'unable.not_held': { label: { zh: '无法提供·本机关不掌握相关政府信息', en: 'Unable · not held by this body' }, line: { zh: '第三项（四）第1行', en: 'item 3(4), line 1' } },
  'unable.need_creation': { label: { zh: '无法提供·没有现成信息需要另行制作', en: 'Unable · would have to be created' }, line: { zh: '第三项（四）第2行', en: 'item 3(4), line 2' } },
  'unable.unclear': { label: { zh: '无法提供·补正后申请内容仍不明确', en: 'Unable · still unclear after correction' }, line: { zh: '第三项（四）第3行', en: 'item 3(4), line 3' } },
  'unable.total': { label: { zh: '无法提供', en: 'Unable to provide' }, line: { zh: '第三项（四）', en: 'item 3(4)' }, sumOf: '1–3' },
  'rejected.petition': { label: { zh: '不予处理·信访举报投诉类申请', en: 'Not processed · petitions and complaints' }, line: { zh: '第三项（五）第1行', en: 'item 3(5), line 1' } },
  'rejected.duplicate': { label: { zh: '不予处理·重复申请', en: 'Not processed · repeated request' }, line: { zh: '第三项（五）第2行', en: 'item 3(5), line 2' } },
  'rejected.publication': { label: { zh: '不予处理·要求提供公开出版物', en: 'Not processed · asks for publications' }, line: { zh: '第三项（五）第3行', en: 'item 3(5), line 3' } },
  'rejected.mass_repeat': { label: { zh: '不予处理·无正当理由大量反复申请', en: 'Not processed · mass repeated requests' }, line: { zh: '第三项（五）第4行', en: 'item 3(5), line 4' } },
  'rejected.confirm_reissue': { label: { zh: '不予处理·要求确认或重新出具已获取信息', en: 'Not processed · confirm or reissue information held' }, line: { zh: '第三项（五）第5行', en: 'item 3(5), line 5' } },
  'rejected.total': { label: { zh: '不予处理', en: 'Not processed' }, line: { zh: '第三项（五）', en: 'item 3(5)' }, sumOf: '1–5' },
  'other.no_correction': { label: { zh: '其他处理·逾期不补正', en: 'Other · not corrected in time' }, line: { zh: '第三项（六）第1行', en: 'item 3(6), line 1' }, only2021: true },
  'other.no_fee': { label: { zh: '其他处理·逾期未缴纳费用', en: 'Other · fee not paid in time' }, line: { zh: '第三项（六）第2行', en: 'item 3(6), line 2' }, only2021: true },
  'other.misc': { label: { zh: '其他处理·其他情形', en: 'Other · miscellaneous' }, line: { zh: '第三项（六）第3行', en: 'item 3(6), line 3' }, only2021: true },
  'other.total': { label: { zh: '其他处理', en: 'Other outcome' }, line: { zh: '第三项（六）', en: 'item 3(6)' } },
  handled: { label: { zh: '办理结果总计', en: 'Requests handled' }, line: { zh: '第三项（七）总计', en: 'item 3(7), total' } },
  carried_out: { label: { zh: '结转下年度继续办理', en: 'Carried over to next year' }, line: { zh: '第四项', en: 'item 4' } },
};

const COLUMNS: Record<ApplicantColumn, Text> = {
  natural: { zh: '自然人', en: 'individuals' },
  commercial: { zh: '商业企业', en: 'businesses' },
  research: { zh: '科研机构', en: 'research bodies' },
  social: { zh: '社会公益组织', en: 'non-profits' },
  legal: { zh: '法律服务机构', en: 'legal service bodies' },
  other: { zh: '其他', en: 'other' },
  total: { zh: '总计', en: 'total' },
};

function requestEntry(row: RequestRow, column: ApplicantColumn): Omit<MetricEntry, 'rates'> {
  const r = ROWS[row];
  const c = COLUMNS[column];
  const label = column === 'total' ? r.label : { zh: `${r.label.zh}·${c.zh}`, en: `${r.label.en} · ${c.en}` };
  const line = r.sumOf
    ? { zh: `表三 ${r.line.zh}（第${r.sumOf}行之和）· ${c.zh}`, en: `table 3, ${r.line.en} (sum of lines ${r.sumOf}) · ${c.en}` }
    : { zh: `表三 ${r.line.zh} · ${c.zh}`, en: `table 3, ${r.line.en} · ${c.en}` };
  const place: MetricEntry['place'] = r.only2021 ? { table2021: line } : { table2019: line, table2021: line };
  if (column === 'total' && ['new', 'granted', 'partial', 'denied.total', 'unable.not_held', 'handled', 'carried_out'].includes(row)) place.narrative = { zh: '正文', en: 'narrative text' };
  const meaning =
    row === 'other.total'
      ? { zh: '2019 年表为单独一行“其他处理”；2021 年表为第（六）项 1–3 行之和。', en: 'The single 2019 row "other"; in the 2021 table the sum of lines 1–3 of item 3(6).' }
      : r.sumOf
        ? { zh: `第${r.sumOf}行之和；表中未印合计时由各行推算（标为“推算”）；叙述式报告可能只给出合计。`, en: `The sum of lines ${r.sumOf}; computed from them when the table prints no total (marked derived); a narrative report may give only the total.` }
        : undefined;
  return { id: `r.${row}.${column}`, label, unit: UNITS.requests, section: 'requests', place, ...(meaning ? { meaning } : {}) };
}

// ---- section 四: reconsideration and litigation ------------------------------------------------------

const OUTCOMES: Record<(typeof OUTCOME_COLUMNS)[number], Text> = {
  upheld: { zh: '结果维持', en: 'upheld' },
  corrected: { zh: '结果纠正', en: 'corrected' },
  other: { zh: '其他结果', en: 'other result' },
  pending: { zh: '尚未审结', en: 'pending' },
  total: { zh: '总计', en: 'total' },
};

const GROUPS = {
  rv: { zh: '行政复议', en: 'Reconsideration' },
  'lit.direct': { zh: '行政诉讼·未经复议直接起诉', en: 'Litigation · direct' },
  'lit.after_rv': { zh: '行政诉讼·复议后起诉', en: 'Litigation · after reconsideration' },
} satisfies Record<string, Text>;

function reviewEntry(group: keyof typeof GROUPS, column: (typeof OUTCOME_COLUMNS)[number]): Omit<MetricEntry, 'rates'> {
  const g = GROUPS[group];
  const o = OUTCOMES[column];
  const line = { zh: `表四 ${g.zh} · ${o.zh}`, en: `table 4, ${g.en} · ${o.en}` };
  const place: MetricEntry['place'] = { table2019: line, table2021: line };
  if (group === 'rv' && (column === 'total' || column === 'corrected')) place.narrative = { zh: '正文', en: 'narrative text' };
  return { id: `${group}.${column}`, label: { zh: `${g.zh}·${o.zh}`, en: `${g.en} · ${o.en}` }, unit: UNITS.cases, section: 'review', place };
}

// ---- section 二: proactive disclosure --------------------------------------------------------------

const NARRATIVE = { narrative: { zh: '正文（表中无此项）', en: 'narrative text (no table cell)' } };
const art = (item: string, what: string, column: string, en: string): Text => ({ zh: `表二 第二十条第（${item}）项 ${what} · ${column}`, en: `table 2, art. 20(${item}) · ${en}` });

const PROACTIVE: Omit<MetricEntry, 'rates' | 'section'>[] = [
  { id: 'p.total', label: { zh: '主动公开信息', en: 'Items proactively disclosed' }, unit: UNITS.items, place: NARRATIVE, meaning: { zh: '当年主动公开政府信息条数（叙述），不是累计数。', en: 'Items disclosed in the year (narrative), not a cumulative stock.' } },
  { id: 'p.website', label: { zh: '其中政府网站公开', en: 'of which on the website' }, unit: UNITS.items, place: NARRATIVE },
  { id: 'p.other_channels', label: { zh: '其中其他渠道公开', en: 'of which through other channels' }, unit: UNITS.items, place: NARRATIVE },
  { id: 'p.cumulative', label: { zh: '累计主动公开', en: 'Cumulative items disclosed' }, unit: UNITS.items, place: NARRATIVE, meaning: { zh: '截至年底的累计数，不是当年数，从不与当年数相加。', en: 'A stock at year end, never the year\'s count and never added to it.' } },
  ...(['rules', 'normative'] as const).flatMap((kind) => {
    const what = kind === 'rules' ? { zh: '规章', en: 'rules' } : { zh: '规范性文件', en: 'normative documents' };
    const y2019 = [
      ['new_made', '本年新制作数量', 'made this year'],
      ['new_published', '本年新公开数量', 'published this year'],
      ['total_published', '对外公开总数量', 'published in total'],
    ] as const;
    const y2021 = [
      ['issued', '本年制发件数', 'issued this year'],
      ['repealed', '本年废止件数', 'repealed this year'],
      ['in_force', '现行有效件数', 'in force'],
    ] as const;
    return [
      ...y2019.map(([col, zh, en]) => ({ id: `p.${kind}.${col}`, label: { zh: `${what.zh}·${zh}`, en: `${what.en[0].toUpperCase()}${what.en.slice(1)} · ${en}` }, unit: UNITS.documents, place: { table2019: art('一', what.zh, zh, `${what.en} · ${en}`) } })),
      ...y2021.map(([col, zh, en]) => ({ id: `p.${kind}.${col}`, label: { zh: `${what.zh}·${zh}`, en: `${what.en[0].toUpperCase()}${what.en.slice(1)} · ${en}` }, unit: UNITS.documents, place: { table2021: art('一', what.zh, zh, `${what.en} · ${en}`) } })),
    ];
  }),
  ...(
    [
      ['license', '五', { zh: '行政许可', en: 'Licensing' }, true],
      ['other_service', '五', { zh: '其他对外管理服务事项', en: 'Other public services' }, false],
      ['penalty', '六', { zh: '行政处罚', en: 'Penalties' }, true],
      ['coercion', '六', { zh: '行政强制', en: 'Coercive measures' }, true],
    ] as const
  ).flatMap(([kind, item, what, in2021]) => [
    { id: `p.${kind}.prev_items`, label: { zh: `${what.zh}·上一年项目数量`, en: `${what.en} · items the year before` }, unit: UNITS.matters, place: { table2019: art(item, what.zh, '上一年项目数量', `${what.en} · items the year before`) } },
    { id: `p.${kind}.change`, label: { zh: `${what.zh}·本年增/减`, en: `${what.en} · change in the year` }, unit: UNITS.matters, place: { table2019: art(item, what.zh, '本年增/减', `${what.en} · change`) }, meaning: { zh: '带符号：增为正、减为负。', en: 'Signed: an increase is positive, a decrease negative.' } },
    {
      id: `p.${kind}.decisions`,
      label: { zh: `${what.zh}·处理决定数量`, en: `${what.en} · decisions` },
      unit: UNITS.decisions,
      place: { table2019: art(item, what.zh, '处理决定数量', `${what.en} · decisions`), ...(in2021 ? { table2021: art(item, what.zh, '本年处理决定数量', `${what.en} · decisions this year`) } : {}) },
    },
  ]),
  { id: 'p.fees.prev_items', label: { zh: '行政事业性收费·上一年项目数量', en: 'Administrative fees · items the year before' }, unit: UNITS.matters, place: { table2019: art('八', '行政事业性收费', '上一年项目数量', 'administrative fees · items the year before') } },
  { id: 'p.fees.change', label: { zh: '行政事业性收费·本年增/减', en: 'Administrative fees · change' }, unit: UNITS.matters, place: { table2019: art('八', '行政事业性收费', '本年增/减', 'administrative fees · change') } },
  { id: 'p.fees.amount_yuan', label: { zh: '行政事业性收费·本年收费金额', en: 'Administrative fees · amount collected' }, unit: UNITS.yuan, place: { table2021: art('八', '行政事业性收费', '本年收费金额（万元）', 'administrative fees · amount (in 10,000 yuan)') }, meaning: { zh: '表中以万元填报，换算为元。', en: 'Printed in 万元 (10,000 yuan), stored in yuan.' } },
  { id: 'p.procurement.projects', label: { zh: '政府集中采购·项目数量', en: 'Central procurement · projects' }, unit: UNITS.matters, place: { table2019: art('九', '政府集中采购', '采购项目数量', 'central procurement · projects') } },
  { id: 'p.procurement.amount_yuan', label: { zh: '政府集中采购·采购总金额', en: 'Central procurement · amount' }, unit: UNITS.yuan, place: { table2019: art('九', '政府集中采购', '采购总金额', 'central procurement · amount') }, meaning: { zh: '以万元填报时换算为元。', en: 'Stored in yuan (万元 converted).' } },
];

// ---- rates -----------------------------------------------------------------------------------------

export interface RateEntry {
  id: string;
  label: Text;
  /** Summed over the reports that state every metric of the rate, then divided: never averaged. */
  numerator: readonly string[];
  /** Added metrics, minus the subtracted ones. */
  denominator: { plus: readonly string[]; minus: readonly string[] };
  excluded: Text;
}

export const RATES: readonly RateEntry[] = [
  {
    id: 'rate.granted',
    label: { zh: '公开率（予以公开 ÷ 办理结果总计）', en: 'Grant rate (granted ÷ handled)' },
    numerator: ['r.granted.total'],
    denominator: { plus: ['r.handled.total'], minus: [] },
    excluded: { zh: '部分公开不计入分子。', en: 'Partly granted requests are not in the numerator.' },
  },
  {
    id: 'rate.rv_corrected',
    label: { zh: '复议纠错率（纠正 ÷（总计 − 尚未审结））', en: 'Reconsideration correction rate (corrected ÷ (total − pending))' },
    numerator: ['rv.corrected'],
    denominator: { plus: ['rv.total'], minus: ['rv.pending'] },
    excluded: { zh: '尚未审结的案件不在分母中；缺任一项的报告不计入。', en: 'Pending cases are out of the denominator; a report missing any of the three is left out.' },
  },
  {
    id: 'rate.lit_corrected',
    label: { zh: '诉讼纠错率（纠正 ÷（总计 − 尚未审结），直接起诉与复议后起诉合计）', en: 'Litigation correction rate (corrected ÷ (total − pending), direct and after reconsideration together)' },
    numerator: ['lit.direct.corrected', 'lit.after_rv.corrected'],
    denominator: { plus: ['lit.direct.total', 'lit.after_rv.total'], minus: ['lit.direct.pending', 'lit.after_rv.pending'] },
    excluded: { zh: '尚未审结的案件不在分母中；缺任一项的报告不计入。', en: 'Pending cases are out of the denominator; a report missing any of the six is left out.' },
  },
];

// ---- the catalogue -----------------------------------------------------------------------------------

const ENTRIES: Omit<MetricEntry, 'rates'>[] = [
  ...PROACTIVE.map((e) => ({ ...e, section: 'proactive' as const })),
  ...REQUEST_ROWS.flatMap((row) => APPLICANT_COLUMNS.map((col) => requestEntry(row, col))),
  ...(Object.keys(GROUPS) as (keyof typeof GROUPS)[]).flatMap((g) => OUTCOME_COLUMNS.map((c) => reviewEntry(g, c))),
  {
    id: 'lit.total',
    label: { zh: '行政诉讼', en: 'Administrative litigation' },
    unit: UNITS.cases,
    section: 'review',
    place: { ...NARRATIVE, table2019: { zh: '表四 行政诉讼：直接起诉总计 + 复议后起诉总计', en: 'table 4, litigation: direct total + after-reconsideration total' }, table2021: { zh: '表四 行政诉讼：直接起诉总计 + 复议后起诉总计', en: 'table 4, litigation: direct total + after-reconsideration total' } },
    meaning: {
      zh: '全部行政诉讼（未经复议直接起诉 + 复议后起诉）。叙述式报告给出的总数；表格报告不印此数，取两项总计之和（两项都列明时）。每个视图都用这一口径。',
      en: 'All litigation (direct + after reconsideration): the narrative report\'s figure; a table report prints no such cell, so it is the sum of the two totals (where both are stated). Every view uses this one definition.',
    },
  },
  { id: 'fee.collected_yuan', label: { zh: '收取信息处理费', en: 'Fees charged for requests' }, unit: UNITS.yuan, section: 'fees', place: NARRATIVE, meaning: { zh: '检索、复制、邮寄等费用（旧报告，正文），元。', en: 'Fees for search, copying, postage… (older reports, narrative), in yuan.' } },
];

const ratesUsing = (id: string): string[] => RATES.filter((r) => [...r.numerator, ...r.denominator.plus, ...r.denominator.minus].includes(id)).map((r) => r.id);

export const CATALOGUE: ReadonlyMap<string, MetricEntry> = new Map(ENTRIES.map((e) => [e.id, { ...e, rates: ratesUsing(e.id) }]));

/** Every id of METRIC_IDS has an entry, and no entry names an unknown id (checked by the unit tests). */
export const catalogueIds = (): string[] => [...CATALOGUE.keys()];

export const metricEntry = (id: string): MetricEntry | undefined => CATALOGUE.get(id);

/** A metric's label in a locale; an unknown id is shown as itself. */
export const labelOfMetric = (id: string, locale: keyof Text): string => CATALOGUE.get(id)?.label[locale] ?? RATES.find((r) => r.id === id)?.label[locale] ?? id;

/** Where a metric sits in the template a report uses (narrative, 2019 or 2021 table); null when it has no place there. */
export const placeOfMetric = (id: string, template: string | null | undefined, locale: keyof Text): string | null => {
  const place = CATALOGUE.get(id)?.place;
  if (!place) return null;
  const t = template === 'table2019' || template === 'table2021' || template === 'narrative' ? place[template] : undefined;
  return (t ?? place.table2021 ?? place.table2019 ?? place.narrative)?.[locale] ?? null;
};

/** An identity (勾稽关系) as a formula in labels: `whole = part + part …`. */
export function identityFormula(identity: Identity, locale: keyof Text): string {
  const side = (ids: readonly string[]) => ids.map((id) => labelOfMetric(id, locale)).join(' + ');
  return `${side(identity.whole)} = ${side(identity.parts)}`;
}

/** The same formula with a report's values in it (absent values shown as —). */
export function identityWithValues(identity: Identity, values: ReadonlyMap<string, number>, locale: keyof Text): string {
  const side = (ids: readonly string[]) => ids.map((id) => `${labelOfMetric(id, locale)} ${values.has(id) ? String(values.get(id)) : '—'}`).join(' + ');
  return `${side(identity.whole)} = ${side(identity.parts)}`;
}

export const identityById = (id: string): Identity | undefined => IDENTITIES.find((i) => i.id === id);

/** The ids in catalogue order (the spec's order), for pickers grouped by section. */
export const METRICS_BY_SECTION: Record<Section, string[]> = {
  proactive: METRIC_IDS.filter((id) => CATALOGUE.get(id)?.section === 'proactive'),
  requests: METRIC_IDS.filter((id) => CATALOGUE.get(id)?.section === 'requests'),
  review: METRIC_IDS.filter((id) => CATALOGUE.get(id)?.section === 'review'),
  fees: METRIC_IDS.filter((id) => CATALOGUE.get(id)?.section === 'fees'),
};
