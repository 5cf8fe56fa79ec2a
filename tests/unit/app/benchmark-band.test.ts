import { describe, expect, it } from 'vitest';
import { sharedQuartiles } from '../../../src/app/views/benchmark-band';
import { MIN_SPREAD_PEERS } from '../../../src/db/sql';

// A peer group of `n` units stating 10, 20, 30…, with DuckDB's quartiles as benchmarkChildren gives them.
const group = (n: number, p: { p25: number; p50: number; p75: number }) =>
  Array.from({ length: n }, (_, i) => ({ value: 10 * (i + 1), peer_group: '440100', peers: n, ...p }));

describe('sharedQuartiles: a band and median only for a peer group of MIN_SPREAD_PEERS or more', () => {
  it('one peer (广州市 2024): no band, and the group size says why', () => {
    expect(sharedQuartiles(group(1, { p25: 29, p50: 29, p75: 29 }))).toEqual({ quartiles: null, fewPeers: 1 });
  });
  it('one fewer than the minimum: no band', () => {
    expect(sharedQuartiles(group(MIN_SPREAD_PEERS - 1, { p25: 17.5, p50: 25, p75: 32.5 })).quartiles).toBeNull();
  });
  it('the minimum: the band and median drawn', () => {
    expect(sharedQuartiles(group(MIN_SPREAD_PEERS, { p25: 20, p50: 30, p75: 40 }))).toEqual({ quartiles: { p25: 20, p50: 30, p75: 40 }, fewPeers: null });
  });
  it('two peer groups: no band, and no few-peers note (each group has its own quartiles)', () => {
    const rows = [...group(6, { p25: 20, p50: 30, p75: 40 }), { value: 5, peer_group: '440200', peers: 6, p25: 1, p50: 2, p75: 3 }];
    expect(sharedQuartiles(rows)).toEqual({ quartiles: null, fewPeers: null });
  });
});
