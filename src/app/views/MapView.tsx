import { useMemo, useState } from 'react';
import { choropleth, formatNumber, provinceTileGrid, registerUserMap, UserMapError, type RegisteredUserMap } from '../../charts';
import { divisionNames, provinceTotals } from '../../db/sql';
import { ChartPanel } from '../components/ChartPanel';
import { MetricSelect } from '../components/MetricSelect';
import { useDataset } from '../data/dataset';
import { useSql } from '../data/hooks';
import { tableRows, type Row } from '../data/rows';
import { countMetric, metricLabel, metricUnit, PICKABLE_METRICS } from '../i18n/metric-labels';
import type { ViewState } from '../state/url-state';
import { YearSelect } from '../components/YearSelect';
import { chartFileName, makeFrame, num, viewYear, type ViewProps, chartLinks } from './common';

export function mapQuery(state: Pick<ViewState, 'metric'>, year: number | null) {
  return year === null ? null : provinceTotals({ metric: countMetric(state.metric), year });
}

const USER_MAP = 'gongkai-user-map';

interface UserMap extends RegisteredUserMap {
  file: string;
}

const MAP_COLUMNS = ['province_code', 'province_name', 'year', 'value', 'units', 'reports'];

export function MapView(props: ViewProps) {
  const { t, locale, state, update } = props;
  const { summary } = useDataset();
  const year = viewYear(state, summary?.years);
  const metric = countMetric(state.metric);
  const query = useMemo(() => mapQuery({ metric }, year), [metric, year]);
  const result = useSql(query);
  const rows: Row[] = useMemo(() => (result.data && query ? tableRows(result.data.table) : []), [result.data, query]);
  const namesQuery = useMemo(() => (rows.length > 0 ? divisionNames(rows.map((r) => String(r.province_code))) : null), [rows]);
  const namesResult = useSql(namesQuery);
  const names: Record<string, string> = useMemo(
    () => Object.fromEntries((namesResult.data && namesQuery ? tableRows(namesResult.data.table) : []).map((r) => [String(r.code), String(r.name)])),
    [namesResult.data, namesQuery],
  );
  // Each province with its name, for the CSV.
  const named = useMemo(() => rows.map((r) => ({ ...r, province_name: names[String(r.province_code)] ?? null })), [rows, names]);
  const unit = metricUnit(metric, locale);
  const title = t('map.title', { metric: metricLabel(metric, locale), year: year ?? '' });
  const option = useMemo(() => {
    const values = rows.map((r) => ({ code: String(r.province_code), value: num(r.value) }));
    return rows.length === 0 ? null : provinceTileGrid(values, makeFrame(props, title, unit, t('map.note')), { names });
  }, [rows, names, props, title, unit, t]);

  const [codeProperty, setCodeProperty] = useState('adcode');
  const [userMap, setUserMap] = useState<UserMap | null>(null);
  const [problems, setProblems] = useState<string[] | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setProblems(null);
    setUserMap(null);
    try {
      const text = await file.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        setProblems([t('map.notJson')]);
        return;
      }
      setUserMap({ ...registerUserMap(USER_MAP, parsed, codeProperty.trim()), file: file.name });
    } catch (error) {
      setProblems(error instanceof UserMapError ? [...error.problems] : [(error as Error).message]);
    }
  };
  const userTitle = t('map.userTitle', { metric: metricLabel(metric, locale), year: year ?? '' });
  const userOption = useMemo(() => {
    if (!userMap) return null;
    const byCode = new Map(rows.map((r) => [String(r.province_code), num(r.value)]));
    const regions = userMap.codes.map((code) => ({ code, name: userMap.names[code] ?? names[code] ?? code, value: byCode.get(code) ?? null }));
    return choropleth(USER_MAP, regions, makeFrame(props, userTitle, unit, t('map.note')));
  }, [userMap, rows, names, props, userTitle, unit, t]);

  const panel = (
    <ChartPanel
      id="map"
      query={query}
      title={title}
      option={option}
      rows={named}
      columns={MAP_COLUMNS}
      valueMetric={metric}
      extraColumns={['units']}
      fileName={chartFileName(props, 'map', 'map', year)}
      {...chartLinks(props, 'map')}
      embed={state.embed}
      height={520}
      busy={Boolean(query) && result.isFetching && !result.data}
      error={result.error}
    />
  );
  if (state.embed) return panel;
  return (
    <div className="view map">
      <div className="controls">
        <YearSelect props={props} year={year} />
        <MetricSelect value={metric} metrics={PICKABLE_METRICS} onChange={(next) => update({ metric: next })} />
      </div>
      <p className="note" data-testid="map-no-boundaries">{t('map.noBoundaries')}</p>
      {panel}
      {rows.length > 0 ? (
        <section className="panel">
          <div className="table-scroll" tabIndex={0} role="region" aria-label={title} data-testid="map-table-scroll">
          <table data-testid="map-table">
            <thead><tr><th>{t('map.province')}</th><th>{t('value')}</th><th>{t('map.units')}</th><th>{t('map.reports')}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={String(r.province_code)} data-code={String(r.province_code)} data-value={r.value ?? ''}>
                  <th>{names[String(r.province_code)] ?? String(r.province_code)}</th>
                  <td className="n">{formatNumber(num(r.value), locale)}</td>
                  <td className="n">{formatNumber(num(r.units), locale)}</td>
                  <td className="n">{formatNumber(num(r.reports), locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </section>
      ) : null}
      <section className="panel user-map">
        <div className="controls">
          <label>
            {t('map.load')}
            <input type="file" accept=".json,.geojson,application/json,application/geo+json" data-testid="geojson-file" onChange={(e) => void onFile(e.target.files?.[0])} />
          </label>
          <label>
            {t('map.codeProperty')}
            <input type="text" data-testid="geojson-code-property" value={codeProperty} size={10} onChange={(e) => setCodeProperty(e.target.value)} />
          </label>
        </div>
        {problems ? (
          <div className="error" role="alert" data-testid="geojson-errors">
            {t('map.invalid', { reason: '' })}
            <ul>{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
          </div>
        ) : null}
        {userMap ? <p className="note" data-testid="geojson-loaded">{t('map.loaded', { n: userMap.codes.length, name: userMap.file })}</p> : null}
        {userOption ? (
          <ChartPanel id="usermap" query={query} title={userTitle} option={userOption} rows={named} columns={MAP_COLUMNS} valueMetric={metric} extraColumns={['units']} fileName={chartFileName(props, 'map', 'usermap', year)} link={null} embedLink={null} height={520} />
        ) : null}
      </section>
    </div>
  );
}
