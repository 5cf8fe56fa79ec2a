// Why a report is not ok, as stable codes: the parser's reasons stay English text (the CLI, the
// JSON and the tables keep them as they are); a page shows each code in its own language.
import type { ParsedReport } from './types';

export type ReasonCode =
  | 'empty'
  | 'binary'
  | 'undecodable'
  | 'not-report'
  | 'blank-form'
  | 'not-pdf'
  | 'not-docx'
  | 'not-doc'
  | 'unsupported-format'
  | 'not-word'
  | 'word-unreadable'
  | 'encrypted'
  | 'pdf-no-text'
  | 'pdf-unreadable'
  | 'pdf-limit'
  | 'zip-unreadable'
  | 'mhtml-unreadable'
  | 'too-large'
  | 'time-limit'
  | 'crashed'
  | 'cancelled'
  | 'internal'
  | 'no-template'
  | 'no-values'
  | 'no-year'
  | 'other';

/** A file whose name says one format and whose bytes are no known one: the name's format, the code and its English words. */
const CLAIMED: Record<string, { code: ReasonCode; what: string }> = {
  pdf: { code: 'not-pdf', what: 'a PDF file' },
  docx: { code: 'not-docx', what: 'a Word (.docx) file' },
  doc: { code: 'not-doc', what: 'a Word (.doc) file' },
};

/** "named .pdf but not a PDF file (read as text: …)", or null when the name claims none of PDF, .docx, .doc. */
export function notClaimedFormat(fileName: string | undefined, readAsText: string): string | null {
  const extension = /\.([a-z]+)$/i.exec(fileName ?? '')?.[1].toLowerCase() ?? '';
  const claimed = CLAIMED[extension];
  return claimed ? `named .${extension} but not ${claimed.what} (read as text: ${readAsText})` : null;
}

// In order: the first that matches a failure's reason is its code.
const FAILURES: [RegExp, ReasonCode][] = [
  [/^named \.pdf but not/, 'not-pdf'],
  [/^named \.docx but not/, 'not-docx'],
  [/^named \.doc but not/, 'not-doc'],
  [/^empty (file|PDF)/, 'empty'],
  [/^binary (file|content)/, 'binary'],
  [/^undecodable bytes/, 'undecodable'],
  [/^not an information-disclosure annual report:/, 'not-report'],
  [/^blank form:/, 'blank-form'],
  [/^unsupported format/, 'unsupported-format'],
  [/^unsupported file|no WordDocument stream|not Word 97/, 'not-word'],
  [/^encrypted /, 'encrypted'],
  [/^scanned or unreadable text layer/, 'pdf-no-text'],
  [/^PDF has \d+ pages|^PDF not read within/, 'pdf-limit'],
  [/^not a readable PDF|^PDF could not be read/, 'pdf-unreadable'],
  [/could not be read as Word|^Word document \(\.docx\) could not be read/, 'word-unreadable'],
  [/^broken ZIP|^ZIP container|^ZIP64|^decompression bomb/, 'zip-unreadable'],
  [/^saved web page \(MHTML\)/, 'mhtml-unreadable'],
  [/^file too large/, 'too-large'],
  [/^parse stopped: the file took longer/, 'time-limit'],
  [/^parser crashed/, 'crashed'],
  [/^import cancelled$/, 'cancelled'],
  [/^internal |^import worker (could|did) not start|^could not be stored|^parser gave no reason/, 'internal'],
];

export const failureCode = (reason: string): ReasonCode => FAILURES.find(([pattern]) => pattern.test(reason))?.[1] ?? 'other';

/** What a blank form's reason starts with (src/parse/blank-form.ts). */
export const BLANK_FORM_PREFIX = 'blank form:';

/** What the reason of a file with no 信息公开/政务公开 wording starts with (a news page, a notice, another document). */
export const NO_DISCLOSURE_WORDING_PREFIX = 'not an information-disclosure annual report:';

/**
 * Failures that say the file is no report at all (a blank form, a file with no disclosure wording),
 * not a report that could not be read: each stays a row of the reports table with its reason, and is
 * counted as no report (no status, year, level or template) nor as a failed one. SQL over the
 * reports table finds them by these prefixes (src/db/sql/not-a-report.ts).
 */
export const NOT_A_REPORT_PREFIXES = [BLANK_FORM_PREFIX, NO_DISCLOSURE_WORDING_PREFIX] as const;

/** The reason codes of those failures (failureCode of their reasons). */
export const NOT_A_REPORT_CODES: readonly ReasonCode[] = ['blank-form', 'not-report'];

/** A file that is no report (a blank form, no disclosure wording): listed with its reason, counted as no report. */
export const isNotAReportRow = (row: { status: ParsedReport['status']; error?: string | null }): boolean =>
  row.status === 'failed' && NOT_A_REPORT_PREFIXES.some((prefix) => (row.error ?? '').startsWith(prefix));

const PARTIAL: Record<'no-template' | 'no-values' | 'no-year', string> = {
  'no-template': 'no values: no statutory table (2019/2021 template) and no figures in the text found',
  'no-values': 'no values: a statutory table is printed but none of its values were read',
  'no-year': 'statistics year not found',
};
const SEPARATOR = '; ';

/** What a partial report lacks, in English ("no values: …; statistics year not found"); null for an ok or failed one. */
export function partialReason(status: ParsedReport['status'], facts: Pick<ParsedReport['facts'], 'template_basis' | 'year'>, valueCount: number): string | null {
  if (status !== 'partial') return null;
  const missing: (keyof typeof PARTIAL)[] = [];
  if (valueCount === 0) missing.push(facts.template_basis === 'printed' ? 'no-values' : 'no-template');
  if (facts.year === null) missing.push('no-year');
  return missing.map((code) => PARTIAL[code]).join(SEPARATOR) || null;
}

/** The codes of a row's reason: one for a failure, one per missing part for a partial report. */
export function reasonCodes(status: ParsedReport['status'], reason: string | null): ReasonCode[] {
  if (status === 'ok' || !reason) return [];
  if (status === 'failed') return [failureCode(reason)];
  return reason.split(SEPARATOR).map((part) => (Object.keys(PARTIAL) as (keyof typeof PARTIAL)[]).find((code) => PARTIAL[code] === part) ?? 'other');
}
