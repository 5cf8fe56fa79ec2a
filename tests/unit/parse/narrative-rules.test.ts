// Every scored rule against its real examples (the corpus file each comes from is named), and
// the engine's guarantees: the best reading wins, a tie gives no value, a unique metric with
// several figures gives none.
import { describe, expect, it } from 'vitest';
import { segment } from '../../../src/parse/recognise/clauses';
import { recogniseQuantities } from '../../../src/parse/recognise/quantities';
import { bestReadings, readFigures, viewOf, type ScoredRule } from '../../../src/parse/extract/rules/engine';
import { FEATURES } from '../../../src/parse/extract/rules/features';
import { PROACTIVE_RULES } from '../../../src/parse/extract/rules/proactive';
import { extractNarrative } from '../../../src/parse/extract/narrative';
import { normaliseText } from '../../../src/parse/normalise/text';

function read(text: string, rules: ScoredRule[] = PROACTIVE_RULES, year: number | null = null, issuer = '') {
  const { best, warnings } = bestReadings(readFigures(text, segment(text), recogniseQuantities(text), rules, new Set(), year ? [year] : [], issuer), rules);
  return { values: new Map(best.map((r) => [r.metric, r.q.value])), warnings };
}

describe('proactive-disclosure rules read their real examples', () => {
  for (const rule of PROACTIVE_RULES) {
    for (const ex of rule.examples) {
      it(`${rule.metric} ${ex.value === null ? 'reads nothing in' : `= ${ex.value} in`} ${ex.from}: ${ex.text.slice(0, 30)}…`, () => {
        expect(read(ex.text, PROACTIVE_RULES, ex.year ?? null, ex.issuer).values.get(rule.metric) ?? null).toBe(ex.value);
      });
    }
  }
  it('every rule has positive and negative examples', () => {
    for (const rule of PROACTIVE_RULES.filter((r) => !r.countsOnly)) {
      expect(rule.examples.some((e) => e.value !== null), rule.metric).toBe(true);
      expect(rule.examples.some((e) => e.value === null), rule.metric).toBe(true);
    }
  });
});

