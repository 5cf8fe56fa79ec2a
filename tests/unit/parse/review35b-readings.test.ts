// What review35 (issue 10) found read wrong or missed, each fixed by a principle: the right value read,
// the wrong one gone, and right-reading counter-examples so a rule does not over-reach. Written by hand the
// way reports state them; no report of ../shared/corpus words these sentences so (one real report guards P5's
// counter-example).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/parse';
import { expectCases, type ReadingCase as Case } from '../../helpers/narrative-report';

const TOTAL = '全年共受理政府信息公开申请25件。';

describe('G1 and W1: a granting label names the granted outcome, alone or figure-first', () => {
  it('a granting adverb before 公开/提供 (准予, 给予, 决定, 应予, 完全, 可以, 按申请人要求) is the granted item on its own after the total', () => {
    const cases: Case[] = ['准予公开', '给予公开', '决定公开', '应予公开', '完全公开', '可以公开', '按申请人要求提供'].map((label) => ['R', [`${TOTAL}其中${label}15件。`], { 'r.new.total': 25, 'r.granted.total': 15, 'r.handled.total': undefined }]);
    expectCases(cases);
  });

  it('答复 followed by an outcome (答复公开, 答复同意公开) names how the requests were answered: the granted, never the handled', () => {
    expectCases([
      ['R', [`${TOTAL}其中答复公开15件。`], { 'r.granted.total': 15, 'r.handled.total': undefined }],
      ['R', [TOTAL, '15件答复公开，3件部分公开，2件不予公开，3件信息不存在。'], { 'r.granted.total': 15, 'r.handled.total': undefined, 'r.partial.total': 3, 'r.denied.total.total': 2 }],
      ['R', [TOTAL, '15件答复同意公开，3件部分公开，2件不予公开，3件信息不存在。'], { 'r.granted.total': 15, 'r.handled.total': undefined, 'r.partial.total': 3 }],
      // counter-examples: 答复 with no outcome after it is still every reply
      ['R', [`${TOTAL}已答复23件。`], { 'r.handled.total': 23, 'r.granted.total': undefined }],
      ['R', ['全年共受理政府信息公开申请25件，办结答复25件。'], { 'r.handled.total': 25, 'r.granted.total': undefined }],
    ]);
  });

  it('W2: with the figure labelled, a state after 其余 stays the rest’s (准予公开15件，其余正在办理: no carried-out 15)', () => {
    expectCases([['R', [`${TOTAL}准予公开15件，其余正在办理。`], { 'r.granted.total': 15, 'r.carried_out.total': undefined }]]);
  });

  it('figure-first, a granting label after its figure is the granted one (15件准予公开，3件部分公开…)', () => {
    const cases: Case[] = ['准予公开', '决定公开', '已向申请人公开', '完全公开', '给予公开'].map((label) => ['R', [TOTAL, `15件${label}，3件部分公开，2件不予公开，3件信息不存在。`], { 'r.granted.total': 15, 'r.partial.total': 3, 'r.denied.total.total': 2, 'r.unable.not_held.total': 3 }]);
    expectCases(cases);
  });

  it('其中 opening a sentence breaks down the requests of the sentence before: its bare 公开/提供 item is the granted', () => {
    expectCases([
      ['R', [`${TOTAL}其中提供信息15件。`], { 'r.granted.total': 15 }],
      ['R', [`${TOTAL}其中公开15件。`], { 'r.granted.total': 15 }],
      // counter-examples: after the year's proactive items, or another business's figure, it is none of the requests'
      ['P', ['全年主动公开政府信息1520条。其中公开15条。'], { 'r.granted.total': undefined }],
      ['X', ['全年共接到群众咨询25件。其中提供信息15件。'], { 'r.granted.total': undefined }],
    ]);
  });

  it('counter-examples: partly, refused or proactive items are never the granted', () => {
    expectCases([
      ['R', [TOTAL, '3件部分公开，2件不予公开，15件同意公开。'], { 'r.granted.total': 15, 'r.partial.total': 3, 'r.denied.total.total': 2 }],
      ['R', [TOTAL, '15件不予公开，3件部分公开。'], { 'r.granted.total': undefined, 'r.denied.total.total': 15 }],
      ['P', ['全年主动公开政府信息1520条，其中决定公开15条，部分公开3条，不予公开2条。'], { 'r.granted.total': undefined }],
    ]);
  });
});

