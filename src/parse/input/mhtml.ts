// A saved web page (.mht / .mhtml: MIME multipart/related) → the HTML of its page: the first
// text/html part, its transfer encoding (quoted-printable, base64) undone, decoded in its charset.

export type MhtmlRead = { ok: true; html: string; charset: string } | { ok: false; reason: string };

const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** Headers (unfolded, lower-case names) and the body after the blank line. */
function splitPart(raw: string): Part {
  const m = /\r?\n\r?\n/.exec(raw);
  const head = m ? raw.slice(0, m.index) : raw;
  // the line break before the next boundary belongs to the boundary
  const body = m ? raw.slice(m.index + m[0].length).replace(/\r?\n$/, '') : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

const param = (header: string, name: string): string | null => {
  const m = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return m ? (m[1] ?? m[2]) : null;
};

function quotedPrintable(body: string): Uint8Array {
  const text = body.replace(/=\r?\n/g, '');
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out[n++] = Number.parseInt(text.slice(i + 1, i + 3), 16);
      i += 2;
    } else out[n++] = c & 0xff;
  }
  return out.subarray(0, n);
}

function base64(body: string): Uint8Array {
  const clean = body.replace(/[^A-Za-z0-9+/=]/g, '');
  const binary = atob(clean);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function decodeCharset(bytes: Uint8Array, charset: string): string | null {
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function readMhtml(bytes: Uint8Array): MhtmlRead {
  const raw = latin1(bytes);
  const top = splitPart(raw);
  const type = top.headers.get('content-type') ?? '';
  const boundary = param(type, 'boundary');
  const parts = boundary ? raw.split(`--${boundary}`).slice(1).map(splitPart) : [top];
  const page = parts.find((p) => /^text\/html/i.test(p.headers.get('content-type') ?? ''));
  if (!page) return { ok: false, reason: 'saved web page (MHTML) without an HTML part' };
  const encoding = (page.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  let body: Uint8Array;
  try {
    body = encoding === 'quoted-printable' ? quotedPrintable(page.body) : encoding === 'base64' ? base64(page.body) : Uint8Array.from(page.body, (c) => c.charCodeAt(0) & 0xff);
  } catch {
    return { ok: false, reason: `saved web page (MHTML): its HTML part is not valid ${encoding}` };
  }
  const declared = param(page.headers.get('content-type') ?? '', 'charset') ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(latin1(body.subarray(0, 4096)))?.[1] ?? 'utf-8';
  for (const charset of [declared, 'utf-8', 'gb18030']) {
    const html = decodeCharset(body, charset);
    if (html !== null) return { ok: true, html, charset: charset.toLowerCase() };
  }
  return { ok: false, reason: `saved web page (MHTML): its HTML is not valid ${declared}` };
}
