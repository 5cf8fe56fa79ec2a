import { describe, expect, it } from 'vitest';
import { donut } from '../../../src/charts/donut';
import { barsWithRate, stackedBars } from '../../../src/charts/bars';
import { lineOverYears } from '../../../src/charts/line';
import { PAD } from '../../../src/charts/frame';
import { fitToWidth, footRaise } from '../../../src/charts/narrow';
import { provinceTileGrid } from '../../../src/charts/tiles';
import { estimateWidth } from '../../../src/charts/wrap';
import type { ChartOption } from '../../../src/charts/types';
import { legendOf, list, seriesOf, titleOf, zhFrame, type Loose } from './option-helpers';

const items = [
  { name: '予以公开', value: 60 },
  { name: '部分公开', value: 30 },
];
const fit = (option: ChartOption, width: number) => fitToWidth(option, width, estimateWidth);
/** What the wrapped notes and source line add, whatever the title. */
const footLines = (option: ChartOption, width = 390) => fit({ ...option, title: { text: '短' } }, width).extraHeight;
const LONG = '广州市越秀区人民政府各部门与各街道依申请公开办理结果的分布（占已办结申请的比例）';
const LONG_NOTE =
  '指数：这些线没有共同的数值大于 0 的年份，每条线以其第一个数值大于 0 的年份为 100（广州市越秀区人民政府 2019 年，广州市海珠区人民政府 2020 年，广州市天河区人民政府 2021 年），只能比较走势，不能比较高低；此前的年份和没有大于 0 数值的线不画。表中为原值。';
const footElements = (option: ChartOption): Loose[] =>
  list(list(option.graphic)[0]?.elements).filter((e) => e.id === 'source' || String(e.id).startsWith('note-'));

describe('fitToWidth: foot lines wrap at every width', () => {
  it('wraps a long note at desktop width into lines that fit, joined they are the note, stacked above the source line', () => {
    const option = stackedBars(['2022', '2023'], [{ name: '予以公开', values: [1, 2] }], { ...zhFrame, notes: `${LONG_NOTE}\n短注` });
    const before = JSON.stringify(option);
    const { option: wide, extraHeight } = fit(option, 1000);
    const [note, short, source] = footElements(wide);
    const lines = String(note.style.text).split('\n');
    expect(lines.length).toBe(2);
    expect(lines.join('')).toBe(LONG_NOTE);
    for (const line of lines) expect(estimateWidth(line.trimEnd(), 11)).toBeLessThanOrEqual(1000 - 24);
    // Bottom up: the source line, the short note above it, the two-line note above both.
    expect([source.bottom, short.bottom, note.bottom]).toEqual([8, 24, 40]);
    expect(note.style.lineHeight).toBe(16);
    // The chart grows by the line added and the plot ends above the foot.
    expect(extraHeight).toBe(16);
    expect((wide.grid as Loose).bottom).toBe((option.grid as Loose).bottom + 16);
    expect(JSON.stringify(option)).toBe(before);
  });

  it('leaves foot lines that fit as one line each, and the desktop chart otherwise as built', () => {
    const option = stackedBars(['2022', '2023'], [{ name: '予以公开', values: [1, 2] }, { name: '部分公开', values: [3, 4] }], { ...zhFrame, notes: '短注' });
    const { option: wide, extraHeight } = fit(option, 1000);
    expect(extraHeight).toBe(0);
    expect(footElements(wide).map((e) => e.style.text)).toEqual(footElements(option).map((e) => e.style.text));
    expect(legendOf(wide)?.type).toBe(legendOf(option)?.type);
    expect(wide.xAxis).toEqual(option.xAxis);
    expect(wide.yAxis).toEqual(option.yAxis);
  });

  it('raises the scale and the no-data key of a tile map with its foot, and the tiles\' box by the same (footRaise)', () => {
    const option = provinceTileGrid([{ code: '44', value: 3 }, { code: '11', value: 5 }], { ...zhFrame, notes: LONG_NOTE });
    const { option: wide, extraHeight } = fit(option, 1000);
    expect(extraHeight).toBe(16);
    expect(footRaise([LONG_NOTE, '来源：x'], 1000, estimateWidth)).toBe(16);
    expect((wide.visualMap as Loose).bottom).toBe((option.visualMap as Loose).bottom + 16);
    const key = (o: ChartOption) => list(list(o.graphic)[0]?.elements).find((e) => !(e.id === 'source' || String(e.id).startsWith('note-')) && typeof e.bottom === 'number');
    expect(key(wide)?.bottom).toBe((key(option)?.bottom as number) + 16);
  });
});

