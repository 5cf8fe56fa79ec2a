import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { citationLine, CODEBOOK_COLUMNS, codebookRows, downloadCsv, downloadZip, RATIO_COLUMNS, TIDY_COLUMNS, tidyRows, valueColumns } from '../../../src/app/data/tidy';
import { CATALOGUE, RATES } from '../../../src/shared/metric-catalogue';

const VERSION = 'a'.repeat(64);
const opts = { valueMetric: null, datasetVersion: VERSION, locale: 'zh' as const };

/** Rows shaped like Review & litigation's: one per body and year, metric columns by their column names. */
const reviewColumns = ['body_key', 'body', 'year', 'reports', 'rv_total', 'lit_total', 'rv_rate_numerator'];
const reviewRows = [
  { body_key: '440105', body: '海珠区', year: 2019, reports: 1, rv_total: 4, lit_total: 53, rv_rate_numerator: 1 },
  { body_key: '440105', body: '海珠区', year: 2020, reports: 2, rv_total: null, lit_total: 7, rv_rate_numerator: null },
];

describe('tidyRows', () => {
  it('makes one row per body, year and stated metric, with label, unit and dataset version; absent values give no row', () => {
    const tidy = tidyRows(reviewColumns, reviewRows, opts);
    expect(tidy).toEqual([
      { body_key: '440105', body_name: '海珠区', year: 2019, metric: 'rv.total', metric_label: CATALOGUE.get('rv.total')!.label.zh, unit: '件', value: 4, scope: null, reports: 1, report_id: null, dataset_version: VERSION },
      { body_key: '440105', body_name: '海珠区', year: 2019, metric: 'lit.total', metric_label: CATALOGUE.get('lit.total')!.label.zh, unit: '件', value: 53, scope: null, reports: 1, report_id: null, dataset_version: VERSION },
      { body_key: '440105', body_name: '海珠区', year: 2020, metric: 'lit.total', metric_label: CATALOGUE.get('lit.total')!.label.zh, unit: '件', value: 7, scope: null, reports: 2, report_id: null, dataset_version: VERSION },
    ]);
  });

  it("reads a `value` column as the view's metric, with its scope, report and per-metric report counts", () => {
    const columns = ['body_key', 'body', 'year', 'value', 'report_id', 'reports', 'scope'];
    const rows = [{ body_key: '310000', body: '上海市', year: 2019, value: 805, report_id: 'r1', reports: 1, scope: 'self' }];
    expect(tidyRows(columns, rows, { ...opts, valueMetric: 'r.handled.total', locale: 'en' })?.[0]).toMatchObject({ metric: 'r.handled.total', metric_label: CATALOGUE.get('r.handled.total')!.label.en, unit: 'requests', value: 805, scope: 'self', report_id: 'r1' });
    const trend = tidyRows(['year', 'reports', 'lit_total', 'lit_total__reports'], [{ year: 2019, reports: 9, lit_total: 53, lit_total__reports: 4 }], opts);
    expect(trend?.[0]).toMatchObject({ metric: 'lit.total', value: 53, reports: 4 });
  });

  it('under both layers, gives a row of the user\'s own report the layer\'s version, another report\'s row the dataset\'s, a sum both', () => {
    const layer = 'b'.repeat(64);
    const columns = ['body_key', 'year', 'value', 'report_id'];
    const rows = [
      { body_key: '210900', year: 2019, value: 1131, report_id: 'mine/a.txt' },
      { body_key: '210900', year: 2018, value: 131, report_id: 'corpus/seeds/a.txt' },
      { body_key: '210900', year: 2017, value: 9, report_id: null },
    ];
    const both = { ...opts, valueMetric: 'r.new.total', layerRows: { version: layer, reports: new Set(['mine/a.txt']) } };
    expect(tidyRows(columns, rows, both)?.map((r) => r.dataset_version)).toEqual([layer, VERSION, `${VERSION}+${layer}`]);
    // The dataset alone (or the user's alone): one version for every row, as before.
    expect(tidyRows(columns, rows, { ...opts, valueMetric: 'r.new.total' })?.map((r) => r.dataset_version)).toEqual([VERSION, VERSION, VERSION]);
    expect(citationLine(VERSION, '2026-12-06', layer)).toContain(`layer version ${layer}`);
  });

  it('returns null for rows that hold no metric (a coverage list), which download as they are', () => {
    const columns = ['division_code', 'division_name', 'status'];
    const rows = [{ division_code: '440111', division_name: '白云区', status: 'reported' }];
    expect(valueColumns(columns, null)).toEqual([]);
    expect(tidyRows(columns, rows, opts)).toBeNull();
    expect(downloadCsv(columns, rows, opts)).toBe('\ufeffdivision_code,division_name,status\r\n440111,白云区,reported\r\n');
  });

  it('writes the tidy CSV with its fixed header', () => {
    const csv = downloadCsv(reviewColumns, reviewRows, opts);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(TIDY_COLUMNS.join(','));
    expect(lines).toHaveLength(3 + 1 + 1);
  });
});

