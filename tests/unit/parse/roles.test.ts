// Reading by role: a request figure takes its metric from the concept word nearest to it in its
// clause (before or after it), and none said in words after its subject. Each case is a real
// report's sentence (the corpus file is named) read through the whole narrative extractor, so a
// pattern that read the figure first, or a feature that excludes it, is part of what is tested.
import { describe, expect, it } from 'vitest';
import { extractNarrative } from '../../../src/parse/extract/narrative';
import { agreed, readRoles, REQUEST_CONCEPTS } from '../../../src/parse/extract/rules/roles';
import { segment } from '../../../src/parse/recognise/clauses';
import { recogniseQuantities } from '../../../src/parse/recognise/quantities';
import { normaliseText } from '../../../src/parse/normalise/text';

const narrative = (text: string, year: number | null) => {
  const { values, warnings } = extractNarrative(normaliseText(text), { known: new Set(), template: null, year });
  return { values: new Map(values.map((v) => [v.metric, v.value])), warnings };
};
const roles = (text: string, year: number) => {
  const s = normaliseText(text).s;
  return agreed(readRoles(s, segment(s), recogniseQuantities(s), [year]));
};

interface Case {
  from: string;
  text: string;
  year: number;
  metric: string;
  /** null: the metric must not be read. */
  value: number | null;
}

const CASES: Case[] = [
  // number first: the verb after the figure gives its role
  { from: 'pages/2020-henan-xincai-county', text: '2020年,新蔡县人民政府共受理政府信息公开申请10件,10件已按时办结。', year: 2020, metric: 'r.handled.total', value: 10 },
  { from: 'panel/2020-guangdong-guangzhou-ecology-environment-bureau-department', text: '依申请公开办理103件申请,99件办结,4件正在办理。', year: 2020, metric: 'r.handled.total', value: 99 },
  { from: 'panel/2020-guangdong-guangzhou-ecology-environment-bureau-department', text: '依申请公开办理103件申请,99件办结,4件正在办理。', year: 2020, metric: 'r.carried_out.total', value: 4 },
  { from: 'panel/2023-guangdong-guangzhou-civil-affairs-bureau-department', text: '全年受理政府信息公开申请36件,除1件结转下年度继续办理外,其余均依法依规依程序办理完毕。', year: 2023, metric: 'r.carried_out.total', value: 1 },
  // two acts joined and said of one figure: both stand (a pattern reads 办理; no role overrides it)
  { from: 'pages/2022-shanxi-gaoping-government-office-department', text: '依法依规做好政府信息依申请公开工作,全年共收到和办理依申请公开12件,其中自然人申请件12件,法人或其他组织申请件0件。', year: 2022, metric: 'r.handled.total', value: 12 },
  // two concepts joined before the figure: which one counts is not said
  { from: 'pages/2022-ningxia-yinchuan-government-office-department', text: '按时按期、依法依规做好答复,受理答复政府信息公开申请28件,其中,行政复议1件、行政诉讼0件。', year: 2022, metric: 'r.handled.total', value: null },
  { from: 'real/2019-shanghai-shanghai-government-office-department', text: '答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%。', year: 2019, metric: 'r.partial.total', value: null },
  // another business before the figure: a hotline's calls, reviews' outcomes
  { from: 'real/2022-hunan-mayang-banlishu-town', text: '收到和處理政府信息公開申請情況、政府信息公開行政複議行政訴訟情況。\n1.2022年通過麻陽縣政府門戶網站共發布各類信息25條。\n2.全年縣長熱線辦理群眾來電事項12件,辦結12件,辦結率100%。', year: 2022, metric: 'r.handled.total', value: null },
  { from: 'panel/2024-guangdong-guangzhou-panyu-government-office-department', text: '因政府信息公开申请被行政复议5宗、行政诉讼0宗,其中2宗维持原答复,1宗结果纠正。', year: 2024, metric: 'r.handled.total', value: null },
  // items of information withheld (条), a service point (个): no requests
  { from: 'real/2013-hunan-daoxian-culture-bureau-department', text: '本年度没有依申请公开信息的情况。不予公开信息有10条,主要是关于本系统计', year: 2013, metric: 'r.denied.total.total', value: null },
  { from: 'real/2009-beijing-dongcheng-audit-bureau-department', text: '为此配备了6名兼职工作人员,设立了1个专门的信息申请受理点,并开辟了电子阅览室。', year: 2009, metric: 'r.new.total', value: null },
  // a breakdown that names another total: the figure's role is unsure
  { from: 'panel/2024-guangdong-guangzhou-nansha-county', text: '2024年,全区共办结政府信息公开申请1422件,其中结转下年度继续办理114件,主要集中在征地拆迁。', year: 2024, metric: 'r.handled.total', value: null },
  { from: 'panel/2022-guangdong-guangzhou-huadu-human-resources-social-security-bureau-department', text: '2022年,共收到政府信息公開申請4件,其中上年度結轉2件,均已答復。', year: 2022, metric: 'r.new.total', value: null },
  // a way of applying or a kind of applicant binds a part; the total beside it, or every kind named together, stays the whole
  { from: 'complete/2022-fujian-pingtan-transport-construction-bureau-department', text: '全年我局共收到政府信息公开申请11件，其中网络申请5件，信函申请6件，申请内容涉及物业管理、工程验收、城市建设和征地拆迁等。', year: 2022, metric: 'r.new.total', value: 11 },
  { from: 'pages/2024-guangxi-qinzhou-government-office-department', text: '2024年,我办共受理依申请公开事项36件(其中:自然人申请32件、企业申请2件、其他组织申请2件),上年结转7件,予以公开3件、部分公开24件、无法提供12件、结转下年度办理4件', year: 2024, metric: 'r.new.total', value: 36 },
  { from: 'real/2017-hubei-shayang-county', text: '2017年,受理公民、法人和其他组织提出的政府信息公开申请2件,按时办结2件,出具依申请答复书2件。', year: 2017, metric: 'r.new.total', value: 2 },
  { from: 'panel/2024-guangdong-guangzhou-huadu-audit-bureau-department', text: '本年度受理公民、法人或者其他组织提出的政府信息公开申请0宗,无因政府信息公开被申请行政复议。', year: 2024, metric: 'r.new.total', value: 0 },
  // 共 makes the item the whole even when it names one way (the report's table says 0 received)
  { from: 'pages/2021-anhui-anqing-investment-promotion-center-department', text: '本年度共受理群众网上申请政府信息公开申请0件,自然人申请办件量0件,法人0件;其中办结政府信息公开申请0件。', year: 2021, metric: 'r.new.total', value: 0 },
  // last year named in the clause before is not the figure's own clause (接办上年7件,办结113件)
  { from: 'panel/2020-guangdong-guangzhou-baiyun-government-office-department', text: '全年新收到政府信息公开申请113件,接办上年7件,办结113件,结转下年办理7件。', year: 2020, metric: 'r.handled.total', value: 113 },
  // none said in words after its subject: every concept the subject names
  { from: 'pages/2021-anhui-anqing-investment-promotion-center-department', text: '本年度涉及政府信息公开的行政复议、行政诉讼案件为0件。', year: 2021, metric: 'rv.total', value: 0 },
  { from: 'pages/2021-anhui-anqing-investment-promotion-center-department', text: '本年度涉及政府信息公开的行政复议、行政诉讼案件为0件。', year: 2021, metric: 'lit.total', value: 0 },
  { from: 'pages/2010-jiangsu-xishan-justice-bureau-department', text: '请与锡山区司法局政府信息公开领导小组办公室联系(地址:无锡市锡山区锡北镇)。', year: 2010, metric: 'fee.collected_yuan', value: null },
];

