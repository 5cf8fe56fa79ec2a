// A chart of the query result: the user picks x, y and (optionally) a series column; drawn with
// the app's chart builders in a ChartPanel, so it has the same exports as every chart.
import type { Table } from 'apache-arrow';
import { useMemo } from 'react';
import { lineOverYears, stackedBars } from '../../charts';
import { ChartPanel } from '../components/ChartPanel';
import { makeFrame, punctuationOf, type ViewProps } from '../views/common';
import { chartModel, defaultPick, isNumericType, type ChartPick } from './result-model';

export function ResultChart({ table, props }: { table: Table; props: ViewProps }) {
  const { t } = props;
  const fields = table.schema.fields;
  // The picks live in the URL (a link shows the same chart); picks that do not fit this result's columns give way to the defaults.
  const chosen = props.state.sqlChart;
  const fits = chosen && [chosen.x, chosen.y, chosen.series].every((c) => c === '' || fields.some((f) => f.name === c)) && fields.some((f) => f.name === chosen.y && isNumericType(f.type));
  const pick: ChartPick | null = useMemo(() => (fits ? { x: chosen.x, y: chosen.y, series: chosen.series } : defaultPick(table)), [table, fits, chosen]);
  const kind = fits ? chosen.kind : 'bar';
  const setPick = (next: ChartPick, nextKind = kind) => props.update({ sqlChart: { ...next, kind: nextKind } }, { replace: true });
  const setKind = (nextKind: 'bar' | 'line') => pick && setPick(pick, nextKind);
  const model = useMemo(() => (pick ? chartModel(table, pick) : null), [table, pick]);
  // The y column names what is drawn; its unit is the user's SQL's, unknown here, so none is claimed.
  const title = pick ? `${t('sql.chartTitle')}${punctuationOf(props.locale).colon}${pick.y}` : t('sql.chartTitle');
  const option = useMemo(() => {
    if (!model?.ok || !pick) return null;
    const frame = makeFrame(props, title, '');
    if (kind === 'line' && model.xIsYear) {
      return lineOverYears(model.series.map((s) => ({ name: s.name, points: model.categories.map((c, i) => ({ year: Number(c), value: s.values[i] })) })), frame);
    }
    return stackedBars(model.categories, model.series, frame);
  }, [model, kind, pick, props, title]);

  if (!pick) return <p className="note" data-testid="sql-chart-none">{t('sql.chartNeedsNumbers')}</p>;
  const select = (label: string, key: keyof ChartPick, options: string[], allowNone = false) => (
    <label>
      {label}
      <select data-testid={`sql-chart-${key}`} value={pick[key]} onChange={(e) => setPick({ ...pick, [key]: e.target.value })}>
        {allowNone ? <option value="">{t('sql.none')}</option> : null}
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </label>
  );
  const names = fields.map((f) => f.name);
  const numeric = fields.filter((f) => isNumericType(f.type)).map((f) => f.name);
  const rows = model?.ok ? model.rows : [];
  const columns = [pick.x, ...(pick.series ? [pick.series] : []), pick.y];
  return (
    <div className="sql-chart">
      <h3>{t('sql.chart')}</h3>
      <div className="controls">
        {select(t('sql.chartX'), 'x', names)}
        {select(t('sql.chartY'), 'y', numeric)}
        {select(t('sql.chartSeries'), 'series', names.filter((n) => n !== pick.x && n !== pick.y), true)}
        <label>
          {t('sql.chartKind')}
          <select data-testid="sql-chart-kind" value={kind} onChange={(e) => setKind(e.target.value as 'bar' | 'line')}>
            <option value="bar">{t('sql.chartBar')}</option>
            <option value="line" disabled={!(model?.ok && model.xIsYear)}>{t('sql.chartLine')}</option>
          </select>
        </label>
      </div>
      {model && !model.ok && model.reason === 'duplicate' ? <p className="note" data-testid="sql-chart-duplicate">{props.locale === 'zh' ? `横轴与分组的组合 ${model.detail} 出现多次：请先在 SQL 中汇总（GROUP BY）。` : `The pair ${model.detail} of x and series occurs more than once: aggregate in SQL first (GROUP BY).`}</p> : null}
      {model && !model.ok && model.reason === 'too-many-rows' ? <p className="note" data-testid="sql-chart-too-many">{props.locale === 'zh' ? `结果超过 ${model.detail} 行，不作图：请先在 SQL 中汇总。` : `More than ${model.detail} rows: not charted. Aggregate in SQL first.`}</p> : null}
      {model?.ok && model.droppedSeries > 0 ? <p className="note">{props.locale === 'zh' ? `只画出前 ${model.series.length} 个系列，另有 ${model.droppedSeries} 个未画出。` : `Only the first ${model.series.length} series are drawn; ${model.droppedSeries} more are not.`}</p> : null}
      <ChartPanel id="sql-result" title={title} option={option} rows={rows} columns={columns} link={props.linkTo({})} embedLink={props.linkTo({ embed: true })} embed={props.state.embed} height={360} noValues={!model?.ok} />
    </div>
  );
}
