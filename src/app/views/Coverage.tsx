import { useMemo } from 'react';
import { donut, formatNumber } from '../../charts';
import { ChartPanel } from '../components/ChartPanel';
import { coverage } from '../../db/sql';
import { useDivisionLabel } from '../components/DivisionTree';
import { useHierarchyYear } from './hierarchy-year';
import { HierarchyLayout } from '../components/HierarchyLayout';
import { useSql } from '../data/hooks';
import { tableRows, type Row } from '../data/rows';
import type { ViewState } from '../state/url-state';
import { YearSelect } from '../components/YearSelect';
import { chartFileName, chartLinks, levelLabel, makeFrame, num, type ViewProps } from './common';
import { COVERAGE_CSV_COLUMNS, COVERAGE_PARTS, COVERAGE_SLOTS, coverageCounts, coverageCsvRows, coverageParts, lateFigure, listedFigure, type CoveragePart } from './coverage-model';
import { useDataset } from '../data/dataset';
import { useShownVersion } from '../user/UserLayer';

export function coverageQuery(state: Pick<ViewState, 'parent'>, year: number | null, today?: string) {
  return state.parent && year !== null ? coverage({ parent: state.parent, year, today }) : null;
}

export function Coverage(props: ViewProps) {
  const { t, locale, state, update } = props;
  const year = useHierarchyYear(state);
  const { parent } = state;
  const query = useMemo(() => coverageQuery({ parent }, year, props.date), [parent, year, props.date]);
  const result = useSql(query);
  const rows: Row[] = useMemo(() => (result.data && query ? tableRows(result.data.table) : []), [result.data, query]);
  const { label: parentName, ready: nameReady } = useDivisionLabel(state.parent);
  const counts = coverageCounts(rows);
  const late = lateFigure(counts);
  const listedBase = listedFigure(counts);
  const governments = rows.filter((r) => r.unit === 'government');
  const parts = useMemo(() => coverageParts(rows), [rows]);
  const partLabel = useMemo(() => {
    const labels: Record<CoveragePart, string> = { on_time: t('coverage.onTime'), late: t('coverage.kpi.late'), date_unknown: t('coverage.dateUnknownPart'), missing: t('coverage.kpi.missing'), not_due: t('coverage.kpi.notDue') };
    return (part: CoveragePart) => labels[part];
  }, [t]);
  const partRows: Row[] = useMemo(() => COVERAGE_PARTS.map((status) => ({ status, label: partLabel(status), governments: parts[status] })), [partLabel, parts]);
  // The CSV: the governments behind each part, with the parent, year and dataset version.
  const { info, summary } = useDataset();
  // Under the user's reports alone, their layer's version.
  const datasetVersion = useShownVersion(info?.datasetVersion ?? summary?.dataset_version ?? null);
  const csvRows = useMemo(() => coverageCsvRows(rows, { parent, parentName: nameReady ? parentName : null, year, datasetVersion }, partLabel), [rows, parent, parentName, nameReady, year, datasetVersion, partLabel]);
  const chartTitle = t('coverage.chartTitle', { parent: parentName, year: year ?? '' });
  // With no listed children the donut has no missing or not-yet-due part to draw: a note of the
  // chart says why, so the PNG, SVG, table and text alternative carry it.
  const notes = listedBase.noneListed ? t('coverage.noneListedNote', { year: year ?? '' }) : undefined;
  const option = useMemo(
    () => (rows.length > 0 && nameReady ? donut(partRows.filter((r) => Number(r.governments) > 0).map((r) => ({ name: String(r.label), value: Number(r.governments), slot: COVERAGE_SLOTS[r.status as CoveragePart] })), makeFrame(props, chartTitle, t('unit.governments'), notes)) : null),
    [rows.length, nameReady, partRows, props, chartTitle, t, notes],
  );
  const panel = (
    <ChartPanel id="coverage" query={query} title={chartTitle} option={option} rows={governments.length > 0 ? csvRows : []} columns={[...COVERAGE_CSV_COLUMNS]} fileName={chartFileName(props, 'coverage', 'coverage', year)} {...chartLinks(props, 'coverage')} embed={state.embed} busy={!result.data && Boolean(query)} error={result.error} height={320} />
  );
  if (state.embed) return panel;
  const yesNo = (v: unknown) => (v === true ? t('yes') : v === false ? t('no') : '—');
  return (
    <HierarchyLayout name="coverage" parent={state.parent} onSelect={(parent) => update({ parent })}>
        <div className="controls">
          <YearSelect props={props} year={year} />
        </div>
        {!state.parent ? <p className="hint" data-testid="pick-parent">{t('tree.none')}</p> : null}
        {result.error ? <p className="error" role="alert">{t('queryFailed')}: {result.error.message.split('\n')[0]}</p> : null}
        {state.parent && result.data ? (
          <section className="panel" data-testid="coverage-section">
            <h3>{t('coverage.title', { parent: parentName, year: year ?? '' })}</h3>
            <div className="kpis">
              {(['listed', 'reported', 'missing', 'notDue', 'late', 'departments'] as const).map((k) => (
                <div className="kpi" key={k} data-testid={`coverage-kpi-${k}`}>
                  <div className="kpi-value">{formatNumber(k === 'late' ? late.value : k === 'missing' || k === 'notDue' ? listedBase[k] : counts[k], locale)}</div>
                  <div className="kpi-label">{t(`coverage.kpi.${k}`)}</div>
                  {(k === 'missing' || k === 'notDue') && listedBase.noneListed ? <div className="kpi-label" data-testid={`coverage-kpi-${k}-base`}>{t('coverage.kpi.noneListed')}</div> : null}
                  {k === 'reported' && counts.ambiguousOnly > 0 ? <div className="kpi-label" data-testid="coverage-kpi-reported-ambiguous">{t('coverage.kpi.reportedAmbiguous', { n: formatNumber(counts.ambiguousOnly, locale) })}</div> : null}
                  {k === 'late' && late.unknown > 0 ? <div className="kpi-label" data-testid="coverage-kpi-late-base">{t('coverage.kpi.lateBase', { known: formatNumber(late.known, locale), unknown: formatNumber(late.unknown, locale) })}</div> : null}
                </div>
              ))}
            </div>
            <p className="note">{t('coverage.rule')}</p>
            {panel}
            {/* Its own scroll box (a phone scrolls the table, not the page), the unit's name first and kept in view. */}
            <div className="table-scroll coverage-scroll" tabIndex={0} role="region" aria-label={t('coverage.title', { parent: parentName, year: year ?? '' })} data-testid="coverage-scroll">
              <table data-testid="coverage-table">
                <thead>
                  <tr>
                    <th scope="col">{t('bench.unit')}</th><th scope="col">{t('coverage.unitKind')}</th><th scope="col">{t('level')}</th><th scope="col">{t('coverage.reported')}</th>
                    <th scope="col">{t('published')}</th><th scope="col">{t('coverage.deadline')}</th><th scope="col">{t('coverage.late')}</th><th scope="col">{t('coverage.missing')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => {
                    const key = `${String(r.unit)}-${String(r.division_code)}-${String(r.department ?? '')}`;
                    const reports = num(r.reports) ?? 0;
                    const ambiguous = num(r.ambiguous_reports) ?? 0;
                    return (
                      <tr key={key} data-testid="coverage-row" data-unit={String(r.unit)} data-code={String(r.division_code)} data-missing={String(r.missing === true)} data-late={String(r.late === true)} data-reports={reports} data-ambiguous={ambiguous} data-not-due={String(r.not_due === true)} className={r.missing === true ? 'missing' : r.late === true ? 'late' : undefined}>
                        <th scope="row" data-testid="coverage-name">
                          {r.unit === 'department' ? String(r.department) : String(r.division_name ?? r.division_code)}
                          {r.unit === 'government' && r.listed === false ? <span className="meta"> ({t('coverage.unlisted')})</span> : null}
                        </th>
                        <td>{r.unit === 'department' ? t('coverage.department') : t('coverage.government')}</td>
                        <td>{levelLabel(t, r.unit === 'department' ? 'department' : r.division_level)}</td>
                        <td>
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
