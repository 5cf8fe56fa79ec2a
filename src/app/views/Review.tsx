import { useMemo } from 'react';
import { barsWithRate, formatNumber, formatPercent } from '../../charts';
import { reviewLitigation } from '../../db/sql';
import { ChartPanel } from '../components/ChartPanel';
import { EntityPicker } from '../components/EntityPicker';
import { YearRange } from '../components/YearRange';
import { useDataset } from '../data/dataset';
import { useSql } from '../data/hooks';
import { tableRows, type Row } from '../data/rows';
import { bodyNamesOf, chartFileName, makeFrame, type ViewProps, chartLinks } from './common';
import { reviewByCategory } from './review-model';
import type { ViewState } from '../state/url-state';

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
  const sums = useMemo(() => reviewByCategory(rows, entities, (key) => names.get(key) ?? bodyName(key)), [rows, entities, names, bodyName]);
  const subject = state.entities.length === 1 ? names.get(state.entities[0]) : state.entities.length === 0 ? t('outcomes.pooled') : null;
  const title = subject ? `${t('review.title')} · ${subject}` : t('review.title');
  const unrated = sums.reduce((s, r) => s + (r.rv_reports_unrated ?? 0), 0);
  const notes = `${t('review.formula')}${unrated ? `\n${t('review.unrated', { n: unrated })}` : ''}`;
  const option = useMemo(
    () =>
      sums.length === 0 || sums.every((s) => s.rv_total === null && s.lit_total === null)
        ? null
        : barsWithRate(
            sums.map((s) => s.category),
            [
              { name: t('review.rv'), values: sums.map((s) => s.rv_total) },
              { name: t('review.lit'), values: sums.map((s) => s.lit_total) },
            ],
            { name: t('review.rvRate'), values: sums.map((s) => s.rv_rate) },
            makeFrame(props, title, t('unit.cases'), notes),
          ),
    [sums, props, title, t, notes],
  );
  // Its CSV holds the observations the bars add up (one row per body and year), not the sums.
  const panel = (
    <ChartPanel id="review" query={query} title={title} option={option} rows={option ? rows : []} columns={rows[0] ? Object.keys(rows[0]) : []} fileName={chartFileName(props, 'review', 'review')} {...chartLinks(props, 'review')} embed={state.embed} busy={result.isFetching && !result.data} error={result.error} height={420} />
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
        {unrated ? <p className="note" data-testid="unrated">{t('review.unrated', { n: unrated })}</p> : null}
        <div className="table-scroll" tabIndex={0} role="region" aria-label={title} data-testid="review-table-scroll">
        <table data-testid="review-table">
          <thead>
            <tr>
              <th />
              <th>{t('review.rv')} · {t('review.total')}</th><th>{t('review.pending')}</th><th>{t('review.numerator')}</th><th>{t('review.denominator')}</th><th>{t('review.rvRate')}</th>
              <th>{t('review.lit')} · {t('review.total')}</th><th>{t('review.numerator')}</th><th>{t('review.denominator')}</th><th>{t('review.litRate')}</th>
            </tr>
          </thead>
          <tbody>
            {sums.map((s) => (
              <tr key={s.category}>
                <th>{s.category}</th>
                <td>{f(s.rv_total)}</td><td>{f(s.rv_pending)}</td><td>{f(s.rv_rate_numerator)}</td><td>{f(s.rv_rate_denominator)}</td><td>{formatPercent(s.rv_rate, locale)}</td>
                <td>{f(s.lit_total)}</td><td>{f(s.lit_rate_numerator)}</td><td>{f(s.lit_rate_denominator)}</td><td>{formatPercent(s.lit_rate, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </section>
    </div>
  );
}
