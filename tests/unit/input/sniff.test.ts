// The format sniffer searches the bytes for each signature (the head is made text only when a
// MIME header may be in it): the same answers as reading the first and last bytes as Latin-1 text,
// on files built around every signature and at the edges of the bytes read.
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../../src/parse/input/sniff';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const pad = (n: number, byte = 0x61) => new Uint8Array(n).fill(byte);
const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('sniffFormat', () => {
  it('tells each format from its bytes, with the signatures at the edges of the chunks read', () => {
    expect(sniffFormat(latin1('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffFormat(join(pad(4), latin1('%PDF-1.7')))).toBe('pdf');
    // a mention of %PDF- after the first bytes counts only when the file also ends like a PDF
    expect(sniffFormat(join(pad(1018), latin1('%PDF-1'), pad(5000)))).toBe('text');
    expect(sniffFormat(join(pad(1018), latin1('%PDF-1'), pad(5000), latin1('%%EOF'), pad(2043)))).toBe('pdf');
    expect(sniffFormat(join(pad(1018), latin1('%PDF-1'), pad(5000), latin1('%%EOF'), pad(2044)))).toBe('text');
    expect(sniffFormat(join(pad(1020), latin1('%PDF-1'), pad(10), latin1('%%EOF')))).toBe('text'); // starts past the first KB
    expect(sniffFormat(latin1('{\\rtf1 x'))).toBe('rtf');
    expect(sniffFormat(join(latin1('x'), latin1('{\\rtf1')))).toBe('text');
    const mime = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n';
    expect(sniffFormat(join(pad(2000, 0x0a), latin1(mime)))).toBe('mhtml');
    expect(sniffFormat(join(pad(4096 - 40, 0x0a), latin1(mime)))).toBe('text'); // its Content-Type past the first 4 KB
    expect(sniffFormat(join(latin1('MIME-Version: 1.0\n'), pad(1024 - 18, 0xe9), latin1('Content-Type: multipart/related')))).toBe('mhtml');
    expect(sniffFormat(latin1('PK\x03\x04rest'))).toBe('zip');
    expect(sniffFormat(latin1('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest'))).toBe('ole');
    expect(sniffFormat(latin1('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest'), 'a.WPS')).toBe('wps');
    expect(sniffFormat(pad(10), 'saved.mht')).toBe('mhtml');
    expect(sniffFormat(new Uint8Array(0))).toBe('text');
  });

  it('answers as the Latin-1 text of its first and last bytes would, on random files with signatures planted', () => {
    // the answer when the bytes were read as text (the sniffer before it searched the bytes)
    const asText = (bytes: Uint8Array, fileName = ''): string => {
      const text = (from: number, n: number) => String.fromCharCode(...bytes.subarray(from, from + n));
      const head = text(0, 4096);
      const at = head.slice(0, 1024).indexOf('%PDF-');
      if (at >= 0 && (at <= 4 || text(Math.max(0, bytes.length - 2048), 2048).includes('%%EOF'))) return 'pdf';
      if (bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))) return 'zip';
      if (fileName.toLowerCase().endsWith('.wps')) return 'wps';
      if (head.startsWith('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1')) return 'ole';
      if (head.slice(0, 5) === '{\\rtf') return 'rtf';
      if (/\.mht(ml)?$/.test(fileName.toLowerCase())) return 'mhtml';
      if (/^MIME-Version:/im.test(head) && /Content-Type:\s*multipart\/related/i.test(head)) return 'mhtml';
      return 'text';
    };
    const pieces = ['%PDF-1.4', '%%EOF', '%PDF', '%%EO', '{\\rtf1', 'MIME-Version: 1.0\n', 'mime-version:', 'MIME-VERSION:', 'Mime-Version', 'MIME_Version:', 'Content-Type: multipart/related', 'content-type:multipart/RELATED', '\n', '-', ':', '%'];
    let seed = 21;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const counts = new Map<string, number>();
    for (let trial = 0; trial < 3000; trial++) {
      const parts: Uint8Array[] = [];
      let size = 0;
      const target = [10, 1000, 2100, 4200, 9000][random(5)];
      while (size < target) {
        const part = random(3) === 0 ? latin1(pieces[random(pieces.length)]) : pad(1 + random(1500), [0x61, 0x0a, 0xe9, 0x20][random(4)]);
        parts.push(part);
        size += part.length;
      }
      const bytes = join(...parts);
      const expected = asText(bytes);
      expect(sniffFormat(bytes), `trial ${trial}`).toBe(expected);
      counts.set(expected, (counts.get(expected) ?? 0) + 1);
    }
    // the planted signatures were found often enough to test each branch
    for (const format of ['pdf', 'rtf', 'mhtml', 'text']) expect(counts.get(format) ?? 0, format).toBeGreaterThan(20);
  });
});
