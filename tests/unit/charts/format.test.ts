import { describe, expect, it } from 'vitest';
import { formatAxisNumber, formatExact, formatNumber, formatPercent } from '../../../src/charts/format';

describe('formatNumber zh', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [12.345, '12.35'],
    [1234, '1,234'],
    [9999, '9,999'],
    [10000, '1万'],
    [12345, '1.23万'],
    [12355, '1.24万'],
    [123456, '12.35万'],
    [12345678, '1,234.57万'],
    [99999999, '1亿'],
    [100000000, '1亿'],
    [300000000, '3亿'],
    [123456789, '1.23亿'],
    [1.5e12, '1.5万亿'],
    [-12345, '-1.23万'],
    [-1234, '-1,234'],
    [-3e8, '-3亿'],
  ])('%d → %s', (value, expected) => {
    expect(formatNumber(value, 'zh')).toBe(expected);
  });

  it('rounds up into the next unit instead of printing 10,000 of the smaller one', () => {
    expect(formatNumber(9999.996, 'zh')).toBe('1万');
    expect(formatNumber(99_999_999.9, 'zh')).toBe('1亿');
  });

  it('prints absent as a dash, never as 0', () => {
    expect(formatNumber(null, 'zh')).toBe('—');
    expect(formatNumber(undefined, 'zh')).toBe('—');
    expect(formatNumber(Number.NaN, 'zh')).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY, 'zh')).toBe('—');
  });

  it('has no negative zero', () => {
    expect(formatNumber(-0.001, 'zh')).toBe('0');
    expect(formatNumber(-0, 'zh')).toBe('0');
  });
});

describe('formatNumber en', () => {
  it.each([
    [0, '0'],
    [1234, '1,234'],
    [12345, '12,345'],
    [999999, '999,999'],
    [1e6, '1M'],
    [1234567, '1.23M'],
    [999_999_999, '1B'],
    [4.5e9, '4.5B'],
    [-2.5e6, '-2.5M'],
    [-12345, '-12,345'],
  ])('%d → %s', (value, expected) => {
    expect(formatNumber(value, 'en')).toBe(expected);
  });

  it('prints absent as a dash', () => {
    expect(formatNumber(null, 'en')).toBe('—');
  });
});

describe('formatPercent', () => {
  it.each([
    [0.1234, '12.3%'],
    [0.12351, '12.4%'],
    [1, '100.0%'],
    [0, '0.0%'],
    [-0.05, '-5.0%'],
    [-0.0001, '0.0%'],
    [1.5, '150.0%'],
  ])('%d → %s', (ratio, expected) => {
    expect(formatPercent(ratio, 'zh')).toBe(expected);
    expect(formatPercent(ratio, 'en')).toBe(expected);
  });

  it('takes the number of digits', () => {
    expect(formatPercent(0.25, 'zh', 0)).toBe('25%');
    expect(formatPercent(0.12345, 'en', 2)).toBe('12.35%');
  });

  it('prints absent as a dash', () => {
    expect(formatPercent(null, 'zh')).toBe('—');
    expect(formatPercent(Number.NaN, 'en')).toBe('—');
  });
});

describe('formatAxisNumber', () => {
  it.each([
    [0, '0', '0'],
    [500, '500', '500'],
    [5000, '5000', '5K'],
    [15000, '1.5万', '15K'],
    [2e6, '200万', '2M'],
    [2e8, '2亿', '200M'],
    [-15000, '-1.5万', '-15K'],
  ])('%d → zh %s, en %s', (value, zh, en) => {
    expect(formatAxisNumber(value, 'zh')).toBe(zh);
    expect(formatAxisNumber(value, 'en')).toBe(en);
  });

  it('prints nothing for a non-number', () => {
    expect(formatAxisNumber(null, 'zh')).toBe('');
  });
});

describe('formatExact', () => {
  it('prints a single value whole, grouped, never scaled', () => {
    expect(formatExact(112711)).toBe('112,711');
    expect(formatExact(21469172.33)).toBe('21,469,172.33');
    expect(formatExact(-5)).toBe('-5');
    expect(formatExact(0)).toBe('0');
    expect(formatExact(null)).toBe('—');
  });
});
