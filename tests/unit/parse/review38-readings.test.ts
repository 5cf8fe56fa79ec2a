// Issue 10, stop 38: the leftovers of review37 (the body's own level, one default for it, the note on an outcome, a figure before
// its act in PDF text) and the forms a survey of the corpora's channel, proactive, granted and handled sentences found unread.
// Each principle's test fails without its change; the counter-examples keep a rule from over-reaching. Sentences written by hand.
import { describe, expect, it } from 'vitest';
import { extractNarrative } from '../../../src/parse/extract/narrative';
import { sharedScope } from '../../../src/parse/extract/rules/features';
import { agreed, readRoles } from '../../../src/parse/extract/rules/roles';
import { normaliseText } from '../../../src/parse/normalise/text';
import { segment } from '../../../src/parse/recognise/clauses';
import { recogniseQuantities } from '../../../src/parse/recognise/quantities';
import { expectCases, pick, readSentence } from '../../helpers/narrative-report';

const REQUESTS = '全年共受理政府信息公开申请25件。';
const OUTCOMES = ['r.granted.total', 'r.partial.total', 'r.denied.total.total', 'r.unable.not_held.total'];
const ALL_FOUR = { 'r.granted.total': 15, 'r.partial.total': 3, 'r.denied.total.total': 2, 'r.unable.not_held.total': 3 };
const DEPARTMENT = '某某县财政局';

describe('the body’s own level: a division, a body’s kind or its short name, its 机关, then 本级 (县局本级, 县财政局本级, 局机关本级)', () => {
  it('in a department’s own report the whole system’s figure is not its own, and its own level’s after the whole is', () => {
    const handled = readSentence('R', `${REQUESTS}全县财政系统共办结申请230件，其中县局本级办结23件，同意公开15件，部分公开3件，不予公开2件，信息不存在3件。`, DEPARTMENT);
    expect(handled['r.handled.total']).toBe(23);
    expect(pick(handled, OUTCOMES)).toEqual(ALL_FOUR);
    for (const own of ['局本级', '县局本级', '县财政局本级', '局机关本级', '本局', '我局'])
      expect({ own, got: readSentence('R', `全县财政系统共受理政府信息公开申请230件，其中${own}受理25件。`, DEPARTMENT)['r.new.total'] }).toEqual({ own, got: 25 });
    expect(readSentence('R', '全县财政系统共办结申请230件，其中局本级办结23件。', DEPARTMENT)['r.handled.total']).toBe(23);
    expect(readSentence('P', '全县财政系统共主动公开政府信息45210条，其中县局本级主动公开1520条。', DEPARTMENT)['p.total']).toBe(1520);
  });

  it('counter-examples: an area report keeps its whole; a part after 其中 that is no body stays a part; the body’s own whole keeps its figure', () => {
    expect(readSentence('R', '全县共办结申请230件，其中县政府本级办结23件，同意公开15件，部分公开3件，不予公开2件，信息不存在3件。')['r.handled.total']).toBe(230);
    expect(readSentence('R', '全县各部门共受理政府信息公开申请230件，其中县政府本级受理25件。')['r.new.total']).toBe(230);
    expect(readSentence('R', '全县财政系统共受理政府信息公开申请230件，其中网上申请25件。', DEPARTMENT)['r.new.total']).toBe(230);
    expect(readSentence('R', '本局共受理政府信息公开申请230件，其中局本级受理25件。', DEPARTMENT)['r.new.total']).toBe(230);
    expect(readSentence('R', '共受理政府信息公开申请230件，其中局机关受理25件，下属单位受理205件。', DEPARTMENT)['r.new.total']).toBe(230);
  });
});

