import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BENCHMARK_METRICS, countMetric, PICKABLE_METRICS, RATE_LABELS } from '../../../src/app/i18n/metric-labels';
import { distinctNames } from '../../../src/app/views/common';
import { DEFAULT_STATE, embeddedChart, listedBodies, MAX_ENTITIES, parseViewState, VIEW_CHARTS, resolveEntities, serialiseViewState, similarMinFor } from '../../../src/app/state/url-state';
import { bodyKey, isBodyKey, RATE_METRICS } from '../../../src/db/sql';

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

  it("names a chart of the view: kept when it is one of the view's, noticed otherwise, dropped on another view", () => {
    const trends = parseViewState('?chart=trends&embed=1');
    expect(trends.state).toMatchObject({ view: 'overview', chart: 'trends', embed: true });
    expect(embeddedChart(trends.state)).toBe('trends');
    expect(serialiseViewState(trends.state)).toBe('?chart=trends&embed=1');
    const wrong = parseViewState('?view=compare&chart=trends');
    expect(wrong.state.chart).toBeNull();
    expect(wrong.notices).toEqual([{ param: 'chart', value: 'trends', reason: 'unknown-value' }]);
    expect(embeddedChart(wrong.state)).toBe('compare');
    expect(serialiseViewState({ ...trends.state, view: 'compare' })).toBe('?view=compare&embed=1');
    for (const [view, charts] of Object.entries(VIEW_CHARTS)) expect(new Set(charts).size, view).toBe(charts.length);
  });

  it('orders a reversed year range and caps the number of entities', () => {
    const many = Array.from({ length: 14 }, (_, i) => `e=${i}`).join('&');
    const { state, notices } = parseViewState(`?from=2022&to=2015&${many}&e=3`);
    expect(state.years).toEqual([2015, 2022]);
    expect(state.entities).toHaveLength(12);
    expect(notices.filter((n) => n.reason === 'too-many')).toHaveLength(2);
    expect(notices.filter((n) => n.reason === 'duplicate')).toHaveLength(1);
  });

  it('round-trips the hierarchy parameters: parent, year, peer and a rate metric', () => {
    const state = { ...DEFAULT_STATE, view: 'benchmark' as const, parent: '440100', year: 2020, peer: 'province-level' as const, metric: 'rate.granted' };
    const search = serialiseViewState(state);
    expect(search).toBe('?view=benchmark&metric=rate.granted&parent=440100&year=2020&peer=province-level');
    expect(parseViewState(search)).toEqual({ state, notices: [] });
    // Defaults are omitted.
    expect(serialiseViewState({ ...DEFAULT_STATE, view: 'coverage', peer: 'parent', year: null, parent: null })).toBe('?view=coverage');
    for (const view of ['benchmark', 'reconcile', 'coverage', 'map'] as const) expect(parseViewState(`?view=${view}`).state.view).toBe(view);
  });

  it('drops an invalid parent, year or peer with a notice and keeps the default', () => {
    const { state, notices } = parseViewState('?view=coverage&parent=4401&year=20x0&peer=world');
    expect(state).toEqual({ ...DEFAULT_STATE, view: 'coverage' });
    expect(notices.map((n) => `${n.param}:${n.reason}`).sort()).toEqual(['parent:not-a-code', 'peer:unknown-value', 'year:not-a-year']);
    for (const bad of ['44010A', '4401000', "440100' OR 1=1", '', '１２３４５６']) {
      const parsed = parseViewState(`?parent=${encodeURIComponent(bad)}`);
      expect(parsed.state.parent).toBeNull();
      expect(parsed.notices).toHaveLength(1);
    }
    expect(parseViewState('?year=1999').state.year).toBeNull();
    expect(parseViewState('?year=2101').notices[0]).toMatchObject({ param: 'year', reason: 'not-a-year' });
    expect(parseViewState('?metric=rate.nope').notices[0]).toMatchObject({ param: 'metric', reason: 'unknown-value' });
  });

  it('parses any query string into a state that serialises and parses back to itself', () => {
    fc.assert(
      fc.property(fc.string(), (search) => {
        const { state } = parseViewState(search);
        if (state.parent !== null) expect(state.parent).toMatch(/^\d{6}$/);
        expect(parseViewState(serialiseViewState(state)).state).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the similar view in the URL (a pair is a link)', () => {
  const a = 'gen/64/2019/640100-gov-2019.txt';
  const b = 'gen/64/2020/640100-gov-2020.txt';

  it('round-trips the threshold and the pair, both report ids in order', () => {
    const state = { ...DEFAULT_STATE, view: 'similar' as const, parent: '640100', year: 2020, similarMin: 0.6, pair: [a, b] as [string, string] };
    const search = serialiseViewState(state);
    expect(search).toBe(`?view=similar&parent=640100&year=2020&min=0.6&pair=${encodeURIComponent(a)}&pair=${encodeURIComponent(b)}`);
    expect(parseViewState(search)).toEqual({ state, notices: [] });
    // The default threshold is not written.
    expect(serialiseViewState({ ...state, similarMin: 0.8, pair: null })).toBe('?view=similar&parent=640100&year=2020');
  });

  it('refuses a threshold not offered and a pair that is not two ordered report ids, with a notice each', () => {
    const bad = (search: string) => parseViewState(`?view=similar&${search}`);
    for (const min of ['0.55', '1', '-0.5', 'abc', '0.8;DROP']) {
      expect(bad(`min=${encodeURIComponent(min)}`)).toEqual({ state: { ...DEFAULT_STATE, view: 'similar' }, notices: [{ param: 'min', value: min, reason: 'unknown-value' }] });
    }
    for (const pair of [[a], [a, b, 'x'], [b, a], [a, a], [a, ' ']]) {
      const { state, notices } = bad(pair.map((id) => `pair=${encodeURIComponent(id)}`).join('&'));
      expect(state.pair).toBeNull();
      expect(notices.map((n) => `${n.param}:${n.reason}`)).toEqual(['pair:unknown-value']);
    }
  });

  it('reads and writes them only on the similar view', () => {
    const search = `?view=benchmark&min=0.6&pair=${encodeURIComponent(a)}&pair=${encodeURIComponent(b)}`;
    expect(parseViewState(search)).toEqual({ state: { ...DEFAULT_STATE, view: 'benchmark' }, notices: [] });
    expect(serialiseViewState({ ...DEFAULT_STATE, view: 'benchmark', similarMin: 0.6, pair: [a, b] })).toBe('?view=benchmark');
  });

  it("links a benchmark copy score to the highest threshold it reaches", () => {
    expect([0, 0.49, 0.5, 0.62, 0.8, 0.85, 0.9, 1].map(similarMinFor)).toEqual([0.5, 0.5, 0.5, 0.6, 0.8, 0.8, 0.9, 0.9]);
  });
});

describe('body keys in the URL', () => {
  it('round-trips body keys: a government, a department, a town and an unresolved printed name', () => {
    const entities = ['440105', '440100/公安局', '440105003', 'name:白云区政府'];
    const state = { ...DEFAULT_STATE, view: 'compare' as const, entities };
    const search = serialiseViewState(state);
    expect(search).toBe(`?view=compare&${entities.map((e) => `e=${encodeURIComponent(e).replace(/%20/g, '+')}`).join('&')}`);
    expect(parseViewState(search)).toEqual({ state, notices: [] });
  });

  it('makes keys as the SQL does and tells them from printed names', () => {
    expect(bodyKey({ division_code: '440105', department: null, issuer: '海珠区人民政府' })).toBe('440105');
    expect(bodyKey({ division_code: '440100', department: '公安局', issuer: '广州市公安局' })).toBe('440100/公安局');
    expect(bodyKey({ division_code: '440100', department: '', issuer: '广州市人民政府办公厅' })).toBe('440100');
    expect(bodyKey({ division_code: null, department: null, issuer: '白云区政府' })).toBe('name:白云区政府');
    expect(bodyKey({ division_code: null, department: null, issuer: null })).toBeNull();
    for (const key of ['440105', '440100/公安局', '440105003', 'name:白云区政府']) expect(isBodyKey(key)).toBe(true);
    for (const name of ['海珠区人民政府', '广州市', '4401', '440105/', 'name:', '１２３４５６']) expect(isBodyKey(name)).toBe(false);
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}(\d{3})?$/), fc.option(fc.string({ minLength: 1 })), fc.string({ minLength: 1 }), (code, department, issuer) => {
        expect(isBodyKey(bodyKey({ division_code: code, department, issuer })!)).toBe(true);
        expect(isBodyKey(bodyKey({ division_code: null, department, issuer })!)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("resolves an old link's printed names to their bodies, keeps keys, and drops what names no body", () => {
    const values = ['海珠区人民政府', '440100/公安局', '广州市海珠区人民政府', '不存在的机关', 'name:白云区政府'];
    // Rows as lookupBodies returns them: a value's best match first.
    const matches = [
      { value: '440100/公安局', key: '440100/公安局' },
      { value: '广州市海珠区人民政府', key: '440105' },
      { value: 'name:白云区政府', key: 'name:白云区政府' },
      { value: '海珠区人民政府', key: '440105' },
      { value: '海珠区人民政府', key: '440199' },
    ];
    expect(resolveEntities(values, matches)).toEqual({
      entities: ['440105', '440100/公安局', 'name:白云区政府'],
      notices: [
        { param: 'e', value: '广州市海珠区人民政府', reason: 'duplicate' },
        { param: 'e', value: '不存在的机关', reason: 'unknown-body' },
      ],
    });
    expect(resolveEntities([], [])).toEqual({ entities: [], notices: [] });
  });

  it('a value listing bodies with commas (e=A,B) stands for each when every one names a body; a whole match wins', () => {
    const matches = [
      { value: '440105', key: '440105' },
      { value: '440100/公安局', key: '440100/公安局' },
      { value: 'name:甲,乙', key: 'name:甲,乙' },
      { value: 'name:甲', key: 'name:甲' },
    ];
    expect(resolveEntities(['440105,440100/公安局', 'name:甲,乙', '440105, 不存在'], matches)).toEqual({
      entities: ['440105', '440100/公安局', 'name:甲,乙'],
      notices: [{ param: 'e', value: '440105, 不存在', reason: 'unknown-body' }],
    });
    expect(listedBodies('440105, 440106,')).toEqual(['440105', '440106']);
    expect(listedBodies('440105')).toEqual([]);
    const thirteen = Array.from({ length: MAX_ENTITIES + 1 }, (_, i) => String(440101 + i));
    const listed = resolveEntities([thirteen.join(',')], thirteen.map((c) => ({ value: c, key: c })));
    expect(listed.entities).toEqual(thirteen.slice(0, MAX_ENTITIES));
    expect(listed.notices.map((n) => n.reason)).toEqual(['too-many']);
  });

  it('resolving what it resolved changes nothing (keys are their own matches)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^\d{6}$/), { maxLength: 12 }), (codes) => {
        const first = resolveEntities(codes, codes.map((c) => ({ value: c, key: c })));
        const again = resolveEntities(first.entities, first.entities.map((c) => ({ value: c, key: c })));
        expect(again).toEqual({ entities: first.entities, notices: [] });
        expect(new Set(first.entities).size).toBe(first.entities.length);
      }),
    );
  });

  it('numbers a name two chosen bodies share, so their series never merge', () => {
    const names = new Map([['440111', '白云区'], ['name:白云区', '白云区'], ['440105', '广州市海珠区']]);
    expect([...distinctNames(['440111', '440105', 'name:白云区', 'missing'], names)]).toEqual([
      ['440111', '白云区'],
      ['440105', '广州市海珠区'],
      ['name:白云区', '白云区 (2)'],
    ]);
  });
});

describe('metric lists', () => {
  it('offers exactly the named rates of the SQL layer, and sums only counts', () => {
    expect(Object.keys(RATE_LABELS).sort()).toEqual(Object.keys(RATE_METRICS).sort());
    expect(BENCHMARK_METRICS).toEqual([...PICKABLE_METRICS, ...Object.keys(RATE_METRICS)]);
    expect(countMetric('rate.granted')).toBe('r.new.total');
    expect(countMetric('rv.total')).toBe('rv.total');
  });

  it('fuzzes parent and year params', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (parent, year) => {
        const { state, notices } = parseViewState(`?${new URLSearchParams({ parent, year }).toString()}`);
        expect(state.parent === null || /^\d{6}$/.test(state.parent)).toBe(true);
        expect(state.year === null || (Number.isInteger(state.year) && state.year >= 2000 && state.year <= 2100)).toBe(true);
        expect(notices.length).toBe((state.parent === null ? 1 : 0) + (state.year === null ? 1 : 0));
      }),
      { numRuns: 300 },
    );
  });
});
