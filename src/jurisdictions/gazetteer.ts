// The in-memory gazetteer: rows (divisions to county level, plus the towns of the provinces
// loaded so far), their ancestors, and the name index the resolver reads. Isomorphic.
import { CompactIndex, type IndexEntry, indexLines } from './compact-index';
import { aliasesOf, matchForm, splitNotes, type Strength } from './names';
import type { DivisionRow, GazetteerMeta, LineageRow, OverrideRow } from './types';

export type { IndexEntry };

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
  /** Issuer keys: names and variants (names.ts). A Map when derived, read in place when prebuilt. */
  readonly index: ReadonlyMap<string, IndexEntry[]>;
  /** Context keys: names of provinces, cities and counties safe to spot in running text. */
  readonly contextIndex: ReadonlyMap<string, IndexEntry[]>;
  /** The index's maps when derived; null while the prebuilt one is read in place. */
  private derived: { index: Map<string, IndexEntry[]>; context: Map<string, IndexEntry[]> } | null;
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
    this.derived = prebuilt ? null : { index: new Map(), context: new Map() };
    this.index = this.derived?.index ?? new Map();
    this.contextIndex = this.derived?.context ?? new Map();
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
    const lines = indexLines(text, (context, t, start, end) => (context ? this.contextKeyLengths : this.keyLengths).raiseAt(t, start, end));
    (this as { index: ReadonlyMap<string, IndexEntry[]> }).index = new CompactIndex(text, lines.issuer, this.rows.length);
    (this as { contextIndex: ReadonlyMap<string, IndexEntry[]> }).contextIndex = new CompactIndex(text, lines.context, this.rows.length);
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
    const derived = this.derivedIndex();
    const r = this.rows[i];
    if (r.kind === 'pseudo') return;
    const ancestorNames = this.ancestors[i]
      .slice()
      .reverse()
      .map((c) => this.latest(c)?.name)
      .filter((n): n is string => !!n);
    for (const { key, strength } of aliasesOf(r, ancestorNames)) {
      addEntry(derived.index, key, { row: i, strength });
      this.keyLengths.raise(key);
      const contextSafe =
        r.level !== 'town' &&
        ((strength === 'full' && key.length >= 3) || (strength === 'short' && r.level !== 'county' && key.length >= 2));
      if (contextSafe) {
        addEntry(derived.context, key, { row: i, strength });
        this.contextKeyLengths.raise(key);
      }
    }
  }

  /** The index as maps rows can be added to (the prebuilt one copied into maps first: towns added after it). */
  private derivedIndex(): { index: Map<string, IndexEntry[]>; context: Map<string, IndexEntry[]> } {
    if (!this.derived) {
      this.derived = { index: new Map(this.index), context: new Map(this.contextIndex) };
      (this as { index: ReadonlyMap<string, IndexEntry[]> }).index = this.derived.index;
      (this as { contextIndex: ReadonlyMap<string, IndexEntry[]> }).contextIndex = this.derived.context;
    }
    return this.derived;
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

/**
 * The length of the longest key opening with each two characters (every key has at least two).
 * Keyed by one character code, then the next (small integers): a code for the pair would exceed
 * V8's small integers, and every lookup would hash a heap number.
 */
export class KeyLengths {
  private readonly byFirst = new Map<number, Map<number, number>>();

  raise(key: string): void {
    this.raiseAt(key, 0, key.length);
  }

  /** raise for the key s.slice(start, end), without making it. */
  raiseAt(s: string, start: number, end: number): void {
    const length = end - start;
    if (length < 2) return;
    const first = s.charCodeAt(start);
    let next = this.byFirst.get(first);
    if (!next) this.byFirst.set(first, (next = new Map()));
    const second = s.charCodeAt(start + 1);
    if ((next.get(second) ?? 0) < length) next.set(second, length);
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
