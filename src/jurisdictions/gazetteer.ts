// The in-memory gazetteer: rows (divisions to county level, plus the towns of the provinces
// loaded so far), their ancestors, and the name index the resolver reads. Isomorphic.
import { aliasesOf, matchForm, splitNotes, type Strength } from './names';
import type { DivisionRow, GazetteerMeta, LineageRow, OverrideRow } from './types';

export interface IndexEntry {
  row: number;
  strength: Strength;
}

export interface GazetteerInput {
  meta: GazetteerMeta;
  divisions: DivisionRow[];
  lineage: LineageRow[];
  overrides?: OverrideRow[];
  /** Town rows per province (two-digit code); more can be added later with addTowns. */
  towns?: Iterable<[string, DivisionRow[]]>;
  /**
   * The name index of exactly these rows, precomputed (serialiseIndex): read instead of deriving
   * every name's variants again. Only for the rows given here, in this order.
   */
  prebuiltIndex?: string;
}

export class Gazetteer {
  readonly meta: GazetteerMeta;
  readonly rows: DivisionRow[] = [];
  /** Row numbers per code, oldest first. */
  readonly byCode = new Map<string, number[]>();
  /** Per row: its ancestors' codes, nearest first (pseudo units skipped). */
  readonly ancestors: string[][] = [];
  /** Issuer keys: names and variants (names.ts). */
  readonly index: Map<string, IndexEntry[]> = new Map();
  /** Context keys: names of provinces, cities and counties safe to spot in running text. */
  readonly contextIndex: Map<string, IndexEntry[]> = new Map();
  /** Longest issuer key and longest context key opening with each two characters: bound every lookup loop. */
  readonly keyLengths = new KeyLengths();
  readonly contextKeyLengths = new KeyLengths();
  readonly lineageFrom = new Map<string, LineageRow[]>();
  readonly overrides = new Map<string, OverrideRow>();
  /** Provinces whose towns are loaded, and those that have towns at all. */
  readonly townProvinces = new Set<string>();
  readonly provincesWithTowns: string[];

  constructor(input: GazetteerInput) {
    this.meta = input.meta;
    for (const r of input.divisions) this.push(r);
    for (let i = 0; i < this.rows.length; i++) this.link(i);
    const prebuilt = input.prebuiltIndex !== undefined;
    if (!prebuilt) for (let i = 0; i < this.rows.length; i++) this.indexRow(i);
    for (const l of input.lineage) {
      const k = `${l.fromCode}|${l.fromName}`;
      this.lineageFrom.set(k, [...(this.lineageFrom.get(k) ?? []), l]);
    }
    for (const o of input.overrides ?? []) this.overrides.set(overrideKey(o.issuer), o);
    this.provincesWithTowns = input.divisions
      .filter((r) => r.level === 'province' && r.last === null && Number(r.code) < 710000)
      .map((r) => r.code.slice(0, 2));
    for (const [province, rows] of input.towns ?? []) this.addTowns(province, rows, !prebuilt);
    if (prebuilt) this.readIndex(input.prebuiltIndex!);
  }

  /** The name index as text, one key per line (`i` issuer keys, `c` context keys): what prebuiltIndex reads. */
  serialiseIndex(): string {
    const lines: string[] = [];
    for (const [tag, map] of [['i', this.index], ['c', this.contextIndex]] as const) {
      for (const [key, entries] of map) lines.push(`${tag}\t${key}\t${entries.map((e) => `${e.row}${STRENGTH_CODE[e.strength]}`).join(',')}`);
    }
    return lines.join('\n') + '\n';
  }

