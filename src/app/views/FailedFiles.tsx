// The overview's list of the files its counts do not take as reports: those that could not be read
// (its 无法解析) and those that are no report at all (counted nowhere), each kind apart, with its
// reason in the page's language (the parser's English text as the detail).
import { formatNumber } from '../../charts';
import type { Row } from '../data/rows';
import { reasonText } from '../user/import-messages';
import { num, type ViewProps } from './common';

/** How many files of each kind the overview lists (it says when there are more). */
export const FILES_SHOWN = 50;

function FileTable({ props, rows, kind }: { props: ViewProps; rows: Row[]; kind: 'unreadable' | 'not-reports' }) {
  const { t, locale } = props;
  if (rows.length === 0) return null;
  const total = num(rows[0].total) ?? rows.length;
  const title = t(kind === 'unreadable' ? 'overview.unreadable' : 'overview.notReports', { n: formatNumber(total, locale) });
  return (
    <>
      <h3>{title}</h3>
      {total > rows.length ? <p className="note">{t('overview.filesCut', { shown: formatNumber(rows.length, locale), total: formatNumber(total, locale) })}</p> : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
        <table data-testid={`${kind}-files`}>
          <thead>
            <tr><th scope="col">{t('overview.file')}</th><th scope="col">{t('overview.reason')}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={String(r.report_id)} data-report={String(r.report_id)}>
                <th scope="row"><a href={props.linkTo({ view: 'report', report: String(r.report_id), entities: [] })}>{String(r.file ?? r.report_id)}</a></th>
                <td title={String(r.reason ?? '')}>{reasonText(locale, 'failed', r.reason === null ? null : String(r.reason))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function FailedFiles({ props, rows, error }: { props: ViewProps; rows: Row[] | null; error: Error | null }) {
  const { t } = props;
  if (error) return <p className="error" role="alert">{t('queryFailed')}: {error.message.split('\n')[0]}</p>;
  if (rows === null) return null;
  return (
    <section className="panel" id="failed-files" data-testid="failed-files">
      <h2>{t('overview.files')}</h2>
      {rows.length === 0 ? <p className="note" data-testid="failed-files-none">{t('overview.filesNone')}</p> : null}
      <FileTable props={props} rows={rows.filter((r) => r.not_report !== true)} kind="unreadable" />
      <FileTable props={props} rows={rows.filter((r) => r.not_report === true)} kind="not-reports" />
    </section>
  );
}
