import { isNotAReportRow } from '../parse/reasons';
import type { Status } from '../parse/types';
import type { Manifest } from '../shared/manifest';
import type { ReportRecord } from './read-report';

const TOP = 10;

export function countByStatus(statuses: Iterable<Status>): Record<Status, number> {
  const counts: Record<Status, number> = { ok: 0, partial: 0, failed: 0 };
  for (const status of statuses) counts[status] += 1;
  return counts;
}

export const formatStatusCounts = (counts: Record<Status, number>): string =>
  `ok ${counts.ok} · partial ${counts.partial} · failed ${counts.failed}`;

/** Quoted paths differ per file; dropping them lets the same cause group together. */
export const failureReason = (error: string): string => error.replace(/'[^']*'/g, "'…'");

function topCounts(counts: ReadonlyMap<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

const increment = (counts: Map<string, number>, key: string): void => void counts.set(key, (counts.get(key) ?? 0) + 1);

function formatTop(title: string, rows: [string, number][]): string[] {
  if (rows.length === 0) return [`${title}: none`];
  const lines = [`${title}:`, ...rows.slice(0, TOP).map(([key, n]) => `  ${String(n).padStart(6)}  ${key}`)];
  if (rows.length > TOP) lines.push(`  … and ${rows.length - TOP} more`);
  return lines;
}

/** What the end-of-ingest summary needs of each report, counted as the reports go by (a size that does not grow with the corpus). */
export interface IngestTally {
  files: number;
  statuses: Record<Status, number>;
  /** Files that are no report (blank forms, no disclosure wording: src/parse/reasons.ts), so in no status. */
  notReports: number;
  failureReasons: Map<string, number>;
  failingChecks: Map<string, number>;
}

export const emptyTally = (): IngestTally => ({ files: 0, statuses: { ok: 0, partial: 0, failed: 0 }, notReports: 0, failureReasons: new Map(), failingChecks: new Map() });

export function tallyReport(tally: IngestTally, record: ReportRecord): void {
  const { status, error } = record.parsed;
  // Re-run on the corrected values where corrections touched the report.
  const checks = record.corrected?.checks ?? record.parsed.checks;
  tally.files += 1;
  if (isNotAReportRow(record.parsed)) {
    tally.notReports += 1;
    return;
  }
  tally.statuses[status] += 1;
  if (status === 'failed') increment(tally.failureReasons, failureReason(error ?? 'no reason'));
  for (const check of checks) if (check.status === 'fail') increment(tally.failingChecks, check.id);
}

export function tallyOf(records: Iterable<ReportRecord>): IngestTally {
  const tally = emptyTally();
  for (const record of records) tallyReport(tally, record);
  return tally;
}

export function summariseIngest(tally: IngestTally, manifest: Manifest, outDir: string): string {
  const tables = Object.entries(manifest.tables).map(([name, t]) => `${name} ${t.rows}`).join(' · ');
  return [
    `${tally.files} files → ${outDir} (dataset ${manifest.dataset_version.slice(0, 12)})`,
    formatStatusCounts(tally.statuses) + (tally.notReports > 0 ? ` · not reports (blank forms, no disclosure wording) ${tally.notReports}` : ''),
    ...formatTop('failure reasons', topCounts(tally.failureReasons)),
    ...formatTop('top failing checks', topCounts(tally.failingChecks)),
    `rows: ${tables}`,
    '',
  ].join('\n');
}
