import type { Row } from '../data/rows';
import { num } from './common';

export interface CoverageCounts {
  listed: number;
  reported: number;
  missing: number;
  late: number;
  notDue: number;
  departments: number;
}

export type CoveragePart = 'on_time' | 'late' | 'date_unknown' | 'missing' | 'not_due';

const governmentsOf = (rows: readonly Row[]) => rows.filter((r) => r.unit === 'government');

// Every count but departments is of the governments below the parent, as the donut draws them.
export function coverageCounts(rows: readonly Row[]): CoverageCounts {
  const governments = governmentsOf(rows);
  return {
    listed: governments.filter((r) => r.listed === true).length,
    // A report under an ambiguous name one of whose candidates is this unit counts as reported.
    reported: governments.filter((r) => (num(r.reports) ?? 0) > 0 || (num(r.ambiguous_reports) ?? 0) > 0).length,
    missing: governments.filter((r) => r.missing === true).length,
    late: governments.filter((r) => r.late === true).length,
    notDue: governments.filter((r) => r.not_due === true).length,
    departments: rows.filter((r) => r.unit === 'department').length,
  };
}

// The governments below the parent by outcome. Reported with no known date is neither on time
// nor late: its own part, never counted on time.
export function coverageParts(rows: readonly Row[]): Record<CoveragePart, number> {
  const counts = coverageCounts(rows);
  const onTime = governmentsOf(rows).filter((r) => r.late === false).length;
  return {
    on_time: onTime,
    late: counts.late,
    date_unknown: counts.reported - counts.late - onTime,
    missing: counts.missing,
    not_due: counts.notDue,
  };
}
