// Copied reports (雷同): every report's narrative shingled (shingles.ts); shingles found in more
// reports than a copy would be are boilerplate (the regulation's wording, the template's headings
// and labels, stock phrases) and dropped; the rest sketched (sketch.ts), candidates found by
// LSH in near-linear time, each confirmed by the exact Jaccard similarity of the two sets.
import { bandKeys, BANDS, sketchOf } from './sketch';
import { intersectionSize, shingleSet } from './shingles';
import { sharedSpans, type Span } from './spans';
import { type ItemStore, memoryItemStore, memorySetStore, type SetStore } from '../chunk-store';
import { MIN_CONTAINMENT, MIN_SIMILARITY } from '../../shared/similarity';

/** Compared reports' band keys are kept (spilled, with the disk stores) this many reports a block. */
const KEY_BLOCK = 1024;

// The thresholds a kept pair meets (the view says them when it finds none).
export { MIN_CONTAINMENT, MIN_SIMILARITY };
/** A shingle in more than max(MIN_DF, DF_SHARE × reports) reports is boilerplate. */
export const MIN_DF = 8;
export const DF_SHARE = 0.002;
/** Reports with fewer distinct non-boilerplate shingles than this say too little of their own to compare. */
export const MIN_SHINGLES = 20;
/** A band bucket larger than this is a template, not a copy: its pairs are not enumerated. */
const MAX_BUCKET = 400;
/** Document frequencies counted in 2^24 buckets (a rare shingle sharing one with a common one is dropped: harmless). */
const DF_BITS = 24;

export type PairKind = 'same_body' | 'same_year' | 'other';

export interface SimilarReport {
  id: string;
  /** The body (src/shared/body-key.ts), null when unknown. */
  body: string | null;
  year: number | null;
  /** Where the report's rows are stored (two digits or `none`). */
  province: string;
  /** The report's own names (issuer, jurisdiction), left out of its narrative. */
  names: string[];
}

export interface SimilarPair {
  a: SimilarReport;
  b: SimilarReport;
  /** Jaccard similarity of the two reports' non-boilerplate shingle sets, 0–1. */
  similarity: number;
  /** Shared shingles over the smaller set's: how much of the shorter narrative is in the other. */
  containment: number;
  kind: PairKind;
  spansA: Span[];
  spansB: Span[];
}

export interface SimilarStats {
  reports: number;
  compared: number;
  boilerplateDf: number;
  candidates: number;
  pairs: number;
  oversizedBuckets: number;
}

export function pairKind(a: SimilarReport, b: SimilarReport): PairKind {
  const sameBody = a.body !== null && a.body === b.body;
  const sameYear = a.year !== null && a.year === b.year;
  if (sameBody && !sameYear) return 'same_body';
  if (!sameBody && sameYear) return 'same_year';
  return 'other';
}

/**
 * Reports are added one at a time (only their shingle sets are kept, not their text);
 * `pairs()` needs their texts again for the shared passages of the few confirmed pairs.
 */
export class SimilarityIndex {
  private readonly df = new Uint16Array(1 << DF_BITS);
  private withText = 0;
  private done = false;

  /**
   * `sets`, `reports`: where the shingle sets and reports wait for pairs(); `keyBlocks`, `texts`:
   * where pairs() keeps the band keys and the confirmed pairs' texts (the disk stores keep them
   * all out of memory).
   */
  constructor(
    private readonly sets: SetStore = memorySetStore(),
    private readonly reports: ItemStore<SimilarReport> = memoryItemStore(),
    private readonly keyBlocks: SetStore = memorySetStore(),
    private readonly texts: ItemStore<string> = memoryItemStore(),
  ) {}

  /** `text`: the report's text, or its shingle set already made (shingleSet of the text and the report's names). */
  add(report: SimilarReport, text: string | null | Uint32Array): void {
    const set = text instanceof Uint32Array ? text : text ? shingleSet(text, report.names) : new Uint32Array(0);
    for (let i = 0; i < set.length; i++) {
      const k = set[i] >>> (32 - DF_BITS);
      if (this.df[k] < 0xffff) this.df[k]++;
    }
    this.reports.push(report);
    this.sets.push(set);
    if (set.length > 0) this.withText++;
  }

  /** The shingles of a set found in at most maxDf reports. */
  private rare(set: Uint32Array, maxDf: number): Uint32Array {
    const out = new Uint32Array(set.length);
    let n = 0;
    for (let i = 0; i < set.length; i++) if (this.df[set[i] >>> (32 - DF_BITS)] <= maxDf) out[n++] = set[i];
    return out.slice(0, n);
  }

