// Whether the benchmark draws its peer group's median and P25–P75 band. Pure: no React, so tests
// in Node read the same rule the view uses.
import type { Quartiles } from '../../charts/ranked';
import type { Row } from '../data/rows';
import { num } from './common';

/**
 * The fewest peers whose median and P25–P75 band are drawn. With 5 values DuckDB's quantile_cont
 * puts P25, P50 and P75 on the 2nd, 3rd and 4th values themselves, three observations strictly
 * inside the range; with fewer, the median of one is that peer and the "band" is an interpolation
 * between one or two values and the extremes, which shows no spread.
 */
export const MIN_BAND_PEERS = 5;

/**
 * The quartiles to draw: only when every child is ranked in one peer group of at least
 * MIN_BAND_PEERS. `fewPeers` is that group's size when it is smaller (then none are drawn).
 */
export function sharedQuartiles(rows: readonly Row[]): { quartiles: Quartiles | null; fewPeers: number | null } {
  const none = { quartiles: null, fewPeers: null };
  const groups = new Set(rows.filter((r) => num(r.value) !== null).map((r) => String(r.peer_group)));
  if (groups.size !== 1) return none;
  const first = rows.find((r) => num(r.value) !== null && num(r.p25) !== null);
  if (!first) return none;
  const peers = num(first.peers);
  if (peers !== null && peers < MIN_BAND_PEERS) return { quartiles: null, fewPeers: peers };
  const [p25, p50, p75] = [num(first.p25), num(first.p50), num(first.p75)];
  return { quartiles: p25 !== null && p50 !== null && p75 !== null ? { p25, p50, p75 } : null, fewPeers: null };
}

/**
 * The rows as the view shows them: in a peer group of fewer than MIN_BAND_PEERS the IQR fences
 * rest on the same one to four values as the band, so no unit is called an outlier there. Its
 * `outlier` becomes null (not tested), not false (tested and inside the fences); larger groups
 * keep the stored flag.
 */
export function withPeerOutliers<R extends Row>(rows: readonly R[]): R[] {
  return rows.map((r) => {
    const peers = num(r.peers);
    return peers !== null && peers < MIN_BAND_PEERS && r.outlier !== null && r.outlier !== undefined ? { ...r, outlier: null } : r;
  });
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
