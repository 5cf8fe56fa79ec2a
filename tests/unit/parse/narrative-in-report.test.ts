// Sentences read inside a whole report (title, headings, paragraphs), through the whole parser:
// the forms below were missed or misread there. No report of ../shared/corpus words any of them
// so (searched: 以…形式答复, 分别作出, 网下/线下公开 with a figure, a channel's figure in parentheses,
// 大写数字 amounts, a government's portal as the subject in a bureau's report); each is written by
// hand in the way the regulation's reports state these facts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/parse';
import { narrativeReport, printedValues } from '../../helpers/narrative-report';
import { CORPUS } from '../../helpers/producers';

const report = narrativeReport;

const read = printedValues;

const COUNTY = '某某县人民政府';
const BUREAU = '某某县财政局';

describe('request outcomes inside a report', () => {
  it('a reply in the form of an outcome counts that outcome, not every reply (以公开形式答复10件 is no r.handled)', () => {
    const got = read(report(COUNTY, '三、依申请公开政府信息情况', '本年度共受理政府信息公开申请15件。其中，以公开形式答复10件，以部分公开形式答复3件，以不予公开形式答复2件。'));
    expect(got['r.new.total']).toBe(15);
    expect(got['r.granted.total']).toBe(10);
    expect(got['r.partial.total']).toBe(3);
    expect(got['r.denied.total.total']).toBe(2);
    expect(got['r.handled.total']).not.toBe(10);
  });

  it('分别 before a list whose figures each carry their own outcome distributes nothing', () => {
    const got = read(report(COUNTY, '三、依申请公开政府信息情况', '本年度共受理政府信息公开申请15件。对受理的15件申请，我县分别作出同意公开10件、部分公开3件、不予公开2件的答复。'));
    expect([got['r.granted.total'], got['r.partial.total'], got['r.denied.total.total']]).toEqual([10, 3, 2]);
  });

  it('分别 before figures of concepts named before it still pairs them', () => {
    const got = read(report(COUNTY, '二、主动公开政府信息情况', '全年通过政府网站和其他渠道分别公开政府信息1000条和234条。'));
    expect([got['p.website'], got['p.other_channels']]).toEqual([1000, 234]);
  });

  it('the information the applicant asked for, provided, is the granted outcome (提供所需信息10件)', () => {
    for (const label of ['提供所需信息', '已提供所申请信息']) {
      const got = read(report(COUNTY, '三、依申请公开政府信息情况', `本年度共受理政府信息公开申请15件。其中，${label}10件，部分公开3件，不予公开2件。`));
      expect([got['r.granted.total'], got['r.partial.total'], got['r.denied.total.total']]).toEqual([10, 3, 2]);
    }
    // refused, it is no granted figure
    const refused = read(report(COUNTY, '三、依申请公开政府信息情况', '本年度共受理政府信息公开申请15件。其中，部分公开3件，不予提供所需信息2件。'));
    expect(refused['r.granted.total']).toBeUndefined();
  });

  it('the first outcome of a list names its act in any words (作出公开答复, 准予公开的申请), the list across semicolons', () => {
    for (const [label, mark] of [['作出公开答复', '，'], ['准予公开的申请', '，'], ['公开的申请', '，'], ['决定公开', '；'], ['准许公开', '；'], ['已向申请人提供', '；']]) {
      const got = read(report(COUNTY, '三、依申请公开政府信息情况', `本年度共受理政府信息公开申请15件。从办理结果看：${label}10件${mark}部分公开3件${mark}不予公开2件。`));
      expect({ label, values: [got['r.granted.total'], got['r.partial.total'], got['r.denied.total.total']] }).toEqual({ label, values: [10, 3, 2] });
    }
  });

  it('公开申请 is a request for disclosure, no outcome (panel/2022-guangdong-guangzhou-yuexiu-baiyun-town)', () => {
    const got = read(report(COUNTY, '三、依申请公开政府信息情况', '2022年,我街共受理政府信息公开申请1件,申请数量与2021年持平;答复政府信息公开申请1件,为部分公开,在法定期限内予以答复。'));
    expect(got['r.granted.total']).toBeUndefined();
  });

  it('every request said to be done, in other words (所有申请均已答复, 全部在法定期限内予以答复, 均已依法依规办结), is every one handled', () => {
    for (const done of ['所有申请均已答复', '全部在法定期限内予以答复', '均在规定时限内办结', '均已依法依规办结']) {
      const got = read(report(COUNTY, '三、依申请公开政府信息情况', `本年度共受理政府信息公开申请15件，${done}。`));
      expect({ done, handled: got['r.handled.total'] }).toEqual({ done, handled: 15 });
    }
    // some carried to the next year: not every one handled
    expect(read(report(COUNTY, '三、依申请公开政府信息情况', '本年度共受理政府信息公开申请15件，全部在法定期限内予以答复，其中2件结转下年度。'))['r.handled.total']).toBeUndefined();
  });

  it('a year inside a carried-over clause becomes no count (剩余2件将于2016年答复)', () => {
    const got = read(report(COUNTY, '三、依申请公开政府信息情况', '本年度共受理政府信息公开申请12件，已答复10件，剩余2件将于2016年答复。'));
    expect(got['r.new.total']).toBe(12);
    expect(got['r.handled.total']).toBe(10);
    expect(Object.values(got)).not.toContain(2016);
    // 剩余 states them open at the year's end, 将于 the next year when they end: 结转下年度继续办理 (spec/metrics.md)
    expect(got['r.carried_out.total']).toBe(2);
  });
});

describe('channels inside a report', () => {
  it('a channel’s figure in parentheses after its name is that channel’s', () => {
    const got = read(report(COUNTY, '二、主动公开政府信息情况', '本年度共主动公开政府信息2546条，其中通过政府网站（1070条）和其他方式（1476条）公开。'));
    expect([got['p.total'], got['p.website'], got['p.other_channels']]).toEqual([2546, 1070, 1476]);
  });

  it('channel figures in parentheses before the total leave the total to the total', () => {
    const got = read(report(COUNTY, '二、主动公开政府信息情况', '本年度通过政府网站（1070条）和其他方式（1476条）共主动公开政府信息2546条。'));
    expect(got['p.total']).toBe(2546);
    expect(got['p.other_channels']).not.toBe(2546);
    expect(got['p.website']).not.toBe(2546);
  });

  it('公布 is an act of disclosure as 公开 and 发布 are', () => {
    const got = read(report(COUNTY, '二、主动公开政府信息情况', '2015年，我县主动公布政府信息2546条，其中通过政府网站公布1070条，通过其他方式公布1476条。'));
    expect([got['p.total'], got['p.website'], got['p.other_channels']]).toEqual([2546, 1070, 1476]);
  });

  it('网下公开 and 线下公开 beside the website are the other channels', () => {
    expect(read(report(COUNTY, '二、主动公开政府信息情况', '全年主动公开政府信息2546条，通过政府网站公开1070条，网下公开1476条。'))['p.other_channels']).toBe(1476);
    const got = read(report(COUNTY, '二、主动公开政府信息情况', '全年主动公开政府信息2546条，其中网上公开1070条，线下公开1476条。'));
    expect([got['p.website'], got['p.other_channels']]).toEqual([1070, 1476]);
  });

  it('a government’s portal as the subject counts its own posts: the website’s share only in that government’s report', () => {
    const text = (issuer: string) => report(issuer, '二、主动公开政府信息情况', '县政府网站全年共发布信息326条。');
    expect(read(text(COUNTY))['p.website']).toBe(326);
    expect(read(text(BUREAU))['p.website']).toBeUndefined();
    // the government's office keeps the portal (real/2024-gansu-gangu-government-office-department:
    // 甘谷县人民政府办公室 reads its portal's 1.03万条 as its website's); a town's report says nothing of whose
    expect(read(text('某某县人民政府办公室'))['p.website']).toBe(326);
    expect(read(text('某某县某某镇人民政府'))['p.website']).toBe(326);
    // after 其中 the portal's figure is the bureau's share
    expect(read(report(BUREAU, '二、主动公开政府信息情况', '全年主动公开政府信息558条，其中，县政府门户网站公开118条，政务微信发布440条。'))['p.website']).toBe(118);
    // the body posting on it is its share
    expect(read(report(BUREAU, '二、主动公开政府信息情况', '我局通过县政府网站全年共发布信息326条。'))['p.website']).toBe(326);
  });
});