  private readIndex(text: string) {
    const index = new LazyIndex(this.rows.length);
    const contextIndex = new LazyIndex(this.rows.length);
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const t1 = text.indexOf('\t', at);
      const t2 = text.indexOf('\t', t1 + 1);
      if (t1 < 0 || t2 < 0 || t2 > end) throw new Error(`gazetteer index: malformed line at ${at}`);
      const context = text[at] === 'c';
      const key = text.slice(t1 + 1, t2);
      (context ? contextIndex : index).setRaw(key, text.slice(t2 + 1, end));
      (context ? this.contextKeyLengths : this.keyLengths).raise(key);
      at = end + 1;
    }
    // replaces the (empty) maps: the entries are read when a key is first looked up
    (this as { index: Map<string, IndexEntry[]> }).index = index;
    (this as { contextIndex: Map<string, IndexEntry[]> }).contextIndex = contextIndex;
  }

  /** Adds one province's towns (data/gazetteer/towns/<province>.csv); a second call is a no-op. */
  addTowns(province: string, rows: DivisionRow[], index = true): void {
    if (this.townProvinces.has(province)) return;
    this.townProvinces.add(province);
    const from = this.rows.length;
    for (const r of rows) this.push(r);
    for (let i = from; i < this.rows.length; i++) this.link(i);
    if (index) for (let i = from; i < this.rows.length; i++) this.indexRow(i);
  }

  get allTownsLoaded(): boolean {
    return this.provincesWithTowns.every((p) => this.townProvinces.has(p));
  }

  private push(r: DivisionRow) {
    const i = this.rows.length;
    this.rows.push(r);
    const list = this.byCode.get(r.code);
    if (list) list.push(i);
    else this.byCode.set(r.code, [i]);
  }

  private link(i: number) {
    const chain: string[] = [];
    let p = this.rows[i].parent;
    for (let guard = 0; p && guard < 6; guard++) {
      chain.push(p);
      const up = this.byCode.get(p);
      p = up ? this.rows[up[up.length - 1]].parent : null;
    }
    this.ancestors[i] = chain;
  }

  private indexRow(i: number) {
    const r = this.rows[i];
    if (r.kind === 'pseudo') return;
    const ancestorNames = this.ancestors[i]
      .slice()
      .reverse()
      .map((c) => this.latest(c)?.name)
      .filter((n): n is string => !!n);
    for (const { key, strength } of aliasesOf(r, ancestorNames)) {
      addEntry(this.index, key, { row: i, strength });
      this.keyLengths.raise(key);
      const contextSafe =
        r.level !== 'town' &&
        ((strength === 'full' && key.length >= 3) || (strength === 'short' && r.level !== 'county' && key.length >= 2));
      if (contextSafe) {
        addEntry(this.contextIndex, key, { row: i, strength });
        this.contextKeyLengths.raise(key);
      }
    }
  }

  /** The row of a code valid in `year` (or the latest one). */
  rowOf(code: string, year?: number | null): number | undefined {
    const list = this.byCode.get(code);
    if (!list) return undefined;
    if (year != null) {
      const valid = list.filter((i) => this.validIn(i, year));
      if (valid.length) return valid[valid.length - 1];
    }
    return list[list.length - 1];
  }

  latest(code: string): DivisionRow | undefined {
    const i = this.rowOf(code);
    return i === undefined ? undefined : this.rows[i];
  }

  /**
   * Attested in `year`? A unit first seen in its level's first snapshot may be older. `slack`
   * years before `first` also count: a snapshot is taken mid- or late year, so a unit set up
   * after its cutoff reports on that year under the new name (番禺区沙湾街道, 2020 report; first
   * in the 2021 snapshot).
   */
  validIn(i: number, year: number, slack = 0): boolean {
    const r = this.rows[i];
    if (r.last !== null && year > r.last) return false;
    if (year >= r.first - slack) return true;
    const f = this.meta.floors;
    const floor =
      r.level === 'town'
        ? r.kind === 'functional-zone'
          ? f.townFunctionalZone
          : f.town
        : r.kind === 'functional-zone'
          ? f.countyFunctionalZone
          : f.county;
    return r.first <= floor;
  }

  /** Is `code` a strict ancestor of row i? */
  isAncestor(code: string, i: number): boolean {
    return this.ancestors[i].includes(code);
  }
}

const STRENGTH_CODE: Record<Strength, string> = { full: 'f', short: 's', child: 'c' };
const STRENGTH_OF: Record<string, Strength> = { f: 'full', s: 'short', c: 'child' };

/**
 * The length of the longest key opening with each two characters (every key has at least two).
 * Keyed by one character code, then the next (small integers): a code for the pair would exceed
 * V8's small integers, and every lookup would hash a heap number.
 */
export class KeyLengths {
  private readonly byFirst = new Map<number, Map<number, number>>();

  raise(key: string): void {
    if (key.length < 2) return;
    const first = key.charCodeAt(0);
    let next = this.byFirst.get(first);
    if (!next) this.byFirst.set(first, (next = new Map()));
    const second = key.charCodeAt(1);
    if ((next.get(second) ?? 0) < key.length) next.set(second, key.length);
  }

  /** The longest key that can open at `pos` of `s`, cut at the end of `s` (0 when none). */
  at(s: string, pos: number): number {
    if (pos + 1 >= s.length) return 0;
    const longest = this.byFirst.get(s.charCodeAt(pos))?.get(s.charCodeAt(pos + 1));
    return longest === undefined ? 0 : Math.min(longest, s.length - pos);
  }

  /** Each two characters with the longest key's length. */
  entries(): [string, number][] {
    return [...this.byFirst].flatMap(([first, next]) => [...next].map(([second, length]): [string, number] => [String.fromCharCode(first, second), length]));
  }
}

function addEntry(map: Map<string, IndexEntry[]>, key: string, e: IndexEntry) {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

/** The key overrides are matched on: the issuer's matching form without notes in parentheses. */
export function overrideKey(issuer: string): string {
  return splitNotes(matchForm(issuer)).main;
}

/**
 * A name index read from the prebuilt text: each key's entries (`12f,40s`) stay text until the
 * key is first looked up, the most of 70,000 keys never are in a run. A malformed entry is an
 * error when its key is read.
 */
class LazyIndex extends Map<string, IndexEntry[]> {
  constructor(private readonly rowCount: number) {
    super();
  }

  setRaw(key: string, entries: string): void {
    super.set(key, entries as unknown as IndexEntry[]);
  }

  override get(key: string): IndexEntry[] | undefined {
    const value: IndexEntry[] | string | undefined = super.get(key);
    return typeof value === 'string' ? this.decode(key, value) : value;
  }

  private decode(key: string, raw: string): IndexEntry[] {
    const entries = raw.split(',').map((e) => ({ row: Number(e.slice(0, -1)), strength: STRENGTH_OF[e[e.length - 1]] }));
    if (entries.some((e) => !(e.row >= 0 && e.row < this.rowCount) || e.strength === undefined)) throw new Error(`gazetteer index: bad entry for ${key}`);
    super.set(key, entries);
    return entries;
  }

  override *entries(): MapIterator<[string, IndexEntry[]]> {
    for (const key of super.keys()) yield [key, this.get(key)!];
  }

  override *values(): MapIterator<IndexEntry[]> {
    for (const key of super.keys()) yield this.get(key)!;
  }

  override [Symbol.iterator](): MapIterator<[string, IndexEntry[]]> {
    return this.entries();
  }

  override forEach(callback: (value: IndexEntry[], key: string, map: Map<string, IndexEntry[]>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
