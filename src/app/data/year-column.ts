import { Int32, Table, vectorFromArray } from 'apache-arrow';

/** The table with a first `year` column holding `year` on every row (a one-year view's rows hold none). */
export function withYearColumn(table: Table, year: number): Table {
  const years = vectorFromArray(new Array<number>(table.numRows).fill(year), new Int32());
  return new Table({ year: years, ...Object.fromEntries(table.schema.fields.map((f) => [f.name, table.getChild(f.name)!])) });
}
