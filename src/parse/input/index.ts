// The input stage: bytes of any supported format → what the synchronous parser reads (plain
// text, or HTML), then the parser. PDF and Word readers are asynchronous; text and HTML go
// straight to parseReport. Runs in Node and in a browser worker, .doc files too (doc.ts reads
// them from the bytes); the places of pdf.js's CMaps and fonts are passed in by the caller.
import { parseReport, type ParseOptions } from '../index';
import { notClaimedFormat } from '../reasons';
import type { ParsedReport } from '../types';
import { readDoc } from './doc';
import { readDocx } from './docx';
import { readMhtml } from './mhtml';
import { readPdfReport, type PdfInputOptions } from './pdf-report';
import { sniffFormat } from './sniff';

export { sniffFormat, type InputFormat } from './sniff';
export type { PdfBox } from './pdf-layout';

export type InputOptions = ParseOptions & PdfInputOptions;

const emptyFacts = (encoding: string | null): ParsedReport['facts'] => ({
  issuer: null, jurisdiction: null, level: null, scope: 'self', year: null, published: null,
  template: null, template_basis: null, encoding, synthetic: false,
});

export const failedInput = (error: string, encoding: string | null = null, text = ''): ParsedReport => ({
  status: 'failed', error, facts: emptyFacts(encoding), values: [], checks: [], warnings: [], text,
});

const asHtml = (fileName: string | undefined) => `${fileName ?? 'document'}.html`;

/** Parses one file of any supported format. Never throws: a file that cannot be read is a failed report with a reason. */
export async function parseDocument(bytes: Uint8Array, options: InputOptions = {}): Promise<ParsedReport> {
  try {
    return await dispatch(bytes, options);
  } catch (error) {
    return failedInput(`internal reader error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function dispatch(bytes: Uint8Array, options: InputOptions): Promise<ParsedReport> {
  const { fileName } = options;
  switch (sniffFormat(bytes, fileName)) {
    case 'pdf':
      return readPdfReport(bytes, options);
    case 'zip': {
      const read = await readDocx(bytes);
      if (!read.ok) return failedInput(read.reason, 'docx');
      const parsed = parseReport(read.html, { fileName: asHtml(fileName) });
      return { ...parsed, facts: { ...parsed.facts, encoding: 'docx' }, warnings: [...read.warnings, ...parsed.warnings] };
    }
    case 'ole': {
      const read = readDoc(bytes);
      if (!read.ok) return failedInput(read.reason, 'doc');
      const parsed = parseReport(read.text, { fileName });
      return { ...parsed, facts: { ...parsed.facts, encoding: 'doc' } };
    }
    case 'rtf':
      return failedInput('unsupported format: RTF (save the report as .docx, PDF or text)', 'rtf');
    case 'wps':
      return failedInput('unsupported format: WPS Writer (.wps) (save the report as .docx, PDF or text)', 'wps');
    case 'mhtml': {
      const read = readMhtml(bytes);
      if (!read.ok) return failedInput(read.reason, 'mhtml');
      const parsed = parseReport(read.html, { fileName: asHtml(fileName) });
      return { ...parsed, facts: { ...parsed.facts, encoding: `mhtml/${read.charset}` } };
    }
    case 'text': {
      const parsed = parseReport(bytes, options);
      const misnamed = parsed.status === 'failed' ? notClaimedFormat(fileName, parsed.error ?? '') : null;
      return misnamed ? { ...parsed, error: misnamed } : parsed;
    }
  }
}
