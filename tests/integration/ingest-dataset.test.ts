import { createHash } from 'node:crypto';
import { type Dirent, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DataType, tableFromIPC, type Table } from 'apache-arrow';
import { decodeArrowFileSync } from '../../src/shared/arrow-file';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_COLUMNS, TABLE_NAMES } from '../../src/ingest/arrow-tables';
import { main } from '../../src/ingest/cli';
import { datasetVersionInput, parseManifest, type Manifest } from '../../src/shared/manifest';
import { parseSummary, SUMMARY_FILE } from '../../src/shared/summary';
import { makeIngestFixture, makeTempDir, type IngestFixture } from '../helpers/ingest-fixture';
import { collectOutput } from '../helpers/collect-output';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
const STATUSES = ['ok', 'partial', 'failed'];

let fixture: IngestFixture;
let outRoot: string;
let outA: string;
let outB: string;
let stdout: string;
let stderr: string;

async function ingest(out: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = collectOutput();
  const code = await main(['ingest', fixture.dir, '--out', out], io);
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

const readManifest = (dir: string): Manifest => parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));

/** Ids in file order: by province (two digits, `none` last), then by id. */
const inFileOrder = (rows: { report_id: string; province_code: string | null }[]): string[] =>
  [...rows].sort((a, b) => ((a.province_code ?? '~') < (b.province_code ?? '~') ? -1 : (a.province_code ?? '~') > (b.province_code ?? '~') ? 1 : a.report_id < b.report_id ? -1 : 1)).map((r) => r.report_id);

/** A table's Arrow partitions, in manifest order, as one table. */
function readArrow(dir: string, name: string): Table {
  const [first, ...rest] = readManifest(dir).tables[name].partitions.map((p) => tableFromIPC(decodeArrowFileSync(p.path, readFileSync(join(dir, p.path)))));
  return rest.length === 0 ? first : first.concat(...rest);
}

async function readParquet(dir: string, name: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const file of readManifest(dir).parquet.files.filter((f) => f.table === name)) {
    const bytes = readFileSync(join(dir, file.path));
    rows.push(...(await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })));
  }
  return rows;
}