describe('累计 without 截至 inside a report', () => {
  const proactive = (sentence: string) => read(report(COUNTY, '二、主动公开政府信息情况', sentence));

  it('a running total with no span of the year is not the year’s total', () => {
    expect(proactive('我县累计主动公开政府信息5600条。')['p.total']).toBeUndefined();
    // before its 其中 of the year: the stock, and the year's own figure after it (5600 was read as the year's: wrong)
    expect(proactive('我县主动公开政府信息累计达5600条，其中2015年主动公开326条。')).toMatchObject({ 'p.total': 326, 'p.cumulative': 5600 });
    // after the year's own figure: the stock
    expect(proactive('本年度主动公开政府信息326条，累计公开5600条。')).toMatchObject({ 'p.total': 326, 'p.cumulative': 5600 });
  });

  it('累计 of the year (2015年共累计, 今年累计, a sentence opened by the year) is the year’s total', () => {
    expect(proactive('2015年共累计主动公开政府信息326条。')['p.total']).toBe(326);
    expect(proactive('今年累计主动公开政府信息326条。')['p.total']).toBe(326);
    expect(proactive('2015 年，我县累计主动公开政府信息326条。')['p.total']).toBe(326);
  });
});

describe('formal numerals (大写数字) inside a report', () => {
  it('counts and amounts in formal numerals are read as their values', () => {
    const got = read(
      report(
        COUNTY,
        '二、主动公开政府信息情况',
        '全年主动公开政府信息贰仟伍佰肆拾陆条。',
        '三、依申请公开政府信息情况',
        '本年度共受理政府信息公开申请壹拾伍件，其中予以公开壹拾件，部分公开叁件，不予公开贰件。',
        '四、政府信息公开的收费及减免情况',
        '本年度收取检索费、复制费共计人民币贰佰元。',
      ),
    );
    expect(got).toMatchObject({ 'p.total': 2546, 'r.new.total': 15, 'r.granted.total': 10, 'r.partial.total': 3, 'r.denied.total.total': 2, 'fee.collected_yuan': 200 });
  });

  it('words holding a formal numeral character are no figures (陆续, 队伍)', () => {
    const got = read(report(COUNTY, '二、主动公开政府信息情况', '我县陆续公开了一批信息，队伍建设不断加强，全年主动公开政府信息伍佰条。'));
    expect(got['p.total']).toBe(500);
  });

  it('a formal character that is part of a word never joins the figure after it (队伍十件 is 10, not 50)', () => {
    const got = read(report(COUNTY, '三、依申请公开政府信息情况', '本年度共受理政府信息公开申请队伍十件。'));
    expect(got['r.new.total']).toBe(10);
  });
});

// An area summary (the report covers the whole county: 本报告综合全县各部门…编制) and a bureau's report
// hold the same sentence; only the summary's own area is its own scope.
const areaSummary = (...body: string[]) => report(COUNTY, '本报告综合全县各部门、各乡镇（街道）政府信息公开工作情况编制。', ...body);

describe('an area summary’s own scope inside a report', () => {
  it('the whole area with its parts listed (全县各部门、各乡镇（街道）) is the summary’s own subject', () => {
    const parsed = parseReport(areaSummary('二、主动公开政府信息情况', '2015年，全县各部门、各乡镇（街道）共主动公开政府信息1234条，其中政府网站公开1000条，其他方式公开234条。', '三、依申请公开政府信息情况', '全县各部门、各乡镇共受理政府信息公开申请15件，其中予以公开10件，部分公开3件，不予公开2件。'));
    expect(parsed.facts.scope).toBe('area');
    const got = Object.fromEntries(parsed.values.filter((v) => !v.derived).map((v) => [v.metric, v.value]));
    expect([got['p.total'], got['p.website'], got['p.other_channels']]).toEqual([1234, 1000, 234]);
    expect(got['r.new.total']).toBe(15);
  });

  it('in a bureau’s report the same sentence is another scope’s: the bureau’s own figure stands', () => {
    const got = read(report(BUREAU, '二、主动公开政府信息情况', '2015年，全县各部门、各乡镇（街道）共主动公开政府信息1234条，其中我局主动公开100条。', '三、依申请公开政府信息情况', '全县各部门、各乡镇共受理政府信息公开申请15件。'));
    expect(got['p.total']).toBe(100);
    expect(got['r.new.total']).toBeUndefined();
  });

  it('another division’s area (全市各部门 in a county’s summary) or the area’s lower divisions alone (全县各乡镇) stay other scopes', () => {
    const city = read(areaSummary('二、主动公开政府信息情况', '2015年，全市各部门、各县区共主动公开政府信息23456条。'));
    expect(city['p.total']).toBeUndefined();
    const towns = read(areaSummary('二、主动公开政府信息情况', '2015年，全县各乡镇共主动公开政府信息300条。'));
    expect(towns['p.total']).toBeUndefined();
  });

  it('the whole area’s figure before the body’s own in one sentence stays the larger scope’s (the sentence that made the report a summary)', () => {
    const got = read(report('某某区人民政府', '二、主动公开政府信息情况', '2015年全区各部门、各街道共主动公开政府信息47908条，我区主动公开2992条。'));
    expect(got['p.total']).toBe(2992);
  });
});

