// A report's narrative as shingles: the characters of its prose (Han characters and Latin
// letters; no digits, Chinese numerals of two characters or more, punctuation or spaces, so
// changed figures, dates and layout do not hide a copy), table rows and the report's own names
// (issuer, jurisdiction: a copier puts in its own) left out, cut into overlapping windows of
// SHINGLE_CHARS characters, each hashed.

export const SHINGLE_CHARS = 5;
export const LINE_BREAK = 0x0a;

/** The kept characters and, for each, its offset in the report's text; LINE_BREAK ends each line (no shingle spans two). */
export interface NarrativeChars {
  codes: Uint16Array;
  offsets: Int32Array;
}

/** Per UTF-16 code unit: 1 kept (Han, Latin letter), 2 a Chinese numeral (kept alone, dropped in runs). */
const CLASS = new Uint8Array(0x10000);
CLASS.fill(1, 0x4e00, 0xa000);
CLASS.fill(1, 0x3400, 0x4dc0);
CLASS.fill(1, 0x41, 0x5b);
CLASS.fill(1, 0x61, 0x7b);
for (const c of '〇零一二三四五六七八九十百千万亿两') CLASS[c.charCodeAt(0)] = 2;

/** Characters inside any occurrence of the names (longest first). */
function nameMask(text: string, names: readonly string[]): Uint8Array | null {
  const list = [...new Set(names)].filter((x) => x.length >= 2).sort((a, b) => b.length - a.length);
  if (list.length === 0) return null;
  const mask = new Uint8Array(text.length);
  for (const name of list) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) mask.fill(1, at, at + name.length);
  }
  return mask;
}

export function narrativeChars(text: string, names: readonly string[] = []): NarrativeChars {
  const codes = new Uint16Array(text.length + 1);
  const offsets = new Int32Array(text.length + 1);
  const mask = nameMask(text, names);
  let n = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const bar = text.indexOf('|', start);
    // Table rows (cells joined by `|`) are labels and numbers, not narrative.
    if (bar === -1 || bar >= end) {
      const lineStart = n;
      for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        const kind = CLASS[c];
        if (kind === 0 || (mask !== null && mask[i] === 1)) continue;
        if (kind === 2) {
          let j = i + 1;
          while (j < end && CLASS[text.charCodeAt(j)] === 2) j++;
          if (j - i >= 2) {
            i = j - 1;
            continue;
          }
        }
        codes[n] = c;
        offsets[n++] = i;
      }
      if (n > lineStart) {
        codes[n] = LINE_BREAK;
        offsets[n++] = end;
      }
    }
    start = end + 1;
  }
  return { codes: codes.subarray(0, n), offsets: offsets.subarray(0, n) };
}

/** No window holds a line break: its hash is this (never a set member). */
export const NO_SHINGLE = 0;
const BASE = 0x01000193;
/** BASE^(SHINGLE_CHARS − 1) mod 2^32: the weight of the character leaving the window. */
const LEAVING = Array.from({ length: SHINGLE_CHARS - 1 }).reduce<number>((p) => Math.imul(p, BASE), 1);

/** The hash of the window starting at each character (NO_SHINGLE across a line break; none past the end): a rolling polynomial, then mixed. */
export function shingleHashes(codes: Uint16Array): Uint32Array {
  const count = Math.max(0, codes.length - SHINGLE_CHARS + 1);
  const out = new Uint32Array(count);
  if (count === 0) return out;
  let h = 0;
  let lastBreak = -1;
  for (let j = 0; j < SHINGLE_CHARS - 1; j++) {
    if (codes[j] === LINE_BREAK) lastBreak = j;
    h = (Math.imul(h, BASE) + codes[j]) | 0;
  }
  for (let i = 0; i < count; i++) {
    const entering = codes[i + SHINGLE_CHARS - 1];
    if (entering === LINE_BREAK) lastBreak = i + SHINGLE_CHARS - 1;
    h = (Math.imul(h, BASE) + entering) | 0;
    out[i] = lastBreak >= i ? NO_SHINGLE : finalMix(h) || 1;
    h = (h - Math.imul(codes[i], LEAVING)) | 0;
  }
  return out;
}

/** murmur3's finaliser: FNV's low bits are weak, the sketch uses them all. */
export function finalMix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;
const counts = new Uint32Array(RADIX);
let scratch = new Uint32Array(4096);

/** LSD radix sort in place (three passes of 11 bits): TypedArray.prototype.sort is ten times slower here. */
function radixSort(values: Uint32Array<ArrayBufferLike>): void {
  if (scratch.length < values.length) scratch = new Uint32Array(values.length * 2);
  let from: Uint32Array<ArrayBufferLike> = values;
  let to: Uint32Array<ArrayBufferLike> = scratch.subarray(0, values.length);
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    counts.fill(0);
    for (let i = 0; i < from.length; i++) counts[(from[i] >>> shift) & (RADIX - 1)]++;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < from.length; i++) to[counts[(from[i] >>> shift) & (RADIX - 1)]++] = from[i];
    [from, to] = [to, from];
  }
  // an odd number of passes leaves the result in the scratch buffer
  if (from !== values) values.set(from);
}

/** Sorted, without repeats or NO_SHINGLE. */
export function uniqueSorted(hashes: Uint32Array): Uint32Array {
  const sorted = hashes.slice();
  radixSort(sorted);
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (sorted[i] !== NO_SHINGLE && (n === 0 || sorted[i] !== sorted[n - 1])) sorted[n++] = sorted[i];
  return sorted.slice(0, n);
}

/** The shingle set of a text: sorted unique hashes. */
export const shingleSet = (text: string, names: readonly string[] = []): Uint32Array => uniqueSorted(shingleHashes(narrativeChars(text, names).codes));

/** |a ∩ b| of two sorted unique sets. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}
