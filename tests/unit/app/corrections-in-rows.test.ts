// Which chart rows and download observations rest on a person's correction.
import { describe, expect, it } from 'vitest';
import { correctedRows, observationCorrected, type AppliedCorrection } from '../../../src/app/user/corrections-in-rows';

const applied: AppliedCorrection[] = [
  { metric: 'r.new.total', report: { report_id: 'a/1.txt', year: 2021, body_key: '210900/公安局', scope: 'self', divisions: ['210900', '210000', '210900'] } },
  { metric: 'lit.direct.total', report: { report_id: 'a/2.txt', year: 2020, body_key: '210902', scope: 'self', divisions: ['210902', '210000', '210900', '210902'] } },
];

describe('corrected rows', () => {
  it('matches rows by report, body or division and year', () => {
    const columns = ['body_key', 'year', 'value', 'report_id'];
    const rows = [
      { body_key: '210900/公安局', year: 2021, value: 5, report_id: 'a/1.txt' },
      { body_key: '210900/公安局', year: 2020, value: 5, report_id: 'a/0.txt' },
      { body_key: '210902', year: 2020, value: 3, report_id: null },
    ];
    expect(correctedRows(columns, rows, applied)).toEqual({ count: 2, flags: [true, false, true] });
    // A division's rollup row holds every report below it.
    expect(correctedRows(['division_code', 'year', 'r_new_total'], [{ division_code: '210000', year: 2021, r_new_total: 9 }], applied)).toEqual({ count: 1, flags: [true] });
    // Pooled rows (no body, no report) hold the corrections of their year.
    expect(correctedRows(['year', 'lit_total'], [{ year: 2020, lit_total: 1 }, { year: 2019, lit_total: 2 }], applied)).toEqual({ count: 1, flags: [true, false] });
  });

  it("holds a pooled row's own reports of the year (body '*'), never an area summary, and never rows of report counts", () => {
    const area: AppliedCorrection = { metric: 'r.new.total', report: { report_id: 'a/3.txt', year: 2021, body_key: '210900', scope: 'area', divisions: ['210900', '210000'] } };
    const pooled = [{ body_key: '*', body: '*', year: 2021, r_new_total: 9 }, { body_key: '*', body: '*', year: 2020, r_new_total: 4 }];
    expect(correctedRows(['body_key', 'body', 'year', 'r_new_total'], pooled, applied)).toEqual({ count: 1, flags: [true, false] });
    expect(correctedRows(['body_key', 'body', 'year', 'r_new_total'], pooled, [area])).toEqual({ count: 0, flags: [false, false] });
    expect(observationCorrected({ body_key: '*', year: 2021, metric: 'r.new.total', report_id: null }, applied)).toBe(true);
    expect(observationCorrected({ body_key: '*', year: 2021, metric: 'r.new.total', report_id: null }, [area])).toBe(false);
    // Reports by year and level, templates, coverage: counts of reports, which no value correction changes.
    expect(correctedRows(['year', 'level', 'reports'], [{ year: 2021, level: 'city', reports: 3 }], applied).count).toBe(0);
    expect(correctedRows(['template', 'reports'], [{ template: 'table2021', reports: 3 }], applied).count).toBe(0);
    // A reconciliation's wide row holds the metric's value in columns named *_value.
    expect(correctedRows(['year', 'area_value', 'children_value'], [{ year: 2021, area_value: 5, children_value: 4 }], applied).count).toBe(1);
  });

  it('leaves out corrections of metrics the rows do not hold', () => {
    expect(correctedRows(['year', 'rv_total'], [{ year: 2021, rv_total: 1 }, { year: 2020, rv_total: 1 }], applied)).toEqual({ count: 0, flags: [false, false] });
    expect(correctedRows([], [], applied).count).toBe(0);
    expect(correctedRows(['year', 'value'], [{ year: 2021, value: 1 }], []).count).toBe(0);
  });

  it('flags tidy observations of the corrected metric (or a total made of it) only', () => {
    const base = { body_key: '210902', year: 2020, report_id: null };
    expect(observationCorrected({ ...base, metric: 'lit.direct.total' }, applied)).toBe(true);
    expect(observationCorrected({ ...base, metric: 'lit.total' }, applied)).toBe(true);
    expect(observationCorrected({ ...base, metric: 'rv.total' }, applied)).toBe(false);
    expect(observationCorrected({ ...base, metric: 'lit.total', year: 2021 }, applied)).toBe(false);
  });
});