describe('outcome wordings inside a report', () => {
  it('依申请公开N件 as an item of a list of outcomes is the granted, not the requests', () => {
    const afterTotal = read(report(COUNTY, '三、依申请公开政府信息情况', '本年度共受理政府信息公开申请15件，其中依申请公开10件，部分公开3件，不予公开2件。'));
    expect([afterTotal['r.new.total'], afterTotal['r.granted.total'], afterTotal['r.partial.total']]).toEqual([15, 10, 3]);
    for (const lead of ['办理结果：', '']) {
      const got = read(report(COUNTY, '三、依申请公开政府信息情况', `${lead}依申请公开10件，部分公开3件，不予公开2件。`));
      expect(got['r.granted.total']).toBe(10);
      expect(got['r.new.total']).toBeUndefined();
    }
  });

  it('依申请公开N件 after an act of receiving is still the requests, whatever follows (seeds/2017-liaoning-yingkou-zhanqian-county)', () => {
    expect(read(report(COUNTY, '三、依申请公开政府信息情况', '2017年,我区共受理依申请公开2件,均已答复。'))['r.new.total']).toBe(2);
    const got = read(report(COUNTY, '三、依申请公开政府信息情况', '全年共受理依申请公开10件，部分公开3件。'));
    expect(got['r.new.total']).toBe(10);
    expect(got['r.granted.total']).toBeUndefined();
  });

  it('a list of outcomes opening its sentence (…15件。公开10件，占66.7%；部分公开3件) gives its first item to the granted', () => {
    const got = read(report(COUNTY, '三、依申请公开政府信息情况', '本年度共受理政府信息公开申请15件。公开10件，占66.7%；部分公开3件，占20%；不予公开2件，占13.3%。'));
    expect([got['r.granted.total'], got['r.partial.total'], got['r.denied.total.total']]).toEqual([10, 3, 2]);
  });

  it('公开政府信息N件 in a sentence of request outcomes is the granted, never the proactive total', () => {
    const got = read(report(COUNTY, '三、依申请公开政府信息情况', '本年度共受理政府信息公开申请15件。公开政府信息10件，部分公开政府信息3件，不予公开政府信息2件。'));
    expect(got['p.total']).toBeUndefined();
    expect([got['r.granted.total'], got['r.partial.total'], got['r.denied.total.total']]).toEqual([10, 3, 2]);
  });

  it('满足申请人要求的N件 is the granted; 部分满足 is not', () => {
    const got = read(report(COUNTY, '三、依申请公开政府信息情况', '本年度共受理政府信息公开申请15件，满足申请人要求的10件，部分公开3件，不予公开2件。'));
    expect(got['r.granted.total']).toBe(10);
    const part = read(report(COUNTY, '三、依申请公开政府信息情况', '本年度共受理政府信息公开申请15件，部分满足申请人要求的3件。'));
    expect(part['r.granted.total']).toBeUndefined();
  });

  it('受理并办结 gives one figure both acts (pages/2022-shanxi-gaoping-government-office-department: 收到和办理)', () => {
    const got = read(report(COUNTY, '三、依申请公开政府信息情况', '本年度共受理政府信息公开申请15件，受理并办结15件。'));
    expect([got['r.new.total'], got['r.handled.total']]).toEqual([15, 15]);
    const both = read(report(COUNTY, '三、依申请公开政府信息情况', '全年共收到和办理依申请公开12件,其中自然人申请件12件,法人或其他组织申请件0件。'));
    expect([both['r.new.total'], both['r.handled.total']]).toEqual([12, 12]);
  });

  it('受理并办理 beside requests carried into the next year is no handled count (review22): received = handled + carried out', () => {
    for (const text of ['本年度共受理并办理政府信息公开申请15件。其中，结转下年度继续办理2件。', '本年度共受理并办理政府信息公开申请15件，2件结转下年度继续办理。']) {
      const got = read(report(COUNTY, '三、依申请公开政府信息情况', text));
      expect(got['r.handled.total'], text).toBeUndefined();
      expect(got['r.carried_out.total'], text).toBe(2);
    }
  });

  it('a line break between two figures never makes one number of them (review22)', () => {
    const got = read(report(COUNTY, '三、依申请公开政府信息情况', '本年度共收到政府信息公开申请15件，已答复13\n2件结转下年度继续办理。'));
    expect(got['r.carried_out.total']).not.toBe(132);
    expect(Object.values(got)).not.toContain(132);
  });

  it('分别 after a list of subjects distributes their figures, even when the first names a channel (review22)', () => {
    const got = read(report(BUREAU, '二、主动公开政府信息情况', '县政府办公室、县财政局分别在政府网站公开信息300条、200条。'));
    expect(got['p.website']).toBeUndefined();
    expect(got['p.total']).toBeUndefined();
  });

  it('剩余N件将于{次年}答复 is carried out to the next year; the year is never the count, another year reads nothing', () => {
    const got = read(report(COUNTY, '三、依申请公开政府信息情况', '本年度共受理政府信息公开申请15件，已答复13件，剩余2件将于2016年答复。'));
    expect([got['r.new.total'], got['r.handled.total'], got['r.carried_out.total']]).toEqual([15, 13, 2]);
    expect(read(report(COUNTY, '三、依申请公开政府信息情况', '本年度共受理政府信息公开申请15件，已答复13件，其余2件将在下一年度办结。'))['r.carried_out.total']).toBe(2);
    expect(read(report(COUNTY, '三、依申请公开政府信息情况', '本年度共受理政府信息公开申请15件，已答复13件，剩余2件将于2018年答复。'))['r.carried_out.total']).toBeUndefined();
  });

  it('a figure opening its clause that ends next year, or is still within its reply period, is carried out', () => {
    for (const tail of ['2件申请于2016年1月答复', '2件将在2016年1月份办结', '截至12月31日，尚有2件申请在答复期内']) {
      const got = read(report(COUNTY, '三、依申请公开政府信息情况', `本年度共受理政府信息公开申请15件，已办结13件，${tail}。`));
      expect([got['r.new.total'], got['r.handled.total'], got['r.carried_out.total']], tail).toEqual([15, 13, 2]);
    }
  });
});

describe('channel lists inside a report', () => {
  it('分别 before items that each name their own channel distributes nothing: each item is its channel’s', () => {
    const got = read(report(COUNTY, '二、主动公开政府信息情况', '2015年，我县主动公开政府信息1234条，分别通过政府网站公开1000条、通过其他方式公开234条。'));
    expect([got['p.total'], got['p.website'], got['p.other_channels']]).toEqual([1234, 1000, 234]);
  });

  it('a channel item worded 公开的信息有N条 or 公开量为N条 after the body’s whole is its share, in a bureau’s report too', () => {
    for (const items of ['政府网站公开的信息有1000条，通过其他方式公开的信息有234条', '其中，政府网站公开量为1000条，其他途径公开量为234条']) {
      const got = read(report(BUREAU, '二、主动公开政府信息情况', `2015年，我局主动公开政府信息1234条，${items}。`));
      expect([got['p.total'], got['p.website'], got['p.other_channels']]).toEqual([1234, 1000, 234]);
    }
  });

  it('互联网 is the web channel', () => {
    const got = read(report(COUNTY, '二、主动公开政府信息情况', '本年度我县主动公开政府信息1234条，其中互联网公开1000条，其他方式234条。'));
    expect([got['p.total'], got['p.website'], got['p.other_channels']]).toEqual([1234, 1000, 234]);
  });
});

