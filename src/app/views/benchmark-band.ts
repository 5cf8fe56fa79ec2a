// Whether the benchmark draws its peer group's median and P25–P75 band. Pure: no React, so tests
// in Node read the same rule the view uses.
import type { Quartiles } from '../../charts/ranked';
import { MIN_SPREAD_PEERS } from '../../db/sql';
import type { Row } from '../data/rows';
import { num } from './common';


/**
 * The quartiles to draw: only when every child is ranked in one peer group of at least
 * MIN_SPREAD_PEERS. `fewPeers` is that group's size when it is smaller (then none are drawn).
 */
export function sharedQuartiles(rows: readonly Row[]): { quartiles: Quartiles | null; fewPeers: number | null } {
  const none = { quartiles: null, fewPeers: null };
  const groups = new Set(rows.filter((r) => num(r.value) !== null).map((r) => String(r.peer_group)));
  if (groups.size !== 1) return none;
  const first = rows.find((r) => num(r.value) !== null && num(r.p25) !== null);
  if (!first) return none;
  const peers = num(first.peers);
  if (peers !== null && peers < MIN_SPREAD_PEERS) return { quartiles: null, fewPeers: peers };
  const [p25, p50, p75] = [num(first.p25), num(first.p50), num(first.p75)];
  return { quartiles: p25 !== null && p50 !== null && p75 !== null ? { p25, p50, p75 } : null, fewPeers: null };
}

export interface PeerGroupSize {
  /** 'parent', or the division level whose peers the group holds. */
  group: string;
  peers: number;
  /** Rates: the group's Σ numerators ÷ Σ denominators. */
  pooled: number | null;
}

/** The peer groups of the ranked children (those with a value), in rank order of first appearance, each with its size. */
export function peerGroupsOf(rows: readonly Row[]): PeerGroupSize[] {
  const groups = new Map<string, PeerGroupSize>();
  for (const r of rows) {
    const group = String(r.peer_group);
    if (num(r.value) === null || groups.has(group)) continue;
    groups.set(group, { group, peers: num(r.peers) ?? 0, pooled: num(r.peer_pooled) });
  }
  return [...groups.values()];
}
