// Word 2007+ (.docx) → HTML through mammoth (tables keep their merged cells as rowspan/colspan),
// for the parser's HTML path. The ZIP is listed first so a decompression bomb is never unpacked;
// images are dropped unread and external files are never opened.
import { listZip, zipBombReason } from './zip-guard';

export type DocxRead = { ok: true; html: string; warnings: string[] } | { ok: false; reason: string };

export async function readDocx(bytes: Uint8Array): Promise<DocxRead> {
  const listed = listZip(bytes);
  if (!listed.ok) return listed;
  const bomb = zipBombReason(listed.entries);
  if (bomb) return { ok: false, reason: bomb };
  const names = new Set(listed.entries.map((e) => e.name));
  if (!names.has('word/document.xml')) {
    const what = names.has('xl/workbook.xml') ? 'an Excel workbook (.xlsx)' : names.has('ppt/presentation.xml') ? 'a PowerPoint file (.pptx)' : 'a ZIP archive, not a Word document';
    return { ok: false, reason: `unsupported file: ${what}` };
  }
  // loaded on the first .docx only: a run without Word files never pays for it
  const { default: mammoth } = await import('mammoth');
  const copy = new Uint8Array(bytes);
  // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`
  const input = { buffer: copy, arrayBuffer: copy.buffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  try {
    const result = await mammoth.convertToHtml(input, {
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    });
    const warnings = result.messages.filter((m) => m.type === 'error').map((m) => `docx: ${m.message}`);
    return { ok: true, html: result.value, warnings };
  } catch (error) {
    return { ok: false, reason: `Word document (.docx) could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
