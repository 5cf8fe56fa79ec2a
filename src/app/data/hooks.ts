import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Table } from 'apache-arrow';
import type { BuiltQuery } from '../../db/sql';
import { useDataset } from './dataset';
import { useLayerKey } from '../user/UserLayer';
import { useCorrections } from '../user/corrections-context';

export interface SqlResult {
  table: Table;
  elapsedMs: number;
}

/**
 * Runs a built query in the worker. The dataset version is part of the key, so a new dataset never
 * shows cached rows; so is the corrections' version, and queries wait for the stored corrections,
 * and, under the user's reports alone, for their layer (the worker would answer from the dataset).
 */
export function useSql(query: BuiltQuery | null) {
  const { client, info } = useDataset();
  // The user's imported layer and the URL's `layer` are part of the key too; so is the corrections' version.
  const layer = useLayerKey();
  const corrections = useCorrections();
  return useQuery<SqlResult, Error>({
    queryKey: ['sql', info?.datasetVersion ?? null, layer.key, corrections.version, query?.name ?? null, query?.sql ?? null, query?.params ?? null],
    queryFn: () => client!.query({ sql: query!.sql, params: query!.params, tables: query!.tables, provinces: query!.provinces, years: query!.years, preaggregated: query!.preaggregated, layer: layer.mode }),
    enabled: Boolean(client && info && query && corrections.ready && !layer.waiting),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}
