// Old wrong readings that review24 and review24b found (both parsers wrong), each in a whole small
// report through the whole parser, beside the right readings near them that must stay. No report
// of ../shared/corpus words these sentences so: each is written by hand the way reports state them.
import { describe, expect, it } from 'vitest';
import { narrativeReport, printedValues } from '../../helpers/narrative-report';

const report = narrativeReport;

const read = printedValues;

const COUNTY = '某某县人民政府';
const BUREAU = '某某县财政局';
const requests = (sentence: string, issuer = COUNTY) => read(report(issuer, '三、依申请公开政府信息情况', sentence));
const proactive = (sentence: string, issuer = COUNTY) => read(report(issuer, '二、主动公开政府信息情况', sentence));

describe('a reply of one kind, or intended, is no count of every reply', () => {
  it('当场答复3件 and 拟答复2件 are no r.handled.total; the received figure stays', () => {
    for (const part of ['当场答复3件', '当场回复3件', '集中答复同类申请3件', '拟答复2件']) {
      const got = requests(`本年度共受理政府信息公开申请12件，${part}。`);
      expect({ part, handled: got['r.handled.total'], received: got['r.new.total'] }).toEqual({ part, handled: undefined, received: 12 });
    }
  });

  it('a part on the spot after 均已办结 leaves the whole handled (12, not 3)', () => {
    expect(requests('本年度共受理政府信息公开申请12件，均已办结。其中，当场答复3件，延期答复1件。')['r.handled.total']).toBe(12);
  });

  it('按时答复11件 beside 逾期答复1件 is a part: no handled 11', () => {
    for (const late of ['逾期答复1件', '超期答复1件', '1件逾期答复']) {
      expect({ late, handled: requests(`本年度共受理政府信息公开申请12件，按时答复11件，${late}。`)['r.handled.total'] }).toEqual({ late, handled: undefined });
    }
  });

  it('the whole reply stays read: 共答复12件, 已答复12件, 按时答复12件 alone', () => {
    for (const all of ['共答复12件', '已答复12件', '按时答复12件', '已按时办结12件']) {
      expect({ all, handled: requests(`本年度共受理政府信息公开申请12件，${all}。`)['r.handled.total'] }).toEqual({ all, handled: 12 });
    }
  });
});

