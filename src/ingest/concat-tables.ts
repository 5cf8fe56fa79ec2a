import type { Table } from 'apache-arrow';

/**
 * Tables of one schema as one. Empty ones are left out: an empty table built from empty vectors
 * has a batch without children, which arrow-js cannot concatenate.
 */
export function concatTables(tables: readonly Table[]): Table {
  const [first, ...rest] = tables.filter((t) => t.numRows > 0);
  if (!first) return tables[0];
  return rest.length === 0 ? first : first.concat(...rest);
}
