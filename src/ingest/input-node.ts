// The input stage's Node-side pieces: where pdf.js's CMaps and standard fonts are on disk
// (node_modules/pdfjs-dist, never the network) and the .doc reader (word-extractor, Node only).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { InputOptions } from '../parse/input';
import { DEFAULT_PDF_LIMITS, DROP_FONT_RULES } from '../parse/input/pdf';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

/** Text of a Word 97–2003 document: body, then text boxes, table cells as "a | b | c". */
async function extractDoc(bytes: Uint8Array): Promise<string> {
  const { default: WordExtractor } = await import('word-extractor');
  const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return [doc.getBody(), doc.getTextboxes({ includeHeadersAndFooters: false, includeBody: true })]
    .filter((t) => t.trim() !== '')
    .map(docTableCells)
    .join('\n');
}

/**
 * word-extractor ends every table cell with a tab and every row with one more (an empty piece
 * between two tabs) or a tab and a line break; a line break inside a cell's text is the cell's
 * own. Each row becomes a line of cells "a | b | c": a blank cell (a space, as LibreOffice and
 * Word save an emptied cell) stays a cell, so the numbers after it keep their columns (as tabs,
 * runs of blank cells would collapse into one gap). A cell holding no character at all cannot be
 * told from a row's end and ends the row: numbers after it are left unread, never moved.
 */
const nextTabBeforeLineBreak = (text: string, from: number): boolean => {
  const tab = text.indexOf('\t', from);
  const lineBreak = text.indexOf('\n', from);
  return tab >= 0 && (lineBreak < 0 || tab < lineBreak);
};

export function docTableCells(text: string): string {
  const lines: string[] = [];
  let row: string[] = [];
  let cell = '';
  let afterTab = false;
  const endRow = () => {
    if (row.length > 0) lines.push(row.join(' | '));
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\t') {
      if (afterTab && cell === '') endRow();
      else row.push(cell.trim());
      cell = '';
      afterTab = true;
    } else if (ch === '\n') {
      // inside a cell: the row has cells and this one has text, or a row's first cell wrapped
      // after a few characters ("结果" / "维持") going on to a tab before any other line break
      // (a paragraph before a table is longer, or it would join the table's first cell)
      if (!afterTab && cell !== '' && (row.length > 0 || (cell.length <= 6 && nextTabBeforeLineBreak(text, i + 1)))) continue;
      endRow();
      if (cell !== '' || !afterTab) lines.push(cell);
      cell = '';
      afterTab = false;
    } else {
      cell += ch;
      afterTab = false;
    }
  }
  endRow();
  if (cell !== '') lines.push(cell);
  return lines.join('\n');
}

/** The process's CPU time (ms): a PDF's time budget is not spent waiting for a busy machine. */
const cpuMillis = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

export const NODE_INPUT: Pick<InputOptions, 'pdf' | 'pdfLimits' | 'extractDoc'> = {
  pdf: { cMapUrl: join(pdfjsRoot, 'cmaps') + '/', standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/', fontRuleSink: DROP_FONT_RULES },
  pdfLimits: { ...DEFAULT_PDF_LIMITS, clock: cpuMillis },
  extractDoc,
};
