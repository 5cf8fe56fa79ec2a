// Normalised view of a report's text, for matching: full-width → ASCII, traditional →
// simplified, pinyin glosses from mirror sites (鎮(zhèn)) dropped, NBSP/ideographic spaces
// → space, zero-width characters and literal "&nbsp;" removed. `map[i]` is the offset in
// the original text of normalised character i, so every match maps back to its source span.
import { T2S_FROM, T2S_TO } from './t2s-table';

const T2S = new Map<number, string>();
for (let i = 0; i < T2S_FROM.length; i++) T2S.set(T2S_FROM.charCodeAt(i), T2S_TO[i]);

export interface NormText {
  /** Normalised text. */
  s: string;
  /** Original offset of each normalised character; map[s.length] is the original length. */
  map: Int32Array;
}

const PINYIN_GLOSS = /^\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńň]{1,7}\)/;
const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);

function mapChar(c: number): string {
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x3000 || c === 0x00a0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x202f) return ' ';
  if (c === 0x3007) return '〇';
  if (c === 0x2014 || c === 0x2013 || c === 0x2212 || c === 0xfe63) return '-';
  const simplified = T2S.get(c);
  if (simplified !== undefined) return simplified;
  return String.fromCharCode(c);
}

export function normaliseText(text: string): NormText {
  const chars: string[] = [];
  const map = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (ZERO_WIDTH.has(c)) continue;
    if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) continue;
      chars.push('\n');
      map[n++] = i;
      continue;
    }
    if (c === 0x28 || c === 0xff08) {
      // A pinyin gloss directly after a CJK character: 數(shù)量 → 数量.
      if (i > 0 && isCjk(text.charCodeAt(i - 1))) {
        const m = PINYIN_GLOSS.exec(c === 0x28 ? text.slice(i, i + 10) : '(' + text.slice(i + 1, i + 10).replace('）', ')'));
        if (m) {
          i += m[0].length - 1;
          continue;
        }
      }
    }
    if (c === 0x26 && text.startsWith('&nbsp;', i)) {
      chars.push(' ');
      map[n++] = i;
      i += 5;
      continue;
    }
    chars.push(mapChar(c));
    map[n++] = i;
  }
  map[n] = text.length;
  return { s: chars.join(''), map: map.subarray(0, n + 1) };
}

/** Original [start, end) of the normalised range [from, to). */
export function sourceSpan(norm: NormText, from: number, to: number): { start: number; end: number } {
  return { start: norm.map[from], end: to > from ? norm.map[to - 1] + 1 : norm.map[from] };
}
