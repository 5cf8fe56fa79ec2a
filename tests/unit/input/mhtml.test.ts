// Saved web pages: the HTML part found by its boundary, base64 or quoted-printable undone, and
// decoded in its declared charset (GBK here), or the page's own <meta charset>.
import { describe, expect, it } from 'vitest';
import { readMhtml } from '../../../src/parse/input/mhtml';
import { encodeGbk } from '../../helpers/gbk';

const HTML = '<html><head><meta charset="gbk"></head><body><p>某某县人民政府2022年政府信息公开工作年度报告</p><table><tr><td>规章</td><td>3</td></tr></table></body></html>';

function mime(part: string, headers: string): Uint8Array {
  const head = 'From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----=_NextPart_01"\r\n\r\n';
  const css = '------=_NextPart_01\r\nContent-Type: text/css\r\nContent-Location: a.css\r\n\r\np{}\r\n';
  return new TextEncoder().encode(`${head}${css}------=_NextPart_01\r\n${headers}\r\n\r\n${part}\r\n------=_NextPart_01--\r\n`);
}

describe('readMhtml', () => {
  it('decodes a base64 GBK HTML part after a CSS part', () => {
    const b64 = btoa(String.fromCharCode(...encodeGbk(HTML))).replace(/.{76}/g, '$&\r\n');
    const read = readMhtml(mime(b64, 'Content-Type: text/html; charset="gbk"\r\nContent-Transfer-Encoding: base64'));
    expect(read).toEqual({ ok: true, html: HTML, charset: 'gbk' });
  });

  it('takes the charset from the page when the part does not declare one (quoted-printable, soft line breaks)', () => {
    const qp = [...encodeGbk(HTML)].map((b) => (b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
    const wrapped = qp.match(/.{1,70}(?:=[0-9A-F]{2})?/g)!.join('=\r\n');
    const read = readMhtml(mime(wrapped, 'Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable'));
    expect(read).toEqual({ ok: true, html: HTML, charset: 'gbk' });
  });

  it('without an HTML part: a reason', () => {
    expect(readMhtml(mime('x', 'Content-Type: image/png'))).toEqual({ ok: false, reason: 'saved web page (MHTML) without an HTML part' });
  });
});
