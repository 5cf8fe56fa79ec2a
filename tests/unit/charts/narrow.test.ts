import { describe, expect, it } from 'vitest';
import { donut } from '../../../src/charts/donut';
import { stackedBars } from '../../../src/charts/bars';
import { narrowOption } from '../../../src/charts/narrow';
import type { ChartOption } from '../../../src/charts/types';
import { legendOf, seriesOf, titleOf, zhFrame, type Loose } from './option-helpers';

const items = [
  { name: '予以公开', value: 60 },
  { name: '部分公开', value: 30 },
];
/** What the wrapped notes and source line add, whatever the title. */
const footLines = (option: ChartOption) => narrowOption({ ...option, title: { text: '短' } }, 390).extraHeight;
const LONG = '广州市越秀区人民政府各部门与各街道依申请公开办理结果的分布（占已办结申请的比例）';

describe('narrowOption (charts on a phone)', () => {
  it('leaves a title that fits at its size and place', () => {
    const option = donut(items, { ...zhFrame, title: '办理结果', unit: '件' });
    const { option: narrow, extraHeight } = narrowOption(option, 390);
    expect(titleOf(narrow).textStyle.fontSize).toBe(16);
    expect(titleOf(narrow).textStyle.overflow).toBeUndefined();
    expect(seriesOf(narrow)[0].top).toBe(seriesOf(option)[0].top);
    expect(extraHeight).toBe(footLines(option));
  });

  it('sets a long title smaller, wraps it to the width, and moves the legend and plot down by the lines added', () => {
    const option = donut(items, { ...zhFrame, title: LONG, unit: '件' });
    const { option: narrow, extraHeight } = narrowOption(option, 390);
    const title = titleOf(narrow);
    expect(title.text).toBe(LONG);
    expect(title.textStyle.fontSize).toBe(13);
    expect(title.textStyle.overflow).toBe('break');
    expect(title.textStyle.width).toBe(390 - 24);
    // 41 characters at 13 px (533 px) do not fit 366 px: two lines, one line (20 px) added.
    expect(extraHeight).toBe(footLines(option) + 20);
    expect(legendOf(narrow)?.top).toBe((legendOf(option)?.top as number) + 20);
    expect(seriesOf(narrow)[0].top).toBe((seriesOf(option)[0].top as number) + 20);
  });

  it('moves a cartesian grid down with a wrapped title, and leaves the wide option untouched', () => {
    const option = stackedBars(['2022', '2023'], [{ name: '予以公开', values: [1, 2] }, { name: '部分公开', values: [3, 4] }], { ...zhFrame, title: LONG });
    const before = JSON.stringify(option);
    const { option: narrow } = narrowOption(option, 390);
    expect((narrow.grid as Loose).top).toBe((option.grid as Loose).top + 20);
    expect(JSON.stringify(option)).toBe(before);
    // The value axis has fewer ticks and drops a label that would overlap; the category axis is as it was.
    const axes = [narrow.xAxis, narrow.yAxis].flat() as Loose[];
    const value = axes.find((a) => a.type === 'value')!;
    expect(value.splitNumber).toBe(3);
    expect(value.axisLabel.hideOverlap).toBe(true);
    expect(axes.find((a) => a.type === 'category')).toEqual([option.xAxis, option.yAxis].flat().find((a) => (a as Loose).type === 'category'));
  });
});
