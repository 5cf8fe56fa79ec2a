// Word 2007+ (.docx) → HTML for the parser's HTML path (tables keep their merged cells as
// rowspan/colspan). The ZIP is listed first so a decompression bomb is never unpacked; only
// word/document.xml is inflated (fflate), so images and external files are never opened.
import { unzipSync } from 'fflate';
import { documentXmlToHtml, stripFormattingBytes } from './docx-html';
import { listZip, zipBombReason } from './zip-guard';

export type DocxRead = { ok: true; html: string; warnings: string[] } | { ok: false; reason: string };

const MAIN_PART = 'word/document.xml';
const UTF8 = new TextDecoder('utf-8');
const UTF16 = new TextDecoder('utf-16le');

export async function readDocx(bytes: Uint8Array): Promise<DocxRead> {
  const listed = listZip(bytes);
  if (!listed.ok) return listed;
  const bomb = zipBombReason(listed.entries);
  if (bomb) return { ok: false, reason: bomb };
  const names = new Set(listed.entries.map((e) => e.name));
  if (!names.has(MAIN_PART)) {
    const what = names.has('xl/workbook.xml') ? 'an Excel workbook (.xlsx)' : names.has('ppt/presentation.xml') ? 'a PowerPoint file (.pptx)' : 'a ZIP archive, not a Word document';
    return { ok: false, reason: `unsupported file: ${what}` };
  }
  let xml: string;
  try {
    const part = unzipSync(bytes, { filter: (file) => file.name === MAIN_PART })[MAIN_PART];
    if (!part) return { ok: false, reason: `Word document (.docx) could not be read: ${MAIN_PART} missing` };
    xml = utf16(part) ? UTF16.decode(part) : UTF8.decode(stripFormattingBytes(part));
  } catch (error) {
    return { ok: false, reason: `Word document (.docx) could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, html: documentXmlToHtml(xml), warnings: [] };
}

/** XML parts may be UTF-16 (a BOM or `<` followed by a zero byte); Word writes UTF-8. */
const utf16 = (b: Uint8Array) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0x3c && b[1] === 0x00);
