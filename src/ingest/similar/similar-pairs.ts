// Copied reports (雷同): every report's narrative shingled (shingles.ts); shingles found in more
// reports than a copy would be are boilerplate (the regulation's wording, the template's headings
// and labels, stock phrases) and dropped; the rest sketched (sketch.ts), candidates found by
// LSH in near-linear time, each confirmed by the exact Jaccard similarity of the two sets.
import { bandKeys, BANDS, sketchOf } from './sketch';
import { intersectionSize, shingleSet } from './shingles';
import { sharedSpans, type Span } from './spans';
import { type ItemStore, memoryItemStore, memorySetStore, type SetStore } from '../chunk-store';

/** A pair is kept at this Jaccard similarity, or when this much of the shorter narrative is in the other (a cut or extended copy). */
export const MIN_SIMILARITY = 0.5;
export const MIN_CONTAINMENT = 0.8;
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

  /** `sets`, `reports`: where the shingle sets and reports wait for pairs() (the disk stores keep them out of memory). */
  constructor(
    private readonly sets: SetStore = memorySetStore(),
    private readonly reports: ItemStore<SimilarReport> = memoryItemStore(),
  ) {}

  add(report: SimilarReport, text: string | null): void {
    const set = text ? shingleSet(text, report.names) : new Uint32Array(0);
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

  /** Confirmed pairs, ordered by the two ids (`a` before `b`); `textsOf` gives the texts of the reports asked. */
  pairs(textsOf: (ids: ReadonlySet<string>) => Map<string, string>): { pairs: SimilarPair[]; stats: SimilarStats } {
    if (this.done) throw new Error('SimilarityIndex.pairs called twice');
    this.done = true;
    const maxDf = Math.max(MIN_DF, Math.ceil(DF_SHARE * this.withText));
    // A report's non-boilerplate shingles, read again when needed rather than all held at once.
    const keptOf = (i: number): Uint32Array => this.rare(this.sets.get(i), maxDf);
    const compared: number[] = [];
    // The compared reports' band keys in one flat array (BANDS a report): 128 bytes a report.
    let keys = new Uint32Array(1024 * BANDS);
    for (let i = 0; i < this.sets.length; i++) {
      const set = keptOf(i);
      if (set.length < MIN_SHINGLES) continue;
      if ((compared.length + 1) * BANDS > keys.length) {
        const grown = new Uint32Array(keys.length * 2);
        grown.set(keys);
        keys = grown;
      }
      keys.set(bandKeys(sketchOf(set)), compared.length * BANDS);
      compared.push(i);
    }

    const candidates = new Set<number>();
    const n = this.reports.length;
    let oversized = 0;
    for (let band = 0; band < BANDS; band++) {
      const buckets = new Map<number, number[]>();
      for (let c = 0; c < compared.length; c++) {
        const i = compared[c];
        const key = keys[c * BANDS + band];
        const bucket = buckets.get(key);
        if (bucket) bucket.push(i);
        else buckets.set(key, [i]);
      }
      for (const bucket of buckets.values()) {
        if (bucket.length < 2) continue;
        if (bucket.length > MAX_BUCKET) {
          oversized++;
          continue;
        }
        for (let x = 0; x < bucket.length; x++) for (let y = x + 1; y < bucket.length; y++) candidates.add(bucket[x] * n + bucket[y]);
      }
    }

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
    const texts = textsOf(ids);
    const pairs = confirmed.map(({ a, b, similarity, containment }): SimilarPair => {
      const [first, second] = report(a).id < report(b).id ? [a, b] : [b, a];
      const ra = report(first);
      const rb = report(second);
      const [textA, textB] = [texts.get(ra.id) ?? '', texts.get(rb.id) ?? ''];
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
    pairs.sort((x, y) => (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : x.b.id < y.b.id ? -1 : x.b.id > y.b.id ? 1 : 0));
    return {
      pairs,
      stats: { reports: n, compared: compared.length, boilerplateDf: maxDf, candidates: candidates.size, pairs: pairs.length, oversizedBuckets: oversized },
    };
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
