// What review36 (issue 10) found missed or misread after fix36a, each fixed by a principle: the right value read,
// and right-reading counter-examples so a rule does not over-reach. Written by hand the way reports state them;
// no report of ../shared/corpus words these sentences so.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/parse';
import { COUNTY, expectCases, HEADINGS, narrativeReport, type ReadingCase } from '../../helpers/narrative-report';

describe('the figure before its object, with any predicate of disclosure', () => {
  it('adverbs of time, manner and aspect and a light verb before 主动公开, and 主动发布, keep it the year’s total', () => {
    expectCases([
      ['P', ['全年共有1520条政府信息得以主动公开，较上年增长12%。'], { 'p.total': 1520 }],
      ['P', ['全年共有1520条政府信息均已主动公开，较上年增长12%。'], { 'p.total': 1520 }],
      ['P', ['2015年，1520条政府信息全部主动公开。'], { 'p.total': 1520 }],
      ['P', ['全年一千五百二十条政府信息及时主动公开。'], { 'p.total': 1520 }],
      ['P', ['1520条政府信息于2015年通过各种渠道主动公开。'], { 'p.total': 1520 }],
      ['P', ['全年共有1520条信息主动向社会发布，较上年增长12%。'], { 'p.total': 1520 }],
      ['P', ['全年有1520条政府信息及时主动公开，政府网站和其他渠道分别为1200条和320条。'], { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 }],
    ]);
  });

  it('counter-examples: a channel’s share, a plan, and an act not of disclosure stay out of the total', () => {
    expectCases([
      ['P', ['全年主动公开政府信息1520条，其中1200条政府信息及时通过政府网站主动公开。'], { 'p.total': 1520, 'p.website': 1200 }],
      ['P', ['计划明年有1600条政府信息及时主动公开。'], { 'p.total': undefined }],
      ['P', ['全年共有1520条政府信息及时报送。'], { 'p.total': undefined }],
    ]);
  });
});

describe('the granted outcome written as a result, in both orders', () => {
  const REQUESTS = '全年共受理政府信息公开申请25件。';
  it('figure first: 获准/得到/已予/已经/依法 公开, 已提供(给申请人), 满足了申请人的要求, 申请人获得了所需信息', () => {
    const results = ['获准公开', '得到公开', '已予公开', '已经公开', '依法公开', '获得公开', '已提供', '已提供给申请人', '已按要求提供', '满足了申请人的要求', '已满足申请人要求', '申请人获得了所需信息', '的申请被批准公开'];
    expectCases(results.map((x) => ['R', [REQUESTS, `办结23件，其中15件${x}，3件部分公开，2件不予公开，3件信息不存在。`], { 'r.granted.total': 15, 'r.partial.total': 3, 'r.handled.total': 23 }]));
    expectCases(results.map((x) => ['R', [REQUESTS, `15件${x}，3件部分公开，2件不予公开，3件信息不存在。`], { 'r.granted.total': 15, 'r.denied.total.total': 2 }]));
    // alone, breaking down the requests of the paragraph before
    expectCases(['获准公开', '已经公开', '已提供', '提供了所需信息'].map((x) => ['R', [REQUESTS, `其中15件${x}。`], { 'r.granted.total': 15 }]));
  });

  it('label first and as a relative clause (其中获准公开的15件)', () => {
    expectCases(['获准公开', '得到公开', '已经公开', '依法公开', '已满足申请人要求', '申请人获得了所需信息', '已提供给申请人', '批准公开'].map((x) => ['R', [REQUESTS, `其中${x}的15件。`], { 'r.granted.total': 15 }]));
    expectCases(['已满足申请人要求', '申请人获得了所需信息', '已提供给申请人'].map((x) => ['R', [REQUESTS, `办结23件，其中${x}15件，部分公开3件，不予公开2件，信息不存在3件。`], { 'r.granted.total': 15, 'r.partial.total': 3 }]));
  });

  it('counter-examples: in part, refused or not given is no grant; a bare 公开 alone is not read; proactive items are no outcome', () => {
    expectCases([
      ['R', [REQUESTS, '办结23件，其中15件未获准公开，3件部分公开。'], { 'r.granted.total': undefined, 'r.partial.total': 3 }],
      ['R', [REQUESTS, '其中15件未能满足申请人的要求。'], { 'r.granted.total': undefined }],
      ['R', [REQUESTS, '其中3件部分满足了申请人的要求。'], { 'r.granted.total': undefined }],
      ['R', [REQUESTS, '其中15件公开。'], { 'r.granted.total': undefined }],
      ['R', [REQUESTS, '办结23件，其中15件已经公开答复，3件部分公开。'], { 'r.granted.total': undefined }],
      ['P', ['全年主动公开政府信息1520条，其中1200条已经公开，320条部分公开。'], { 'r.granted.total': undefined }],
    ]);
  });
});

