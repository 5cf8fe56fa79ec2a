import { lazy, Suspense, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Chart, chartTable, describeTable, downloadBlob, fitToWidth, safeFileName, svgToBlob, type ChartApi, type ChartOption } from '../../charts';
import { ChartDataTable } from './ChartDataTable';
import { CodeLoadBoundary, CodeLoadFailed } from './CodeLoadBoundary';
import type { BuiltQuery } from '../../db/sql';
import { useDataset } from '../data/dataset';
import { useLayerRows, useShownVersion } from '../user/UserLayer';
import { downloadCsv, type TidyColumn } from '../data/tidy';
import type { Row } from '../data/rows';
import { useI18n } from '../i18n/context';
import { consoleSearch, navigateInApp, querySql } from '../sql-console/link';
import { useCorrections } from '../user/corrections-context';
import { correctedRows } from '../user/corrections-in-rows';
import { addPin, storedPins } from '../../briefing/pin-store';
import { ChartSinkContext } from './chart-sink';
import { PinIcon } from './PinIcon';
import { measureEmbedFrame } from './embed-frame';

// Its code (the export layouts, the SVG renderer) is loaded when a person first opens it.
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));

export interface ChartPanelProps {
  /** Stable id: test hooks and file names. */
  id: string;
  title: string;
  option: ChartOption | null;
  /** The rows behind the chart, for its CSV (tidy: one row per observation, see data/tidy.ts). */
  rows: Row[];
  columns: string[];
  /** The metric of the rows' `value` column, if they have one. */
  valueMetric?: string | null;
  /** Columns of the rows kept after the tidy ones (see tidyRows). */
  extraColumns?: readonly string[];
  /** Tidy columns that do not apply to the rows, left out of the CSV (see TidyOptions). */
  notApplicable?: readonly TidyColumn[];
  /** The CSV's file name, after what it holds (data/download-name.ts); the title when absent. */
  fileName?: string;
  /**
   * Shareable URL of this view with this chart's id, and of this chart alone; null for a chart no
   * URL can restore (one drawn from a file the user loaded).
   */
  link: string | null;
  embedLink: string | null;
  embed?: boolean;
  height?: number;
  busy?: boolean;
  error?: Error | null;
  /** Rows came back but state nothing to draw (every value absent). */
  noValues?: boolean;
  /** The query behind the chart: its "SQL" button opens it in the SQL console. */
  query?: Pick<BuiltQuery, 'sql' | 'params'> | null;
  /** Where the methods page explains this chart. */
  methodsLink?: string;
  /** The chart in words (its series, points and what each rests on), for screen readers and checks. */
  description?: string;
  children?: ReactNode;
}

/** The copied embed code's width (px). */
const EMBED_WIDTH = 800;

/**
 * The embed's height: the chart as the embed page lays it out at EMBED_WIDTH (notes and source
 * line wrapped to the chart's width there, which makes it taller; see fitToWidth), and the page's
 * frame around it, measured (embed-frame.ts).
 */
