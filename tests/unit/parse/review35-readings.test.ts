// What review34 found read wrong and fix34 left (issue 10), each fixed by a principle: the wrong value
// gone, the right value kept, and right-reading counter-examples so a guard does not over-reach.
// Written by hand the way reports state them; no report of ../shared/corpus words these sentences so.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/parse';
import { recogniseQuantities } from '../../../src/parse/recognise/quantities';
import { COUNTY, HEADINGS, narrativeReport, type Section, pick, readSentence as read } from '../../helpers/narrative-report';


describe("W3: the year of a clause's head figure covers the parts after it", () => {
  it("another year's head (2014年, 上年度) makes its parts that year's: none of them is read", () => {
    const cases: [Section, string, Record<string, number | undefined>][] = [
      ['R', '2014年受理政府信息公开申请17件，其中同意公开12件。', { 'r.granted.total': undefined }],
      ['R', '2014年受理政府信息公开申请17件，部分公开2件。', { 'r.partial.total': undefined }],
      ['R', '上年度共受理申请17件，其中同意公开12件，部分公开2件。本年度共受理申请25件。', { 'r.new.total': 25, 'r.granted.total': undefined, 'r.partial.total': undefined }],
      ['V', '全年发生行政复议1件，上年度发生2件，其中维持1件。', { 'rv.total': 1, 'rv.upheld': undefined }],
      ['F', '全年未收取费用（上年度收取30元）。', { 'fee.collected_yuan': 0 }],
    ];
    for (const [section, sentence, want] of cases) expect({ sentence, got: pick(read(section, sentence), Object.keys(want)) }).toEqual({ sentence, got: want });
  });

  it("a later head of the report's year opens its scope again: the year's parts win, in either order", () => {
    for (const sentence of [
      '2014年共受理政府信息公开申请17件，其中同意公开12件。2015年共受理政府信息公开申请25件，其中同意公开18件。',
      '2014年受理政府信息公开申请17件，同意公开12件；2015年受理政府信息公开申请25件，同意公开18件。',
      '2015年共受理政府信息公开申请25件，其中同意公开18件。2014年共受理政府信息公开申请17件，其中同意公开12件。',
      '上年度受理17件，今年共受理政府信息公开申请25件，其中同意公开18件。',
    ])
      expect({ sentence, got: pick(read('R', sentence), ['r.new.total', 'r.granted.total']) }).toEqual({ sentence, got: { 'r.new.total': 25, 'r.granted.total': 18 } });
  });

  it('a year in a comparison, a carry-over, a closed parenthesis or a clause with no figure scopes nothing', () => {
    for (const sentence of [
      '全年共受理政府信息公开申请25件，比上年度多3件，其中同意公开18件。',
      '全年共受理政府信息公开申请25件（2014年17件），其中同意公开18件。',
      '与2014年相比，全年共受理政府信息公开申请25件，其中同意公开18件。',
      '上年度考核中，我县共受理政府信息公开申请25件，其中同意公开18件。',
      '上年结转2件，本年新收政府信息公开申请25件，其中同意公开18件。',
    ])
      expect({ sentence, got: pick(read('R', sentence), ['r.new.total', 'r.granted.total']) }).toEqual({ sentence, got: { 'r.new.total': 25, 'r.granted.total': 18 } });
    expect(read('F', '全年收取费用45元（上年度30元），减免0元。')['fee.collected_yuan']).toBe(45);
    expect(read('F', '全年收取费用45元，2014年收取30元。')['fee.collected_yuan']).toBe(45);
  });
});

