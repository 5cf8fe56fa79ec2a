// The hand-written sentence set (tests/helpers/narrative-wordings.ts) read through the whole
// narrative extractor: every value is the careful reader's, or (listed below) still missed; a
// value no careful reader reads is never given. bench/wordings.ts prints the figures.
import { describe, expect, it } from 'vitest';
import { extractNarrative } from '../../../src/parse/extract/narrative';
import { normaliseText } from '../../../src/parse/normalise/text';
import { WORDINGS } from '../../helpers/narrative-wordings';

const read = (text: string, year = 2015) => {
  const { values } = extractNarrative(normaliseText(text), { known: new Set(), template: null, year });
  return new Map(values.map((v) => [v.metric, v.value]));
};

/** Values the reader still misses (no value: a miss, never a wrong one); remove a line when it reads. */
const STILL_MISSED: [string, string][] = [
  ['本年度未收到针对我局的行政复议申请。', 'rv.total'],
  // read inside a report, after its sentence about requests (tests/unit/parse/narrative-in-report.test.ts); alone no word says they are replies to requests
  ['以公开形式答复10件，以部分公开形式答复3件，以不予公开形式答复2件。', 'r.granted.total'],
  ['以公开形式答复10件，以部分公开形式答复3件，以不予公开形式答复2件。', 'r.partial.total'],
  ['以公开形式答复10件，以部分公开形式答复3件，以不予公开形式答复2件。', 'r.denied.total.total'],
  ['在15件申请中，满足申请人要求的10件，部分满足的3件。', 'r.partial.total'],
  ['在受理的申请中，向申请人提供所需信息10件。', 'r.granted.total'],
  ['2015年，全市各级行政机关共受理政府信息公开申请1256件，其中市政府部门受理856件，各区县受理400件。', 'r.new.total'],
  ['本年度全县主动公开政府信息数（条）：856。', 'p.total'],
  ['本年度主动公开的政府信息中，以工作动态类信息居多，全年共公开856条。', 'p.total'],
  ['2014年因政府信息公开被申请行政复议3件，本年度1件。', 'rv.total'],
  ['我局将主动公开的政府信息及时在局网站发布，全年共326条。', 'p.total'],
  ['二、主动公开政府信息情况\n本年度我局主动公开政府信息情况如下：政策文件20条，工作动态150条，人事信息5条，合计175条。', 'p.total'],
  ['全市主动公开方面，全年共公开12000条，我局共公开856条。', 'p.total'],
  // taken out after review24: the year before a figure and its channel (本年度共有1000条信息在政府网站上公开征求意见 read as a share)
  ['本年度共有1000条信息在政府网站上公开，234条信息通过其他渠道公开。', 'p.website'],
  ['本年度共有1000条信息在政府网站上公开，234条信息通过其他渠道公开。', 'p.other_channels'],
  ['全年有1000条信息在政府网站公开，234条通过政务微博公开。', 'p.website'],
  ['全年有1000条信息在政府网站公开，234条通过政务微博公开。', 'p.other_channels'],
  // taken out after review24: 回复/办复/已处理 as role words (待回复2件, 逾期回复0件, 当场回复3件 read as the handled); 已回复/，办复/已处理 N件 read again by the handled rules (review35b H1),
  // and 办复…申请N件 by the one set of finishing words (review36 C)
  // taken out after review24: 均已公开 and its new wordings (对能够公开的均已公开, 均已提供书面答复, 所有答复均已公开 read as every request granted);
  // read again after review35 G2 by 均 + a granting act ending its clause (narrative-in-report guards those three)
  ['本年度共受理政府信息公开申请5件。上述申请全部予以公开。', 'r.granted.total'],
  ['本年度共受理政府信息公开申请5件。所申请的信息均已公开。', 'r.granted.total'],
  // taken out after review24b: 分别为 opening its clause after the channels' whole (规范性文件56件，分别为…, 一季度…, 县政府…分别为 read as shares)
  ['全年通过网站和其他渠道共公开政府信息856条，分别为700条和156条。', 'p.website'],
  ['全年通过网站和其他渠道共公开政府信息856条，分别为700条和156条。', 'p.other_channels'],
  ['全年通过网站和其他渠道公开政府信息，分别为700条和156条。', 'p.website'],
  ['全年通过网站和其他渠道公开政府信息，分别为700条和156条。', 'p.other_channels'],
  // taken out after review24b: a total after the outcomes (a disclosed-only subtotal, outcomes after the total, a part named before were read as the handled)
  ['同意公开9件，部分公开2件，不予公开1件，合计12件。', 'r.handled.total'],
  ['同意公开9件，部分公开2件，信息不存在1件，共12件。', 'r.handled.total'],
  ['同意公开9件，部分公开2件，不予公开1件，共计答复12件。', 'r.handled.total'],
  // taken out after review24: the bare act after its figure (议题…25件公开, 20项信息中15项公开, 2014年…8件公开 read as granted)
  ['办结12件，其中9件公开，2件部分公开，1件不予公开。', 'r.granted.total'],
];
const missed = new Set(STILL_MISSED.map(([text, metric]) => `${metric}\u0000${text}`));

describe('narrative wordings a careful reader reads', () => {
  for (const [cls, list] of Object.entries(WORDINGS)) {
    it(cls, () => {
      for (const { text, read: want, year } of list) {
        const got = read(text, year);
        for (const [metric, value] of Object.entries(want)) {
          const expected = missed.has(`${metric}\u0000${text}`) ? null : value;
          expect({ text, metric, value: got.get(metric) ?? null }).toEqual({ text, metric, value: expected });
        }
      }
    });
  }
});

