import { describe, expect, it } from 'vitest';
import { COVERAGE_CSV_COLUMNS, COVERAGE_PARTS, coverageCounts, coverageCsvRows, coverageParts, coverageStatus, lateFigure, listedFigure } from '../../../src/app/views/coverage-model';
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
  it('says how many of the governments reported are known only by a report under an ambiguous name', () => {
    const ambiguous: Row = { unit: 'government', listed: true, reports: 0, ambiguous_reports: 1, late: null, missing: false, not_due: false };
    const counts = coverageCounts([...rows, ambiguous]);
    expect([counts.reported, counts.ambiguousOnly]).toEqual([4, 1]);
  });

  it('counts late governments only, as the donut does; departments have their own count', () => {
    expect(coverageCounts(rows)).toEqual({ listed: 5, reported: 3, ambiguousOnly: 0, missing: 1, late: 1, datesKnown: 2, datesUnknown: 1, notDue: 1, departments: 2 });
  });

  it('rests the late figure on known dates only: with none known it is unknown, not 0', () => {
    expect(lateFigure(coverageCounts(rows))).toEqual({ value: 1, known: 2, unknown: 1 });
    const undated = rows.map((r) => (r.unit === 'government' && r.reports === 1 ? { ...r, late: null } : r));
    expect(lateFigure(coverageCounts(undated))).toEqual({ value: null, known: 0, unknown: 3 });
  });

  it('judges missing and not yet due only against listed children: with none listed both are unknown, not 0', () => {
    expect(listedFigure(coverageCounts(rows))).toEqual({ missing: 1, notDue: 1, noneListed: false });
    const unlisted: Row[] = [{ unit: 'government', listed: false, reports: 1, late: true, missing: false, not_due: false }];
    expect(listedFigure(coverageCounts(unlisted))).toEqual({ missing: null, notDue: null, noneListed: true });
  });

  it('splits the governments into parts that add up to those listed, a report with no date its own part', () => {
    const parts = coverageParts(rows);
    expect(parts).toEqual({ on_time: 1, late: 1, date_unknown: 1, missing: 1, not_due: 1 });
    expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(coverageCounts(rows).listed);
  });
});

describe('coverage chart CSV rows', () => {
  it('list the governments behind each part, part by part, each with its part count, parent, year and version', () => {
    const named = rows.map((r, i) => ({ ...r, division_code: `44010${i}`, division_name: `区${i}`, division_level: 'county', published: r.late === null ? null : '2021-03-01', deadline: '2021-03-31' }));
    const out = coverageCsvRows(named, { parent: '440100', parentName: '广州市', year: 2020, datasetVersion: 'v1' }, (p) => `label:${p}`);
    expect(out.map((r) => [r.status, r.division_code, r.part_governments])).toEqual([
      ['on_time', '440100', 1],
      ['late', '440101', 1],
      ['date_unknown', '440102', 1],
      ['missing', '440103', 1],
      ['not_due', '440104', 1],
    ]);
    for (const r of out) {
      expect(Object.keys(r)).toEqual([...COVERAGE_CSV_COLUMNS]);
      expect([r.parent_code, r.parent_name, r.year, r.dataset_version, r.label, r.children_listed]).toEqual(['440100', '广州市', 2020, 'v1', `label:${String(r.status)}`, 5]);
    }
    // Departments are in no part of the donut; the counts per part are the donut's.
    const byPart = Object.fromEntries(COVERAGE_PARTS.map((p) => [p, out.filter((r) => r.status === p).length]));
    expect(byPart).toEqual(coverageParts(named));
  });

  it('gives a government reported only under an ambiguous name the no-date part', () => {
    expect(coverageStatus({ unit: 'government', reports: 0, ambiguous_reports: 1, late: null, missing: false })).toBe('date_unknown');
    expect(coverageStatus({ unit: 'department', reports: 1, late: true })).toBeNull();
  });
});