// Wrong readings found by review22: a part read as its metric's total. Each is now read right or left unread.
describe('a part is never its metric’s total (review22)', () => {
  const requests = (issuer: string, sentence: string) => read(report(issuer, '三、依申请公开政府信息情况', sentence));

  it('the rest of a whole named before (其余2件, 剩余3件) is a part of it, not the year’s handled', () => {
    expect(requests(COUNTY, '本年度共收到政府信息公开申请22件，除2件外均按时答复，其余2件已于2015年12月答复。')['r.handled.total']).toBeUndefined();
    // the rest done within the year too: the figure before it is the on-time part, the total (22) is not printed
    const onTime = requests(COUNTY, '本年度共收到政府信息公开申请22件，按时答复20件，其余2件已于2015年12月答复。');
    expect(onTime['r.new.total']).toBe(22);
    expect(onTime['r.handled.total']).toBeUndefined();
    expect(requests(COUNTY, '本年度共收到政府信息公开申请22件，按时答复20件，其余2件已答复。')['r.handled.total']).toBeUndefined();
  });

  it('a plain handled figure keeps its reading, and so does one whose rest is still open at the year’s end', () => {
    expect(requests(COUNTY, '本年度共收到政府信息公开申请22件，按时答复20件。')['r.handled.total']).toBe(20);
    expect(requests(COUNTY, '本年度共收到政府信息公开申请22件，按时答复20件，其余2件已于2016年1月答复。')['r.handled.total']).toBe(20);
    const open = requests(COUNTY, '本年度共收到政府信息公开申请22件，已办结20件，其余2件正在办理中。');
    expect([open['r.handled.total'], open['r.carried_out.total']]).toEqual([20, 2]);
  });

  it('the rest of the carried-in requests (上年结转的申请中，剩余3件) is no figure of the year’s own, done or still open', () => {
    expect(requests(COUNTY, '上年结转的申请中，剩余3件于2015年1月办结。')['r.handled.total']).toBeUndefined();
    expect(requests(COUNTY, '上年结转的申请中，剩余3件于2016年1月办结。')['r.carried_out.total']).toBeUndefined();
  });

  it('one group of an area’s units (县直各单位, 各部门) beside another group’s figure (各乡镇) is no total of the area', () => {
    const sentence = '2015年，全县县直各单位共受理政府信息公开申请30件，各乡镇共受理12件。';
    expect(requests(COUNTY, sentence)['r.new.total']).toBeUndefined();
    expect(read(areaSummary('三、依申请公开政府信息情况', sentence))['r.new.total']).toBeUndefined();
    expect(read(areaSummary('三、依申请公开政府信息情况', '2015年，全县各部门共受理政府信息公开申请30件，各乡镇共受理12件。'))['r.new.total']).toBeUndefined();
  });

  it('the area’s total stated, or its groups listed as one subject, is read', () => {
    expect(requests(COUNTY, '2015年，全县共受理政府信息公开申请42件，其中县直各单位30件，各乡镇12件。')['r.new.total']).toBe(42);
    expect(read(areaSummary('三、依申请公开政府信息情况', '2015年，全县各部门、各乡镇共受理政府信息公开申请42件。'))['r.new.total']).toBe(42);
    // all the area's units (各级行政机关) are the whole, the group after them its part; a group named after with no count of its own takes nothing
    expect(requests(COUNTY, '2015年，全县各级行政机关共受理政府信息公开申请42件，各乡镇共受理12件。')['r.new.total']).toBe(42);
    expect(read(areaSummary('三、依申请公开政府信息情况', '2015年，全县各部门共受理政府信息公开申请30件，各乡镇、各部门均已按时答复，答复率100%。'))['r.new.total']).toBe(30);
  });

  it('a larger division’s figure (全市 in a county’s report) is another scope’s; the county’s own 全县 figure is read', () => {
    const proactive = (issuer: string, sentence: string) => read(report(issuer, '二、主动公开政府信息情况', sentence));
    expect(proactive(COUNTY, '2015年，全市各单位共主动公开政府信息23456条，全县主动公开1234条。')['p.total']).toBe(1234);
    expect(proactive(BUREAU, '2015年，全市各单位共主动公开政府信息23456条，其中政府网站公开20000条。')).toEqual({});
    expect(proactive('杭州市人民政府', '2015年，全省共主动公开政府信息123456条，全市主动公开23456条。')['p.total']).toBe(23456);
    expect(requests(COUNTY, '2015年，全市各单位共受理政府信息公开申请1200件，全县受理30件。')['r.new.total']).toBe(30);
  });

  it('the report’s own division is no larger one: 全市 in a county-level city’s report is its own (pages/2023-gansu-linxia-county)', () => {
    expect(read(report('义乌市人民政府', '二、主动公开政府信息情况', '2015年，全市共主动公开政府信息1234条。'))['p.total']).toBe(1234);
    const linxia = parseReport(readFileSync(join(CORPUS, 'pages/2023-gansu-linxia-county.txt'), 'utf8'));
    expect(linxia.facts.level).toBe('county');
    expect(linxia.values.find((v) => v.metric === 'p.website')?.value).toBe(10311);
  });
});

describe('outcome wordings a careful reader reads (review22’s unread list)', () => {
  const requests = (sentence: string) => read(report(COUNTY, '三、依申请公开政府信息情况', sentence));

  it('the figure before providing the information asked for (对其中10件申请提供了相关信息) is the granted', () => {
    const got = requests('本年度共受理政府信息公开申请15件。对其中10件申请提供了相关信息，区分处理3件，不予公开2件。');
    expect([got['r.new.total'], got['r.granted.total'], got['r.partial.total'], got['r.denied.total.total']]).toEqual([15, 10, 3, 2]);
    // provided in part, or refused: no granted figure
    expect(requests('本年度共受理政府信息公开申请15件，对其中2件申请部分提供了相关信息。')['r.granted.total']).toBeUndefined();
    expect(requests('本年度共受理政府信息公开申请15件，其中2件申请未提供相关信息。')['r.granted.total']).toBeUndefined();
  });

  it('bare 区分处理 as an item of a list of request outcomes is disclosure in part (条例第三十七条); of other cases it is nothing', () => {
    const got = requests('本年度共受理政府信息公开申请15件。其中依法公开10件，区分处理3件。');
    expect([got['r.granted.total'], got['r.partial.total']]).toEqual([10, 3]);
    expect(requests('全年共处理群众来信来访20件，区分处理3件。')['r.partial.total']).toBeUndefined();
  });

  it('people who applied (15人次) are no count of requests', () => {
    expect(requests('2015年共有15人次提出政府信息公开申请。')['r.new.total']).toBeUndefined();
  });
});

// review23: wrong readings the review22 rules let in, and right ones they lost. Each input is the review's.
describe('review23: the new rules read only what they name', () => {
  const requests = (sentence: string) => read(report(COUNTY, '三、依申请公开政府信息情况', sentence));

  it('bare 区分处理 outside a list of disclosure outcomes (letters, visits, what was passed on) is nothing', () => {
    for (const sentence of ['全年共受理信访事项20件，依法答复17件，区分处理3件。', '全年共受理群众来信20件，按期答复17件，区分处理3件。', '本年度共受理政府信息公开申请15件。对不属于政府信息公开申请的诉求，依法转办5件，区分处理3件。']) {
      expect({ sentence, partial: requests(sentence)['r.partial.total'] }).toEqual({ sentence, partial: undefined });
    }
    // beside a disclosure outcome with its figure it is still read
    expect(requests('本年度共受理政府信息公开申请15件。依法公开10件，区分处理3件。')['r.partial.total']).toBe(3);
  });

  it('providing a way to the information (获取途径, 查询方式) or a statement that it does not exist is no granted', () => {
    for (const what of ['相关信息的获取途径', '相关信息查询方式', '相关信息不存在的说明']) {
      expect({ what, granted: requests(`本年度共受理政府信息公开申请15件，为其中10件申请提供了${what}。`)['r.granted.total'] }).toEqual({ what, granted: undefined });
    }
    expect(requests('本年度共受理政府信息公开申请15件，对其中10件申请提供了相关信息。')['r.granted.total']).toBe(10);
  });

  it('one group of units beside another without 各 (乡镇共受理12件, 14个乡镇, 乡镇（街道）) is no total of the area', () => {
    for (const sentence of ['2015年，县直单位共受理政府信息公开申请30件，乡镇共受理12件。', '2015年，县直各部门共受理政府信息公开申请30件，乡镇（街道）共受理12件。', '2015年，县直部门共受理政府信息公开申请30件，14个乡镇共受理12件。', '2015年，全县各部门共受理政府信息公开申请30件，各乡镇收到申请十二件。', '2015年，全县各部门共受理政府信息公开申请30件，乡镇共受理12件。', '2015年，全县各部门共受理政府信息公开申请30件，其他单位共受理12件。']) {
      expect({ sentence, total: requests(sentence)['r.new.total'] }).toEqual({ sentence, total: undefined });
    }
    // the area's own total with its groups after 其中 stays read
    expect(requests('2015年，全县共受理政府信息公开申请42件，其中县直部门30件，乡镇12件。')['r.new.total']).toBe(42);
  });

  it('the rest of a breakdown (其中…，其余2件已答复) leaves the total written before 其中 read', () => {
    expect(requests('本年度共办结政府信息公开申请22件，其中按时办结20件，其余2件已于2015年12月答复。')['r.handled.total']).toBe(22);
  });

  it('an outcome’s rest (其余2件不予公开) is that outcome’s figure', () => {
    const got = requests('本年度共受理政府信息公开申请15件，其中同意公开8件，部分公开5件，其余2件不予公开。');
    expect([got['r.granted.total'], got['r.partial.total'], got['r.denied.total.total']]).toEqual([8, 5, 2]);
  });

  it('the rest carried to the next year beside the carried-in figure (上年结转2件…其余4件结转下年度) is the carried out', () => {
    expect(requests('本年度新收政府信息公开申请20件，上年结转2件，已办结18件，其余4件结转下年度办理。')['r.carried_out.total']).toBe(4);
  });

  it('the rest with words between (其余的申请中2件已答复, 其余申请共2件) is still no handled total', () => {
    for (const rest of ['其余的申请中2件已答复', '其余申请共2件已答复']) {
      expect({ rest, handled: requests(`本年度共受理政府信息公开申请22件，${rest}。`)['r.handled.total'] }).toEqual({ rest, handled: undefined });
    }
  });
});

