import { describe, expect, it } from 'vitest';
import { datasetVersionInput, parseManifest, partitionsFor, validateManifest, type Manifest, type ManifestTable } from '../../../src/shared/manifest';

const hex = (c: string) => c.repeat(64);
const file = (path: string, rows: number, c: string) => ({ path, rows, bytes: 100, sha256: hex(c) });

/** A table stored per province (two provinces), or shared (one file). */
const table = (name: string, rows: number, c: string, byProvince = true): ManifestTable =>
  byProvince
    ? { rows, partitions: [{ ...file(`arrow/${name}/21.arrows`, rows - 1, c), province: '21' }, { ...file(`arrow/${name}/none.arrows`, 1, c), province: 'none' }] }
    : { rows, partitions: [file(`arrow/${name}/all.arrows`, rows, c)] };

function validManifest(): Manifest {
  return {
    schema_version: 12,
    dataset_version: hex('0'),
    generated_from: 3,
    summary: 'summary.json',
    tables: {
      reports: table('reports', 3, 'a'),
      texts: table('texts', 3, '3'),
      values: table('values', 10, 'c'),
      checks: table('checks', 4, 'e'),
      facts_wide: table('facts_wide', 3, '1'),
      jurisdictions: { rows: 4300, partitions: [file('arrow/jurisdictions/all.arrows', 4262, '5'), { ...file('arrow/jurisdictions/21.arrows', 38, '6'), province: '21' }] },
      rollups: table('rollups', 20, '7', false),
      failing: table('failing', 1, '8', false),
      bodies: table('bodies', 2, 'f', false),
      similar_pairs: table('similar_pairs', 0, 'd', false),
      corrections: table('corrections', 0, 'b', false),
    },
    parquet: { layout: 'hive', root: 'parquet', files: [{ ...file('parquet/reports/province=21/report_year=2020/part-0.parquet', 2, '9'), table: 'reports' }] },
  };
}

describe('validateManifest', () => {
  it('accepts a well-formed manifest, also after a JSON round trip', () => {
    expect(validateManifest(validManifest())).toEqual([]);
    expect(parseManifest(JSON.parse(JSON.stringify(validManifest())))).toEqual(validManifest());
  });

  it('names every problem it finds', () => {
    const bad = validManifest() as unknown as Record<string, unknown>;
    bad.schema_version = 3;
    bad.dataset_version = 'abc';
    bad.generated_from = -1;
    const tables = bad.tables as Record<string, Record<string, unknown>>;
    bad.summary = '../summary.json';
    delete tables.checks;
    delete tables.texts;
    tables.reports.rows = 4;
    const values = tables.values.partitions as Record<string, unknown>[];
    values[0].path = '../etc/passwd';
    values[1].sha256 = 'ABC';
    values[1].province = '2';
    tables.facts_wide.partitions = [];
    (bad.parquet as Record<string, unknown>).layout = 'flat';
    expect(validateManifest(bad)).toEqual([
      'schema_version: expected 12, got 3',
      'dataset_version: not a sha256 hex string',
      'generated_from: not a non-negative integer',
      'summary: not a plain file name',
      'parquet.layout: expected "hive"',
      'tables.texts: missing',
      'tables.checks: missing',
      'tables.reports.rows: 4, but its partitions hold 3',
      'tables.values.partitions[0].path: invalid',
      'tables.values.partitions[1].sha256: invalid',
      'tables.values.partitions[1].province: invalid',
      'tables.facts_wide.partitions: not a non-empty list',
    ]);
    expect(() => parseManifest(bad)).toThrow('invalid manifest:\n  schema_version: expected 12, got 3');
  });

  it('takes paths inside the dataset folder only', () => {
    for (const path of ['', '.', 'a/../b', '/etc/passwd', 'a//b', 'C:\\x', 'a/./b', 'арх/x']) {
      const m = validManifest();
      m.tables.failing.partitions[0].path = path;
      expect(validateManifest(m), path).toEqual(['tables.failing.partitions[0].path: invalid']);
    }
  });

  it('takes the summary file as optional, but a plain file name when present', () => {
    const { summary, ...withoutSummary } = validManifest();
    expect(summary).toBe('summary.json');
    expect(validateManifest(withoutSummary)).toEqual([]);
    for (const name of ['', '.', '..', 'a/summary.json', 'C:\\summary.json', 7, null]) {
      expect(validateManifest({ ...validManifest(), summary: name }), String(name)).toEqual(['summary: not a plain file name']);
    }
  });

  it('requires the texts and jurisdictions tables, and the rollups and failing tables of schema 4', () => {
    const tables = { ...validManifest().tables } as Record<string, unknown>;
    delete tables.texts;
    delete tables.rollups;
    delete tables.failing;
    expect(validateManifest({ ...validManifest(), tables })).toEqual(['tables.texts: missing', 'tables.rollups: missing', 'tables.failing: missing']);
  });

  it('requires the corrections table of schema 7', () => {
    const tables = { ...validManifest().tables } as Record<string, unknown>;
    delete tables.corrections;
    expect(validateManifest({ ...validManifest(), tables })).toEqual(['tables.corrections: missing']);
  });

  it('takes stored answers as optional: pre-aggregate names, files inside the folder, their loaded size', () => {
    const stored = { pre_coverage_answer_21: { ...file('arrow/stored/pre_coverage_answer_21.arrows.gz', 12, '2'), arrow_bytes: 900 } };
    expect(validateManifest({ ...validManifest(), stored })).toEqual([]);
    expect(validateManifest({ ...validManifest(), stored: [] })).toEqual(['stored: not an object']);
    expect(validateManifest({ ...validManifest(), stored: { facts_wide: stored.pre_coverage_answer_21 } })).toEqual(['stored.facts_wide: not a pre-aggregate name']);
    expect(validateManifest({ ...validManifest(), stored: { pre_x: { ...stored.pre_coverage_answer_21, path: '../x', arrow_bytes: -1 } } })).toEqual(['stored.pre_x.path: invalid', 'stored.pre_x.arrow_bytes: not a non-negative integer']);
    // The fingerprint of the SQL that made it: optional (written before), a SHA-256 when present.
    expect(validateManifest({ ...validManifest(), stored: { pre_x: { ...stored.pre_coverage_answer_21, sql_sha256: 'a'.repeat(64) } } })).toEqual([]);
    expect(validateManifest({ ...validManifest(), stored: { pre_x: { ...stored.pre_coverage_answer_21, sql_sha256: 'abc' } } })).toEqual(['stored.pre_x.sql_sha256: invalid']);
  });

  it('rejects what is not a manifest at all', () => {
    expect(validateManifest(null)).toEqual(['manifest: not an object']);
    expect(validateManifest([])).toEqual(['manifest: not an object']);
    expect(validateManifest({ ...validManifest(), tables: 'x' })).toEqual(['tables: not an object']);
  });
});