describe('the engine', () => {
  it('takes the best-scored reading: 政府信息 over a kind of document', () => {
    // pages/2021-yunnan-chuxiong-xishelu-town
    expect(read('全年共发布各类信息64条,主动公开政府文件6条,财政').values.get('p.total')).toBe(64);
  });
  it('gives no value and a warning when different figures read equally well', () => {
    const r = read('2019年主动公开政府信息120条。2020年主动公开政府信息130条。');
    expect(r.values.has('p.total')).toBe(false);
    expect(r.warnings.join()).toMatch(/p\.total: 2 figures read equally well \(120, 130\)/);
  });
  it('repeats of one value are no tie', () => {
    expect(read('我镇全年主动公开政府信息46条,主动公开的信息46条。').values.get('p.total')).toBe(46);
  });
  it('a unique metric with several separate figures records none (the parts of an unprinted total)', () => {
    // panel/2021-guangdong-guangzhou-baiyun-tangjing-town
    const r = read('通过政府网站公开政府信息数216条,通过微信公开政府信息数22条,其他方式公开政府信息数299条。');
    expect(r.values.get('p.website')).toBe(216);
    expect(r.values.has('p.other_channels')).toBe(false);
    expect(r.warnings.join()).toMatch(/p\.other_channels: 2 separate figures/);
  });
  it('a figure a rule excluded as one share among several still ties: it does not hand the metric to the next figure (review19a D)', () => {
    const r = read('全年主动公开政府信息856条，其中：政府网站700条；政务微博100条；其他渠道56条。');
    expect(r.values.get('p.website')).toBe(700);
    expect(r.values.has('p.other_channels')).toBe(false);
    expect(r.warnings.join()).toMatch(/p\.other_channels: 2 separate figures \(100, 56\)/);
    // the review's own sentence: the rest beside the website and the notice board is not the other channels' whole
    expect(read('856条，其中：政府网站700条；公开栏100条；其他渠道56条').values.has('p.other_channels')).toBe(false);
  });
  it('an excluded rival ties with the best reading of a metric that is not unique, and is never recorded', () => {
    const rule = (excludes: ScoredRule['excludes'], rivalWhen?: ScoredRule['rivalWhen']): ScoredRule => ({ metric: 'p.total', requires: ['itemUnit', 'disclosed'], excludes, rivalWhen, examples: [] });
    const text = '本年度主动公开政府信息120条。2014年主动公开政府信息130条。';
    // excluded outright, the other year's figure leaves the year's alone
    expect(read(text, [rule(['otherYear'])], 2015).values.get('p.total')).toBe(120);
    // excluded as a rival, it still ties: no value, a warning
    const tied = read(text, [rule(['otherYear'], ['otherYear'])], 2015);
    expect(tied.values.has('p.total')).toBe(false);
    expect(tied.warnings.join()).toMatch(/p\.total: 2 figures read equally well \(120, 130\)/);
    // a rival of the same value is no tie, and alone it records nothing
    expect(read('本年度主动公开政府信息120条。2014年主动公开政府信息120条。', [rule(['otherYear'], ['otherYear'])], 2015).values.get('p.total')).toBe(120);
    expect(read('2014年主动公开政府信息130条。', [rule(['otherYear'], ['otherYear'])], 2015).values.has('p.total')).toBe(false);
  });
  it('never reads a phone number, a year or a document number', () => {
    expect(read('联系电话:0418-2222222,依据(辽政公领发〔2019〕1号),2019年主动公开').values.size).toBe(0);
  });
  it('reads figures in parentheses as part of their clause', () => {
    // panel/2022-guangdong-guangzhou-transport-bureau-department
    const r = read('通过政府网站(包含广州市人民政府门户网站、广州市交通运输局网站,下同)发布政府信息6000条、纳入');
    expect(r.values.get('p.website')).toBe(6000);
    expect(r.values.has('p.total')).toBe(false);
  });
});

describe('a figure is read within a bounded window', () => {
  it('reads at most a few hundred characters of its clause and sentence, so 50,000 figures in one sentence stay linear', () => {
    const text = '主动公开信息12条'.repeat(20_000) + '，共计5条。';
    const seg = segment(text);
    const quantities = recogniseQuantities(text);
    const last = quantities[quantities.length - 1];
    const view = viewOf(text, seg, last);
    expect(last.value).toBe(5);
    expect(view.before.length).toBeLessThanOrEqual(200);
    expect(view.sentenceBefore.length).toBeLessThanOrEqual(600);
    expect(text.slice(0, last.start).endsWith(view.sentenceBefore)).toBe(true);
  });
});

describe("a figure's channels, kept for the figure whose features are read", () => {
  it('are each figure its own when several figures are asked in turns', () => {
    const text = '全年通过政府网站主动公开信息12条，通过微信公众号发布信息5条，通过其他渠道公开3条。';
    const seg = segment(text);
    const [web, wechat, rest] = recogniseQuantities(text).map((q) => viewOf(text, seg, q));
    expect([web, wechat, rest].map((v) => v.q.value)).toEqual([12, 5, 3]);
    for (let round = 0; round < 2; round++) {
      expect(FEATURES.webOnly(web)).toBe(true);
      expect(FEATURES.webOnly(wechat)).toBe(false);
      expect(FEATURES.otherOnly(wechat)).toBe(true);
      expect(FEATURES.otherOnly(web)).toBe(false);
      expect(FEATURES.otherChannelsPhrase(rest)).toBe(true);
      expect(FEATURES.otherChannelsPhrase(wechat)).toBe(false);
      expect(FEATURES.allChannels(rest)).toBe(false);
    }
  });
});

