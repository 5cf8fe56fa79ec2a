// Other producers: seven corpus reports as LibreOffice writes them (.docx, .doc, .pdf, and a text
// report through its text import; committed fixtures, tests/fixtures/producers) and as Chromium prints them (ruled A4 with header and
// footer, borderless A5; printed here) give the values of the original text or HTML report.
// No file may give a value that differs from the original's or one it does not have; the PDFs
// listed in PDF_GAPS still miss some (each with its count, so a change either way is seen).
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_INPUT } from '../../../src/ingest/input-node';
import { parseDocument } from '../../../src/parse/input';
import type { ParsedReport } from '../../../src/parse/types';
import { chromiumPrints, libreOfficeFiles, PRODUCER_SOURCES, readSource, type ProducerFile } from '../../helpers/producers';

/** Values the file does not give (all other values equal the original's). */
const PDF_GAPS: Record<string, number> = {};

const valuesOf = (report: ParsedReport) => new Map(report.values.map((v) => [v.metric, v.value]));

const originals = new Map<string, Map<string, number>>();
beforeAll(async () => {
  for (const source of new Set([...PRODUCER_SOURCES, ...libreOfficeFiles().map((f) => f.file.source)])) {
    originals.set(source, valuesOf(await parseDocument(readSource(source), { fileName: source })));
  }
});

async function expectSameValues(file: ProducerFile, bytes: Uint8Array) {
  const report = await parseDocument(bytes, { fileName: file.name, ...NODE_INPUT });
  if (file.refused) {
    expect(report.status).toBe('failed');
    expect(report.error).toMatch(new RegExp(`^${file.refused}`));
    return;
  }
  expect(report.status, report.error).toBe('ok');
  const want = originals.get(file.source)!;
  const got = valuesOf(report);
  const differing = [...got].filter(([metric, value]) => want.get(metric) !== value).map(([m, v]) => `${m}: ${want.get(m)} printed, ${v} read`);
  expect(differing).toEqual([]);
  const missing = [...want.keys()].filter((m) => !got.has(m));
  expect(missing.length, missing.join(' ')).toBe(PDF_GAPS[file.name] ?? 0);
}

describe('LibreOffice (.docx, .doc, .pdf; .rtf and .wps refused)', () => {
  for (const { file, bytes } of libreOfficeFiles()) it(file.name, () => expectSameValues(file, bytes));
});

describe('Chromium print to PDF (ruled A4 with header and footer; borderless A5)', () => {
  for (const source of PRODUCER_SOURCES) {
    it(source, async () => {
      const prints = await chromiumPrints(source);
      expect(prints).toHaveLength(2);
      for (const { file, bytes } of prints) await expectSameValues(file, bytes);
    });
  }
});
