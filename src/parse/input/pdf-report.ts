// A PDF report: its pages read (pdf.js), the unreadable ones told apart (scans, glyphs with no
// Unicode), the rest laid out as text and parsed; every value gets the page and box it was printed in.
import { parseReport, type ParseOptions } from '../index';
import type { ParsedReport } from '../types';
import { boxOfSpan, layoutPdfText } from './pdf-layout';
import { DEFAULT_PDF_LIMITS, readPdf, type PdfLimits, type PdfPageRead, type PdfResources } from './pdf';

export interface PdfInputOptions {
  /** Where pdf.js finds its CMaps and standard fonts (local files; never the network). */
  pdf?: PdfResources;
  pdfLimits?: PdfLimits;
}

export const UNREADABLE = 'scanned or unreadable text layer: needs OCR';

const READABLE = /[\u4e00-\u9fffA-Za-z0-9]/g;
// U+FFFD, private use, C0 controls: what glyphs without a Unicode mapping come out as
const GARBLED = /[\ufffd\ue000-\uf8ff\u0000-\u0008\u000e-\u001f]/g;
const CJK = /[\u4e00-\u9fff]/g;
// characters every Chinese report prints; CJK text without any of them is glyphs mapped to the wrong code points
const COMMON = /[的年公开政府信息]/;

/** Why a page's text cannot be trusted, or null. */
export function unreadablePage(page: PdfPageRead): string | null {
  const text = page.items.map((i) => i.str).join('');
  const readable = text.match(READABLE)?.length ?? 0;
  const garbled = text.match(GARBLED)?.length ?? 0;
  if (readable < 10 && page.images > 0) return 'images without text';
  if (garbled >= 5 && garbled > 0.1 * (readable + garbled)) return 'glyphs without a Unicode mapping';
  const cjk = text.match(CJK)?.length ?? 0;
  if (cjk >= 80 && !COMMON.test(text)) return 'characters that do not read as Chinese';
  return null;
}

const failed = (error: string, text = ''): ParsedReport => ({
  status: 'failed', error, values: [], checks: [], warnings: [], text,
  facts: { issuer: null, jurisdiction: null, level: null, scope: 'self', year: null, published: null, template: null, template_basis: null, encoding: 'pdf', synthetic: false },
});

export async function readPdfReport(bytes: Uint8Array, options: ParseOptions & PdfInputOptions): Promise<ParsedReport> {
  const read = await readPdf(bytes, options.pdf, options.pdfLimits ?? DEFAULT_PDF_LIMITS);
  if (!read.ok) return failed(read.reason);
  const warnings: string[] = [];
  const unreadable = read.pages.flatMap((p) => {
    const why = unreadablePage(p);
    return why ? [`page ${p.page}: ${why}`] : [];
  });
  const readablePages = read.pages.filter((p) => !unreadablePage(p));
  const hasText = readablePages.some((p) => (p.items.map((i) => i.str).join('').match(READABLE)?.length ?? 0) >= 10);
  if (!hasText) return failed(unreadable.length > 0 || read.pages.length > 0 ? `${UNREADABLE} (${unreadable.join('; ') || 'no text on any page'})` : 'empty PDF: no pages');
  if (unreadable.length > 0) warnings.push(`${UNREADABLE}: ${unreadable.join('; ')}; those pages are not read`);

  const laid = layoutPdfText(readablePages);
  const parsed = parseReport(laid.text, { fileName: options.fileName });
  // each value's box set in place, not on a spread copy: a copy made by a spread with a field more
  // gets a hidden class of its own, and the code that reads values is compiled again for it
  const values = parsed.values;
  for (const v of values) {
    const box = boxOfSpan(laid.pieces, v.start, v.end);
    if (box) v.pdf = box;
  }
  const status = parsed.status === 'ok' && unreadable.length > 0 ? 'partial' : parsed.status;
  return {
    ...parsed,
    status,
    values,
    facts: { ...parsed.facts, encoding: 'pdf' },
    warnings: [...warnings, ...parsed.warnings],
  };
}
