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

/**
 * The constant columns a Parquet download of `table` adds so pooled rows say so as the CSV does
 * (markPooled): `scope` = pooled when every row is pooled and the rows have no scope of their own.
 * They have no report_id column to drop: a pooled query returns none.
 */
export function pooledParquetColumns(table: { numRows: number; schema: { fields: { name: string }[] }; getChild(name: string): { get(i: number): unknown } | null }): Record<string, string> {
  const names = table.schema.fields.map((f) => f.name);
  const keys = table.getChild('body_key');
  if (!keys || names.includes('scope') || table.numRows === 0) return {};
  for (let i = 0; i < table.numRows; i++) if (keys.get(i) !== POOLED_KEY) return {};
  return { scope: 'pooled' };
}
