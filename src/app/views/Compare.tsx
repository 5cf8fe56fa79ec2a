import { useMemo } from 'react';
import { formatNumber, lineOverYears } from '../../charts';
import { compareSeries } from '../../db/sql';
import { ChartPanel } from '../components/ChartPanel';
import { EntityPicker } from '../components/EntityPicker';
import { MetricSelect } from '../components/MetricSelect';
import { YearRange } from '../components/YearRange';
import { useDataset } from '../data/dataset';
import { useSql } from '../data/hooks';
import { tableRows, type Row } from '../data/rows';
import { countMetric, metricLabel, metricUnit, PICKABLE_METRICS } from '../i18n/metric-labels';
import { bodyNamesOf, makeFrame, num, type ViewProps, chartLinks } from './common';

export function compareQuery(props: Pick<ViewProps, 'state'>) {
  const { entities, metric, years } = props.state;
  return entities.length === 0 ? null : compareSeries({ bodies: entities, metric: countMetric(metric), years: years ?? undefined });
}

export function Compare(props: ViewProps) {
  const { t, locale, state, update } = props;
  const { summary } = useDataset();
  const query = useMemo(() => compareQuery(props), [state.entities, state.metric, state.years]);
  const result = useSql(query);
  const rows: Row[] = result.data && query ? tableRows(result.data.table) : [];
  const title = t('compare.title', { metric: metricLabel(countMetric(state.metric), locale) });
  const unit = metricUnit(countMetric(state.metric), locale);
  const names = bodyNamesOf(rows, state.entities, props.bodyName);
  const option = useMemo(() => {
    if (rows.length === 0) return null;
    // A series is one scope: a body's own reports and its area summaries are never one line.
    const series = state.entities.flatMap((key) => {
      const name = names.get(key) ?? props.bodyName(key);
      const mine = rows.filter((r) => r.body_key === key);
      const own = mine.filter((r) => r.scope !== 'area');
      const area = mine.filter((r) => r.scope === 'area');
      const points = (list: Row[]) => list.map((r) => ({ year: Number(r.year), value: num(r.value) }));
      return [
        ...(own.length > 0 || area.length === 0 ? [{ name, colorKey: key, points: points(own), scope: 'self' as const }] : []),
        ...(area.length > 0 ? [{ name: `${name} · ${t('scope.areaSeries')}`, colorKey: key, points: points(area), scope: 'area' as const }] : []),
      ];
    });
    return lineOverYears(series, makeFrame(props, title, unit, t('compare.note')), {
      templateBreaks: [{ year: 2019, label: t('compare.break2019') }, { year: 2021, label: t('compare.break2021') }],
    });
  }, [result.data, locale]);
  const years = [...new Set(rows.map((r) => Number(r.year)))].sort((a, b) => a - b);
  // The series in words: each is one scope.
  const description = state.entities
    .flatMap((key) => {
      const name = names.get(key) ?? props.bodyName(key);
      return (['self', 'area'] as const).map((scope) => {
        const points = rows.filter((r) => r.body_key === key && (r.scope === 'area') === (scope === 'area') && num(r.value) !== null);
        return points.length === 0 ? null : `${name}（${t(`scope.${scope}`)}）：${points.map((r) => `${String(r.year)} ${formatNumber(num(r.value), locale)}`).join('，')}`;
      });
    })
    .filter(Boolean)
    .join('；');

  const panel = (
    <ChartPanel
      id="compare"
      query={query}
      title={title}
      option={option}
      rows={rows}
      columns={['body', 'year', 'value', 'scope', 'report_id', 'reports', 'area_summary']}
      {...chartLinks(props, 'compare')}
      embed={state.embed}
      busy={Boolean(query) && result.isFetching && !result.data}
      error={result.error}
      noValues={rows.length > 0 && rows.every((r) => num(r.value) === null)}
      description={description}
    />
  );
  if (state.embed) return panel;
  return (
    <div className="view compare">
      <div className="controls">
        <EntityPicker selected={state.entities} nameOf={props.bodyName} onChange={(entities) => update({ entities })} years={summary?.years ?? null} />
        <MetricSelect value={countMetric(state.metric)} metrics={PICKABLE_METRICS} onChange={(metric) => update({ metric })} />
        <YearRange bounds={summary?.years ?? null} value={state.years} onChange={(y) => update({ years: y })} />
      </div>
      {state.entities.length === 0 ? <p className="hint">{t('picker.none')}</p> : panel}
      {rows.length > 0 ? (
        <table className="matrix" data-testid="compare-table">
          <thead>
            <tr><th>{t('body')}</th>{years.map((y) => <th key={y}>{y}</th>)}</tr>
          </thead>
          <tbody>
            {state.entities.map((key) => (
              <tr key={key}>
                <th>{names.get(key)}</th>
                {years.map((y) => {
                  const row = rows.find((r) => r.body_key === key && Number(r.year) === y);
                  const value = row ? num(row.value) : null;
                  return (
                    <td key={y}>
                      {row?.report_id ? <a href={props.linkTo({ view: 'report', report: String(row.report_id), entities: [] })}>{formatNumber(value, locale)}</a> : formatNumber(value, locale)}
                      {row?.area_summary ? '*' : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