describe('H1: the verbs of a finished request are the handled, as 答复 and 办结 are', () => {
  it('回复 is 答复; 结案, 处置完毕, 完成办理 are 办结; 已办理/已处理 are done', () => {
    const cases: Case[] = ['已回复23件', '共回复23件', '已结案23件', '处置完毕23件', '完成办理23件', '已办理23件', '已处理23件'].map((t) => ['R', [`全年受理政府信息公开申请25件，${t}。`], { 'r.new.total': 25, 'r.handled.total': 23 }]);
    expectCases(cases);
  });

  it('counter-examples: a kind of reply, one still to come, or another business is no count of the handled', () => {
    expectCases([
      ['R', ['全年受理政府信息公开申请25件，待回复2件。'], { 'r.handled.total': undefined }],
      ['R', ['全年受理政府信息公开申请25件，当场回复3件。'], { 'r.handled.total': undefined }],
      ['R', ['全年受理政府信息公开申请25件，逾期回复0件。'], { 'r.handled.total': undefined }],
      ['X', ['全年受理群众信访事项25件，已结案23件。'], { 'r.handled.total': undefined }],
      ['X', ['全年受理行政复议案件5件，已办理5件。'], { 'r.handled.total': undefined }],
    ]);
  });
});

describe('the carried-in requests as the subject of a handled figure', () => {
  it('上年结转的3件申请已答复/已办结/已回复3件: what was done with last year’s requests is no count of the year’s handled', () => {
    const cases: Case[] = ['已答复3件', '已办结3件', '已回复3件'].map((t) => ['R', [`本年度共受理政府信息公开申请12件。上年结转的3件申请${t}。`], { 'r.new.total': 12, 'r.handled.total': undefined }]);
    // counter-example: the year's own handled after it still reads
    cases.push(['R', ['本年度共受理政府信息公开申请12件，已办结12件。'], { 'r.handled.total': 12 }]);
    expectCases(cases);
  });
});

describe('N1: a negated clause whose object is the requests states none, however long who and how in between', () => {
  it('没有/无/未有 + the applicants the statute names, or 未收到/没有接到 + who and how, up to 申请: r.new.total 0', () => {
    const cases: Case[] = [
      '2015年，没有公民、法人或者其他组织向本机关提出政府信息公开申请。',
      '本年度无公民、法人或者其他组织向本机关提出政府信息公开申请。',
      '本年度未有公民、法人或者其他组织向本机关提出政府信息公开的申请。',
      '本年度，本机关没有接到公民、法人或者其他组织以书面、网络等形式提出的政府信息公开申请。',
      '本年度本机关没有收到来自公民、法人或者其他组织的任何形式的政府信息公开申请。',
      '全年未收到公民、法人或其他组织通过当面、信函、传真、网络等方式提交的政府信息公开申请。',
    ].map((t) => ['R', [t], { 'r.new.total': 0 }]);
    expectCases(cases);
  });

  it('counter-examples: 无论, a negation inside a qualifier, one way of applying, reviews: no zero of the requests', () => {
    expectCases([
      ['R', ['无论是当面提交还是通过网络平台提交的政府信息公开申请，均严格按照规定办理。'], { 'r.new.total': undefined }],
      ['R', ['对未按照要求在规定期限内补充说明理由的政府信息公开申请，依法告知申请人。'], { 'r.new.total': undefined }],
      ['R', ['未收到公民通过信函方式提交的政府信息公开申请。'], { 'r.new.total': undefined }],
      ['R', ['本年度没有公民、法人或者其他组织对本机关政府信息公开工作提起行政复议申请。'], { 'r.new.total': undefined, 'rv.total': 0 }],
      ['R', ['全年共受理政府信息公开申请25件，没有公民、法人或者其他组织提出收费减免申请。'], { 'r.new.total': 25 }],
    ]);
  });
});

