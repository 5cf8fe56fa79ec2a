// The official 2021 Word form (merged cells and all): blank, it gives no value; with every blank
// cell filled, every cell is read, each number at its own metric.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/parse';
import { parseDocument } from '../../../src/parse/input';
import { failureCode } from '../../../src/parse/reasons';
import { fillTemplate2021, readTemplate2021 } from '../../helpers/template-2021';

describe('the official 2021 Word form', () => {
  const blank = readTemplate2021();

  it('blank: the 2021 table is recognised and no value is invented', async () => {
    const report = await parseDocument(blank, { fileName: 'template-2021-blank.docx' });
    expect(report.facts.template).toBe('table2021');
    expect(report.values).toEqual([]);
  });

  it('blank: a blank form, not a report (no issuing body, no figure)', async () => {
    const report = await parseDocument(blank, { fileName: 'template-2021-blank.docx' });
    expect(report.status).toBe('failed');
    expect(failureCode(report.error!)).toBe('blank-form');
    // The same form under a body's title is that body's report with nothing read: partial, not a blank form.
    const titled = parseReport(`广州市海珠区人民政府政府信息公开工作年度报告\n\n${report.text}`, { fileName: 'template-2021-blank.txt' });
    expect(titled.facts.issuer).not.toBeNull();
    expect(titled.status).toBe('partial');
    // With one figure filled in and read, likewise a report.
    const filled = parseReport(report.text.replace('一、本年新收政府信息公开申请数量 | | | | | | |', '一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3'), { fileName: 'template-2021-blank.txt' });
    expect(filled.status).not.toBe('failed');
  });

  it('filled: every cell is read at its metric', async () => {
    const { docx, filled } = fillTemplate2021(blank);
    // 10 proactive cells, 25 request rows × 7 columns, 15 review/litigation cells
    expect(filled).toHaveLength(10 + 25 * 7 + 15);
    const report = await parseDocument(docx, { fileName: 'filled.docx' });
    expect(report.facts).toMatchObject({ year: 2023, template: 'table2021', encoding: 'docx' });
    const table = report.values.filter((v) => v.source === 'table' && !v.derived);
    // the fees row is printed in 万元 (1010 万元 → 10,100,000 元)
    const printed = table.map((v) => (v.metric === 'p.fees.amount_yuan' ? v.value / 10_000 : v.value)).sort((a, b) => a - b);
    expect(printed).toEqual(filled);
    const at = Object.fromEntries(table.map((v) => [v.metric, v.value]));
    expect(at['p.rules.issued']).toBe(1001);
    expect(at['p.normative.in_force']).toBe(1006);
    expect(at['r.new.natural']).toBe(1011);
    expect(at['r.new.total']).toBe(1017);
    expect(at['r.denied.state_secret.natural']).toBe(1011 + 4 * 7);
    expect(at['r.carried_out.total']).toBe(1010 + 25 * 7);
    expect(at['rv.upheld']).toBe(1186);
    expect(at['lit.after_rv.total']).toBe(1200);
    for (const v of table) expect(report.text.slice(v.start, v.end)).toBe(String(v.metric === 'p.fees.amount_yuan' ? v.value / 10_000 : v.value));
  });
});
