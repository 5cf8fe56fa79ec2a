// Rows of a per-body-and-year query → the categories a bar chart draws. Pure.
import type { Row } from '../data/rows';

export interface ScopeCategory {
  /** The year, or the body's key. */
  key: string;
  /** A year, or a body labelled by its name; an area summary's says so. */
  label: string;
  /** Whether it rests on area summaries (scope 'area'): a body's whole area, not its own figures. */
  area: boolean;
  rows: Row[];
}

/**
 * One category per year when one body (or the pooled total) is shown, one per body when several
 * are (in the order chosen), each split by scope: a body's area summaries (picked for a year it has
 * no own report) are a category of their own, `areaLabel` after its name, never summed with its
 * own reports. Pooled rows have no scope: every one is an own report.
 */
export function scopeCategories(rows: readonly Row[], entities: readonly string[], nameOf: (key: string) => string, areaLabel: string): ScopeCategory[] {
  const byBody = entities.length > 1;
  const groups: { key: string; label: string; rows: Row[] }[] = byBody
    ? entities.map((key) => ({ key, label: nameOf(key), rows: rows.filter((r) => r.body_key === key) }))
    : [...new Set(rows.map((r) => Number(r.year)))].sort((a, b) => a - b).map((year) => ({ key: String(year), label: String(year), rows: rows.filter((r) => Number(r.year) === year) }));
  return groups.flatMap((g) =>
    [false, true].flatMap((area) => {
      const of = g.rows.filter((r) => (r.scope === 'area') === area);
      return of.length === 0 ? [] : [{ key: g.key, label: area ? `${g.label} · ${areaLabel}` : g.label, area, rows: of }];
    }),
  );
}