describe('N3: 均为零 after a listed subject is none of each item', () => {
  it('政府信息公开申请、行政复议和行政诉讼均为零/均无: the requests none too', () => {
    expectCases([
      ['R', ['本年度政府信息公开申请、行政复议和行政诉讼均为零。'], { 'r.new.total': 0, 'rv.total': 0, 'lit.total': 0 }],
      ['R', ['本年度政府信息公开申请、行政复议和行政诉讼均无。'], { 'r.new.total': 0, 'rv.total': 0, 'lit.total': 0 }],
    ]);
  });

  it('counter-examples: the requests as the cause of the cases, or inside 涉及, are none of the cases only; a few ways of applying are not all of them', () => {
    expectCases([
      ['R', ['因政府信息公开申请引起的行政复议和行政诉讼均为零。'], { 'r.new.total': undefined, 'rv.total': 0, 'lit.total': 0 }],
      ['R', ['申请公开政府信息所涉及的复议、诉讼均为零。'], { 'r.new.total': undefined, 'rv.total': 0, 'lit.total': 0 }],
      ['R', ['全年共受理政府信息公开申请25件。因政府信息公开申请引发的行政复议、行政诉讼均为0件。'], { 'r.new.total': 25, 'rv.total': 0, 'lit.total': 0 }],
      ['R', ['全年当面申请、网上申请均为0件。'], { 'r.new.total': undefined }],
    ]);
  });
});

describe('P5: verbs of making known are disclosure (公示, 公告, 披露, 挂网, 晒出; 提供/告知 when 主动)', () => {
  it('reads the year’s total', () => {
    const cases: Case[] = ['全年共公示各类信息1520条。', '全年共公示公告各类政府信息1520条。', '全年共向社会公告政府信息1520条。', '全年主动披露政府信息1520条。', '全年挂网政府信息1520条。', '全年共晒出政府信息1520条。', '全年主动提供政府信息1520条。'].map((t) => ['P', [t], { 'p.total': 1520 }]);
    expectCases(cases);
  });

  it('counter-examples: 公示公告 naming a kind in a list is no verb; 提供 without 主动 is not proactive; a notice board is a channel', () => {
    expectCases([
      ['P', ['全年提供政府信息1520条。'], { 'p.total': undefined }],
      ['P', ['全年公示行政许可信息1520条。'], { 'p.total': undefined }],
      ['P', ['部门网站发布工作动态98条，通知公告14条。'], { 'p.total': undefined, 'p.website': undefined }],
    ]);
    // …小区加装电梯项目设计方案公示公告等事项政府信息累计76条: the real report's website figure stays read
    const real = parseReport(new Uint8Array(readFileSync(join(import.meta.dirname, '../../../../shared/corpus/pages/2025-shanghai-baoshan-youyilu-town.txt'))), { fileName: '2025-shanghai-baoshan-youyilu-town.txt' });
    expect(real.values.find((v) => v.metric === 'p.website' && !v.derived)?.value).toBe(76);
  });
});

describe('P2 and P4: the count named as a noun of the act, and 了/共 between the act and its figure', () => {
  it('主动公开(的)(信息)(的) + 总数/数量/件数/条数/量/数据/条目 + 为/是/达/上升到/增至, and 主动公开了/共 N条, are the year’s total', () => {
    const cases: Case[] = [
      '主动公开的信息总数是1520条。', '全年主动公开政府信息数是1520条。', '本年度本机关主动公开政府信息的数量是1520条。', '全年主动公开件数为1520条。', '全年主动公开量为1520条。',
      '本年度主动公开数据为1520条。', '本年度主动公开的条目共计1520条。', '本年度主动公开件数1520条。', '本年度本机关主动公开政府信息数量上升到1520条。', '本年度本机关主动公开政府信息数量增至1520条。',
      '全年主动公开了1520条。', '全年主动公开共1520条。',
    ].map((t) => ['P', [t], { 'p.total': 1520 }]);
    expectCases(cases);
  });

  it('counter-examples: a change, another body’s count, one kind’s count', () => {
    expectCases([
      ['P', ['本年度本机关主动公开政府信息数量比上年增加168条。'], { 'p.total': undefined }],
      ['P', ['县直各部门主动公开的信息总数是12000条。'], { 'p.total': undefined }],
      ['P', ['规范性文件主动公开数量是20件。'], { 'p.total': undefined }],
    ]);
  });
});

describe('C5: a figure is a figure in any script, for the channel list after the whole', () => {
  it('the whole or its items in Chinese numerals: the verbless channel list after it still breaks it down', () => {
    expectCases([
      ['P', ['全年主动公开政府信息一千五百二十条。其中，政府网站1200条，其他渠道320条。'], { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 }],
      ['P', ['全年主动公开政府信息一千五百二十条，其中政府网站一千二百条，其他渠道三百二十条。'], { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 }],
      ['P', ['全年主动公开政府信息一千五百二十条。', '政府网站：一千二百条；其他渠道：三百二十条。'], { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 }],
    ]);
  });
});
