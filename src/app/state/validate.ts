// The URL's state checked against the dataset and the view: years the dataset has, metrics the view
// can show. Pure: the shell applies the patch (a correction of the URL, not a step in history) and
// shows the notices, so the controls always show the state actually used.
import { BENCHMARK_METRICS, PICKABLE_METRICS } from '../i18n/metric-labels';
import { viewDecl } from '../views/registry';
import { DEFAULT_STATE, type Notice, type View, type ViewState } from './url-state';

/** The metrics a view can show (its registry entry says which); null: the view does not use `metric`. */
const viewMetrics = (view: View): readonly string[] | null => {
  const kind = viewDecl(view).metrics;
  return kind === 'counts' ? PICKABLE_METRICS : kind === 'counts-and-rates' ? BENCHMARK_METRICS : null;
};

export function checkAgainstDataset(state: ViewState, years: readonly number[]): { patch: Partial<ViewState>; notices: Notice[] } {
  const patch: Partial<ViewState> = {};
  const notices: Notice[] = [];
  if (years.length > 0) {
    const first = years[0];
    const last = years[years.length - 1];
    if (state.years) {
      const [from, to] = state.years;
      if (from < first) notices.push({ param: 'from', value: String(from), reason: 'out-of-range' });
      if (to > last) notices.push({ param: 'to', value: String(to), reason: 'out-of-range' });
      const lo = Math.max(from, first);
      const hi = Math.min(to, last);
      if (lo > hi || (lo === first && hi === last)) patch.years = null;
      else if (lo !== from || hi !== to) patch.years = [lo, hi];
      if (lo > hi && notices.length === 0) notices.push({ param: 'from', value: String(from), reason: 'out-of-range' });
    }
    if (state.year !== null && !years.includes(state.year)) {
      notices.push({ param: 'year', value: String(state.year), reason: state.year > first && state.year < last ? 'no-reports' : 'out-of-range' });
      patch.year = null;
    }
  }
  const metrics = viewMetrics(state.view);
  if (metrics && !metrics.includes(state.metric)) {
    notices.push({ param: 'metric', value: state.metric, reason: 'unsupported-metric' });
    patch.metric = DEFAULT_STATE.metric;
  }
  return { patch, notices };
}

/** The years a dataset has reports for, ascending, from its summary's counts. */
export const datasetYears = (byYearLevel: readonly { year: number | null }[]): number[] =>
  [...new Set(byYearLevel.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
