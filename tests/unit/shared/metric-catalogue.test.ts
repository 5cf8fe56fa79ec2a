import { describe, expect, it } from 'vitest';
import { CATALOGUE, identityById, identityFormula, identityWithValues, labelOfMetric, METRICS_BY_SECTION, placeOfMetric, RATES } from '../../../src/shared/metric-catalogue';
import { DENIAL_REASONS, DERIVED_TOTALS, IDENTITIES, METRIC_IDS } from '../../../src/shared/metrics';
import { reviewLitigation } from '../../../src/db/sql';
import { deriveSubtotals } from '../../../src/parse/checks/derive';
import { WIDE_METRICS } from '../../../src/shared/wide-metrics';

describe('metric catalogue', () => {
  it('has exactly one entry per canonical id, each with both labels, a unit and a place', () => {
    expect([...CATALOGUE.keys()].sort()).toEqual([...METRIC_IDS].sort());
    for (const [id, e] of CATALOGUE) {
      expect(e.label.zh, id).not.toBe('');
      expect(e.label.en, id).not.toBe('');
      expect(e.label.zh, id).not.toContain(id);
      expect(e.unit.zh && e.unit.en, id).toBeTruthy();
      expect(Object.keys(e.place).length, id).toBeGreaterThan(0);
    }
  });

  it('labels no two metrics alike, in either language', () => {
    for (const locale of ['zh', 'en'] as const) {
      const labels = [...CATALOGUE.values()].map((e) => e.label[locale]);
      expect(new Set(labels).size, locale).toBe(labels.length);
    }
  });

  it('places a cell in the statutory table by item, line and applicant column', () => {
    expect(placeOfMetric('r.denied.security_stability.legal', 'table2021', 'zh')).toBe('表三 第三项（三）第3行 · 法律服务机构');
    expect(placeOfMetric('r.denied.security_stability.legal', 'table2019', 'en')).toBe('table 3, item 3(3), line 3 · legal service bodies');
    expect(placeOfMetric('rv.pending', 'table2019', 'zh')).toBe('表四 行政复议 · 尚未审结');
    // 2019-only and 2021-only cells.
    expect(CATALOGUE.get('p.rules.new_made')?.place).toHaveProperty('table2019');
    expect(CATALOGUE.get('p.rules.new_made')?.place).not.toHaveProperty('table2021');
    expect(CATALOGUE.get('r.other.misc.total')?.place).not.toHaveProperty('table2019');
    expect(labelOfMetric('p.rules.new_made', 'zh')).toBe('规章·本年新制作数量');
  });

  it('names the rates that use a metric, from the one list of rates', () => {
    expect(CATALOGUE.get('rv.pending')?.rates).toEqual(['rate.rv_corrected']);
    expect(CATALOGUE.get('r.handled.total')?.rates).toEqual(['rate.granted']);
    for (const rate of RATES) for (const id of [...rate.numerator, ...rate.denominator.plus, ...rate.denominator.minus]) expect(CATALOGUE.has(id), `${rate.id}: ${id}`).toBe(true);
  });

  it('keeps the eight denial reasons in one list, the one identities and columns use', () => {
    expect(DENIAL_REASONS).toHaveLength(8);
    expect(identityById('requests.denied_total.total')?.parts).toEqual(DENIAL_REASONS.map((r) => `r.denied.${r}.total`));
    expect(WIDE_METRICS.filter((m) => m.startsWith('r.denied.') && m !== 'r.denied.total.total')).toEqual(DENIAL_REASONS.map((r) => `r.denied.${r}.total`));
  });

  it('writes an identity as a formula in labels, and with a report\'s numbers', () => {
    const balance = identityById('requests.balance.natural')!;
    expect(identityFormula(balance, 'zh')).toBe('本年新收申请·自然人 + 上年结转申请·自然人 = 办理结果总计·自然人 + 结转下年度继续办理·自然人');
    const values = new Map([['r.new.natural', 130], ['r.carried_in.natural', 7], ['r.handled.natural', 120], ['r.carried_out.natural', 5]]);
    expect(identityWithValues(balance, values, 'en')).toBe('New requests · individuals 130 + Requests carried in · individuals 7 = Requests handled · individuals 120 + Carried over to next year · individuals 5');
    for (const identity of IDENTITIES) expect(identityFormula(identity, 'en'), identity.id).not.toMatch(/\b(r|rv|lit|p)\.[a-z_.]+/);
  });

  it("gives litigation one definition, the one every view's SQL uses: printed, else direct + after review", () => {
    expect(DERIVED_TOTALS).toEqual([{ whole: 'lit.total', parts: ['lit.direct.total', 'lit.after_rv.total'] }]);
    // The parser applies the definition once (stored marked derived); the SQL reads that column and
    // never adds the parts a second time.
    const part = (metric: string, value: number) => ({ metric, value, approx: false, derived: false, start: 0, end: 1, source: 'table' as const });
    expect(deriveSubtotals([part('lit.direct.total', 3), part('lit.after_rv.total', 12)]).find((v) => v.metric === 'lit.total')).toMatchObject({ value: 15, derived: true });
    expect(deriveSubtotals([part('lit.direct.total', 3)]).some((v) => v.metric === 'lit.total')).toBe(false);
    expect(deriveSubtotals([part('lit.total', 20), part('lit.direct.total', 3), part('lit.after_rv.total', 12)]).some((v) => v.metric === 'lit.total')).toBe(false);
    const sql = reviewLitigation({}).sql;
    expect(sql).toContain('sum(lit_total) AS lit_total');
    expect(sql).not.toMatch(/coalesce\(lit_total|lit_direct_total \+ lit_after_rv_total\b(?! -)/);
    expect(CATALOGUE.get('lit.total')?.meaning?.en).toContain('one definition');
  });

  it('groups every id under one section', () => {
    expect(Object.values(METRICS_BY_SECTION).flat().sort()).toEqual([...METRIC_IDS].sort());
  });
});
