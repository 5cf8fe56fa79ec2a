import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse';
import { decodeBytes } from '../../src/parse/decode/bytes';
import { htmlToText } from '../../src/parse/decode/html';
import { parseCellNumber, parseChineseNumeral } from '../../src/parse/normalise/numbers';
import { normaliseText, sourceSpan } from '../../src/parse/normalise/text';
import { encodeGbk } from '../helpers/gbk';

const CORPUS = join(import.meta.dirname, '../../data/corpus');
const value = (text: string, metric: string) => parseReport(text).values.find((v) => v.metric === metric);
const REPORT = '某县人民政府2018年政府信息公开工作年度报告\n';

describe('numbers', () => {
  it('reads Chinese numerals', () => {
    expect(parseChineseNumeral('一')).toBe(1);
    expect(parseChineseNumeral('十二')).toBe(12);
    expect(parseChineseNumeral('一千二百零五')).toBe(1205);
    expect(parseChineseNumeral('二〇一八')).toBe(2018);
    expect(parseChineseNumeral('三万')).toBe(30000);
    expect(parseChineseNumeral('abc')).toBeNull();
  });

  it('reads table cells as printed, with signs, units and extraction noise', () => {
    expect(parseCellNumber('增82')?.value).toBe(82);
    expect(parseCellNumber('减5')?.value).toBe(-5);
    expect(parseCellNumber('+19')?.value).toBe(19);
    expect(parseCellNumber('--253')?.value).toBe(-253);
    expect(parseCellNumber('??3146 ')?.value).toBe(3146);
    expect(parseCellNumber('21469172.33元')?.value).toBe(21469172.33);
    expect(parseCellNumber('103.3879万元')?.value).toBe(1033879);
    expect(parseCellNumber('1200余')).toMatchObject({ value: 1200, approx: true });
    expect(parseCellNumber('规章')).toBeNull();
    expect(parseCellNumber('')).toBeNull();
  });
});

describe('normalisation', () => {
  it('maps full-width, traditional characters and pinyin glosses, keeping source offsets', () => {
    const text = '鎮(zhèn)政府主動公開信息１２３條';
    const norm = normaliseText(text);
    expect(norm.s).toBe('镇政府主动公开信息123条');
    const at = norm.s.indexOf('123');
    const span = sourceSpan(norm, at, at + 3);
    expect(text.slice(span.start, span.end)).toBe('１２３');
  });

  it('turns NBSP, ideographic spaces and literal &nbsp; into spaces', () => {
    expect(normaliseText('a\u00a0b\u3000c&nbsp;d').s).toBe('a b c d');
  });
});

describe('decoding', () => {
  it('detects UTF-8 with and without BOM, GBK and UTF-16', () => {
    const text = '政府信息公开工作年度报告';
    expect(decodeBytes(new TextEncoder().encode(text))).toMatchObject({ ok: true, encoding: 'utf-8', text });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toMatchObject({ ok: true, encoding: 'utf-8-bom', text });
    expect(decodeBytes(encodeGbk(text))).toMatchObject({ ok: true, encoding: 'gbk', text });
    const withDigits = '2019年政府信息公开工作年度报告\n主动公开12条';
    expect(decodeBytes(new Uint8Array(Buffer.from(withDigits, 'utf16le')))).toMatchObject({ ok: true, encoding: 'utf-16le', text: withDigits });
    expect(decodeBytes(new Uint8Array(Buffer.from(withDigits, 'utf16le').swap16()))).toMatchObject({ ok: true, encoding: 'utf-16be', text: withDigits });
  });

  it('keeps a capture cut inside a multi-byte character, with a warning', () => {
    const bytes = new TextEncoder().encode('政府信息公开');
    const result = decodeBytes(bytes.subarray(0, bytes.length - 1));
    expect(result).toMatchObject({ ok: true, text: '政府信息公' });
    expect(result.ok && result.warnings[0]).toMatch(/truncated/);
  });

  it('refuses empty, binary and PDF input with a reason', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, reason: 'empty file' });
    expect(decodeBytes(new TextEncoder().encode('%PDF-1.7 ...'))).toMatchObject({ ok: false, reason: expect.stringMatching(/PDF/) });
    expect(decodeBytes(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3]))).toMatchObject({ ok: false });
  });

  it('a GBK report parses to the same values as its UTF-8 original', () => {
    // NBSP has no GBK code; GBK pages print a plain space there
    const text = readFileSync(join(CORPUS, 'seeds/2017-liaoning-yingkou-zhanqian-county.txt'), 'utf8').replace(/\u00a0/g, ' ').replace(/•/g, '·');
    const gbk = parseReport(encodeGbk(text));
    expect(gbk.facts.encoding).toBe('gbk');
    expect(gbk.values.length).toBeGreaterThan(5);
    expect(gbk.values).toEqual(parseReport(text).values);
  });
});

