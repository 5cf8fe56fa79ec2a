import { useMemo } from 'react';
import { formatNumber, formatPercent, rankedBars, rankedBarsHeight } from '../../charts';
import { ChartPanel } from '../components/ChartPanel';
import { benchmarkChildren, reconciliation } from '../../db/sql';
import { useDivisionLabel } from '../components/DivisionTree';
import { useHierarchyYear } from './hierarchy-year';
import { HierarchyLayout } from '../components/HierarchyLayout';
import { MetricSelect } from '../components/MetricSelect';
import { useSql } from '../data/hooks';
import { tableRows, type Row } from '../data/rows';
import { countMetric, metricLabel, metricUnit, PICKABLE_METRICS } from '../i18n/metric-labels';
import type { ViewState } from '../state/url-state';
import { YearSelect } from '../components/YearSelect';
import { childrenPartial, gapIncomplete, reconcileChartRows } from './reconcile-model';
import { chartFileName, chartLinks, makeFrame, num, type ViewProps } from './common';

const MIN_CHART_HEIGHT = 300;
const RECONCILE_EXTRA = ['part', 'label'] as const;
const RECONCILE_COLUMNS = ['body_key', 'body_name', 'year', 'value', 'scope', 'reports', 'report_id', ...RECONCILE_EXTRA];

export function reconcileQuery(state: Pick<ViewState, 'parent' | 'metric'>, year: number | null) {
  return state.parent && year !== null ? reconciliation({ parent: state.parent, year, metric: countMetric(state.metric) }) : null;
}