describe('the own-level switch has one default, an unknown scope’s (not the body’s own), for every function that takes it', () => {
  const text = '全县财政系统共办结申请230件，其中局本级办结23件。';
  const s = normaliseText(text).s;
  const byRoles = (...ownLevel: boolean[]) => agreed(readRoles(s, segment(s), recogniseQuantities(s), [2015], new Set(), '', () => false, ...ownLevel)).best.map((r) => [r.metric, r.q.value]);
  it('the inner readers without it read what extractNarrative reads without it', () => {
    const outer = extractNarrative(normaliseText(text), { known: new Set(), template: null, year: 2015 }).values.map((v) => [v.metric, v.value]);
    expect(outer).toEqual([['r.handled.total', 230]]);
    expect(byRoles()).toEqual(byRoles(false));
    expect(byRoles()).toEqual(outer);
    expect(sharedScope('全县财政系统共办结申请230件', '，其中局本级办结23件。')).toBe(sharedScope('全县财政系统共办结申请230件', '，其中局本级办结23件。', '', false));
  });
});

describe('a note opens on an outcome’s label, not on a word of which 公开 is a part (依申请公开23件（其中…）', () => {
  it('the list of outcomes in brackets after the requests’ figure is read, figure-first too', () => {
    expectCases([
      ['R', ['全年受理依申请公开23件（其中15件同意公开，3件部分公开，2件不予公开，3件信息不存在）。'], { ...ALL_FOUR, 'r.new.total': 23 }],
      ['R', ['全年受理政府信息公开申请23件（其中15件同意公开，3件部分公开，2件不予公开，3件信息不存在）。'], { ...ALL_FOUR, 'r.new.total': 23 }],
    ]);
  });

  it('counter-examples: a note on an outcome is still a part of it, never its count', () => {
    expectCases([
      ['R', [REQUESTS, '办结23件，其中同意公开（含告知获取途径的5件）15件，部分公开3件，不予公开2件，信息不存在3件。'], { ...ALL_FOUR, 'r.handled.total': 23 }],
      ['R', [REQUESTS, '办结23件，其中同意公开15件（其中已主动公开5件），部分公开3件，不予公开2件，信息不存在3件。'], { ...ALL_FOUR, 'p.total': undefined }],
    ]);
  });
});

describe('a figure before its act opens the act’s clause; in PDF text a space after another act’s figure is no clause of the next', () => {
  it('…申请25件 共办结：23件 reads handled 23, not the received 25', () => {
    const got = readSentence('R', '全年共受理政府信息公开申请25件 共办结：23件，其中同意公开15件，部分公开3件，不予公开2件，信息不存在3件。');
    expect(pick(got, ['r.handled.total', ...OUTCOMES])).toEqual({ 'r.handled.total': 23, ...ALL_FOUR });
    expect(readSentence('R', '全年共受理政府信息公开申请25件 共办结：23件 其中同意公开15件 部分公开3件 不予公开2件 信息不存在3件')['r.handled.total']).toBe(23);
  });

  it('counter-examples: a figure after another’s unit and a space still opens its act’s clause, as after a comma', () => {
    for (const gap of [' ', '，'])
      expectCases([['R', [`全年共受理政府信息公开申请25件${gap}23件已办结：15件提供了信息，3件部分公开，2件不予公开，3件信息不存在。`], { ...ALL_FOUR, 'r.new.total': 25, 'r.handled.total': 23 }]]);
  });
});

describe('the other channels’ share is never the year’s whole (main read 1476 as p.total, the same figure in two roles, or tied it with the total)', () => {
  const P = (text: string) => pick(readSentence('P', text), ['p.total', 'p.website', 'p.other_channels']);
  const SHARES = { 'p.website': 1070, 'p.other_channels': 1476 };
  it('the total after the shares, with or without its act, is read, and only it', () => {
    for (const total of ['全年共主动公开2546条', '全年共计2546条', '总计2546条', '两项合计2546条', '共计2546条'])
      expect({ total, got: P(`通过政府网站主动公开政府信息1070条，通过其他方式主动公开政府信息1476条，${total}。`) }).toEqual({ total, got: { 'p.total': 2546, ...SHARES } });
    expect(P('通过其他方式主动公开政府信息1476条，通过政府网站主动公开政府信息1070条，共计2546条。')).toEqual({ 'p.total': 2546, ...SHARES });
    expect(P('通过其他方式主动公开政府信息1476条。')).toEqual({ 'p.total': undefined, 'p.website': undefined, 'p.other_channels': 1476 });
  });

  it('counter-examples: the website and the other channels named together are every channel, their figure the whole', () => {
    expect(P('全年在政府网站和其他渠道共主动公开政府信息2546条。')['p.total']).toBe(2546);
    expect(P('全年通过政府网站及其他方式主动公开政府信息2546条。')['p.total']).toBe(2546);
    expect(P('全年主动公开政府信息2546条，通过其他方式主动公开1476条。')).toEqual({ 'p.total': 2546, 'p.website': undefined, 'p.other_channels': 1476 });
  });
});

