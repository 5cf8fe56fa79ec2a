import type { ParsedReport } from '../parse/types';

/** The report row of a file the parser never saw (unreadable, too large, not a regular file). */
export function failedReport(error: string): ParsedReport {
  return {
    status: 'failed',
    error,
    facts: {
      issuer: null,
      jurisdiction: null,
      level: null,
      scope: 'self',
      year: null,
      published: null,
      template: null,
      template_basis: null,
      encoding: null,
      synthetic: false,
    },
    values: [],
    checks: [],
    warnings: [],
    text: '',
  };
}

/** Largest file read (ingest and the page's import alike); a larger one is a failed report. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export const tooLargeError = (size: number): string => `file too large: ${size} bytes, the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB`;

/** A parser's answer as a report row: a failure always has a reason. */
export const withReason = (parsed: ParsedReport): ParsedReport => (parsed.status === 'failed' && !parsed.error ? { ...parsed, error: 'parser gave no reason' } : parsed);
