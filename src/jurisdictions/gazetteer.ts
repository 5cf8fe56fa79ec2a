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
}

export class Gazetteer {
  readonly meta: GazetteerMeta;
  readonly rows: DivisionRow[] = [];
  /** Row numbers per code, oldest first. */
  readonly byCode = new Map<string, number[]>();
  /** Per row: its ancestors' codes, nearest first (pseudo units skipped). */
  readonly ancestors: string[][] = [];
  /** Issuer keys: names and variants (names.ts). */
  readonly index = new Map<string, IndexEntry[]>();
  /** Context keys: names of provinces, cities and counties safe to spot in running text. */
  readonly contextIndex = new Map<string, IndexEntry[]>();
  /** Longest key per first character (0: no key starts with it): bounds every lookup loop. */
  readonly maxKeyFrom = new Map<number, number>();
  readonly maxContextKeyFrom = new Map<number, number>();
  readonly lineageFrom = new Map<string, LineageRow[]>();
  readonly overrides = new Map<string, OverrideRow>();
  /** Provinces whose towns are loaded, and those that have towns at all. */
  readonly townProvinces = new Set<string>();
  readonly provincesWithTowns: string[];

  constructor(input: GazetteerInput) {
    this.meta = input.meta;
    for (const r of input.divisions) this.push(r);
    for (let i = 0; i < this.rows.length; i++) this.link(i);
    for (let i = 0; i < this.rows.length; i++) this.indexRow(i);
    for (const l of input.lineage) {
      const k = `${l.fromCode}|${l.fromName}`;
      this.lineageFrom.set(k, [...(this.lineageFrom.get(k) ?? []), l]);
    }
    for (const o of input.overrides ?? []) this.overrides.set(overrideKey(o.issuer), o);
    this.provincesWithTowns = input.divisions
      .filter((r) => r.level === 'province' && r.last === null && Number(r.code) < 710000)
      .map((r) => r.code.slice(0, 2));
    for (const [province, rows] of input.towns ?? []) this.addTowns(province, rows);
  }

  /** Adds one province's towns (data/gazetteer/towns/<province>.csv); a second call is a no-op. */
  addTowns(province: string, rows: DivisionRow[]): void {
    if (this.townProvinces.has(province)) return;
    this.townProvinces.add(province);
    const from = this.rows.length;
    for (const r of rows) this.push(r);
    for (let i = from; i < this.rows.length; i++) this.link(i);
    for (let i = from; i < this.rows.length; i++) this.indexRow(i);
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
      raise(this.maxKeyFrom, key);
      const contextSafe =
        r.level !== 'town' &&
        ((strength === 'full' && key.length >= 3) || (strength === 'short' && r.level !== 'county' && key.length >= 2));
      if (contextSafe) {
        addEntry(this.contextIndex, key, { row: i, strength });
        raise(this.maxContextKeyFrom, key);
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

function raise(max: Map<number, number>, key: string) {
  const c = key.charCodeAt(0);
  if ((max.get(c) ?? 0) < key.length) max.set(c, key.length);
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