describe('HTML', () => {
  it('renders tables on their grid, honouring rowspan and colspan, blank cells kept', () => {
    const html = '<table><tr><td rowspan="2">三、本年度办理结果</td><td>(一)予以公开</td><td>5</td></tr><tr><td>(二)部分公开</td><td>&nbsp;</td></tr></table>';
    expect(htmlToText(html)).toBe('三、本年度办理结果 | (一)予以公开 | 5\n(二)部分公开 |');
  });

  it('drops scripts and styles', () => {
    expect(htmlToText('<p>a</p><script>var x = 1;</script><style>p{}</style><p>b</p>')).toBe('a\n\nb');
  });
});

describe('facts', () => {
  it('takes the statistics year, the labelled published date and the signature', () => {
    // the district's report (站前区2017年度…), signed by its office: the district's level
    const r = parseReport(readFileSync(join(CORPUS, 'seeds/2017-liaoning-yingkou-zhanqian-county.txt')));
    expect(r.facts).toMatchObject({ year: 2017, published: '2018-02-11', issuer: '站前区政府办公室', jurisdiction: '站前区', level: 'county', template: 'narrative' });
  });

  it('decides the template from printed headers, not the year', () => {
    const r = parseReport(readFileSync(join(CORPUS, 'seeds/2019-liaoning-fuxin-city.txt')));
    expect(r.facts).toMatchObject({ template: 'table2019', template_basis: 'printed' });
  });

  it('falls back to the year only when no table is printed', () => {
    expect(parseReport('某县2022年政府信息公开工作年度报告\n主动公开政府信息12条。').facts).toMatchObject({ template: 'table2021', template_basis: 'year' });
  });

  it('refuses a text that is not a disclosure report', () => {
    expect(parseReport('今天天气很好，我们去公园散步。')).toMatchObject({ status: 'failed', error: expect.stringMatching(/not an information-disclosure/) });
  });
});

