// What review35 (issue 10) left missed after fix35b and fix35c, each fixed by a principle: the right value read,
// and right-reading counter-examples so a rule does not over-reach. Written by hand the way reports state them;
// no report of ../shared/corpus words these sentences so.
import { describe, it } from 'vitest';
import { expectCases } from '../../helpers/narrative-report';

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
