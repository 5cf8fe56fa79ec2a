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
  it('no message is left with a plural marker, in either language', () => {
    expect(zh('picker.reports', { n: 1, from: 2019, to: 2019 })).toBe('1 份报告，2019–2019');
    expect(en('tree.deptRow', { n: 1, years: '2019' })).toBe('1 report (2019)');
  });
});
