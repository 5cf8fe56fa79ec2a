import type { Row } from './rows';
import type { TidyColumn } from './tidy';

/** The body key of rows summed over every own report (no body chosen): see db/sql withBodyNames. */
export const POOLED_KEY = '*';

/**
 * Rows for a download where some are pooled (every own report summed): their `scope` says
 * `pooled`, and when every row is, `report_id` is left out (a sum rests on no one report), so
 * no column looks like missing data where it does not apply.
 */
export function markPooled(columns: readonly string[], rows: readonly Row[]): { columns: string[]; rows: Row[]; notApplicable: TidyColumn[] } {
  const pooled = (row: Row) => row.body_key === POOLED_KEY;
  if (!rows.some(pooled)) return { columns: [...columns], rows: [...rows], notApplicable: [] };
  return {
    columns: columns.includes('scope') ? [...columns] : [...columns, 'scope'],
    rows: rows.map((row) => (pooled(row) ? { ...row, scope: 'pooled' } : row)),
    notApplicable: rows.every(pooled) && !columns.includes('report_id') ? ['report_id'] : [],
  };
}