export function Reconcile(props: ViewProps) {
  const { t, locale, state, update } = props;
  const year = useHierarchyYear(state);
  const metric = countMetric(state.metric);
  const { parent } = state;
  const query = useMemo(() => reconcileQuery({ parent, metric }, year), [parent, metric, year]);
  // The children one by one (which report of each is used, its scope and value).
  const childQuery = useMemo(() => (state.parent && year !== null ? benchmarkChildren({ parent: state.parent, year, metric, peer: 'parent' }) : null), [state.parent, metric, year]);
  // A child with only an area summary has no own-report value: its row shows the summary's value.
  const areaQuery = useMemo(() => (state.parent && year !== null ? benchmarkChildren({ parent: state.parent, year, metric, peer: 'parent', scope: 'area' }) : null), [state.parent, metric, year]);
  const result = useSql(query);
  const children = useSql(childQuery);
  const areaChildren = useSql(areaQuery);
  const row: Row | null = useMemo(() => (result.data && query ? (tableRows(result.data.table)[0] ?? null) : null), [result.data, query]);
  const kids: Row[] = children.data && childQuery ? tableRows(children.data.table) : [];
  const { label: parentName, ready: nameReady } = useDivisionLabel(state.parent);
  const f = (v: unknown) => formatNumber(num(v), locale);
  const title = t('reconcile.title', { metric: metricLabel(metric, locale), parent: parentName, year: year ?? '' });
  const inSum = kids.filter((k) => k.scope === 'self' && num(k.value) !== null);
  const areaRows = new Map((areaChildren.data && areaQuery ? tableRows(areaChildren.data.table) : []).map((k) => [String(k.division_code), k]));
  const areaOnly = kids.filter((k) => k.scope === 'area').map((k) => areaRows.get(String(k.division_code)) ?? k);
  const reportLink = (id: unknown) =>
    typeof id === 'string' ? (
      <a href={props.linkTo({ view: 'report', report: id })} onClick={(e) => { e.preventDefault(); update({ view: 'report', report: id }); }}>{t('bench.report')}</a>
    ) : null;
  const chartRows: Row[] = useMemo(
    () => (row ? reconcileChartRows(row, { body_key: parent, body_name: nameReady ? parentName : null, year }, { area: t('reconcile.area'), children: t('reconcile.children'), parent_self: t('reconcile.parentSelf'), departments: t('reconcile.departments') }) : []),
    [row, t, parent, parentName, nameReady, year],
  );
  const incomplete = row ? gapIncomplete(row) : null;
  // The caveat is one of the chart's notes, so the PNG, the SVG and the text alternative carry it too.
  const partial = row ? childrenPartial(row) : null;
  const notes = [t('reconcile.chartNote'), incomplete ? t('reconcile.gapIncomplete', incomplete) : null, partial ? t('reconcile.childrenPartial', partial) : null].filter((n) => n !== null).join('\n');
  const frame = useMemo(() => makeFrame(props, title, metricUnit(metric, locale), notes), [props, title, metric, locale, notes]);
  const names = useMemo(() => chartRows.map((r) => String(r.label)), [chartRows]);
  const option = useMemo(
    () => (row && nameReady ? rankedBars(chartRows.map((r, i) => ({ name: names[i], value: num(r.value), highlight: r.part === 'area' })), frame, { wrapNames: true }) : null),
    [row, nameReady, chartRows, names, frame],
  );
  // Room for every wrapped part name (long in English); never shorter than the chart was.
  const height = Math.max(MIN_CHART_HEIGHT, rankedBarsHeight(frame, names));
  const panel = (
    <ChartPanel id="reconcile" query={query} title={title} option={option} rows={chartRows} columns={RECONCILE_COLUMNS} valueMetric={metric} extraColumns={RECONCILE_EXTRA} fileName={chartFileName({ ...props, state: { ...state, metric } }, 'reconcile', 'reconcile', year)} {...chartLinks(props, 'reconcile')} embed={state.embed} busy={!result.data && Boolean(query)} error={result.error} noValues={chartRows.every((r) => r.value === null)} height={height} />
  );
  if (state.embed) return panel;
  const line = (id: string, label: string, value: string, extra?: React.ReactNode) => (
    <tr data-testid={`rec-${id}`}>
      <th>{label}</th>
      <td className="n" data-testid={`rec-${id}-value`}>{value}</td>
      <td>{extra}</td>
    </tr>
  );

  return (
    <HierarchyLayout name="reconcile" parent={state.parent} onSelect={(parent) => update({ parent })}>
        <div className="controls">
          <YearSelect props={props} year={year} />
          <MetricSelect value={metric} metrics={PICKABLE_METRICS} onChange={(metric) => update({ metric })} />
        </div>
        {metric !== state.metric ? <p className="note">{t('reconcile.rateRefused')}</p> : null}
        {!state.parent ? <p className="hint" data-testid="pick-parent">{t('tree.none')}</p> : null}
        {result.error ? <p className="error" role="alert">{t('queryFailed')}: {result.error.message.split('\n')[0]}</p> : null}
        {row ? (
          <section className="panel" data-testid="reconcile-section">
            <h3>{title}</h3>
            <p className="formula" data-testid="reconcile-rule">{t('reconcile.rule')}</p>
            {num(row.area_value) === null ? <p className="hint" data-testid="reconcile-no-area">{t('reconcile.noArea', { parent: parentName, year: year ?? '' })}</p> : null}
            <table data-testid="reconcile-table">
              <tbody>
                {line('area', t('reconcile.area'), f(row.area_value), reportLink(row.area_report_id))}
                {line('children', t('reconcile.children'), f(row.children_value), t('reconcile.childrenIn', { n: num(row.children_in_sum) ?? 0 }))}
                {line('gap', t('reconcile.gap'), f(row.gap), incomplete ? <span className="note" data-testid="rec-gap-incomplete">{t('reconcile.gapIncomplete', incomplete)}</span> : null)}
                {line('gap-share', t('reconcile.gapShare'), formatPercent(num(row.gap_share), locale))}
                <tr><td colSpan={3} className="note">{t('reconcile.separate')}</td></tr>
                {line('parent-self', t('reconcile.parentSelf'), f(row.parent_self_value), reportLink(row.parent_self_report_id))}
                {line('departments', t('reconcile.departments'), f(row.departments_value), t('reconcile.departmentsIn', { n: num(row.departments_in_sum) ?? 0, m: num(row.departments_reported) ?? 0 }))}
                <tr><td colSpan={3} /></tr>
                {line('listed', t('reconcile.listed'), f(row.children_listed))}
                {line('reported', t('reconcile.reported'), f(row.children_reported))}
                {line('missing', t('reconcile.missing'), f(row.children_missing))}
                {num(row.children_ambiguous) ? line('ambiguous', t('reconcile.ambiguous'), f(row.children_ambiguous)) : null}
                {line('unlisted', t('reconcile.unlisted'), f(row.children_unlisted))}
              </tbody>
            </table>
          </section>
        ) : null}
        {row ? panel : null}
        {row ? (
          <div className="grid2">
            <section className="panel">
              <h4>{t('reconcile.inSum')}</h4>
              <table data-testid="reconcile-in-sum">
                <tbody>
                  {inSum.map((k) => (
                    <tr key={String(k.division_code)} data-code={String(k.division_code)}><th>{String(k.division_name)}</th><td className="n">{f(k.value)}</td><td>{reportLink(k.report_id)}</td></tr>
                  ))}
                </tbody>
              </table>
              {children.data && inSum.length === 0 ? <p className="note" data-testid="reconcile-in-sum-none">{t('reconcile.inSumNone')}</p> : null}
            </section>
            <section className="panel">
              <h4>{t('reconcile.areaOnly')}</h4>
              <table data-testid="reconcile-area-only">
                <tbody>
                  {areaOnly.map((k) => (
                    <tr key={String(k.division_code)} data-code={String(k.division_code)}><th>{String(k.division_name)}</th><td className="n">{f(k.value)}</td><td>{reportLink(k.report_id)}</td></tr>
                  ))}
                </tbody>
              </table>
              {children.data && areaOnly.length === 0 ? <p className="note" data-testid="reconcile-area-only-none">{t('reconcile.areaOnlyNone')}</p> : null}
              {num(row.children_area_value) !== null ? <p className="note" data-testid="reconcile-area-only-sum">{t('reconcile.areaOnlySum', { sum: f(row.children_area_value), n: num(row.children_area_units) ?? 0, m: areaOnly.length })}</p> : null}
            </section>
          </div>
        ) : null}
    </HierarchyLayout>
  );
}
