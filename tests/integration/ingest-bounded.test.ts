// Bounded-memory ingest (issue 17): the rows, shingle sets, band keys and copied texts wait in spill
// files, not in memory. A generated corpus with planted copies, ingested by the CLI with 1, 2 and 3
// parse threads (the workers resolve each report and make its shingle set; with 2 or more, the
// Parquet files are encoded in worker threads too, src/ingest/parquet-pool.ts), and written once
// more from the same reports parsed, resolved and shingled in this process and held in memory
// (the pre-spill path), gives the same bytes in every file; the spill files are gone afterwards.
// Stored one Arrow file per year (a large province), the files encoded in worker threads (Parquet
// and gzipped Arrow) are the bytes encoded in process.
// The rollups, accumulated as reports arrive, equal facts_wide's rows summed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Table, tableFromIPC } from 'apache-arrow';
import { concatTables, DatasetBuilder, type TablePart } from '../../src/ingest/arrow-tables';
import { PARTITION_MAX_BYTES } from '../../src/ingest/dataset-files';
import { createParquetPool, prefetchParquet } from '../../src/ingest/parquet-pool';
import { HARMONISED_METRICS, wideColumnName } from '../../src/ingest/harmonised';
import { decodeArrowFileSync } from '../../src/shared/arrow-file';
import { sharedGazetteer } from '../../src/ingest/jurisdiction';
import { main } from '../../src/ingest/cli';
import { readReport } from '../../src/ingest/read-report';
import { collectInputFiles } from '../../src/ingest/walk';
import { writeDataset } from '../../src/ingest/write-dataset';
import { runGenerate } from '../../src/generate/run';
import { parseManifest } from '../../src/shared/manifest';
import { collectOutput } from '../helpers/collect-output';
import { makeTempDir } from '../helpers/ingest-fixture';

let root: string;
let corpus: string;

