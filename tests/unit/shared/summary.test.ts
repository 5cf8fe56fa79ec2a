import { describe, expect, it } from 'vitest';
import { compareNullsLast, type DatasetSummary, parseSummary, validateSummary } from '../../../src/shared/summary';

function validSummary(): DatasetSummary {
  return {
    schema_version: 12,
    dataset_version: 'f'.repeat(64),
    reports: 4,
    synthetic: false,
    by_year_level: [
      { year: 2019, level: 'city', reports: 1 },
      { year: 2020, level: 'city', reports: 1 },
      { year: 2020, level: null, reports: 1 },
      { year: null, level: null, reports: 1 },
    ],
    by_status: [
      { status: 'ok', reports: 3 },
      { status: 'failed', reports: 1 },
    ],
    by_template: [
      { template: 'table2019', reports: 3, by_year: 2 },
      { template: null, reports: 1, by_year: 0 },
    ],
    failing_checks: 1,
    years: [2019, 2020],
    trends: [
      { year: 2019, reports: 1, r_new_total: 3, r_handled_total: null, rv_total: 0, lit_total: null, p_total: 12.5 },
      { year: 2020, reports: 2, r_new_total: null, r_handled_total: null, rv_total: null, lit_total: null, p_total: null },
    ],
  };
}

const withChange = (change: (s: Record<string, unknown>) => void): Record<string, unknown> => {
  const summary = JSON.parse(JSON.stringify(validSummary())) as Record<string, unknown>;
  change(summary);
  return summary;
};

describe('parseSummary', () => {
  it('accepts a well-formed summary after a JSON round trip', () => {
    expect(validateSummary(validSummary())).toEqual([]);
    expect(parseSummary(JSON.parse(JSON.stringify(validSummary())))).toEqual(validSummary());
    expect(validateSummary({ ...validSummary(), reports: 0, by_year_level: [], by_status: [], by_template: [], failing_checks: 0, years: null, trends: [] })).toEqual([]);
  });

  it('names every problem in the top-level fields', () => {
    const bad = withChange((s) => {
      s.schema_version = 1;
      s.dataset_version = 'v1';
      s.synthetic = 'no';
      s.failing_checks = 5;
      s.years = [2021, 2019];
      delete s.trends;
    });
    expect(validateSummary(bad)).toEqual([
      'schema_version: expected 12, got 1',
      'dataset_version: not a sha256 hex string',
      'synthetic: not a boolean',
      'failing_checks: more than reports',
      'years: expected null or [first, last] integers, got [2021,2019]',
      'trends: not an array',
    ]);
    expect(() => parseSummary(bad)).toThrow('invalid summary:\n  schema_version: expected 12, got 1\n  dataset_version: not a sha256 hex string');
  });

  it('names the bad field of an array item', () => {
    const bad = withChange((s) => {
      (s.by_year_level as Record<string, unknown>[])[1].year = '2020';
      (s.by_status as Record<string, unknown>[])[1].status = 'broken';
      (s.by_template as unknown[])[0] = 'table2019';
      (s.trends as Record<string, unknown>[])[0].rv_total = 'NaN';
      delete (s.trends as Record<string, unknown>[])[1].p_total;
    });
    expect(validateSummary(bad)).toEqual([
      'by_year_level[1].year: expected an integer or null, got "2020"',
      'by_status[1].status: expected ok/partial/failed, got "broken"',
      'by_template[0]: not an object',
      'trends[0].rv_total: expected a finite number or null, got "NaN"',
      'trends[1].p_total: expected a finite number or null, got nothing',
    ]);
  });

  it('checks the order of the arrays and that their counts add up to reports', () => {
    const bad = withChange((s) => {
      (s.by_year_level as unknown[]).reverse();
      (s.by_status as unknown[]).reverse();
      (s.by_template as Record<string, unknown>[])[0].reports = 2;
      (s.trends as unknown[]).reverse();
    });
    expect(validateSummary(bad)).toEqual([
      'by_year_level: not sorted by year then level without duplicates (at index 1)',
      'by_status: not sorted by ok < partial < failed without duplicates (at index 1)',
      'by_template: counts add up to 3, not to reports (4)',
      'trends: not sorted by year without duplicates (at index 1)',
    ]);
  });

  it("checks each template's count from the year alone: present, and never more than its reports", () => {
    expect(validateSummary(withChange((s) => delete (s.by_template as Record<string, unknown>[])[1].by_year))).toEqual(['by_template[1].by_year: expected a non-negative integer, got nothing']);
    expect(validateSummary(withChange((s) => ((s.by_template as Record<string, unknown>[])[0].by_year = 4)))).toEqual(['by_template[0]: by_year more than reports']);
  });

  it('checks years against by_year_level', () => {
    expect(validateSummary(withChange((s) => (s.years = [2018, 2020])))).toEqual(['years: [2018,2020] does not match by_year_level ([2019,2020])']);
    expect(validateSummary(withChange((s) => (s.years = null)))).toEqual(['years: null does not match by_year_level ([2019,2020])']);
  });

  it('rejects what is not a summary at all', () => {
    expect(validateSummary(null)).toEqual(['summary: not an object']);
    expect(validateSummary([validSummary()])).toEqual(['summary: not an object']);
  });
});

describe('compareNullsLast', () => {
  it('sorts ascending by code unit with null last', () => {
    expect(['town', null, 'city', 'county'].sort(compareNullsLast)).toEqual(['city', 'county', 'town', null]);
    expect([2021, null, 2013].sort(compareNullsLast)).toEqual([2013, 2021, null]);
  });
});
