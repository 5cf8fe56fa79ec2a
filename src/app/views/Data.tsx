import { useMemo } from 'react';
import { downloadBlob, safeFileName } from '../../charts';
import { factsRows, type BuiltQuery } from '../../db/sql';
import { tableToParquet } from '../../shared/parquet';
import { useSql } from '../data/hooks';
import { columnNames, tableRows, type Row } from '../data/rows';
import { CHART_VIEWS, type ChartView } from '../state/url-state';
import { viewYear, type ViewProps } from './common';
import { benchmarkQuery } from './Benchmark';
import { compareQuery } from './Compare';
import { coverageQuery } from './Coverage';
import { mapQuery } from './MapView';
import { reconcileQuery } from './Reconcile';
import { useDataset } from '../data/dataset';
import { useLayerRows, useShownVersion } from '../user/UserLayer';
import { downloadName } from '../data/download-name';
import { downloadCsv, downloadZip, type TidyColumn } from '../data/tidy';
import { markPooled, pooledParquetColumns } from '../data/pooled';
import { countMetric } from '../i18n/metric-labels';
import { columnHeads } from '../i18n/column-labels';
import { codeLabel } from '../i18n/code-labels';
import { outcomesQuery } from './Outcomes';
import { viewLabel } from './registry';
import { reviewQuery } from './Review';
import { useCorrections } from '../user/corrections-context';
import { correctedRows } from '../user/corrections-in-rows';

const SHOWN = 500;

/** The query whose rows stand behind a chart view (overview: every report's facts and metrics). */
export function dataQuery(props: Pick<ViewProps, 'state'> & Partial<Pick<ViewProps, 'date'>>, of: ChartView, yearBounds?: [number, number] | null): BuiltQuery | null {
  const year = viewYear(props.state, yearBounds);
  if (of === 'benchmark') return benchmarkQuery(props.state, year);
  if (of === 'reconcile') return reconcileQuery(props.state, year);
  if (of === 'coverage') return coverageQuery(props.state, year, props.date);
  if (of === 'map') return mapQuery(props.state, year);
  if (of === 'compare') return compareQuery(props.state);
  if (of === 'outcomes') return outcomesQuery(props.state);
  if (of === 'review') return reviewQuery(props.state);
  return factsRows(props.state.years ?? undefined);
}

/** The metric of a view's `value` column, if its rows have one. */
export function valueMetricOf(of: ChartView, metric: string): string | null {
  if (of === 'benchmark') return metric;
  return of === 'compare' || of === 'map' || of === 'reconcile' ? countMetric(metric) : null;
}

const ONE_YEAR_VIEWS: readonly ChartView[] = ['benchmark', 'reconcile', 'coverage', 'map'];

export function Data(props: ViewProps) {
  const { t, locale, state, update } = props;
  const { summary, info } = useDataset();
  const { date } = props;
  const query = useMemo(() => dataQuery({ state, date }, state.of, summary?.years), [state, date, summary?.years]);
  const result = useSql(query);
  const { applied } = useCorrections();
  const table = result.data?.table;
  const columns = table ? columnNames(table) : [];
  // Only the rows shown become objects; downloads convert the whole table when asked.
  const shown = useMemo(() => (table ? tableRows(table, SHOWN) : []), [table]);
  const total = table?.numRows ?? 0;
  const correctedCount = useMemo(() => (table && applied.length > 0 ? correctedRows(columnNames(table), tableRows(table), applied).count : 0), [table, applied]);
  // Under the user's reports alone, their layer's version.
  const datasetVersion = useShownVersion(info?.datasetVersion ?? summary?.dataset_version ?? null);
  const layerRows = useLayerRows();
  const name = downloadName(state.of, state, viewYear(state, summary?.years), datasetVersion);
  // A view of one year (benchmark, reconciliation, coverage, map) has rows without a year: the downloads (CSV, zip, Parquet) say which.
  const oneYear = ONE_YEAR_VIEWS.includes(state.of) ? viewYear(state, summary?.years) : null;
  const yearColumns = oneYear !== null && !columns.includes('year') ? ['year', ...columns] : columns;
  const withYear = yearColumns !== columns;
  // Pooled rows (every own report summed) say so in `scope`, and a sum has no one report_id.
  const pooledOf = (rows: Row[]) => markPooled(yearColumns, withYear ? rows.map((r) => ({ year: oneYear, ...r })) : rows);
  const heads = columnHeads(columns, valueMetricOf(state.of, state.metric), locale);
  const tidyOptions = (notApplicable: TidyColumn[]) => ({ valueMetric: valueMetricOf(state.of, state.metric), datasetVersion, locale, applied, notApplicable, layerRows });
  const csv = () => {
    if (!table) return;
    const out = pooledOf(tableRows(table));
    downloadBlob(new Blob([downloadCsv(out.columns, out.rows, tidyOptions(out.notApplicable))], { type: 'text/csv;charset=utf-8' }), safeFileName(name, 'csv'));
  };
  const zip = () => {
    if (!table) return;
    const date = new Date().toISOString().slice(0, 10);
    const out = pooledOf(tableRows(table));
    downloadBlob(new Blob([downloadZip(name, out.columns, out.rows, { ...tidyOptions(out.notApplicable), date }) as BlobPart], { type: 'application/zip' }), safeFileName(name, 'zip'));
  };
  return (
    <div className="view data">
      <div className="controls">
        <label>
          {t('data.of')}
          <select data-testid="data-of" value={state.of} onChange={(e) => update({ of: e.target.value as ChartView })}>
            {CHART_VIEWS.map((v) => <option key={v} value={v}>{viewLabel(v, locale)}</option>)}
          </select>
        </label>
        <button type="button" data-testid="download-csv" disabled={!table} onClick={csv}>{t('exportCsv')}</button>
        <button type="button" data-testid="download-zip" disabled={!table} title={t('exportZipTitle')} onClick={zip}>{t('exportZip')}</button>
        <button type="button" data-testid="download-parquet" disabled={!table} onClick={() => table && downloadBlob(new Blob([tableToParquet(table, withYear ? { year: oneYear as number } : {}, pooledParquetColumns(table)) as BlobPart], { type: 'application/vnd.apache.parquet' }), safeFileName(name, 'parquet'))}>{t('exportParquet')}</button>
        <span data-testid="row-count">{t('data.rows', { n: total })}</span>
      </div>
      {query === null ? <p className="hint">{['benchmark', 'reconcile', 'coverage'].includes(state.of) ? t('tree.none') : t('picker.none')}</p> : null}
      {result.error ? <p className="error" role="alert">{result.error.message}</p> : null}
      {total > SHOWN ? <p className="note">{t('data.truncated', { n: SHOWN })}</p> : null}
      {correctedCount > 0 ? <p className="corrections-note" data-testid="corrections-data">{t('corrections.chartNote', { n: correctedCount })}</p> : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={name}>
        <table data-testid="data-table">
          <thead>
            <tr>
              {heads.map((h) => (
                <th key={h.column} data-column={h.column} title={h.id}>
                  {h.label}
                  {h.label !== h.id ? <span className="col-id">{h.id}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) => (
              <tr key={i}>
                {columns.map((c) => {
                  const label = codeLabel(t, c, r[c]);
                  return label === null ? <td key={c}>{r[c] === null ? '' : String(r[c])}</td> : <td key={c} data-code={String(r[c])} title={String(r[c])}>{label}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
