import { sharedGazetteer } from '../../../src/ingest/jurisdiction';
import { DataType, Type, tableFromIPC, tableToIPC } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { buildDatasetParts, DatasetBuilder, TABLE_COLUMNS, TABLE_NAMES, wholeTables } from '../../../src/ingest/arrow-tables';
import type { Table } from 'apache-arrow';
import { HARMONISED_METRICS, wideColumnName } from '../../../src/ingest/harmonised';
import { tableToParquet } from '../../../src/shared/parquet';
import { REQUIRED_TABLES } from '../../../src/shared/manifest';
import { isMetricId } from '../../../src/shared/metrics';
import { sampleRecords } from './records';
import { applyCorrections } from '../../../src/parse/corrections';

const buildDatasetTables = (records: Parameters<typeof buildDatasetParts>[0]) => wholeTables(buildDatasetParts(records, sharedGazetteer()));

const rawRows = (table: Table) => table.toArray().map((row) => row.toJSON());
/** Rows by report id: the files are in province order (see the sorting test). */
const rows = (table: Table) => {
  const all = rawRows(table);
  return all.every((r) => typeof r.report_id === 'string') ? all.sort((a, b) => (a.report_id < b.report_id ? -1 : a.report_id > b.report_id ? 1 : 0)) : all;
};

describe('harmonised metrics', () => {
  it('are all catalogue ids and give distinct column names', () => {
    expect(HARMONISED_METRICS.filter((id) => !isMetricId(id))).toEqual([]);
    expect(new Set(HARMONISED_METRICS.map(wideColumnName)).size).toBe(HARMONISED_METRICS.length);
    expect(wideColumnName('r.denied.total.total')).toBe('r_denied_total_total');
  });
});

