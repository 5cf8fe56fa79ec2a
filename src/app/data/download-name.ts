// A download is named after what it holds: the view's rows, their metric, division, years and
// bodies, and the dataset version, so two files never share a name while holding different rows.
import type { ChartView, ViewState } from '../state/url-state';

type Named = Pick<ViewState, 'entities' | 'metric' | 'years' | 'parent' | 'peer' | 'scope' | 'breakdown'>;

/** `chart`: one chart of the view, named when it is not the view's main one (`templates`, `trends`). */
export function downloadName(of: ChartView, state: Named, year: number | null, datasetVersion: string | null, chart?: string): string {
  const years = state.years ? `${state.years[0]}-${state.years[1]}` : null;
  const bodies = state.entities.length === 0 ? 'pooled' : state.entities.length === 1 ? state.entities[0].replaceAll('/', '-') : `${state.entities.length}-bodies`;
  const parts: (string | null)[] = (() => {
    switch (of) {
      case 'overview':
        return ['reports', years];
      case 'compare':
        return ['compare', state.metric, bodies, years];
      case 'outcomes':
        return ['outcomes', state.breakdown, bodies, years];
      case 'review':
        return ['review', bodies, years];
      case 'benchmark':
        return ['benchmark', state.metric, state.parent, year === null ? null : String(year), state.peer, state.scope === 'area' ? 'area' : null];
      case 'reconcile':
        return ['reconcile', state.metric, state.parent, year === null ? null : String(year)];
      case 'coverage':
        return ['coverage', state.parent, year === null ? null : String(year)];
      case 'map':
        return ['map', state.metric, year === null ? null : String(year)];
    }
  })();
  if (chart && chart !== of) parts[0] = chart;
  return ['gongkai', ...parts, datasetVersion ? `v${datasetVersion.slice(0, 8)}` : null].filter((p): p is string => Boolean(p)).join('_');
}
