import { useMemo } from 'react';
import { latestYearBelow } from '../../db/sql';
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
