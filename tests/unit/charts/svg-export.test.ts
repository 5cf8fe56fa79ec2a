import { describe, expect, it } from 'vitest';
import { barsWithRate, stackedBars } from '../../../src/charts/bars';
import { donut } from '../../../src/charts/donut';
import { optionToSvg, stableSvgIds } from '../../../src/charts/svg';
import { defaultTemplateBreaks, lineOverYears } from '../../../src/charts/line';
import { rankedBars } from '../../../src/charts/ranked';
import { provinceTileGrid } from '../../../src/charts/tiles';
import type { ChartOption } from '../../../src/charts/types';
import { ZH_SOURCE_LINE, zhFrame } from './option-helpers';

const frame = { ...zhFrame, notes: '注：2019 年起采用新模板' };

const cases: [string, ChartOption, string[]][] = [
  [
    'lineOverYears',
    lineOverYears(
      [
        { name: '北京市', points: [{ year: 2018, value: 12000 }, { year: 2019, value: null }, { year: 2022, value: 50000 }] },
        { name: '上海市', points: [{ year: 2020, value: 80000 }] },
      ],
      frame,
      { templateBreaks: defaultTemplateBreaks('zh') },
    ),
    ['北京市', '上海市', '2019 新表：统一表格', '2021 新表：项目调整', '2018', '2022', '8万'],
  ],
  [
    'stackedBars',
    stackedBars(['2019', '2020'], [{ name: '予以公开', values: [10, 20] }, { name: '不予公开', values: [5, null] }], frame, {
      percent: true,
    }),
    ['予以公开', '不予公开', '100%'],
  ],
  [
    'barsWithRate',
    barsWithRate(['2019', '2020'], [{ name: '行政复议', values: [100, 120] }], { name: '纠错率', values: [0.1, 0.2] }, frame),
    ['行政复议', '纠错率', '100%'],
  ],
  ['donut', donut([{ name: '2021 模板', value: 60 }, { name: '叙述式', value: 40 }], frame), ['2021 模板', '60（60.0%）']],
  [
    'provinceTileGrid',
    provinceTileGrid(
      [
        { code: '11', value: 12345 },
        { code: '31', value: 0 },
        { code: '44', value: 80000 },
        { code: '65', value: null },
      ],
      frame,
    ),
    ['京', '1.23万', '沪', '0', '粤', '8万', '新', '藏', '台', '港', '澳', '无数据', '8万'],
  ],
  [
    'rankedBars',
    rankedBars(
      [
        { name: '东城区', value: 52000, outlier: true },
        { name: '西城区', value: 31000, highlight: true },
        { name: '丰台区', value: null },
        { name: '门头沟区', value: 0 },
      ],
      frame,
      { quartiles: { p25: 9000, p50: 15000, p75: 31000 } },
    ),
    ['东城区', '西城区', '丰台区', '门头沟区', '5.2万', '3.1万', '—', '0', '中位数 1.5万', '异常值', 'P25–P75'],
  ],
];

describe.each(cases)('optionToSvg(%s)', (_, option, expected) => {
  const svg = optionToSvg(option, 800, 450);

  it('renders in Node with title, unit, notes and source line', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="800" height="450"');
    expect(svg).toContain('>依申请公开申请数量</text>');
    expect(svg).toContain('>单位：件</text>');
    expect(svg).toContain('>注：2019 年起采用新模板</text>');
    expect(svg).toContain(`>${ZH_SOURCE_LINE}</text>`);
    expect(svg).toContain('Noto Sans CJK SC');
  });

  it('draws the data labels', () => {
    for (const text of expected) expect(svg).toContain(`>${text}</text>`);
  });

  it('is the same file on every export', () => {
    expect(optionToSvg(option, 800, 450)).toBe(svg);
  });
});

describe('optionToSvg', () => {
  it('escapes markup in titles taken from reports', () => {
    const svg = optionToSvg(donut([{ name: 'a', value: 1 }], { ...zhFrame, title: '<script>x</script> & 报告' }), 400, 300);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt; &amp; 报告');
  });

  it('paints a white background unless the option sets one', () => {
    expect(optionToSvg(donut([{ name: 'a', value: 1 }], zhFrame), 400, 300)).toContain('fill="#fff"');
  });
});

describe('stableSvgIds', () => {
  it('renumbers instance-specific class ids in order of appearance', () => {
    const a = '<style>.zr7-cls-12:hover{}.zr7-cls-3:hover{}</style><path class="zr7-cls-12"/><g clip-path="url(#zr7-c0)"/>';
    expect(stableSvgIds(a)).toBe(
      '<style>.zr0-cls-0:hover{}.zr0-cls-1:hover{}</style><path class="zr0-cls-0"/><g clip-path="url(#zr0-c0)"/>',
    );
  });
});
