import { useMemo } from 'react';
import { formatNumber, formatPercent, rankedBars, rankedBarsHeight } from '../../charts';
import { peerGroupsOf, sharedQuartiles } from './benchmark-band';
import { benchmarkChildren, coverage, MIN_SPREAD_PEERS } from '../../db/sql';
import { ChartPanel } from '../components/ChartPanel';
import { useDivisionLabel } from '../components/DivisionTree';
import { useBenchmarkYear } from './hierarchy-year';
import { HierarchyLayout } from '../components/HierarchyLayout';
import { MetricSelect } from '../components/MetricSelect';
import { ScaleControls } from '../components/ScaleControls';
import { useSql } from '../data/hooks';
import { tableRows, type Row } from '../data/rows';
import type { MessageKey } from '../i18n/messages';
import { BENCHMARK_METRICS, isRateLabel, metricLabel, metricUnit } from '../i18n/metric-labels';
import { PEERS, SIMILARITY_CHOICES, similarMinFor, type Peer, type ViewState } from '../state/url-state';
import { chartFileName, levelLabel, makeFrame, num, punctuationOf, type ViewProps, chartLinks } from './common';
import { YearSelect } from '../components/YearSelect';

export function benchmarkQuery(state: Pick<ViewState, 'parent' | 'metric' | 'peer' | 'scope'>, year: number | null) {
  return state.parent && year !== null ? benchmarkChildren({ parent: state.parent, year, metric: state.metric, peer: state.peer, scope: state.scope }) : null;
}

/** The ranking's own columns, kept after the tidy ones in its CSV. */
const BENCHMARK_EXTRA = ['division_level', 'rank', 'percentile', 'peer_group', 'peers', 'peer_rank', 'p25', 'p50', 'p75', 'outlier', 'numerator', 'denominator', 'prev_value', 'prev_scope', 'yoy_change', 'yoy_pct', 'failed_checks', 'copy_score'];

/** A stored copy score of 0 means no pair was kept (the lowest similarity kept, ingest's MIN_SIMILARITY), not a similarity of 0. */
const KEPT_SIMILARITY = SIMILARITY_CHOICES[0];

export const BENCHMARK_COLUMNS = ['rank', 'division_code', 'division_name', 'division_level', 'value', 'numerator', 'denominator', 'percentile', 'peer_group', 'peers', 'peer_rank', 'p25', 'p50', 'p75', 'outlier', 'prev_value', 'prev_scope', 'yoy_change', 'yoy_pct', 'scope', 'reports', 'report_id', 'failed_checks', 'copy_score'];

const CSV_COLUMNS = ['year', ...BENCHMARK_COLUMNS];

/** The table's columns, as message keys (each cell's label where a phone stacks the row). */
const BENCH_COLUMNS = ['bench.rank', 'bench.unit', 'level', 'value', 'bench.percentile', 'bench.yoy', 'scope', 'reports', 'report.failingChecks', 'bench.copyScore', 'bench.report'] as const;

