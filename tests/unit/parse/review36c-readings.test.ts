// What review36 (issue 10) and fix36a/b left missed, each fixed by a principle: the right value read, and
// right-reading counter-examples so a rule does not over-reach. Written by hand the way reports state them;
// no report of ../shared/corpus words these sentences so.
import { describe, expect, it } from 'vitest';
import { expectCases, readParagraphs } from '../../helpers/narrative-report';

const REQUESTS = '全年共受理政府信息公开申请25件。';

describe('an outcome list whose unit is written once, at its end', () => {
  it('分别为15、3、2、3件 and 各有15、3、2、3件 give each outcome its figure, in order', () => {
    expectCases([
      ['R', [REQUESTS, '已办结23件，同意公开、部分公开、不予公开、信息不存在的分别为15、3、2、3件。'], { 'r.granted.total': 15, 'r.partial.total': 3, 'r.denied.total.total': 2, 'r.unable.not_held.total': 3 }],
      ['R', [REQUESTS, '已办结23件，同意公开、部分公开、不予公开、信息不存在的分别为15，3，2和3件。'], { 'r.granted.total': 15, 'r.partial.total': 3, 'r.denied.total.total': 2, 'r.unable.not_held.total': 3 }],
      ['R', [REQUESTS, '已办结23件，同意公开、部分公开、不予公开、信息不存在的各有15、3、2、3件。'], { 'r.granted.total': 15, 'r.partial.total': 3, 'r.denied.total.total': 2, 'r.unable.not_held.total': 3 }],
    ]);
  });

  it('counter-example: three figures for four outcomes pair with none', () => {
    const got = readParagraphs('R', REQUESTS, '已办结23件，同意公开、部分公开、不予公开、信息不存在的分别为15、3、2件。');
    expect([got['r.granted.total'], got['r.partial.total'], got['r.denied.total.total'], got['r.unable.not_held.total']]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('a request’s information found already disclosed (属于已主动公开范围) is an answer, not proactive disclosure', () => {
  it('the other outcomes of the list still read, whatever the item’s place', () => {
    const rest = { 'r.partial.total': 3, 'r.denied.total.total': 2, 'r.unable.not_held.total': 3, 'r.handled.total': 23 };
    expectCases([
      ['R', [REQUESTS, '答复的23件中，15件属于已主动公开范围，3件部分公开，2件不予公开，3件信息不存在。'], rest],
      ['R', [REQUESTS, '答复的23件中，3件部分公开，15件属于已主动公开范围，2件不予公开，3件信息不存在。'], rest],
      ['R', [REQUESTS, '办结23件，其中15件属于已主动公开范围、3件部分公开、2件不予公开、3件信息不存在。'], rest],
      ['R', [REQUESTS, '答复的23件中，15件告知已主动公开，3件部分公开，2件不予公开，3件信息不存在。'], rest],
      ['R', [REQUESTS, '已办结23件，其中15件同意公开，5件属于已主动公开范围，3件部分公开。'], { 'r.granted.total': 15, 'r.partial.total': 3 }],
    ]);
  });

  it('counter-examples: it is no grant (the old table’s own row beside 同意公开答复数), and proactive disclosure still governs its items', () => {
    expectCases([
      ['R', [REQUESTS, '答复的23件中，15件属于已主动公开范围，3件部分公开，2件不予公开，3件信息不存在。'], { 'r.granted.total': undefined }],
      ['P', ['全年主动公开政府信息1520条，其中1200条已经公开，320条部分公开。'], { 'p.total': 1520, 'r.granted.total': undefined, 'r.partial.total': undefined }],
      ['P', ['全年已主动公开政府信息1520条，其中政府网站1200条，其他渠道320条。'], { 'p.total': 1520, 'p.website': 1200 }],
    ]);
  });
});

describe('a channel’s share in its own clause before its figure (占78.9%，计1200条) is a gloss', () => {
  it('计/为/共 N条 after the share’s clause belongs to the channel named before the share', () => {
    const both = { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 };
    expectCases([
      ['P', ['全年主动公开政府信息1520条，其中政府网站公开的占78.9%，计1200条，其他渠道公开的占21.1%，计320条。'], both],
      ['P', ['全年主动公开政府信息1520条。', '其中，政府网站公开的占78.9%，计1200条；其他渠道公开的占21.1%，计320条。'], both],
      ['P', ['全年主动公开政府信息1520条，其中政府网站公开的占78.9%，为1200条，其他渠道公开的占21.1%，为320条。'], both],
      ['P', ['全年主动公开政府信息1520条，其中政府网站占78.9%，共1200条，其他渠道占21.1%，共320条。'], both],
    ]);
  });

  it('counter-examples: a change after the share, or a growth rate (no 占) before the figure, gives the channel nothing', () => {
    expectCases([
      ['P', ['全年主动公开政府信息1520条，其中政府网站公开的占78.9%，较上年增加120条。'], { 'p.total': 1520, 'p.website': undefined }],
      ['P', ['全年主动公开政府信息1520条，其中政府网站公开的同比增长12%，为1200条。'], { 'p.total': 1520, 'p.website': undefined }],
    ]);
  });
});

describe('分别 before the channels’ names, and a total after the list it pairs', () => {
  it('分别通过政府网站、其他渠道公开1200条、320条 pairs in order; …分别公开1200条、320条，共计1520条 keeps its total out of the list and reads it', () => {
    const both = { 'p.website': 1200, 'p.other_channels': 320 };
    expectCases([
      ['P', ['全年主动公开政府信息1520条，分别通过政府网站、其他渠道公开1200条、320条。'], { 'p.total': 1520, ...both }],
      ['P', ['全年主动公开政府信息1520条，分别通过政府网站和其他渠道公开1200条和320条。'], { 'p.total': 1520, ...both }],
      ['P', ['通过政府网站和其他渠道分别公开政府信息1200条、320条，共计1520条。'], { 'p.total': 1520, ...both }],
    ]);
  });

  it('counter-examples: three channels for two metrics, or bodies instead of channels, pair with none', () => {
    expectCases([
      ['P', ['全年主动公开政府信息1520条，分别通过政府网站、其他渠道、政务微博公开1000条、320条、200条。'], { 'p.total': 1520, 'p.website': undefined, 'p.other_channels': undefined }],
      ['P', ['全年主动公开政府信息1520条，分别通过县政府办公室、县财政局公开300条、200条。'], { 'p.total': 1520, 'p.website': undefined, 'p.other_channels': undefined }],
    ]);
  });
});

describe('the figure before its object 主动公开(的)政府信息, whatever the verb before it', () => {
  it('产生/梳理/整理/形成/共有 N条主动公开(的)政府信息 is the year’s total, as 发布 N条 is', () => {
    expectCases(
      ['产生', '梳理', '整理', '制作', '登记', '形成', '有'].map((verb) => ['P', [`全年共${verb}1520条主动公开政府信息。`], { 'p.total': 1520 }]),
    );
    expectCases([
      ['P', ['全年共梳理1520条主动公开的政府信息，较上年增长12%。'], { 'p.total': 1520 }],
      ['P', ['全年共形成1520条主动公开政府信息，其中政府网站1200条，其他渠道320条。'], { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 }],
    ]);
  });

  it('counter-examples: a channel, a kind, a stock, a part of the year or another body’s scope named keeps it out of the total', () => {
    expectCases([
      ['P', ['全年共通过政府网站产生1520条主动公开政府信息。'], { 'p.total': undefined }],
      ['P', ['全年共梳理1520条主动公开的规范性文件。'], { 'p.total': undefined }],
      ['P', ['截至年底，累计形成15200条主动公开政府信息。'], { 'p.total': undefined }],
      ['P', ['上半年共产生1520条主动公开政府信息。'], { 'p.total': undefined }],
    ]);
  });
});

describe('items sent to another body (报送) are disclosed only where the text says so', () => {
  it('报送主动公开政府信息N条, in either order, to a portal or not, is no count of disclosed items', () => {
    expectCases([
      ['P', ['全年共报送主动公开政府信息1520条。'], { 'p.total': undefined }],
      ['P', ['全年共报送1520条主动公开政府信息。'], { 'p.total': undefined }],
      ['P', ['全年共向市政府门户网站报送主动公开政府信息1520条。'], { 'p.total': undefined, 'p.website': undefined }],
    ]);
  });

  it('counter-examples: 报送并主动公开, or the next clause saying they were disclosed, keep the total', () => {
    expectCases([
      ['P', ['全年共报送并主动公开政府信息1520条。'], { 'p.total': 1520 }],
      ['P', ['全年共报送主动公开政府信息1520条，均已在政府网站公开。'], { 'p.total': 1520 }],
      ['P', ['全年主动公开政府信息1520条，其中政府网站公开1200条，其他渠道公开320条，向上级报送信息30条。'], { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 }],
    ]);
  });
});

describe('a label’s colon before a total word (总数：共1520条) joins label and figure', () => {
  it('主动公开政府信息总数：共/共计 N条 is the year’s total', () => {
    expectCases([
      ['P', ['主动公开政府信息总数：共1520条。'], { 'p.total': 1520 }],
      ['P', ['主动公开政府信息总数：共计1520条，较上年增长12%。'], { 'p.total': 1520 }],
    ]);
  });
});

describe('a bare 其他 item after the website’s item, across a semicolon or after a label’s colon', () => {
  it('政府网站1200条；其他(：)320条 and 政府网站：1200条，其他：320条 give the other channels', () => {
    const both = { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 };
    expectCases([
      ['P', ['主动公开政府信息1520条，其中政府网站1200条；其他320条。'], both],
      ['P', ['主动公开政府信息1520条，其中政府网站1200条；其他：320条。'], both],
      ['P', ['主动公开政府信息1520条，其中政府网站：1200条，其他：320条。'], both],
    ]);
  });

  it('counter-examples: after a kind, or in the next sentence, 其他 is no channel', () => {
    expectCases([
      ['P', ['主动公开政府信息1520条，其中政务动态1200条；其他320条。'], { 'p.total': 1520, 'p.other_channels': undefined }],
      ['P', ['主动公开政府信息1520条，其中政府网站1200条。其他320条。'], { 'p.website': 1200, 'p.other_channels': undefined }],
    ]);
  });
});

describe('a single request: what is said of it is said of all (before 2019, nothing carried)', () => {
  it('受理1件，已予以公开并办结 / 申请1件，已按时办结: the one received is the one handled', () => {
    expectCases([
      ['R', ['受理1件，已予以公开并办结。'], { 'r.new.total': 1, 'r.handled.total': 1 }],
      ['R', ['全年共受理政府信息公开申请1件，已予以公开并办结。'], { 'r.new.total': 1, 'r.handled.total': 1, 'r.granted.total': 1 }],
      ['R', ['全年共受理政府信息公开申请1件，已按时办结。'], { 'r.new.total': 1, 'r.handled.total': 1 }],
    ]);
  });

  it('counter-examples: several requests without 均, one still open, or one carried beside it', () => {
    expectCases([
      ['R', ['全年共受理政府信息公开申请3件，已予以公开并办结。'], { 'r.new.total': 3, 'r.handled.total': undefined }],
      ['R', ['全年共受理政府信息公开申请1件，正在办理中。'], { 'r.new.total': 1, 'r.handled.total': undefined }],
      ['R', ['全年共受理政府信息公开申请1件，已答复，另有上年结转1件已办结。'], { 'r.new.total': 1, 'r.handled.total': undefined }],
    ]);
  });
});

describe('占 N条 in a list of channels after the whole, with or without 其中', () => {
  it('政府网站占1200条，其他渠道占320条 after the whole, in its period or the next paragraph', () => {
    const both = { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 };
    expectCases([
      ['P', ['全年主动公开政府信息1520条，政府网站占1200条，其他渠道占320条。'], both],
      ['P', ['全年主动公开政府信息1520条。', '其中，政府网站占1200条；其他渠道占320条。'], both],
    ]);
  });

  it('counter-example: kinds, not channels, give no channel', () => {
    expectCases([['P', ['全年主动公开政府信息1520条，政务动态占1200条，其他占320条。'], { 'p.total': 1520, 'p.website': undefined, 'p.other_channels': undefined }]]);
  });
});

describe('其余的/剩余的 N条 opens a channel’s item as 其余 N条 does', () => {
  it('其余的320条通过其他渠道公开 is the other channels', () => {
    const both = { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 };
    expectCases([
      ['P', ['全年主动公开政府信息1520条，通过政府网站公开的占1200条，其余的320条通过其他渠道公开。'], both],
      ['P', ['全年主动公开政府信息1520条，其中1200条通过政府网站公开，剩余的320条通过其他渠道公开。'], both],
    ]);
  });
});

describe('besides the website (网站以外, 网站外) is the other channels, never the website', () => {
  it('网站外公开数320条, 政府网站以外的渠道公开320条 give the other channels', () => {
    const both = { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 };
    expectCases([
      ['P', ['全年主动公开政府信息1520条，其中网站公开数1200条，网站外公开数320条。'], both],
      ['P', ['全年主动公开政府信息1520条，其中政府网站公开1200条，政府网站以外的渠道公开320条。'], both],
    ]);
  });

  it('counter-example: alone, a figure besides the website is no total and no website share', () => {
    expectCases([['P', ['全年在政府网站以外公开信息320条。'], { 'p.total': undefined, 'p.website': undefined }]]);
  });
});

describe('a verbless list of channels numbered ①②', () => {
  it('其中：①政府网站1200条；②其他渠道320条 gives both channels', () => {
    expectCases([['P', ['全年主动公开政府信息1520条，其中：①政府网站1200条；②其他渠道320条。'], { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 }]]);
  });

  it('counter-example: numbered kinds give no channel', () => {
    expectCases([['P', ['全年主动公开政府信息1520条，其中：①政务动态1200条；②其他320条。'], { 'p.total': 1520, 'p.website': undefined, 'p.other_channels': undefined }]]);
  });
});