describe('request figures by role, none in words: real sentences', () => {
  for (const c of CASES) {
    it(`${c.metric} ${c.value === null ? 'not read in' : `= ${c.value} in`} ${c.from}: ${c.text.slice(0, 24)}…`, () => {
      expect(narrative(c.text, c.year).values.get(c.metric) ?? null).toBe(c.value);
    });
  }
});

describe('the role reader', () => {
  it('takes the nearest concept word, before or after the figure', () => {
    const r = roles('对上述申请，答复如下：17件予以公开，3件部分公开，年底尚未办结的申请2件。', 2016);
    expect(new Map(r.best.map((x) => [x.metric, x.q.value]))).toEqual(
      new Map([
        ['r.granted.total', 17],
        ['r.partial.total', 3],
        ['r.carried_out.total', 2],
      ]),
    );
  });
  it('reads a clause of only a cause by the clause after it, never across another count', () => {
    const a = roles('全年收到申请20件，其余3件因受理时间临近年底，转入2017年办理。', 2016);
    expect(a.best.find((x) => x.metric === 'r.carried_out.total')?.q.value).toBe(3);
    // another year than the next: not what this report carries over
    expect(roles('全年收到申请20件，其余3件因受理时间临近年底，转入2019年办理。', 2016).best.some((x) => x.metric === 'r.carried_out.total')).toBe(false);
  });
  it('a part of a breakdown is never the whole', () => {
    const r = roles('申请人共提出申请30件，其中当面申请10件、网上申请20件。', 2016);
    expect(r.best.find((x) => x.metric === 'r.new.total')?.q.value).toBe(30);
  });
  it('different values for one metric: a warning and none', () => {
    const r = roles('本年度受理申请12件。全年共收到申请15件。', 2016);
    expect(r.best.some((x) => x.metric === 'r.new.total')).toBe(false);
    expect(r.warnings.join()).toMatch(/r\.new\.total: 2 figures by role \(12, 15\)/);
  });
  it('尚未 means not yet: no request is said to be none, nothing is handled', () => {
    const v = narrative('年底尚未办结的申请3件，将于2017年1月答复。', 2016).values;
    expect(v.get('r.carried_out.total')).toBe(3);
    expect(v.has('r.new.total')).toBe(false);
    expect(v.has('r.handled.total')).toBe(false);
  });
  it('its lexicon is data: every word names one concept', () => {
    const words = REQUEST_CONCEPTS.flatMap((c) => c.words);
    expect(new Set(words).size).toBe(words.length);
  });
});