/** sha256 of every file under a dataset folder (following its link), by relative path. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

async function ingest(out: string, threads: string): Promise<void> {
  const before = process.env.GONGKAI_PARSE_THREADS;
  process.env.GONGKAI_PARSE_THREADS = threads;
  try {
    const io = collectOutput();
    expect(await main(['ingest', corpus, '--out', out], io), io.stderr.text).toBe(0);
  } finally {
    if (before === undefined) delete process.env.GONGKAI_PARSE_THREADS;
    else process.env.GONGKAI_PARSE_THREADS = before;
  }
}

beforeAll(async () => {
  root = makeTempDir('gongkai-bounded-');
  corpus = join(root, 'corpus');
  // Copies planted at a high rate so the copied-report search (its sets spilled) finds pairs.
  await runGenerate({ province: '64', years: [2018, 2019, 2020], seed: 3, scale: 0.04, noise: 'default', copies: 0.2, out: corpus });
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bounded ingest', () => {
  it('writes the same bytes with 1, 2 or 3 parse threads as from reports held in memory, and leaves no spill file', async () => {
    await ingest(join(root, 'one'), '1');
    await ingest(join(root, 'two'), '2');
    await ingest(join(root, 'three'), '3');
    const one = hashes(join(root, 'one'));
    const manifest = parseManifest(JSON.parse(readFileSync(join(root, 'one', 'manifest.json'), 'utf8')));
    expect(manifest.generated_from).toBeGreaterThan(100);
    expect(manifest.tables.similar_pairs.rows).toBeGreaterThan(0);
    expect(manifest.tables.values.rows).toBeGreaterThan(10_000);
    // The stored answers too (src/ingest/stored-answers.ts): the same bytes whatever the threads.
    expect(Object.keys(manifest.stored ?? {})).toContain('pre_coverage_answer_64');
    const listed = Object.values(manifest.tables).reduce((n, t) => n + t.partitions.length, 0) + manifest.parquet.files.length + Object.keys(manifest.stored ?? {}).length;
    expect(Object.keys(one), 'every file listed, plus manifest, summary and the Parquet README').toHaveLength(listed + 3);
    expect(hashes(join(root, 'two'))).toEqual(one);
    expect(hashes(join(root, 'three'))).toEqual(one);

    // The same reports parsed in this process, every chunk kept in memory (DatasetBuilder's default stores).
    const builder = new DatasetBuilder(sharedGazetteer());
    const files = (await collectInputFiles([corpus])).sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const file of files) builder.add(await readReport(file));
    const parts = builder.finish();
    await writeDataset(join(root, 'memory'), parts, files.length);
    expect(hashes(join(root, 'memory'))).toEqual(one);

    // Every province's per-report tables declared over the size bound, so each is stored one Arrow
    // file per year: with the files encoded ahead in worker threads (each part's own Arrow file
    // gzipped there) and in this process, the same bytes.
    const declaredLarge = (part: TablePart): TablePart => Object.defineProperty(Object.create(part) as TablePart, 'bytes', { value: PARTITION_MAX_BYTES });
    const perYear = {
      ...parts,
      *groups() {
        for (const group of parts.groups()) yield group.length > 1 ? group.map(declaredLarge) : group;
      },
    };
    await writeDataset(join(root, 'per-year'), perYear, files.length);
    const pool = createParquetPool(2);
    try {
      await writeDataset(join(root, 'per-year-pool'), { ...perYear, groups: () => prefetchParquet(perYear.groups(), pool, 4) }, files.length);
    } finally {
      await pool.close();
    }
    const perYearFiles = hashes(join(root, 'per-year'));
    expect(Object.keys(perYearFiles).filter((f) => /^arrow\/values\/\d\d-\d{4}\.arrows\.gz$/.test(f)).length, 'values stored per year').toBeGreaterThan(2);
    expect(hashes(join(root, 'per-year-pool'))).toEqual(perYearFiles);

    // The rollups (accumulated in pages of typed arrays) against facts_wide's rows summed here:
    // each nation row's reports and each metric's sum and count of stating reports.
    const table = (name: string) => concatTables(manifest.tables[name].partitions.map((p) => tableFromIPC(decodeArrowFileSync(p.path, readFileSync(join(root, 'one', p.path))))));
    const wide = table('facts_wide');
    const nation = new Map<string, { reports: number; sums: number[]; stated: number[] }>();
    const keyOf = (t: Table, i: number) => JSON.stringify(['year', 'level', 'scope'].map((c) => t.getChild(c)!.get(i) as unknown));
    for (let i = 0; i < wide.numRows; i++) {
      const key = keyOf(wide, i);
      const row = nation.get(key) ?? { reports: 0, sums: HARMONISED_METRICS.map(() => 0), stated: HARMONISED_METRICS.map(() => 0) };
      nation.set(key, row);
      row.reports++;
      HARMONISED_METRICS.forEach((m, k) => {
        const v = wide.getChild(wideColumnName(m))!.get(i) as number | null;
        if (v !== null) {
          row.sums[k] += v;
          row.stated[k]++;
        }
      });
    }
    const rollups = table('rollups');
    let nationRows = 0;
    for (let i = 0; i < rollups.numRows; i++) {
      if (rollups.getChild('division_level')!.get(i) !== 'nation') continue;
      nationRows++;
      const expected = nation.get(keyOf(rollups, i))!;
      expect(rollups.getChild('reports')!.get(i)).toBe(expected.reports);
      HARMONISED_METRICS.forEach((m, k) => {
        expect(rollups.getChild(`${wideColumnName(m)}__reports`)!.get(i), m).toBe(expected.stated[k]);
        const sum = rollups.getChild(wideColumnName(m))!.get(i) as number | null;
        if (expected.stated[k] === 0) expect(sum, m).toBeNull();
        else expect(sum, m).toBeCloseTo(expected.sums[k], 6);
      });
    }
    expect(nationRows).toBe(nation.size);

    for (const name of ['one', 'two', 'three']) {
      const versions = readdirSync(join(root, `.${name}.versions`));
      expect(versions, 'only the current version: no spill or staging folder left').toHaveLength(1);
      expect(versions[0].startsWith('.')).toBe(false);
    }
  }, 900_000);
});
