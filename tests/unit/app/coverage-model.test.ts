import { describe, expect, it } from 'vitest';
import { coverageCounts, coverageParts } from '../../../src/app/views/coverage-model';
import type { Row } from '../../../src/app/data/rows';

// Rows as the coverage query gives them: governments listed below the parent, and departments.
const rows: Row[] = [
  { unit: 'government', listed: true, reports: 1, late: false, missing: false, not_due: false },
  { unit: 'government', listed: true, reports: 1, late: true, missing: false, not_due: false },
  { unit: 'government', listed: true, reports: 1, late: null, missing: false, not_due: false },
  { unit: 'government', listed: true, reports: 0, ambiguous_reports: 0, late: null, missing: true, not_due: false },
  { unit: 'government', listed: true, reports: 0, late: null, missing: false, not_due: true },
  { unit: 'department', listed: null, reports: 1, late: true, missing: false, not_due: false },
  { unit: 'department', listed: null, reports: 1, late: true, missing: false, not_due: false },
];

describe('coverage counts', () => {
  it('counts late governments only, as the donut does; departments have their own count', () => {
    expect(coverageCounts(rows)).toEqual({ listed: 5, reported: 3, missing: 1, late: 1, notDue: 1, departments: 2 });
  });

  it('splits the governments into parts that add up to those listed, a report with no date its own part', () => {
    const parts = coverageParts(rows);
    expect(parts).toEqual({ on_time: 1, late: 1, date_unknown: 1, missing: 1, not_due: 1 });
    expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(coverageCounts(rows).listed);
  });
});