describe('a request’s handling ended is one set of words, in every shape', () => {
  const REQUESTS = '全年共受理政府信息公开申请25件。';
  const OUTCOMES = '同意公开15件，部分公开3件，不予公开2件，信息不存在3件';
  it('回复, 办复, 结案, 完成办理, 办理完结: opening the paragraph, as the frame 在已V的N件申请中, and after the figure', () => {
    const verbs = ['回复', '办复', '结案', '完成办理', '办理完结'];
    expectCases(verbs.map((v) => ['R', [REQUESTS, `${v}23件，其中${OUTCOMES}。`], { 'r.handled.total': 23, 'r.granted.total': 15 }]));
    expectCases(['回复', '办复', '结案', '完成办理'].map((v) => ['R', [REQUESTS, `在已${v}的23件申请中，${OUTCOMES}。`], { 'r.handled.total': 23 }]));
    expectCases(verbs.map((v) => ['R', [REQUESTS, `23件申请已全部${v}，其中${OUTCOMES}。`], { 'r.handled.total': 23 }]));
    expectCases([['R', [REQUESTS, `回复二十三件，其中同意公开十五件，部分公开三件。`], { 'r.handled.total': 23, 'r.granted.total': 15 }]]);
  });

  it('处理 and 办理 with a figure count the handled where the sentence lists the outcomes', () => {
    expectCases(['处理', '已处理', '已办理'].flatMap((v): ReadingCase[] => [
      ['R', [REQUESTS, `${v}23件，其中${OUTCOMES}。`], { 'r.handled.total': 23 }],
      ['R', [REQUESTS, `在${v.startsWith('已') ? v : `已${v}`}的23件申请中，${OUTCOMES}。`], { 'r.handled.total': 23 }],
      ['R', [REQUESTS, `23件申请已全部${v.replace('已', '')}，其中${OUTCOMES}。`], { 'r.handled.total': 23 }],
    ]));
    expectCases([['R', [REQUESTS, `受理并办结23件，其中${OUTCOMES}。`], { 'r.handled.total': 23 }]]);
  });

  it('counter-examples: no outcome list, a reply form of an outcome, a kind of reply, other cases', () => {
    expectCases([
      ['R', [REQUESTS, '处理23件。'], { 'r.handled.total': undefined }],
      ['R', [REQUESTS, '予以公开答复15件，部分公开3件。'], { 'r.handled.total': undefined, 'r.granted.total': 15 }],
      ['R', [REQUESTS, '办理群众来信23件，其中同意公开15件，部分公开3件。'], { 'r.handled.total': undefined }],
      ['R', [REQUESTS, '待回复的申请2件。'], { 'r.handled.total': undefined }],
      ['R', [REQUESTS, `其中不予处理2件，${OUTCOMES}。`], { 'r.handled.total': undefined }],
    ]);
  });
});

describe('the channels’ total after the parts', () => {
  it('以上合计, 两项合计, 二者合计, 全年共, 总数达 after the two channels state their sum', () => {
    expectCases(['以上合计', '两项合计', '二者合计', '全年共', '总数达'].map((tail) => ['P', [`政府网站公开1200条，其他渠道公开320条，${tail}1520条。`], { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 }]));
    expectCases([['P', ['1200条通过政府网站公开，320条通过其他渠道公开，全年共1520条。'], { 'p.total': 1520 }]]);
  });

  it('counter-examples: a figure that is not the parts’ sum, and a stock, are not the total', () => {
    expectCases([
      ['P', ['政府网站公开1200条，其他渠道公开320条，以上合计1600条。'], { 'p.total': undefined, 'p.website': 1200 }],
      ['P', ['政府网站公开1200条，其他渠道公开320条，累计15200条。'], { 'p.total': undefined }],
    ]);
  });
});

