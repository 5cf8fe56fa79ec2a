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

const isKept = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

/** Table rows (cells joined by `|`) are labels and numbers, not narrative. */
const isTableRow = (text: string, start: number, end: number): boolean => {
  const bar = text.indexOf('|', start);
  return bar !== -1 && bar < end;
};

const NUMERALS = new Set([...'〇零一二三四五六七八九十百千万亿两'].map((c) => c.charCodeAt(0)));

/** Characters inside any occurrence of the names (longest first), or in a run of two numerals or more. */
function masked(text: string, names: readonly string[]): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const name of [...new Set(names)].filter((x) => x.length >= 2).sort((a, b) => b.length - a.length)) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) mask.fill(1, at, at + name.length);
  }
  for (let i = 0; i < text.length; ) {
    if (!NUMERALS.has(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && NUMERALS.has(text.charCodeAt(j))) j++;
    if (j - i >= 2) mask.fill(1, i, j);
    i = j;
  }
  return mask;
}

export function narrativeChars(text: string, names: readonly string[] = []): NarrativeChars {
  const codes = new Uint16Array(text.length + 1);
  const offsets = new Int32Array(text.length + 1);
  const mask = masked(text, names);
  let n = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (!isTableRow(text, start, end)) {
      const lineStart = n;
      for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        if (isKept(c) && !mask[i]) {
          codes[n] = c;
          offsets[n++] = i;
        }
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

/** The hash of the window starting at each character (NO_SHINGLE across a line break; none past the end). */
export function shingleHashes(codes: Uint16Array): Uint32Array {
  const count = Math.max(0, codes.length - SHINGLE_CHARS + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < SHINGLE_CHARS; j++) {
      const c = codes[i + j];
      if (c === LINE_BREAK) {
        h = NO_SHINGLE;
        break;
      }
      h = Math.imul(h ^ c, 0x01000193);
    }
    out[i] = h === NO_SHINGLE ? NO_SHINGLE : finalMix(h) || 1;
  }
  return out;
}

/** murmur3's finaliser: FNV's low bits are weak, the sketch uses them all. */
export function finalMix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Sorted, without repeats or NO_SHINGLE. */
export function uniqueSorted(hashes: Uint32Array): Uint32Array {
  const sorted = hashes.slice().sort();
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