// A department's report quoting its whole division's figures, and any report a larger division's: only the subject
// the figure's clause has or inherits decides (rules/own-area underOtherScope), never a 全X anywhere in the sentence
// (f83726b, reverted: it hid the body's own figures; review25-readings keeps those).
describe('a department’s report: the whole division’s figure', () => {
  it('全县各部门…50件 in a bureau’s report is not the bureau’s', () => {
    const got = requests('全县各部门共受理政府信息公开申请50件，均予以公开。', BUREAU);
    expect([got['r.new.total'], got['r.granted.total']]).toEqual([undefined, undefined]);
    expect(proactive('本年度全市主动公开政府信息50000条。', '杭州市财政局')['p.total']).toBeUndefined();
  });

  it('the body’s own figure after the division’s is the one read', () => {
    const got = requests('全县共受理政府信息公开申请15件。本局共受理政府信息公开申请3件，均予以公开。', BUREAU);
    expect([got['r.new.total'], got['r.granted.total']]).toEqual([3, 3]);
    expect(proactive('本年度，我局主动公开政府信息500条。全县各部门共主动公开政府信息12000条。', BUREAU)['p.total']).toBe(500);
  });

  it('a government’s own report still reads its division’s figures (全县, 全市)', () => {
    const got = requests('全县各部门共受理政府信息公开申请50件，均予以公开。');
    expect([got['r.new.total'], got['r.granted.total']]).toEqual([50, 50]);
    expect(proactive('本年度全县主动公开政府信息12000条。')['p.total']).toBe(12000);
    expect(proactive('本年度全市主动公开政府信息50000条。', '杭州市人民政府')['p.total']).toBe(50000);
    expect(requests('全区各部门共受理政府信息公开申请50件。', '某某区人民政府')['r.new.total']).toBe(50);
  });

  it('the whole’s subject carries on to the clauses after it: its bodies, or its count', () => {
    const inherited = requests('全县各部门高度重视，共受理政府信息公开申请50件，均予以公开。', BUREAU);
    expect([inherited['r.new.total'], inherited['r.granted.total']]).toEqual([undefined, undefined]);
    for (const sentence of ['全县共受理政府信息公开申请15件，均已办结。', '全县共受理政府信息公开申请15件，办结15件。']) {
      const continued = requests(sentence, BUREAU);
      expect({ sentence, read: [continued['r.new.total'], continued['r.handled.total']] }).toEqual({ sentence, read: [undefined, undefined] });
    }
    const outcomes = requests('全县各级行政机关共受理政府信息公开申请50件，其中同意公开40件，不予公开10件。', BUREAU);
    expect([outcomes['r.granted.total'], outcomes['r.denied.total.total']]).toEqual([undefined, undefined]);
    const channel = proactive('全县各部门共主动公开政府信息12000条，其中通过政府网站公开8000条。', BUREAU);
    expect([channel['p.total'], channel['p.website']]).toEqual([undefined, undefined]);
  });

  it('every division’s whole in its department’s report: 全市 after a time, 全省, 全区, 我县各部门', () => {
    expect(proactive('2015年，全市各级行政机关共主动公开政府信息50000条。', '杭州市财政局')['p.total']).toBeUndefined();
    expect(proactive('全省共主动公开政府信息90000条。本厅主动公开政府信息900条。', '某某省财政厅')['p.total']).toBe(900);
    // a larger division's system is never the body's own (its own division's may be: 全市国税系统, below)
    expect(proactive('全省财政系统共主动公开政府信息99999条。本局主动公开政府信息800条。', '杭州市财政局')['p.total']).toBe(800);
    expect(requests('全区各部门共受理政府信息公开申请50件。', '某某区财政局')['r.new.total']).toBeUndefined();
    expect(requests('我县各部门共受理政府信息公开申请50件。本局共受理政府信息公开申请3件。', BUREAU)['r.new.total']).toBe(3);
  });

  it('the body named as what the whole includes or as an object is no subject of its own', () => {
    for (const sentence of ['全县各部门（含本局）共受理政府信息公开申请50件。', '全县各部门（包括我局）共受理政府信息公开申请50件。', '全县含本局在内共受理政府信息公开申请50件。']) {
      expect({ sentence, received: requests(sentence, BUREAU)['r.new.total'] }).toEqual({ sentence, received: undefined });
    }
    expect(proactive('全县各单位向本局报送并主动公开政府信息500条。', BUREAU)['p.total']).toBeUndefined();
  });

  it('after the whole’s figure, 其中本局… is the body’s own, no part of the whole', () => {
    expect(requests('全县共受理政府信息公开申请15件，其中本局受理3件。', BUREAU)['r.new.total']).toBe(3);
    expect(proactive('本年度全县主动公开政府信息12000条，其中本局主动公开800条。', BUREAU)['p.total']).toBe(800);
  });

  it('in a government’s report too, 其中我县/本机关… after a larger division’s whole is its own', () => {
    expect(requests('全区共受理政府信息公开申请500件，其中我县受理12件。')['r.new.total']).toBe(12);
    expect(requests('全市各级行政机关共受理政府信息公开申请500件，其中本机关受理12件，均予以公开。')['r.new.total']).toBe(12);
    expect(requests('全市共受理政府信息公开申请500件，其中依申请公开300件。')['r.granted.total']).toBeUndefined();
  });

  it('the body’s own figures beside a 全X that is no subject of theirs stay read', () => {
    const first = requests('在全县率先开通网上申请渠道，全年共受理政府信息公开申请6件，均予以公开。', BUREAU);
    expect([first['r.new.total'], first['r.granted.total']]).toEqual([6, 6]);
    const own = proactive('全市政务公开工作要点印发后，我局主动公开政府信息800条，其中政府网站公开600条。', '杭州市财政局');
    expect([own['p.total'], own['p.website']]).toEqual([800, 600]);
    // a clause of the whole that counts nothing is no subject of the next clause's figure
    expect(proactive('全县政府信息公开工作有序开展，本年度主动公开政府信息500条。', BUREAU)['p.total']).toBe(500);
    // 全县 going on with a noun of work, or the body's own line's system, is no whole of the division
    expect(proactive('全县政务公开工作要点印发后本年度主动公开政府信息800条。', BUREAU)['p.total']).toBe(800);
    expect(proactive('全县财政系统共主动公开政府信息600条。', BUREAU)['p.total']).toBe(600);
    expect(requests('全市国税系统共受理政府信息公开申请20件，均予以公开。', '某某市国家税务局')['r.new.total']).toBe(20);
  });

  it('a larger division’s whole follows the same clause rule in every report: a clause of it that counts nothing is no subject', () => {
    for (const [sentence, issuer] of [['全市政务公开工作要点印发后，本年度主动公开政府信息800条。', COUNTY], ['全市政务公开工作要点印发后，本年度主动公开政府信息800条。', BUREAU], ['全市率先建成政府信息公开专栏，全年主动公开政府信息800条。', COUNTY]]) {
      expect({ sentence, issuer, total: proactive(sentence, issuer)['p.total'] }).toEqual({ sentence, issuer, total: 800 });
    }
    // its count, its bodies or a predicate going on from it (共…, not a clause opening with its time) are the subject of what follows
    expect(proactive('全市高度重视政务公开，共主动公开政府信息23456条。')['p.total']).toBeUndefined();
    // the whole a body ranks in (全县率先) is no subject
    expect(proactive('全县率先建成政府信息公开专栏，主动公开政府信息500条。', BUREAU)['p.total']).toBe(500);
    const counted = requests('全市共受理政府信息公开申请500件，办结480件。');
    expect([counted['r.new.total'], counted['r.handled.total']]).toEqual([undefined, undefined]);
    expect(requests('全市各单位高度重视，共受理政府信息公开申请500件。')['r.new.total']).toBeUndefined();
    expect(proactive('全市各单位共主动公开政府信息23456条。', COUNTY)['p.total']).toBeUndefined();
    // many governments are no name of the issuer's own (某某县人民政府), many bureaus none of the bureau's
    expect(requests('全市各级人民政府共受理政府信息公开申请500件。')['r.new.total']).toBeUndefined();
    expect(requests('全县各级财政局共受理政府信息公开申请50件。', BUREAU)['r.new.total']).toBeUndefined();
  });

  it('a county government’s report reads the same sentences as its own', () => {
    const inherited = requests('全县各部门高度重视，共受理政府信息公开申请50件，均予以公开。');
    expect([inherited['r.new.total'], inherited['r.granted.total']]).toEqual([50, 50]);
    expect(requests('全县共受理政府信息公开申请15件，均已办结。')['r.handled.total']).toBe(15);
    const channel = proactive('全县各部门共主动公开政府信息12000条，其中通过政府网站公开8000条。');
    expect([channel['p.total'], channel['p.website']]).toEqual([12000, 8000]);
  });
});

