import { describe, expect, it } from 'vitest';
import { datasetVersionInput, parseManifest, validateManifest, type Manifest } from '../../../src/shared/manifest';

const hex = (c: string) => c.repeat(64);
const table = (name: string, rows: number, a: string, p: string) => ({
  rows,
  files: { arrow: `${name}.arrows`, parquet: `${name}.parquet` },
  bytes: { arrow: 100, parquet: 50 },
  sha256: { arrow: hex(a), parquet: hex(p) },
});

function validManifest(): Manifest {
  return {
    schema_version: 3,
    dataset_version: hex('0'),
    generated_from: 3,
    summary: 'summary.json',
    tables: {
      reports: table('reports', 3, 'a', 'b'),
      texts: table('texts', 3, '3', '4'),
      values: table('values', 10, 'c', 'd'),
      checks: table('checks', 4, 'e', 'f'),
      facts_wide: table('facts_wide', 3, '1', '2'),
      jurisdictions: table('jurisdictions', 4262, '5', '6'),
    },
  };
}

describe('validateManifest', () => {
  it('accepts a well-formed manifest, also after a JSON round trip', () => {
    expect(validateManifest(validManifest())).toEqual([]);
    expect(parseManifest(JSON.parse(JSON.stringify(validManifest())))).toEqual(validManifest());
  });

  it('names every problem it finds', () => {
    const bad = validManifest() as unknown as Record<string, unknown>;
    bad.schema_version = 1;
    bad.dataset_version = 'abc';
    bad.generated_from = -1;
    const tables = bad.tables as Record<string, Record<string, unknown>>;
    bad.summary = '../summary.json';
    delete tables.checks;
    delete tables.texts;
    tables.reports.rows = 1.5;
    (tables.values.files as Record<string, unknown>).arrow = '../etc/passwd';
    (tables.values.sha256 as Record<string, unknown>).parquet = 'ABC';
    tables.facts_wide.bytes = null;
    expect(validateManifest(bad)).toEqual([
      'schema_version: expected 3, got 1',
      'dataset_version: not a sha256 hex string',
      'generated_from: not a non-negative integer',
      'summary: not a plain file name',
      'tables.texts: missing',
      'tables.checks: missing',
      'tables.reports.rows: not a non-negative integer',
      'tables.values.files.arrow: invalid',
      'tables.values.sha256.parquet: invalid',
      'tables.facts_wide.bytes: not an object',
    ]);
    expect(() => parseManifest(bad)).toThrow('invalid manifest:\n  schema_version: expected 3, got 1');
  });

  it('takes the summary file as optional, but a plain file name when present', () => {
    const { summary, ...withoutSummary } = validManifest();
    expect(summary).toBe('summary.json');
    expect(validateManifest(withoutSummary)).toEqual([]);
    for (const name of ['', '.', '..', 'a/summary.json', 'C:\\summary.json', 7, null]) {
      expect(validateManifest({ ...validManifest(), summary: name }), String(name)).toEqual(['summary: not a plain file name']);
    }
  });

  it('requires the texts table (schema 2) and the jurisdictions table (schema 3)', () => {
    const tables = { ...validManifest().tables } as Record<string, unknown>;
    delete tables.texts;
    delete tables.jurisdictions;
    expect(validateManifest({ ...validManifest(), tables })).toEqual(['tables.texts: missing', 'tables.jurisdictions: missing']);
  });

  it('rejects what is not a manifest at all', () => {
    expect(validateManifest(null)).toEqual(['manifest: not an object']);
    expect(validateManifest([])).toEqual(['manifest: not an object']);
    expect(validateManifest({ ...validManifest(), tables: 'x' })).toEqual(['tables: not an object']);
  });
});

describe('datasetVersionInput', () => {
  it('lists every data file sha256sum-style, sorted by file name, and leaves the summary out', () => {
    const lines = datasetVersionInput(validManifest().tables).trimEnd().split('\n');
    expect(lines).toEqual([
      `${hex('e')}  checks.arrows`,
      `${hex('f')}  checks.parquet`,
      `${hex('1')}  facts_wide.arrows`,
      `${hex('2')}  facts_wide.parquet`,
      `${hex('5')}  jurisdictions.arrows`,
      `${hex('6')}  jurisdictions.parquet`,
      `${hex('a')}  reports.arrows`,
      `${hex('b')}  reports.parquet`,
      `${hex('3')}  texts.arrows`,
      `${hex('4')}  texts.parquet`,
      `${hex('c')}  values.arrows`,
      `${hex('d')}  values.parquet`,
    ]);
  });
});