describe('fitToWidth on a phone', () => {
  it('leaves a title that fits at its size and place', () => {
    const option = donut(items, { ...zhFrame, title: '办理结果', unit: '件' });
    const { option: narrow, extraHeight } = fit(option, 390);
    expect(titleOf(narrow).textStyle.fontSize).toBe(16);
    expect(titleOf(narrow).text).toBe('办理结果');
    expect(seriesOf(narrow)[0].top).toBe(seriesOf(option)[0].top);
    expect(extraHeight).toBe(footLines(option));
    // Never a scrolling legend: it hid series behind arrows.
    expect(legendOf(narrow)?.type).toBe('plain');
  });

  it('wraps a legend too wide for a phone onto more rows, every name shown, and moves the plot down and grows the chart by the rows added', () => {
    const levels = ['省级', '地市级', '区县级', '乡镇（街道）', '政府部门', '层级未识别'].map((name) => ({ name: `${name}政府信息公开年度报告`, values: [1, 2] }));
    const option = stackedBars(['2022', '2023'], levels, zhFrame);
    const { option: narrow, extraHeight } = fit(option, 390);
    expect(legendOf(narrow)?.type).toBe('plain');
    expect(legendOf(narrow)?.data).toEqual(levels.map((l) => l.name));
    expect(legendOf(narrow)?.top).toBe(legendOf(option)?.top);
    // 6 names of 150–170 px: 3 rows at the 560 px the frame is laid out for, 6 at 390 px.
    const added = (narrow.grid as Loose).top - (option.grid as Loose).top;
    expect(added).toBe(3 * 22);
    expect(extraHeight).toBe(footLines({ ...option, legend: undefined }) + added);
  });

  it('sets a long title smaller, wraps it to the width, and moves the legend and plot down by the lines added', () => {
    const option = donut(items, { ...zhFrame, title: LONG, unit: '件' });
    const { option: narrow, extraHeight } = fit(option, 390);
    const title = titleOf(narrow);
    expect(String(title.text).split('\n').join('')).toBe(LONG);
    expect(title.textStyle.fontSize).toBe(13);
    // 41 characters at 13 px bold (about 560 px) do not fit 366 px: two lines, one line (20 px) added.
    expect(String(title.text).split('\n').length).toBe(2);
    expect(extraHeight).toBe(footLines(option) + 20);
    expect(legendOf(narrow)?.top).toBe((legendOf(option)?.top as number) + 20);
    expect(seriesOf(narrow)[0].top).toBe((seriesOf(option)[0].top as number) + 20);
  });

  it('moves a cartesian grid down with a wrapped title, and leaves the built option untouched', () => {
    const option = stackedBars(['2022', '2023'], [{ name: '予以公开', values: [1, 2] }, { name: '部分公开', values: [3, 4] }], { ...zhFrame, title: LONG });
    const before = JSON.stringify(option);
    const { option: narrow } = fit(option, 390);
    expect((narrow.grid as Loose).top).toBe((option.grid as Loose).top + 20);
    expect(JSON.stringify(option)).toBe(before);
    // The value axis has fewer ticks and drops a label that would overlap; the category axis is as it was.
    const axes = [narrow.xAxis, narrow.yAxis].flat() as Loose[];
    const value = axes.find((a) => a.type === 'value')!;
    expect(value.splitNumber).toBe(3);
    expect(value.axisLabel.hideOverlap).toBe(true);
    expect(axes.find((a) => a.type === 'category')).toEqual([option.xAxis, option.yAxis].flat().find((a) => (a as Loose).type === 'category'));
  });

  it("keeps the rate axis's top labelled on a phone: 0, 50 and 100 %, the top label forced (hideOverlap dropped it beside 75 %)", () => {
    const option = barsWithRate(['2019', '2020'], [{ name: '复议', values: [3, 4] }], { name: '纠错率', values: [0.2, 0.5] }, zhFrame, { horizontal: true });
    const rateOf = (o: ChartOption) => ([o.xAxis].flat() as Loose[]).find((a) => a.max !== undefined)!;
    expect([rateOf(option).max, rateOf(option).interval]).toEqual([1, 0.25]);
    const rate = rateOf(fit(option, 390).option);
    expect([rate.max, rate.interval, rate.axisLabel.showMaxLabel]).toEqual([1, 0.5, true]);
    // At a desktop width the quarters stay.
    expect(rateOf(fit(option, 1280).option).interval).toBe(0.25);
  });
});

