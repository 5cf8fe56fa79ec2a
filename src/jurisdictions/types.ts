// Types of the jurisdiction gazetteer (data/gazetteer/, see its README.md) and of the issuer
// resolver. Isomorphic: no DOM, no node:*.

/** Level of a division. `department` is never a division level: see ResolvedIssuer.level. */
export type DivisionLevel = 'province' | 'city' | 'county' | 'town';

/**
 * `admin`: an administrative division. `functional-zone`: a development zone or similar unit
 * the statistics bureau codes beside the divisions (county level: codes xxxx7x; town level: the
 * 类似乡级单位, codes xxxxxx400–599 — development zones, state farms and forestry centres,
 * scenic areas). `pseudo`: a placeholder code (市辖区, 县, 省直辖县级行政区划, or a county-level
 * container named like its own city such as 620201 嘉峪关市); never a resolver result.
 */
export type DivisionKind = 'admin' | 'functional-zone' | 'pseudo';

/** One (code, name) of the gazetteer, valid from `first` to `last` (null: still current). */
export interface DivisionRow {
  /** 6 digits (province, city, county) or 9 digits (town). */
  code: string;
  name: string;
  level: DivisionLevel;
  /** Nearest non-pseudo ancestor's code (null for provinces). */
  parent: string | null;
  kind: DivisionKind;
  /** First snapshot year in which the unit appears (a lower bound when it is the level's first snapshot). */
  first: number;
  /** Last snapshot year in which it appears; null when it is in the latest snapshot. */
  last: number | null;
}

export type LineageRelation = 'renamed' | 'recoded' | 'merged' | 'split';

/** `from` stopped existing after `year - 1`; `to` carries (part of) it from `year`. */
export interface LineageRow {
  year: number;
  fromCode: string;
  fromName: string;
  toCode: string;
  toName: string;
  relation: LineageRelation;
  /** How the link was derived: `same-code`, `same-name`, `towns k/n` (k of the n towns moved there). */
  evidence: string;
}

export interface OverrideRow {
  issuer: string;
  code: string;
  note: string;
}

/** data/gazetteer/meta.json */
export interface GazetteerMeta {
  /** Latest snapshot year: a unit present in it has `last` = null. */
  latestYear: number;
  /**
   * First year covered per level, and for functional zones, which the first snapshots omit: a
   * unit whose `first` is its floor may be older than that.
   */
  floors: { county: number; town: number; countyFunctionalZone: number; townFunctionalZone: number };
  snapshots: { year: number; source: string; version: string; cutoff: string | null }[];
  counts: Record<string, number>;
}

export type ResolveFlag =
  /** Several candidates remain; `code` is null and `candidates` lists them. */
  | 'ambiguous'
  /** The unit no longer exists in the latest snapshot; `successors` (from the lineage) where known. */
  | 'historical'
  /** The unit is not attested in the report's year (outside first..last). */
  | 'out-of-year'
  /** The issuer is, or belongs to, a development zone (or the resolved unit is one). */
  | 'functional-zone'
  /** A vertically managed agency (tax, customs, statistics survey teams…): located in, not part of, the government. */
  | 'vertical-agency'
  /** 人民政府办公室/办公厅: treated as the government itself. */
  | 'government-office'
  /** Two names of one body (…人民政府 + …管委会): treated as the government. */
  | 'joint-name'
  /** Settled by the overrides file. */
  | 'override'
  /**
   * The report is a department's (它自称“我局”) but names no department: `department` is
   * UNNAMED_DEPARTMENT, a body of its own under the division, never the division's government.
   */
  | 'unnamed-department'
  /** Settled (or narrowed) by names in the context, not by the issuer alone. */
  | 'context'
  /** Town data for some provinces was not loaded: a town may have been missed. */
  | 'towns-partial'
  /**
   * A town or street (or, written with its 人民政府, a county-level unit) named under a resolved
   * unit but not in the gazetteer (set up after the latest snapshot, or renamed): `code` is null,
   * `name` is the name as written, `chain` ends at the resolved parent.
   */
  | 'unlisted';

export interface ChainLink {
  code: string;
  name: string;
  level: DivisionLevel;
}

export interface Candidate extends ChainLink {
  chain: ChainLink[];
}

export { UNNAMED_DEPARTMENT } from '../parse/extract/body-words';

export interface ResolvedIssuer {
  /** Division code (6 or 9 digits) of the issuer's government; null when ambiguous, unlisted or unresolved. */
  code: string | null;
  name: string | null;
  /** The facts level: a division level, or `department` when a department part was split off. */
  level: DivisionLevel | 'department' | null;
  /** Level of the division `code` names. */
  divisionLevel: DivisionLevel | null;
  /** Province first, down to the unit; pseudo units skipped. */
  chain: ChainLink[];
  /**
   * The department part (抚顺市行政审批服务局 → 行政审批服务局), null for a government itself;
   * UNNAMED_DEPARTMENT for a department's report that names no department.
   */
  department: string | null;
  /** 0–1; 0 when unresolved or ambiguous. */
  confidence: number;
  flags: ResolveFlag[];
  /** When ambiguous: every remaining candidate (at most 100), by code. */
  candidates?: Candidate[];
  /** When historical: the lineage successors. */
  successors?: { code: string; name: string; relation: LineageRelation; year: number }[];
}

export interface ResolveInput {
  issuer: string;
  context?: {
    title?: string;
    firstLines?: string;
    /** The reporting year. */
    year?: number | null;
  };
}
