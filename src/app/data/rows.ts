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

/** A value as plain JSON-able data: BigInt as a number, Arrow lists as arrays, Arrow structs as objects. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, plain);
  if (Array.isArray(value)) return value.map(plain);
  // Arrow rows and structs give an object, Arrow vectors (lists) an array
  const json = typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
  if (json !== value) return plain(json);
  return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, plain(x)]));
}

/** Every row of a result as a plain object (what `window.__gongkai.query` gives tests and benchmarks). */
export function plainRows(table: Table): Record<string, unknown>[] {
  return table.toArray().map((row) => plain(row) as Record<string, unknown>);
}
