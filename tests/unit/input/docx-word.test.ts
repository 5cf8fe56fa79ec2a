// A .docx as Word writes it (tests/helpers/docx-writer writeWordDocx: runs split mid-number,
// proofing and bookmark marks, a tracked deletion and insertion, formula fields, content controls
// around paragraphs and cells, a text box, header and footer parts) gives the values of the same
// report as text, for every producer source: nothing lost, nothing added.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/parse/input';
import type { ParsedReport } from '../../../src/parse/types';
import { textToBlocks, writeWordDocx } from '../../helpers/docx-writer';
import { PRODUCER_SOURCES, readSource } from '../../helpers/producers';

const valuesOf = (report: ParsedReport) => Object.fromEntries(report.values.map((v) => [v.metric, v.value]));

describe('a .docx as Word writes it gives the values of the text form', () => {
  for (const source of PRODUCER_SOURCES) {
    it(source, async () => {
      const original = await parseDocument(readSource(source), { fileName: source });
      const text = await parseDocument(new TextEncoder().encode(original.text), { fileName: 'report.txt' });
      const docx = writeWordDocx(textToBlocks(original.text), original.text.split('\n')[0]);
      const report = await parseDocument(docx, { fileName: 'report.docx' });
      // as the text form: seeds/2019 阜新 is partial (its statistics year is not printed)
      expect(report.status, report.error).toBe(text.status);
      expect(report.status).not.toBe('failed');
      expect(report.facts.encoding).toBe('docx');
      expect(Object.keys(valuesOf(text)).length).toBeGreaterThan(30);
      expect(valuesOf(report)).toEqual(valuesOf(text));
      // no deleted text, field code, text box, header or footer leaks into the text
      expect(report.text).not.toMatch(/SUM|样稿|2099|PAGE/);
    });
  }

  it('a title printed over two paragraphs (a blank line between them in the text) names the issuer', async () => {
    // real/2013-hunan-daoxian-culture-bureau-department.txt: 道县文广新局2013年度信息公开工作 / 年度报告
    const source = 'real/2013-hunan-daoxian-culture-bureau-department.txt';
    const original = await parseDocument(readSource(source), { fileName: source });
    const report = await parseDocument(writeWordDocx(textToBlocks(original.text), original.text.split('\n')[0]), { fileName: 'report.docx' });
    expect(report.text).toMatch(/^道县文广新局2013年度信息公开工作\n\n年度报告\n/);
    expect([report.facts.issuer, report.facts.jurisdiction, report.facts.level]).toEqual(['道县文广新局', '道县', 'department']);
  });

  it('the writer really splits numbers and wraps cells (the test is not of a plain file)', () => {
    const docx = writeWordDocx([{ kind: 'p', text: '共受理申请15件。' }, { kind: 'table', rows: [['一、本年新收', '80', '1', '81']] }], '标题');
    const xml = strFromU8(unzipSync(docx)['word/document.xml']);
    expect(xml).toMatch(/<w:t xml:space="preserve">1<\/w:t><\/w:r>(?:<[^>]+>)*?<w:r [^>]*><w:rPr>(?:(?!<w:t[ >]).)*<\/w:rPr><w:t xml:space="preserve">5<\/w:t>/);
    expect(xml).toMatch(/<w:sdt>.*?<w:sdtContent><w:tc>/);
    expect(xml).toContain('<w:delText>9</w:delText>');
    expect(xml).toContain('<w:instrText xml:space="preserve"> =SUM(LEFT)');
  });
});
