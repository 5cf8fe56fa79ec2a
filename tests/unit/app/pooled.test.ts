// A download of pooled rows (every own report summed, no body chosen): `scope` says pooled and the
// report_id column, which no sum has, is left out rather than left empty on every row.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/shared/csv';
import { markPooled, pooledParquetColumns } from '../../../src/app/data/pooled';
import { downloadCsv, TIDY_COLUMNS } from '../../../src/app/data/tidy';

const opts = { valueMetric: null, datasetVersion: 'abc', locale: 'zh' as const };
// As outcomeBreakdown answers pooled: body_key '*', sums and counts, no scope or report_id.
const columns = ['body_key', 'body', 'year', 'reports', 'reports_with_total', 'bodies', 'r_handled_total', 'r_granted_total'];
const pooled = [
  { body_key: '*', body: '*', year: 2020, reports: 12, reports_with_total: 10, bodies: 10, r_handled_total: 100, r_granted_total: 60 },
  { body_key: '*', body: '*', year: 2021, reports: 11, reports_with_total: 11, bodies: 11, r_handled_total: 90, r_granted_total: null },
];

describe('pooled rows in a download', () => {
  it('say pooled in scope and leave report_id out', () => {
    const out = markPooled(columns, pooled);
    const [header, ...rows] = parseCsv(downloadCsv(out.columns, out.rows, { ...opts, notApplicable: out.notApplicable }));
    expect(header).toEqual(TIDY_COLUMNS.filter((c) => c !== 'report_id'));
    expect(rows.map((r) => [r[header.indexOf('year')], r[header.indexOf('metric')], r[header.indexOf('value')], r[header.indexOf('scope')], r[header.indexOf('reports')]])).toEqual([
      ['2020', 'r.handled.total', '100', 'pooled', '10'],
      ['2020', 'r.granted.total', '60', 'pooled', '10'],
      ['2021', 'r.handled.total', '90', 'pooled', '11'],
    ]);
    // No column is empty on every row.
    for (let c = 0; c < header.length; c++) expect(rows.some((r) => r[c] !== '')).toBe(true);
  });

  it('leave rows of chosen bodies as they are', () => {
    const chosen = pooled.map((r) => ({ ...r, body_key: '440103', body: '荔湾区' }));
    const out = markPooled(columns, chosen);
    expect(out).toEqual({ columns, rows: chosen, notApplicable: [] });
    expect(parseCsv(downloadCsv(out.columns, out.rows, opts))[0]).toEqual([...TIDY_COLUMNS]);
  });
});

describe('pooled rows in a Parquet download', () => {
  const table = (keys: string[], extra: string[] = []) => ({
    numRows: keys.length,
    schema: { fields: [...['body_key', 'year'], ...extra].map((name) => ({ name })) },
    getChild: (name: string) => (name === 'body_key' ? { get: (i: number) => keys[i] } : null),
  });
  it('add scope = pooled when every row is pooled', () => {
    expect(pooledParquetColumns(table(['*', '*']))).toEqual({ scope: 'pooled' });
  });
  it('add nothing to rows of chosen bodies, or rows with a scope of their own', () => {
    expect(pooledParquetColumns(table(['440103', '440103']))).toEqual({});
    expect(pooledParquetColumns(table(['*'], ['scope']))).toEqual({});
    expect(pooledParquetColumns(table([]))).toEqual({});
  });
});
