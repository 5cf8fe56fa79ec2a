// Ingest builds the stored answers without holding facts_wide whole (issue 17): the benchmark's
// picked units a province at a time (buildPreaggregatesByProvince in src/db/handler.ts), each
// province's answers over its own rows, the unplaced ones and those of the provinces holding the
// dataset's first and last year (factsProvincesFor in src/ingest/stored-answers.ts). The answers
// must be the bytes the page's own build from whole tables gives. Three generated provinces whose
// years differ (64: 2019–2021, 63 and 54: 2020 only), so a province's answers need another's years.
// Made national (EAGER_DETAIL_ROWS lowered to 0), so the answers pooled over every province are
// stored too: built a province at a time as well (summedByProvince, byProvince), their bytes the
// page's. A by-province build that fails falls back to loading what each answer needs, and says so.
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandler } from '../../../src/db/handler';
import { fromErrorData } from '../../../src/db/protocol';
import { runGenerate } from '../../../src/generate/run';
import { runIngest } from '../../../src/ingest/run-ingest';
import { decodeArrowFileSync } from '../../../src/shared/arrow-file';
import { parseManifest, type Manifest } from '../../../src/shared/manifest';
import { collectOutput } from '../../helpers/collect-output';
import { createNodeEngine, readFileUrl } from '../../helpers/duckdb-wasm-node';
import { makeTempDir } from '../../helpers/ingest-fixture';

/** The most facts_wide rows an engine held at once while `watching`. */
const held = vi.hoisted(() => ({ watching: false, factsRows: 0, failByProvince: false, spanUnit: false }));

vi.mock('../../../src/db/engine-node', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/db/engine-node')>();
  const { tableFromIPC: decode } = await import('apache-arrow');
  return {
    ...actual,
    createNodeEngine: async () => {
      const engine = await actual.createNodeEngine();
      return {
        ...engine,
        name: engine.name,
        run(sql: string) {
          if (held.failByProvince && sql.includes('__by_province')) throw new Error('by-province build refused (test)');
          return engine.run(sql);
        },
        runStatement: engine.runStatement.bind(engine),
        close: engine.close.bind(engine),
        insertArrowStream(table: string, ipc: Uint8Array, append?: boolean, schema?: string) {
          engine.insertArrowStream(table, ipc, append, schema);
          // One body known by its name alone, with reports of 2020 in every province's partitions.
          if (held.spanUnit && table === 'facts_wide') engine.run(`UPDATE facts_wide SET body_key = 'name:同名单位', body_year_reports = 2 WHERE report_id = (SELECT min(report_id) FROM facts_wide WHERE year = 2020)`);
          if (!held.watching || table !== 'facts_wide') return;
          const rows = Number(decode(engine.run('SELECT count(*) AS n FROM facts_wide')).getChild('n')!.get(0));
          held.factsRows = Math.max(held.factsRows, rows);
        },
      };
    },
  };
});

let root: string;
let out: string;
let manifest: Manifest;
const ingestOutput = collectOutput();
const POOLED = ['pre_outcomes_pooled', 'pre_applicants_pooled', 'pre_review_pooled', 'pre_province_totals_r_new_total'];

