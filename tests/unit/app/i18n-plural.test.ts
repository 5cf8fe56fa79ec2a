import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/app/i18n/messages';

describe('plural forms in messages', () => {
  const en = translator('en');
  const zh = translator('zh');
  it('English says "1 report" and "2 reports", "1 child states" and "3 children state"', () => {
    expect(en('picker.reports', { n: 1, from: 2019, to: 2019 })).toBe('1 report, 2019–2019');
    expect(en('picker.reports', { n: 2, from: 2019, to: 2020 })).toBe('2 reports, 2019–2020');
    expect(en('picker.reports', { n: 0, from: '?', to: '?' })).toBe('0 reports, ?–?');
    expect(en('reconcile.childrenIn', { n: 1 })).toBe('1 child states the metric');
    expect(en('reconcile.childrenIn', { n: 3 })).toBe('3 children state the metric');
    expect(en('outcomes.basis', { reports: 1, bodies: 1, total: '1,234' })).toBe('1 report · 1 body · 1,234 requests');
    expect(en('data.rows', { n: '1,000' })).toBe('1,000 rows');
  });
  it('the chart notes count in the singular for one: "1 peer", "1 point", "1 report does", "1 bar", "1 correction"', () => {
    expect(en('bench.peers', { n: 1 })).toBe('1 peer');
    expect(en('bench.peers', { n: 4 })).toBe('4 peers');
    expect(en('scale.logNote', { n: 1 })).toMatch(/^Log scale: 1 point of 0 or below/);
    expect(en('review.unrated', { n: 1 })).toMatch(/^1 more report does not state/);
    expect(en('review.unrated', { n: 2 })).toMatch(/^2 more reports do not state/);
    expect(en('outcomes.overItemised', { n: 1 })).toMatch(/^In 1 bar the itemised parts/);
    expect(en('corrections.chartNote', { n: 1 })).toBe('includes 1 correction made by people (the chart uses the corrected values)');
    expect(zh('bench.peers', { n: 1 })).toBe('对比单位 1 个');
  });
  it('no message is left with a plural marker, in either language', () => {
    expect(zh('picker.reports', { n: 1, from: 2019, to: 2019 })).toBe('1 份报告，2019–2019');
    expect(en('tree.deptRow', { n: 1, years: '2019' })).toBe('1 report (2019)');
  });
});