// review23's wrong readings allowed before wrongs23 too: another scope's figure read as the report's own.
describe('review23: another scope’s figure, in more wordings', () => {
  const proactive = (issuer: string, sentence: string) => read(report(issuer, '二、主动公开政府信息情况', sentence));

  it('the whole division publishing, then the body’s own count (全市共主动公开…，我局主动公开100条): the body’s is read', () => {
    expect(proactive('杭州市财政局', '全市共主动公开政府信息23456条，我局主动公开100条。')['p.total']).toBe(100);
    // the division's own government naming itself after its whole (我县政府网站) keeps the whole
    expect(proactive(COUNTY, '全县共主动公开政府信息1234条，我县政府网站公开1000条。')['p.total']).toBe(1234);
  });

  it('a larger division after a time span or a word of counting (2015年1-12月全市, 经统计全市) is still the larger one', () => {
    for (const lead of ['2015年1-12月全市', '经统计全市']) {
      expect({ lead, total: proactive(COUNTY, `${lead}共主动公开政府信息23456条，全县主动公开1234条。`)['p.total'] }).toEqual({ lead, total: 1234 });
    }
    expect(proactive(COUNTY, '2015年1-12月全县共主动公开政府信息1234条。')['p.total']).toBe(1234);
  });

  it('a larger division named with its total (某某市共主动公开…) is the larger one; the county named under its city, or its 辖区, is its own', () => {
    expect(proactive(COUNTY, '某某市共主动公开政府信息23456条，全县主动公开1234条。')['p.total']).toBe(1234);
    expect(proactive('杭州市人民政府', '2015年，浙江省共主动公开政府信息123456条，全市主动公开23456条。')['p.total']).toBe(23456);
    expect(proactive(COUNTY, '2015年，阜新市彰武县共主动公开政府信息1234条。')['p.total']).toBe(1234);
    expect(proactive(COUNTY, '2015年，全县辖区共主动公开政府信息1234条。')['p.total']).toBe(1234);
    expect(proactive('义乌市人民政府', '2015年，义乌市共主动公开政府信息2345条。')['p.total']).toBe(2345);
  });

  it('全区 is never a city’s or a county’s own, 全地区 and 全盟 are above a county-level city', () => {
    expect(proactive('南宁市人民政府', '全区共主动公开政府信息123456条，全市主动公开23456条。')['p.total']).toBe(23456);
    expect(proactive('锡林浩特市人民政府', '全盟共主动公开政府信息23456条，全市主动公开2345条。')['p.total']).toBe(2345);
    expect(proactive('库车市人民政府', '全地区共主动公开政府信息23456条，全市主动公开2345条。')['p.total']).toBe(2345);
    // a district's 全区 is its own
    expect(proactive('某某区人民政府', '全区共主动公开政府信息2345条。')['p.total']).toBe(2345);
  });

  it('one group of units publishing beside another group’s count is no proactive total of the area', () => {
    expect(proactive(COUNTY, '县直部门主动公开政府信息3000条，乡镇主动公开1200条。')['p.total']).toBeUndefined();
    expect(proactive(COUNTY, '全县共主动公开政府信息4200条，其中县直部门3000条，乡镇1200条。')['p.total']).toBe(4200);
  });

  it('the rest said to be requests (其余2件为信函申请) is a way of applying, no channel of disclosure', () => {
    const got = read(report(COUNTY, '三、依申请公开政府信息情况', '2015年共收到政府信息公开申请30件，其中当面申请10件，网上申请18件，其余2件为信函申请。'));
    expect(got['p.other_channels']).toBeUndefined();
    expect(got['r.new.total']).toBe(30);
    expect(proactive(COUNTY, '主动公开政府信息2546条，其中1070条在政府网站公开，其余1476条通过其他渠道公开。')['p.other_channels']).toBe(1476);
  });
});

describe('review23c: the body naming itself after its division’s figure', () => {
  const proactive = (issuer: string, sentence: string) => read(report(issuer, '二、主动公开政府信息情况', sentence));
  const requests = (issuer: string, sentence: string) => read(report(issuer, '三、依申请公开政府信息情况', sentence));

  it('in a government’s own report (an area summary) its 全县 is its own and 我办/本机关 a part of it: the whole is the total', () => {
    expect(proactive(COUNTY, '2015年，全县共主动公开政府信息1234条，其中我办主动公开300条。')['p.total']).toBe(1234);
    expect(proactive('南宁市人民政府', '2015年，全市共主动公开政府信息23456条，其中本机关主动公开1200条。')['p.total']).toBe(23456);
    expect(proactive('某某区人民政府', '2015年，全区共主动公开政府信息1234条，本机关通过区政府网站公开1000条。')['p.total']).toBe(1234);
    // a bureau's report: the bureau's own count after the division's (kept)
    expect(proactive('杭州市财政局', '2015年，全市共主动公开政府信息23456条，我局主动公开100条。')['p.total']).toBe(100);
    expect(proactive('某某区财政局', '2015年，全区共主动公开政府信息2345条，我局主动公开100条。')['p.total']).toBe(100);
    // the division's system of the bureau's kind is the division's too (was the system's 2345)
    expect(proactive('杭州市财政局', '2015年，全市财政系统共主动公开政府信息2345条，我局主动公开100条。')['p.total']).toBe(100);
  });

  it('the body’s count after its division’s stock (截至…全市累计…，我局…100条) is its stock too, not the year’s', () => {
    expect(proactive('某某市财政局', '截至2015年底，全市累计主动公开政府信息23456条，我局主动公开100条。')['p.total']).toBeUndefined();
    expect(proactive('某某市财政局', '自2008年以来，全市累计主动公开政府信息23456条，我局主动公开100条。')['p.total']).toBeUndefined();
    // the body’s own year after its own stock stays read
    expect(proactive('某某市财政局', '2015年，我局主动公开政府信息100条。')['p.total']).toBe(100);
    expect(requests('某某市财政局', '2015年，我局共受理政府信息公开申请12件。')['r.new.total']).toBe(12);
  });
});

