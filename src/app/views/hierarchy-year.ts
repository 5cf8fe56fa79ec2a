import { useMemo } from 'react';
import { benchmarkLatestYear, latestYearBelow } from '../../db/sql';
import { useDataset } from '../data/dataset';
import { useSql } from '../data/hooks';
import { tableRows } from '../data/rows';
import type { ViewState } from '../state/url-state';
import { num, viewYear } from './common';

/**
 * The year of a hierarchy view: the URL's; else, with a parent chosen, the latest year that has
 * reports at or below it (null while that is being asked, so no query runs for a year it lacks);
 * else the dataset's latest.
 */
export function useHierarchyYear(state: Pick<ViewState, 'year' | 'parent'>): number | null {
  const { summary } = useDataset();
  const query = useMemo(() => (state.year === null && state.parent ? latestYearBelow({ parent: state.parent }) : null), [state.year, state.parent]);
  const result = useSql(query);
  if (state.year !== null || !state.parent) return viewYear(state, summary?.years);
  if (result.error) return viewYear(state, summary?.years);
  if (!result.data) return null;
  return num(tableRows(result.data.table)[0]?.year) ?? viewYear(state, summary?.years);
}

/**
 * Benchmark's year: the URL's, kept as asked (a year with nothing to draw says so); else, with a
 * parent chosen, the latest year in which some child states the chosen metric on the chosen scope
 * (null while that is being asked); else, and when no child ever states it, the hierarchy views'.
 */
export function useBenchmarkYear(state: Pick<ViewState, 'year' | 'parent' | 'metric' | 'scope'>): number | null {
  const fallback = useHierarchyYear(state);
  const query = useMemo(
    () => (state.year === null && state.parent ? benchmarkLatestYear({ parent: state.parent, metric: state.metric, scope: state.scope }) : null),
    [state.year, state.parent, state.metric, state.scope],
  );
  const result = useSql(query);
  if (!query || result.error) return fallback;
  if (!result.data) return null;
  return num(tableRows(result.data.table)[0]?.year) ?? fallback;
}
