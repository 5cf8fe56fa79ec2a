// GBK encoding for the share of reports written as GBK (many older report pages are). Node
// decodes GBK but has no encoder, and the project takes no iconv dependency: the table is the
// decoder inverted over every two-byte code, built once.
let table: Map<number, number> | undefined;

function gbkTable(): Map<number, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const char = decoder.decode(pair);
      if (char.length !== 1 || char === '\ufffd') continue;
      const code = char.charCodeAt(0);
      if (!table.has(code)) table.set(code, (lead << 8) | trail);
    }
  }
  return table;
}

/** The text as GBK bytes, or null when a character has no GBK code (the caller writes UTF-8 then). */
export function encodeGbk(text: string): Uint8Array | null {
  const codes = gbkTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    const g = codes.get(c);
    if (g === undefined) return null;
    out[n++] = g >> 8;
    out[n++] = g & 0xff;
  }
  return out.slice(0, n);
}