describe('review23c: a named larger division is a subject with its total', () => {
  const proactive = (issuer: string, sentence: string) => read(report(issuer, '二、主动公开政府信息情况', sentence));

  it('共享, 共同, 共建 after a named city are no total of it, nor is a city named after 在 (the body’s own figure stays)', () => {
    for (const sentence of ['2015年，我县在某某市共享平台发布政府信息1234条。', '2015年，我县依托市共享平台主动公开政府信息1234条。', '2015年，我县与某某市共同推进政务公开，主动公开政府信息1234条。']) {
      expect({ sentence, total: proactive(COUNTY, sentence)['p.total'] }).toEqual({ sentence, total: 1234 });
    }
    expect(proactive('某某区人民政府', '2015年，区政府在市共公开政府信息2345条。')['p.total']).toBe(2345);
    // the named city's own total stays another scope's
    expect(proactive(COUNTY, '2015年，某某市共主动公开政府信息23456条。')['p.total']).toBeUndefined();
  });
});

describe('review23c: the area’s total with its groups after 其中', () => {
  const proactive = (issuer: string, sentence: string) => read(report(issuer, '二、主动公开政府信息情况', sentence));
  const requests = (issuer: string, sentence: string) => read(report(issuer, '三、依申请公开政府信息情况', sentence));

  it('groups listed after 其中 in the clauses after the total are its parts: the total stays the area’s', () => {
    for (const sentence of ['2015年，全县各单位共受理政府信息公开申请42件，其中县直部门30件，乡镇12件。', '2015年，全县各部门共受理政府信息公开申请42件，其中县政府办公室受理30件，其他单位受理12件。', '2015年，全县各部门共受理政府信息公开申请42件，其中县政府办公室受理30件，其余单位受理十二件。']) {
      expect({ sentence, total: requests(COUNTY, sentence)['r.new.total'] }).toEqual({ sentence, total: 42 });
    }
    expect(requests('某某区人民政府', '2015年，全区各部门共受理政府信息公开申请42件，其中区直部门30件，镇街12件。')['r.new.total']).toBe(42);
    expect(proactive(COUNTY, '2015年，全县各部门共主动公开政府信息4200条，其中通过政府网站公开3000条，各乡镇通过公开栏公开1200条。')['p.total']).toBe(4200);
    expect(proactive('某某区人民政府', '2015年，全区各部门共主动公开政府信息4200条，其中区政府网站公开3000条，镇街公开1200条。')['p.total']).toBe(4200);
    // a group beside another group before any 其中 is still one group's
    expect(requests(COUNTY, '2015年，县直各单位共受理政府信息公开申请30件，各乡镇共受理12件，其中依申请公开10件。')['r.new.total']).toBeUndefined();
  });
});

describe('review23c: a body’s own subject is no other scope nor one group of units', () => {
  const proactive = (issuer: string, sentence: string) => read(report(issuer, '二、主动公开政府信息情况', sentence));
  const requests = (issuer: string, sentence: string) => read(report(issuer, '三、依申请公开政府信息情况', sentence));

  it('a town’s own subject (镇政府, 街道, 街道办事处) beside other units’ figure is the town’s whole', () => {
    expect(requests('某某镇人民政府', '2015年，镇政府共受理政府信息公开申请3件，其他单位转办1件。')['r.new.total']).toBe(3);
    expect(requests('某某街道办事处', '2015年，街道共受理政府信息公开申请3件，其他单位转来2件。')['r.new.total']).toBe(3);
    expect(proactive('某某街道办事处', '2015年，街道办事处共主动公开政府信息234条，区直部门在辖区公开56条。')['p.total']).toBe(234);
    // in a county's report the towns beside its direct units are still one group
    expect(requests(COUNTY, '2015年，县直单位共受理政府信息公开申请30件，乡镇共受理12件。')['r.new.total']).toBeUndefined();
  });

  it('全区 in a zone’s or a district branch’s report is its own; in a city’s or a county’s still another scope', () => {
    const zone = '芜湖市经济技术开发区管理委员会';
    expect(proactive(zone, '2015年，全区共主动公开政府信息2345条，其中通过开发区门户网站公开2000条。')).toMatchObject({ 'p.total': 2345, 'p.website': 2000 });
    expect(requests(zone, '2015年，全区共受理政府信息公开申请12件，均已按时答复。')['r.new.total']).toBe(12);
    for (const issuer of ['西安市高新区管委会', '某某县某某经济开发区管理委员会']) {
      expect({ issuer, total: proactive(issuer, '2015年，全区共主动公开政府信息2345条。')['p.total'] }).toEqual({ issuer, total: 2345 });
    }
    for (const issuer of ['北京市公安局海淀分局', '南宁市公安局青秀分局']) {
      expect({ issuer, total: proactive(issuer, '2015年，全区公安机关共主动公开政府信息345条。')['p.total'] }).toEqual({ issuer, total: 345 });
    }
    expect(proactive('广西壮族自治区南宁市人民政府', '全区共主动公开政府信息123456条，全市主动公开23456条。')['p.total']).toBe(23456);
    expect(proactive('南宁市财政局', '2015年，全区共主动公开政府信息123456条。')['p.total']).toBeUndefined();
    expect(proactive(COUNTY, '2015年，全区共主动公开政府信息123456条。')['p.total']).toBeUndefined();
  });
});

describe('review23c: bare 区分处理 beside another outcome in Chinese numerals', () => {
  const requests = (sentence: string) => read(report(COUNTY, '三、依申请公开政府信息情况', sentence));

  it('依法公开十件，区分处理三件 reads the partly disclosed three, as with Arabic digits; a sentence with no outcome’s figure still none', () => {
    expect(requests('2015年共受理政府信息公开申请15件，其中依法公开十件，区分处理三件，不予公开两件。')['r.partial.total']).toBe(3);
    expect(requests('2015年共受理政府信息公开申请15件，进一步规范公开工作，区分处理三件。')['r.partial.total']).toBeUndefined();
    expect(requests('2015年，信访部门依法答复十七件，区分处理三件。')['r.partial.total']).toBeUndefined();
  });

  it('what the count says it leaves out (（不含咨询）) is not the sentence’s business; what it includes (（含咨询）) still is', () => {
    expect(requests('2015年共受理政府信息公开申请15件（不含咨询），其中依法公开10件，区分处理3件，不予公开2件。')['r.partial.total']).toBe(3);
    expect(requests('2015年共受理政府信息公开申请15件（含咨询），其中依法公开10件，区分处理3件，不予公开2件。')['r.partial.total']).toBeUndefined();
  });
});

