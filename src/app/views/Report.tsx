import { Fragment, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { downloadBlob, formatExact, safeFileName } from '../../charts';
import { reportChecks, reportFacts, reportList, reportLocation, reportText, reportValues } from '../../db/sql';
import { useSql } from '../data/hooks';
import { tableRows, type Row } from '../data/rows';
import { identityById, identityWithValues, labelOfMetric, placeOfMetric } from '../../shared/metric-catalogue';
import type { MessageKey } from '../i18n/messages';
import { levelLabel, num, templateLabel, type ViewProps } from './common';
import { segmentText } from './report-segments';
import { reportValuesCsv, reportValuesFileName } from './report-values-csv';
import { PdfSourcePane, pdfBoxOf } from '../components/PdfSourcePane';
import { CorrectionForm, type CorrectionTarget, type TextSpan } from '../user/CorrectionForm';
import { CorrectionsPanel } from '../user/CorrectionsPanel';

/** Opens a report from the corrections list. */
const reportLink = (props: ViewProps) => (reportId: string) => ({ href: props.linkTo({ report: reportId }), open: () => props.update({ report: reportId }) });

/** The character offsets of a selection inside the report text (its text is the text the spans point into). */
function selectedSpan(pre: HTMLElement): TextSpan | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!pre.contains(range.startContainer) || !pre.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(pre, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const text = range.toString();
  return text.length === 0 ? null : { start, end: start + text.length, text };
}

/** Characters of the report text shown either side of a value's span under its row. */
const SNIPPET_CONTEXT = 40;

/**
 * The clicked value's source text under its row, for a one-column page where the text panel sits
 * below the whole list (styles.css shows it only there; two columns keep the text panel in view).
 */
function SourceSnippetRow({ text, value }: { text: string; value: Row }) {
  const start = num(value.start);
  const end = num(value.end);
  if (start === null || end === null || end > text.length) return null;
  const from = Math.max(0, start - SNIPPET_CONTEXT);
  const to = Math.min(text.length, end + SNIPPET_CONTEXT);
  return (
    <tr className="value-snippet-row">
      <td colSpan={4}>
        <p className="value-snippet" data-testid="value-snippet">
          {from > 0 ? '…' : ''}{text.slice(from, start)}<mark className="active">{text.slice(start, end)}</mark>{text.slice(end, to)}{to < text.length ? '…' : ''}
        </p>
      </td>
    </tr>
  );
}

function ReportPicker(props: ViewProps) {
  const { t } = props;
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  const list = useSql(useMemo(() => reportList(500, deferred), [deferred]));
  const rows = list.data ? tableRows(list.data.table) : [];
  return (
    <section className="panel">
      <h2>{t('report.pick')}</h2>
      <input type="search" className="report-search" data-testid="report-search" value={text} placeholder={t('report.search')} aria-label={t('report.search')} onChange={(e) => setText(e.target.value)} />
      {list.data ? <p className="meta" role="status" data-testid="report-count">{t('report.found', { n: rows.length })}</p> : null}
      <ul className="report-list" data-testid="report-list">
        {rows.map((r) => (
          <li key={String(r.report_id)}>
            <a href={props.linkTo({ report: String(r.report_id) })} onClick={(e) => { e.preventDefault(); props.update({ report: String(r.report_id) }); }}>
              {String(r.year ?? '—')} · {String(r.issuer ?? r.report_id)}
            </a>
            <span className="meta"> {templateLabel(t, r.template)} · {t(`status.${String(r.status)}` as 'status.ok')}{Number(r.n_failed_checks) > 0 ? ` · ⚠ ${String(r.n_failed_checks)}` : ''}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReportPickerWithCorrections(props: ViewProps) {
  return (
    <>
      <ReportPicker {...props} />
      <CorrectionsPanel linkTo={reportLink(props)} />
    </>
  );
}

export function Report(props: ViewProps) {
  const { state } = props;
  if (!state.report) return <ReportPickerWithCorrections {...props} />;
  return <ReportDetail {...props} reportId={state.report} />;
}

function ReportDetail(props: ViewProps & { reportId: string }) {
  const { t, locale, reportId } = props;
  // Where the report's rows are stored first, so only its province (and year) is loaded.
  const locationResult = useSql(useMemo(() => reportLocation(reportId), [reportId]));
  // Kept as text and year, so a new answer naming the same place keeps the same location (no new queries).
  const located = locationResult.data ? tableRows(locationResult.data.table)[0] : undefined;
  const province = located ? String(located.province) : null;
  const year = located ? (located.year === null ? null : Number(located.year)) : undefined;
  const location = useMemo(() => (province !== null && year !== undefined ? { province, year } : undefined), [province, year]);
  const facts = useSql(useMemo(() => (location ? reportFacts(reportId, location) : null), [reportId, location]));
  const values = useSql(useMemo(() => (location ? reportValues(reportId, location) : null), [reportId, location]));
  const checks = useSql(useMemo(() => (location ? reportChecks(reportId, location) : null), [reportId, location]));
  const text = useSql(useMemo(() => (location ? reportText(reportId, location) : null), [reportId, location]));
  const [active, setActive] = useState<number | null>(null);
  const textRef = useRef<HTMLPreElement>(null);
  const [editing, setEditingState] = useState<CorrectionTarget | null>(null);
  // Focus goes back to the button that opened the form when it closes (keyboard users keep their place).
  const opener = useRef<HTMLElement | null>(null);
  const setEditing = (target: CorrectionTarget | null) => {
    if (target) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setEditingState(target);
    if (!target) window.setTimeout(() => opener.current?.isConnected && opener.current.focus());
  };
  // The last text selected in the report text: what "add a missing value" takes as its source.
  const [selection, setSelection] = useState<TextSpan | null>(null);
  useEffect(() => {
    const onChange = () => {
      const span = textRef.current ? selectedSpan(textRef.current) : null;
      if (span) setSelection(span);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  const f: Row | undefined = facts.data ? tableRows(facts.data.table)[0] : undefined;
  const valueRows = useMemo(() => (values.data ? tableRows(values.data.table) : []), [values.data]);
  const checkRows = checks.data ? tableRows(checks.data.table) : [];
  const body = text.data ? String(tableRows(text.data.table)[0]?.text ?? '') : '';
  const segments = useMemo(() => segmentText(body, valueRows.map((v) => (num(v.start) === null ? null : { start: Number(v.start), end: Number(v.end) }))), [body, valueRows]);

  useEffect(() => {
    if (active === null) return;
    // The active mark, not data-value: a derived total's span can cover (and label) the mark first.
    // Scrolled inside the text panel only; scrollIntoView would move the whole window too.
    const box = textRef.current;
    const mark = box?.querySelector('mark.active');
    if (!box || !mark) return;
    const [outer, inner] = [box.getBoundingClientRect(), mark.getBoundingClientRect()];
    box.scrollTop += inner.top - outer.top - (box.clientHeight - inner.height) / 2;
    // In one column the source shows under the row instead (when it is displayed): the window moves just enough to show it.
    const snippet = document.querySelector('[data-testid="value-snippet"]');
    if (snippet instanceof HTMLElement && snippet.offsetParent !== null) snippet.scrollIntoView({ block: 'nearest' });
  }, [active]);

  // A query the worker refused (say, a national dataset's report without its province loaded) says why.
  const failed = [locationResult, facts, values, checks, text].find((r) => r.error)?.error;
  if (failed) return <p className="error" role="alert" data-testid="report-error">{failed.message}</p>;
  if ((locationResult.data && !located) || (facts.data && !f)) return <p className="error" role="alert">{t('report.notFound', { id: reportId })}</p>;
  const failing = checkRows.filter((c) => c.status === 'fail');
  const passing = checkRows.filter((c) => c.status === 'pass').length;
  const sha256 = typeof f?.sha256 === 'string' && /^[0-9a-f]{64}$/.test(f.sha256) ? f.sha256 : null;
  const valueOf = new Map(valueRows.flatMap((v) => (num(v.value) === null ? [] : [[String(v.metric), Number(v.value)] as [string, number]])));
  const template = typeof f?.template === 'string' ? f.template : null;
  const known = (prefix: string, value: unknown): string => (typeof value === 'string' && ['self', 'area', 'ok', 'partial', 'failed'].includes(value) ? t(`${prefix}.${value}` as MessageKey) : String(value ?? '—'));
  const factList: [string, string][] = f
    ? [
        [t('issuer'), String(f.issuer ?? '—')],
        [t('jurisdiction'), String(f.jurisdiction ?? '—')],
        [t('level'), levelLabel(t, f.level)],
        [t('scope'), known('scope', f.scope)],
        [t('year'), String(f.year ?? '—')],
        [t('published'), String(f.published ?? '—')],
        [t('template'), templateLabel(t, f.template)],
        [t('status'), `${known('status', f.status)}${f.error ? ` (${String(f.error)})` : ''}`],
      ]
    : [];

  return (
    <div className="view report" data-testid="report-view">
      <h2>{String(f?.issuer ?? reportId)} · {String(f?.year ?? '')}</h2>
      <div className="grid2">
        <section className="panel">
          <h3>{t('report.facts')}</h3>
          <dl className="facts">
            {factList.map(([k, v]) => (
              <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
            ))}
            <div><dt>{t('report.sourceFile')}</dt><dd><a data-testid="source-link" href={new URL(`sources/${reportId}`, document.baseURI).href} target="_blank" rel="noreferrer">{reportId}</a></dd></div>
          </dl>
          <h3>{t('report.failingChecks')}</h3>
          {/* Before the checks are read nothing is said of them: an empty list is not an all-clear. */}
          {!checks.data ? <p className="meta" data-testid="checks-loading">{t('loading')}</p> : failing.length === 0 ? (
            // None failing is an all-clear only where some identity could be checked at all.
            passing > 0 ? <p data-testid="no-failing">{t('report.noFailing', { n: passing })}</p> : <p data-testid="no-assessable">{t('report.noAssessable')}</p>
          ) : (
            <table data-testid="failing-checks">
              <thead><tr><th>{t('report.formula')}</th><th>{t('report.expected')}</th><th>{t('report.actual')}</th></tr></thead>
              <tbody>
                {failing.map((c) => {
                  const identity = identityById(String(c.id));
                  return (
                    <tr key={String(c.id)} data-testid="failing-check">
                      <td>
                        <span data-testid="check-formula">{identity ? identityWithValues(identity, valueOf, locale) : String(c.id)}</span>
                        <br /><code className="id">{String(c.id)}</code>
                      </td>
                      <td>{formatExact(num(c.expected))}</td>
                      <td>{formatExact(num(c.actual))}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <h3>{t('report.values')}</h3>
          {valueRows.length > 0 ? (
            <p>
              <button type="button" data-testid="values-csv" onClick={() => downloadBlob(new Blob([reportValuesCsv(reportId, typeof f?.sha256 === 'string' ? f.sha256 : null, valueRows, locale)], { type: 'text/csv;charset=utf-8' }), safeFileName(reportValuesFileName(reportId), 'csv'))}>
                {t('report.valuesCsv')}
              </button>
            </p>
          ) : null}
          {valueRows.length === 0 && values.data ? <p>{t('report.noValues')}</p> : null}
          <table className="values" data-testid="values-table">
            <thead><tr><th>{t('metric')}</th><th>{t('report.place')}</th><th>{t('report.value')}</th><th /></tr></thead>
            <tbody>
              {valueRows.map((v, i) => (
                <Fragment key={i}>
                <tr
                  className={active === i ? 'active' : undefined}
                  onClick={() => setActive(i)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      setActive(i);
                    }
                  }}
                  tabIndex={0}
                  aria-selected={active === i}
                  data-testid="value-row"
                >
                  <td title={String(v.metric)}><span data-testid="value-label">{labelOfMetric(String(v.metric), locale)}</span> <code className="id">{String(v.metric)}</code></td>
                  <td className="place" data-testid="value-place">{placeOfMetric(String(v.metric), template, locale) ?? '—'}</td>
                  <td className="n">
                    {v.corrected ? (
                      <span data-testid="value-correction">
                        {num(v.printed_value) === null ? null : <del data-testid="value-printed" title={t('corrections.printed')}>{formatExact(num(v.printed_value))}</del>}{' '}
                        {num(v.value) === null ? <span className="rejected">{t('corrections.rejected')}</span> : <ins data-testid="value-corrected">{formatExact(num(v.value))}</ins>}
                      </span>
                    ) : formatExact(num(v.value))}
                  </td>
                  <td className="flags">
                    {v.derived ? t('report.derived') : ''}{v.approx ? ` ${t('report.approx')}` : ''}
                    {v.split === true ? <> <span className="mark" data-testid="value-split" title={t('report.splitTitle')}>{t('report.split')}</span></> : null}
                    {v.inferred === true ? <> <span className="mark" data-testid="value-inferred" title={t('report.inferredTitle')}>{t('report.inferred')}</span></> : null}
                    {v.corrected && num(v.printed_value) === null ? ` ${t('corrections.added')}` : ''}
                    {v.correction_author !== null ? <span className="correction-by" data-testid="value-correction-note"> {t('corrections.by', { author: String(v.correction_author), note: String(v.correction_note ?? '') })}</span> : null}
                    {sha256 && !v.derived ? (
                      <button
                        type="button"
                        className="correct"
                        data-testid="value-correct"
                        aria-label={t('corrections.correctLabel', { metric: labelOfMetric(String(v.metric), locale) })}
                        onClick={(e) => {
                          e.stopPropagation();
                          setEditing({ kind: 'value', metric: String(v.metric), printed: v.corrected ? num(v.printed_value) : num(v.value) });
                        }}
                        onKeyDown={(e) => e.stopPropagation()}
                      >
                        {t('corrections.correct')}
                      </button>
                    ) : null}
                  </td>
                </tr>
                {active === i ? <SourceSnippetRow text={body} value={v} /> : null}
                </Fragment>
              ))}
            </tbody>
          </table>
          {sha256 ? (
            <p>
              <button type="button" data-testid="value-add" onClick={() => setEditing({ kind: 'add', span: selection })}>{t('corrections.add')}</button>{' '}
              <span className="hint">{t('corrections.addHint')}</span>
            </p>
          ) : null}
          {editing && sha256 ? <CorrectionForm key={JSON.stringify(editing)} target={editing} reportId={reportId} sha256={sha256} onClose={() => setEditing(null)} /> : null}
        </section>
        {active !== null && pdfBoxOf(valueRows[active]) ? (
          <section className="panel"><PdfSourcePane url={new URL(`sources/${reportId}`, document.baseURI).href} box={pdfBoxOf(valueRows[active])!} /></section>
        ) : null}
        <section className="panel report-source">
          <h3>{t('report.text')}</h3>
          <pre className="report-text" ref={textRef} data-testid="report-text">
            {segments.map((s, i) =>
              s.values.length === 0 ? (
                s.text
              ) : (
                <mark key={i} data-value={s.values[0]} className={active !== null && s.values.includes(active) ? 'active' : undefined} title={s.values.map((v) => labelOfMetric(String(valueRows[v]?.metric), locale)).join(', ')} onClick={() => setActive(s.values[0])}
                  tabIndex={0}
                  role="button"
                  aria-pressed={active !== null && s.values.includes(active)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      setActive(s.values[0]);
                    }
                  }}
                >
                  {s.text}
                </mark>
              ),
            )}
          </pre>
        </section>
      </div>
      <CorrectionsPanel linkTo={reportLink(props)} />
    </div>
  );
}