beforeAll(async () => {
  root = makeTempDir('gongkai-stored-by-province-');
  const base = { seed: 5, scale: 0.02, noise: 'default' as const, copies: 0 };
  await runGenerate({ ...base, province: '64', years: [2019, 2020, 2021], out: join(root, 'corpus', '64') });
  await runGenerate({ ...base, province: '63', years: [2020], out: join(root, 'corpus', '63') });
  await runGenerate({ ...base, province: '54', years: [2020], out: join(root, 'corpus', '54') });
  out = join(root, 'dataset');
  held.watching = true;
  await runIngest([join(root, 'corpus')], out, ingestOutput, { eagerDetailRows: 0 });
  held.watching = false;
  manifest = parseManifest(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const factsRowsOf = (province: string): number => manifest.tables.facts_wide.partitions.filter((p) => p.province === province).reduce((n, p) => n + p.rows, 0);

describe('stored answers built a province at a time', () => {
  it('never hold every province of facts_wide: at most the largest province with one that holds a year it lacks', () => {
    const provinces = [...new Set(manifest.tables.facts_wide.partitions.map((p) => p.province!))];
    expect(provinces.filter((p) => p !== 'none').sort()).toEqual(['54', '63', '64']);
    expect(held.factsRows).toBeGreaterThan(0);
    expect(held.factsRows).toBeLessThanOrEqual(factsRowsOf('64') + Math.max(factsRowsOf('63'), factsRowsOf('54')) + factsRowsOf('none'));
    expect(held.factsRows).toBeLessThan(manifest.tables.facts_wide.rows);
  });

  it('are the bytes the page builds from whole tables, for every stored answer', async () => {
    const names = Object.keys(manifest.stored ?? {});
    expect(names).toEqual(expect.arrayContaining([...POOLED, 'pre_coverage_answer_54', 'pre_coverage_answer_63', 'pre_coverage_answer_64', 'pre_reconcile_answer_r_new_total_63', 'pre_benchmark_answer_nl_self_r_new_total']));
    const handler = createHandler({ createEngine: createNodeEngine, fetchBytes: readFileUrl, eagerDetailRows: Number.POSITIVE_INFINITY, preload: false });
    try {
      const init = await handler.handle({ id: 1, kind: 'init', payload: { manifestUrl: pathToFileURL(join(out, 'manifest.json')).href } });
      if (!init.ok) throw fromErrorData(init.error);
      await handler.loadTables(['facts_wide', 'reports', 'jurisdictions']);
      for (const name of names) {
        const stored = manifest.stored![name];
        const built = tableToIPC(tableFromIPC(await handler.exportPreaggregate(name)), 'stream');
        const storedIpc = decodeArrowFileSync(stored.path, new Uint8Array(readFileSync(join(out, stored.path))));
        expect(tableFromIPC(storedIpc).numRows, name).toBe(stored.rows);
        expect(Buffer.from(storedIpc).equals(Buffer.from(built)), name).toBe(true);
      }
      // A province's answers cover the whole dataset's years, also where it reported in one year only.
      const coverage = tableFromIPC(decodeArrowFileSync(manifest.stored!.pre_coverage_answer_63.path, new Uint8Array(readFileSync(join(out, manifest.stored!.pre_coverage_answer_63.path)))));
      expect([...new Set(coverage.getChild('year')!.toArray() as Int32Array)].sort()).toEqual([2019, 2020, 2021, 2022]);
    } finally {
      handler.close();
    }
  }, 600_000);

  it('say nothing of a fallback when the bounded build succeeds', () => {
    expect(ingestOutput.stderr.text).not.toContain('not bounded');
  });

  it('fall back visibly when the by-province build fails: the reason in the ingest log, the same answers', async () => {
    const again = join(root, 'dataset-fallback');
    const output = collectOutput();
    held.failByProvince = true;
    try {
      await runIngest([join(root, 'corpus')], again, output, { eagerDetailRows: 0 });
    } finally {
      held.failByProvince = false;
    }
    expect(output.stderr.text).toMatch(/stored answers not bounded \(built by province: [^)]*pre_outcomes_pooled[^)]*\), each loaded what it needs instead: by-province build refused \(test\)/);
    const other = parseManifest(JSON.parse(readFileSync(join(again, 'manifest.json'), 'utf8')));
    expect(Object.keys(other.stored ?? {})).toEqual(Object.keys(manifest.stored ?? {}));
    for (const name of POOLED) expect(other.stored![name].sha256, name).toBe(manifest.stored![name].sha256);
  }, 600_000);

  it("are not summed a province at a time when one body's reports of a year lie in two provinces (it would count twice)", async () => {
    const again = join(root, 'dataset-spanning');
    const output = collectOutput();
    held.spanUnit = true;
    try {
      await runIngest([join(root, 'corpus')], again, output, { eagerDetailRows: 0 });
    } finally {
      held.spanUnit = false;
    }
    expect(output.stderr.text).toMatch(/stored answers not bounded \(built by province: [^)]*pre_outcomes_pooled[^)]*\), each loaded what it needs instead: name:同名单位's reports of 2020 lie in the partitions of 54, 63, 64/);
  }, 600_000);
});