describe('miss24: narrative readings missed before stop 24', () => {
  const requests = (sentence: string) => read(report(COUNTY, '三、依申请公开政府信息情况', sentence));
  const proactive = (sentence: string) => read(report(COUNTY, '二、主动公开政府信息情况', sentence));

  it('every request said to be disclosed, in any words of how (均已公开, 已全部公开, 答复结果均为同意公开, 。上述申请全部予以公开), is every one granted', () => {
    for (const done of ['，均已公开。', '，已全部公开。', '，均按申请人要求予以公开。', '，答复结果均为同意公开。', '，均在规定时间内予以答复，并全部公开。', '。上述申请全部予以公开。', '（其中网上申请3件），均予以公开。', '，比上年增加2件，均予以公开。']) {
      // taken out after review24: the new wordings (均已公开…) read wrong values on qualified subjects, replies and results; only 均予以公开/均同意公开 read.
      // Read again after review35 G2 (a granting act ending its clause, the guards below kept); 上述申请 in the next sentence still not
      const want = !/上述/.test(done) ? 5 : undefined;
      expect({ done, granted: requests(`本年度共受理政府信息公开申请5件${done}`)['r.granted.total'] }).toEqual({ done, granted: want });
    }
  });

  it('…but not past another figure (其中4件, 办结4件), nor an explanation, a way to the information, the web as a place, a refusal or the next sentence on other things', () => {
    expect(requests('本年度共受理政府信息公开申请5件，其中4件均予以公开。')['r.granted.total']).toBe(4);
    for (const after of ['，办结4件，均予以公开。', '，均已向申请人提供书面说明。', '，均已向申请人提供获取信息的途径。', '，均未公开。', '，均在网上公开。', '，办理情况均已在政府网站公开。', '。上述申请中2件不予公开，其余全部公开。', '。全年主动公开政府信息均已公开。']) {
      expect({ after, granted: requests(`本年度共受理政府信息公开申请5件${after}`)['r.granted.total'] }).toEqual({ after, granted: undefined });
    }
  });

  it('the year’s whole before its channels may be in Chinese numerals (主动公开政府信息两千条，其中政府网站一千五百条，其他渠道五百条)', () => {
    // taken out after review24 (a category's whole in numerals, 规范性文件二十件, was read as the year's), read again by review35b C5
    // (COUNT_BEFORE sees a figure in any script); a category's or a stock's whole still gives no channels
    expect(proactive('主动公开政府信息两千条，其中政府网站一千五百条，其他渠道五百条。')).toMatchObject({ 'p.total': 2000, 'p.website': 1500, 'p.other_channels': 500 });
    expect(proactive('主动公开政府信息两千条。其中，政府网站一千五百条，其他渠道五百条。')).toMatchObject({ 'p.website': 1500, 'p.other_channels': 500 });
    const kinds = proactive('全年主动公开政府信息二千条，其中，政务动态一千五百条，其他五百条。');
    expect([kinds['p.website'], kinds['p.other_channels']]).toEqual([undefined, undefined]);
    const stock = proactive('截至年底累计主动公开政府信息二万条，其中，政府网站一万五千条，其他渠道五千条。');
    expect([stock['p.website'], stock['p.other_channels']]).toEqual([undefined, undefined]);
  });

  it('分别为 opening its clause after the two channels’ whole is not read (taken out after review24b: 规范性文件56件，分别为…, 一季度…, 县政府…分别为 were read as the year’s shares)', () => {
    for (const sentence of [
      '全年通过网站和其他渠道共公开政府信息856条，分别为700条和156条。',
      '全年通过网站和其他渠道共公开政府信息900条，分别为700条和156条。',
      '全年共公开政府信息856条，分别为700条和156条。',
      '全年通过网站、政务微博和政务微信共发布信息856条，分别为700条、100条和56条。',
      '各乡镇通过网站和其他渠道共公开政府信息856条，分别为700条和156条。',
      '全年通过网站和其他渠道共公开政府信息856条，比上年分别增加70条和15条。',
    ]) {
      const got = proactive(sentence);
      expect({ sentence, values: [got['p.website'], got['p.other_channels']] }).toEqual({ sentence, values: [undefined, undefined] });
    }
  });

  it('the figure before its channel after the year it is said of (本年度共有1000条信息在政府网站上公开), not after another year or subject', () => {
    // taken out after review24 (本年度共有1000条信息在政府网站上公开征求意见 / 依申请公开信息 were read as shares): not read any more
    expect(proactive('本年度共有1000条信息在政府网站上公开，234条信息通过其他渠道公开。')['p.website']).toBeUndefined();
    for (const sentence of ['2014年有1000条信息在政府网站上公开。', '本年度各乡镇共有1000条信息在政府网站上公开。', '本年度共有1000条信息在政府网站上被浏览。']) {
      expect({ sentence, website: proactive(sentence)['p.website'] }).toEqual({ sentence, website: undefined });
    }
  });
});

describe('miss24: outcomes before their total, a bare act after its figure', () => {
  const requests = (sentence: string) => read(report(COUNTY, '三、依申请公开政府信息情况', sentence));

  it('the outcomes’ figures before a clause that only totals them (，合计12件; ，共答复12件) are not read as the requests handled', () => {
    // taken out after review24b (a disclosed-only subtotal, outcomes after the total, a part named before in other words were read as the handled)
    for (const sentence of ['同意公开9件，部分公开2件，不予公开1件，合计12件。', '同意公开9件，部分公开2件，信息不存在1件，共12件。', '其中同意公开9件，部分公开2件，合计11件。','同意公开9件，部分公开2件，不予公开1件，合计11件。', '网上申请8件，当面申请4件，合计12件。', '上年同意公开9件，部分公开2件，合计11件。', '同意公开9件，同意公开2件，合计11件。']) {
      expect({ sentence, handled: requests(`本年度共受理政府信息公开申请12件。${sentence}`)['r.handled.total'] }).toEqual({ sentence, handled: undefined });
    }
    // under a heading about proactive disclosure the items disclosed in full or in part are no outcomes
    expect(read(report(COUNTY, '二、主动公开政府信息情况', '全文公开9件，部分公开2件，合计11件。'))['r.handled.total']).toBeUndefined();
  });

  it('the bare act after its figure in a list of outcomes (其中9件公开，2件部分公开) is the granted; not one beside no other outcome, nor 公开征求意见', () => {
    // taken out after review24 (议题, 项, another year, proposals, the towns' 9件公开 were read as granted): the bare act is not read any more
    const bare = requests('本年度共受理政府信息公开申请12件，办结12件，其中9件公开，2件部分公开，1件不予公开。');
    expect([bare['r.granted.total'], bare['r.partial.total']]).toEqual([undefined, 2]);
    expect(requests('本年度共受理政府信息公开申请12件，其中9件公开，3件正在办理。')['r.granted.total']).toBeUndefined();
    expect(requests('本年度共受理政府信息公开申请12件，其中9件公开征求意见，2件部分公开。')['r.granted.total']).toBeUndefined();
  });
});

