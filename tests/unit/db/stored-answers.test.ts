// The stored answers' registry: per-province tables resolve only for a two-digit province, and a
// view query that has one carries the form it falls back on (a parent or year not stored).
import { describe, expect, it } from 'vitest';
import * as sql from '../../../src/db/sql';
import { isPreaggregate, preaggregate, preaggregateNames, storedAnswerNames, summedAcrossProvincesSql } from '../../../src/db/sql/preaggregated';

describe('stored answers', () => {
  it('resolve per province only for two-digit provinces, never by a prefix alone', () => {
    expect(isPreaggregate('pre_coverage_answer_44')).toBe(true);
    expect(preaggregate('pre_coverage_answer_21')?.source().provinces).toEqual(['21', 'none']);
    expect(preaggregate('pre_reconcile_answer_lit_total_44')?.source().tables).toEqual(['facts_wide', 'jurisdictions', 'reports']);
    for (const name of ['pre_coverage_answer', 'pre_coverage_answer_4', 'pre_coverage_answer_440', 'pre_coverage_answer_4x', "pre_coverage_answer_44'"]) expect(isPreaggregate(name), name).toBe(false);
    // Per-province tables are built when a query of the province needs them, never behind init.
    expect(preaggregateNames('behind-init').filter((n) => /_answer_/.test(n))).toEqual(['pre_benchmark_answer_p_self_r_new_total']);
    expect(preaggregateNames('behind-init')).toContain('pre_tree_answers');
  });

  it('are looked up by parent and year, with the parts as what answers otherwise', () => {
    const coverage = sql.coverage({ parent: '440100', year: 2020, today: '2021-02-01' });
    expect(coverage.preaggregated?.preaggregates).toEqual(['pre_coverage_answer_44']);
    expect(coverage.preaggregated?.params).toEqual(['2021-02-01', '2021-02-01', '2021-02-01', '440100', 2020]);
    expect(coverage.preaggregated?.orElse?.preaggregates).toEqual(['pre_coverage_governments', 'pre_coverage_departments']);
    const reconcile = sql.reconciliation({ parent: '210100', year: 2024, metric: 'rv.total' });
    expect(reconcile.preaggregated?.preaggregates).toEqual(['pre_reconcile_answer_rv_total_21']);
    // Reconcile's parts repeat every government's report twice (its own and as a child): they are
    // not stored; a parent or year the answers do not hold is answered row by row.
    expect(reconcile.preaggregated?.orElse?.preaggregates).toEqual([]);
    expect(reconcile.preaggregated?.orElse?.sql).toBe(reconcile.sql);
    expect(isPreaggregate('pre_reconcile_rv_total')).toBe(false);
    expect(preaggregate('pre_reconcile_answer_rv_total_21')?.needs ?? []).toEqual([]);
    const benchmark = sql.benchmarkChildren({ parent: '210100', year: 2024, metric: 'rate.granted', peer: 'province-level', scope: 'area' });
    // With the parent's province's copy scores (built in the page from its pairs file, at any size).
    expect(benchmark.preaggregated?.preaggregates).toEqual(['pre_benchmark_answer_pl_area_rate_granted', 'pre_copy_scores_21']);
    expect(preaggregate('pre_benchmark_answer_pl_area_rate_granted')?.needs).toEqual(['pre_benchmark_area_rate_granted']);
    expect(sql.childrenTree({ parent: '440100' }).preaggregated?.preaggregates).toEqual(['pre_tree_answers']);
    // A rate is not a sum: reconciliation refuses it before any table is named.
    expect(() => sql.reconciliation({ parent: '210100', year: 2024, metric: 'rate.granted' })).toThrow(/rate cannot be summed/);
  });

  it("written at ingest: benchmark for the default metric and the rates, reconciliation for the default metric, coverage, per province; the overview's failed files and the picker's provinces", () => {
    const names = storedAnswerNames(['44', '21', 'none']);
    expect(names.filter((n) => !n.startsWith('pre_benchmark_answer_'))).toEqual(['pre_coverage_answer_21', 'pre_coverage_answer_44', 'pre_entity_provinces', 'pre_failed_files', 'pre_reconcile_answer_r_new_total_21', 'pre_reconcile_answer_r_new_total_44']);
    expect(storedAnswerNames(['44', '21'], true)).toContain('pre_failed_files');
    expect(sql.failedFiles(50).preaggregated?.preaggregates).toEqual(['pre_failed_files']);
    expect(sql.entityProvinces().preaggregated?.preaggregates).toEqual(['pre_entity_provinces']);
    const benchmark = names.filter((n) => n.startsWith('pre_benchmark_answer_'));
    expect(benchmark).toContain('pre_benchmark_answer_p_self_rate_granted');
    expect(benchmark).toContain('pre_benchmark_answer_nl_area_r_new_total');
    expect(benchmark.filter((n) => n.endsWith('_r_new_total'))).toHaveLength(6);
    expect(benchmark.every((n) => preaggregate(n)?.stored)).toBe(true);
    expect(preaggregate('pre_benchmark_answer_p_self_rv_total')?.stored).toBeFalsy();
    // Grouped by the parts they need (a units table once, then let go).
    const units = benchmark.map((n) => preaggregate(n)!.needs![0]);
    expect(units.filter((u, i) => i === 0 || u !== units[i - 1])).toEqual([...new Set(units)]);
  });

  it('pooled over every province: the provinces\' sums added per group, each column of the type a build from whole tables gives, anything else refused', () => {
    const columns = [
      { name: 'body_key', type: 'VARCHAR' },
      { name: 'body', type: 'VARCHAR' },
      { name: 'year', type: 'INTEGER' },
      { name: 'reports', type: 'HUGEINT' },
      { name: 'bodies', type: 'BIGINT' },
      { name: 'r_new_total', type: 'DOUBLE' },
    ];
    expect(summedAcrossProvincesSql('pre_review_pooled', 'parts', columns)).toBe(
      'SELECT "body_key", "body", "year", sum("reports") AS "reports", CAST(sum("bodies") AS BIGINT) AS "bodies", sum("r_new_total") AS "r_new_total" FROM parts GROUP BY "body", "body_key", "year" ORDER BY "body", "body_key", "year"',
    );
    expect(() => summedAcrossProvincesSql('pre_review_pooled', 'parts', [...columns, { name: 'median', type: 'DECIMAL(18,3)' }])).toThrow(/median of type DECIMAL\(18,3\) is not a sum or a count/);
    expect(() => summedAcrossProvincesSql('pre_review_pooled', 'parts', columns.slice(1))).toThrow(/no column body_key/);
    expect(() => summedAcrossProvincesSql('pre_outcomes_bodies', 'parts', columns)).toThrow(/not summed by province/);
    for (const name of ['pre_outcomes_pooled', 'pre_applicants_pooled', 'pre_review_pooled']) expect(preaggregate(name)?.summedByProvince, name).toEqual(['body', 'body_key', 'year']);
    expect(preaggregate('pre_province_totals_r_new_total')?.byProvince).toBe('province_code, year');
  });
});
