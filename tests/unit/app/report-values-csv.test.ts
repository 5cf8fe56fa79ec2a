import { describe, expect, it } from 'vitest';
import { REPORT_VALUE_COLUMNS, reportValuesCsv } from '../../../src/app/views/report-values-csv';
import { parseCsv } from '../../../src/shared/csv';

describe("the report's values CSV", () => {
  it('carries the split and inferred marks beside approx and derived, an absent value as an empty cell', () => {
    const rows = [
      { metric: 'r.new.total', value: 12, approx: false, derived: false, split: true, inferred: false, source: 'table', start: 5, end: 7, pdf_page: null, printed_value: 12, corrected: false, correction_note: null, correction_author: null },
      { metric: 'r.handled.total', value: 2, approx: false, derived: false, split: false, inferred: true, source: 'narrative', start: 9, end: 10, pdf_page: null, printed_value: 2, corrected: false, correction_note: null, correction_author: null },
      { metric: 'r.carried.total', value: null, approx: false, derived: false, split: null, inferred: null, source: 'table', start: null, end: null, pdf_page: 3, printed_value: 4, corrected: true, correction_note: 'rejected', correction_author: 'x' },
    ];
    const text = reportValuesCsv('corpus/a.txt', rows, 'en');
    expect(text.startsWith('\ufeff')).toBe(true);
    const [header, ...cells] = parseCsv(text.slice(1));
    expect(header).toEqual([...REPORT_VALUE_COLUMNS]);
    const col = (c: string) => cells.map((r) => r[header.indexOf(c)]);
    expect(col('split')).toEqual(['true', 'false', 'false']);
    expect(col('inferred')).toEqual(['false', 'true', 'false']);
    expect(col('value')).toEqual(['12', '2', '']);
    expect(col('report_id')).toEqual(['corpus/a.txt', 'corpus/a.txt', 'corpus/a.txt']);
    expect(col('printed_value')).toEqual(['12', '2', '4']);
  });
});
