import { useMemo } from 'react';
import { barsWithRate, formatNumber, formatPercent, heightForPlot } from '../../charts';
import { reviewLitigation } from '../../db/sql';
import { ChartPanel } from '../components/ChartPanel';
import { EntityPicker } from '../components/EntityPicker';
import { YearRange } from '../components/YearRange';
import { useDataset } from '../data/dataset';
import { useSql } from '../data/hooks';
import { tableRows, type Row } from '../data/rows';
import { bodyNamesOf, chartFileName, makeFrame, num, punctuationOf, type ViewProps, chartLinks } from './common';
import { basisOf, bodiesStatingNoTotal, reviewByCategory } from './review-model';
import type { ViewState } from '../state/url-state';

// What each total rests on, and every report the bodies have that year (used or not).
const BASIS_COLUMNS = ['rv_reports', 'rv_bodies', 'lit_reports', 'lit_bodies', 'all_reports'];

export function reviewQuery(state: Pick<ViewState, 'entities' | 'years'>) {
  return reviewLitigation({ bodies: state.entities, years: state.years ?? undefined });
}

export function Review(props: ViewProps) {
  const { t, locale, state, update } = props;
  const { summary } = useDataset();
  const { entities, years } = state;
  const { bodyName } = props;
  const query = useMemo(() => reviewQuery({ entities, years }), [entities, years]);
  const result = useSql(query);
  const rows: Row[] = useMemo(() => (result.data ? tableRows(result.data.table) : []), [result.data]);
  const names = useMemo(() => bodyNamesOf(rows, entities, bodyName), [rows, entities, bodyName]);
  // A year or body stating neither total has nothing to draw (absent is not 0): it is left out.
  const sums = useMemo(
    () => reviewByCategory(rows, entities, (key) => names.get(key) ?? bodyName(key), t('scope.areaSeries')).filter((s) => (s.rv_reports ?? 0) > 0 || (s.lit_reports ?? 0) > 0),
    [rows, entities, names, bodyName, t],
  );
  // Each label says what its sums rest on: the reports and bodies stating each total, once when both agree.
  const labelled = useMemo(() => sums.map((s) => `${s.category}\n${basisOf(s, t)}`), [sums, t]);
  const subject = state.entities.length === 1 ? names.get(state.entities[0]) : state.entities.length === 0 ? t('outcomes.pooled') : null;
  const title = subject ? `${t('review.title')} · ${subject}` : t('review.title');
  // The reports left out of each rate, and whose (a body's name, or the years when categories are years):
  // their totals are in the total column and not in the rate's denominator.
  const leftOut = (column: 'rv_reports_unrated' | 'lit_reports_unrated') => {
    const of = sums.filter((r) => (r[column] ?? 0) > 0);
    const list = [...new Set(of.map((r) => (entities.length > 1 ? r.category : r.key)))].join(punctuationOf(locale).list);
    return { n: of.reduce((s, r) => s + (r[column] ?? 0), 0), names: entities.length > 1 ? list : t('review.inYears', { years: list }) };
  };
  const unratedRv = leftOut('rv_reports_unrated');
  const unratedLit = leftOut('lit_reports_unrated');
  // A chosen body with no report stating either total is said, not dropped in silence (absent is not
  // 0); only once the query has answered: before that nothing is known of any body.
  const stating = rows.filter((r) => (num(r.rv_reports) ?? 0) > 0 || (num(r.lit_reports) ?? 0) > 0);
  // (a previous selection's answer, kept on screen while this one loads, says nothing of a body just added)
  const silent = bodiesStatingNoTotal(result.data && !result.isPlaceholderData ? rows : null, entities).map((e) => names.get(e) ?? bodyName(e));
  const silentNote = silent.length > 0 ? t('review.noneStated', { names: silent.join(punctuationOf(locale).list) }) : '';
  // The years the figures are of, in the chart itself: an exported chart is read without the page's controls.
  const stated = stating.map((r) => Number(r.year));
  const period = stated.length === 0 ? '' : Math.min(...stated) === Math.max(...stated) ? String(stated[0]) : `${Math.min(...stated)}–${Math.max(...stated)}`;
  const chartTitle = period ? `${title} · ${period}` : title;
  // A body's area summaries are their own category, marked, and the notes say what that means.
  const area = sums.some((s) => s.area);
  const notes = `${t('review.formula')}\n${t('review.basisNote')}${unratedRv.n ? `\n${t('review.unrated', unratedRv)}` : ''}${unratedLit.n ? `\n${t('review.unratedLit', unratedLit)}` : ''}${silentNote ? `\n${silentNote}` : ''}${area ? `\n${t('scope.areaNote')}` : ''}`;
  const option = useMemo(
    () =>
      sums.length === 0
        ? null
        : barsWithRate(
            labelled,
            [
              { name: t('review.rv'), values: sums.map((s) => s.rv_total) },
              { name: t('review.lit'), values: sums.map((s) => s.lit_total) },
            ],
            { name: t('review.rvRate'), values: sums.map((s) => s.rv_rate) },
            makeFrame(props, chartTitle, t('unit.cases'), notes),
            // One row per category, so every label and its basis has the chart's width.
            { horizontal: true },
          ),
    [sums, labelled, props, chartTitle, t, notes],
  );
  // Its CSV holds the observations the bars add up (one row per body and year), not the sums, each with the reports and bodies stating each total.
  const panel = (
    <ChartPanel id="review" query={query} title={title} option={option} rows={option ? rows : []} columns={rows[0] ? Object.keys(rows[0]) : []} extraColumns={BASIS_COLUMNS} fileName={chartFileName(props, 'review', 'review')} {...chartLinks(props, 'review')} embed={state.embed} busy={result.isFetching && !result.data} error={result.error} height={option ? heightForPlot(option, 40 + 64 * sums.length) : 420} />
  );
  if (state.embed) return panel;
  const f = (v: number | null) => formatNumber(v, locale);
  return (
    <div className="view review">
      <div className="controls">
        <EntityPicker selected={state.entities} nameOf={props.bodyName} onChange={(entities) => update({ entities })} years={summary?.years ?? null} />
        <YearRange bounds={summary?.years ?? null} value={state.years} onChange={(y) => update({ years: y })} />
      </div>
      {panel}
      <section className="panel">
        <p className="formula" data-testid="formula">{t('review.formula')}</p>
        <p className="note" data-testid="basis-note">{t('review.basisNote')}</p>
        {unratedRv.n ? <p className="note" data-testid="unrated">{t('review.unrated', unratedRv)}</p> : null}
        {unratedLit.n ? <p className="note" data-testid="unrated-lit">{t('review.unratedLit', unratedLit)}</p> : null}
        {silentNote ? <p className="note" data-testid="review-none-stated">{silentNote}</p> : null}
        {area ? <p className="note" data-testid="area-note">{t('scope.areaNote')}</p> : null}
        <div className="table-scroll" tabIndex={0} role="region" aria-label={title} data-testid="review-table-scroll">
        <table data-testid="review-table">
          <thead>
            <tr>
              <th />
              <th>{t('review.rv')} · {t('review.total')}</th><th>{t('review.reports')}</th><th>{t('review.bodies')}</th><th>{t('review.pending')}</th><th>{t('review.numerator')}</th><th>{t('review.denominator')}</th><th>{t('review.rvRate')}</th>
              <th>{t('review.lit')} · {t('review.total')}</th><th>{t('review.reports')}</th><th>{t('review.bodies')}</th><th>{t('review.numerator')}</th><th>{t('review.denominator')}</th><th>{t('review.litRate')}</th>
            </tr>
          </thead>
          <tbody>
            {sums.map((s) => (
              <tr key={s.category} data-scope={s.area ? 'area' : 'self'}>
                <th>{s.category}</th>
                <td>{f(s.rv_total)}</td><td data-basis="rv-reports">{f(s.rv_reports)}</td><td data-basis="rv-bodies">{f(s.rv_bodies)}</td><td>{f(s.rv_pending)}</td><td>{f(s.rv_rate_numerator)}</td><td>{f(s.rv_rate_denominator)}</td><td>{formatPercent(s.rv_rate, locale)}</td>
                <td>{f(s.lit_total)}</td><td data-basis="lit-reports">{f(s.lit_reports)}</td><td data-basis="lit-bodies">{f(s.lit_bodies)}</td><td>{f(s.lit_rate_numerator)}</td><td>{f(s.lit_rate_denominator)}</td><td>{formatPercent(s.lit_rate, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </section>
    </div>
  );
}