// review24 (an adversarial review of the four rules of miss24): each sentence below read a wrong value, or lost a right one.
// Each must read its right value, or nothing where nothing is right ("…" is 本年度共受理政府信息公开申请N件).
describe('review24: the right value or none on sentences miss24 misread', () => {
  const Q = '本年度共受理政府信息公开申请';
  const at = (heading: string, issuer: string) => (sentence: string) => read(report(issuer, ...heading.split('\n').filter((h) => h !== ''), sentence));
  const requests = at('三、依申请公开政府信息情况', COUNTY);
  const proactive = at('二、主动公开政府信息情况', COUNTY);
  type Reader = (sentence: string) => Record<string, number>;
  type Case = [Reader, string, Record<string, number | undefined>];
  const check = (cases: Case[]) => {
    for (const [reader, sentence, want] of cases) {
      const got = reader(sentence);
      const seen = Object.fromEntries(Object.keys(want).map((m) => [m, got[m]]));
      expect({ sentence, seen }).toEqual({ sentence, seen: want });
    }
  };
  const REQUESTS = requests;
  const PROACTIVE = proactive;
  const BUREAU_PROACTIVE = at('二、主动公开政府信息情况', BUREAU);
  const none = { 'r.granted.total': undefined };

  it('均已公开 only when all of the requests themselves are disclosed: not a qualified part, an exception, a reply, the results, last year’s', () => {
    check([
      ...['对能够公开的均已公开。', '属于公开范围的均已公开。', '除涉及个人隐私的外，其余均已公开。', '除个别申请外，均已全部公开。', '均已向申请人提供书面答复。', '均已按时提供答复意见。', '已办结的均已公开，另有一件正在办理中。', '涉及本机关职责的均已依法公开。', '均已公开办理结果。', '所有答复均已公开。', '可以公开的均已公开。', '经审核大部分均已公开。', '上年度受理的申请均已公开。', '均已提供书面答复。', '可以公开的全部予以公开。', '经审核大部分均予以公开。', '除涉及个人隐私的外，其余均予以公开。', '均予以提供书面答复。', '上年度受理的申请均予以公开。']
        .map((t): Case => [REQUESTS, `${Q}5件，${t}`, none]),
      ...['。上述申请中涉及本机关的信息均已公开，其余已告知申请人向有关机关申请。', '。上述申请中涉及本机关的信息均予以公开，其余已告知申请人向有关机关申请。', '。这些申请中，对于不涉密的均已公开。', '。上述申请办理完毕后，办理结果均已公开。', '。对申请人所需信息，除涉及国家秘密外，一律公开。', '。对所有申请均已及时提供答复。']
        .map((t): Case => [REQUESTS, `${Q}5件${t}`, none]),
    ]);
  });

  it('均 belongs to the last request figure before it; a breakdown that adds up, or figures in 条, % or 个工作日, keep the whole (old values kept)', () => {
    check(['，其中网上申请3件、信函申请2件，均予以公开。', '，办结5件，均予以公开。', '，均在15个工作日内予以答复，全部予以公开。', '，涉及信息12条，均予以公开。', '，已全部办结，办结率100%，均予以公开。', '，其中自然人申请4件，法人申请1件，均同意公开。', '，答复5件，均同意公开。']
      .map((t): Case => [REQUESTS, `${Q}5件${t}`, { 'r.granted.total': 5 }]));
    check([[REQUESTS, `${Q}五件，其中网上申请三件，信函申请两件，均予以公开。`, { 'r.granted.total': 5 }]]);
  });

  it('channel shares: not another year’s, another scope’s, a consultation, requested information, a category’s whole', () => {
    const noChannels = { 'p.website': undefined, 'p.other_channels': undefined };
    check([
      [PROACTIVE, '2014年通过政府网站和其他渠道共公开政府信息856条，分别为700条和156条。', noChannels],
      [PROACTIVE, '本年度主动公开政府信息2000条。2014年通过政府网站和其他渠道共公开政府信息856条，分别为700条和156条。', noChannels],
      [BUREAU_PROACTIVE, '全县通过政府网站和其他渠道共公开政府信息856条，分别为700条和156条。', noChannels],
      [PROACTIVE, '本年度共有1000条信息在政府网站上公开征求意见。', { 'p.website': undefined }],
      [PROACTIVE, '全年共有1000条依申请公开信息在政府网站上公开。', { 'p.website': undefined }],
      [PROACTIVE, '本年度主动公开规范性文件二十件，其中政府网站二十件，其他渠道五件。', { 'p.other_channels': undefined }],
      [PROACTIVE, '本年度依申请公开政府信息二十条，其中政府网站十五条，其他渠道五条。', { 'p.other_channels': undefined }],
    ]);
  });

  it('合计/共 after outcomes is the year’s handled only for the year’s own requests, and never replaces a whole stated for all', () => {
    const noHandled = { 'r.handled.total': undefined };
    check([
      [REQUESTS, `${Q}20件，其中网上申请12件：同意公开9件，部分公开2件，不予公开1件，合计12件。`, noHandled],
      [REQUESTS, `${Q}20件。其中涉及征地信息的申请中，同意公开9件，部分公开2件，不予公开1件，共12件。`, noHandled],
      [REQUESTS, `${Q}15件。对当面申请的，同意公开9件，部分公开3件，合计12件。`, noHandled],
      [REQUESTS, `${Q}15件。自然人申请中，同意公开9件，不予公开3件，合计12件。`, noHandled],
      [REQUESTS, `${Q}15件。其中，以书面形式答复，同意公开9件，不予公开3件，合计12件；以电子邮件形式答复3件。`, noHandled],
      [REQUESTS, `${Q}15件。上年结转申请12件，其中同意公开9件，部分公开2件，不予公开1件，合计12件。`, noHandled],
      [REQUESTS, `${Q}15件。跨年度办理的申请中，同意公开9件，不予公开3件，合计12件。`, noHandled],
      [REQUESTS, `${Q}12件，其中同意公开9件，部分公开2件，不予公开1件。办理信访事项中，同意公开3件，不予公开2件，共5件。`, noHandled],
      [REQUESTS, '本年度接到群众咨询12件，其中提供所需信息9件，不予提供3件，合计12件。', noHandled],
      [REQUESTS, '本年度共办理人大代表建议和政协提案12件，其中同意公开9件，不予公开3件，合计12件。', noHandled],
      [REQUESTS, `${Q}10件，不予公开2件，合计12件。`, noHandled],
      [REQUESTS, `${Q}14件，同意公开9件，部分公开2件，不予公开1件，合计12件；撤回申请2件。`, noHandled],
      [REQUESTS, `${Q}15件，均已办结。其中同意公开9件，部分公开3件，合计12件；不予公开3件。`, { 'r.handled.total': 15 }],
      [REQUESTS, `${Q}15件，均已按时办结。其中，同意公开和部分公开的：同意公开9件，部分公开3件，共12件。`, { 'r.handled.total': 15 }],
    ]);
  });

  it('a bare 9件公开 is no granted figure outside this body’s requests of the year (公文, 议题, 项, another year, proposals, a subset, the towns)', () => {
    check([
      ...['本年度共召开县政府常务会议12次，审议议题30件，其中25件公开，5件不予公开。', '申请人申请的20项信息中，15项公开，5项不予公开。', '2014年受理申请10件，其中8件公开，2件不予公开。', '建议提案办理结果中，12件公开，3件不予公开。', '人大代表建议和政协提案复文12件，其中9件公开，3件不予公开。', '其中，涉及市政府的9件公开，6件不予公开。', '各乡镇受理申请30件，其中20件公开，10件不予公开。']
        .map((t): Case => [REQUESTS, `${Q}15件。${t}`, none]),
    ]);
    expect(at('四、公文公开属性审查情况', COUNTY)('全年审查拟发文件120件，其中90件公开，20件依申请公开，10件不予公开。')['r.granted.total']).toBeUndefined();
  });

  it('回复 as handled: not what is still to be replied, late replies, a part, a notice, a clause about replies, last year’s', () => {
    const noHandled = { 'r.handled.total': undefined };
    check([
      ...['待回复2件。', '等待回复2件。', '拟回复2件。', '逾期回复0件。', '未按期办复0件。', '超时回复1件。', '超期回复0件。', '当场回复3件。', '集中回复同类申请3件。', '回复申请人补正通知2件。']
        .map((t): Case => [REQUESTS, `${Q}12件，${t}`, noHandled]),
      [REQUESTS, `${Q}12件。受理的申请中，需补正后回复2件。`, noHandled],
      ...['其中，超期回复0件，被申请行政复议0件。', '其中，当场回复3件，延期回复1件。', '对其中3件已处理的申请进行了回访。', '申请人对3件回复不满意。']
        .map((t): Case => [REQUESTS, `${Q}12件，均已办结。${t}`, { 'r.handled.total': 12 }]),
      [REQUESTS, `${Q}12件。上年结转的3件申请已回复3件。`, { 'r.carried_in.total': 3, 'r.handled.total': undefined }],
      [REQUESTS, `${Q}12件，均已办结。上年结转的1件已回复。`, { 'r.carried_in.total': 1 }],
    ]);
    expect(requests(`${Q}12件，均已办结。上年结转的1件已回复。`)['r.handled.total']).not.toBe(1);
  });
});
