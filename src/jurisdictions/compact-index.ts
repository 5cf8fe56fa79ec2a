// The prebuilt name index (data/gazetteer/index.txt) read in place: one open-addressing hash
// table of line numbers (typed arrays) over the index text, instead of a Map of ~140,000 key and
// entry strings. Loading it allocates no string per key; a key's entries (`12f,40s`) are decoded
// when it is first looked up, which most keys never are in a run.
import type { Strength } from './names';

export interface IndexEntry {
  row: number;
  strength: Strength;
}

const STRENGTH_OF: Record<string, Strength> = { f: 'full', s: 'short', c: 'child' };

/** The lines of one tag (`i` issuer keys, `c` context keys) of a serialised index: where each key and its entries lie. */
export interface IndexLines {
  keyStart: number[];
  keyEnd: number[];
  lineEnd: number[];
}

/**
 * Splits a serialised index (lines `tag\tkey\tentries`) by tag, reporting each key to `onKey`
 * (text, start, end) as it goes. Throws on a malformed line.
 */
export function indexLines(text: string, onKey: (context: boolean, text: string, start: number, end: number) => void): { issuer: IndexLines; context: IndexLines } {
  const issuer: IndexLines = { keyStart: [], keyEnd: [], lineEnd: [] };
  const context: IndexLines = { keyStart: [], keyEnd: [], lineEnd: [] };
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const t1 = text.indexOf('\t', at);
    const t2 = t1 < 0 ? -1 : text.indexOf('\t', t1 + 1);
    if (t1 < 0 || t2 < 0 || t2 > end) throw new Error(`gazetteer index: malformed line at ${at}`);
    const isContext = text.charCodeAt(at) === 0x63; // c
    const lines = isContext ? context : issuer;
    lines.keyStart.push(t1 + 1);
    lines.keyEnd.push(t2);
    lines.lineEnd.push(end);
    onKey(isContext, text, t1 + 1, t2);
    at = end + 1;
  }
  return { issuer, context };
}

function hashOf(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class CompactIndex implements ReadonlyMap<string, IndexEntry[]> {
  private readonly keyStart: Int32Array;
  private readonly keyEnd: Int32Array;
  private readonly lineEnd: Int32Array;
  /** Slot → line number + 1 (0: empty); the capacity is a power of two at least twice the lines. */
  private readonly slots: Int32Array;
  private readonly decoded: (IndexEntry[] | undefined)[];

  constructor(
    private readonly text: string,
    lines: IndexLines,
    private readonly rowCount: number,
  ) {
    this.keyStart = Int32Array.from(lines.keyStart);
    this.keyEnd = Int32Array.from(lines.keyEnd);
    this.lineEnd = Int32Array.from(lines.lineEnd);
    const n = this.keyStart.length;
    this.decoded = new Array<IndexEntry[] | undefined>(n);
    let capacity = 16;
    while (capacity < n * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let line = 0; line < n; line++) {
      const start = this.keyStart[line];
      const end = this.keyEnd[line];
      for (let slot = hashOf(text, start, end) & mask; ; slot = (slot + 1) & mask) {
        const held = this.slots[slot];
        if (held === 0) {
          this.slots[slot] = line + 1;
          break;
        }
        if (this.sameKey(held - 1, text, start, end)) throw new Error(`gazetteer index: key ${text.slice(start, end)} listed twice`);
      }
    }
  }

  get size(): number {
    return this.keyStart.length;
  }

  private sameKey(line: number, s: string, start: number, end: number): boolean {
    const from = this.keyStart[line];
    if (this.keyEnd[line] - from !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (this.text.charCodeAt(from + i) !== s.charCodeAt(start + i)) return false;
    return true;
  }

  private lineOf(key: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hashOf(key, 0, key.length) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot];
      if (held === 0) return -1;
      if (this.sameKey(held - 1, key, 0, key.length)) return held - 1;
    }
  }

  has(key: string): boolean {
    return this.lineOf(key) >= 0;
  }

  get(key: string): IndexEntry[] | undefined {
    const line = this.lineOf(key);
    return line < 0 ? undefined : this.entriesAt(line);
  }

  private entriesAt(line: number): IndexEntry[] {
    const known = this.decoded[line];
    if (known) return known;
    const raw = this.text.slice(this.keyEnd[line] + 1, this.lineEnd[line]);
    const entries = raw.split(',').map((e) => ({ row: Number(e.slice(0, -1)), strength: STRENGTH_OF[e[e.length - 1]] }));
    if (entries.some((e) => !(e.row >= 0 && e.row < this.rowCount) || e.strength === undefined)) {
      throw new Error(`gazetteer index: bad entry for ${this.keyAt(line)}`);
    }
    this.decoded[line] = entries;
    return entries;
  }

  private keyAt(line: number): string {
    return this.text.slice(this.keyStart[line], this.keyEnd[line]);
  }

  *keys(): MapIterator<string> {
    for (let line = 0; line < this.size; line++) yield this.keyAt(line);
  }

  *values(): MapIterator<IndexEntry[]> {
    for (let line = 0; line < this.size; line++) yield this.entriesAt(line);
  }

  *entries(): MapIterator<[string, IndexEntry[]]> {
    for (let line = 0; line < this.size; line++) yield [this.keyAt(line), this.entriesAt(line)];
  }

  [Symbol.iterator](): MapIterator<[string, IndexEntry[]]> {
    return this.entries();
  }

  forEach(callback: (value: IndexEntry[], key: string, map: ReadonlyMap<string, IndexEntry[]>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
