// Requests by kind of applicant read from sentences (extract/applicants.ts), each wording from the
// real report named; totals the table's parts give are derived rather than read from a sentence;
// the other channels' share the arithmetic proves; request and review wordings added with them.
import { describe, expect, it } from 'vitest';
import { extractNarrative } from '../../../src/parse/extract/narrative';
import { normaliseText } from '../../../src/parse/normalise/text';
import type { Template } from '../../../src/parse/types';
import { DENIAL_REASONS } from '../../../src/shared/metrics';

const narrative = (text: string, known: string[] = [], template: Template = 'table2021', year: number | null = null) =>
  new Map(extractNarrative(normaliseText(text), { known: new Set(known), template, year }).values.map((v) => [v.metric, v]));
const valuesOf = (m: ReturnType<typeof narrative>) => Object.fromEntries([...m].map(([k, v]) => [k, v.value]));

describe('requests by kind of applicant', () => {
  it('reads the list after the new requests and after the carried-in ones (panel/2020-guangdong-guangzhou-huangpu-county)', () => {
    const v = valuesOf(
      narrative(
        '2020年我區(含各部門)共收到政府信息公開申請1586宗,其中來自公民申請1482宗,商業企業申請71宗,社會公益組織3宗,法律服務機構5宗,其他組織申請25宗;2019年結轉政府信息公開申請73宗,其中來自公民申請62宗,商業企業申請9宗,其他組織申請2宗;在本年度辦理結果情況中,予以公開452宗。',
      ),
    );
    // 其他组织 is the 其他 column: the sentence names the other kinds of organisation
    expect(v).toMatchObject({ 'r.new.natural': 1482, 'r.new.commercial': 71, 'r.new.social': 3, 'r.new.legal': 5, 'r.new.other': 25, 'r.carried_in.natural': 62, 'r.carried_in.commercial': 9, 'r.carried_in.other': 2 });
  });
  it('reads 企业 as the commercial column, never 其他组织 alone (pages/2024-guangxi-qinzhou-government-office-department)', () => {
    const v = valuesOf(narrative('2024年,我办共受理依申请公开事项36件(其中:自然人申请32件、企业申请2件、其他组织申请2件),上年结转7件,予以公开3件。'));
    expect(v['r.new.natural']).toBe(32);
    expect(v['r.new.commercial']).toBe(2);
    expect(v['r.new.other']).toBeUndefined();
  });
  it('never reads a kind spanning several columns (pages/2022-shanxi-gaoping-government-office-department)', () => {
    const v = valuesOf(narrative('全年共收到和办理依申请公开12件,其中自然人申请件12件,法人或其他组织申请件0件,上年度结转政府信息公开申请0件。'));
    expect(v['r.new.natural']).toBe(12);
    expect(v['r.new.other']).toBeUndefined();
    expect(v['r.carried_in.natural']).toBeUndefined();
  });
  it('reads a list that follows its statement without 其中 (pages/2021-anhui-anqing-investment-promotion-center-department)', () => {
    expect(valuesOf(narrative('本年度共受理群众网上申请政府信息公开申请0件,自然人申请办件量0件,法人0件;'))['r.new.natural']).toBe(0);
  });
  it('reads nothing from a count that includes the carried-in requests (panel/2022-guangdong-guangzhou-transport-bureau-department)', () => {
    const v = valuesOf(narrative('政府信息公开申请124宗(含2021年度结转5宗),公民申请113宗,法人和其他组织申请11宗;本年办结121宗。'));
    expect(v['r.new.natural']).toBeUndefined();
    expect(v['r.carried_in.natural']).toBeUndefined();
  });
  it('申请人均为自然人: the new requests all natural persons\', the printed total in a second role, inferred (pages/2024-guangdong-guangming-fenghuang-town)', () => {
    const m = narrative('2024年,我街道共受理依申请公开7宗,所有政府信息依申请公开均依法依规进行答复。通过对这些申请的办理情况进行分析发现,申请人均为自然人。');
    expect(m.get('r.new.natural')).toMatchObject({ value: 7, derived: false, inferred: true });
  });
  it('a table that printed the column wins', () => {
    expect(valuesOf(narrative('2024年,我办共受理依申请公开事项36件(其中:自然人申请32件、企业申请2件)。', ['r.new.natural']))['r.new.natural']).toBeUndefined();
  });
});

describe('a total the table\'s parts give is derived, not read from a sentence', () => {
  // complete/2023-fujian-pingtan-zone-county: the 2021 table prints the reasons of 不予公开, not their total
  const text = '予以公开及部分公开42件,占51.85%;不予公开5件,占6.17%;无法提供31件,占38.27%。';
  const reasons = DENIAL_REASONS.map((r) => `r.denied.${r}.total`);
  it('with the parts printed', () => {
    expect(valuesOf(narrative(text, reasons))['r.denied.total.total']).toBeUndefined();
  });
  it('without them, the sentence is read', () => {
    expect(valuesOf(narrative(text))['r.denied.total.total']).toBe(5);
  });
});

