import { partialReason } from '../parse/reasons';
import type { ParsedReport } from '../parse/types';
import type { ReportRecord } from './read-report';

const show = (value: unknown): string => (value === null || value === undefined ? '—' : String(value));

/** One JSON Lines record of `parse --json`: the ParsedReport without its text, plus the file. */
export function reportJsonLine(record: ReportRecord): string {
  const { text, ...report } = record.parsed;
  void text;
  const { facts } = report;
  const j = record.jurisdiction;
  const division = j && {
    code: j.code,
    name: j.name,
    level: j.level,
    chain: j.chain,
    department: j.department,
    confidence: j.confidence,
    flags: j.flags,
    ...(j.candidates ? { candidates: j.candidates.map((c) => ({ code: c.code, name: c.name, level: c.level })) } : {}),
    ...(j.successors ? { successors: j.successors } : {}),
  };
  const withDivision = { ...facts, level: facts.level ?? j?.level ?? null, division_code: j?.code ?? null };
  return `${JSON.stringify({ file: record.file, ...report, facts: withDivision, jurisdiction: division ?? null })}\n`;
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
  const j = record.jurisdiction;
  if (j) {
    const where = j.code ? `${j.chain.map((l) => l.name).join(' › ')} (${j.code})` : j.flags.includes('ambiguous') ? `ambiguous: ${(j.candidates ?? []).slice(0, 5).map((c) => c.code).join(', ')}` : 'not resolved';
    lines.push(`  division ${where}${j.department ? ` · department ${j.department}` : ''}${j.flags.length ? ` · ${j.flags.join(', ')}` : ''}`);
  }
  if (parsed.error) lines.push(`  error: ${parsed.error}`);
  const missing = partialReason(parsed.status, facts, parsed.values.length);
  if (missing) lines.push(`  missing: ${missing}`);
  lines.push(`  values ${parsed.values.length}`, ...describeChecks(parsed));
  lines.push(...parsed.warnings.map((warning) => `  warning: ${warning}`));
  return `${lines.join('\n')}\n`;
}
