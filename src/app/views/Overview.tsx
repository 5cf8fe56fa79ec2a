import { useMemo } from 'react';
import { donut, FEW_REPORTS, formatNumber, lineOverYears, stackedBars } from '../../charts';
import { datasetCounts, failedFiles, failingReports, headlineTrends, reportsByYearLevel } from '../../db/sql';
import { ChartPanel } from '../components/ChartPanel';
import { useDataset } from '../data/dataset';
import { useSql } from '../data/hooks';
import { embeddedChart } from '../state/url-state';
import { tableRows, type Row } from '../data/rows';
import { markPooled, POOLED_KEY } from '../data/pooled';
import { metricLabel } from '../i18n/metric-labels';
import { chartFileName, chartLinks, levelLabel, makeFrame, num, punctuationOf, templateLabel, yearOptions, type ViewProps } from './common';
import { useLayerRows } from '../user/UserLayer';
import { countsFromSummary, summaryForFirstPaint, yearLevelSeries } from './overview-model';
import { FailedFiles, FILES_SHOWN } from './FailedFiles';

/** How many reports with failing checks the overview lists (it says when there are more). */
const FAILING_SHOWN = 50;

export { yearLevelSeries } from './overview-model';

export function Overview(props: ViewProps) {
  const { t, locale, state } = props;
  const { summary: datasetSummary, info } = useDataset();
  const userLayerIn = useLayerRows() !== null;
  const summary = summaryForFirstPaint(datasetSummary, state.layer, userLayerIn);
  const byYearLevel = useSql(useMemo(reportsByYearLevel, []));
  const counts = useSql(useMemo(datasetCounts, []));
  const trends = useSql(useMemo(headlineTrends, []));
  const failed = useSql(useMemo(() => failedFiles(FILES_SHOWN), []));
  const failing = useSql(useMemo(() => failingReports(FAILING_SHOWN, { year: state.year, parent: state.parent }), [state.year, state.parent]));

  const live = useMemo(() => (byYearLevel.data ? tableRows(byYearLevel.data.table) : null), [byYearLevel.data]);
  const yearLevelRows: Row[] = useMemo(() => live ?? (summary ? summary.by_year_level.map((r) => ({ ...r })) : []), [live, summary]);
  const fromSummary = !live && yearLevelRows.length > 0;
  const title = t('overview.byYearLevel');
  const option = useMemo(() => {
    if (yearLevelRows.length === 0) return null;
    const { categories, series, slots } = yearLevelSeries(yearLevelRows, (l) => levelLabel(t, l));
    return stackedBars(categories, series, makeFrame(props, title, t('unit.reports'), fromSummary ? t('overview.fromSummary') : undefined), { slots });
  }, [yearLevelRows, props, title, t, fromSummary]);
  const file = (chart: string) => chartFileName(props, 'overview', chart);
  const mainPanel = (
    <ChartPanel id="overview" query={reportsByYearLevel()} title={title} option={option} rows={yearLevelRows} columns={['year', 'level', 'reports']} fileName={file('overview')} {...chartLinks(props, 'overview')} embed={state.embed} busy={!option} />
  );

  // Until DuckDB has answered, the counts (KPIs and templates) come from the summary, as the first chart does.
  const liveCounts = counts.data ? tableRows(counts.data.table)[0] : null;
  const c = liveCounts ?? (summary ? countsFromSummary(summary) : null);
  const countsFromSummaryNote = !liveCounts && c ? t('overview.fromSummary') : undefined;
  const kpis: [string, string, string][] = c
    ? [
        ['reports', t('overview.kpi.reports'), formatNumber(num(c.reports), locale)],
        ['ok', t('overview.kpi.ok'), formatNumber(num(c.ok), locale)],
        ['partial', t('overview.kpi.partial'), formatNumber(num(c.partial), locale)],
        ['failed', t('overview.kpi.failed'), formatNumber(num(c.failed), locale)],
        ['failing', t('overview.kpi.failing'), formatNumber(num(c.failing_checks), locale)],
        ['years', t('overview.kpi.years'), c.first_year === null ? '—' : `${c.first_year}–${c.last_year}`],
      ]
    : [];

  // Of each template, how many reports have it from their year alone (printing no table): said, never counted as printed.
  const templateRows: Row[] = c
    ? (['narrative', 'table2019', 'table2021', null] as const).map((tpl) => ({ template: tpl, reports: num(c[tpl === null ? 'template_unknown' : tpl]), by_year: tpl === null ? 0 : num(c[`${tpl}_by_year`]) }))
    : [];
  const templateParts = templateRows
    .filter((r) => r.template !== null && Number(r.reports ?? 0) > 0)
    .map((r) => t('overview.templatePart', { template: templateLabel(t, r.template), reports: formatNumber(num(r.reports), locale), printed: formatNumber(Number(r.reports) - Number(r.by_year), locale), year: formatNumber(num(r.by_year), locale) }));
  const templatesNote = [templateParts.length > 0 ? t('overview.templatesBasis', { parts: templateParts.join(punctuationOf(locale).semicolon) }) : null, countsFromSummaryNote ?? null].filter((n): n is string => n !== null).join('\n');
  const templateOption = c
    ? donut(templateRows.filter((r) => Number(r.reports ?? 0) > 0).map((r) => ({ name: templateLabel(t, r.template), value: Number(r.reports) })), makeFrame(props, t('overview.templates'), t('unit.reports'), templatesNote || undefined))
    : null;

  const trendRows = trends.data ? tableRows(trends.data.table) : [];
  const trendMetrics = ['r.new.total', 'r.handled.total'];
  // Each point says how many own reports state the metric that year: the lines rest on different reports.
  const trendPoints = (m: string) =>
    trendRows.map((r) => {
      const reports = num(r[`${m.replaceAll('.', '_')}__reports`]) ?? 0;
      return { year: Number(r.year), value: reports > 0 ? num(r[m.replaceAll('.', '_')]) : null, reports };
    });
  const mark = punctuationOf(locale);
  const trendDescription = trendMetrics
    .map((m) => `${metricLabel(m, locale)}${mark.colon}${trendPoints(m).filter((p) => p.value !== null).map((p) => t('overview.trendPoint', { year: p.year, value: formatNumber(p.value, locale), n: p.reports })).join(mark.comma)}`)
    .join(mark.semicolon);
  const trendOption = trendRows.length
    ? lineOverYears(
        // Two metrics side by side: the palette's first two places (blue, vermilion), never two near hues.
        trendMetrics.map((m, i) => ({ name: metricLabel(m, locale), points: trendPoints(m), slot: i })),
        makeFrame(props, t('overview.trends'), t('unit.cases'), t('overview.trendsNote', { few: FEW_REPORTS })),
        { templateBreaks: [{ year: 2019, label: t('compare.break2019') }, { year: 2021, label: t('compare.break2021') }] },
      )
    : null;
  const templatesPanel = <ChartPanel id="templates" query={datasetCounts()} title={t('overview.templates')} option={templateOption} rows={templateRows} columns={['template', 'reports', 'by_year']} fileName={file('templates')} {...chartLinks(props, 'templates')} embed={state.embed} busy={!c} height={320} />;
  // The lines sum every own report of a year (no one body): their CSV says pooled as Outcomes' does.
  const trendDownload = markPooled(['body_key', 'body', ...(trendRows[0] ? Object.keys(trendRows[0]) : [])], trendRows.map((r) => ({ body_key: POOLED_KEY, body: POOLED_KEY, ...r })));
  const trendsPanel = <ChartPanel id="trends" query={headlineTrends()} title={t('overview.trends')} option={trendOption} rows={trendDownload.rows} columns={trendDownload.columns} notApplicable={trendDownload.notApplicable} fileName={file('trends')} {...chartLinks(props, 'trends')} embed={state.embed} busy={!trends.data} error={trends.error} height={360} description={trendDescription} />;
  if (state.embed) {
    const chosen = embeddedChart(state);
    return chosen === 'templates' ? templatesPanel : chosen === 'trends' ? trendsPanel : mainPanel;
  }
  const failedRows = failed.data ? tableRows(failed.data.table) : null;
  const notReports = num(failedRows?.find((r) => r.not_report === true)?.total) ?? 0;
  const failingRows = failing.data ? tableRows(failing.data.table) : [];
  const failingTotal = num(failingRows[0]?.total) ?? 0;

  return (
    <div className="view overview">
      {/* From the summary, the KPIs carry no kpi-… test id: those mark DuckDB's answer (tests and benchmarks wait on it). */}
      <div className="kpis" data-testid="kpis" data-from-summary={countsFromSummaryNote ? 'true' : undefined}>
        {kpis.map(([key, label, value]) => (
          <div className="kpi" key={key} data-testid={countsFromSummaryNote ? undefined : `kpi-${key}`} data-kpi={key}>
            <div className="kpi-value">{value}</div>
            <div className="kpi-label">{label}</div>
          </div>
        ))}
        {countsFromSummaryNote ? <div className="kpi pending" data-testid="kpis-from-summary">{countsFromSummaryNote}</div> : !info ? <div className="kpi pending">{t('loadingEngine')}</div> : null}
      </div>
      {notReports > 0 ? (
        <p className="note" data-testid="not-reports-line">
          {t('overview.notReportsLine', { n: formatNumber(notReports, locale) })} <a href="#failed-files">{t('overview.notReportsLink')}</a>
        </p>
      ) : null}
      {mainPanel}
      <div className="grid2">
        {templatesPanel}
        {trendsPanel}
      </div>
      <section className="panel">
        <h2>{t('overview.failing')}</h2>
        <p className="note">{t('overview.failingNote')}</p>
        <div className="controls">
          <label>
            {t('year')}
            <select data-testid="failing-year" value={state.year ?? ''} onChange={(e) => props.update({ year: e.target.value ? Number(e.target.value) : null })}>
              <option value="">{t('overview.failingAllYears')}</option>
              {yearOptions(datasetSummary).map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </label>
          <label>
            {t('overview.failingParent')}
            <input
              data-testid="failing-parent"
              defaultValue={state.parent ?? ''}
              key={state.parent ?? ''}
              placeholder="440100"
              maxLength={6}
              onChange={(e) => {
                const code = e.target.value.trim();
                if (code === '' || /^\d{6}$/.test(code)) props.update({ parent: code || null });
              }}
            />
          </label>
        </div>
        {failingTotal > failingRows.length ? <p className="note" data-testid="failing-cut">{t('overview.failingCut', { shown: failingRows.length, total: failingTotal })}</p> : null}
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('overview.failing')} data-testid="failing-table-scroll">
        <table data-testid="failing-table">
          <thead>
            <tr><th>{t('issuer')}</th><th>{t('year')}</th><th>{t('template')}</th><th>{t('report.failingChecks')}</th></tr>
          </thead>
          <tbody>
            {failingRows.map((r) => (
              <tr key={String(r.report_id)}>
                <td><a href={props.linkTo({ view: 'report', report: String(r.report_id), entities: [] })}>{String(r.issuer ?? r.report_id)}</a></td>
                <td>{String(r.year ?? '—')}</td>
                <td>{templateLabel(t, r.template)}</td>
                <td>{String(r.n_failed_checks)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </section>
      <FailedFiles props={props} rows={failedRows} error={failed.error} />
    </div>
  );
}