describe('the other channels\' share the arithmetic proves', () => {
  // pages/2024-neimenggu-xinganmeng-city: 44659 + 99614 = 144273, in a sentence whose channels are an open list
  const text = '多渠道及时、高效公开优化营商环境、促进就业创业等方面政府信息,全盟各级行政机关主动公开各类政府信息144273条,其中通过各级政府网站公开政府信息44659条,通过微信、微博、抖音等政务新媒体公开政府信息99614条,制发规';
  it('reads it when total − website is exactly that figure', () => {
    expect(valuesOf(narrative(text))).toMatchObject({ 'p.total': 144273, 'p.website': 44659, 'p.other_channels': 99614 });
  });
  it('reads nothing when the figures do not add up', () => {
    expect(valuesOf(narrative(text.replace('99614', '99613')))['p.other_channels']).toBeUndefined();
  });
});

describe('request and review wordings', () => {
  it('起 counts cases (pages/2022-guizhou-xingren-county)', () => {
    expect(valuesOf(narrative('结转2023年度继续办理2件;全市发生政府信息公开行政复议案件1起。'))['rv.total']).toBe(1);
  });
  it('收到N份…行政复议申请 (complete/2013-fujian-pingtan-zone-county)', () => {
    expect(valuesOf(narrative('未收到有关政府信息公开的申请,收到1份有关政府信息公开行政复议申请已及时处理。'))['rv.total']).toBe(1);
  });
  it('N件办理结果为没有现成信息需要另行制作 (pages/2025-shanghai-baoshan-youyilu-town)', () => {
    expect(valuesOf(narrative('8件办理结果为本机关不掌握相关政府信息,1件办理结果为没有现成信息需要另行制作,申请人主动撤销6件。'))['r.unable.need_creation.total']).toBe(1);
  });
  it('the handled count beside the carried-out one is read; one holding it is not (panel/2021-guangdong-guangzhou-haizhu-county, panel/2024-guangdong-guangzhou-nansha-county)', () => {
    expect(valuesOf(narrative('2021年海珠区收到政府信息公开申请287宗,上年结转申请17宗,共答复办结申请303宗,结转下年继续办理1宗。'))['r.handled.total']).toBe(303);
    expect(valuesOf(narrative('全区共办结政府信息公开申请1422件,其中结转下年度继续办理114件。'))['r.handled.total']).toBeUndefined();
  });
  it('没有产生信息公开处理费: no fee (complete/2021-fujian-pingtan-transport-construction-bureau-department)', () => {
    expect(valuesOf(narrative('规定的按件、按量收费标准,本年度没有产生信息公开处理费。'))['fee.collected_yuan']).toBe(0);
  });
  it('无法提供 after its reasons given together is the group\'s total; after one reason it is not (pages/2020-hainan-hainan-government-office-department, pages/2022-shanxi-gaoping-government-office-department)', () => {
    expect(valuesOf(narrative('不予公开的11件,本机关不掌握相关政府信息或没有现成信息及申请内容不明确无法提供的33件,'))['r.unable.total.total']).toBe(33);
    expect(valuesOf(narrative('处理结果中,予以公开2件,部分公开8件,因本机关不掌握相关政府信息无法提供1件,信息不存在的1件。'))['r.unable.total.total']).toBeUndefined();
    // real/2019-shanghai-shanghai-government-office-department
    expect(valuesOf(narrative('不予公开35件,占4.34%;因本机关不掌握等原因无法提供265件,占32.9%;'))['r.unable.total.total']).toBe(265);
  });
  it('不存在…行政复议、…行政诉讼的情况: none of either (panel/2021-guangdong-guangzhou-panyu-civil-service-bureau-department)', () => {
    const v = valuesOf(narrative('2021年我局不存在因政府信息公开工作被申请行政复议、提起行政诉讼的情况。'));
    expect(v['rv.total']).toBe(0);
    expect(v['lit.total']).toBe(0);
  });
  it('applications at a service window are no disclosure requests (complete/2014-fujian-pingtan-zone-county)', () => {
    expect(valuesOf(narrative('目前,区县已入驻审批服务部门和单位13个,开设窗口26个,共受理申请121510件。'))['r.new.total']).toBeUndefined();
  });
});

describe('another year\'s figure', () => {
  // panel/2016-guangdong-guangzhou-zengcheng-public-security-branch-department: a report on 2016,
  // published 2017-01-24, that says 2017年全年: a year not over at publication is a misprint of its own
  const text = '广州市公安局增城区分局2017年全年主动公开政府信息368条,其中1.组织机构3条。';
  const read = (published: string | null) =>
    extractNarrative(normaliseText(text), { known: new Set(), template: 'narrative', year: 2016, published }).values.find((v) => v.metric === 'p.total')?.value ?? null;
  it('is read as the report\'s own when the report came out in that year', () => {
    expect(read('2017-01-24')).toBe(368);
  });
  it('is not read otherwise', () => {
    expect(read(null)).toBeNull();
    expect(read('2018-02-01')).toBeNull();
  });
});
