// One row per body (src/shared/body-key.ts) with its display name, written by ingest so that the
// picker, the URL's bodies and every chart's labels answer without the page loading every
// province's reports. The name is the gazetteer's latest name of the division, after its parent's
// for a county or town, then the department (广州市海珠区, 广州市公安局); the printed name when the
// division is unresolved. tests/integration/db/bodies.test.ts checks these rows against the same
// rules written as SQL over facts_wide and jurisdictions.
import type { DivisionRow, Gazetteer } from '../jurisdictions';
import { bodyKey } from '../shared/body-key';
import { chainCode, parentCode } from '../jurisdictions/report-division';
import type { ReportRecord } from './read-report';
import { levelOf } from './rollups';

export interface BodyRow {
  key: string;
  name: string | null;
  /** `department` for a department; the division's level for a government; the report's level when unresolved. */
  level: string | null;
  division_code: string | null;
  department: string | null;
  province_code: string | null;
  reports: number;
  first_year: number | null;
  last_year: number | null;
  /** Every issuer name the body's reports print, sorted, one per line. */
  printed_names: string | null;
}

interface Acc {
  division_code: string | null;
  department: string | null;
  division_name: string | null;
  division_level: string | null;
  parent_code: string | null;
  province_code: string | null;
  level: string | null;
  issuer: string | null;
  reports: number;
  first_year: number | null;
  last_year: number | null;
  printed: Set<string>;
}

/** The smaller of two values, null counting as absent (SQL's min). */
function least<T extends string | number>(a: T | null, b: T | null): T | null {
  if (a === null) return b;
  if (b === null) return a;
  return b < a ? b : a;
}

function greatest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return b > a ? b : a;
}

/** Per code, the row of its latest name (the one valid from the latest year). */
function latestRows(rows: readonly DivisionRow[]): Map<string, DivisionRow> {
  const latest = new Map<string, DivisionRow>();
  for (const row of rows) {
    const seen = latest.get(row.code);
    if (!seen || row.first > seen.first) latest.set(row.code, row);
  }
  return latest;
}

export class BodyAccumulator {
  private readonly byKey = new Map<string, Acc>();

  add(record: ReportRecord): void {
    const resolved = record.jurisdiction?.code ? record.jurisdiction : null;
    // As facts_wide holds it: the department part even when the division is unresolved.
    const department = record.jurisdiction?.department || null;
    const issuer = record.parsed.facts.issuer;
    const key = bodyKey({ division_code: resolved?.code ?? null, department, issuer });
    if (key === null) return;
    const year = record.parsed.facts.year;
    const row = {
      division_code: resolved?.code ?? null,
      department,
      division_name: resolved?.name ?? null,
      division_level: resolved?.divisionLevel ?? null,
      parent_code: parentCode(record.jurisdiction),
      province_code: chainCode(record.jurisdiction, 'province'),
      level: levelOf(record),
    };
    const acc = this.byKey.get(key);
    if (!acc) {
      this.byKey.set(key, { ...row, issuer, reports: 1, first_year: year, last_year: year, printed: new Set(issuer === null ? [] : [issuer]) });
      return;
    }
    for (const field of ['division_code', 'department', 'division_name', 'division_level', 'parent_code', 'province_code', 'level'] as const) {
      acc[field] = least(acc[field], row[field]);
    }
    acc.issuer = least(acc.issuer, issuer);
    acc.reports += 1;
    acc.first_year = least(acc.first_year, year);
    acc.last_year = greatest(acc.last_year, year);
    if (issuer !== null) acc.printed.add(issuer);
  }

  rows(gazetteer: Pick<Gazetteer, 'rows'>): BodyRow[] {
    const latest = latestRows(gazetteer.rows);
    const rows: BodyRow[] = [];
    for (const [key, b] of this.byKey) {
      let name: string | null;
      if (b.division_code === null) name = b.issuer;
      else {
        const parent = b.parent_code === null ? undefined : latest.get(b.parent_code);
        const parentName = (b.division_level === 'county' || b.division_level === 'town') && parent && parent.kind !== 'pseudo' ? parent.name : '';
        name = `${parentName}${latest.get(b.division_code)?.name ?? b.division_name ?? b.division_code}${b.department ?? ''}`;
      }
      rows.push({
        key,
        name,
        level: b.department !== null ? 'department' : b.division_code !== null ? b.division_level : b.level,
        division_code: b.division_code,
        department: b.department,
        province_code: b.province_code,
        reports: b.reports,
        first_year: b.first_year,
        last_year: b.last_year,
        printed_names: b.printed.size === 0 ? null : [...b.printed].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).join('\n'),
      });
    }
    return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
