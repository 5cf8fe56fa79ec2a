import { useMemo } from 'react';
import { stackedBars } from '../../charts';
import { applicantBreakdown, outcomeBreakdown } from '../../db/sql';
import { ChartPanel } from '../components/ChartPanel';
import { EntityPicker } from '../components/EntityPicker';
import { YearRange } from '../components/YearRange';
import { useDataset } from '../data/dataset';
import { useSql } from '../data/hooks';
import { tableRows, type Row } from '../data/rows';
import { APPLICANT_SERIES, breakdownBars, OUTCOME_SERIES } from './breakdown-series';
import { bodyNamesOf, makeFrame, type ViewProps } from './common';

export function outcomesQuery(props: Pick<ViewProps, 'state'>) {
  const input = { bodies: props.state.entities, years: props.state.years ?? undefined };
  return props.state.breakdown === 'outcomes' ? outcomeBreakdown(input) : applicantBreakdown(input);
}

export function Outcomes(props: ViewProps) {
  const { t, locale, state, update } = props;
  const { summary } = useDataset();
  const query = useMemo(() => outcomesQuery(props), [state.entities, state.years, state.breakdown]);
  const result = useSql(query);
  const rows: Row[] = result.data ? tableRows(result.data.table) : [];
  const parts = state.breakdown === 'outcomes' ? OUTCOME_SERIES : APPLICANT_SERIES;
  const names = bodyNamesOf(rows, state.entities, props.bodyName);
  const { categories, series, subject } = breakdownBars(rows, parts, state.entities, t, t('outcomes.pooled'), (key) => names.get(key) ?? props.bodyName(key));
  const baseTitle = state.breakdown === 'outcomes' ? t('outcomes.title.outcomes') : t('outcomes.title.applicants');
  const title = subject ? `${baseTitle} · ${subject}` : baseTitle;
  const option = useMemo(
    () =>
      series.length === 0
        ? null
        : stackedBars(categories, series, makeFrame(props, title, state.shares ? '%' : t('unit.cases'), t('outcomes.note')), {
            percent: state.shares,
            horizontal: state.entities.length > 1,
          }),
    [result.data, locale, state.shares]
  );
  // The body's name stands for it in the CSV; its key is for the URL.
  const columns = rows[0] ? Object.keys(rows[0]).filter((c) => c !== 'body_key') : [];
  const panel = (
    <ChartPanel id="outcomes" query={query} title={title} option={option} rows={series.length ? rows : []} columns={columns} link={props.linkTo({})} embedLink={props.linkTo({ embed: true })} embed={state.embed} busy={result.isFetching && !result.data} error={result.error} height={state.entities.length > 1 ? 120 + 48 * categories.length : 420} />
  );
  if (state.embed) return panel;
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
    </div>
  );
}
