// Node decodes Big5 and UTF-16 but encodes neither: Big5 by inverting the decoder over every
// two-byte code, UTF-16 by hand.
let big5: Map<string, [number, number]> | undefined;

function big5Table(): Map<string, [number, number]> {
  if (big5) return big5;
  big5 = new Map();
  const decoder = new TextDecoder('big5');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !big5.has(char)) big5.set(char, [lead, trail]);
    }
  }
  return big5;
}

/** Encodes text as Big5; a character Big5 cannot hold becomes `?` (as a mirror site's export would). */
export function encodeBig5(text: string): Uint8Array {
  const codes = big5Table();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(codes.get(char) ?? [0x3f]));
  }
  return new Uint8Array(bytes);
}

/** UTF-16 without a byte-order mark. */
export function encodeUtf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const [hi, lo] = [text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff];
    bytes[2 * i] = order === 'le' ? lo : hi;
    bytes[2 * i + 1] = order === 'le' ? hi : lo;
  }
  return bytes;
}