/**
 * Wordings written for this test, not taken from any generated set nor fitted one by one: each
 * states what a careful reader takes from it (the report's year 2016), and nothing else.
 */
const WRITTEN: [string, Record<string, number | null>][] = [
  ['收到申请14件，已办结12件，办结率85.7%，2件转入下年度办理。', { 'r.new.total': 14, 'r.handled.total': 12, 'r.carried_out.total': 2 }],
  ['申请答复结果为：同意公开8件，同意部分公开2件，不予公开1件，信息不存在3件。', { 'r.granted.total': 8, 'r.partial.total': 2, 'r.denied.total.total': 1, 'r.unable.not_held.total': 3 }],
  ['9件予以公开，2件部分公开，1件不予公开，3件申请的信息不存在。', { 'r.granted.total': 9, 'r.partial.total': 2, 'r.denied.total.total': 1, 'r.unable.not_held.total': 3 }],
  ['受理的15件申请中，已答复13件，2件正在办理。', { 'r.new.total': 15, 'r.handled.total': 13, 'r.carried_out.total': 2 }],
  ['2016年，我局共有政府信息公开申请14件。', { 'r.new.total': 14 }],
  ['截至2016年12月31日，本年度受理的申请中有1件尚在办理，将于2017年1月答复。', { 'r.carried_out.total': 1, 'r.new.total': null }],
  ['全市各部门全年受理申请1200件，本局受理申请14件，均已办结。', { 'r.new.total': 14 }],
  ['2016年共办理政府信息公开申请80件，同比增长5%。', { 'r.new.total': null }],
  ['全年受理各类信访事项45件，办结43件。', { 'r.new.total': null, 'r.handled.total': null }],
  ['全年收到信息公开申请20件，涉及申请人32人次，平均每件答复用时8个工作日。', { 'r.new.total': 20, 'r.handled.total': null }],
  ['从公开载体看，政府网站公开800条，占80%，其他途径公开200条。', { 'p.website': 800, 'p.other_channels': 200 }],
  ['全市各级行政机关共主动公开政府信息2万余条，本局主动公开政府信息320条。', { 'p.total': 320 }],
  ['截至2016年底，我委累计公开信息5000条，2016年新增公开信息450条。', { 'p.total': 450, 'p.cumulative': 5000 }],
  ['去年我局主动公开政府信息500条，今年主动公开政府信息560条。', { 'p.total': 560 }],
  ['依申请公开信息收费：0元。', { 'fee.collected_yuan': 0 }],
  ['依申请公开免收任何费用。', { 'fee.collected_yuan': 0 }],
  ['行政复议、行政诉讼情况：无。', { 'rv.total': 0, 'lit.total': 0 }],
  ['我局2015年政府信息公开行政复议为零。', { 'rv.total': null }],
  ['区政府办公室、区发改局等12个部门共受理申请80件。', { 'r.new.total': null }],
  ['申请人通过信函方式提出申请5件。', { 'r.new.total': null }],
  ['截至目前，累计受理政府信息公开申请300件。', { 'r.new.total': null }],
  ['全年受理申请12件，其中网上申请8件、信函申请4件；已办结11件，其中予以公开6件、部分公开2件、不予公开1件、信息不存在2件；1件转下年度办理。', { 'r.new.total': 12, 'r.handled.total': 11, 'r.granted.total': 6, 'r.partial.total': 2, 'r.denied.total.total': 1, 'r.unable.not_held.total': 2, 'r.carried_out.total': 1 }],
  ['跨年度办理的申请有2件。', { 'r.carried_out.total': 2, 'r.handled.total': null }],
  ['另有2件申请延期至2017年答复。', { 'r.carried_out.total': 2, 'r.handled.total': null }],
  ['全年共收到政府信息公开申请1326宗(未包含上年结转42宗),其中已办结1308宗,结转下年办理60宗。', { 'r.new.total': 1326, 'r.handled.total': 1308, 'r.carried_out.total': 60 }],
];

describe('wordings written for this test: read as a careful reader would', () => {
  for (const [text, want] of WRITTEN) {
    it(text.slice(0, 30), () => {
      const got = narrative(text, 2016).values;
      for (const [metric, value] of Object.entries(want)) expect(got.get(metric) ?? null, metric).toBe(value);
    });
  }
});
