import { useMemo } from 'react';
import { formatNumber, lineOverYears } from '../../charts';
import { compareSeries } from '../../db/sql';
import { ChartPanel } from '../components/ChartPanel';
import { EntityPicker } from '../components/EntityPicker';
import { MetricSelect } from '../components/MetricSelect';
import { ScaleControls } from '../components/ScaleControls';
import { YearRange } from '../components/YearRange';
import { useDataset } from '../data/dataset';
import { useSql } from '../data/hooks';
import { tableRows, type Row } from '../data/rows';
import { countMetric, metricLabel, metricUnit, PICKABLE_METRICS } from '../i18n/metric-labels';
import { bodyNamesOf, chartFileName, makeFrame, num, punctuationOf, type ViewProps, chartLinks } from './common';
import { forLogAxis, indexLines } from './value-scale';
import type { ViewState } from '../state/url-state';
import type { Translate } from '../i18n/messages';
import type { Locale } from '../i18n/locale';

export function compareQuery(state: Pick<ViewState, 'entities' | 'metric' | 'years'>) {
  const { entities, metric, years } = state;
  return entities.length === 0 ? null : compareSeries({ bodies: entities, metric: countMetric(metric), years: years ?? undefined });
}

interface Line {
  key: string;
  /** The body's name, and the series' (an area summary series says so). */
  name: string;
  series: string;
  scope: 'self' | 'area';
  points: { year: number; value: number | null }[];
}