const filesUnder = (dir: string): string[] => (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
  .filter((e) => e.isFile())
  .map((e) => relative(dir, join(e.parentPath, e.name)))
  .sort();

beforeAll(async () => {
  fixture = makeIngestFixture();
  outRoot = makeTempDir();
  outA = join(outRoot, 'a', 'build');
  outB = join(outRoot, 'b', 'build');
  const first = await ingest(outA);
  expect(first.code).toBe(0);
  ({ stdout, stderr } = first);
  expect((await ingest(outB)).code).toBe(0);
}, 120_000);

afterAll(() => {
  fixture.cleanup();
  rmSync(outRoot, { recursive: true, force: true });
});

describe('gongkai ingest', () => {
  it('writes exactly the Arrow partitions, Hive-partitioned Parquet, stored answers, summary and manifest files', () => {
    const manifest = readManifest(outA);
    expect(filesUnder(outA)).toEqual(
      [
        'manifest.json',
        'summary.json',
        'parquet/README.md',
        ...Object.values(manifest.tables).flatMap((t) => t.partitions.map((p) => p.path)),
        ...manifest.parquet.files.map((f) => f.path),
        // The stored answers (src/ingest/stored-answers.ts).
        ...Object.values(manifest.stored ?? {}).map((f) => f.path),
      ].sort(),
    );
    for (const file of manifest.parquet.files) expect(file.path).toMatch(/^parquet\/[a-z_]+\/province=(\d\d|none|all)\/report_year=(\d{4}|none|all)\/part-0\.parquet$/);
    for (const name of ['reports', 'facts_wide', 'values']) {
      for (const p of manifest.tables[name].partitions) expect(p.province, p.path).toMatch(/^(\d\d|none)$/);
    }
    // `build` is a link to the one version folder beside it: no staging folder or lock left behind.
    expect(readdirSync(join(outRoot, 'a')).sort()).toEqual(['.build.versions', 'build']);
    expect(readdirSync(join(outRoot, 'a', '.build.versions'))).toHaveLength(1);
  });

  it('gives every input file one reports row, failed ones with a reason', () => {
    const reports = readArrow(outA, 'reports').toArray().map((r) => r.toJSON());
    expect([...reports.map((r) => r.report_id)].sort()).toEqual(fixture.ids);
    expect(reports.map((r) => r.report_id)).toEqual(inFileOrder(reports));
    for (const row of reports) {
      expect(STATUSES).toContain(row.status);
      if (row.status === 'failed') expect(row.error, row.report_id).toMatch(/\S/);
      expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(row.file.startsWith(fixture.dir)).toBe(true);
      expect(Number(row.bytes)).toBe(readFileSync(row.file).byteLength);
      expect(row.sha256).toBe(sha256(readFileSync(row.file)));
    }
    const empty = reports.find((r) => r.report_id.endsWith('/empty.txt'));
    expect(empty).toMatchObject({ bytes: 0n, n_values: 0 });
  });

  it('keeps values and checks consistent with the reports table', () => {
    const reports = readArrow(outA, 'reports').toArray().map((r) => r.toJSON());
    const values = readArrow(outA, 'values').toArray().map((r) => r.toJSON());
    const checks = readArrow(outA, 'checks').toArray().map((r) => r.toJSON());
    const ids = new Set(fixture.ids);
    for (const report of reports) {
      expect(values.filter((v) => v.report_id === report.report_id)).toHaveLength(report.n_values);
      const failing = checks.filter((c) => c.report_id === report.report_id && c.status === 'fail');
      expect(failing).toHaveLength(report.n_failed_checks);
    }
    for (const v of values) {
      expect(ids.has(v.report_id)).toBe(true);
      expect(Number.isFinite(v.value)).toBe(true);
      expect(v.end).toBeGreaterThanOrEqual(v.start);
    }
    const reportOrder = reports.map((r) => r.report_id);
    const valueOrder = [...new Set(values.map((v) => v.report_id))];
    expect(valueOrder).toEqual(reportOrder.filter((id) => valueOrder.includes(id)));
    expect(readArrow(outA, 'facts_wide').toArray().map((r) => r.toJSON().report_id)).toEqual(reportOrder);
  });

  it('writes the text of every report, and only there, one texts row per reports row', () => {
    const reports = readArrow(outA, 'reports').toArray().map((r) => r.toJSON());
    const texts = readArrow(outA, 'texts').toArray().map((r) => r.toJSON());
    expect(reports[0]).not.toHaveProperty('text');
    expect(texts.map((t) => t.report_id)).toEqual(reports.map((r) => r.report_id));
    const byId = new Map(texts.map((t) => [t.report_id, t.text as string]));
    for (const report of reports) {
      if (report.status === 'failed') expect(byId.get(report.report_id), report.report_id).toBe('');
      else expect(byId.get(report.report_id)!.length, report.report_id).toBeGreaterThan(1000);
    }
    // The decoded GBK copy reads as the UTF-8 original it was made from (NBSP and BOM aside).
    const [original] = fixture.ids.filter((id) => /\/\d{4}-[^/]+\.txt$/.test(id));
    const gbk = fixture.ids.find((id) => id.endsWith('/nested/gbk-report.txt'))!;
    expect(byId.get(gbk)).toBe(byId.get(original)!.replace(/\u00a0/g, ' '));
    // Every span of the values table points into its report's text.
    for (const v of readArrow(outA, 'values').toArray().map((r) => r.toJSON())) {
      expect(v.end, `${v.report_id} ${v.metric}`).toBeLessThanOrEqual(byId.get(v.report_id)!.length);
    }
  });

  it('repeats the report facts in facts_wide, ahead of the year and the metrics', () => {
    const reports = readArrow(outA, 'reports').toArray().map((r) => r.toJSON());
    const wide = readArrow(outA, 'facts_wide').toArray().map((r) => r.toJSON());
    const keys = [
      'report_id', 'issuer', 'jurisdiction', 'division_code', 'division_name', 'division_level', 'province_code', 'city_code', 'county_code',
      'parent_code', 'department', 'jurisdiction_flags', 'published', 'n_failed_checks', 'year', 'level', 'scope', 'template', 'status',
    ];
    expect(Object.keys(wide[0]).slice(0, keys.length)).toEqual(keys);
    expect(wide.map((w) => keys.map((k) => w[k]))).toEqual(reports.map((r) => keys.map((k) => r[k])));
    expect(wide.some((w) => w.issuer !== null && w.published !== null)).toBe(true);
    // Real seed reports resolve to their division; failed files have none.
    expect(wide.filter((w) => w.division_code !== null).length).toBeGreaterThan(0);
    expect(wide.filter((w) => w.status === 'failed').every((w) => w.division_code === null)).toBe(true);
  });

  it('writes summary.json: valid, of this dataset, and listed in the manifest', () => {
    const manifest = readManifest(outA);
    expect(manifest.summary).toBe(SUMMARY_FILE);
    const text = readFileSync(join(outA, SUMMARY_FILE), 'utf8');
    const summary = parseSummary(JSON.parse(text));
    expect(summary.dataset_version).toBe(manifest.dataset_version);
    // The page paints the summary only when its bytes match this hash.
    expect(manifest.summary_sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(summary.reports).toBe(manifest.tables.reports.rows);
    expect(text).toBe(`${JSON.stringify(summary, null, 2)}\n`);
    expect(readFileSync(join(outB, SUMMARY_FILE)).equals(readFileSync(join(outA, SUMMARY_FILE)))).toBe(true);
  });

  it('writes plain Utf8 strings (no dictionaries) with the documented columns', () => {
    for (const name of TABLE_NAMES) {
      const table = readArrow(outA, name);
      expect(table.schema.fields.map((f) => f.name)).toEqual(TABLE_COLUMNS[name]);
      for (const field of table.schema.fields) expect(DataType.isDictionary(field.type), `${name}.${field.name}`).toBe(false);
      expect(DataType.isUtf8(table.schema.fields[0].type)).toBe(true);
    }
  });

  it('writes Parquet files holding the same rows as the Arrow files', async () => {
    for (const name of TABLE_NAMES) {
      const arrowRows = readArrow(outA, name).toArray().map((r) => r.toJSON());
      expect(await readParquet(outA, name), name).toEqual(arrowRows);
    }
  });

  it('writes a manifest that validates and matches the files on disk', () => {
    const manifest = readManifest(outA);
    expect(manifest.generated_from).toBe(fixture.ids.length);
    expect(Object.keys(manifest.tables)).toEqual([...TABLE_NAMES]);
    for (const name of TABLE_NAMES) {
      const entry = manifest.tables[name];
      expect(entry.rows).toBe(readArrow(outA, name).numRows);
      const parquet = manifest.parquet.files.filter((f) => f.table === name);
      expect(parquet.reduce((n, f) => n + f.rows, 0), name).toBe(entry.rows);
      for (const file of [...entry.partitions, ...parquet]) {
        const bytes = readFileSync(join(outA, file.path));
        expect(file.bytes).toBe(bytes.byteLength);
        expect(file.sha256).toBe(sha256(bytes));
      }
      // The stored files are gzip; the manifest also says what each weighs decompressed (the page's budget).
      for (const p of entry.partitions) {
        expect(p.path).toMatch(/\.arrows\.gz$/);
        expect(p.arrow_bytes, p.path).toBe(decodeArrowFileSync(p.path, readFileSync(join(outA, p.path))).byteLength);
      }
    }
    expect(manifest.tables.reports.rows).toBe(fixture.ids.length);
    expect(manifest.dataset_version).toBe(sha256(datasetVersionInput(manifest.tables, manifest.parquet)));
    expect(datasetVersionInput(manifest.tables, manifest.parquet)).not.toContain('summary.json');
    expect(manifest.tables.texts.rows).toBe(manifest.tables.reports.rows);
  });

  it('is deterministic: two runs give byte-identical files', () => {
    expect(filesUnder(outB)).toEqual(filesUnder(outA));
    for (const file of filesUnder(outA)) {
      expect(readFileSync(join(outB, file)).equals(readFileSync(join(outA, file))), file).toBe(true);
    }
  });

  it('prints a summary on stdout and no progress bar when stderr is not a terminal', () => {
    const reports = readArrow(outA, 'reports').toArray().map((r) => r.toJSON());
    const count = (s: string) => reports.filter((r) => r.status === s).length;
    expect(stdout).toContain(`${fixture.ids.length} files → ${outA}`);
    expect(stdout).toContain(`ok ${count('ok')} · partial ${count('partial')} · failed ${count('failed')}`);
    expect(stdout).toContain('failure reasons:');
    expect(stdout).toContain('top failing checks:');
    expect(stdout).toMatch(new RegExp(`^copied reports: \\d+ pairs among ${fixture.ids.length} reports \\(\\d+ compared, \\d+ candidate pairs\\) in \\d+\\.\\d s$`, 'm'));
    expect(stderr).toBe('');
  });
});

describe('replacing a dataset', () => {
  it('swaps a previous dataset out whole, leaving no temp folders behind', async () => {
    const out = join(outRoot, 'replace', 'build');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'manifest.json'), '{}');
    writeFileSync(join(out, 'stale.arrows'), 'old');
    expect((await ingest(out)).code).toBe(0);
    expect(readdirSync(out)).not.toContain('stale.arrows');
    expect(readManifest(out).dataset_version).toBe(readManifest(outA).dataset_version);
    // The link `build` and the one version folder it points to: no staging, lock or replaced copy left.
    expect(readdirSync(join(outRoot, 'replace')).sort()).toEqual(['.build.versions', 'build']);
    expect(readdirSync(join(outRoot, 'replace', '.build.versions'))).toHaveLength(1);
  });

  it('refuses to replace a folder that is not a dataset', async () => {
    const out = join(outRoot, 'precious');
    mkdirSync(out);
    writeFileSync(join(out, 'thesis.docx'), 'keep me');
    const run = await ingest(out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('refusing to replace');
    expect(readdirSync(out)).toEqual(['thesis.docx']);
    expect(readdirSync(outRoot).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
