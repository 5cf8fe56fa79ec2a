// Normalised view of a report's text, for matching: full-width → ASCII, traditional →
// simplified, pinyin glosses from mirror sites (鎮(zhèn)) dropped, NBSP/ideographic spaces
// → space, zero-width characters and literal "&nbsp;" removed. `map[i]` is the offset in
// the original text of normalised character i, so every match maps back to its source span.
import { T2S_FROM, T2S_TO } from './t2s-table';

/** One-to-one character map for the BMP: full-width → ASCII, spaces, dashes, traditional → simplified. */
const CHAR_MAP = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) CHAR_MAP[c] = c;
for (let c = 0xff01; c <= 0xff5e; c++) CHAR_MAP[c] = c - 0xfee0;
for (const c of [0x3000, 0x00a0, 0x2002, 0x2003, 0x2009, 0x202f]) CHAR_MAP[c] = 0x20;
for (const c of [0x2014, 0x2013, 0x2212, 0xfe63]) CHAR_MAP[c] = 0x2d;
for (let i = 0; i < T2S_FROM.length; i++) CHAR_MAP[T2S_FROM.charCodeAt(i)] = T2S_TO.charCodeAt(i);

export interface NormText {
  /** Normalised text. */
  s: string;
  /** Original offset of each normalised character; map[s.length] is the original length. */
  map: Int32Array;
}

const UTF16 = new TextDecoder('utf-16le');
const PINYIN_GLOSS = /^\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńň]{1,7}\)/;
const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isZeroWidth = (c: number) => c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0x00ad;

/** Characters normaliseText does more with than map: zero-width ones, CR, ( and （ (a pinyin gloss may follow), & (&nbsp;). */
const SPECIAL = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (isZeroWidth(c) || c === 0x0d || c === 0x28 || c === 0xff08 || c === 0x26) SPECIAL[c] = 1;

/**
 * One bit per character: set where normaliseText does more than copy it (CHAR_MAP changes it, or it
 * is SPECIAL). 8 KB, where the two tables are 192 KB: most characters are copied after a look in it
 * alone, so a report's text does not pull the big tables' lines through the cache.
 */
const NOT_COPIED = new Uint32Array(0x10000 >> 5);
for (let c = 0; c < 0x10000; c++) if (CHAR_MAP[c] !== c || SPECIAL[c] !== 0) NOT_COPIED[c >> 5] |= 1 << (c & 31);

export function normaliseText(text: string): NormText {
  const out = new Uint16Array(text.length);
  const map = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((NOT_COPIED[c >> 5] & (1 << (c & 31))) === 0) {
      out[n] = c;
      map[n++] = i;
      continue;
    }
    if (SPECIAL[c] === 0) {
      // most characters: mapped one to one
      out[n] = CHAR_MAP[c];
      map[n++] = i;
      continue;
    }
    if (isZeroWidth(c)) continue;
    if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) continue;
      out[n] = 0x0a;
      map[n++] = i;
      continue;
    }
    if ((c === 0x28 || c === 0xff08) && i > 0 && isCjk(text.charCodeAt(i - 1))) {
      // A pinyin gloss directly after a CJK character: 數(shù)量 → 数量.
      const ahead = text.slice(i, i + 10);
      const m = PINYIN_GLOSS.exec(c === 0x28 ? ahead : '(' + ahead.slice(1).replace('）', ')'));
      if (m) {
        i += m[0].length - 1;
        continue;
      }
    }
    if (c === 0x26 && text.startsWith('&nbsp;', i)) {
      out[n] = 0x20;
      map[n++] = i;
      i += 5;
      continue;
    }
    out[n] = CHAR_MAP[c];
    map[n++] = i;
  }
  map[n] = text.length;
  return { s: UTF16.decode(out.subarray(0, n)), map: map.subarray(0, n + 1) };
}

/**
 * normaliseText(text).s without the offset map, for short names read in bulk (the gazetteer):
 * a plain character map when nothing but the map applies, else the full normalisation.
 */
export function normalisedString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0xff08 || c === 0x26 || c === 0x0d || isZeroWidth(c)) return normaliseText(text).s;
    out += String.fromCharCode(CHAR_MAP[c]);
  }
  return out;
}

/** Original [start, end) of the normalised range [from, to). */
export function sourceSpan(norm: NormText, from: number, to: number): { start: number; end: number } {
  return { start: norm.map[from], end: to > from ? norm.map[to - 1] + 1 : norm.map[from] };
}
