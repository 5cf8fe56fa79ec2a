import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseViewState, serialiseViewState } from '../../../src/app/state/url-state';

describe('URL state', () => {
  it('omits every default: the default state is the bare URL', () => {
    expect(serialiseViewState(DEFAULT_STATE)).toBe('');
    expect(parseViewState('').state).toEqual(DEFAULT_STATE);
  });

  it('round-trips a full state in a fixed parameter order', () => {
    const state = { ...DEFAULT_STATE, view: 'compare' as const, lang: 'en' as const, entities: ['广州市人民政府', '海珠区 & 番禺区'], metric: 'rv.total', years: [2015, 2022] as [number, number] };
    const search = serialiseViewState(state);
    expect(search).toBe('?view=compare&lang=en&e=%E5%B9%BF%E5%B7%9E%E5%B8%82%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C&e=%E6%B5%B7%E7%8F%A0%E5%8C%BA+%26+%E7%95%AA%E7%A6%BA%E5%8C%BA&metric=rv.total&from=2015&to=2022');
    expect(parseViewState(search)).toEqual({ state, notices: [] });
  });

  it('falls back with a notice for each invalid parameter, never throws', () => {
    const { state, notices } = parseViewState('?view=nope&metric=year%3B%20DROP%20TABLE&from=abc&to=2020&lang=fr&embed=yes');
    expect(state).toEqual({ ...DEFAULT_STATE, years: [2020, 2020] });
    expect(notices.map((n) => `${n.param}:${n.reason}`).sort()).toEqual(['embed:unknown-value', 'from:not-a-year', 'lang:unknown-value', 'metric:unknown-value', 'view:unknown-value']);
  });

  it('orders a reversed year range and caps the number of entities', () => {
    const many = Array.from({ length: 14 }, (_, i) => `e=${i}`).join('&');
    const { state, notices } = parseViewState(`?from=2022&to=2015&${many}&e=3`);
    expect(state.years).toEqual([2015, 2022]);
    expect(state.entities).toHaveLength(12);
    expect(notices.filter((n) => n.reason === 'too-many')).toHaveLength(2);
    expect(notices.filter((n) => n.reason === 'duplicate')).toHaveLength(1);
  });

  it('parses any query string into a state that serialises and parses back to itself', () => {
    fc.assert(
      fc.property(fc.string(), (search) => {
        const { state } = parseViewState(search);
        expect(parseViewState(serialiseViewState(state)).state).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });
});
