// The bodies the URL names (`e`): their keys and display names, from one lookup in the engine.
import { useMemo } from 'react';
import { lookupBodies, NAME_KEY_PREFIX } from '../../db/sql';
import { listedBodies, resolveEntities, type BodyMatch, type Notice } from '../state/url-state';
import { distinctNames } from '../views/common';
import { useSql } from './hooks';
import { tableRows } from './rows';

export interface Bodies {
  /** A body's name for display; never its raw key (a placeholder until the lookup has answered). */
  nameOf: (key: string) => string;
  /** The `e` values resolved to keys, once the lookup has answered. */
  resolved: { entities: string[]; notices: Notice[] } | null;
  /** The lookup failed (the views go on with the values as they are). */
  failed: boolean;
}

export function useBodies(values: readonly string[], pending: string): Bodies {
  // Keyed by the values' text, so a new array holding the same values asks nothing new.
  const key = JSON.stringify(values);
  const query = useMemo(() => {
    const list = JSON.parse(key) as string[];
    // A value listing bodies with commas (`e=A,B`) is looked up whole and each listed body too.
    return list.length === 0 ? null : lookupBodies([...new Set(list.flatMap((v) => [v, ...listedBodies(v)]))]);
  }, [key]);
  const result = useSql(query);
  return useMemo(() => {
    const rows = result.data && query && !result.isPlaceholderData ? tableRows(result.data.table) : null;
    const matches: BodyMatch[] = (rows ?? []).map((r) => ({ value: String(r.value), key: String(r.key) }));
    const names = new Map((rows ?? []).map((r) => [String(r.key), String(r.name)]));
    const labels = distinctNames(values.map((v) => matches.find((m) => m.value === v)?.key ?? v), names);
    return {
      nameOf: (key: string) => labels.get(key) ?? names.get(key) ?? (key.startsWith(NAME_KEY_PREFIX) ? key.slice(NAME_KEY_PREFIX.length) : pending),
      resolved: values.length === 0 ? { entities: [], notices: [] } : rows ? resolveEntities(values, matches) : null,
      failed: Boolean(result.error),
    };
  }, [result.data, result.isPlaceholderData, result.error, query, pending, values]);
}
