import { describe, expect, it } from 'vitest';
import { metricUnit } from '../../../src/app/data/tidy';
import { REPORT_VALUE_COLUMNS, reportValuesCsv, reportValuesFileName } from '../../../src/app/views/report-values-csv';
import { parseCsv } from '../../../src/shared/csv';

describe("the report's values CSV", () => {
  it('carries the split and inferred marks beside approx and derived, an absent value as an empty cell', () => {
    const rows = [
      { metric: 'r.new.total', value: 12, approx: false, derived: false, split: true, inferred: false, source: 'table', start: 5, end: 7, pdf_page: null, printed_value: 12, corrected: false, correction_note: null, correction_author: null },
      { metric: 'r.handled.total', value: 2, approx: false, derived: false, split: false, inferred: true, source: 'narrative', start: 9, end: 10, pdf_page: null, printed_value: 2, corrected: false, correction_note: null, correction_author: null },
      { metric: 'r.carried.total', value: null, approx: false, derived: false, split: null, inferred: null, source: 'table', start: null, end: null, pdf_page: 3, printed_value: 4, corrected: true, correction_note: 'rejected', correction_author: 'x' },
    ];
    const text = reportValuesCsv('corpus/a.txt', 'ab12', rows, 'en');
    expect(text.startsWith('\ufeff')).toBe(true);
    const [header, ...cells] = parseCsv(text.slice(1));
    expect(header).toEqual([...REPORT_VALUE_COLUMNS]);
    const col = (c: string) => cells.map((r) => r[header.indexOf(c)]);
    expect(col('split')).toEqual(['true', 'false', 'false']);
    expect(col('inferred')).toEqual(['false', 'true', 'false']);
    expect(col('value')).toEqual(['12', '2', '']);
    expect(col('report_id')).toEqual(['corpus/a.txt', 'corpus/a.txt', 'corpus/a.txt']);
    expect(col('printed_value')).toEqual(['12', '2', '4']);
    // Each value's unit and the report's file (audit38 F6: a figure in 件 beside one in 元, no unit said).
    expect(col('unit')).toEqual(rows.map((r) => metricUnit(r.metric, 'en')));
    expect(col('unit')[0]).not.toBe('');
    expect(col('report_sha256')).toEqual(['ab12', 'ab12', 'ab12']);
    expect(reportValuesFileName('corpus/seeds/2019-liaoning-fuxin-city.txt')).toBe('gongkai_report_corpus-seeds-2019-liaoning-fuxin-city_values');
  });
});
