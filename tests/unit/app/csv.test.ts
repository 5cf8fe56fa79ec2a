import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/app/data/csv';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM, uses CRLF and leaves absent values empty (never 0)', () => {
    const csv = toCsv(['issuer', 'year', 'value'], [{ issuer: '广州市人民政府', year: 2020, value: null }, { issuer: '海珠区', year: 2021, value: 0 }]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('issuer,year,value\r\n广州市人民政府,2020,\r\n海珠区,2021,0\r\n');
  });

  it('quotes separators, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const csv = toCsv(['a'], [{ a: 'x,"y"\nz' }, { a: '=HYPERLINK("http://x")' }, { a: -5 }]);
    expect(csv.slice(1).split('\r\n')).toEqual(['a', '"x,""y""\nz"', '"\t=HYPERLINK(""http://x"")"', '-5', '']);
  });
});
