// The passages two reports share: runs of the characters covered by their common shingles that
// hold at least one shingle rarer than boilerplate (a stock phrase inside a copied paragraph is
// part of the copy; the regulation's wording alone is not), as [start, end) offsets into the text.
import { narrativeChars, shingleHashes, SHINGLE_CHARS } from './shingles';

export type Span = readonly [number, number];

/** The passages of `text` covered by shingles in `common` with one in `rare` at least. */
export function sharedSpans(text: string, names: readonly string[], common: ReadonlySet<number>, rare: ReadonlySet<number>): Span[] {
  const { codes, offsets } = narrativeChars(text, names);
  const hashes = shingleHashes(codes);
  // 1: covered by a common shingle; 2: by a rare one too
  const covered = new Uint8Array(codes.length);
  for (let i = 0; i < hashes.length; i++) if (common.has(hashes[i])) covered.fill(1, i, i + SHINGLE_CHARS);
  const marked = new Uint8Array(codes.length);
  for (let i = 0; i < hashes.length; i++) if (rare.has(hashes[i])) marked.fill(1, i, i + SHINGLE_CHARS);
  const spans: Span[] = [];
  for (let i = 0; i < covered.length; ) {
    if (!covered[i]) {
      i++;
      continue;
    }
    let j = i;
    let holdsRare = marked[i] === 1;
    while (j + 1 < covered.length && covered[j + 1]) if (marked[++j]) holdsRare = true;
    if (!holdsRare) {
      i = j + 1;
      continue;
    }
    const span: Span = [offsets[i], offsets[j] + 1];
    // runs split only by a dropped digit or mark are one passage
    const last = spans[spans.length - 1];
    if (last && gapIsMarkup(text, last[1], span[0])) spans[spans.length - 1] = [last[0], span[1]];
    else spans.push(span);
    i = j + 1;
  }
  return spans;
}

/** Only digits, punctuation and spaces between two offsets on one line. */
function gapIsMarkup(text: string, from: number, to: number): boolean {
  if (to - from > 24) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return false;
  }
  return true;
}
