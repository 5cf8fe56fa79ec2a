// bytes → text. Encodings seen in the wild: UTF-8 (with or without BOM), GBK/GB18030
// (older county sites), UTF-16 (Word "save as text"). Decoding is strict first, so a
// wrongly guessed encoding fails instead of producing mojibake silently.

export type Decoded =
  | { ok: true; text: string; encoding: string; warnings: string[] }
  | { ok: false; reason: string };

const strict = (label: string) => new TextDecoder(label, { fatal: true });
const UTF8 = strict('utf-8');
const GBK = strict('gbk');
const GB18030 = strict('gb18030');

function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** Strict decode that tolerates a multi-byte character cut off at the very end (a truncated capture). */
function decodeAllowingCutEnd(decoder: TextDecoder, bytes: Uint8Array, warnings: string[]): string | null {
  const whole = tryDecode(decoder, bytes);
  if (whole !== null) return whole;
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    const prefix = tryDecode(decoder, bytes.subarray(0, bytes.length - cut));
    if (prefix !== null) {
      warnings.push(`the file ends inside a multi-byte character (${cut} trailing byte(s) ignored): truncated capture`);
      return prefix;
    }
  }
  return null;
}

function looksLikeUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // GBK and UTF-8 text has no NUL bytes at all; UTF-16 has them wherever ASCII (digits, newlines) appears.
  const enough = Math.max(2, pairs * 0.03);
  if (oddZeros >= enough && evenZeros * 2 < oddZeros) return 'utf-16le';
  if (evenZeros >= enough && oddZeros * 2 < evenZeros) return 'utf-16be';
  return null;
}

const BINARY_SIGNATURES: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF file (PDF input is not supported yet)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP container (.docx/.xlsx input is not supported yet)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an OLE document (.doc/.xls input is not supported)'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
];

function controlCharShare(text: string): number {
  let control = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) control++;
  }
  return n === 0 ? 0 : control / n;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  for (const [signature, what] of BINARY_SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) return { ok: false, reason: `binary file: ${what}` };
  }
  const warnings: string[] = [];
  let text: string | null = null;
  let encoding = '';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = decodeAllowingCutEnd(UTF8, bytes.subarray(3), warnings);
    encoding = 'utf-8-bom';
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = decodeAllowingCutEnd(strict(encoding), bytes.subarray(2, bytes.length - ((bytes.length - 2) % 2)), warnings);
  } else {
    const utf16 = looksLikeUtf16(bytes);
    if (utf16) {
      encoding = utf16;
      text = tryDecode(strict(utf16), bytes.subarray(0, bytes.length & ~1));
    } else if ((text = decodeAllowingCutEnd(UTF8, bytes, warnings)) !== null) {
      encoding = 'utf-8';
    } else if ((text = decodeAllowingCutEnd(GBK, bytes, warnings)) !== null) {
      encoding = 'gbk';
    } else if ((text = decodeAllowingCutEnd(GB18030, bytes, warnings)) !== null) {
      encoding = 'gb18030';
    }
  }
  if (text === null) {
    return { ok: false, reason: 'undecodable bytes: not valid UTF-8, GBK, GB18030 or UTF-16 (binary or an unsupported encoding)' };
  }
  if (controlCharShare(text) > 0.02) {
    return { ok: false, reason: `binary content: too many control characters after decoding as ${encoding}` };
  }
  if (text.trim().length === 0) return { ok: false, reason: 'empty file (whitespace only)' };
  return { ok: true, text, encoding, warnings };
}