describe('four misreadings: each figure its own item’s, scope and notes', () => {
  it('、 between figure-first channel items separates them as ， does', () => {
    expectCases([
      ['P', ['1200条通过政府网站公开、320条通过其他渠道公开，共计主动公开政府信息1520条。'], { 'p.website': 1200, 'p.other_channels': 320, 'p.total': 1520 }],
      ['P', ['全年主动公开政府信息1520条，其中1200条通过政府网站公开、320条通过其他渠道公开。'], { 'p.website': 1200, 'p.other_channels': 320 }],
    ]);
  });

  it('在全市…N条中 frames the wider scope: its figure is not ours, the body’s own after it is', () => {
    expectCases([['P', ['在全市主动公开政府信息45210条中，我县主动公开1520条，占3.4%。'], { 'p.total': 1520 }]]);
  });

  it('各有/各为 before several figures pairs them in order, as 分别为 does; 各 before one figure gives it to each', () => {
    const REQUESTS = '全年共受理政府信息公开申请25件。';
    expectCases([
      ['R', [REQUESTS, '办结23件，同意公开、部分公开、不予公开、信息不存在的申请各有15件、3件、2件、3件。'], { 'r.granted.total': 15, 'r.partial.total': 3, 'r.denied.total.total': 2, 'r.unable.not_held.total': 3 }],
      ['R', [REQUESTS, '办结23件，同意公开、部分公开的申请各为15件、3件。'], { 'r.granted.total': 15, 'r.partial.total': 3 }],
      ['R', [REQUESTS, '办结4件，同意公开、部分公开的申请各有2件。'], { 'r.granted.total': 2, 'r.partial.total': 2 }],
    ]);
  });

  it('a bracketed note (含部分公开) glosses the label before it: it is no label, and the figure holds both', () => {
    const REQUESTS = '全年共受理政府信息公开申请25件。';
    expectCases([
      ['R', [REQUESTS, '办结23件，其中同意公开（含部分公开）18件，部分公开3件，不予公开2件，信息不存在3件。'], { 'r.granted.total': undefined, 'r.partial.total': 3, 'r.denied.total.total': 2 }],
      // a note of what is left out, or of a part, keeps the label's figure
      ['R', [REQUESTS, '办结23件，其中同意公开（不含部分公开）15件，部分公开3件。'], { 'r.granted.total': 15, 'r.partial.total': 3 }],
    ]);
  });
});

describe('channel items figure first with no verb, after the whole', () => {
  it('N条 + 通过/在 + a channel is that channel’s count once the year’s whole was stated', () => {
    const both = { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 };
    expectCases([
      ['P', ['全年主动公开政府信息1520条，其中1200条通过政府网站，320条通过其他渠道。'], both],
      ['P', ['全年主动公开政府信息1520条。', '其中，1200条通过政府网站；320条通过其他渠道。'], both],
      ['P', ['全年共有1520条政府信息主动对外公开，1200条通过政府网站，320条通过其他渠道。'], both],
      ['P', ['全年共有1520条政府信息主动向社会公开。', '其中，政府网站1200条，其他渠道320条。'], both],
    ]);
  });

  it('counter-examples: no whole stated before, or a whole of another kind, leaves the items unread', () => {
    expectCases([
      ['P', ['1200条通过政府网站，320条通过其他渠道。'], { 'p.website': undefined, 'p.other_channels': undefined }],
      ['P', ['全年受理群众来信1520件，其中1200件通过政府网站，320件通过其他渠道。'], { 'p.website': undefined, 'p.other_channels': undefined }],
    ]);
  });
});

describe('a granted value stated by meaning is marked inferred, as the handled from 均已办结 is', () => {
  const granted = (sentence: string) => parseReport(narrativeReport(COUNTY, HEADINGS.R, sentence)).values.filter((v) => v.metric === 'r.granted.total').map((v) => ({ value: v.value, inferred: v.inferred ?? false }));
  it('均予以公开, 均已公开 after the received figure: the received figure, inferred; a printed 同意公开3件 is not', () => {
    expect(granted('全年共受理政府信息公开申请3件，均予以公开。')).toEqual([{ value: 3, inferred: true }]);
    expect(granted('全年共受理政府信息公开申请3件，均已公开。')).toEqual([{ value: 3, inferred: true }]);
    expect(granted('全年共受理政府信息公开申请3件，同意公开3件。')).toEqual([{ value: 3, inferred: false }]);
  });
});

describe('a share between a channel and its figure is a gloss', () => {
  it('占78.9%（1200条）after the channel’s act, and 78.9%（1200条）/78.9%即1200条 before a figure-first item', () => {
    const both = { 'p.website': 1200, 'p.other_channels': 320 };
    expectCases([
      ['P', ['全年主动公开政府信息1520条，其中网站公开占78.9%（1200条），其他渠道公开占21.1%（320条）。'], both],
      ['P', ['全年主动公开政府信息1520条，其中78.9%（1200条）通过政府网站公开，21.1%（320条）通过其他渠道公开。'], both],
      ['P', ['全年主动公开政府信息1520条，其中78.9%即1200条通过政府网站公开，21.1%即320条通过其他渠道公开。'], both],
    ]);
  });
});
