// Bad and hostile files end as a failed report with a reason (or are read safely), never a throw.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { NODE_INPUT } from '../../../src/ingest/input-node';
import { parseDocument } from '../../../src/parse/input';
import { UNREADABLE, unreadablePage } from '../../../src/parse/input/pdf-report';
import { listZip, zipBombReason } from '../../../src/parse/input/zip-guard';
import { textPage, writePdf } from '../../helpers/pdf-writer';

const parse = (bytes: Uint8Array, fileName: string) => parseDocument(bytes, { fileName, ...NODE_INPUT });

describe('hostile and unreadable PDFs', () => {
  it('reads a well-formed hand-made PDF (the writer is sound)', async () => {
    const report = await parse(writePdf({ pages: [textPage('Annual report page one')] }), 'a.pdf');
    expect(report.text).toBe('Annual report page one');
    expect(report.error).toMatch(/not an information-disclosure annual report/);
  });

  it('an encrypted PDF: a password is needed', async () => {
    const report = await parse(writePdf({ pages: [textPage('secret')], encrypted: true }), 'enc.pdf');
    expect(report).toMatchObject({ status: 'failed', error: 'encrypted PDF: a password is needed to read it', values: [] });
  });

  it('a scan (images, no text): needs OCR, never numbers', async () => {
    const report = await parse(writePdf({ pages: ['', ''], image: true }), 'scan.pdf');
    expect(report.status).toBe('failed');
    expect(report.error).toContain(UNREADABLE);
    expect(report.error).toContain('page 1: images without text');
    expect(report.values).toEqual([]);
  });

  it('glyphs that decode to U+FFFD or private-use code points: needs OCR', () => {
    const items = [{ str: '\ue001\ue002\ue003\ue004\ue005\ue006 12', x: 0, y: 0, w: 10, h: 10 }];
    expect(unreadablePage({ page: 1, width: 595, height: 842, items, rules: [], images: 0 })).toBe('glyphs without a Unicode mapping');
    const mojibake = [{ str: '锟斤拷烫烫烫屯屯屯'.repeat(10), x: 0, y: 0, w: 10, h: 10 }];
    expect(unreadablePage({ page: 1, width: 595, height: 842, items: mojibake, rules: [], images: 0 })).toBe('characters that do not read as Chinese');
  });

  it('a 500-page PDF is refused by the page cap', async () => {
    const pages = Array.from({ length: 500 }, (_, i) => textPage(`Page ${i + 1}`));
    const report = await parse(writePdf({ pages }), 'long.pdf');
    expect(report.status).toBe('failed');
    expect(report.error).toMatch(/PDF has 500 pages, more than the 200/);
  });

  it('embedded JavaScript is never run; the text is read as usual', async () => {
    const report = await parse(writePdf({ pages: [textPage('Page with a script')], javascript: 'app.alert(1)' }), 'js.pdf');
    expect(report.text).toBe('Page with a script');
  });

  it('a broken cross-reference table is rebuilt by pdf.js; a file with no PDF structure is refused', async () => {
    const good = writePdf({ pages: [textPage('Recovered text')] });
    const text = new TextDecoder('latin1').decode(good).replace(/startxref\n\d+/, 'startxref\n99999');
    const broken = await parse(Uint8Array.from(text, (c) => c.charCodeAt(0)), 'xref.pdf');
    expect(broken.text).toBe('Recovered text');
    const junk = await parse(strToU8('%PDF-1.7\n' + 'garbage '.repeat(100)), 'junk.pdf');
    expect(junk.status).toBe('failed');
    expect(junk.error).toMatch(/PDF/);
  });
});

