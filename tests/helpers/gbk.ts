// Node has a GBK decoder but no encoder: invert the decoder over every two-byte code.
let table: Map<string, [number, number]> | undefined;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
}

/** Encodes text as GBK; throws on a character GBK cannot hold. */
export function encodeGbk(text: string): Uint8Array {
  const codes = gbkTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = codes.get(char);
    if (!pair) throw new Error(`not encodable in GBK: ${char} (U+${code.toString(16)})`);
    bytes.push(...pair);
  }
  return new Uint8Array(bytes);
}