describe('the other channels’ means are one list, written once (其他方式/渠道/途径/平台/形式/载体/媒介/媒体/手段)', () => {
  it('其他手段 is the other channels, wherever the list is asked (an item’s phrase, 分别)', () => {
    expectCases([
      ['P', ['全年主动公开政府信息2546条，其中网站公开1070条，其他手段公开1476条。'], { 'p.total': 2546, 'p.website': 1070, 'p.other_channels': 1476 }],
      ['P', ['全年主动公开政府信息2546条，通过政府网站和其他手段分别公开1070条和1476条。'], { 'p.total': 2546, 'p.website': 1070, 'p.other_channels': 1476 }],
    ]);
  });

  it('counter-examples: a third channel beside the other ones leaves them unread; the whole put online (上网公开) stays the total (review35c)', () => {
    expectCases([
      ['P', ['全年主动公开政府信息2546条，其中通过网站公开1070条，通过政府公报公开12条，通过其他方式公开1464条。'], { 'p.total': 2546, 'p.website': 1070, 'p.other_channels': undefined }],
      ['P', ['全年共上网公开政府信息1520条。'], { 'p.total': 1520, 'p.website': undefined }],
    ]);
  });
});

describe('two acts joined by 、 on one figure (受理、办结申请25件) are both, as 受理并办结 is', () => {
  it('reads the received and the handled', () => {
    expectCases([['R', ['全年受理、办结政府信息公开申请25件，其中同意公开15件，部分公开3件，不予公开2件，信息不存在5件。'], { 'r.new.total': 25, 'r.handled.total': 25, 'r.granted.total': 15 }]]);
  });

  it('counter-examples: not when some go on to the next year; 、 before no end of handling names a procedure (seeds/2013-heilongjiang-yichun-city)', () => {
    expectCases([['R', ['全年受理、办结政府信息公开申请25件，其中结转下年度继续办理2件。'], { 'r.new.total': 25, 'r.handled.total': undefined }]]);
    expect(readSentence('R', '制定《依申请公开受理、办理程序》等10多项规章制度，全年共受理政府信息公开申请2件，均已答复。')['r.handled.total']).not.toBe(10);
  });
});

describe('the received named by their figure, every one of them ended (受理的25件申请均已办结): the figure is the handled’s too', () => {
  it('reads the handled beside the outcomes', () => {
    expectCases([
      ['R', [REQUESTS, '受理的25件申请均已办结，其中同意公开15件，部分公开3件，不予公开2件，信息不存在3件。'], { ...ALL_FOUR, 'r.new.total': 25, 'r.handled.total': 25 }],
      ['R', ['全年共受理政府信息公开申请25件，所受理的25件申请全部按时办结，其中同意公开15件，部分公开3件，不予公开2件，信息不存在3件。'], { ...ALL_FOUR, 'r.handled.total': 25 }],
      ['R', [REQUESTS, '收到的25件申请均已答复。'], { 'r.handled.total': 25 }],
    ]);
  });

  it('counter-examples: not without a word of all of them, not when some go on to the next year, and a count of its own after 中 stays its', () => {
    expectCases([
      ['R', [REQUESTS, '受理的25件申请已办结，其中同意公开15件。'], { 'r.handled.total': undefined, 'r.granted.total': 15 }],
      ['R', [REQUESTS, '受理的25件申请均已办结，其中结转下年度2件。'], { 'r.handled.total': undefined }],
      ['R', [REQUESTS, '受理的25件申请中，23件已办结。'], { 'r.handled.total': 23 }],
    ]);
  });
});
