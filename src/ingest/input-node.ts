// The input stage's Node-side pieces: where pdf.js's CMaps and standard fonts are on disk
// (node_modules/pdfjs-dist, never the network) and the .doc reader (word-extractor, Node only).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import WordExtractor from 'word-extractor';
import type { InputOptions } from '../parse/input';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

/** Text of a Word 97–2003 document: body, then text boxes (table cells come out tab-separated). */
async function extractDoc(bytes: Uint8Array): Promise<string> {
  const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return [doc.getBody(), doc.getTextboxes({ includeHeadersAndFooters: false, includeBody: true })].filter((t) => t.trim() !== '').join('\n');
}

export const NODE_INPUT: Pick<InputOptions, 'pdf' | 'extractDoc'> = {
  pdf: { cMapUrl: join(pdfjsRoot, 'cmaps') + '/', standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/' },
  extractDoc,
};
