import type { Table } from 'apache-arrow';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

const toCell = (value: unknown): Cell => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
};

/** Plain row objects: for the small results the views show (ECharts gets columns, see columns()). */
export function tableRows(table: Table, limit = Infinity): Row[] {
  const names = table.schema.fields.map((f) => f.name);
  const vectors = names.map((n) => table.getChild(n));
  const rows: Row[] = [];
  const n = Math.min(table.numRows, limit);
  for (let i = 0; i < n; i++) {
    const row: Row = {};
    names.forEach((n, j) => (row[n] = toCell(vectors[j]?.get(i))));
    rows.push(row);
  }
  return rows;
}

export const columnNames = (table: Table): string[] => table.schema.fields.map((f) => f.name);