describe('request patterns read their real wordings (the report year given where a pattern names a year)', () => {
  const narrative = (text: string, year: number | null) =>
    new Map(extractNarrative(normaliseText(text), { known: new Set(), template: 'table2021', year }).values.map((v) => [v.metric, v.value]));
  const cases: { from: string; text: string; year: number | null; metric: string; value: number | null }[] = [
    { from: 'pages/2021-shaanxi-xian-city', text: '全年共收到申请9695件,2020年结转312件,共办结9816件,结转至2022年19', year: 2021, metric: 'r.carried_in.total', value: 312 },
    // the page is cut inside the figure: nothing to read
    { from: 'pages/2021-shaanxi-xian-city', text: '全年共收到申请9695件,2020年结转312件,共办结9816件,结转至2022年19', year: 2021, metric: 'r.carried_out.total', value: null },
    { from: 'pages/2022-guizhou-xingren-county', text: '共收到10件依申请公开请求,2021年结转政府信息公开申请2件,共办结10件,结转2023年度继续办理2件;', year: 2022, metric: 'r.carried_in.total', value: 2 },
    { from: 'pages/2022-guizhou-xingren-county', text: '共收到10件依申请公开请求,2021年结转政府信息公开申请2件,共办结10件,结转2023年度继续办理2件;', year: 2022, metric: 'r.carried_out.total', value: 2 },
    // the same words in a report on another year say nothing sure
    { from: 'pages/2021-shaanxi-xian-city', text: '全年共收到申请9695件,2020年结转312件,共办结9816件。', year: 2020, metric: 'r.carried_in.total', value: null },
    { from: 'pages/2021-shaanxi-xian-city', text: '全年共收到申请9695件,2020年结转312件,共办结9816件。', year: null, metric: 'r.carried_in.total', value: null },
    { from: 'pages/2025-neimenggu-zhalaiteqi-baoligenhua-town', text: '2025年,我苏木依申请公开政府信息共4件,其中,予以公开2件,不掌握信息2件。', year: 2025, metric: 'r.new.total', value: 4 },
    { from: 'panel/2020-guangdong-guangzhou-ecology-environment-bureau-department', text: '12月主动公开部门文件类信息183份,依申请公开371条。', year: 2020, metric: 'r.new.total', value: null },
    { from: 'real/2020-hubei-xiaogan-government-office-department', text: '市政府办公室全年办理政府信息依申请公开13件,按照国务院办公厅政府信息与政务公开办公室关于转发《江苏省政府信息公开申请办理答复规范》的函文件要求,进行了规范答复。', year: 2020, metric: 'r.new.total', value: null },
    { from: 'pages/2020-henan-xincai-county', text: '2020年,新蔡县人民政府共受理政府信息公开申请10件,10件已按时办结。', year: 2020, metric: 'r.handled.total', value: 10 },
    { from: 'pages/2024-jilin-nanguan-yongji-town', text: '2024年度,我街受理依申请公开政府信息0件,回复处理0件。', year: 2024, metric: 'r.handled.total', value: 0 },
    { from: 'complete/2024-fujian-pingtan-economic-development-bureau-department', text: '2024年,我局共制发政府信息349条,其中,主动公开政府信息124条、依申请公开173条、不予公开52条。', year: 2024, metric: 'r.denied.total.total', value: null },
    { from: 'panel/2019-guangdong-guangzhou-government-services-data-bureau-department', text: '2019年,我局共受理依申请公开136件,按时办结130件,结转2020年继续办理的6件。同意公开107件,部分公开7件、不予公开6件,', year: 2019, metric: 'r.denied.total.total', value: 6 },
    { from: 'panel/2019-guangdong-guangzhou-government-services-data-bureau-department', text: '2019年,我局共受理依申请公开136件,按时办结130件,结转2020年继续办理的6件。', year: 2019, metric: 'r.carried_out.total', value: 6 },
    { from: 'pages/2025-shanghai-baoshan-youyilu-town', text: '2025年,街道收到依申请公开政府信息19件。其中,2件办理结果为主动公开,2件办理结果为依申请公开,8件办理结果为本机关不掌握相关政府信息,1件办理结果为没有现成信息需要另行制作,申请人主动撤销6件,均在法定期限内办结答复。', year: 2025, metric: 'r.unable.not_held.total', value: 8 },
    { from: 'pages/2024-guangxi-qinzhou-government-office-department', text: '全年共制发(修改)政府规章1份,废止政府规章1份,现行有效政府规章8份;制发3份规范性文件,废止18份规范性文件,现行有效规范性文件81份。', year: 2024, metric: 'p.rules.repealed', value: 1 },
    { from: 'pages/2024-guangxi-qinzhou-government-office-department', text: '全年共制发(修改)政府规章1份,废止政府规章1份,现行有效政府规章8份;制发3份规范性文件,废止18份规范性文件,现行有效规范性文件81份。', year: 2024, metric: 'p.rules.in_force', value: 8 },
    { from: 'wording class', text: '制定规章2件,现行有效规范性文件81份。', year: 2024, metric: 'p.rules.in_force', value: null },
    { from: 'panel/2021-guangdong-guangzhou-huadu-planning-natural-resources-branch-department', text: '依申请公开政府信息相关数据已报广州市规划和自然资源局统计,按统计要求,2021年度暂报依申请公开政府信息案件为0宗。', year: 2021, metric: 'r.new.total', value: 0 },
    { from: 'wording class', text: '因政府信息公开引起的行政复议案件为0宗。', year: 2021, metric: 'r.new.total', value: null },
    // word classes the corpora hold no example of (written here, not copied from any report): 提供 for 公开 in outcomes,
    // the first outcome of a list bare, 复议 without 行政, 起诉 for a suit, a count of nought, open requests at the year's end
    { from: 'wording class', text: '对上述申请,同意提供3件,部分提供1件,不予提供2件。', year: 2012, metric: 'r.granted.total', value: 3 },
    { from: 'wording class', text: '对上述申请,同意提供3件,部分提供1件,不予提供2件。', year: 2012, metric: 'r.partial.total', value: 1 },
    { from: 'wording class', text: '对上述申请,同意提供3件,部分提供1件,不予提供2件。', year: 2012, metric: 'r.denied.total.total', value: 2 },
    { from: 'wording class', text: '按办理结果分:公开4件,信息不存在1件。', year: 2012, metric: 'r.granted.total', value: 4 },
    { from: 'wording class', text: '全年主动公开政府信息124条,公开文件56件。', year: 2012, metric: 'r.granted.total', value: null },
    { from: 'wording class', text: '本年度未发生因政府信息公开引起的复议及起诉案件。', year: 2012, metric: 'rv.total', value: 0 },
    { from: 'wording class', text: '本年度未发生因政府信息公开引起的复议及起诉案件。', year: 2012, metric: 'lit.total', value: 0 },
    { from: 'wording class', text: '因政府信息公开被起诉3起。', year: 2012, metric: 'lit.total', value: 3 },
    { from: 'wording class', text: '受理申请10件,已办结9件,仍有1件尚未办结。', year: 2012, metric: 'r.carried_out.total', value: 1 },
    { from: 'wording class', text: '另有2件申请正在办理中,将于2013年答复。', year: 2012, metric: 'r.carried_out.total', value: 2 },
    { from: 'wording class', text: '对收到的申请均依法答复,答复6件。', year: 2012, metric: 'r.handled.total', value: 6 },
    { from: 'wording class', text: '受理群众咨询30次,答复28件。', year: 2012, metric: 'r.handled.total', value: null },
    { from: 'wording class', text: '本年度依申请公开的申请数量为0。', year: 2012, metric: 'r.new.total', value: 0 },
    { from: 'wording class', text: '收取申请人检索、复制、邮寄、递送等成本费用共计120元。', year: 2012, metric: 'fee.collected_yuan', value: 120 },
    { from: 'wording class', text: '全年共收到政府信息公开申请12件,其中同意公开8件,同意部分公开2件,不同意公开1件。', year: 2012, metric: 'r.denied.total.total', value: 1 },
    { from: 'wording class', text: '在答复的申请中,公开的有6件,部分公开的有2件。', year: 2012, metric: 'r.granted.total', value: 6 },
    { from: 'wording class', text: '共有9件申请予以公开,3件部分公开。', year: 2012, metric: 'r.granted.total', value: 9 },
    { from: 'wording class', text: '共有9件申请予以公开,3件部分公开。', year: 2012, metric: 'r.partial.total', value: 3 },
    { from: 'wording class', text: '全年主动公开政府信息300条,其中120条予以公开于网站。', year: 2012, metric: 'r.granted.total', value: null },
    { from: 'wording class', text: '共有4件申请转入下年度继续办理。', year: 2012, metric: 'r.carried_out.total', value: 4 },
    { from: 'wording class', text: '延期至下一年度答复的申请2件。', year: 2012, metric: 'r.carried_out.total', value: 2 },
    { from: 'wording class', text: '延期至下一年度答复的申请2件。', year: 2012, metric: 'r.handled.total', value: null },
    { from: 'wording class', text: '行政复议和行政诉讼均为零。', year: 2012, metric: 'lit.total', value: 0 },
    // the 2019 table's headers run together (未经复议直接起诉) and a glued row of noughts: no statement of none
    { from: 'complete/2019-fujian-pingtan-finance-bureau-department', text: '其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持。', year: 2019, metric: 'rv.total', value: null },
    { from: 'complete/2019-fujian-pingtan-finance-bureau-department', text: '其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持。', year: 2019, metric: 'lit.total', value: null },
    { from: 'wording class', text: '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 结果维持。', year: 2019, metric: 'rv.total', value: null },
    { from: 'complete/2021-fujian-pingtan-finance-bureau-department', text: '本年新收政府信息公开申请数量0 0 0 0 0 00二、上年结转政府信息公开申请数量0 0 0 0 0 00。', year: 2021, metric: 'r.new.total', value: null },
    // in force "since" a day is no stock of documents in force
    { from: 'real/2024-gansu-gangu-government-office-department', text: '加强规范性文件审查清理,2024年以来现行有效的行政规范性文件0件。', year: 2024, metric: 'p.normative.in_force', value: null },
    { from: 'pages/2024-guangxi-qinzhou-government-office-department', text: '制发3份规范性文件,废止18份规范性文件,现行有效规范性文件81份。', year: 2024, metric: 'p.normative.in_force', value: 81 },
    // another year's figure, a change, a rate: no count of the report's year
    { from: 'panel/2022-guangdong-guangzhou-health-commission-department', text: '全年受理政府信息公开申请86件,办理完成78件,余8件转2023年度办理。', year: 2022, metric: 'r.new.total', value: 86 },
    { from: 'wording class', text: '2022年全年受理政府信息公开申请86件,办理完成78件。', year: 2023, metric: 'r.new.total', value: null },
    { from: 'wording class', text: '2022年全年受理政府信息公开申请86件,办理完成78件。', year: 2022, metric: 'r.new.total', value: 86 },
    { from: 'wording class', text: '全年受理政府信息公开申请较上年增加8件。', year: 2023, metric: 'r.new.total', value: null },
    { from: 'wording class', text: '平均每月受理政府信息公开申请5件。', year: 2023, metric: 'r.new.total', value: null },
    { from: 'wording class', text: '全年共收到申请10件,其中政府信息公开申请6件。', year: 2023, metric: 'r.new.total', value: 6 },
  ];
  for (const c of cases) {
    it(`${c.metric} ${c.value === null ? 'reads nothing in' : `= ${c.value} in`} ${c.from} (year ${c.year ?? 'unknown'})`, () => {
      expect(narrative(c.text, c.year).get(c.metric) ?? null).toBe(c.value);
    });
  }
});
