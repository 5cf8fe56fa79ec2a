import { describe, expect, it } from 'vitest';
import { donut } from '../../../src/charts/donut';
import { enFrame, legendOf, seriesOf, titleOf, zhFrame, type Loose } from './option-helpers';

const templates = [
  { name: '2021 模板', value: 60 },
  { name: '2019 模板', value: 30 },
  { name: '叙述式', value: 10 },
];

describe('donut', () => {
  const option = donut(templates, { ...zhFrame, title: '报告模板分布', unit: '份' });
  const [pie] = seriesOf(option);

  it('is one ring with the items in input order', () => {
    expect(seriesOf(option)).toHaveLength(1);
    expect(pie.type).toBe('pie');
    expect(pie.radius).toEqual(['42%', '66%']);
    expect(pie.data.map((d: Loose) => ({ name: d.name, value: d.value }))).toEqual(templates);
    // Each slice its own palette colour and pattern, by name.
    expect(new Set(pie.data.map((d: Loose) => d.itemStyle.color)).size).toBe(templates.length);
    expect(pie.data.every((d: Loose) => d.itemStyle.decal)).toBe(true);
  });

  it('has title, unit and a legend of the items', () => {
    expect(titleOf(option).text).toBe('报告模板分布');
    expect(titleOf(option).subtext).toBe('单位：份');
    expect(legendOf(option)?.data).toEqual(['2021 模板', '2019 模板', '叙述式']);
  });

  it('shows count and share in the tooltip and on the label (a PNG or SVG has no tooltip)', () => {
    expect(pie.tooltip.valueFormatter(60)).toBe('60（60.0%）');
    expect(pie.label.formatter({ name: '叙述式', value: 10 })).toBe('叙述式\n10（10.0%）');
    const en = seriesOf(donut(templates, enFrame))[0];
    expect(en.tooltip.valueFormatter(30)).toBe('30 (30.0%)');
    expect(en.label.formatter({ name: 'narrative', value: 10 })).toBe('narrative\n10 (10.0%)');
  });

  it('drops negative and non-finite items', () => {
    const cleaned = donut([{ name: 'a', value: -1 }, { name: 'b', value: Number.NaN }, { name: 'c', value: 4 }], zhFrame);
    expect(seriesOf(cleaned)[0].data).toMatchObject([{ name: 'c', value: 4 }]);
    expect(seriesOf(cleaned)[0].data).toHaveLength(1);
    expect(legendOf(cleaned)).toBeUndefined();
  });

  it('has no shares when everything is 0', () => {
    const zero = seriesOf(donut([{ name: 'a', value: 0 }, { name: 'b', value: 0 }], zhFrame))[0];
    expect(zero.tooltip.valueFormatter(0)).toBe('0（—）');
  });
});
