// Table cells a count cannot hold (issue 12 item 8): negative or fractional counts and values
// of 2^53 or more are left out with a warning, never rounded; a signed change and money keep
// what is printed.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse';
import { PROACTIVE_METRICS, REQUEST_METRICS, renderReport } from '../helpers/report-builder';

const MARK = 777;
/** A piped 2021 table with every cell 1 and the cell of `metric` printed as `printed`. */
function reportWith(metric: string, printed: string): string {
  const values = Object.fromEntries([...PROACTIVE_METRICS, ...REQUEST_METRICS].map((m) => [m, m === metric ? MARK : 1]));
  return renderReport(values, 'piped').replace(` ${MARK} `, ` ${printed} `);
}
const parsed = (metric: string, printed: string) => {
  const r = parseReport(reportWith(metric, printed));
  return { value: r.values.find((v) => v.metric === metric), warnings: r.warnings.filter((w) => w.startsWith(metric)) };
};

describe('impossible counts in table cells', () => {
  it('reads an ordinary count', () => {
    expect(parsed('p.license.decisions', '12').value?.value).toBe(12);
  });

  it('leaves out a negative count with a warning', () => {
    const r = parsed('p.license.decisions', '-5');
    expect(r.value).toBeUndefined();
    expect(r.warnings).toEqual(['p.license.decisions: "-5" is a negative count; left out']);
  });

  it('leaves out a fractional count with a warning', () => {
    const r = parsed('r.new.natural', '12.5');
    expect(r.value).toBeUndefined();
    expect(r.warnings).toEqual(['r.new.natural: "12.5" is a fractional count; left out']);
  });

  it('leaves out a count of 2^53 or more instead of rounding it', () => {
    const r = parsed('r.granted.total', '9007199254740993');
    expect(r.value).toBeUndefined();
    expect(r.warnings[0]).toMatch(/"9007199254740993" is a count too large to hold exactly/);
    expect(parsed('r.granted.total', '9007199254740991').value?.value).toBe(9007199254740991);
  });
});
