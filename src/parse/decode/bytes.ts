// bytes → text. Encodings seen in the wild: UTF-8 (with or without BOM), GBK/GB18030
// (older county sites), Big5 (mirror sites in traditional characters), UTF-16 (Word "save as
// text", with or without BOM). An encoding that decodes the whole file strictly wins; between
// GBK and Big5, which both decode most double-byte text, chardet's statistics decide. A file no
// encoding decodes strictly (a flipped bit, a bad sector) is decoded leniently: each bad
// sequence becomes U+FFFD, counted in a warning, so one bad byte costs one character, not the
// report. Only when too much of it is bad does it fail.
import { analyse } from 'chardet';

export type Decoded =
  | {
      ok: true;
      text: string;
      encoding: string;
      warnings: string[];
      /** Bad byte sequences replaced by U+FFFD (0 for a clean file). */
      replaced: number;
      /** The file ends inside a character: a capture cut at a size, so its text stops where the cut fell. */
      cutShort: boolean;
    }
  | { ok: false; reason: string };

/** Ends the warning for a file that ends inside a character. */
const CUT_CAPTURE = ': truncated capture';

type Label = 'utf-8' | 'gbk' | 'big5' | 'utf-16le' | 'utf-16be';

const decoders = new Map<string, TextDecoder>();
function decoder(label: Label, fatal: boolean): TextDecoder {
  const key = `${label}:${fatal}`;
  let found = decoders.get(key);
  if (!found) decoders.set(key, (found = new TextDecoder(label, { fatal, ignoreBOM: true })));
  return found;
}

function tryStrict(label: Label, bytes: Uint8Array): string | null {
  if (label === 'utf-8') {
    const fast = strictUtf8(bytes);
    if (fast !== null) return fast;
  }
  try {
    return decoder(label, true).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 code units of the last strict UTF-8 decode, reused (grown when a longer file comes). */
let units = new Uint16Array(16384);
const UTF16LE = new TextDecoder('utf-16le', { ignoreBOM: true });

/**
 * Well-formed UTF-8 (as the Encoding Standard defines it) decoded by hand, several times faster
 * than a fatal TextDecoder on Chinese text; null at the first ill-formed sequence, which the
 * TextDecoder then judges as before.
 */
export function strictUtf8(bytes: Uint8Array): string | null {
  if (units.length < bytes.length) units = new Uint16Array(Math.max(bytes.length, units.length * 2));
  const o = utf8ToUnits(bytes, units);
  return o < 0 ? null : UTF16LE.decode(units.subarray(0, o));
}

/**
 * The loop of strictUtf8, on its own: V8 compiles a long loop while it runs (on-stack replacement)
 * and kept that code, which had no feedback yet for what follows the loop, and threw it away at
 * the end of every call (a deoptimisation per report). Returns the number of units, or -1.
 */
function utf8ToUnits(bytes: Uint8Array, out: Uint16Array): number {
  const n = bytes.length;
  let o = 0;
  let i = 0;
  while (i < n) {
    const b0 = bytes[i];
    if (b0 < 0x80) {
      out[o++] = b0;
      i++;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      if (i + 2 >= n) return -1;
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      const low = b0 === 0xe0 ? 0xa0 : 0x80;
      const high = b0 === 0xed ? 0x9f : 0xbf;
      if (b1 < low || b1 > high || (b2 & 0xc0) !== 0x80) return -1;
      out[o++] = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      i += 3;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      if (i + 1 >= n) return -1;
      const b1 = bytes[i + 1];
      if ((b1 & 0xc0) !== 0x80) return -1;
      out[o++] = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
      i += 2;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      if (i + 3 >= n) return -1;
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      const b3 = bytes[i + 3];
      const low = b0 === 0xf0 ? 0x90 : 0x80;
      const high = b0 === 0xf4 ? 0x8f : 0xbf;
      if (b1 < low || b1 > high || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) return -1;
      const cp = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
      out[o++] = 0xd800 + ((cp - 0x10000) >> 10);
      out[o++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      i += 4;
    } else return -1;
  }
  return o;
}

/** Strict decode that tolerates a multi-byte character cut off at the very end (a truncated capture). */
function strictAllowingCutEnd(label: Label, bytes: Uint8Array, warnings: string[]): string | null {
  const whole = tryStrict(label, bytes);
  if (whole !== null) return whole;
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    const prefix = tryStrict(label, bytes.subarray(0, bytes.length - cut));
    if (prefix !== null) {
      warnings.push(`the file ends inside a multi-byte character (${cut} trailing byte(s) ignored)${CUT_CAPTURE}`);
      return prefix;
    }
  }
  return null;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** Share of characters a Chinese report is made of: CJK, ASCII text, CJK and full-width punctuation. */
export function plausibleShare(text: string): number {
  const n = Math.min(text.length, 65536);
  if (n === 0) return 0;
  let good = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2010 && c <= 0x206f) || c === 0xa0 || c === 0xb7
    ) good++;
  }
  return good / n;
}

function looksLikeUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 65536) & ~1;
  if (n < 4) return null;
  if (bytes.subarray(0, n).indexOf(0) < 0) return null; // no NUL byte: not UTF-16 (a native search, not a loop)
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  // GBK, Big5 and UTF-8 text has no NUL bytes at all; UTF-16 has one in every ASCII character
  // (digits, newlines), on the other side also in the rarer CJK characters U+xx00 (一).
  const enough = Math.max(2, (n / 2) * 0.02);
  if (oddZeros >= enough && evenZeros < oddZeros) return 'utf-16le';
  if (evenZeros >= enough && oddZeros < evenZeros) return 'utf-16be';
  return null;
}

const BINARY_SIGNATURES: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF file (PDF input is not supported yet)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP container (.docx/.xlsx input is not supported yet)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an OLE document (.doc/.xls input is not supported)'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
];

/** What looksBinary counts. */
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\ufffd]/;
/** Control and undecodable characters in the first 20,000: binary content has them by the hundred. */
function looksBinary(text: string): boolean {
  let control = 0;
  const n = Math.min(text.length, 20000);
  if (!CONTROL.test(n < text.length ? text.slice(0, n) : text)) return false; // none at all: one native search
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) control++;
  }
  // A few NUL bytes or damaged characters in a short report are damage, not binary content.
  const share = n === 0 ? 0 : control / n;
  return share > 0.02 && (control > 64 || share > 0.25);
}

/**
 * Text of GB 2312's characters (what simplified reports are written in), read as double-byte
 * pairs: every trail byte is 0xA1 or above. Big5 puts about two characters in five on trail bytes
 * 0x40–0x7E, so many pairs with none of those are GBK without asking chardet (a tenth of a
 * millisecond instead of two). Anything else is left to chardet.
 */
function plainlyGb2312(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] < 0x81) continue;
    if (bytes[i + 1] < 0xa1) return false;
    pairs++;
    i++;
  }
  return pairs >= 64;
}

/** chardet's pick between Big5 and GB18030 (GBK) on the first 64 KB, with its confidence (0–100). */
function chineseFamily(bytes: Uint8Array): { label: 'big5' | 'gbk'; confidence: number } {
  const matches = analyse(bytes.subarray(0, 65536));
  const confidence = (name: string) => matches.find((m) => m.name === name)?.confidence ?? 0;
  return confidence('Big5') > confidence('GB18030') ? { label: 'big5', confidence: confidence('Big5') } : { label: 'gbk', confidence: confidence('GB18030') };
}

/** A UTF-8 decode with a few bad sequences among many good multi-byte characters is UTF-8 with damage. */
const UTF8_MAX_BAD_SHARE = 0.05;
/** Below this share of report-like characters a lenient decode is rejected as undecodable. */
const MIN_PLAUSIBLE = 0.8;
/** chardet's confidence needed before damaged double-byte text is read as GBK or Big5 (random high bytes score about 50). */
const MIN_FAMILY_CONFIDENCE = 60;

interface Choice {
  text: string;
  encoding: Label;
}