describe('fitToWidth: every line of text fits the width it is given (the measure it wraps with)', () => {
  const en = { ...zhFrame, locale: 'en' as const, title: 'Administrative reconsideration and litigation · 2019', unit: 'cases' };
  const NOTES = [
    'Correction rate = Σ corrected ÷ Σ (total − pending). Counts are summed first, then divided; rates are never averaged.',
    'Where a body has several reports of one kind in a year, the first stating the metric is used; they are never added.',
  ].join('\n');
  const withBreaks = () =>
    lineOverYears([{ name: 'Guangzhou', points: [2018, 2019, 2020, 2021, 2022].map((year) => ({ year, value: year - 2000 })) }], { ...en, notes: NOTES }, {
      templateBreaks: [{ year: 2019, label: '2019 new form: tables' }, { year: 2021, label: '2021 new form: items revised' }],
    });

  for (const width of [320, 390, 560, 800]) {
    it(`at ${width} px: the title's and every foot line's lines`, () => {
      const { option } = fit(withBreaks(), width);
      const title = titleOf(option);
      const titleSize = Number(title.textStyle?.fontSize ?? 16);
      for (const line of String(title.text).split('\n')) expect(estimateWidth(line.trimEnd(), titleSize, true), line).toBeLessThanOrEqual(width - 2 * PAD);
      for (const element of footElements(option)) for (const line of String(element.style.text).split('\n')) expect(estimateWidth(line.trimEnd(), 11), line).toBeLessThanOrEqual(width - 2 * PAD);
    });
  }

  it("on a phone a template break is labelled with its year, its phrase a foot line above the source (the phrase ran off the plot's right edge)", () => {
    const built = withBreaks();
    const { option, extraHeight } = fit(built, 390);
    const labels = (o: ChartOption) => seriesOf(o).flatMap((s) => list(s.markLine?.data)).map((d) => d.label.formatter);
    expect(labels(option)).toEqual(['2019', '2021']);
    const foot = footElements(option);
    expect(foot.map((e) => e.id)).toEqual(['note-0', 'note-1', 'note-breaks', 'source']);
    expect(String(foot[2].style.text).replaceAll('\n', '')).toBe('2019 new form: tables · 2021 new form: items revised');
    // The chart grows by the foot lines added, the plot ends above them.
    const lines = foot.reduce((n, e) => n + String(e.style.text).split('\n').length, 0);
    expect(extraHeight).toBe((lines - 3) * 16 + (titleOf(option).text.split('\n').length - 1) * 20);
    expect((option.grid as Loose).bottom).toBe((built.grid as Loose).bottom + (lines - 3) * 16);
    // At a desktop width the phrases stay on the marks.
    expect(labels(fit(built, 1280).option)).toEqual(['2019 new form: tables', '2021 new form: items revised']);
    expect(labels(built)).toEqual(['2019 new form: tables', '2021 new form: items revised']);
  });
});