describe('narrative traps', () => {
  it('cumulative counts are not the year total', () => {
    const text = REPORT + '截至2018年12月31日,累计主动公开政府信息1205条。';
    expect(value(text, 'p.cumulative')?.value).toBe(1205);
    expect(value(text, 'p.total')).toBeUndefined();
  });

  it('"2021年累计主动公开" is the year total', () => {
    expect(value(REPORT + '2018年累计主动公开政府信息830条,其中文件5份。', 'p.total')?.value).toBe(830);
  });

  it('approximate values and 万 multipliers', () => {
    expect(value(REPORT + '主动公开各类政府信息3万余条。', 'p.total')).toMatchObject({ value: 30000, approx: true });
    expect(value(REPORT + '区政府门户网站发布各类信息4.14万条。', 'p.website')).toMatchObject({ value: 41400, approx: false });
  });

  it('a statement of no reviews or fees is no statement about requests (pages/2010-jiangsu-xiangcheng-county, pages/2018-jiangxi-yuanzhou-xicun-town)', () => {
    expect(value(REPORT + '本单位2010年度未发生针对本部门有关政府信息公开事务的行政复议。', 'r.new.total')).toBeUndefined();
    expect(value(REPORT + '2018年度未发生信息公开的收费和减免情况。', 'r.new.total')).toBeUndefined();
    expect(value(REPORT + '2018年度未收到政府信息公开申请。', 'r.new.total')?.value).toBe(0);
    expect(value(REPORT + '2018年度收到申请公开政府信息数0条。', 'r.new.total')?.value).toBe(0);
  });

  it('reads the wordings of no requests received, and not a statutory row label or a statement cut with its page', () => {
    for (const [from, text] of [
      ['pages/2021-hubei-baokang-agriculture-rural-bureau-department', '2021年我局未收到申请公开事项。'],
      ['pages/2025-neimenggu-xinganmeng-foreign-affairs-office-department', '2025年我办未收到要求公开政府信息的申请。'],
      ['pages/2021-yunnan-chuxiong-xishelu-town', '2021年,西舍路镇全年无依申请办理公开事项。'],
      ['pages/2017-zhejiang-jianggan-administrative-approval-office-department', '2017年未接收到有关依申请公开政府信息的情况。'],
      ['pages/2024-guangxi-xixiangtang-xixiangtang-town', '2024年,我街道未收到公民、法人或者其他组织申请公开政府信息。'],
    ]) expect(value(REPORT.replace('2018', /(\d{4})年/.exec(text)![1]) + text, 'r.new.total')?.value, from).toBe(0); // a report on the year the sentence names
    // the same statement about another year than the report's states nothing of its own year
    expect(value(REPORT + '2021年我局未收到申请公开事项。', 'r.new.total')).toBeUndefined();
    expect(value(REPORT + '4.无正当理由大量反复申请0 0 0 0 0 0 0。', 'r.new.total')).toBeUndefined();
    expect(value(REPORT + '未收到申请人的投诉。', 'r.new.total')).toBeUndefined();
    expect(value(REPORT + '本年度未发生依申请公', 'r.new.total')).toBeUndefined(); // pages/2009-zhejiang-yiwu-yiting-town
  });

  it('reads the wordings of no fees collected, and not the statutory row on unpaid fees', () => {
    expect(value(REPORT + '2020年,我镇未对公众依申请公开政府信息收取任何费用。', 'fee.collected_yuan')?.value).toBe(0); // pages/2020-chongqing-rongchang-hebao-town
    expect(value(REPORT + '2016年度,我乡未发生政府信息公开申请,因而未发生政府信息公开的收费及减免情况。', 'fee.collected_yuan')?.value).toBe(0); // pages/2016-sichuan-dazhu-chaoyang-town
    expect(value(REPORT + '2.申请人逾期未按收费通知要求缴纳费用0 0 0 0 0 0 0。', 'fee.collected_yuan')).toBeUndefined();
  });

  it('messages and hotline cases handled are not requests handled (pages/2023-gansu-linxia-county)', () => {
    expect(value(REPORT + '收到网民留言60条,公开答复28条,电话答复15条,已办结60条。', 'r.handled.total')).toBeUndefined();
    expect(value(REPORT + '共收到政府信息公开申请12件,已办结12件。', 'r.handled.total')?.value).toBe(12);
  });

  it('a run of 40,000 digits is no count', () => {
    expect(parseReport(REPORT + '行政复议' + '1'.repeat(40_000)).values).toEqual([]);
  });

  it('Chinese numerals in sentences', () => {
    expect(value(REPORT + '本年度收到政府信息公开申请一件。', 'r.new.total')?.value).toBe(1);
  });

  it('classification counts are not request outcomes', () => {
    const text = REPORT + '主动公开信息20条,不予公开信息有10条。没有依申请公开信息的情况。';
    expect(value(text, 'r.denied.total.total')).toBeUndefined();
    expect(value(text, 'r.new.total')?.value).toBe(0);
  });

  it('county-wide numbers inside a city report are not the city\'s', () => {
    expect(value(REPORT + '各县区政府共受理依申请公开件99件。', 'r.new.total')).toBeUndefined();
  });

  it('no review "correction" is not zero reviews', () => {
    const text = REPORT + '全年没有被行政复议或行政诉讼纠错的情况。';
    expect(value(text, 'rv.total')).toBeUndefined();
    expect(value(text, 'lit.total')).toBeUndefined();
  });

  it('statements of zero', () => {
    const text = REPORT + '本年度没有因政府信息公开被申请行政复议、被提起行政诉讼的情况。未收取任何政府信息公开费用。';
    expect(value(text, 'rv.total')?.value).toBe(0);
    expect(value(text, 'lit.total')?.value).toBe(0);
    expect(value(text, 'fee.collected_yuan')?.value).toBe(0);
  });

  it('no reviews or suits of one narrower cause is no zero total (pages/2024-guangxi-xixiangtang-xixiangtang-town)', () => {
    const text = REPORT + '全年无因不及时公开信息而引发行政复议和起诉案件。';
    expect(value(text, 'rv.total')).toBeUndefined();
    expect(value(text, 'lit.total')).toBeUndefined();
    // caused by disclosure itself: the total
    expect(value(REPORT + '全年没有因政府信息公开而引起行政复议和行政诉讼的情况。', 'rv.total')?.value).toBe(0);
  });

  it('a figure for several 无法提供 reasons given together is no one reason’s (pages/2020-hainan-hainan-government-office-department)', () => {
    const text = REPORT + '共收到申请70件,本机关不掌握相关政府信息或没有现成信息及申请内容不明确无法提供的33件。';
    expect(value(text, 'r.unable.unclear.total')).toBeUndefined();
    expect(value(REPORT + '共收到申请70件,申请内容不明确的2件。', 'r.unable.unclear.total')?.value).toBe(2);
  });

  it('services received and handled are not disclosure requests (complete/2013-fujian-pingtan-local-tax-bureau-department)', () => {
    const text = REPORT + '今年我局共受理审批事项117件,办结171件,办结率100%。';
    expect(value(text, 'r.handled.total')).toBeUndefined();
    expect(value(text, 'r.new.total')).toBeUndefined();
    // a sentence naming disclosure requests beside the service window still counts
    expect(value(REPORT + '通过政务服务窗口共受理政府信息公开申请5件,已办结5件。', 'r.handled.total')?.value).toBe(5);
  });

  it('two separate channel figures without a total record no other-channel value', () => {
    const text = REPORT + '其中政府网站公开5419条、政务微信公开3914条、其他方式公开4856条。';
    expect(value(text, 'p.website')?.value).toBe(5419);
    expect(value(text, 'p.other_channels')).toBeUndefined();
  });
});

