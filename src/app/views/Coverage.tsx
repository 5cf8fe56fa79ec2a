import { useMemo } from 'react';
import { formatNumber } from '../../charts';
import { coverage } from '../../db/sql';
import { useDivisionName } from '../components/DivisionTree';
import { HierarchyLayout } from '../components/HierarchyLayout';
import { useDataset } from '../data/dataset';
import { useSql } from '../data/hooks';
import { tableRows, type Row } from '../data/rows';
import type { ViewState } from '../state/url-state';
import { YearSelect } from './Benchmark';
import { levelLabel, num, viewYear, type ViewProps } from './common';

export function coverageQuery(state: Pick<ViewState, 'parent'>, year: number | null, today?: string) {
  return state.parent && year !== null ? coverage({ parent: state.parent, year, today }) : null;
}

export interface CoverageCounts {
  listed: number;
  reported: number;
  missing: number;
  late: number;
  notDue: number;
  departments: number;
}

export function coverageCounts(rows: readonly Row[]): CoverageCounts {
  const governments = rows.filter((r) => r.unit === 'government');
  return {
    listed: governments.filter((r) => r.listed === true).length,
    // A report under an ambiguous name one of whose candidates is this unit counts as reported.
    reported: governments.filter((r) => (num(r.reports) ?? 0) > 0 || (num(r.ambiguous_reports) ?? 0) > 0).length,
    missing: governments.filter((r) => r.missing === true).length,
    late: rows.filter((r) => r.late === true).length,
    notDue: governments.filter((r) => r.not_due === true).length,
    departments: rows.filter((r) => r.unit === 'department').length,
  };
}

export function Coverage(props: ViewProps) {
  const { t, locale, state, update } = props;
  const { summary } = useDataset();
  const year = viewYear(state, summary?.years);
  const { parent } = state;
  const query = useMemo(() => coverageQuery({ parent }, year, props.date), [parent, year, props.date]);
  const result = useSql(query);
  const rows: Row[] = result.data && query ? tableRows(result.data.table) : [];
  const parentName = useDivisionName(state.parent) ?? state.parent ?? '';
  const counts = coverageCounts(rows);
  const yesNo = (v: unknown) => (v === true ? t('yes') : v === false ? t('no') : '—');
  return (
    <HierarchyLayout name="coverage" parent={state.parent} onSelect={(parent) => update({ parent })}>
        <div className="controls">
          <YearSelect props={props} year={year} />
        </div>
        {!state.parent ? <p className="hint" data-testid="pick-parent">{t('tree.none')}</p> : null}
        {result.error ? <p className="error" role="alert">{t('queryFailed')}: {result.error.message.split('\n')[0]}</p> : null}
        {state.parent && result.data ? (
          <section className="panel" data-testid="panel-coverage">
            <h3>{t('coverage.title', { parent: parentName, year: year ?? '' })}</h3>
            <div className="kpis">
              {(['listed', 'reported', 'missing', 'notDue', 'late', 'departments'] as const).map((k) => (
                <div className="kpi" key={k} data-testid={`coverage-kpi-${k}`}>
                  <div className="kpi-value">{formatNumber(counts[k], locale)}</div>
                  <div className="kpi-label">{t(`coverage.kpi.${k}`)}</div>
                </div>
              ))}
            </div>
            <p className="note">{t('coverage.rule')}</p>
            <div className="table-scroll">
              <table data-testid="coverage-table">
                <thead>
                  <tr>
                    <th>{t('coverage.unitKind')}</th><th>{t('bench.unit')}</th><th>{t('level')}</th><th>{t('coverage.reported')}</th>
                    <th>{t('published')}</th><th>{t('coverage.deadline')}</th><th>{t('coverage.late')}</th><th>{t('coverage.missing')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => {
                    const key = `${String(r.unit)}-${String(r.division_code)}-${String(r.department ?? '')}`;
                    const reports = num(r.reports) ?? 0;
                    const ambiguous = num(r.ambiguous_reports) ?? 0;
                    return (
                      <tr key={key} data-testid="coverage-row" data-unit={String(r.unit)} data-code={String(r.division_code)} data-missing={String(r.missing === true)} data-late={String(r.late === true)} data-reports={reports} data-ambiguous={ambiguous} data-not-due={String(r.not_due === true)} className={r.missing === true ? 'missing' : r.late === true ? 'late' : undefined}>
                        <td>{r.unit === 'department' ? t('coverage.department') : t('coverage.government')}</td>
                        <td>
                          {r.unit === 'department' ? String(r.department) : String(r.division_name ?? r.division_code)}
                          {r.unit === 'government' && r.listed === false ? <span className="meta"> ({t('coverage.unlisted')})</span> : null}
                        </td>
                        <td>{levelLabel(t, r.unit === 'department' ? 'department' : r.division_level)}</td>
                        <td className="n">
                          {reports > 0 ? `${t('yes')} (${reports})` : ambiguous > 0 ? t('coverage.ambiguousOnly') : t('no')}
                          {(num(r.area_reports) ?? 0) > 0 ? <span className="meta"> {t('coverage.areaReport')}</span> : null}
                          {ambiguous > 0 ? <div className="meta" data-testid="ambiguous-note">{t('coverage.ambiguous', { issuers: String(r.ambiguous_issuers ?? '') })}</div> : null}
                        </td>
                        <td>{r.published ? String(r.published) : reports > 0 ? <span className="meta">{t('coverage.unknownDate')}</span> : '—'}</td>
                        <td>{String(r.deadline ?? '')}</td>
                        <td>{r.late === true ? <strong className="badge late">{t('coverage.late')}</strong> : yesNo(r.late)}</td>
                        <td>{r.missing === true ? <strong className="badge missing" data-testid="missing-flag">{t('coverage.missing')}</strong> : r.not_due === true ? <span className="meta" data-testid="not-due">{t('coverage.notDue')}</span> : t('no')}</td>
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