describe('W7: a stated 合计 is the fee collected; one named kind of fee among several is a part', () => {
  it('parts of the fee are not the whole: the stated sum, or none', () => {
    const fees: Record<string, number | undefined> = {
      '全年收取信息检索、复制费用20元，邮寄费15元，合计35元。': 35,
      '全年收取复制费10元、邮寄费15元，共计25元。': 25,
      '全年收取检索费20元、复制费10元、邮寄费15元。': undefined,
      '全年收取检索费、复制费、邮寄费分别为20元、10元、15元。': undefined,
      '全年收取复制费10元，邮寄费15元。': undefined,
    };
    for (const [sentence, fee] of Object.entries(fees)) expect({ sentence, fee: read('F', sentence)['fee.collected_yuan'] }).toEqual({ sentence, fee });
  });

  it('one kind alone, kinds named together, and a whole before its breakdown are the fee collected', () => {
    const fees: Record<string, number> = {
      '全年收取复印费45元。': 45,
      '全年收取复印费45元，减免0元。': 45,
      '全年收取复印费45元，比上年减少30元。': 45,
      '全年共收取检索费、复制费、邮寄费等费用45元。': 45,
      '全年收取费用45元，其中复印费30元，邮寄费15元。': 45,
      '全年收取复制费、邮寄费共25元，其中复制费10元。': 25,
      '全年收取政府信息公开检索费、复制费共计30元。': 30,
      '收取检索、复制、邮寄等费用45元，其中复制费30元。': 45,
      '全年收取检索费、复制费45元，其中复制费30元，检索费15元。': 45,
    };
    for (const [sentence, fee] of Object.entries(fees)) expect({ sentence, fee: read('F', sentence)['fee.collected_yuan'] }).toEqual({ sentence, fee });
  });
});

describe('W8: another body named as the subject gives that body\'s figure', () => {
  const TOWN = '某某镇人民政府';
  it("a larger division's government in a town's report, a department in a county's: not the report's own", () => {
    expect(read('P', '县政府全年主动公开政府信息1520条，本镇主动公开120条。', TOWN)['p.total']).toBe(120);
    expect(read('R', '本镇全年未收到政府信息公开申请，县政府共受理25件。', TOWN)['r.new.total']).toBe(0);
    expect(read('R', '县国土资源局受理政府信息公开申请12件，县住建局受理8件。')['r.new.total']).toBeUndefined();
  });

  it('the body naming itself, its own government, its office and departments as parts stay right', () => {
    // (in a department's report its own government and departments are not taken for other bodies: it names itself short, 市审批局)
    expect(read('P', '县政府全年主动公开政府信息1520条，本局主动公开86条。', '某某县财政局')['p.total']).toBe(1520);
    expect(read('P', '县财政局全年主动公开政府信息86条。', '某某县财政局')['p.total']).toBe(86);
    expect(read('P', '县人民政府全年主动公开政府信息1520条。')['p.total']).toBe(1520);
    expect(read('P', '镇政府全年主动公开政府信息120条。', TOWN)['p.total']).toBe(120);
    expect(read('R', '县政府信息公开办公室共受理政府信息公开申请25件。')['r.new.total']).toBe(25);
    expect(read('R', '市政府办公室受理政府信息公开申请25件，市直部门共受理政府信息公开申请320件。', '某某市人民政府')['r.new.total']).toBe(25);
    expect(read('R', '全年共受理政府信息公开申请25件，其中县国土资源局受理12件，县住建局受理8件，其他部门受理5件。')['r.new.total']).toBe(25);
    expect(read('P', '全年县政府主动公开信息1520条，其中县财政局公开320条。')['p.total']).toBe(1520);
    expect(read('P', '本镇主动公开120条。全县共主动公开1520条。', TOWN)['p.total']).toBe(120);
  });
});

