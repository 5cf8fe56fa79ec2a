// Which chart rows and download observations rest on a person's correction.
import { describe, expect, it } from 'vitest';
import { correctedRows, observationCorrected, type AppliedCorrection } from '../../../src/app/user/corrections-in-rows';

const applied: AppliedCorrection[] = [
  { metric: 'r.new.total', report: { report_id: 'a/1.txt', year: 2021, body_key: '210900/公安局', divisions: ['210900', '210000', '210900'] } },
  { metric: 'lit.direct.total', report: { report_id: 'a/2.txt', year: 2020, body_key: '210902', divisions: ['210902', '210000', '210900', '210902'] } },
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
