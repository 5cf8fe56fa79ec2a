import type { ChartTable } from '../../charts';

/** A chart's figures as a table (the "show as table" switch): the values exactly as the chart shows them, with the chart's notes (its caveats) under them. */
export function ChartDataTable({ id, table, caption }: { id: string; table: ChartTable; caption: string }) {
  return (
    <div className="table-scroll chart-table" role="region" aria-label={caption} tabIndex={0} data-testid={`chart-table-${id}`}>
      <table>
        <caption>
          {caption}
          {table.unit ? ` · ${table.unit}` : ''}
        </caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              <th scope="row">{row[0]}</th>
              {row.slice(1).map((v, c) => (
                <td key={c} className="n">{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.notes.map((note, i) => <p key={i} className="note" data-testid={`chart-table-note-${id}`}>{note}</p>)}
    </div>
  );
}
