import type { Row } from '../data/rows';
import { num } from './common';

export interface CoverageCounts {
  listed: number;
  reported: number;
  /** Of `reported`, those known only by a report under an ambiguous name (reconciliation lists them apart). */
  ambiguousOnly: number;
  missing: number;
  late: number;
  /** Governments that reported with a known date (on time or late): the base `late` rests on. */
  datesKnown: number;
  /** Governments that reported with no known date (or only under an ambiguous name): lateness unknown. */
  datesUnknown: number;
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
    ambiguousOnly: governments.filter((r) => (num(r.reports) ?? 0) === 0 && (num(r.ambiguous_reports) ?? 0) > 0).length,
    missing: governments.filter((r) => r.missing === true).length,
    late: governments.filter((r) => r.late === true).length,
    datesKnown: governments.filter((r) => r.late === true || r.late === false).length,
    datesUnknown: governments.filter((r) => coverageStatus(r) === 'date_unknown').length,
    notDue: governments.filter((r) => r.not_due === true).length,
    departments: rows.filter((r) => r.unit === 'department').length,
  };
}

/**
 * The missing and not-yet-due tiles: both are judged against the children the gazetteer lists for
 * the year, so with none listed they are unknown (null, never 0), and the tile says why.
 */
export function listedFigure(counts: Pick<CoverageCounts, 'listed' | 'missing' | 'notDue'>): { missing: number | null; notDue: number | null; noneListed: boolean } {
  const noneListed = counts.listed === 0;
  return { missing: noneListed ? null : counts.missing, notDue: noneListed ? null : counts.notDue, noneListed };
}

/**
 * The late tile: a count of late children rests only on those whose dates are known, so with no
 * known date it is unknown (null, never 0), and any unknown dates are said beside it.
 */
export function lateFigure(counts: Pick<CoverageCounts, 'late' | 'datesKnown' | 'datesUnknown'>): { value: number | null; known: number; unknown: number } {
  return { value: counts.datesKnown > 0 ? counts.late : null, known: counts.datesKnown, unknown: counts.datesUnknown };
}

export const COVERAGE_PARTS: readonly CoveragePart[] = ['on_time', 'late', 'date_unknown', 'missing', 'not_due'];

/**
 * Each part's place in the palette (src/charts/palette.ts), the same in every language and chart:
 * on time green, late orange, date unknown grey-blue, missing red, not yet due blue. The first six
 * places are the ones furthest apart for normal, deuteranope and protanope vision, and each has
 * its own pattern too.
 */
export const COVERAGE_SLOTS: Readonly<Record<CoveragePart, number>> = { on_time: 2, late: 1, date_unknown: 5, missing: 4, not_due: 0 };

// A government's part of the donut. Reported with no known date (or only under an ambiguous
// name) is neither on time nor late: its own part, never counted on time. Null: in no part.
export function coverageStatus(row: Row): CoveragePart | null {
  if (row.unit !== 'government') return null;
  if (row.late === true) return 'late';
  if (row.late === false) return 'on_time';
  if ((num(row.reports) ?? 0) > 0 || (num(row.ambiguous_reports) ?? 0) > 0) return 'date_unknown';
  if (row.missing === true) return 'missing';
  if (row.not_due === true) return 'not_due';
  return null;
}

// The governments below the parent by outcome, as the donut draws them.
export function coverageParts(rows: readonly Row[]): Record<CoveragePart, number> {
  const parts: Record<CoveragePart, number> = { on_time: 0, late: 0, date_unknown: 0, missing: 0, not_due: 0 };
  for (const row of rows) {
    const status = coverageStatus(row);
    if (status) parts[status]++;
  }
  return parts;
}

/** Columns of the coverage chart's CSV: one row per government drawn, its part and what puts it there. */
export const COVERAGE_CSV_COLUMNS = ['parent_code', 'parent_name', 'year', 'children_listed', 'status', 'label', 'part_governments', 'division_code', 'division_name', 'division_level', 'listed', 'reports', 'ambiguous_reports', 'published', 'deadline', 'dataset_version'] as const;

/**
 * The governments behind each part of the donut, part by part (the donut's order), each with the
 * parent, year, its part's label and count, and the dataset version, as every chart's CSV says them.
 * `children_listed` is the base of missing and not yet due: at 0 neither can be judged.
 */
export function coverageCsvRows(rows: readonly Row[], of: { parent: string | null; parentName: string | null; year: number | null; datasetVersion: string | null }, label: (part: CoveragePart) => string): Row[] {
  const parts = coverageParts(rows);
  const childrenListed = coverageCounts(rows).listed;
  const out: Row[] = [];
  for (const part of COVERAGE_PARTS) {
    for (const r of rows) {
      if (coverageStatus(r) !== part) continue;
      out.push({
        parent_code: of.parent,
        parent_name: of.parentName,
        year: of.year,
        children_listed: childrenListed,
        status: part,
        label: label(part),
        part_governments: parts[part],
        division_code: r.division_code ?? null,
        division_name: r.division_name ?? null,
        division_level: r.division_level ?? null,
        listed: r.listed ?? null,
        reports: num(r.reports),
        ambiguous_reports: num(r.ambiguous_reports),
        published: r.published ?? null,
        deadline: r.deadline ?? null,
        dataset_version: of.datasetVersion,
      });
    }
  }
  return out;
}
