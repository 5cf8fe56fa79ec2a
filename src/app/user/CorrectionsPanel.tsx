// Every correction kept in this browser: report, metric, printed → corrected, note, author, time
// and whether it applies to this dataset; each removable; export and import as corrections.csv.
import { useId, useRef, useState } from 'react';
import { downloadBlob, formatNumber } from '../../charts';
import { labelOfMetric } from '../../shared/metric-catalogue';
import { useI18n } from '../i18n/context';
import { useCorrections } from './corrections-context';
import { correctionKey } from './corrections-store';

interface Props {
  /** Opens a report in the Report view. */
  linkTo: (reportId: string) => { href: string; open: () => void };
}

export function CorrectionsPanel({ linkTo }: Props) {
  const { t, locale } = useI18n();
  const corrections = useCorrections();
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ text: string; lines: string[]; error: boolean } | null>(null);

  const exportFile = async () => {
    try {
      downloadBlob(new Blob([await corrections.exportCsv()], { type: 'text/csv;charset=utf-8' }), 'corrections.csv');
    } catch (error) {
      setMessage({ text: `${t('corrections.failed')}: ${(error as Error).message}`, lines: [], error: true });
    }
  };

  const importFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(await chosen.arrayBuffer());
      const result = await corrections.importCsv(text);
      setMessage({
        text: t('corrections.imported', { n: result.corrections.length, bad: result.invalid.length }),
        lines: result.invalid.map((r) => t('corrections.invalidRow', { line: r.line, reason: r.reason ?? '' })),
        error: result.invalid.length > 0,
      });
    } catch (error) {
      setMessage({ text: `${chosen.name}: ${(error as Error).message}`, lines: [], error: true });
    } finally {
      if (file.current) file.current.value = '';
    }
  };

  const number = (n: number | null) => (n === null ? '—' : formatNumber(n, locale));
  return (
    <section className="panel corrections" data-testid="corrections-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('corrections.title')}</h3>
      <p className="hint">{t('corrections.intro')}</p>
      <div className="toolbar">
        <button type="button" data-testid="corrections-export" disabled={corrections.list.length === 0} onClick={() => void exportFile()}>{t('corrections.export')}</button>
        <label className="file-button">
          {t('corrections.import')}{' '}
          <input ref={file} type="file" accept=".csv,text/csv" data-testid="corrections-import" onChange={(e) => void importFile(e.target.files?.[0])} />
        </label>
      </div>
      {message ? (
        <div role={message.error ? 'alert' : 'status'} data-testid="corrections-message" className={message.error ? 'error' : 'note'}>
          <p>{message.text}</p>
          {message.lines.length > 0 ? <ul>{message.lines.map((l) => <li key={l}>{l}</li>)}</ul> : null}
        </div>
      ) : null}
      {corrections.error ? <p className="error" role="alert">{t('corrections.failed')}: {corrections.error.message}</p> : null}
      {corrections.list.length === 0 ? <p>{t('corrections.none')}</p> : (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
          <table data-testid="corrections-list">
            <thead>
              <tr>
                <th>{t('corrections.report')}</th><th>{t('corrections.metric')}</th><th>{t('corrections.change')}</th><th>{t('corrections.note')}</th>
                <th>{t('corrections.author')}</th><th>{t('corrections.at')}</th><th>{t('corrections.status')}</th><th />
              </tr>
            </thead>
            <tbody>
              {corrections.list.map((c) => {
                const key = correctionKey(c);
                const outcome = corrections.outcomes.get(key);
                const reportId = outcome?.reports[0]?.report_id ?? c.report_id;
                const link = reportId ? linkTo(reportId) : null;
                return (
                  <tr key={key} data-testid="correction-row">
                    <td>
                      {link ? <a href={link.href} onClick={(e) => { e.preventDefault(); link.open(); }}>{reportId}</a> : null}
                      <br /><code className="id" title={c.report_sha256}>{c.report_sha256.slice(0, 12)}…</code>
                    </td>
                    <td>{labelOfMetric(c.metric, locale)} <code className="id">{c.metric}</code></td>
                    <td data-testid="correction-change">
                      <del>{number(outcome?.printed_value ?? null)}</del> → {c.value === null ? t('corrections.rejected') : <ins>{number(c.value)}</ins>}
                    </td>
                    <td>{c.note}</td>
                    <td>{c.author}</td>
                    <td><time dateTime={c.at}>{c.at}</time></td>
                    <td data-testid="correction-status" title={outcome?.reason ?? undefined}>
                      {outcome?.status === 'applied' ? t('corrections.applied') : `${t('corrections.unused')}${outcome?.reason ? ` (${outcome.reason})` : ''}`}
                    </td>
                    <td>
                      <button type="button" data-testid="correction-remove" aria-label={t('corrections.removeLabel', { metric: labelOfMetric(c.metric, locale) })} onClick={() => void corrections.remove(key).catch((error: Error) => setMessage({ text: `${t('corrections.failed')}: ${error.message}`, lines: [], error: true }))}>
                        {t('corrections.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