describe('tables and checks', () => {
  it('flags the report\'s own arithmetic errors and records values as printed', () => {
    const r = parseReport(readFileSync(join(CORPUS, 'seeds/2019-liaoning-fuxin-city.txt')));
    const balance = r.checks.find((c) => c.id === 'requests.balance.total');
    expect(balance).toMatchObject({ status: 'fail', expected: 146, actual: 131 });
    expect(r.values.find((v) => v.metric === 'r.new.total')?.value).toBe(131);
    expect(r.values.find((v) => v.metric === 'p.fees.change')?.value).toBe(-5);
  });

  it('marks computed subtotals as derived', () => {
    const r = parseReport(readFileSync(join(CORPUS, 'seeds/2019-liaoning-fuxin-city.txt')));
    expect(r.values.find((v) => v.metric === 'r.denied.total.total')).toMatchObject({ value: 10, derived: true });
  });

  it('blank cells are absent, with a warning', () => {
    const r = parseReport(readFileSync(join(CORPUS, 'real/2020-shaanxi-yuyang-tuofenglu-town.txt')));
    expect(r.values.find((v) => v.metric === 'r.new.total')?.value).toBe(0);
    expect(r.values.find((v) => v.metric === 'r.new.natural')).toBeUndefined();
    expect(r.warnings.join('\n')).toMatch(/blank/);
  });
});