describe('codebook and zip', () => {
  it('lists every catalogue metric and rate once, with its place in each form', () => {
    const rows = codebookRows();
    expect(rows.map((r) => r.id)).toEqual([...CATALOGUE.keys(), ...RATES.map((r) => r.id), ...RATIO_COLUMNS.map((c) => c.id)]);
    const lit = rows.find((r) => r.id === 'r.new.total')!;
    expect(lit.label_en).toBe(CATALOGUE.get('r.new.total')!.label.en);
    expect(lit.place_table2021).toBe(CATALOGUE.get('r.new.total')!.place.table2021?.zh ?? null);
    expect(Object.keys(lit)).toEqual([...CODEBOOK_COLUMNS]);
  });

  it("describes the views' 0–1 ratio columns (percentile, yoy_pct, gap_share, copy_score) as ratios, in both languages", () => {
    const rows = codebookRows();
    // copy_score's 0 is "below the kept minimum", not "no shared text" (audit38 F7).
    expect(String(rows.find((r) => r.id === 'copy_score')!.meaning_zh)).toContain('0 表示低于 0.5');
    for (const id of ['percentile', 'yoy_pct', 'gap_share', 'copy_score']) {
      const row = rows.find((r) => r.id === id)!;
      expect([row.unit_zh, row.unit_en], id).toEqual(['比例（0–1）', 'ratio (0–1)']);
      expect(String(row.meaning_zh), id).toContain('0.25');
      expect(String(row.meaning_en), id).toContain('0.25');
    }
  });

  it('zips the tidy CSV, the rows as the view has them, the codebook and a citation, byte-identically for the same input', () => {
    const zipOpts = { ...opts, date: '2026-12-05' };
    const zip = downloadZip('gongkai_review', reviewColumns, reviewRows, zipOpts);
    expect(downloadZip('gongkai_review', reviewColumns, reviewRows, zipOpts)).toEqual(zip);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['CITATION.txt', 'codebook.csv', 'gongkai_review.csv', 'gongkai_review_rows.csv']);
    expect(files['gongkai_review.csv']).toEqual(strToU8(downloadCsv(reviewColumns, reviewRows, opts)));
    expect(strFromU8(files['gongkai_review_rows.csv']).split('\r\n')[0]).toBe(reviewColumns.join(','));
    expect(strFromU8(files['CITATION.txt'])).toBe(`${citationLine(VERSION, '2026-12-05')}\r\n`);
    expect(citationLine(VERSION, '2026-12-05')).toMatch(new RegExp(`^Gongkai .*version ${VERSION}.*2026-12-05`));
    expect(strFromU8(files['codebook.csv']).split('\r\n').length).toBe(codebookRows().length + 2);
  });
});
