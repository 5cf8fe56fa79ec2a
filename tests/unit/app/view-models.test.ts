import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/app/i18n/messages';
import { stackedBars } from '../../../src/charts/bars';
import { breakdownBars, OUTCOME_SERIES } from '../../../src/app/views/breakdown-series';
import { basisOf, bodiesStatingNoTotal, rate, reviewByCategory } from '../../../src/app/views/review-model';
import { bodyNamesOf } from '../../../src/app/views/common';

const t = translator('zh');
const NAMES: Record<string, string> = { '440105': '广州市海珠区', '440100/公安局': '广州市公安局' };
const nameOf = (key: string) => NAMES[key] ?? `?${key}`;
const AREA = t('scope.areaSeries');

describe('breakdownBars', () => {
  const rows = [
    { body_key: '440105', year: 2020, reports_with_total: 1, r_handled_total: 12, r_granted_total: 10, r_partial_total: null, denied_unitemised: 2 },
    { body_key: '440105', year: 2021, reports_with_total: 0, r_handled_total: null, r_granted_total: null, r_partial_total: null, denied_unitemised: null },
    { body_key: '440100/公安局', year: 2020, reports_with_total: 1, r_handled_total: 6, r_granted_total: 5, r_partial_total: 1, denied_unitemised: null },
    { body_key: '440100/公安局', year: 2021, reports_with_total: 1, r_handled_total: 7, r_granted_total: 7, r_partial_total: null, denied_unitemised: null },
  ];
  it('one body: a category per year, years with nothing stated left out, absent kept absent', () => {
    const { categories, series, subject } = breakdownBars(rows.filter((r) => r.body_key === '440105'), OUTCOME_SERIES, ['440105'], t, 'all', nameOf);
    expect(subject).toBe('广州市海珠区');
    expect(categories).toEqual(['2020']);
    expect(series).toEqual([{ name: '予以公开', values: [10] }, { name: '不予公开（未分原因）', values: [2] }]);
  });
  it('several bodies: a category per body, labelled by its name (never its key), counts summed over years', () => {
    const { categories, series } = breakdownBars(rows, OUTCOME_SERIES, ['440105', '440100/公安局'], t, 'all', nameOf);
    expect(categories).toEqual(['广州市海珠区', '广州市公安局']);
    expect(series.find((s) => s.name === '予以公开')?.values).toEqual([10, 12]);
    expect(series.find((s) => s.name === '部分公开')?.values).toEqual([null, 1]);
  });
  it('takes shares of the handled total: the unitemised rest is a segment, and each bar says what it rests on', () => {
    // 上海市 2019: handled 805, only 不予公开 35, 不予处理 158 and 其他 0 itemised.
    const shanghai = [{ body_key: '310000', year: 2019, reports_with_total: 1, bodies: 1, r_handled_total: 805, r_denied_total_total: 35, denied_unitemised: 35, r_rejected_total_total: 158, r_other_total_total: 0, unitemised: 612 }];
    const bars = breakdownBars(shanghai, OUTCOME_SERIES, ['310000'], t, 'all', nameOf);
    expect(bars.totals).toEqual([805]);
    expect(bars.reports).toEqual([1]);
    expect(bars.bodies).toEqual([1]);
    expect(bars.series.find((s) => s.name === '未分项')?.values).toEqual([612]);
    // 其他处理 stated as 0 is a segment of 0, kept (absent is not 0, nor is 0 absent); 部分公开, stated nowhere, is dropped.
    expect(bars.series.find((s) => s.name === '其他处理')?.values).toEqual([0]);
    expect(bars.series.find((s) => s.name === '部分公开')).toBeUndefined();
    const option = stackedBars(bars.categories, bars.series, { title: 'x', unit: '%', source: 's', locale: 'zh' }, { percent: true, totals: bars.totals });
    const rejected = (option.series as { name: string; data: (number | null)[] }[]).find((s) => s.name === '不予处理');
    expect(rejected?.data[0]).toBeCloseTo(158 / 805, 10);
  });
});

describe('area summaries: their own category, marked, never summed with own reports (audit38 F8)', () => {
  // 广州市海珠区 has no own report 2019–2021: its area summaries are picked (scope area); 广州市公安局's are own.
  const rows = [
    { body_key: '440105', year: 2019, scope: 'area', reports_with_total: 1, r_handled_total: 100, r_granted_total: 90, rv_total: 8, rv_reports: 1, rv_rate_numerator: 2, rv_rate_denominator: 7 },
    { body_key: '440105', year: 2022, scope: 'self', reports_with_total: 1, r_handled_total: 4, r_granted_total: 4, rv_total: 1, rv_reports: 1, rv_rate_numerator: 0, rv_rate_denominator: 1 },
    { body_key: '440100/公安局', year: 2019, scope: 'self', reports_with_total: 1, r_handled_total: 6, r_granted_total: 5, rv_total: 2, rv_reports: 1, rv_rate_numerator: 1, rv_rate_denominator: 2 },
  ];
  it('several bodies: a body\'s own reports and its area summaries are two categories, the second labelled so', () => {
    const bars = breakdownBars(rows, OUTCOME_SERIES, ['440105', '440100/公安局'], t, 'all', nameOf);
    expect(bars.categories).toEqual(['广州市海珠区', '广州市海珠区 · 汇总报告', '广州市公安局']);
    expect(bars.area).toEqual([false, true, false]);
    expect(bars.totals).toEqual([4, 100, 6]);
    const review = reviewByCategory(rows, ['440105', '440100/公安局'], nameOf, translator('en')('scope.areaSeries'));
    expect(review.map((s) => [s.category, s.area, s.rv_total, s.rv_rate])).toEqual([['广州市海珠区', false, 1, 0], ['广州市海珠区 · area summary', true, 8, 2 / 7], ['广州市公安局', false, 2, 0.5]]);
  });
  it('one body: a year resting on an area summary is labelled so', () => {
    const mine = rows.filter((r) => r.body_key === '440105');
    expect(breakdownBars(mine, OUTCOME_SERIES, ['440105'], t, 'all', nameOf).categories).toEqual(['2019 · 汇总报告', '2022']);
    expect(reviewByCategory(mine, ['440105'], nameOf, AREA).map((s) => [s.category, s.key, s.area])).toEqual([['2019 · 汇总报告', '2019', true], ['2022', '2022', false]]);
  });
});

