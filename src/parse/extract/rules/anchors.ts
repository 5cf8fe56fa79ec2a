// Where a pattern can start, read from the pattern itself: the literal words every match of it
// opens with (`(上年|上一年)结转…` opens with 上年 or 上一年). With them a text is scanned once for
// all words of all patterns, and each pattern is tried only where one of its words starts,
// instead of every pattern scanning the whole text. Matches are the same as a scan's: a match
// can start nowhere else.

/** Longest opening word kept (longer words add nothing to the selection). */
const MAX_WORD = 6;
/** More opening words than this: the pattern scans the text instead. */
const MAX_WORDS = 48;

interface Part {
  /** The words a match of this part opens with. */
  words: string[];
  /** Every word is the part's whole match (a literal), so the next part's words may follow it. */
  exact: boolean;
}

/** Index of the `)` closing the group opened at `open`, or -1. */
function closing(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < src.length && src[i] !== ']'; i++) if (src[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The `|`-separated alternatives of a group's content (top level only). */
export function alternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < src.length && src[i] !== ']'; i++) if (src[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(from, i));
      from = i + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

const SPECIAL = new Set(['\\', '[', ']', '(', ')', '{', '}', '?', '*', '+', '|', '.', '^', '$']);

/** One element at `i`: its words and where it ends (before any quantifier); null when it can be anything. */
function element(src: string, i: number): { part: Part; end: number } | 'zero-width' | null {
  const c = src[i];
  if (c === '\\') {
    const e = src[i + 1];
    if (e === undefined || /[A-Za-z0-9]/.test(e)) return null; // \d, \s, \b …: a class, not a literal
    return { part: { words: [e], exact: true }, end: i + 2 };
  }
  if (c === '[') {
    const chars: string[] = [];
    let k = i + 1;
    if (src[k] === '^') return null;
    for (; k < src.length && src[k] !== ']'; k++) {
      if (src[k] === '\\' || src[k + 1] === '-' && src[k + 2] !== ']') return null;
      chars.push(src[k]);
    }
    return k < src.length && chars.length > 0 ? { part: { words: chars, exact: true }, end: k + 1 } : null;
  }
  if (c === '(') {
    const close = closing(src, i);
    if (close < 0) return null;
    let body = src.slice(i + 1, close);
    if (/^\?<?[=!]/.test(body)) return 'zero-width';
    if (body.startsWith('?:')) body = body.slice(2);
    else if (body.startsWith('?<')) body = body.slice(body.indexOf('>') + 1);
    const words: string[] = [];
    let exact = true;
    for (const alt of alternatives(body)) {
      const p = sequence(alt, 0);
      if (p === null) return null;
      words.push(...p.words);
      exact &&= p.exact;
    }
    return { part: { words, exact }, end: close + 1 };
  }
  if (SPECIAL.has(c)) return null;
  return { part: { words: [c], exact: true }, end: i + 1 };
}

/** The words every match of `src` from `i` opens with; null when a match can open anywhere. */
function sequence(src: string, i: number): Part | null {
  if (i >= src.length) return { words: [''], exact: true };
  const el = element(src, i);
  if (el === null) return null;
  if (el === 'zero-width') return sequence(src, closing(src, i) + 1);
  let { end } = el;
  const q = src[end];
  let optional = false;
  let repeated = false;
  if (q === '?' || q === '*') {
    optional = true;
    end++;
  } else if (q === '+') {
    repeated = true;
    end++;
  } else if (q === '{' && /^\{\d/.test(src.slice(end))) {
    const m = /^\{(\d+)(,\d*)?\}/.exec(src.slice(end));
    if (!m) return null;
    optional = m[1] === '0';
    repeated = m[2] !== undefined || m[1] !== '1';
    end += m[0].length;
  }
  if (src[end] === '?') end++; // lazy
  const rest = () => sequence(src, end);
  if (optional) {
    const next = rest();
    if (next === null || next.words.includes('')) return null;
    const words = [...el.part.words, ...next.words];
    return words.some((w) => w === '') ? null : { words, exact: false };
  }
  if (repeated || !el.part.exact) return el.part.words.some((w) => w === '') ? null : { words: el.part.words, exact: false };
  // an exact element: the next element's words may extend it
  const next = rest();
  if (next === null || el.part.words.length * next.words.length > MAX_WORDS) return { words: el.part.words, exact: false };
  const words: string[] = [];
  for (const a of el.part.words) for (const b of next.words) words.push((a + b).slice(0, MAX_WORD));
  return { words: [...new Set(words)], exact: next.exact && words.every((w) => w.length < MAX_WORD) };
}

/** The literal words every match of the pattern opens with, or null when it can open anywhere. */
export function openingWords(source: string): string[] | null {
  const p = sequence(source, 0);
  if (p === null || p.words.length === 0 || p.words.length > MAX_WORDS || p.words.some((w) => w === '')) return null;
  // a word that another word opens with makes the longer one redundant
  const words = [...new Set(p.words)].sort((a, b) => a.length - b.length);
  return words.filter((w, k) => !words.slice(0, k).some((shorter) => w.startsWith(shorter)));
}

/** Where each word starts in a text, found in one scan for all the words (a trie walked from each character). */
export class WordIndex {
  private readonly words: string[];
  private readonly id = new Map<string, number>();
  /** Per character, the trie node of the words opening with it (0: none). */
  private readonly root = new Int32Array(0x10000);
  /** Per node: the word ending there (-1: none), and its edges: characters and target nodes. */
  private readonly ends: Int32Array;
  private readonly edgeFrom: Int32Array;
  private readonly edgeCount: Int32Array;
  private readonly edgeChar: Uint16Array;
  private readonly edgeNode: Int32Array;
  /** Per word id, where it starts in the last text scanned; only the words found hold an array. */
  private readonly found: (number[] | undefined)[] = [];
  private readonly touched: number[] = [];

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)];
    // the trie as maps first (node 0 is the root), then flattened
    const children: Map<number, number>[] = [new Map()];
    const ends: number[] = [-1];
    this.words.forEach((w, k) => {
      this.id.set(w, k);
      let node = 0;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        let next = children[node].get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          ends.push(-1);
          children[node].set(c, next);
        }
        node = next;
      }
      ends[node] = k;
    });
    for (const [c, node] of children[0]) this.root[c] = node;
    this.ends = Int32Array.from(ends);
    this.edgeFrom = new Int32Array(children.length);
    this.edgeCount = new Int32Array(children.length);
    const edges = children.reduce((a, m) => a + m.size, 0);
    this.edgeChar = new Uint16Array(edges);
    this.edgeNode = new Int32Array(edges);
    let e = 0;
    children.forEach((m, node) => {
      this.edgeFrom[node] = e;
      this.edgeCount[node] = m.size;
      for (const [c, next] of m) {
        this.edgeChar[e] = c;
        this.edgeNode[e++] = next;
      }
    });
  }

  /** Scans a text; positions() then answers for it. */
  scan(s: string): this {
    const { root, ends, edgeFrom, edgeCount, edgeChar, edgeNode, found, touched } = this;
    for (const k of touched) found[k] = undefined;
    touched.length = 0;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      let node = root[s.charCodeAt(i)];
      for (let j = i + 1; node !== 0; j++) {
        const k = ends[node];
        if (k >= 0) {
          const at = found[k];
          if (at) at.push(i);
          else {
            found[k] = [i];
            touched.push(k);
          }
        }
        if (j >= n) break;
        const c = s.charCodeAt(j);
        const from = edgeFrom[node];
        const to = from + edgeCount[node];
        node = 0;
        for (let e = from; e < to; e++) {
          if (edgeChar[e] === c) {
            node = edgeNode[e];
            break;
          }
        }
      }
    }
    return this;
  }

  /** Where any of the words starts, in order, each position once. */
  positions(words: readonly string[]): number[] {
    let merged: number[] | null = null;
    for (const k of this.idsFor(words)) {
      const at = k < 0 ? undefined : this.found[k];
      if (!at || at.length === 0) continue;
      merged = merged === null ? at : mergeSorted(merged, at);
    }
    return merged ?? [];
  }

  /** Does any of the words start somewhere in the last text scanned (positions without merging them)? */
  has(words: readonly string[]): boolean {
    for (const k of this.idsFor(words)) {
      const at = k < 0 ? undefined : this.found[k];
      if (at && at.length > 0) return true;
    }
    return false;
  }

  private idsFor(words: readonly string[]): number[] {
    let ids = this.idsOf.get(words);
    if (!ids) this.idsOf.set(words, (ids = words.map((w) => this.id.get(w) ?? -1)));
    return ids;
  }
  /** Per list of words asked for, their ids (the same lists are asked for text after text). */
  private readonly idsOf = new WeakMap<readonly string[], number[]>();
}

/** Two ascending lists as one, each position once. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
  }
  return out;
}
