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
