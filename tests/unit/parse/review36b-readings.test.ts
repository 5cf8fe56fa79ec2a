// What review36 (issue 10) found missed or misread after fix36a, each fixed by a principle: the right value read,
// and right-reading counter-examples so a rule does not over-reach. Written by hand the way reports state them;
// no report of ../shared/corpus words these sentences so.
import { describe, it } from 'vitest';
import { expectCases } from '../../helpers/narrative-report';

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
