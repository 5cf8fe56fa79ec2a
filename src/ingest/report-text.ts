import type { ParsedReport } from '../parse/types';
import type { ReportRecord } from './read-report';

const show = (value: unknown): string => (value === null || value === undefined ? '—' : String(value));

/** One JSON Lines record of `parse --json`: the ParsedReport without its text, plus the file. */
export function reportJsonLine(record: ReportRecord): string {
  const { text, ...report } = record.parsed;
  void text;
  return `${JSON.stringify({ file: record.file, ...report })}\n`;
}

function describeChecks(report: ParsedReport): string[] {
  return report.checks
    .filter((check) => check.status === 'fail')
    .map((check) => `  failed check ${check.id}: expected ${show(check.expected)}, actual ${show(check.actual)}`);
}

/** The readable block `parse` prints for one file. */
export function reportSummary(record: ReportRecord): string {
  const { parsed } = record;
  const { facts } = parsed;
  const lines = [
    record.file,
    `  status ${parsed.status} · template ${show(facts.template)} · year ${show(facts.year)} · issuer ${show(facts.issuer)}`,
  ];
  if (parsed.error) lines.push(`  error: ${parsed.error}`);
  lines.push(`  values ${parsed.values.length}`, ...describeChecks(parsed));
  lines.push(...parsed.warnings.map((warning) => `  warning: ${warning}`));
  return `${lines.join('\n')}\n`;
}
