import { useMemo } from 'react';
import { formatNumber, formatPercent, heightForPlot, stackedBars } from '../../charts';
import { applicantBreakdown, outcomeBreakdown } from '../../db/sql';
import { ChartPanel } from '../components/ChartPanel';
import { EntityPicker } from '../components/EntityPicker';
import { YearRange } from '../components/YearRange';
import { useDataset } from '../data/dataset';
import { useSql } from '../data/hooks';
import { tableRows, type Row } from '../data/rows';
import { markPooled } from '../data/pooled';
import type { MessageKey } from '../i18n/messages';
import { APPLICANT_SERIES, APPLICANT_WHOLE, breakdownBars, OUTCOME_SERIES, OUTCOME_WHOLE } from './breakdown-series';
import { bodyNamesOf, chartFileName, chartLinks, makeFrame, type ViewProps } from './common';
import type { ViewState } from '../state/url-state';

export function outcomesQuery(state: Pick<ViewState, 'entities' | 'years' | 'breakdown'>) {
  const input = { bodies: state.entities, years: state.years ?? undefined };
  return state.breakdown === 'outcomes' ? outcomeBreakdown(input) : applicantBreakdown(input);
}

export function Outcomes(props: ViewProps) {
  const { t, locale, state, update } = props;
  const { summary } = useDataset();
  const { entities, years, breakdown } = state;
  const query = useMemo(() => outcomesQuery({ entities, years, breakdown }), [entities, years, breakdown]);
  const result = useSql(query);
  const rows: Row[] = useMemo(() => (result.data ? tableRows(result.data.table) : []), [result.data]);
  const outcomes = breakdown === 'outcomes';
  const { bodyName } = props;
  const names = useMemo(() => bodyNamesOf(rows, entities, bodyName), [rows, entities, bodyName]);
  const bars = useMemo(
    () => breakdownBars(rows, outcomes ? OUTCOME_SERIES : APPLICANT_SERIES, entities, t, t('outcomes.pooled'), (key) => names.get(key) ?? bodyName(key), outcomes ? OUTCOME_WHOLE : APPLICANT_WHOLE),
    [rows, outcomes, entities, t, names, bodyName],
  );
  const { categories, series, subject, totals } = bars;
  const baseTitle = outcomes ? t('outcomes.title.outcomes') : t('outcomes.title.applicants');
  const title = subject ? `${baseTitle} · ${subject}` : baseTitle;
  // Each bar's label says what it rests on: reports, bodies and the total its shares are taken of.
  const basis = useMemo(
    () => bars.categories.map((_, i) => t('outcomes.basis', { reports: bars.reports[i], bodies: bars.bodies[i], total: formatNumber(bars.totals[i], locale) })),
    [bars, t, locale],
  );
  const labelled = useMemo(() => categories.map((c, i) => `${c}\n${basis[i]}`), [categories, basis]);
  // A part past the whole (the report's own error) is shown in the table, not drawn below zero.
  const overItemised = series.reduce((n, s) => n + s.values.filter((v) => v !== null && v < 0).length, 0);
  const drawn = useMemo(() => series.map((s) => ({ ...s, values: s.values.map((v) => (v !== null && v < 0 ? null : v)) })), [series]);
  const noteKey = `outcomes.note.${state.breakdown}.${state.shares ? 'shares' : 'counts'}` as MessageKey;
  const notes = `${t(noteKey)}${overItemised ? `\n${t('outcomes.overItemised', { n: overItemised })}` : ''}${bars.area.includes(true) ? `\n${t('scope.areaNote')}` : ''}`;
  const option = useMemo(
    () =>
      series.length === 0
        ? null
        : stackedBars(labelled, drawn, makeFrame(props, title, state.shares ? '%' : t('unit.cases'), notes), {
            percent: state.shares,
            // One row per category: its label (a year or body, and the basis under it) has the chart's width, so none is dropped as overlapping.
            horizontal: true,
            totals,
          }),
    [series.length, labelled, drawn, props, title, state.shares, t, notes, totals],
  );
  // Pooled rows (no body chosen) say so in `scope`; a sum has no one report_id.
  const download = useMemo(() => markPooled(rows[0] ? Object.keys(rows[0]) : [], rows), [rows]);
  const panel = (
    <ChartPanel id="outcomes" query={query} title={title} option={option} rows={series.length ? download.rows : []} columns={download.columns} notApplicable={download.notApplicable} fileName={chartFileName(props, 'outcomes', 'outcomes')} {...chartLinks(props, 'outcomes')} embed={state.embed} busy={result.isFetching && !result.data} error={result.error} height={option ? heightForPlot(option, 40 + 56 * categories.length) : 440} />
  );
  if (state.embed) return panel;
  const [open, close] = locale === 'zh' ? ['（', '）'] : [' (', ')'];
  const share = (v: number | null, i: number) => (v === null ? '—' : totals[i] ? `${formatPercent(v / (totals[i] as number), locale)}${open}${formatNumber(v, locale)}${close}` : formatNumber(v, locale));
  return (
    <div className="view outcomes">
      <div className="controls">
        <EntityPicker selected={state.entities} nameOf={props.bodyName} onChange={(entities) => update({ entities })} years={summary?.years ?? null} />
        <label>
          {t('outcomes.mode')}
          <select data-testid="breakdown" value={state.breakdown} onChange={(e) => update({ breakdown: e.target.value as typeof state.breakdown })}>
            <option value="outcomes">{t('outcomes.outcomes')}</option>
            <option value="applicants">{t('outcomes.applicants')}</option>
          </select>
        </label>
        <label>
          <input type="checkbox" data-testid="shares" checked={state.shares} onChange={(e) => update({ shares: e.target.checked })} />
          {t('outcomes.shares')}
        </label>
        <YearRange bounds={summary?.years ?? null} value={state.years} onChange={(y) => update({ years: y })} />
      </div>
      {panel}
      {categories.length > 0 ? (
        <section className="panel table-scroll" tabIndex={0} role="region" aria-label={title}>
          <p className="note" data-testid="outcomes-note">{notes}</p>
          <table data-testid="outcomes-table">
            <thead>
              <tr>
                <th>{t('outcomes.category')}</th>
                <th>{t('outcomes.reports')}</th>
                <th>{t('outcomes.bodies')}</th>
                <th>{t('outcomes.total')}</th>
                {series.map((s) => <th key={s.name}>{s.name}</th>)}
              </tr>
            </thead>
            <tbody>
              {categories.map((c, i) => (
                <tr key={c} data-scope={bars.area[i] ? 'area' : 'self'}>
                  <th>{c}</th>
                  <td>{bars.reports[i]}</td>
                  <td>{bars.bodies[i]}</td>
                  <td>{formatNumber(totals[i], locale)}</td>
                  {series.map((s) => <td key={s.name} data-series={s.name}>{share(s.values[i], i)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
