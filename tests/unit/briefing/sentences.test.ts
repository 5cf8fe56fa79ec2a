import { describe, expect, it } from 'vitest';
import { donut, lineOverYears, rankedBars, stackedBars } from '../../../src/charts';
import { chartData } from '../../../src/briefing/chart-data';
import { rankingSentence, sentenceFor, shareSentence, trendSentence } from '../../../src/briefing/sentences';

const frame = { title: '新收申请', unit: '件', source: '公开 Gongkai', locale: 'zh' as const };

describe('trend sentences', () => {
  it('says the last value, its reports and the change on the year before', () => {
    const s = trendSentence([{ name: '广州市', points: [{ year: 2022, value: 1000, reports: 20 }, { year: 2023, value: 1250, reports: 21 }] }], '件', 'zh');
    expect(s).toBe('2023年，广州市为1,250件（21份报告），比上年（1,000件（20份报告））增加25.0%。');
  });
  it('says a fall, in English', () => {
    const s = trendSentence([{ name: 'Guangzhou', points: [{ year: 2022, value: 200, reports: null }, { year: 2023, value: 150, reports: null }] }], 'cases', 'en');
    expect(s).toBe('In 2023, Guangzhou was 150 cases, down 25.0% on the year before (200 cases).');
  });
  it('never treats an absent year before as 0', () => {
    const s = trendSentence([{ name: '广州市', points: [{ year: 2021, value: 9, reports: 3 }, { year: 2022, value: null, reports: null }, { year: 2023, value: 12, reports: 4 }] }], '件', 'zh');
    expect(s).toBe('2023年，广州市为12件（4份报告），2022年无数据。');
  });
  it('takes the last year with a value, and a change from 0 in units', () => {
    const s = trendSentence([{ name: 'A', points: [{ year: 2020, value: 0, reports: null }, { year: 2021, value: 5, reports: null }, { year: 2022, value: null, reports: null }] }], '件', 'zh');
    expect(s).toBe('2021年，A为5件，比上年（0件）增加5件。');
  });
  it('reads the series from a line chart option', () => {
    const option = lineOverYears([{ name: '越秀区', points: [{ year: 2020, value: 10, reports: 1 }, { year: 2021, value: 15, reports: 2 }] }], frame);
    const data = chartData(option);
    expect(data.kind).toBe('trend');
    expect(sentenceFor(data, 'zh')).toBe('2021年，越秀区为15件（2份报告），比上年（10件（1份报告））增加50.0%。');
  });
});

describe('ranking sentences', () => {
  const items = [
    { name: '甲区', value: 30, highlight: false },
    { name: '乙区', value: 20, highlight: true },
    { name: '丙区', value: 20, highlight: false },
    { name: '丁区', value: null, highlight: false },
  ];
  it('names the top, the chosen unit with its rank of n, and the absent', () => {
    expect(rankingSentence(items, '件', 'zh')).toBe('在有数值的3个单位中，甲区最高（30件）；乙区为20件，居第2位；另有1个单位无数值。');
    expect(rankingSentence(items, '件', 'en')).toBe('Of the 3 units with a value, 甲区 is highest (30 件); 乙区 is 20 件, rank 2 of 3; 1 more have no value.');
  });
  it('calls no single value the highest, and names a unit without its label\'s basis line', () => {
    const one = [{ name: '海珠区', value: 8, highlight: false }, { name: '广州市', value: null, highlight: true }];
    expect(rankingSentence(one, '件', 'zh')).toBe('只有海珠区有数值（8件）；广州市无数值；另有1个单位无数值。');
    expect(rankingSentence([{ name: '番禺区', value: 0, highlight: true }], '件', 'en')).toBe('Only 番禺区 has a value (0 件).');
    const data = chartData({
      title: { text: '行政复议', subtext: '单位：件' },
      yAxis: { type: 'category', data: ['广州市海珠区\n1 份报告 · 1 个机关', '广州市\n0 份报告'] },
      xAxis: { type: 'value' },
      series: [{ type: 'bar', data: [8, null] }],
    });
    expect(data).toMatchObject({ kind: 'ranking', items: [{ name: '广州市海珠区', value: 8 }, { name: '广州市', value: null }] });
  });

  it('reads ranked bars, highlight included', () => {
    const option = rankedBars(items, frame);
    const data = chartData(option);
    expect(data).toMatchObject({ kind: 'ranking', title: '新收申请', unit: '件' });
    expect(sentenceFor(data, 'zh')).toContain('乙区为20件，居第2位');
  });
});

describe('share sentences', () => {
  it('names the largest part and its share of the total', () => {
    expect(shareSentence([{ name: '予以公开', value: 60 }, { name: '不予公开', value: 40 }], null, '件', 'zh')).toBe('予以公开占比最大，为60.0%（共100件），共2项。');
  });
  it('reads a donut and the last year of stacked bars', () => {
    expect(sentenceFor(chartData(donut([{ name: 'a', value: 1 }, { name: 'b', value: 3 }], frame)), 'zh')).toBe('b占比最大，为75.0%（共4件），共2项。');
    const bars = stackedBars(['2022', '2023', '2024'], [{ name: '市级', values: [1, 2, null] }, { name: '县级', values: [3, 6, null] }], frame);
    expect(sentenceFor(chartData(bars), 'zh')).toBe('2023年，县级占比最大，为75.0%（共8件），共2项。');
  });
});
