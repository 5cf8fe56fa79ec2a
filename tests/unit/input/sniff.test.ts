// The format sniffer reads the first and last bytes as Latin-1 text in chunks: the same answers
// as reading them in one piece, on files built around every signature and at the chunk edges.
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
});
