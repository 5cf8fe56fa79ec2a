// One report, every format: the corpus HTML report parsed as HTML, as its plain text, as a DOCX
// (tests/helpers/docx-writer), as a saved web page (MHTML, quoted-printable) and as PDFs printed by
// Chromium — plain A4, and A5 with a narrow text column (lines break inside numbers), running
// header and "第 N 页 共 M 页" footer and the tables split over pages — gives the same values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_INPUT } from '../../../src/ingest/input-node';
import { parseDocument } from '../../../src/parse/input';
import type { ParsedReport } from '../../../src/parse/types';
import { blocksToHtml, textToBlocks, writeDocx } from '../../helpers/docx-writer';
import { printPdf } from '../../helpers/print-pdf';

const SOURCE = join(import.meta.dirname, '../../../../shared/corpus/complete/2024-fujian-pingtan-zone-county.html');
const HEADER = '<div style="font-size:8px;width:100%;text-align:center">平潭综合实验区2024年政府信息公开工作年度报告</div>';
const FOOTER = '<div style="font-size:8px;width:100%;text-align:center">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>';

const valuesOf = (report: ParsedReport) => Object.fromEntries(report.values.map((v) => [v.metric, v.value]));

let html: string;
let base: ParsedReport;

beforeAll(async () => {
  html = readFileSync(SOURCE, 'utf8');
  base = await parseDocument(new TextEncoder().encode(html), { fileName: 'report.html' });
});

describe('the same report in every format gives the same values', () => {
  it('the HTML report itself reads its table and narrative', () => {
    expect(base.status).toBe('ok');
    expect(base.values.length).toBeGreaterThan(200);
    expect(valuesOf(base)['r.new.total']).toBe(218);
  });

  it('as plain text', async () => {
    const report = await parseDocument(new TextEncoder().encode(base.text), { fileName: 'report.txt' });
    expect(valuesOf(report)).toEqual(valuesOf(base));
  });

  it('as DOCX', async () => {
    const report = await parseDocument(writeDocx(textToBlocks(base.text)), { fileName: 'report.docx' });
    expect(report.facts.encoding).toBe('docx');
    expect(valuesOf(report)).toEqual(valuesOf(base));
  });

  it('as MHTML (quoted-printable)', async () => {
    const qp = [...new TextEncoder().encode(html)].map((b) => (b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
    const lines = qp.match(/.{1,72}(?:=[0-9A-F]{2})?/g)!.join('=\r\n');
    const mhtml = `From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B"\r\n\r\n------B\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${lines}\r\n------B--\r\n`;
    const report = await parseDocument(new TextEncoder().encode(mhtml), { fileName: 'report.mhtml' });
    expect(report.facts.encoding).toBe('mhtml/utf-8');
    expect(valuesOf(report)).toEqual(valuesOf(base));
  });

  it('as a PDF printed by Chromium (A4, running header and page footer)', async () => {
    const pdf = await printPdf(html, { format: 'A4', headerTemplate: HEADER, footerTemplate: FOOTER });
    const report = await parseDocument(pdf, { fileName: 'report.pdf', ...NODE_INPUT });
    expect(report.status).toBe('ok');
    expect(valuesOf(report)).toEqual(valuesOf(base));
    expect(report.text).not.toMatch(/第 ?\d+ ?页/);
    expect(report.values.every((v) => v.derived || v.pdf !== undefined)).toBe(true);
  });

  it('as a PDF with a narrow column on A5: lines break inside numbers, tables run over pages', async () => {
    const page = blocksToHtml(textToBlocks(base.text), 'body{width:9cm;word-break:break-all;font-size:11px}');
    const pdf = await printPdf(page, { format: 'A5', headerTemplate: HEADER, footerTemplate: FOOTER });
    const report = await parseDocument(pdf, { fileName: 'report.pdf', ...NODE_INPUT });
    expect(valuesOf(report)).toEqual(valuesOf(base));
    // the request table is printed over more than one page
    const pages = new Set(report.values.filter((v) => v.metric.startsWith('r.') && v.pdf).map((v) => v.pdf!.page));
    expect(pages.size).toBeGreaterThan(1);
    expect(report.text).not.toContain('平潭综合实验区2024年政府信息公开工作年度报告\n');
  });
});