describe('partitionsFor', () => {
  it('gives the shared partitions and those of the provinces asked for; all without a list', () => {
    const { jurisdictions, reports } = validManifest().tables;
    expect(partitionsFor(jurisdictions, []).map((p) => p.path)).toEqual(['arrow/jurisdictions/all.arrows']);
    expect(partitionsFor(jurisdictions, ['21']).map((p) => p.path)).toEqual(['arrow/jurisdictions/all.arrows', 'arrow/jurisdictions/21.arrows']);
    expect(partitionsFor(reports, ['44'])).toEqual([]);
    expect(partitionsFor(reports, undefined)).toHaveLength(2);
  });

  it('keeps to the years asked for where a province is split by year, and to nothing else', () => {
    const values: ManifestTable = {
      rows: 6,
      partitions: [
        { ...file('arrow/values/21-2019.arrows', 2, 'a'), province: '21', year: 2019 },
        { ...file('arrow/values/21-2020.arrows', 2, 'b'), province: '21', year: 2020 },
        { ...file('arrow/values/21-none.arrows', 1, 'c'), province: '21', year: null },
        { ...file('arrow/values/44.arrows', 1, 'd'), province: '44' },
      ],
    };
    expect(partitionsFor(values, ['21'], [2020]).map((p) => p.path)).toEqual(['arrow/values/21-2020.arrows']);
    expect(partitionsFor(values, ['21'], [null]).map((p) => p.path)).toEqual(['arrow/values/21-none.arrows']);
    expect(partitionsFor(values, ['44'], [2020]).map((p) => p.path)).toEqual(['arrow/values/44.arrows']);
    expect(partitionsFor(values, undefined, [2019]).map((p) => p.path)).toEqual(['arrow/values/21-2019.arrows', 'arrow/values/44.arrows']);
  });
});

describe('datasetVersionInput', () => {
  it('lists every data file sha256sum-style, sorted by path, and leaves the summary out', () => {
    const m = validManifest();
    const lines = datasetVersionInput(m.tables, m.parquet).trimEnd().split('\n');
    expect(lines).toHaveLength(18);
    expect(lines[0]).toBe(`${hex('f')}  arrow/bodies/all.arrows`);
    expect(lines.at(-1)).toBe(`${hex('9')}  parquet/reports/province=21/report_year=2020/part-0.parquet`);
    const paths = lines.map((l) => l.slice(66));
    expect(paths).toEqual([...paths].sort());
    expect(lines.join('\n')).not.toContain('summary.json');
  });
});
