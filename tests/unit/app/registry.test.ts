// The views are declared once (src/app/views/registry.ts); the URL state, validation, nav labels and
// methods links read that list.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/app/i18n/messages';
import { checkAgainstDataset } from '../../../src/app/state/validate';
import { CHART_VIEWS, DEFAULT_STATE, parseViewState, serialiseViewState, VIEW_CHARTS, VIEWS } from '../../../src/app/state/url-state';
import { METHOD_PARTS } from '../../../src/app/views/methods-parts';
import { chartMethod, VIEW_REGISTRY, viewReads } from '../../../src/app/views/registry';

describe('view registry', () => {
  it('is the one list of views, charts and labels', () => {
    expect(VIEWS).toEqual(VIEW_REGISTRY.map((v) => v.id));
    expect(new Set(VIEWS).size).toBe(VIEWS.length);
    for (const v of VIEW_REGISTRY) {
      expect(VIEW_CHARTS[v.id]).toEqual(v.charts.map((c) => c.id));
      expect(translator('zh')(`view.${v.id}`)).toBe(v.label.zh);
      expect(translator('en')(`view.${v.id}`)).toBe(v.label.en);
    }
    expect(CHART_VIEWS).toEqual(['overview', 'compare', 'outcomes', 'review', 'benchmark', 'reconcile', 'coverage', 'map']);
    const charts = VIEW_REGISTRY.flatMap((v) => v.charts.map((c) => c.id));
    expect(new Set(charts).size).toBe(charts.length);
    for (const id of charts) expect(METHOD_PARTS).toContain(chartMethod(id));
  });

  it('parses and writes scale and index only for the views that declare them', () => {
    const compare = parseViewState('?view=compare&e=440105&scale=log&index=1');
    expect(compare.notices).toEqual([]);
    expect(compare.state).toMatchObject({ scale: 'log', index: true });
    expect(serialiseViewState(compare.state)).toBe('?view=compare&e=440105&scale=log&index=1');
    expect(parseViewState('?view=benchmark&parent=440100&scale=log').state.scale).toBe('log');
    // A view that does not read them: not part of its state, not written.
    const review = parseViewState('?view=review&scale=log&index=1');
    expect(review.state).toMatchObject({ scale: 'linear', index: false });
    expect(serialiseViewState({ ...DEFAULT_STATE, view: 'review', scale: 'log', index: true })).toBe('?view=review');
    expect(viewReads('review', 'scale')).toBe(false);
    // Bad values: a notice each, and the default used.
    const bad = parseViewState('?view=compare&scale=cubic&index=yes');
    expect(bad.state).toMatchObject({ scale: 'linear', index: false });
    expect(bad.notices).toEqual([{ param: 'scale', value: 'cubic', reason: 'unknown-value' }, { param: 'index', value: 'yes', reason: 'unknown-value' }]);
  });

  it('checks metric against what the registry says the view shows', () => {
    const state = { ...DEFAULT_STATE, metric: 'rate.granted' };
    expect(checkAgainstDataset({ ...state, view: 'benchmark' }, [2019]).notices).toEqual([]);
    expect(checkAgainstDataset({ ...state, view: 'compare' }, [2019]).notices).toEqual([{ param: 'metric', value: 'rate.granted', reason: 'unsupported-metric' }]);
    expect(checkAgainstDataset({ ...state, view: 'review' }, [2019]).notices).toEqual([]);
  });
});