  /**
   * Confirmed pairs, ordered by the two ids (`a` before `b`); `textsOf` gives the texts of the
   * reports asked, as [id, text] entries (a Map will do), each kept in `texts` as it comes.
   * What stays in memory grows by 8 bytes a compared report: the band keys wait in `keyBlocks`
   * and are bucketed one band at a time by sorting, the texts of the confirmed pairs in `texts`.
   */
  pairs(textsOf: (ids: ReadonlySet<string>) => Iterable<readonly [string, string]>): { pairs: SimilarPair[]; stats: SimilarStats } {
    if (this.done) throw new Error('SimilarityIndex.pairs called twice');
    this.done = true;
    const maxDf = Math.max(MIN_DF, Math.ceil(DF_SHARE * this.withText));
    // A report's non-boilerplate shingles, read again when needed rather than all held at once.
    const keptOf = (i: number): Uint32Array => this.rare(this.sets.get(i), maxDf);
    let compared = new Uint32Array(1024);
    let count = 0;
    // The band keys of KEY_BLOCK compared reports, report-major (BANDS a report).
    let block = new Uint32Array(KEY_BLOCK * BANDS);
    let inBlock = 0;
    for (let i = 0; i < this.sets.length; i++) {
      const set = keptOf(i);
      if (set.length < MIN_SHINGLES) continue;
      if (count === compared.length) {
        const grown = new Uint32Array(compared.length * 2);
        grown.set(compared);
        compared = grown;
      }
      compared[count++] = i;
      block.set(bandKeys(sketchOf(set)), inBlock * BANDS);
      if (++inBlock === KEY_BLOCK) {
        this.keyBlocks.push(block);
        block = new Uint32Array(KEY_BLOCK * BANDS);
        inBlock = 0;
      }
    }
    if (inBlock > 0) this.keyBlocks.push(block.slice(0, inBlock * BANDS));

    const candidates = new Set<number>();
    const n = this.reports.length;
    let oversized = 0;
    const bandKey = new Uint32Array(count);
    const members = new Uint32Array(count);
    for (let band = 0; band < BANDS; band++) {
      // The band's key of every compared report, sorted (stably: members of a bucket stay in report order).
      for (let b = 0, c = 0; b < this.keyBlocks.length; b++) {
        const keys = this.keyBlocks.get(b);
        for (let r = 0; r < keys.length / BANDS; r++, c++) {
          bandKey[c] = keys[r * BANDS + band];
          members[c] = compared[c];
        }
      }
      sortByKey(bandKey, members);
      for (let start = 0; start < count; ) {
        let end = start + 1;
        while (end < count && bandKey[end] === bandKey[start]) end++;
        const size = end - start;
        if (size > MAX_BUCKET) oversized++;
        else for (let x = start; x < end; x++) for (let y = x + 1; y < end; y++) candidates.add(members[x] * n + members[y]);
        start = end;
      }
    }
    this.keyBlocks.clear();

    const confirmed: { a: number; b: number; similarity: number; containment: number }[] = [];
    for (const key of candidates) {
      const a = Math.floor(key / n);
      const b = key % n;
      const [keptA, keptB] = [keptOf(a), keptOf(b)];
      const shared = intersectionSize(keptA, keptB);
      const similarity = shared / (keptA.length + keptB.length - shared);
      const containment = shared / Math.min(keptA.length, keptB.length);
      if (similarity >= MIN_SIMILARITY || (containment >= MIN_CONTAINMENT && shared >= MIN_SHINGLES)) confirmed.push({ a, b, similarity, containment });
    }

    const report = (i: number): SimilarReport => this.reports.get(i);
    const ids = new Set(confirmed.flatMap(({ a, b }) => [report(a).id, report(b).id]));
    // Each text waits in the text store, by id its index there (a handful of numbers, not the texts).
    const textAt = new Map<string, number>();
    for (const [id, text] of textsOf(ids)) {
      if (!ids.has(id) || textAt.has(id)) continue;
      textAt.set(id, this.texts.length);
      this.texts.push(text);
    }
    const textOf = (id: string): string => {
      const at = textAt.get(id);
      return at === undefined ? '' : this.texts.get(at);
    };
    const pairs = confirmed.map(({ a, b, similarity, containment }): SimilarPair => {
      const [first, second] = report(a).id < report(b).id ? [a, b] : [b, a];
      const ra = report(first);
      const rb = report(second);
      const [textA, textB] = [textOf(ra.id), textOf(rb.id)];
      const rare = new Set(intersection(keptOf(first), keptOf(second)));
      const all = new Set(intersection(shingleSet(textA, ra.names), shingleSet(textB, rb.names)));
      return {
        a: ra,
        b: rb,
        similarity,
        containment,
        kind: pairKind(ra, rb),
        spansA: sharedSpans(textA, ra.names, all, rare),
        spansB: sharedSpans(textB, rb.names, all, rare),
      };
    });
    this.sets.clear();
    this.reports.clear();
    this.texts.clear();
    pairs.sort((x, y) => (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : x.b.id < y.b.id ? -1 : x.b.id > y.b.id ? 1 : 0));
    return {
      pairs,
      stats: { reports: n, compared: count, boilerplateDf: maxDf, candidates: candidates.size, pairs: pairs.length, oversizedBuckets: oversized },
    };
  }
}

const SORT_BITS = 11;
const SORT_RADIX = 1 << SORT_BITS;

/** Sorts `keys` ascending and `values` along with them, stably (LSD radix, three passes of 11 bits). */
export function sortByKey(keys: Uint32Array, values: Uint32Array): void {
  const counts = new Uint32Array(SORT_RADIX);
  let fromKeys: Uint32Array<ArrayBufferLike> = keys;
  let fromValues: Uint32Array<ArrayBufferLike> = values;
  let toKeys: Uint32Array<ArrayBufferLike> = new Uint32Array(keys.length);
  let toValues: Uint32Array<ArrayBufferLike> = new Uint32Array(values.length);
  for (let shift = 0; shift < 32; shift += SORT_BITS) {
    counts.fill(0);
    for (let i = 0; i < fromKeys.length; i++) counts[(fromKeys[i] >>> shift) & (SORT_RADIX - 1)]++;
    let sum = 0;
    for (let d = 0; d < SORT_RADIX; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < fromKeys.length; i++) {
      const at = counts[(fromKeys[i] >>> shift) & (SORT_RADIX - 1)]++;
      toKeys[at] = fromKeys[i];
      toValues[at] = fromValues[i];
    }
    [fromKeys, toKeys] = [toKeys, fromKeys];
    [fromValues, toValues] = [toValues, fromValues];
  }
  // an odd number of passes leaves the result in the scratch arrays
  if (fromKeys !== keys) {
    keys.set(fromKeys);
    values.set(fromValues);
  }
}

function intersection(a: Uint32Array, b: Uint32Array): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}
