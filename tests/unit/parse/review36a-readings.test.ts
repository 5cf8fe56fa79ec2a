// What review35 (issue 10) left missed after fix35b and fix35c, each fixed by a principle: the right value read,
// and right-reading counter-examples so a rule does not over-reach. Written by hand the way reports state them;
// no report of ../shared/corpus words these sentences so.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/parse';
import { COUNTY, expectCases, HEADINGS, narrativeReport, type ReadingCase } from '../../helpers/narrative-report';

describe('a heading-like label ending in ： (X情况：, X方面：) opens the fact for the figure after it, as a heading line does', () => {
  it('the year’s proactive disclosure as the label, a bare total after the colon', () => {
    expectCases([
      ['P', ['主动公开政府信息情况：共1520条。'], { 'p.total': 1520 }],
      ['P', ['全年主动公开政府信息情况：共1520条。'], { 'p.total': 1520 }],
      ['X', ['主动公开政府信息情况：共1520条。'], { 'p.total': 1520 }],
      ['P', ['主动公开情况：共1520条。'], { 'p.total': 1520 }],
      ['P', ['主动公开方面：全年共1520条。'], { 'p.total': 1520 }],
      ['P', ['主动公开政府信息情况：共1520条，其中政府网站1200条，其他渠道320条。'], { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 }],
    ]);
  });

  it('counter-examples: a kind’s or another year’s label keeps its figure from the total; an item’s label still reads', () => {
    expectCases([
      ['P', ['规范性文件公开情况：共20条。'], { 'p.total': undefined }],
      ['P', ['全年主动公开政府信息1520条。', '规范性文件公开情况：共20条。'], { 'p.total': 1520 }],
      ['P', ['上年度主动公开政府信息情况：共1352条。'], { 'p.total': undefined }],
      ['P', ['主动公开政府信息数量：1520条。'], { 'p.total': 1520 }],
      ['P', ['全年主动公开政府信息1520条。', '政府网站：1200条；其他渠道：320条。'], { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 }],
      ['R', ['受理情况：全年受理申请25件。', '答复情况：同意公开15件。'], { 'r.new.total': 25, 'r.granted.total': 15 }],
    ]);
  });
});

describe('P3: the figure before its act', () => {
  it('N条(政府)信息 + any auxiliary or means + 主动公开, or 公开 to the public (予以/对外/向社会公开), is the year’s total', () => {
    const sentences = [
      '全年1520条信息得到主动公开。',
      '全年有1520条信息进行了主动公开。',
      '全年共有1520条政府信息予以公开。',
      '全年共有1520条政府信息对外公开。',
      '全年共计1520条政府信息向社会主动公开。',
      '全年共将1520条政府信息主动向社会公开。',
      '全年把1520条政府信息通过各种渠道向社会公开。',
      '全年共有政府信息1520条由本机关主动公开。',
    ];
    expectCases(sentences.map((s) => ['P', [s], { 'p.total': 1520 }]));
    expectCases([['P', ['全年1520条信息得到主动公开。', '其中，政府网站1200条，其他渠道320条。'], { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 }]]);
  });

  it('counter-examples: one channel’s, one kind’s, another year’s, other bodies’ or the requested items are no total', () => {
    expectCases([
      ['P', ['全年共有120条政府信息通过政府网站予以公开。'], { 'p.total': undefined }],
      ['P', ['全年共有20条规范性文件予以公开。'], { 'p.total': undefined }],
      ['P', ['上年共有1352条政府信息予以公开。'], { 'p.total': undefined }],
      ['P', ['全县各乡镇共有1520条政府信息予以公开。'], { 'p.total': undefined }],
      ['P', ['全年共有1520条信息依申请公开。'], { 'p.total': undefined }],
    ]);
  });

  it('N件 + 已办结/已答复完毕 under 其中 after the year’s received is the handled, as without 其中', () => {
    const RECEIVED = '全年共受理政府信息公开申请25件，';
    expectCases([
      ['R', [`${RECEIVED}其中23件申请已办结。`], { 'r.new.total': 25, 'r.handled.total': 23 }],
      ['R', [`${RECEIVED}其中15件已办结，其余结转下年度。`], { 'r.new.total': 25, 'r.handled.total': 15 }],
      ['R', [`${RECEIVED}其中23件已答复完毕。`], { 'r.new.total': 25, 'r.handled.total': 23 }],
      ['R', [`${RECEIVED}其中23件已办结，2件结转下年度办理。`], { 'r.new.total': 25, 'r.handled.total': 23, 'r.carried_out.total': 2 }],
    ]);
  });

  it('counter-examples: a manner of replying, a qualified part, or 答复 as a label among the outcomes is no handled total', () => {
    const RECEIVED = '全年共受理政府信息公开申请25件，';
    expectCases([
      ['R', [`${RECEIVED}其中当场答复3件。`], { 'r.new.total': 25, 'r.handled.total': undefined }],
      ['R', [`${RECEIVED}其中按时办结20件。`], { 'r.new.total': 25, 'r.handled.total': undefined }],
      ['R', ['全年共收到政府信息公开申请5件，比上年减少50%，其中答复1件，不掌握相关政府信息、无法提供4件。'], { 'r.new.total': 5, 'r.handled.total': undefined }],
    ]);
  });
});