describe('buildDatasetTables', () => {
  const tables = buildDatasetTables(sampleRecords());

  it('gives every table its documented columns', () => {
    for (const name of TABLE_NAMES) expect(tables[name].schema.fields.map((f) => f.name)).toEqual(TABLE_COLUMNS[name]);
    expect(TABLE_COLUMNS.reports).toEqual([
      'report_id', 'file', 'status', 'error', 'issuer', 'jurisdiction', 'level', 'scope', 'year', 'published', 'template',
      'template_basis', 'encoding', 'synthetic', 'division_code', 'division_name', 'division_level', 'province_code', 'city_code', 'county_code', 'parent_code', 'department', 'jurisdiction_flags',
      'jurisdiction_confidence', 'jurisdiction_candidates', 'n_values', 'n_failed_checks', 'warnings', 'sha256', 'bytes',
    ]);
    expect(TABLE_COLUMNS.texts).toEqual(['report_id', 'text']);
    expect(TABLE_COLUMNS.values).toEqual(['report_id', 'metric', 'value', 'approx', 'derived', 'start', 'end', 'source', 'pdf_page', 'pdf_x', 'pdf_y', 'pdf_w', 'pdf_h',
      'split', 'inferred', 'printed_value', 'corrected', 'correction_note', 'correction_author']);
    expect(TABLE_COLUMNS.checks).toEqual(['report_id', 'id', 'status', 'expected', 'actual', 'metrics', 'basis']);
    expect(TABLE_COLUMNS.corrections).toEqual(['report_sha256', 'metric', 'value', 'note', 'author', 'at', 'line', 'status', 'reason']);
    expect(TABLE_COLUMNS.facts_wide).toEqual([
      'report_id', 'issuer', 'jurisdiction', 'division_code', 'division_name', 'division_level', 'province_code', 'city_code', 'county_code', 'parent_code', 'department', 'jurisdiction_flags', 'published', 'n_failed_checks',
      'year', 'level', 'scope', 'template', 'status', ...HARMONISED_METRICS.map(wideColumnName), 'body_key', 'body_year_reports',
    ]);
    expect(TABLE_COLUMNS.jurisdictions).toEqual(['code', 'name', 'level', 'parent', 'kind', 'first', 'last', 'province_code']);
  });

  it('writes exactly the tables a manifest requires, in its order', () => {
    expect([...TABLE_NAMES]).toEqual(['reports', 'texts', 'values', 'checks', 'facts_wide', 'jurisdictions', 'rollups', 'failing', 'bodies', 'similar_pairs', 'corrections']);
    expect([...TABLE_NAMES]).toEqual([...REQUIRED_TABLES]);
    expect(Object.keys(tables)).toEqual([...TABLE_NAMES]);
  });

  it('writes strings as plain Utf8, never dictionary-encoded', () => {
    for (const name of TABLE_NAMES) {
      const back = tableFromIPC(tableToIPC(tables[name], 'stream'));
      for (const field of back.schema.fields) expect(DataType.isDictionary(field.type), `${name}.${field.name}`).toBe(false);
      const key = name === 'jurisdictions' ? 'code' : name === 'rollups' ? 'division_code' : name === 'bodies' ? 'key' : name === 'similar_pairs' ? 'report_a' : name === 'corrections' ? 'report_sha256' : 'report_id';
      expect(back.schema.fields.find((f) => f.name === key)?.type.typeId).toBe(Type.Utf8);
    }
  });

  it('sorts reports by province (unresolved last), then id, and keeps failed ones with their reason', () => {
    expect(rawRows(tables.reports).map((r) => [r.report_id, r.status, r.error])).toEqual([
      ['corpus/b.txt', 'ok', null],
      ['corpus/a.txt', 'failed', "cannot read: EACCES: permission denied, open 'data/corpus/a.txt'"],
    ]);
    expect(rows(tables.reports)[1]).toMatchObject({
      file: 'data/corpus/b.txt',
      issuer: '阜新市人民政府',
      level: 'city',
      scope: 'area',
      year: 2019,
      template: 'table2019',
      encoding: 'gbk',
      synthetic: false,
      division_code: '210900',
      division_name: '阜新市',
      division_level: 'city',
      province_code: '210000',
      city_code: '210900',
      county_code: null,
      parent_code: '210000',
      department: null,
      jurisdiction_flags: 'context,government-office',
      jurisdiction_confidence: 0.95,
      jurisdiction_candidates: null,
      n_values: 5,
      n_failed_checks: 1,
      warnings: 'issuer not found\nblank cell',
      sha256: 'b'.repeat(64),
      bytes: 2048n,
    });
    expect(rows(tables.reports)[0]).toMatchObject({ year: null, sha256: null, bytes: null, n_values: 0, warnings: '' });
  });

  it('keeps the text out of reports, one texts row per report (empty for an unread file)', () => {
    expect(Object.keys(rows(tables.reports)[0])).not.toContain('text');
    expect(rows(tables.texts)).toEqual([
      { report_id: 'corpus/a.txt', text: '' },
      { report_id: 'corpus/b.txt', text: '二〇一九年 政府信息公开' },
    ]);
  });

  it('writes one values row per value and one checks row per check', () => {
    const box = { pdf_page: null, pdf_x: null, pdf_y: null, pdf_w: null, pdf_h: null, split: false, inferred: false, corrected: false, correction_note: null, correction_author: null };
    const noBox = (printed: number) => ({ ...box, printed_value: printed });
    expect(rows(tables.values)).toEqual([
      { report_id: 'corpus/b.txt', metric: 'r.new.total', value: 131, approx: false, derived: false, start: 10, end: 13, source: 'table', ...noBox(131) },
      { report_id: 'corpus/b.txt', metric: 'r.denied.total.total', value: 9, approx: false, derived: true, start: 0, end: 1, source: 'table', ...noBox(9) },
      { report_id: 'corpus/b.txt', metric: 'r.denied.total.total', value: 10, approx: false, derived: false, start: 0, end: 1, source: 'table', ...noBox(10) },
      { report_id: 'corpus/b.txt', metric: 'rv.total', value: 22, approx: true, derived: false, start: 0, end: 1, source: 'narrative', ...noBox(22) },
      { report_id: 'corpus/b.txt', metric: 'p.rules.new_made', value: 7, approx: false, derived: false, start: 0, end: 1, source: 'table', ...noBox(7) },
    ]);
    expect(rows(tables.checks)).toEqual([
      { report_id: 'corpus/b.txt', id: 'requests.balance.total', status: 'fail', expected: 146, actual: 131, metrics: 'r.new.total,r.handled.total', basis: 'printed' },
      { report_id: 'corpus/b.txt', id: 'lit.total', status: 'not_assessable', expected: null, actual: null, metrics: 'r.new.total,r.handled.total', basis: 'printed' },
    ]);
  });

  it("keeps a PDF value's page and box", () => {
    const records = sampleRecords();
    const ok = records.find((r) => r.parsed.values.length > 0)!;
    ok.parsed.values[0] = { ...ok.parsed.values[0], pdf: { page: 4, x: 249.2, y: 702.5, w: 38.5, h: 13.3 } };
    const [first] = rows(buildDatasetTables(records).values).filter((r) => r.pdf_page !== null);
    expect(first).toMatchObject({ metric: ok.parsed.values[0].metric, pdf_page: 4, pdf_x: 249.2, pdf_y: 702.5, pdf_w: 38.5, pdf_h: 13.3 });
  });

  it('marks a value split from a glued run of digits', () => {
    const records = sampleRecords();
    const ok = records.find((r) => r.parsed.values.length > 0)!;
    ok.parsed.values[1] = { ...ok.parsed.values[1], split: true };
    expect(rows(buildDatasetTables(records).values).map((r) => r.split)).toEqual([false, true, false, false, false]);
  });

  it('marks a value the narrative implies but does not print (inferred)', () => {
    const records = sampleRecords();
    const ok = records.find((r) => r.parsed.values.length > 0)!;
    ok.parsed.values[2] = { ...ok.parsed.values[2], inferred: true };
    const values = rows(buildDatasetTables(records).values);
    expect(values.map((r) => r.inferred)).toEqual([false, false, true, false, false]);
    expect(values.map((r) => r.split)).toEqual([false, false, false, false, false]);
  });

  it('writes corrected values, both bases of checks and the corrections rows', () => {
    const records = sampleRecords();
    const i = records.findIndex((r) => r.parsed.values.length > 0);
    records[i] = { ...records[i], corrected: applyCorrections(records[i].parsed.values, [{ line: 2, report_sha256: 'a'.repeat(64), metric: 'r.new.total', value: 146, note: '', author: 'x', at: '' }]) };
    const row = { line: 2, report_sha256: 'a'.repeat(64), metric: 'r.new.total', value: '146', note: '', author: 'x', at: '', status: 'applied' as const, reason: null };
    const builder = new DatasetBuilder(sharedGazetteer());
    for (const record of [...records].sort((a, b) => (a.id < b.id ? -1 : 1))) builder.add(record);
    const built = wholeTables(builder.finish([row]));
    const corrected = records[i].corrected!.checks;
    expect(corrected.length).toBeGreaterThan(0);
    expect(rows(built.values).find((r) => r.metric === 'r.new.total')).toMatchObject({ value: 146, printed_value: 131, corrected: true, correction_author: 'x' });
    const checks = rows(built.checks).filter((c) => c.report_id === records[i].id);
    expect(checks.filter((c) => c.basis === 'printed').map((c) => c.id)).toEqual(records[i].parsed.checks.map((c) => c.id));
    expect(checks.filter((c) => c.basis === 'corrected').map((c) => [c.id, c.status])).toEqual(corrected.map((c) => [c.id, c.status]));
    expect(rows(built.facts_wide).find((r) => r.report_id === records[i].id)).toMatchObject({ r_new_total: 146, n_failed_checks: corrected.filter((c) => c.status === 'fail').length });
    expect(rows(built.corrections)).toEqual([row]);
  });

  it('spreads harmonised metrics into facts_wide, a printed value winning over a derived one', () => {
    const [failed, ok] = rows(tables.facts_wide);
    expect(ok).toMatchObject({
      report_id: 'corpus/b.txt', issuer: '阜新市人民政府', jurisdiction: '阜新市', division_code: '210900', parent_code: '210000', published: '2020-01-31',
      n_failed_checks: 1, year: 2019, level: 'city', scope: 'area', template: 'table2019', status: 'ok',
    });
    expect(ok.r_new_total).toBe(131);
    expect(ok.r_denied_total_total).toBe(10);
    expect(ok.rv_total).toBe(22);
    expect(ok.p_total).toBeNull();
    // Every figure a report states once is a column, so each metric can be picked.
    expect(Object.keys(ok)).toContain('p_rules_new_made');
    expect(failed).toMatchObject({ report_id: 'corpus/a.txt', issuer: null, jurisdiction: null, division_code: null, jurisdiction_flags: null, published: null, n_failed_checks: 0, status: 'failed' });
    expect(HARMONISED_METRICS.map((m) => failed[wideColumnName(m)])).toEqual(HARMONISED_METRICS.map(() => null));
  });

  it('lists every division down to county level, then the towns province by province', () => {
    const divisions = rows(tables.jurisdictions);
    expect(divisions.length).toBeGreaterThan(50000);
    const firstTown = divisions.findIndex((d) => d.level === 'town');
    expect(firstTown).toBeGreaterThan(3000);
    expect(divisions.slice(firstTown).every((d) => d.level === 'town')).toBe(true);
    expect(divisions.find((d) => d.code === '440106011')).toMatchObject({ level: 'town', parent: '440106' });
    expect(divisions.find((d) => d.code === '210900')).toMatchObject({ name: '阜新市', level: 'city', parent: '210000', kind: 'admin', province_code: '210000' });
    const codes = divisions.map((d) => String(d.code));
    expect(codes.slice(0, firstTown)).toEqual(codes.slice(0, firstTown).sort());
    expect(codes.slice(firstTown)).toEqual(codes.slice(firstTown).sort());
  });

  it('leaves the gazetteer out when asked (the page\'s layer reads the dataset\'s): its schema alone, every other table the same', () => {
    const records = sampleRecords();
    const finish = (options?: { jurisdictions?: boolean }) => {
      const builder = new DatasetBuilder({ rows: sharedGazetteer().rows });
      for (const record of [...records].sort((a, b) => (a.id < b.id ? -1 : 1))) builder.add(record);
      return wholeTables(builder.finish([], options));
    };
    const [whole, without] = [finish(), finish({ jurisdictions: false })];
    expect(whole.jurisdictions.numRows).toBe(57_878);
    expect(without.jurisdictions.numRows).toBe(0);
    expect(without.jurisdictions.schema.fields.map((f) => f.name)).toEqual(TABLE_COLUMNS.jurisdictions);
    for (const name of TABLE_NAMES.filter((n) => n !== 'jurisdictions')) expect(rawRows(without[name]), name).toEqual(rawRows(whole[name]));
    expect(whole.bodies.numRows).toBeGreaterThan(0);
  });

  it('builds empty tables with the full schema', () => {
    const empty = buildDatasetTables([]);
    for (const name of TABLE_NAMES) {
      if (name !== 'jurisdictions' && name !== 'rollups') expect(empty[name].numRows).toBe(0);
      expect(tableFromIPC(tableToIPC(empty[name], 'stream')).schema.fields.map((f) => f.name)).toEqual(TABLE_COLUMNS[name]);
    }
  });
});