describe('consultations are not requests', () => {
  it('接到群众咨询…提供所需信息9件，不予提供3件 gives no outcome of requests', () => {
    const got = requests('本年度接到群众咨询12件，其中提供所需信息9件，不予提供3件，合计12件。');
    expect([got['r.granted.total'], got['r.denied.total.total'], got['r.handled.total']]).toEqual([undefined, undefined, undefined]);
    expect(requests('本年度共受理政府信息公开申请12件。对群众咨询，同意公开9件。')['r.granted.total']).toBeUndefined();
    const beside = requests('本年度共受理政府信息公开申请12件。接到群众咨询30件，其中提供所需信息20件，不予提供10件。');
    expect([beside['r.new.total'], beside['r.granted.total'], beside['r.denied.total.total']]).toEqual([12, undefined, undefined]);
  });

  it('对照/对比 (compare against) is no 对 taking in a consultation: 同意公开9件 stays the requests’', () => {
    expect(requests('本年度共受理政府信息公开申请12件。对照信访条例要求，同意公开9件。')['r.granted.total']).toBe(9);
    expect(requests('本年度共受理政府信息公开申请12件。对比咨询台账，同意公开9件。')['r.granted.total']).toBe(9);
  });

  it('the requests’ own outcomes stay read', () => {
    const got = requests('本年度共受理政府信息公开申请12件，其中提供所需信息9件，不予提供3件。');
    expect([got['r.new.total'], got['r.granted.total'], got['r.denied.total.total']]).toEqual([12, 9, 3]);
    // requests passed on to the petitions office are still requests
    expect(requests('本年度共受理政府信息公开申请12件。其中转信访部门处理3件，同意公开9件，合计12件。')['r.granted.total']).toBe(9);
  });
});

describe('what is not disclosure through the website', () => {
  it('drafts put out for comment on the website are no website share', () => {
    expect(proactive('共有1000条信息在政府网站上公开征求意见。')['p.website']).toBeUndefined();
    expect(proactive('上述信息中，1070条在政府网站公开，1476条通过其他方式公开。')['p.website']).toBe(1070);
  });

  it('a category’s whole (规范性文件二十件) or what was disclosed on request before 其中政府网站… gives no channel share', () => {
    for (const s of ['本年度主动公开规范性文件二十件，其中政府网站二十件，其他渠道五件。', '本年度主动公开规范性文件20件，其中政府网站20件，其他渠道5件。', '本年度依申请公开政府信息二十条，其中政府网站十五条，其他渠道五条。']) {
      const got = proactive(s);
      expect({ s, web: got['p.website'], other: got['p.other_channels'] }).toEqual({ s, web: undefined, other: undefined });
    }
  });

  it('the year’s information as the whole keeps its channels', () => {
    const got = proactive('本年度主动公开政府信息2000条，其中政府网站1500条，其他渠道500条。');
    expect([got['p.total'], got['p.website'], got['p.other_channels']]).toEqual([2000, 1500, 500]);
  });
});
