// The input stage's Node-side pieces: where pdf.js's CMaps and standard fonts are on disk
// (node_modules/pdfjs-dist, never the network) and the process's CPU clock for a PDF's time budget.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { InputOptions } from '../parse/input';
import { DEFAULT_PDF_LIMITS, DROP_FONT_RULES } from '../parse/input/pdf';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

/** The process's CPU time (ms): a PDF's time budget is not spent waiting for a busy machine. */
const cpuMillis = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

export const NODE_INPUT: Pick<InputOptions, 'pdf' | 'pdfLimits'> = {
  pdf: { cMapUrl: join(pdfjsRoot, 'cmaps') + '/', standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/', fontRuleSink: DROP_FONT_RULES },
  pdfLimits: { ...DEFAULT_PDF_LIMITS, clock: cpuMillis },
};