describe('W9: vague and bounded numerals are no exact number (the one quantity recogniser)', () => {
  it('数十/几十 no number; 两三/三四/二三十 a range; 不足/逾/左右/约 approximate', () => {
    const q = (text: string) => recogniseQuantities(text).map(({ value, approx, range }) => ({ value, approx, range }));
    expect(q('受理申请数十件')).toEqual([{ value: null, approx: true, range: undefined }]);
    expect(q('受理申请两三件')).toEqual([{ value: null, approx: true, range: { low: 2, high: 3 } }]);
    expect(q('受理申请二三十件')).toEqual([{ value: null, approx: true, range: { low: 20, high: 30 } }]);
    expect(q('受理申请不足20件')).toEqual([{ value: 20, approx: true, range: undefined }]);
    // numerals that are one number stay exact
    expect(q('受理申请二十三件')).toEqual([{ value: 23, approx: false, range: undefined }]);
    expect(q('受理申请三件')).toEqual([{ value: 3, approx: false, range: undefined }]);
  });

  it('in a report: no exact value read from them, the approximate ones flagged', () => {
    const received = (sentence: string) => parseReport(narrativeReport(COUNTY, HEADINGS.R, sentence)).values.find((v) => v.metric === 'r.new.total' && !v.derived);
    for (const vague of ['数十件', '几十件', '两三件', '三四件', '二三十件']) expect({ vague, got: received(`全年共受理政府信息公开申请${vague}。`) }).toEqual({ vague, got: undefined });
    for (const bound of ['不足20件', '逾20件', '20件左右', '约20件', '20余件']) expect({ bound, got: received(`全年共受理政府信息公开申请${bound}。`) }).toMatchObject({ bound, got: { value: 20, approx: true } });
    for (const [exact, value] of [['二十五件', 25], ['一百零五件', 105], ['两件', 2]] as const) expect({ exact, got: received(`全年共受理政府信息公开申请${exact}。`) }).toMatchObject({ exact, got: { value, approx: false } });
    const fee = parseReport(narrativeReport(COUNTY, HEADINGS.F, '全年收取费用约45元。')).values.find((v) => v.metric === 'fee.collected_yuan');
    expect(fee).toMatchObject({ value: 45, approx: true });
    expect(read('F', '全年收取政府信息公开费用共计1.2千元。')['fee.collected_yuan']).toBeUndefined();
    expect(read('P', '全年主动公开政府信息几百条。')['p.total']).toBeUndefined();
    // a lone magnitude with 余 is one of it, approximate (not after digits: 1.2千元 above)
    expect(received('全年共受理政府信息公开申请百余件。')).toMatchObject({ value: 100, approx: true });
    expect(parseReport(narrativeReport(COUNTY, HEADINGS.P, '全年主动公开政府信息千余条。')).values.find((v) => v.metric === 'p.total')).toMatchObject({ value: 1000, approx: true });
  });
});

describe('W6, W10: a request channel and publicity in the media are no proactive figures', () => {
  it('网上 among the parts of a request figure is a way of applying, not p.website', () => {
    for (const sentence of ['全年受理申请25件，其中网上12件，当面13件。', '全年受理申请25件，其中当面13件，网上12件。', '全年共受理政府信息公开申请25件，从申请方式看，网上12件，当面8件，信函5件。'])
      expect({ sentence, got: pick(read('R', sentence), ['r.new.total', 'p.website']) }).toEqual({ sentence, got: { 'r.new.total': 25, 'p.website': undefined } });
  });

  it('在…媒体发布 is publicity, not p.total', () => {
    for (const section of ['P', 'X'] as const) expect(read(section, '全年在市级以上媒体发布信息120篇。')['p.total']).toBeUndefined();
  });

  it('proactive channels after a request figure, and the proactive total beside publicity, stay read', () => {
    expect(pick(read('X', '全年共受理政府信息公开申请25件，主动公开政府信息1520条，其中政府网站公开1200条。'), ['r.new.total', 'p.total', 'p.website'])).toEqual({ 'r.new.total': 25, 'p.total': 1520, 'p.website': 1200 });
    expect(pick(read('P', '全年主动公开政府信息1520条，其中网上公开1200条，网下公开320条。'), ['p.total', 'p.website', 'p.other_channels'])).toEqual({ 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 });
    expect(read('P', '全年在市级以上媒体发布信息120篇。全年主动公开政府信息1520条。')['p.total']).toBe(1520);
    expect(read('P', '全年通过政府网站主动公开信息1520条。')['p.website']).toBe(1520);
  });
});