function embedHeight(option: ChartOption | null, height: number, openFull: string | null, banner: string | null): number {
  const { frame, chartWidth } = measureEmbedFrame(EMBED_WIDTH, openFull, banner);
  // As the Chart component rounds its width (down to 10 px).
  return height + (option ? fitToWidth(option, Math.floor(chartWidth / 10) * 10).extraHeight : 0) + frame;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ChartPanel({ id, title, option, rows, columns, valueMetric = null, extraColumns, notApplicable, fileName, link, embedLink, embed, height = 380, busy, error, noValues, query, description, methodsLink, children }: ChartPanelProps) {
  const { t, locale } = useI18n();
  const { info, summary } = useDataset();
  // Under the user's reports alone, their layer's version.
  const datasetVersion = useShownVersion(info?.datasetVersion ?? summary?.dataset_version ?? null);
  // Under both layers: the user's rows carry the layer's version.
  const layerRows = useLayerRows();
  const sqlSearch = query ? consoleSearch(querySql(query), locale) : null;
  const api = useRef<ChartApi | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [asTable, setAsTable] = useState(false);
  // The text alternative and the table come from the option the chart draws, never a second query.
  const table = useMemo(() => (option ? chartTable(option, locale) : null), [option, locale]);
  const generated = table ? describeTable(table, locale) : '';
  const onReady = useCallback((ready: ChartApi) => (api.current = ready), []);
  const flash = (what: string) => {
    setCopied(what);
    window.setTimeout(() => setCopied(null), 1500);
  };
  // Rows resting on a person's correction: said on the panel, and a `corrected` column in its CSV.
  const { applied } = useCorrections();
  const corrected = useMemo(() => correctedRows(columns, rows, applied), [columns, rows, applied]);
  const empty = !busy && !error && (rows.length === 0 || Boolean(noValues));
  const [exporting, setExporting] = useState(false);
  // The SVG renderer's code is loaded on the first press: a failed load is said, not swallowed.
  const [svgFailed, setSvgFailed] = useState<Error | null>(null);
  const exportSvg = () => {
    if (!api.current) return;
    api.current.toSvg().then(
      (svg) => {
        setSvgFailed(null);
        downloadBlob(svgToBlob(svg), safeFileName(title, 'svg'));
      },
      (e: unknown) => setSvgFailed(e instanceof Error ? e : new Error(String(e))),
    );
  };
  const [pinned, setPinned] = useState<number | null>(null);
  const sink = useContext(ChartSinkContext);
  useEffect(() => {
    if (sink && option && !empty) sink({ id, title, option });
  }, [sink, id, title, option, empty]);
  // Measured when copied: the page's fonts and styles are loaded by then.
  const iframe = () => {
    if (embedLink === null) return '';
    const iframeHeight = embedHeight(option, height, link === null ? null : t('openFull'), summary?.synthetic ? t('syntheticBanner') : null);
    return `<iframe src="${embedLink.replaceAll('"', '&quot;')}" width="${EMBED_WIDTH}" height="${iframeHeight}" style="border:0" title="${title.replaceAll('"', '&quot;')}"></iframe>`;
  };

  return (
    <section className={embed ? 'panel panel-embed' : 'panel'} data-testid={`panel-${id}`} aria-busy={busy ? 'true' : 'false'}>
      {error ? <div className="error" role="alert">{t('queryFailed')}: {error.message.split('\n')[0]}</div> : null}
      {empty ? <div className="empty" data-testid={`empty-${id}`}>{t('noData')}</div> : null}
      {option && !empty ? <Chart option={option} height={height} onReady={onReady} testId={`chart-${id}`} ariaLabel={t('chart.figure', { title })} describedBy={`description-${id}`} /> : null}
      {option && !empty ? <p className="sr-only" id={`description-${id}`} data-testid={`description-${id}`}>{[generated, description].filter(Boolean).join(' ')}</p> : null}
      {corrected.count > 0 && !empty ? <p className="corrections-note" data-testid={`corrections-${id}`}>{t('corrections.chartNote', { n: corrected.count })}</p> : null}
      {option && !empty && table ? <p className="print-caption" aria-hidden="true">{table.title}{table.unit ? ` · ${table.unit}` : ''} — {table.source}</p> : null}
      {option && !empty && table && asTable ? <ChartDataTable id={id} table={table} caption={t('chart.tableCaption', { title })} /> : null}
      {!option && !empty && !error ? <div className="loading" style={{ height }}>{t('loading')}</div> : null}
      {embed ? (
        link === null ? null : <a className="embed-open" href={link} target="_blank" rel="noreferrer">{t('openFull')}</a>
      ) : (
        <div className="toolbar" role="toolbar" aria-label={title}>
          <button type="button" data-testid={`table-toggle-${id}`} aria-pressed={asTable} disabled={!table || empty} onClick={() => setAsTable((on) => !on)}>{t('chart.showTable')}</button>
          <button type="button" data-testid={`png-${id}`} disabled={!option} onClick={() => api.current && void api.current.toPng().then((blob) => downloadBlob(blob, safeFileName(title, 'png')))}>{t('exportPng')}</button>
          <button type="button" data-testid={`svg-${id}`} disabled={!option} onClick={exportSvg}>{t('exportSvg')}</button>
          <button type="button" data-testid={`export-${id}`} disabled={!option || empty} onClick={() => setExporting(true)}>{t('export.open')}</button>
          {link !== null ? <button type="button" data-testid={`pin-${id}`} disabled={!option || empty} onClick={() => addPin(link) && setPinned(storedPins().length)}><PinIcon />{pinned === null ? t('briefing.pin') : t('briefing.pinned', { n: pinned })}</button> : null}
                    <button type="button" data-testid={`csv-${id}`} disabled={rows.length === 0} onClick={() => downloadBlob(new Blob([downloadCsv(columns, rows, { valueMetric, datasetVersion, locale, extra: extraColumns, notApplicable, applied, layerRows })], { type: 'text/csv;charset=utf-8' }), safeFileName(fileName ?? title, 'csv'))}>{t('exportCsv')}</button>
          {link !== null ? <button type="button" data-testid={`link-${id}`} onClick={() => void copy(link).then((ok) => ok && flash('link'))}>{copied === 'link' ? t('copied') : t('copyLink')}</button> : null}
          {embedLink !== null ? (
            <>
              <button type="button" data-testid={`embed-${id}`} onClick={() => void copy(iframe()).then((ok) => ok && flash('embed'))}>{copied === 'embed' ? t('copied') : t('copyEmbed')}</button>
              <a className="embed-link" data-testid={`embed-link-${id}`} href={embedLink} target="_blank" rel="noreferrer">embed ↗</a>
            </>
          ) : null}
          {sqlSearch ? <a className="sql-link" data-testid={`sql-${id}`} href={sqlSearch} title={t('sql.openSqlTitle')} onClick={(e) => { e.preventDefault(); navigateInApp(sqlSearch); }}>{t('sql.openSql')}</a> : null}
        </div>
      )}
      {svgFailed ? <CodeLoadFailed error={svgFailed} testId={`svg-failed-${id}`} /> : null}
      {exporting && option ? (
        <CodeLoadBoundary testId={`export-failed-${id}`}>
          <Suspense fallback={<p className="status" role="status">{t('loading')}</p>}>
            <ExportDialog id={id} option={option} onClose={() => setExporting(false)} />
          </Suspense>
        </CodeLoadBoundary>
      ) : null}
      {methodsLink && !embed ? <a className="methods-link" data-testid={`methods-${id}`} href={methodsLink}>{t('methods.link')}</a> : null}
      {children}
    </section>
  );
}
