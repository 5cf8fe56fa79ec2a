// The one-pass DOCX reader (docx-html.ts) against hand-written WordprocessingML, and against
// mammoth (which it replaced on the hot path) on the official 2021 form: the same values.
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/parse';
import { readDocx } from '../../../src/parse/input/docx';
import { unzipSync } from 'fflate';
import { documentXmlToHtml, stripFormattingBytes } from '../../../src/parse/input/docx-html';
import { fillTemplate2021, readTemplate2021 } from '../../helpers/template-2021';

const doc = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="x" xmlns:mc="y"><w:body>${body}</w:body></w:document>`;
const p = (...runs: string[]) => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${runs.join('')}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (text: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${p(r(text))}</w:tc>`;

describe('stripFormattingBytes (the formatting cut before decoding)', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const strip = (s: string) => new TextDecoder().decode(stripFormattingBytes(utf8(s)));

  it('cuts the formatting blocks and keeps text, tags with attributes and look-alike names', () => {
    const xml = `<w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:sz w:val="21"/></w:rPr><w:t>政府信息</w:t></w:r><w:rPrChange w:id="1"/><w:tblPr w:x="1"/></w:p>`;
    expect(strip(xml)).toBe('<w:p><w:r><w:t>政府信息</w:t></w:r><w:rPrChange w:id="1"/><w:tblPr w:x="1"/></w:p>');
  });

  it('leaves an unclosed block and everything after it as it is', () => {
    expect(strip('<w:t>甲</w:t><w:rPr><w:b/>')).toBe('<w:t>甲</w:t><w:rPr><w:b/>');
  });

  it('gives the same HTML as the cut on the decoded text, on the official form', () => {
    const part = unzipSync(fillTemplate2021(readTemplate2021()).docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'];
    const stripped = stripFormattingBytes(part);
    expect(stripped.length).toBeLessThan(part.length / 2);
    expect(documentXmlToHtml(new TextDecoder().decode(stripped))).toBe(documentXmlToHtml(new TextDecoder().decode(part)));
  });
});

describe('documentXmlToHtml', () => {
  it('paragraphs, tabs, line breaks; empty paragraphs and page breaks dropped; entities kept escaped', () => {
    const html = documentXmlToHtml(doc(p(r('甲'), '<w:r><w:tab/></w:r>', r('1 &lt; 2 &amp; 3'), '<w:r><w:br/></w:r>', r('乙'), '<w:r><w:br w:type="page"/></w:r>') + p() + p(r('  '))));
    expect(html).toBe('<p>甲\t1 &lt; 2 &amp; 3<br />乙</p>');
  });

  it('deleted and moved-away text, field instructions and the Choice branch give no text', () => {
    const html = documentXmlToHtml(
      doc(
        p(
          r('留'),
          '<w:del><w:r><w:delText>删</w:delText></w:r></w:del>',
          '<w:moveFrom><w:r><w:t>移</w:t></w:r></w:moveFrom>',
          '<w:r><w:instrText> PAGE </w:instrText></w:r>',
          '<mc:AlternateContent><mc:Choice Requires="wps">', r('选'), '</mc:Choice><mc:Fallback>', r('备'), '</mc:Fallback></mc:AlternateContent>',
          '<w:ins><w:r><w:t>增</w:t></w:r></w:ins>',
        ),
      ),
    );
    expect(html).toBe('<p>留备增</p>');
  });

  it('gridSpan → colspan, vMerge → rowspan at the same grid column, gridBefore shifts the row', () => {
    const xml = doc(
      '<w:tbl>' +
        `<w:tr>${tc('A', '<w:vMerge w:val="restart"/>')}${tc('B', '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${tc('', '<w:vMerge/>')}${tc('1')}${tc('2', '<w:vMerge w:val="restart"/>')}</w:tr>` +
        `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc('', '<w:vMerge/>')}</w:tr>` +
        `<w:tr>${tc('C')}${tc('3')}${tc('4')}</w:tr>` +
        '</w:tbl>',
    );
    expect(documentXmlToHtml(xml)).toBe(
      '<table><tr><td rowspan="2"><p>A</p></td><td colspan="2"><p>B</p></td></tr>' +
        '<tr><td><p>1</p></td><td rowspan="2"><p>2</p></td></tr><tr></tr>' +
        '<tr><td><p>C</p></td><td><p>3</p></td><td><p>4</p></td></tr></table>',
    );
  });

  it('a table nested in a cell stays inside that cell', () => {
    const xml = doc(`<w:tbl><w:tr><w:tc>${p(r('外'))}<w:tbl><w:tr>${tc('内')}</w:tr></w:tbl>${p()}</w:tc>${tc('9')}</w:tr></w:tbl>`);
    expect(documentXmlToHtml(xml)).toBe('<table><tr><td><p>外</p><table><tr><td><p>内</p></td></tr></table></td><td><p>9</p></td></tr></table>');
  });
});

describe('readDocx against mammoth', () => {
  it('the filled official 2021 form gives the same values, at the same metrics, as through mammoth', async () => {
    const { docx } = fillTemplate2021(readTemplate2021());
    const ours = await readDocx(docx);
    if (!ours.ok) throw new Error(ours.reason);
    const theirs = await mammoth.convertToHtml({ buffer: Buffer.from(docx) } as Parameters<typeof mammoth.convertToHtml>[0]);
    const values = (html: string) => parseReport(html, { fileName: 'form.html' }).values.map((v) => [v.metric, v.value]);
    const expected = values(theirs.value);
    expect(expected.length).toBeGreaterThanOrEqual(200);
    expect(values(ours.html)).toEqual(expected);
  });
});
