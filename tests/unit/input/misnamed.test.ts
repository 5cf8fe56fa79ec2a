// A file whose name says PDF or Word and whose bytes are no known format: its reason says so,
// for the CLI and the page alike; a report in such a file is still read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/parse/input';
import { failureCode } from '../../../src/parse/reasons';
import { CORPUS } from '../../helpers/producers';

/** Bytes from a fixed linear congruential sequence: "random", the same every run. */
function noise(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
const text = (s: string) => new TextEncoder().encode(s);

describe('a name that claims a format the bytes are not', () => {
  it('text named .pdf: "named .pdf but not a PDF file", with what reading it as text found', async () => {
    const report = await parseDocument(text('This is not a PDF, only a line of text.'), { fileName: 'fake.pdf' });
    expect(report.status).toBe('failed');
    expect(report.error).toBe('named .pdf but not a PDF file (read as text: not an information-disclosure annual report: no 信息公开/政务公开 wording found)');
    expect(failureCode(report.error ?? '')).toBe('not-pdf');
  });

  it('random bytes named .docx or .doc: not a Word file', async () => {
    const docx = await parseDocument(noise(4096), { fileName: 'random.docx' });
    expect(docx.error).toMatch(/^named \.docx but not a Word \(\.docx\) file \(read as text: undecodable bytes/);
    expect(failureCode(docx.error ?? '')).toBe('not-docx');
    const doc = await parseDocument(noise(4096), { fileName: 'random.DOC' });
    expect(failureCode(doc.error ?? '')).toBe('not-doc');
  });

  it('the same bytes under a name that claims nothing keep the reader\'s own reason', async () => {
    const report = await parseDocument(noise(4096), { fileName: 'random.txt' });
    expect(failureCode(report.error ?? '')).toBe('undecodable');
    expect(failureCode((await parseDocument(new Uint8Array(0), { fileName: 'empty.txt' })).error ?? '')).toBe('empty');
  });

  it('a real report saved as text under a .doc name is still read (the name never stops a read)', async () => {
    const bytes = readFileSync(join(CORPUS, 'real/2019-beijing-tongzhou-bureau-department.txt'));
    const asText = await parseDocument(bytes, { fileName: 'r.txt' });
    const asDoc = await parseDocument(bytes, { fileName: 'r.doc' });
    expect(asText.status).not.toBe('failed');
    expect(asDoc.status).toBe(asText.status);
    expect(asDoc.values.length).toBe(asText.values.length);
  });
});
