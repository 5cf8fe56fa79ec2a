// What review25 found in fix25's rules (new wrong readings and right readings lost), each in a whole
// small report through the whole parser: the wrong value gone, the right value kept. Written by hand
// the way reports state them; no report of ../shared/corpus words these sentences so.
import { describe, expect, it } from 'vitest';
import { narrativeReport, printedValues } from '../../helpers/narrative-report';

const report = narrativeReport;

const read = printedValues;

const COUNTY = '某某县人民政府';
const RECEIVED = '本年度共受理政府信息公开申请12件，';
const requests = (sentence: string, issuer = COUNTY) => read(report(issuer, '三、依申请公开政府信息情况', sentence));
const handled = (sentence: string) => requests(sentence)['r.handled.total'];

describe('a reply of one manner, late or intended is a part: no lone other figure is all replies', () => {
  it('figure before its act, in either order: no r.handled.total', () => {
    for (const list of ['11件按时答复，1件逾期答复', '11件按时答复，1件超时答复', '10件按时答复，2件未按时答复', '11件予以答复，1件逾期答复', '9件书面答复，3件当场答复', '9件已答复，3件当场答复', '3件当场答复，9件按时答复', '9件在法定期限内答复，3件当场答复', '9件按规定期限答复，3件当面答复', '11件答复，1件当场答复', '11件按时答复，逾期答复1件']) {
      const got = requests(`${RECEIVED}${list}。`);
      expect({ list, handled: got['r.handled.total'], received: got['r.new.total'] }).toEqual({ list, handled: undefined, received: 12 });
    }
    expect(handled('本年度共受理政府信息公开申请12件。11件按时答复，1件逾期答复。')).toBeUndefined();
  });

  it('a whole stated for all requests still wins (全部办结 before the parts: 12, not 11)', () => {
    expect(handled(`${RECEIVED}全部办结，11件按时答复，1件逾期答复。`)).toBe(12);
    expect(handled(`${RECEIVED}均已办结。当场答复3件，延期答复2件。`)).toBe(12);
  });

  it('the sum stated after the parts is the whole', () => {
    expect(handled(`${RECEIVED}已当场答复3件，书面答复9件，合计答复12件。`)).toBe(12);
    expect(handled(`${RECEIVED}按时答复11件，逾期答复1件，共答复12件。`)).toBe(12);
  });
});

describe('the on-time figure stays the whole when no late reply of this year stands beside it', () => {
  it('late replies 0, 零, or a rate of 0', () => {
    for (const late of ['按时答复12件，逾期答复0件', '按时办结12件，超期办结0件', '按时答复12件，逾期答复零件', '按时答复12件，逾期答复率为0', '已按时答复12件，其中逾期答复0件']) {
      expect({ late, handled: handled(`${RECEIVED}${late}。`) }).toEqual({ late, handled: 12 });
    }
  });

  it("another year's late replies", () => {
    expect(handled(`${RECEIVED}按时答复12件，上年逾期答复2件。`)).toBe(12);
    expect(handled(`${RECEIVED}按时答复12件，按时答复率100%，较上年逾期答复2件有明显改进。`)).toBe(12);
    expect(handled(`${RECEIVED}按时答复12件，超期答复1件（上年结转）。`)).toBe(12);
  });

  it('late and not replied, or put off to next year: carried, not replied', () => {
    expect(handled(`${RECEIVED}已按期答复11件，逾期未答复1件。`)).toBe(11);
    const got = requests(`${RECEIVED}按时答复11件，超期未答复1件，已结转下年度。`);
    expect([got['r.handled.total'], got['r.carried_out.total']]).toEqual([11, 1]);
    expect(handled(`${RECEIVED}按时答复10件，2件延期至2016年答复。`)).toBe(10);
  });

  it('a late reply made this year still makes the on-time figure a part', () => {
    expect(handled(`${RECEIVED}按时答复11件，逾期答复1件。`)).toBeUndefined();
  });
});

describe('the part test is for handled figures only, not for receiving', () => {
  it('当面办理 / 集中办理 as a way of receiving keep the figure', () => {
    expect(requests('本年度通过窗口当面办理共受理政府信息公开申请12件。')['r.new.total']).toBe(12);
    expect(handled('本年度集中办理政府信息公开申请12件。')).toBe(12);
  });

  it('当场答复3件 beside the received figure is still no handled figure', () => {
    expect(handled(`${RECEIVED}当场答复3件。`)).toBeUndefined();
  });
});

const proactive = (sentence: string, issuer = COUNTY) => read(report(issuer, '二、主动公开政府信息情况', sentence));
const channels = (sentence: string) => {
  const got = proactive(sentence);
  return [got['p.website'], got['p.other_channels']];
};

describe('the whole the parts after 其中 fit under', () => {
  it('a count smaller than the parts, or in a gloss, is not their whole: the channels stay read', () => {
    expect(channels('本年度主动公开政府信息2000条，依申请公开政府信息20条，其中政府网站1500条，其他渠道500条。')).toEqual([1500, 500]);
    expect(channels('全年共公开政府信息2020条（主动公开2000条，依申请公开20条），其中政府网站1520条，其他渠道500条。')).toEqual([1520, 500]);
    expect(channels('本年度主动公开政府信息2000条（含依申请公开转主动20条），其中政府网站1500条，其他渠道500条。')).toEqual([1500, 500]);
    expect(channels('本年度主动公开政府信息2000条（其中依申请公开转主动公开20条），其中政府网站1500条，其他渠道500条。')).toEqual([1500, 500]);
  });

  it('a kind or what was disclosed on request as the whole still gives no channel share', () => {
    expect(channels('本年度主动公开规范性文件二十件，其中政府网站二十件，其他渠道五件。')).toEqual([undefined, undefined]);
    expect(channels('本年度依申请公开政府信息20条，其中政府网站15条，其他渠道5条。')).toEqual([undefined, undefined]);
  });

  it('a website figure larger than the year’s whole read in the report is never its share (3000 > 2000)', () => {
    for (const s of ['本年度主动公开政府信息2000条，依申请公开20条，其中政府网站1500条。政府网站共发布信息3000条。', '本年度主动公开政府信息2000条（含依申请公开转主动20条），其中政府网站1500条。政府网站共发布信息3000条。']) {
      const got = proactive(s);
      expect({ s, total: got['p.total'], web: got['p.website'] === 3000 }).toEqual({ s, total: 2000, web: false });
    }
  });
});

