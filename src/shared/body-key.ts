// A body is who publishes a report, identified by its division, not by how it printed its name:
// `440105` (海珠区's government, whether it signs 海珠区人民政府 or 广州市海珠区人民政府),
// `440100/公安局` (a department of that government), and `name:…` (the printed name) only when the
// report's division is unresolved. The prefix keeps a name from ever reading as a code. Ingest
// writes the `bodies` table with this key; src/db/sql/query.ts has the same rule in SQL.

export const NAME_KEY_PREFIX = 'name:';

/** The body key of a report's division, department and printed issuer; null when none is known. */
export function bodyKey(row: { division_code?: string | null; department?: string | null; issuer?: string | null }): string | null {
  if (row.division_code) return row.department ? `${row.division_code}/${row.department}` : row.division_code;
  return row.issuer ? `${NAME_KEY_PREFIX}${row.issuer}` : null;
}