describe('a heading governs the figures under it', () => {
  it('counts of 部分公开 and 不予公开 under a heading about proactive disclosure are no request outcomes', () => {
    for (const text of [
      '一、主动公开政府信息情况\n本年度共公开政府信息500条。其中部分公开2件，不予公开1件。',
      '一、主动公开政府信息情况\n本年度共公开政府信息500条。\n同时，部分公开2件，不予公开1件。',
      '（一）主动公开情况\n全年公开信息500条，其中全文公开480条，部分公开20条。',
      // the subsection names neither: its first-level heading governs
      '一、主动公开政府信息情况\n（二）公开形式\n部分公开2件，不予公开1件。',
    ]) {
      const got = read(text);
      expect({ text, partial: got.get('r.partial.total') ?? null, denied: got.get('r.denied.total.total') ?? null }).toEqual({ text, partial: null, denied: null });
    }
  });
  it('the next heading about requests ends that scope', () => {
    const got = read('一、主动公开\n1.公开信息500条。\n2.部分公开2件，不予公开1件。\n二、依申请公开\n受理申请10件，予以公开8件，部分公开1件，不予公开1件。');
    expect([got.get('p.total'), got.get('r.new.total'), got.get('r.granted.total'), got.get('r.partial.total'), got.get('r.denied.total.total')]).toEqual([500, 10, 8, 1, 1]);
  });
  it('a figure whose own clause names the requests is theirs under a sub-heading the finder does not take', () => {
    const proactive = '二、主动公开政府信息情况\n本年度主动公开政府信息1200条。\n';
    for (const sub of ['2、依申请公开情况', '（1）依申请公开情况', '依申请公开情况', '三 依申请公开情况', '第三部分 依申请公开情况']) {
      const got = read(`${proactive}${sub}\n本年度共收到政府信息公开申请35件，已全部答复。`);
      expect({ sub, got: [got.get('p.total'), got.get('r.new.total') ?? null, got.get('r.handled.total') ?? null] }).toEqual({ sub, got: [1200, 35, 35] });
    }
    // a bare outcome there is still not a request's
    expect(read(`${proactive}部分公开2件。`).get('r.partial.total') ?? null).toBeNull();
  });
  it('第三部分 and a bare ordinal with a space open a heading', () => {
    expect(read('第二部分 主动公开政府信息情况\n本年度主动公开政府信息1200条。\n第三部分 依申请公开情况\n全年共15件。').get('r.new.total')).toBe(15);
    expect(read('二、主动公开政府信息情况\n本年度主动公开政府信息1200条。\n三 依申请公开情况\n全年共15件。').get('r.new.total')).toBe(15);
  });
  it('a first sentence of none with no subject of its own takes the heading as its subject', () => {
    expect(read('三、政府信息公开的收费及减免情况\n本年度无。').get('fee.collected_yuan')).toBe(0);
    const cases = read('四、因政府信息公开申请行政复议、提起行政诉讼的情况\n本年度未发生此类情况。');
    expect([cases.get('rv.total'), cases.get('lit.total'), cases.get('r.new.total') ?? null]).toEqual([0, 0, null]);
    // a sentence with a subject of its own, or a heading of another year, says nothing of the heading's
    expect(read('三、政府信息公开的收费及减免情况\n本年度未发生网络舆情事件。').get('fee.collected_yuan') ?? null).toBeNull();
    expect(read('三、2014年政府信息公开的收费情况\n无。').get('fee.collected_yuan') ?? null).toBeNull();
  });
  it('a heading or subject about problems, measures or corrections governs no none of the concept', () => {
    const none = (text: string) => ['r.new.total', 'rv.total', 'lit.total'].map((m) => read(text).get(m) ?? null);
    for (const text of [
      '二、依申请公开工作存在的问题\n无。',
      '（一）依申请公开方面存在的不足\n本年度无。',
      '四、行政复议和行政诉讼的改进措施\n无。',
      '依申请公开工作存在的问题：本年度无。',
      '依申请公开工作的改进措施：无。',
      '行政复议和行政诉讼的整改情况：无此类情况。',
    ]) expect({ text, got: none(text) }).toEqual({ text, got: [null, null, null] });
    // the concept itself, or its 情况, still governs
    expect(none('四、行政复议和行政诉讼情况\n无。')).toEqual([null, 0, 0]);
    expect(none('依申请公开情况：无。')).toEqual([0, null, null]);
  });
});

describe('a figure after 其中 is a part of the figure before it', () => {
  it('a suit after 其中 under reviews is one of the reviews, not the year\'s suits', () => {
    const got = read('申请行政复议2件。其中1件行政诉讼。');
    expect([got.get('rv.total'), got.get('lit.total') ?? null]).toEqual([2, null]);
    expect(read('本年度发生行政复议2件，其中1件申请人又提起行政诉讼。').get('lit.total') ?? null).toBeNull();
  });
  it('under a whole of both kinds, or of requests, the suit is read', () => {
    expect(read('行政复议和行政诉讼共3件，其中行政诉讼1件。').get('lit.total')).toBe(1);
    expect(read('本年度受理申请10件。其中1件被提起行政诉讼。').get('lit.total')).toBe(1);
  });
});
