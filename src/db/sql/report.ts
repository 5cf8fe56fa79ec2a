import { definePreaggregate, withPreaggregate } from './preaggregated';
import type { BuiltQuery } from './query';

/** Where a report's rows are stored: its province's partitions (of its year, where split by year). */
export interface ReportLocation {
  province: string;
  year: number | null;
}

/**
 * The province (two digits, `none` when unresolved) and year of a report, from facts_wide (loaded
 * up front unless the dataset is national-size). Columns: province, year; no row for an unknown id.
 */
export const reportLocation = (reportId: string): BuiltQuery => ({
  name: 'report.location',
  sql: `SELECT coalesce(substr(province_code, 1, 2), 'none') AS province, year FROM facts_wide WHERE report_id = ?`,
  params: [reportId],
  tables: ['facts_wide'],
});

const at = (location: ReportLocation | undefined): Pick<BuiltQuery, 'provinces' | 'years'> =>
  location ? { provinces: [location.province], years: [location.year] } : {};

export const reportFacts = (reportId: string, location?: ReportLocation): BuiltQuery => ({
  name: 'report.facts',
  sql: `SELECT report_id, file, status, error, issuer, jurisdiction, level, scope, year, published, template,
  template_basis, encoding, synthetic, division_code, n_values, n_failed_checks, warnings, sha256, bytes
FROM reports WHERE report_id = ?`,
  params: [reportId],
  tables: ['reports'],
  ...at(location),
});

export const reportValues = (reportId: string, location?: ReportLocation): BuiltQuery => ({
  name: 'report.values',
  sql: `SELECT metric, value, approx, derived, "start", "end", source, pdf_page, pdf_x, pdf_y, pdf_w, pdf_h,
  split, inferred, printed_value, corrected, correction_note, correction_author
FROM "values" WHERE report_id = ? ORDER BY "start" NULLS LAST, metric`,
  params: [reportId],
  tables: ['values'],
  ...at(location),
});

/** The checks that stand: re-run on the corrected values where corrections touched the report, else as printed. */
export const reportChecks = (reportId: string, location?: ReportLocation): BuiltQuery => ({
  name: 'report.checks',
  sql: `SELECT id, status, expected, actual, metrics
FROM checks WHERE report_id = ?
  AND basis = (SELECT CASE WHEN bool_or(basis = 'corrected') THEN 'corrected' ELSE 'printed' END FROM checks WHERE report_id = ?)
ORDER BY status = 'fail' DESC, id`,
  params: [reportId, reportId],
  tables: ['checks'],
  ...at(location),
});

export const reportText = (reportId: string, location?: ReportLocation): BuiltQuery => ({
  name: 'report.text',
  sql: 'SELECT text FROM texts WHERE report_id = ?',
  params: [reportId],
  tables: ['texts'],
  ...at(location),
});

const LIST_COLUMNS = 'report_id, issuer, year, status, template, n_failed_checks';
const LIST_ORDER = 'year DESC NULLS LAST, issuer NULLS LAST, report_id';

/** Reports, newest first; with `text`, those whose issuer or id contains it, or whose year it is. */
export function reportList(limit = 200, text = ''): BuiltQuery {
  const needle = text.trim();
  const where = needle ? `WHERE contains(lower(coalesce(issuer, '')), lower(?)) OR contains(lower(report_id), lower(?)) OR CAST(year AS VARCHAR) = ?` : '';
  const params = needle ? [needle, needle, needle, limit] : [limit];
  const detail: BuiltQuery = {
    name: 'report.list',
    sql: `SELECT ${LIST_COLUMNS} FROM facts_wide ${where}
ORDER BY ${LIST_ORDER} LIMIT ?`,
    params,
    tables: ['facts_wide'],
  };
  // The same filter on the texts lowercased once (DuckDB's lower of every report's issuer and id
  // was most of a search's time), read in the list's order as stored (preserve_insertion_order,
  // src/db/engine-duckdb.ts), so LIMIT stops at the first matches: a sort of every report by year,
  // issuer and id cost 25 ms of CPU a list at province size (40,423 reports), a top-N on the rank 6,
  // the stored order none ('局': 13.4 / 39.3 → 2.8 / 9.8 CPU ms p50 / p95, same rows).
  return withPreaggregate(detail, {
    sql: `SELECT ${LIST_COLUMNS} FROM ${REPORT_LIST}
${needle ? 'WHERE contains(lower_issuer, lower(?)) OR contains(lower_id, lower(?)) OR year_text = ?' : ''}
LIMIT ?`,
    params,
    tables: [],
    preaggregates: [REPORT_LIST],
  });
}

/**
 * Every report's row of the list with the texts a search matches, lowercased, stored in the list's
 * order (report_id last makes the order total, so the rank gives the same rows; a list reads it
 * without ORDER BY). Built behind init: the list opens on it.
 */
const REPORT_LIST = definePreaggregate('pre_report_list', () => ({
  name: 'pre.report_list',
  sql: `SELECT ${LIST_COLUMNS}, lower(coalesce(issuer, '')) AS lower_issuer, lower(report_id) AS lower_id, CAST(year AS VARCHAR) AS year_text,
  CAST(row_number() OVER (ORDER BY ${LIST_ORDER}) AS INTEGER) AS list_rank
FROM facts_wide
ORDER BY list_rank`,
  params: [],
  tables: ['facts_wide'],
}));

/** Every report's row of facts_wide (facts + harmonised metrics), for downloads. */
export function factsRows(years?: readonly [number, number]): BuiltQuery {
  const where = years ? 'WHERE year BETWEEN ? AND ?' : '';
  return {
    name: 'data.facts',
    sql: `SELECT * FROM facts_wide ${where} ORDER BY year NULLS LAST, issuer NULLS LAST, report_id`,
    params: years ? [Math.min(...years), Math.max(...years)] : [],
    tables: ['facts_wide'],
  };
}