function strictChoice(bytes: Uint8Array, warnings: string[]): Choice | null {
  const utf8 = strictAllowingCutEnd('utf-8', bytes, warnings);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gbkWarnings: string[] = [];
  const big5Warnings: string[] = [];
  const gbk = strictAllowingCutEnd('gbk', bytes, gbkWarnings);
  const big5 = strictAllowingCutEnd('big5', bytes, big5Warnings);
  const pick = (text: string, encoding: Label, own: string[]): Choice => (warnings.push(...own), { text, encoding });
  if (gbk !== null && big5 !== null) return plainlyGb2312(bytes) || chineseFamily(bytes).label !== 'big5' ? pick(gbk, 'gbk', gbkWarnings) : pick(big5, 'big5', big5Warnings);
  if (gbk !== null) return pick(gbk, 'gbk', gbkWarnings);
  if (big5 !== null) return pick(big5, 'big5', big5Warnings);
  for (const label of ['utf-16le', 'utf-16be'] as const) {
    const text = tryStrict(label, bytes.subarray(0, bytes.length & ~1));
    if (text !== null && plausibleShare(text) >= 0.95) return { text, encoding: label };
  }
  return null;
}

function lenientChoice(bytes: Uint8Array): Choice | null {
  const utf8 = decoder('utf-8', false).decode(bytes);
  const bad = countReplacements(utf8);
  let multiByte = 0;
  for (let i = 0; i < utf8.length; i++) if (utf8.charCodeAt(i) >= 0x80) multiByte++;
  if (bad <= (multiByte - bad) * UTF8_MAX_BAD_SHARE) return { text: utf8, encoding: 'utf-8' };
  const family = chineseFamily(bytes);
  if (family.confidence >= MIN_FAMILY_CONFIDENCE) {
    const text = decoder(family.label, false).decode(bytes);
    if (plausibleShare(text) >= MIN_PLAUSIBLE) return { text, encoding: family.label };
  }
  for (const label of ['utf-16le', 'utf-16be'] as const) {
    const text = decoder(label, false).decode(bytes.subarray(0, bytes.length & ~1));
    if (plausibleShare(text) >= 0.95) return { text, encoding: label };
  }
  return null;
}

const displayName = (label: Label): string => (label === 'gbk' ? 'GBK' : label === 'big5' ? 'Big5' : label.toUpperCase());

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  for (const [signature, what] of BINARY_SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) return { ok: false, reason: `binary file: ${what}` };
  }
  const warnings: string[] = [];
  let choice: Choice | null;
  let encoding: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    choice = { text: strictAllowingCutEnd('utf-8', body, warnings) ?? decoder('utf-8', false).decode(body), encoding: 'utf-8' };
    encoding = 'utf-8-bom';
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const body = bytes.subarray(2, bytes.length - ((bytes.length - 2) % 2));
    if ((bytes.length - 2) % 2 === 1) warnings.push(`the file ends inside a UTF-16 character (1 trailing byte ignored)${CUT_CAPTURE}`);
    choice = { text: decoder(label, false).decode(body), encoding: label };
    encoding = label;
  } else {
    const utf16 = looksLikeUtf16(bytes);
    choice = utf16 ? { text: decoder(utf16, false).decode(bytes.subarray(0, bytes.length & ~1)), encoding: utf16 } : strictChoice(bytes, warnings);
    choice ??= lenientChoice(bytes);
    encoding = choice?.encoding ?? '';
  }
  if (choice === null) {
    return { ok: false, reason: 'undecodable bytes: not UTF-8, GBK, GB18030, Big5 or UTF-16 even with damaged bytes skipped (binary or an unsupported encoding)' };
  }
  const { text } = choice;
  if (looksBinary(text)) {
    return { ok: false, reason: `binary content: too many control or undecodable characters after decoding as ${displayName(choice.encoding)}` };
  }
  if (text.trim().length === 0) return { ok: false, reason: 'empty file (whitespace only)' };
  const replaced = countReplacements(text);
  if (replaced > 0) {
    warnings.push(`${replaced} undecodable byte sequence(s) replaced by U+FFFD (decoded as ${displayName(choice.encoding)}): values next to one are flagged`);
  }
  return { ok: true, text, encoding, warnings, replaced, cutShort: warnings.some((w) => w.endsWith(CUT_CAPTURE)) };
}