describe('MISSED: all natural persons, the whole division, the stock as of a date', () => {
  it('申请人均为自然人 and its forms: the printed total as r.new.natural, inferred (its second role, as 均已答复 gives the handled)', () => {
    const natural = (sentence: string, issuer = COUNTY) => parseReport(narrativeReport(issuer, HEADINGS.R, sentence)).values.find((v) => v.metric === 'r.new.natural');
    for (const sentence of ['全年共受理政府信息公开申请25件，申请人均为自然人。', '全年共受理政府信息公开申请25件，均为公民个人申请。', '全年共受理政府信息公开申请25件，申请人全部为自然人。', '全年共受理政府信息公开申请25件，全部由公民提出。', '全年共受理政府信息公开申请25件，均为自然人申请。'])
      expect({ sentence, got: natural(sentence) }).toMatchObject({ sentence, got: { value: 25, derived: false, inferred: true } });
    expect(natural('全年本局共受理政府信息公开申请3件，均为自然人申请，均予以公开。', '某某县财政局')).toMatchObject({ value: 3, inferred: true });
    // a stated part is printed, not inferred; a share or another way of applying says nothing of the column
    expect(natural('全年共受理政府信息公开申请25件，其中自然人申请22件，法人或其他组织申请3件。')).toMatchObject({ value: 22 });
    expect(natural('全年共受理政府信息公开申请25件，其中自然人申请22件，法人或其他组织申请3件。')?.inferred).toBeUndefined();
    expect(natural('全年共受理政府信息公开申请25件，申请人中自然人占92%。')).toBeUndefined();
    expect(natural('全年共受理政府信息公开申请25件，均为网上申请。')).toBeUndefined();
  });
});

describe("MISSED: 各乡镇、各部门共… is the whole division in a government's report", () => {
  it('the groups listed together with no name before them are the area: its totals are read', () => {
    for (const sentence of ['本年度各乡镇、各部门共主动公开政府信息1520条。', '全年各乡镇、各部门共主动公开政府信息1520条。', '本年度县政府各部门、各乡镇共主动公开政府信息1520条。'])
      expect({ sentence, got: read('P', sentence)['p.total'] }).toEqual({ sentence, got: 1520 });
    expect(read('R', '本年度各乡镇、各部门共受理政府信息公开申请25件。')['r.new.total']).toBe(25);
    expect(read('R', '各乡镇、县直各部门共受理政府信息公开申请125件，其中县政府本级受理25件。')['r.new.total']).toBe(125);
  });

  it("one group beside another, and the list in a department's report, are still not the area's total", () => {
    expect(read('P', '县直各部门主动公开3000条，各乡镇主动公开1200条。')['p.total']).toBeUndefined();
    expect(read('P', '本年度各乡镇、各部门共主动公开政府信息1520条，本局主动公开86条。', '某某县财政局')['p.total']).toBe(86);
  });
});

describe('MISSED: 累计 alone after the year\'s proactive figure is the stock', () => {
  it('全年…1520条，累计达12560条: p.cumulative beside the year\'s total', () => {
    for (const sentence of ['全年主动公开政府信息1520条，累计达12560条。', '本年度新增主动公开政府信息1520条，累计达12560条。'])
      expect({ sentence, got: pick(read('P', sentence), ['p.total', 'p.cumulative']) }).toEqual({ sentence, got: { 'p.total': 1520, 'p.cumulative': 12560 } });
    // requests' 累计 is no proactive stock; 截至…共 with no 累计 stays unread (the year's or the stock: the text does not say)
    expect(read('R', '全年受理政府信息公开申请25件，累计达120件。')['p.cumulative']).toBeUndefined();
    expect(read('P', '截至2015年12月31日，共主动公开政府信息12560条。')['p.cumulative']).toBeUndefined();
  });
});

describe('MISSED: 均无 after a subject listing the cases is none of each', () => {
  it('行政复议、行政诉讼…均无 gives 0 reviews and 0 suits; a none of what is carried says nothing of the received', () => {
    for (const [section, sentence] of [['X', '全年行政复议、行政诉讼及申诉案件均无。'], ['V', '全年行政复议、行政诉讼均无。'], ['V', '行政复议、行政诉讼情况：均无。']] as const)
      expect({ sentence, got: pick(read(section, sentence), ['rv.total', 'lit.total']) }).toEqual({ sentence, got: { 'rv.total': 0, 'lit.total': 0 } });
    expect(read('R', '全年共受理政府信息公开申请25件，均无结转。')['r.new.total']).toBe(25);
    expect(read('F', '收费、减免情况均无。')['fee.collected_yuan']).toBe(0);
  });
});
