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

function topCounts(keys: Iterable<string>): [string, number][] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function formatTop(title: string, rows: [string, number][]): string[] {
  if (rows.length === 0) return [`${title}: none`];
  const lines = [`${title}:`, ...rows.slice(0, TOP).map(([key, n]) => `  ${String(n).padStart(6)}  ${key}`)];
  if (rows.length > TOP) lines.push(`  … and ${rows.length - TOP} more`);
  return lines;
}

export function summariseIngest(records: readonly ReportRecord[], manifest: Manifest, outDir: string): string {
  const reports = records.map((r) => r.parsed);
  const failed = reports.filter((r) => r.status === 'failed');
  const failingChecks = reports.flatMap((r) => r.checks.filter((c) => c.status === 'fail').map((c) => c.id));
  const tables = Object.entries(manifest.tables).map(([name, t]) => `${name} ${t.rows}`).join(' · ');
  return [
    `${records.length} files → ${outDir} (dataset ${manifest.dataset_version.slice(0, 12)})`,
    formatStatusCounts(countByStatus(reports.map((r) => r.status))),
    ...formatTop('failure reasons', topCounts(failed.map((r) => failureReason(r.error ?? 'no reason')))),
    ...formatTop('top failing checks', topCounts(failingChecks)),
    `rows: ${tables}`,
    '',
  ].join('\n');
}