describe('tableToParquet', () => {
  it('holds the same rows as the Arrow table, nulls and 64-bit integers included', async () => {
    const tables = buildDatasetTables(sampleRecords());
    for (const name of TABLE_NAMES) {
      const bytes = tableToParquet(tables[name]);
      const back = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
      expect(back, name).toEqual(rawRows(tables[name]));
    }
  });

  it('is byte-identical for the same input', () => {
    const a = tableToParquet(buildDatasetTables(sampleRecords()).reports);
    const b = tableToParquet(buildDatasetTables(sampleRecords()).reports);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('DatasetBuilder', () => {
  it('refuses reports out of id order (its chunks would not be sorted)', () => {
    const [a, b] = [...sampleRecords()].sort((x, y) => (x.id < y.id ? -1 : 1));
    const builder = new DatasetBuilder(sharedGazetteer());
    builder.add(b);
    expect(() => builder.add(a)).toThrow(`reports out of order: ${a.id} after ${b.id}`);
  });

  it('gives the same rows across many chunks as the reports hold, in id order within each province', () => {
    const samples = sampleRecords();
    const records = Array.from({ length: 2500 }, (_, i) => ({ ...samples[i % samples.length], id: `r/${String(i).padStart(5, '0')}` }));
    const tables = buildDatasetTables(records);
    expect(tables.reports.numRows).toBe(2500);
    const ids = rawRows(tables.reports).map((r) => String(r.report_id));
    const provinceOf = rawRows(tables.reports).map((r) => r.province_code ?? '~');
    for (let i = 1; i < ids.length; i++) if (provinceOf[i] === provinceOf[i - 1]) expect(ids[i] > ids[i - 1]).toBe(true);
    expect(tables.values.numRows).toBe(records.reduce((n, r) => n + r.parsed.values.length, 0));
    expect(tables.checks.numRows).toBe(records.reduce((n, r) => n + r.parsed.checks.length, 0));
    const nation = rawRows(tables.rollups).filter((r) => r.division_level === 'nation');
    expect(nation.reduce((n, r) => n + Number(r.reports), 0)).toBe(2500);
    expect(tables.failing.numRows).toBe(records.filter((r) => r.parsed.checks.some((c) => c.status === 'fail')).length);
  });

  it("counts each body's reports per year, whatever the year (none, the edges of the numbered years, odd ones), across chunks", () => {
    const [resolved, unresolved] = sampleRecords();
    const years: (number | null)[] = [null, 1899, 1900, 2019, 2154, 2155, 3000, 2019.5, null, 1899, 2155, 2019, 2019];
    const records = years.map((year, i) => ({ ...resolved, id: `r/${String(i).padStart(4, '0')}`, parsed: { ...resolved.parsed, facts: { ...resolved.parsed.facts, year } } }));
    // Reports with no body are a unit each; many of them push the others into a later chunk.
    const loose = Array.from({ length: 1200 }, (_, i) => ({ ...unresolved, id: `q/${String(i).padStart(4, '0')}` }));
    const wide = rawRows(buildDatasetTables([...loose, ...records]).facts_wide);
    const byId = new Map(wide.map((r) => [String(r.report_id), r]));
    const expected = (year: number | null) => years.filter((y) => y === year).length;
    records.forEach((r, i) => expect(byId.get(r.id)?.body_year_reports, `year ${years[i]}`).toBe(expected(years[i])));
    for (const r of loose) expect(byId.get(r.id)?.body_year_reports).toBe(1);
  });
});
