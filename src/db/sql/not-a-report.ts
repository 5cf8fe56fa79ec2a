// Files that are no report at all (src/parse/reasons.ts: a blank form, a file with no 信息公开
// wording): failed rows of the reports table told apart by their reason. They are listed, with the
// reason, and counted nowhere: no report, no failed report, no denominator.
import { NOT_A_REPORT_PREFIXES } from '../../parse/reasons';
import { definePreaggregate, withPreaggregate } from './preaggregated';
import type { BuiltQuery } from './query';

const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** True for a reports row (`status`, `error`, optionally of table alias `of`) that is no report. */
export function notAReportSql(of = ''): string {
  const column = (name: string) => (of ? `${of}.${name}` : name);
  const starts = NOT_A_REPORT_PREFIXES.map((prefix) => `starts_with(coalesce(${column('error')}, ''), ${sqlString(prefix)})`);
  return `(${column('status')} = 'failed' AND (${starts.join(' OR ')}))`;
}

/**
 * The files that are no report, by id: file, reason. They resolve to no division (no issuer, no
 * figure), so they sit in the unplaced partition.
 */
export const notAReportFiles = (): BuiltQuery => ({
  name: 'overview.notReports',
  sql: `SELECT report_id, file, error AS reason FROM reports WHERE ${notAReportSql()} ORDER BY report_id`,
  params: [],
  tables: ['reports'],
  provinces: ['none'],
});

/** The most files of each kind the stored list holds (the overview shows 50): a longer list is read row by row. */
export const FAILED_FILES_STORED = 100;

const failedFilesSql = (rank: string) => `SELECT report_id, file, error AS reason, ${notAReportSql()} AS not_report, count(*) OVER (PARTITION BY ${notAReportSql()}) AS total${rank}
FROM reports
WHERE status = 'failed'
QUALIFY row_number() OVER (PARTITION BY ${notAReportSql()} ORDER BY report_id) <= ?
ORDER BY not_report, report_id`;

/**
 * Every file the counts leave out or count as 无法解析, at most `limit` of each kind: those that are
 * no report (`not_report`) and those that could not be read, each with its reason, and `total`, how
 * many of its kind there are (so a cut list can say so). A failed file resolves to no division, so
 * the unplaced partition holds them all; the dataset's own list is a stored answer (a small file
 * instead of that partition, which holds every unplaced report).
 */
export const failedFiles = (limit = 50): BuiltQuery => {
  const detail: BuiltQuery = { name: 'overview.failedFiles', sql: failedFilesSql(''), params: [limit], tables: ['reports'], provinces: ['none'] };
  if (!Number.isInteger(limit) || limit > FAILED_FILES_STORED) return detail;
  return withPreaggregate(detail, {
    sql: `SELECT * EXCLUDE (file_rank) FROM ${FAILED_FILES} WHERE file_rank <= ? ORDER BY not_report, report_id`,
    params: [limit],
    tables: [],
    preaggregates: [FAILED_FILES],
  });
};

/** The first FAILED_FILES_STORED files of each kind, with their rank in it. */
const FAILED_FILES = definePreaggregate(
  'pre_failed_files',
  () => ({
    name: 'pre.failed_files',
    sql: failedFilesSql(`, row_number() OVER (PARTITION BY ${notAReportSql()} ORDER BY report_id) AS file_rank`),
    params: [FAILED_FILES_STORED],
    tables: ['reports'],
    provinces: ['none'],
  }),
  { behindInit: false, stored: true },
);