describe('公开征求意见 takes the figure only as its own predicate', () => {
  it('a consultation joined after the figure with its own object leaves the figure read', () => {
    expect(proactive('本年度在政府网站主动公开政府信息1000条并对5项重大决策公开征求意见。')['p.website']).toBe(1000);
    expect(proactive('本年度通过政府网站主动公开政府信息1000条和公开征求意见草案5件。')['p.website']).toBe(1000);
    expect(proactive('本年度通过政府网站公开政府信息1000条及公开征求意见信息20条。')['p.website']).toBe(1000);
    expect(proactive('本年度主动公开政府信息1000条并就20件草案公开征求意见。')['p.total']).toBe(1000);
    expect(proactive('本年度主动公开政府信息1000条并及时公开征求意见。')['p.total']).toBe(1000);
  });

  it('items put out for comment are still no website share', () => {
    expect(proactive('共有1000条信息在政府网站上公开征求意见。')['p.website']).toBeUndefined();
  });
});

describe('what the outcomes belong to: a consultation counted or taken in, not a body consulted', () => {
  it('a body consulted, an adverbial or a topic naming 咨询/信访/投诉/建议/来信 leaves the outcomes read', () => {
    for (const s of ['经咨询相关部门，同意公开9件，不予公开3件。', '根据法律顾问建议，同意公开9件，不予公开3件。', '内容主要涉及征地补偿、信访处理等，同意公开9件，不予公开3件。', '按照信息公开答复规范，经与法制、信访等部门会商，依法作出答复：同意公开9件，不予公开3件。']) {
      const got = requests(`本年度共受理政府信息公开申请12件。${s}`);
      expect({ s, granted: got['r.granted.total'], denied: got['r.denied.total.total'] }).toEqual({ s, granted: 9, denied: 3 });
    }
    const partly = requests('本年度共受理政府信息公开申请12件。在征求信访部门意见后，同意公开9件，部分公开1件，不予公开2件。');
    expect([partly['r.granted.total'], partly['r.partial.total'], partly['r.denied.total.total']]).toEqual([9, 1, 2]);
  });

  it('consultations taken in still give no outcome of requests', () => {
    const got = requests('本年度接到群众咨询12件，其中提供所需信息9件，不予提供3件，合计12件。');
    expect([got['r.granted.total'], got['r.denied.total.total']]).toEqual([undefined, undefined]);
  });
});

describe('a department’s 全县 clause that is no subject of the figure (f83726b reverted)', () => {
  const BUREAU = '某某县财政局';
  const proactive = (sentence: string, issuer: string) => read(report(issuer, '二、主动公开政府信息情况', sentence));
  it('the bureau’s own figure after a 全县/全市 clause is read', () => {
    for (const [s, issuer] of [['全县率先建成政府信息公开专栏，全年主动公开政府信息500条。', BUREAU], ['全县政府信息公开工作中，县财政局共主动公开政府信息500条。', BUREAU], ['全县各部门中我局主动公开政府信息最多，达500条。', BUREAU], ['全县政务公开工作会议后，局机关共主动公开政府信息500条。', BUREAU]]) {
      expect({ s, total: proactive(s, issuer)['p.total'] }).toEqual({ s, total: 500 });
    }
    expect(proactive('全市政务公开工作要点印发后，本年度主动公开政府信息800条。', '杭州市财政局')['p.total']).toBe(800);
  });
});

// review25b, on the fixes above: a 共 inside a word is no stated sum; a late figure that is a change or
// another year's is no part of this year's replies.
describe('review25b: a stated sum heads its clause; a change is no part', () => {
  it('共 inside a word (公共, 共享, 中共, 共同, 共性) or one channel’s 共计 makes no reply figure the whole', () => {
    for (const list of ['当场答复3件，通过公共平台答复9件', '当场答复3件，通过信息共享平台答复9件', '当场答复3件，对中共党员申请人答复9件', '当场答复3件，会同相关部门共同答复9件', '1件逾期答复，与相关单位共同答复11件', '当场答复3件，共性问题统一答复9件', '当场答复3件，网上答复共计6件']) {
      expect({ list, handled: handled(`${RECEIVED}${list}。`) }).toEqual({ list, handled: undefined });
    }
  });

  it('a sum stated at its clause’s head is still the whole', () => {
    expect(handled(`${RECEIVED}书面答复9件，当场答复3件，共计答复12件。`)).toBe(12);
    expect(handled(`${RECEIVED}当场答复3件，书面答复9件，全年共答复12件。`)).toBe(12);
  });

  it('a late figure that is a change or last year’s leaves the on-time figure the whole', () => {
    for (const late of ['逾期答复同比下降2件', '逾期答复较上年减少2件', '与上年相比逾期答复减少2件', '上一年度逾期答复2件']) {
      expect({ late, handled: handled(`${RECEIVED}按时答复12件，${late}。`) }).toEqual({ late, handled: 12 });
    }
    expect(handled(`${RECEIVED}按时答复11件，逾期答复1件。`)).toBeUndefined();
  });
});