describe('G2/H2: all of the stated total, with no figure of its own (均/都/全部 + any adverbial + the act)', () => {
  const RECEIVED = '全年受理政府信息公开申请3件，';
  it('granted: 均/都/全部 + 已/按要求/按申请人要求/办结并/向申请人 + 公开/提供 (ending its clause), 满足申请人的要求, 结果均为(同意)公开', () => {
    expectCases(
      ['均已公开。', '都已公开。', '均已向申请人提供。', '均已提供。', '均提供了申请人所需的信息。', '均按申请人要求提供了相关信息。', '均已办结并予以公开。', '3件均已办结并予以公开。', '答复结果均为同意公开。', '全部满足了申请人的要求。', '均已按时办结，申请人所需信息均已提供。', '均按要求公开。'].map((s) => [
        'R',
        [RECEIVED + s],
        { 'r.new.total': 3, 'r.granted.total': 3 },
      ]),
    );
  });

  it('handled: 均/都/全部 + 已/在规定时间内/依法依规/按规定/完全 + a finishing act (处理完毕/结案/给予答复/进行答复/回复办结/公开并办结), marked inferred', () => {
    for (const s of ['均已处理完毕。', '都已处理完毕。', '均已结案。', '已全部结案。', '均在规定时间内给予答复。', '均在规定时间内给予了答复。', '均已予以公开并办结。', '均依法依规进行答复。', '均已按规定回复办结。', '均已完全办结。']) {
      const handled = parseReport(narrativeReport(COUNTY, HEADINGS.R, RECEIVED + s)).values.find((v) => v.metric === 'r.handled.total');
      expect({ s, value: handled?.value, inferred: handled?.inferred }).toEqual({ s, value: 3, inferred: true });
    }
  });

  it('counter-examples: a part, an exception, the replies or a form given, not the information, and not all done', () => {
    expectCases([
      ...['可以公开的均已公开。', '均已提供书面答复。', '均已公开答复。', '均已提供政府信息公开申请表。', '均已告知申请人获取途径。', '大部分已公开。', '所有答复均已公开。'].map(
        (s): ReadingCase => ['R', [RECEIVED + s], { 'r.new.total': 3, 'r.granted.total': undefined }],
      ),
      ['R', [`${RECEIVED}其中部分公开1件，其余均已公开。`], { 'r.new.total': 3, 'r.partial.total': 1, 'r.granted.total': undefined }],
      ['R', [`${RECEIVED}均未办结。`], { 'r.new.total': 3, 'r.handled.total': undefined }],
      ['R', [`${RECEIVED}均正在处理。`], { 'r.new.total': 3, 'r.handled.total': undefined }],
    ]);
  });
});

describe('P7 and P8: a change before the total, a gloss between the object and its figure', () => {
  it('a bare total clause after a clause of the items’ change continues it; a parenthesised gloss is transparent', () => {
    expectCases([
      ['P', ['与上年相比，全年主动公开政府信息增加168条，共1520条。'], { 'p.total': 1520 }],
      ['P', ['全年主动公开政府信息比上年增加168条，总数达到1520条。'], { 'p.total': 1520 }],
      ['P', ['全年主动公开政府信息较上年减少20条，共计1520条。'], { 'p.total': 1520 }],
      ['P', ['本年度主动公开政府信息（不含依申请公开）1520条。'], { 'p.total': 1520 }],
    ]);
  });

  it('counter-examples: one channel’s, another year’s or a kind’s change, a kind glossed with 信息', () => {
    expectCases([
      ['P', ['全年通过政府网站主动公开政府信息比上年增加168条，共1200条。'], { 'p.total': undefined }],
      ['P', ['上年主动公开政府信息增加168条，共1352条。'], { 'p.total': undefined }],
      ['P', ['全年主动公开规范性文件增加5条，共20条。'], { 'p.total': undefined }],
      ['P', ['本年度主动公开规范性文件（不含政府信息）20条。'], { 'p.total': undefined }],
    ]);
  });
});

describe('P10: 件次 counts disclosed items as 条次 does', () => {
  it('主动公开政府信息1520件次 is the total, its channels in 件次 its shares; replies and visits in 件次 stay theirs', () => {
    expectCases([
      ['P', ['全年主动公开政府信息1520件次，其中政府网站1200件次。'], { 'p.total': 1520, 'p.website': 1200 }],
      ['P', ['全年主动公开政府信息1520条，接待群众查阅320件次。'], { 'p.total': 1520 }],
      ['R', ['全年受理政府信息公开申请25件，依法予以答复23件次。'], { 'r.new.total': 25, 'p.total': undefined }],
    ]);
  });
});

describe('P1 for requests: none said of the requests named as the topic before', () => {
  it('X情况：/X方面，/X， + the year + 未收到/未发生/为零/无 is no request received', () => {
    expectCases(
      ['政府信息公开申请受理情况：全年未收到。', '依申请公开方面，全年未发生。', '政府信息公开申请方面，全年未收到。', '政府信息公开申请，全年为零。'].map((s) => ['R', [s], { 'r.new.total': 0 }]),
    );
  });

  it('counter-examples: a figure after the topic, reviews caused by requests, fees on requests', () => {
    expectCases([
      ['R', ['依申请公开方面，全年共受理25件。'], { 'r.new.total': 25 }],
      ['V', ['因政府信息公开申请引起的行政复议方面，全年未发生。'], { 'r.new.total': undefined }],
      ['R', ['全年受理政府信息公开申请25件。', '依申请公开收费方面，全年未收取。'], { 'r.new.total': 25 }],
    ]);
  });
});
