import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/app/i18n/messages';
import { breakdownBars, OUTCOME_SERIES } from '../../../src/app/views/breakdown-series';
import { rate, reviewByCategory } from '../../../src/app/views/review-model';

const t = translator('zh');

describe('breakdownBars', () => {
  const rows = [
    { issuer: 'A', year: 2020, r_granted_total: 10, r_partial_total: null, denied_unitemised: 2 },
    { issuer: 'A', year: 2021, r_granted_total: null, r_partial_total: null, denied_unitemised: null },
    { issuer: 'B', year: 2020, r_granted_total: 5, r_partial_total: 1, denied_unitemised: null },
    { issuer: 'B', year: 2021, r_granted_total: 7, r_partial_total: null, denied_unitemised: null },
  ];
  it('one body: a category per year, years with nothing stated left out, absent kept absent', () => {
    const { categories, series, subject } = breakdownBars(rows.filter((r) => r.issuer === 'A'), OUTCOME_SERIES, ['A'], t, 'all');
    expect(subject).toBe('A');
    expect(categories).toEqual(['2020']);
    expect(series).toEqual([{ name: '予以公开', values: [10] }, { name: '不予公开（未分原因）', values: [2] }]);
  });
  it('several bodies: a category per body, counts summed over years', () => {
    const { categories, series } = breakdownBars(rows, OUTCOME_SERIES, ['A', 'B'], t, 'all');
    expect(categories).toEqual(['A', 'B']);
    expect(series.find((s) => s.name === '予以公开')?.values).toEqual([10, 12]);
    expect(series.find((s) => s.name === '部分公开')?.values).toEqual([null, 1]);
  });
});

describe('reviewByCategory', () => {
  it('divides summed counts (never averages rates) and has no rate without a positive denominator', () => {
    const rows = [
      { issuer: 'A', year: 2020, rv_total: 10, rv_rate_numerator: 1, rv_rate_denominator: 8 },
      { issuer: 'B', year: 2020, rv_total: 2, rv_rate_numerator: 1, rv_rate_denominator: 2 },
      { issuer: 'A', year: 2021, rv_total: 1, rv_rate_numerator: 0, rv_rate_denominator: 0 },
    ];
    const sums = reviewByCategory(rows, []);
    expect(sums.map((s) => [s.category, s.rv_total, s.rv_rate])).toEqual([['2020', 12, 0.2], ['2021', 1, null]]);
    expect(rate(null, 5)).toBeNull();
  });
});