describe('reviewByCategory', () => {
  it('divides summed counts (never averages rates) and has no rate without a positive denominator', () => {
    const rows = [
      { body_key: '440105', year: 2020, rv_total: 10, rv_rate_numerator: 1, rv_rate_denominator: 8 },
      { body_key: '440100/公安局', year: 2020, rv_total: 2, rv_rate_numerator: 1, rv_rate_denominator: 2 },
      { body_key: '440105', year: 2021, rv_total: 1, rv_rate_numerator: 0, rv_rate_denominator: 0 },
    ];
    const sums = reviewByCategory(rows, [], nameOf, AREA);
    expect(sums.map((s) => [s.category, s.rv_total, s.rv_rate])).toEqual([['2020', 12, 0.2], ['2021', 1, null]]);
    const byBody = reviewByCategory(rows, ['440100/公安局', '440105'], nameOf, AREA);
    expect(byBody.map((s) => [s.category, s.rv_total, s.rv_rate])).toEqual([['广州市公安局', 2, 0.5], ['广州市海珠区', 11, 0.125]]);
    expect(rate(null, 5)).toBeNull();
  });

  it('rests each category on the reports and bodies stating each total: distinct bodies of a year, one per body', () => {
    const rows = [
      { body_key: '440105', year: 2020, all_reports: 3, rv_total: 10, rv_reports: 1, rv_bodies: 1, lit_total: null, lit_reports: 0, lit_bodies: 0 },
      { body_key: '440100/公安局', year: 2020, all_reports: 1, rv_total: 2, rv_reports: 1, rv_bodies: 1, lit_total: 4, lit_reports: 1, lit_bodies: 1 },
      { body_key: '440105', year: 2021, all_reports: 1, rv_total: 1, rv_reports: 1, rv_bodies: 1, lit_total: 0, lit_reports: 1, lit_bodies: 1 },
    ];
    const t = translator('zh');
    const byYear = reviewByCategory(rows, [], nameOf, AREA);
    expect(byYear.map((s) => [s.category, s.all_reports, s.rv_reports, s.rv_bodies, s.lit_reports, s.lit_bodies])).toEqual([['2020', 4, 2, 2, 1, 1], ['2021', 1, 1, 1, 1, 1]]);
    expect(byYear.map((s) => basisOf(s, t))).toEqual(['行政复议 2 份报告 · 2 个机关\n行政诉讼 1 份报告 · 1 个机关', '1 份报告 · 1 个机关']);
    const byBody = reviewByCategory(rows.filter((r) => r.body_key === '440105'), ['440105'], nameOf, AREA);
    expect(byBody.map((s) => [s.rv_reports, s.rv_bodies])).toEqual([[1, 1], [1, 1]]);
    const twoBodies = reviewByCategory(rows, ['440105', '440100/公安局'], nameOf, AREA);
    expect(twoBodies.map((s) => [s.category, s.rv_reports, s.rv_bodies, s.lit_reports, s.lit_bodies])).toEqual([['广州市海珠区', 2, 1, 1, 1], ['广州市公安局', 1, 1, 1, 1]]);
    expect(basisOf(twoBodies[0], translator('en'))).toBe('Reconsideration: 2 reports · 1 body\nLitigation: 1 report · 1 body');
  });
});

describe('bodyNamesOf', () => {
  it("names bodies as the query's rows do, falls back for a body without rows, and numbers a shared name", () => {
    const rows = [
      { body_key: '440111', body: '广州市白云区', year: 2020 },
      { body_key: 'name:广州市白云区', body: '广州市白云区', year: 2020 },
    ];
    expect([...bodyNamesOf(rows, ['440111', 'name:广州市白云区', '440105'], nameOf)]).toEqual([
      ['440111', '广州市白云区'],
      ['name:广州市白云区', '广州市白云区 (2)'],
      ['440105', '广州市海珠区'],
    ]);
  });
});

describe('bodiesStatingNoTotal', () => {
  const rows = [
    { body_key: '440105', year: 2019, rv_reports: 1, lit_reports: 0 },
    { body_key: '440100', year: 2019, rv_reports: 0, lit_reports: null },
    { body_key: '440103', year: 2020, rv_reports: null, lit_reports: 2 },
  ];
  it('names the chosen bodies no row states either total for, in the order chosen', () => {
    expect(bodiesStatingNoTotal(rows, ['440100', '440105', '440103', '440111'])).toEqual(['440100', '440111']);
  });
  it('names none before the query has answered: nothing is known of any body yet', () => {
    expect(bodiesStatingNoTotal(null, ['440100', '440105'])).toEqual([]);
  });
});
