// A minimal PDF writer for tests of bad and hostile files: pages of content-stream text in
// Helvetica, optionally an image per page, an /Encrypt dictionary, an /OpenAction script.
import { strToU8, zlibSync } from 'fflate';

export interface PdfSpec {
  /** One content stream per page (e.g. "BT /F1 12 Tf 72 700 Td (Hello) Tj ET"). */
  pages: string[];
  /** Paint a 1×1 grey image on every page (a scan has images and no text). */
  image?: boolean;
  /** An /Encrypt dictionary whose user password is not empty: a reader must ask for one. */
  encrypted?: boolean;
  /** JavaScript run when the document opens (a reader must not run it). */
  javascript?: string;
  /** Write the content streams Flate-compressed (a decompression bomb is a small one expanding hugely). */
  flate?: boolean;
}

export function writePdf(spec: PdfSpec): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const n = spec.pages.length;
  // 1 catalog, 2 pages, 3 font, 4 image, then per page: page, content
  const kids = spec.pages.map((_, i) => `${5 + 2 * i} 0 R`).join(' ');
  const openAction = spec.javascript ? ` /OpenAction << /S /JavaScript /JS (${spec.javascript}) >>` : '';
  add(`<< /Type /Catalog /Pages 2 0 R${openAction} >>`);
  add(`<< /Type /Pages /Kids [${kids}] /Count ${n} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  add('<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream');
  spec.pages.forEach((content, i) => {
    const stream = spec.image ? `q 400 0 0 600 100 100 cm /Im1 Do Q\n${content}` : content;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents ${6 + 2 * i} 0 R >>`);
    if (spec.flate) {
      const bytes = zlibSync(strToU8(stream), { level: 9 });
      let packed = '';
      for (let k = 0; k < bytes.length; k += 8192) packed += String.fromCharCode(...bytes.subarray(k, k + 8192));
      add(`<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n${packed}\nendstream`);
    } else add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  let trailerExtra = ' /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]';
  if (spec.encrypted) {
    offsets.push(out.length);
    const hex32 = (c: string) => c.repeat(64);
    out += `${objects.length + 1} 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <${hex32('a')}> /U <${hex32('b')}> /P -4 >>\nendobj\n`;
    trailerExtra += ` /Encrypt ${objects.length + 1} 0 R`;
  }
  const xref = out.length;
  out += `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0) & 0xff);
}

export const textPage = (text: string) => `BT /F1 12 Tf 72 700 Td (${text}) Tj ET`;
