// What review25 found in fix25's rules (new wrong readings and right readings lost), each in a whole
// small report through the whole parser: the wrong value gone, the right value kept. Written by hand
// the way reports state them; no report of ../shared/corpus words these sentences so.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/parse';

const report = (issuer: string, ...body: string[]) =>
  [
    `${issuer}2015年政府信息公开工作年度报告`,
    `根据《中华人民共和国政府信息公开条例》规定，现公布${issuer}2015年政府信息公开工作年度报告。本报告中所列数据的统计期限自2015年1月1日起至2015年12月31日止。`,
    '一、总体情况',
    '2015年，认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开各项工作。',
    ...body,
    '六、存在的主要问题及改进情况',
    '公开内容的深度和广度还需进一步拓展。',
    issuer,
    '2016年3月1日',
  ].join('\n');

const read = (text: string) => Object.fromEntries(parseReport(text).values.filter((v) => !v.derived).map((v) => [v.metric, v.value]));

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