export function Compare(props: ViewProps) {
  const { t, locale, state, update, bodyName } = props;
  const { summary } = useDataset();
  const { entities, metric, years: range } = state;
  const query = useMemo(() => compareQuery({ entities, metric, years: range }), [entities, metric, range]);
  const result = useSql(query);
  const rows: Row[] = useMemo(() => (result.data && query ? tableRows(result.data.table) : []), [result.data, query]);
  const title = t('compare.title', { metric: metricLabel(countMetric(metric), locale) });
  const unit = state.index ? t('scale.index') : metricUnit(countMetric(metric), locale);
  const names = useMemo(() => bodyNamesOf(rows, entities, bodyName), [rows, entities, bodyName]);
  // A series is one scope: a body's own reports and its area summaries are never one line.
  const lines: Line[] = useMemo(
    () =>
      entities.flatMap((key) => {
        const name = names.get(key) ?? bodyName(key);
        const mine = rows.filter((r) => r.body_key === key);
        const own = mine.filter((r) => r.scope !== 'area');
        const area = mine.filter((r) => r.scope === 'area');
        const points = (list: Row[]) => list.map((r) => ({ year: Number(r.year), value: num(r.value) }));
        return [
          ...(own.length > 0 || area.length === 0 ? [{ key, name, series: name, scope: 'self' as const, points: points(own) }] : []),
          ...(area.length > 0 ? [{ key, name, series: `${name} · ${t('scope.areaSeries')}`, scope: 'area' as const, points: points(area) }] : []),
        ];
      }),
    [entities, rows, names, bodyName, t],
  );
  // What is drawn: the values, or each line as an index; on a log axis, without its points ≤ 0.
  const shown = useMemo(() => {
    const index = state.index ? indexLines(lines.map((l) => l.points)) : null;
    const indexed = lines.map((l, i) => (index ? { ...l, ...index.lines[i] } : { ...l, baseYear: null }));
    let hidden = 0;
    const drawn = indexed.map((l) => {
      if (state.scale !== 'log') return l;
      const cut = forLogAxis(l.points);
      hidden += cut.hidden;
      return { ...l, points: cut.points };
    });
    return { lines: drawn, hidden, common: index?.common ?? null };
  }, [lines, state.index, state.scale]);
  // What the index and log modes change, said in the chart and beside it.
  const scaleNotes = [
    state.index ? indexNote(shown.lines, shown.common, t, locale) : null,
    state.scale === 'log' ? (shown.hidden > 0 ? t('scale.logNote', { n: shown.hidden }) : t('scale.logNoteNone')) : null,
  ].filter((n): n is string => n !== null);
  const notes = [t('compare.note'), ...scaleNotes].join('\n');
  const frame = useMemo(() => makeFrame(props, title, unit, notes), [props, title, unit, notes]);
  const option = useMemo(() => {
    if (rows.length === 0) return null;
    return lineOverYears(
      shown.lines.map((l) => ({ name: l.series, colorKey: l.key, points: l.points, scope: l.scope })),
      frame,
      { templateBreaks: [{ year: 2019, label: t('compare.break2019') }, { year: 2021, label: t('compare.break2021') }], log: state.scale === 'log' },
    );
  }, [rows.length, shown, frame, t, state.scale]);
  const years = [...new Set(rows.map((r) => Number(r.year)))].sort((a, b) => a - b);
  // The series in words, as drawn (index values in index mode): each is one scope.
  const mark = punctuationOf(locale);
  const description = shown.lines
    .map((l) => {
      const points = l.points.filter((p) => p.value !== null);
      return points.length === 0 ? null : `${l.name}${mark.open}${t(`scope.${l.scope}`)}${mark.close}${mark.colon}${points.map((p) => `${p.year} ${formatNumber(p.value, locale)}`).join(mark.comma)}`;
    })
    .filter(Boolean)
    .join(mark.semicolon);

  const panel = (
    <ChartPanel
      id="compare"
      query={query}
      title={title}
      option={option}
      rows={rows}
      columns={['body_key', 'body', 'year', 'value', 'scope', 'report_id', 'reports', 'area_summary']}
      valueMetric={countMetric(metric)}
      fileName={chartFileName(props, 'compare', 'compare')}
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
        <EntityPicker selected={entities} nameOf={bodyName} onChange={(next) => update({ entities: next })} years={summary?.years ?? null} />
        <MetricSelect value={countMetric(metric)} metrics={PICKABLE_METRICS} onChange={(next) => update({ metric: next })} />
        <YearRange bounds={summary?.years ?? null} value={range} onChange={(y) => update({ years: y })} />
        <ScaleControls scale={state.scale} index={state.index} onChange={(patch) => update(patch)} />
      </div>
      {entities.length === 0 ? <p className="hint">{t('picker.none')}</p> : panel}
      {entities.length > 0 && scaleNotes.length > 0 ? <p className="note" data-testid="scale-note">{scaleNotes.join(' ')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={title} data-testid="compare-table-scroll">
        <table className="matrix" data-testid="compare-table">
          <thead>
            <tr><th>{t('body')}</th>{years.map((y) => <th key={y}>{y}</th>)}</tr>
          </thead>
          <tbody>
            {/* A row per series: a body's own reports and its area summaries each their own, as drawn. */}
            {lines.map((l) => (
              <tr key={`${l.key}-${l.scope}`} data-scope={l.scope}>
                <th>{l.series}</th>
                {years.map((y) => {
                  const row = rows.find((r) => r.body_key === l.key && Number(r.year) === y && (r.scope === 'area') === (l.scope === 'area'));
                  const value = row ? num(row.value) : null;
                  return (
                    <td key={y} data-year={y} data-value={value ?? ''}>
                      {row?.report_id ? <a href={props.linkTo({ view: 'report', report: String(row.report_id), entities: [] })}>{formatNumber(value, locale)}</a> : formatNumber(value, locale)}
                      {row?.area_summary ? '*' : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : null}
    </div>
  );
}

/** The index mode's note: the one base year every line is 100 in, or — when the lines share none — each line's own. */
function indexNote(lines: readonly { series: string; baseYear: number | null }[], common: number | null, t: Translate, locale: Locale): string {
  const mark = punctuationOf(locale);
  const undrawn = lines.filter((l) => l.baseYear === null).map((l) => l.series);
  if (common !== null) return t('scale.indexCommon', { year: common, undrawn: undrawn.length > 0 ? t('scale.indexUndrawn', { lines: undrawn.join(mark.list) }) : '' });
  return t('scale.indexNote', { bases: lines.map((l) => `${l.series} ${l.baseYear ?? t('scale.indexNone')}`).join(mark.semicolon) });
}
