// What review35 (issue 10) found missed in the proactive sentences, each fixed by a principle: the right value
// read, and right-reading counter-examples so a rule does not over-reach. Written by hand the way reports state
// them; no report of ../shared/corpus words these sentences so.
import { describe, expect, it } from 'vitest';
import { expectCases, HEADINGS, narrativeReport, pick, printedValues, type ReadingCase as Case } from '../../helpers/narrative-report';

describe('P1: a bare figure counts the topic named in the clause before it', () => {
  it('the year’s proactive disclosure as the topic (X方面, X情况, X工作, X，) and a clause that only links the figure to it', () => {
    const sentences = [
      '主动公开方面，全年共1520条。',
      '在主动公开政府信息方面，本机关全年共公开1520条。',
      '主动公开的政府信息，全年共有1520条。',
      '本年度主动公开的政府信息，总数为1520条。',
      '全年主动公开政府信息，总数达1520条。',
      '全年主动公开政府信息，数量为1520条。',
      '全年主动公开政府信息，总数1520条。',
      '全年主动公开政府信息，有1520条。',
      '全年主动公开各类政府信息，共计1520条。',
      '政府信息主动公开情况：全年共计1520条。',
      '政府信息主动公开数量，本年度为1520条。',
      '2015年，本机关认真做好政府信息主动公开工作，全年共发布1520条。',
      '主动公开政府信息方面，全年完成1520条。',
    ];
    expectCases(sentences.map((s) => ['P', [s], { 'p.total': 1520 }]));
  });

  it('the channels after such a total still break it down', () => {
    expectCases([['P', ['主动公开方面，全年共1520条。', '其中，政府网站1200条，其他渠道320条。'], { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 }]]);
  });

  it('counter-examples: a channel’s or a kind’s topic, a running total, or a clause with its own object is no year’s total', () => {
    expectCases([
      ['P', ['在政府网站主动公开方面，全年共1200条。'], { 'p.total': undefined }],
      ['P', ['主动公开规范性文件方面，全年共20条。'], { 'p.total': undefined }],
      ['P', ['全年主动公开政府信息，累计1520条。'], { 'p.total': undefined }],
      ['P', ['主动公开方面，全年共编发简报20条。'], { 'p.total': undefined }],
      ['P', ['全年主动公开政府信息1520条，累计达12560条。'], { 'p.total': 1520 }],
      // another year's topic, or a larger scope's before the body's own
      ['P', ['上年度主动公开政府信息，全年共公开1352条。'], { 'p.total': undefined }],
      ['P', ['2014年主动公开方面，全年共1352条。'], { 'p.total': undefined }],
    ]);
  });
});

describe('C1: the body’s own disclosure column on a site is where the website publishes, not a topic’s column', () => {
  const WHOLE = '全年主动公开政府信息1520条，';
  it('信息公开专栏/栏目, “政府信息公开”专栏 and 我局专栏 on the site give the website’s share', () => {
    const cases: Case[] = [
      [`${WHOLE}其中县政府门户网站信息公开专栏1200条。`, 1200],
      [`${WHOLE}其中在政府网站信息公开栏目公开1200条。`, 1200],
      [`${WHOLE}其中在县政府网站“政府信息公开”专栏公开1200条。`, 1200],
      ['全年主动公开政府信息1520条。\n通过县政府网站信息公开专栏公开1200条，通过其他渠道公开320条。', 1200],
    ].map(([text, v]) => ['P', (text as string).split('\n'), { 'p.total': 1520, 'p.website': v as number }]);
    expectCases(cases);
    expect(pick(printedValues(narrativeReport('某某县财政局', HEADINGS.P, '我局全年主动公开政府信息152条，其中在县政府门户网站我局专栏公开120条。')), ['p.total', 'p.website'])).toEqual({ 'p.total': 152, 'p.website': 120 });
  });

  it('counter-examples: a topic’s column on the site is a part, not the website’s share', () => {
    expectCases([
      ['P', [`${WHOLE}其中在政府网站“政策解读”专栏公开120条。`], { 'p.total': 1520, 'p.website': undefined }],
      ['P', [`${WHOLE}其中在县政府网站疫情防控专题发布120条。`], { 'p.total': 1520, 'p.website': undefined }],
    ]);
  });
});

describe('C2: the website’s and the rest’s words', () => {
  const WHOLE = '全年主动公开政府信息1520条。';
  it('政务公开网 and 网络 are the website; 非网站, 非网络, 纸质/传统方式 the other channels', () => {
    expectCases(
      ['通过政务公开网发布1200条，通过纸质媒介等传统方式发布320条。', '通过网络发布1200条，通过非网络渠道发布320条。', '其中网站公开1200条，非网站公开320条。', '通过网站渠道公开1200条，非网站渠道公开320条。'].map((s) => [
        'P',
        [WHOLE, s],
        { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 },
      ]),
    );
  });

  it('counter-examples: 网络 of a business (网络问政, 网络舆情) is no channel; the whole put online is still the total', () => {
    expectCases([
      ['P', ['全年共上网公开政府信息1520条。'], { 'p.total': 1520, 'p.website': undefined }],
      ['P', ['全年主动公开政府信息1520条，回应网络舆情12条。'], { 'p.total': 1520, 'p.website': undefined }],
    ]);
  });
});

describe('C4: 分别 or 各 pairs two channels with their figures in order, joined by 和 or 、', () => {
  const WHOLE = '全年主动公开政府信息1520条。';
  it('分别为 with no verb of its own, and 各 before the verb', () => {
    expectCases(
      ['门户网站和其他渠道分别为1200条和320条。', '网站和其他渠道各公开1200条、320条。'].map((s) => ['P', [WHOLE, s], { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 }]),
    );
  });

  it('counter-examples: another act than disclosure, or 各 of a kind, gives no shares', () => {
    expectCases([
      ['P', [WHOLE, '政府网站和其他渠道分别收到留言120条和32条。'], { 'p.total': 1520, 'p.website': undefined, 'p.other_channels': undefined }],
      ['P', [WHOLE, '政府网站和其他渠道各类信息均及时更新。'], { 'p.total': 1520, 'p.website': undefined, 'p.other_channels': undefined }],
    ]);
  });
});

describe('C3: 剩余 opens the rest’s item as 其余 does', () => {
  it('剩余N条通过其他渠道公开 after the website’s item is the other channels’ share', () => {
    expectCases([['P', ['全年主动公开政府信息1520条。', '网站公开1200条，剩余320条通过其他渠道公开。'], { 'p.total': 1520, 'p.website': 1200, 'p.other_channels': 320 }]]);
  });
});