export function Benchmark(props: ViewProps) {
  const { t, locale, state, update } = props;
  const year = useBenchmarkYear(state);
  const { parent, metric, peer, scope } = state;
  const query = useMemo(() => benchmarkQuery({ parent, metric, peer, scope }, year), [parent, metric, peer, scope, year]);
  const result = useSql(query);
  // Outlier flags only from a peer group big enough to have a spread (benchmark-band).
  const rows: Row[] = useMemo(() => (result.data && query ? tableRows(result.data.table) : []), [result.data, query]);
  // Who is not ranked because it did not report: the listed children past their deadline with no report (as Coverage counts them).
  const missingQuery = useMemo(() => (parent && year !== null && !state.embed ? coverage({ parent, year, today: props.date }) : null), [parent, year, props.date, state.embed]);
  const missingResult = useSql(missingQuery);
  const missing = useMemo(
    () => (missingResult.data && missingQuery ? tableRows(missingResult.data.table).filter((r) => r.unit === 'government' && r.missing === true).map((r) => String(r.division_name ?? r.division_code)) : []),
    [missingResult.data, missingQuery],
  );
  const { label: parentName, ready: nameReady } = useDivisionLabel(state.parent);
  const rate = isRateLabel(state.metric);
  const title = t('bench.title', { metric: metricLabel(state.metric, locale), parent: parentName, year: year ?? '' });
  const withValue = rows.filter((r) => num(r.value) !== null);
  // Peers of another level (province- or national-level groups) split the children into one group per level.
  const groups = useMemo(() => peerGroupsOf(rows), [rows]);
  const single = groups.length === 1 ? groups[0] : null;
  const listSep = locale === 'zh' ? '、' : ', ';
  const groupList = groups
    .map((g) => t(rate && g.pooled !== null ? 'bench.peerGroupPooled' : 'bench.peerGroup', { level: levelLabel(t, g.group), n: g.peers, value: formatPercent(g.pooled, locale) }))
    .join(listSep);
  const smallGroups = groups.filter((g) => g.peers < MIN_SPREAD_PEERS).map((g) => levelLabel(t, g.group));
  const log = state.scale === 'log';
  // A log axis cannot draw 0 or less: those rows print their value where the bar would be.
  const belowLog = log ? withValue.filter((r) => (num(r.value) as number) <= 0).length : 0;
  const { quartiles, fewPeers } = useMemo(() => sharedQuartiles(rows), [rows]);
  const notes = [
    t(quartiles ? 'bench.note' : fewPeers !== null ? 'bench.noteFewPeers' : 'bench.noteNoBand'),
    t(state.scope === 'area' ? 'bench.scopeArea' : 'bench.scopeSelf'),
    rate ? t('bench.rateNote') : null,
    single ? t('bench.peers', { n: single.peers }) : null,
    groups.length > 1 ? t('bench.peerGroups', { list: groupList }) : null,
    fewPeers !== null ? t('bench.fewPeers', { n: fewPeers, min: MIN_SPREAD_PEERS }) : null,
    groups.length > 1 && smallGroups.length > 0 ? t('bench.fewPeerGroups', { groups: smallGroups.join(listSep), n: smallGroups.length, min: MIN_SPREAD_PEERS }) : null,
    rate && single && single.pooled !== null ? t('bench.pooled', { value: formatPercent(single.pooled, locale) }) : null,
    log ? (belowLog > 0 ? t('scale.logNote', { n: belowLog }) : t('scale.logNoteNone')) : null,
  ]
    .filter(Boolean)
    .join('\n');
  const unit = rate ? '%' : metricUnit(state.metric, locale);
  const frame = useMemo(() => makeFrame(props, title, unit, notes), [props, title, unit, notes]);
  const bars = useMemo(() => rows.map((r) => ({ name: String(r.division_name ?? r.division_code) + (r.scope === 'area' ? ` (${t('scope.area')})` : ''), value: num(r.value), outlier: r.outlier === true })), [rows, t]);
  const drawable = withValue.length > 0 && nameReady;
  const option = useMemo(() => (drawable ? rankedBars(bars, frame, { quartiles, percent: rate, log }) : null), [drawable, bars, frame, quartiles, rate, log]);
  const fmt = (v: unknown) => (rate ? formatPercent(num(v), locale) : formatNumber(num(v), locale));
  // The bars in words, in rank order: each unit and its value.
  const description = bars.filter((b) => b.value !== null).map((b) => `${b.name} ${fmt(b.value)}`).join(punctuationOf(locale).comma);
  const height = rankedBarsHeight(frame, rows.length);
  // The rows carry no year (one year is ranked): the CSV's year column says which.
  const csvRows = useMemo(() => rows.map((r) => ({ ...r, year })), [rows, year]);
  // The similar view of this parent and year, at a threshold the child's best pair reaches.
  const similarLink = (score: number) => ({ view: 'similar' as const, year, similarMin: similarMinFor(score), pair: null });
  const empty = query && result.data && !result.isFetching ? (rows.length === 0 ? t('bench.noChildren', { parent: parentName, year: year ?? '' }) : withValue.length === 0 ? t('bench.noValues', { parent: parentName, year: year ?? '' }) : null) : null;

  const panel = (
    <ChartPanel
      id="benchmark"
      query={query}
      title={title}
      option={option}
      rows={csvRows}
      columns={CSV_COLUMNS}
      valueMetric={state.metric}
      extraColumns={BENCHMARK_EXTRA}
      fileName={chartFileName(props, 'benchmark', 'benchmark', year)}
      description={description}
      {...chartLinks(props, 'benchmark')}
      embed={state.embed}
      height={height}
      busy={Boolean(query) && result.isFetching && !result.data}
      error={result.error}
      noValues={rows.length > 0 && withValue.length === 0}
    >
      {empty ? <p className="hint" data-testid="benchmark-empty">{empty}</p> : null}
    </ChartPanel>
  );
  if (state.embed) return panel;
  return (
    <HierarchyLayout name="benchmark" parent={state.parent} onSelect={(parent) => update({ parent })}>
        <div className="controls">
          <YearSelect props={props} year={year} />
          <MetricSelect value={state.metric} metrics={BENCHMARK_METRICS} onChange={(next) => update({ metric: next })} />
          <ScaleControls scale={state.scale} onChange={(patch) => update(patch)} />
          <label>
            {t('hier.peer')}
            <select data-testid="peer" value={state.peer} onChange={(e) => update({ peer: e.target.value as Peer })}>
              {PEERS.map((p) => <option key={p} value={p}>{t(`peer.${p}` as MessageKey)}</option>)}
            </select>
          </label>
          <label>
            <input type="checkbox" data-testid="bench-areas" checked={state.scope === 'area'} onChange={(e) => update({ scope: e.target.checked ? 'area' : 'self' })} />
            {t('bench.areas')}
          </label>
        </div>
        {!state.parent ? <p className="hint" data-testid="pick-parent">{t('tree.none')}</p> : panel}
        {state.parent && missing.length > 0 ? (
          <p className="note" data-testid="bench-missing">
            {t('bench.missing', { n: missing.length, names: missing.join(locale === 'zh' ? '、' : ', ') })}{' '}
            <a href={props.linkTo({ view: 'coverage', year })} onClick={(e) => { e.preventDefault(); update({ view: 'coverage', year }); }}>{t('bench.seeCoverage')}</a>
          </p>
        ) : null}
        {state.parent && log ? <p className="note" data-testid="scale-note">{belowLog > 0 ? t('scale.logNote', { n: belowLog }) : t('scale.logNoteNone')}</p> : null}
        {rows.length > 0 ? (
          <section className="panel">
            <div className="table-scroll" tabIndex={0} role="region" aria-label={title} data-testid="benchmark-table-scroll">
            {/* On a phone each row stacks into a card (styles.css .stack): the explicit roles keep it a table to a screen reader. */}
            <table data-testid="benchmark-table" className="stack" role="table">
              <thead role="rowgroup">
                <tr role="row">
                  {BENCH_COLUMNS.map((c) => <th key={c} role="columnheader" scope="col" title={c === 'bench.copyScore' ? t('bench.copyScoreTitle') : undefined}>{c === 'bench.report' ? <span className="sr-only">{t(c)}</span> : t(c)}</th>)}
                </tr>
              </thead>
              <tbody role="rowgroup">
                {rows.map((r) => {
                  const code = String(r.division_code);
                  const yoyBlocked = r.prev_scope !== null && r.prev_scope !== r.scope;
                  return (
                    <tr role="row" key={code} data-testid={`bench-row-${code}`} data-code={code} data-rank={r.rank ?? ''} data-value={r.value ?? ''} className={r.outlier === true ? 'outlier' : undefined}>
                      <td role="cell" data-label={t('bench.rank')} className="n">{r.rank ?? '—'}</td>
                      <td role="cell" className="stack-head">{String(r.division_name ?? code)}{r.outlier === true ? <span className="badge outlier"> {t('bench.outlier')}</span> : null}</td>
                      <td role="cell" data-label={t('level')}>{levelLabel(t, r.division_level)}</td>
                      <td role="cell" data-label={t('value')} className="n">{fmt(r.value)}</td>
                      <td role="cell" data-label={t('bench.percentile')} className="n">{formatPercent(num(r.percentile), locale, 0)}</td>
                      <td role="cell" data-label={t('bench.yoy')} className="n" title={yoyBlocked ? t('bench.yoyScope', { scope: t(`scope.${String(r.prev_scope)}` as MessageKey) }) : undefined}>
                        {num(r.yoy_change) === null ? '—' : `${num(r.yoy_change)! > 0 ? '+' : ''}${fmt(r.yoy_change)}${num(r.yoy_pct) !== null ? ` (${formatPercent(num(r.yoy_pct), locale)})` : ''}`}
                      </td>
                      <td role="cell" data-label={t('scope')}>{r.scope === 'area' ? <strong className="badge area" data-testid="scope-area">{t('scope.area')}</strong> : t('scope.self')}</td>
                      <td role="cell" data-label={t('reports')} className="n">{r.reports ?? ''}</td>
                      <td role="cell" data-label={t('report.failingChecks')} className="n" data-testid="bench-failing">{(num(r.failed_checks) ?? 0) > 0 ? <strong className="badge missing">{String(r.failed_checks)}</strong> : r.report_id ? '0' : ''}</td>
                      <td role="cell" data-label={t('bench.copyScore')} className="n" data-testid="bench-copy" data-score={r.copy_score ?? ''}>
                        {num(r.copy_score) === null ? '' : num(r.copy_score) === 0 ? <span data-testid="bench-copy-below" title={t('bench.copyBelowTitle', { min: formatPercent(KEPT_SIMILARITY, locale, 0) })}>{`<${formatPercent(KEPT_SIMILARITY, locale, 0)}`}</span> : <a href={props.linkTo(similarLink(num(r.copy_score)!))} onClick={(e) => { e.preventDefault(); update(similarLink(num(r.copy_score)!)); }}>{formatPercent(num(r.copy_score), locale, 0)}</a>}
                      </td>
                      <td role="cell">{r.report_id ? <a href={props.linkTo({ view: 'report', report: String(r.report_id) })} onClick={(e) => { e.preventDefault(); update({ view: 'report', report: String(r.report_id) }); }}>{t('bench.report')}</a> : null}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            </div>
          </section>
        ) : null}
    </HierarchyLayout>
  );
}