describe('hostile and unsupported Word files', () => {
  it('a PDF decompression bomb (a 60 KB content stream expanding to 64 MB) ends as a row with a reason', async () => {
    const bomb = writePdf({ pages: [`${' '.repeat(64 * 1024 * 1024)}${textPage('after the padding')}`], flate: true });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const report = await parse(bomb, 'bomb.pdf');
    expect(report.status).toBe('failed');
    expect(report.error).toMatch(/^(PDF not read within|not an information-disclosure annual report)/);
  });

  it('a .docx with external references (linked image, INCLUDETEXT field, attached template) is read without opening any', async () => {
    const rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://127.0.0.1:9/x.png" TargetMode="External"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="file:///etc/passwd" TargetMode="External"/></Relationships>';
    const body =
      '<w:p><w:r><w:t>某县人民政府2023年政府信息公开工作年度报告</w:t></w:r></w:p>' +
      '<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;/etc/passwd&quot; "><w:r><w:t>本年共受理政府信息公开申请12件。</w:t></w:r></w:fldSimple></w:p>' +
      '<w:p><w:r><w:drawing><a:blip xmlns:a="x" r:link="rId9" xmlns:r="y"/></w:drawing></w:r></w:p>';
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/_rels/document.xml.rels': strToU8(rels),
      'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`),
    });
    const report = await parse(docx, 'external.docx');
    expect(report.error).toBeUndefined();
    expect(report.text).toContain('本年共受理政府信息公开申请12件。');
    expect(report.text).not.toMatch(/root:|passwd/);
  });

  it('a .docx decompression bomb is refused before anything is unpacked', async () => {
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(40 * 1024 * 1024).fill(32) }, { level: 9 });
    const listed = listZip(bomb);
    expect(listed.ok && zipBombReason(listed.entries)).toMatch(/^decompression bomb: word\/document\.xml expands \d+×/);
    const report = await parse(bomb, 'bomb.docx');
    expect(report.status).toBe('failed');
    expect(report.error).toMatch(/^decompression bomb/);
  });

  it('a ZIP that is not a Word document says what it is', async () => {
    const xlsx = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
    expect((await parse(xlsx, 'book.xlsx')).error).toBe('unsupported file: an Excel workbook (.xlsx)');
  });

  it('a truncated .docx: a reason, not a throw', async () => {
    const docx = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    const report = await parse(docx.subarray(0, docx.length - 30), 'cut.docx');
    expect(report.status).toBe('failed');
    expect(report.error).toMatch(/broken ZIP container/);
  });

  it('.rtf and .wps are refused with a clear reason', async () => {
    expect((await parse(strToU8('{\\rtf1\\ansi 政府信息公开}'), 'r.rtf')).error).toMatch(/^unsupported format: RTF/);
    expect((await parse(strToU8('anything'), 'r.wps')).error).toMatch(/^unsupported format: WPS Writer/);
  });

  it('an OLE file that is not a Word document: a reason', async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const report = await parse(ole, 'x.doc');
    expect(report.status).toBe('failed');
    expect(report.error).toMatch(/^OLE document \(\.doc\/\.xls\) could not be read as Word/);
    // the same reader and reason without the Node options (a browser worker)
    expect((await parseDocument(ole, { fileName: 'x.doc' })).error).toBe(report.error);
  });
});

describe('format sniffing', () => {
  it('tells formats from bytes; a text mentioning "%PDF-" stays text', async () => {
    const { sniffFormat } = await import('../../../src/parse/input');
    expect(sniffFormat(writePdf({ pages: [textPage('x')] }))).toBe('pdf');
    expect(sniffFormat(strToU8('\ufeff%PDF-1.4 ... %%EOF'))).toBe('pdf');
    expect(sniffFormat(strToU8('本报告附件为 %PDF-1.4 格式的扫描件。'))).toBe('text');
    expect(sniffFormat(zipSync({ a: strToU8('b') }))).toBe('zip');
    expect(sniffFormat(zipSync({ a: strToU8('b') }), 'report.wps')).toBe('zip');
    expect(sniffFormat(strToU8('anything'), 'report.wps')).toBe('wps');
    expect(sniffFormat(strToU8('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="x"\r\n'))).toBe('mhtml');
    expect(sniffFormat(strToU8('<html>…</html>'), 'report.html')).toBe('text');
  });
});

describe('the PDF time budget', () => {
  it('is counted on the clock it is given and ends the read with a reason', async () => {
    const { readPdf } = await import('../../../src/parse/input/pdf');
    let now = 0;
    const clock = () => (now += 4000);
    const pages = Array.from({ length: 5 }, (_, i) => textPage(`Page ${i + 1}`));
    const read = await readPdf(writePdf({ pages }), NODE_INPUT.pdf, { maxPages: 200, maxMillis: 10_000, clock });
    expect(read).toEqual({ ok: false, reason: 'PDF not read within the 10 s limit' });
    // the same file on a clock that does not run is read whole
    expect(await readPdf(writePdf({ pages }), NODE_INPUT.pdf, { maxPages: 200, maxMillis: 10_000, clock: () => 0 })).toMatchObject({ ok: true, pages: { length: 5 } });
  });
});
