// Stored answers: the costly pre-aggregates (src/db/sql/preaggregated.ts: benchmark per metric,
// scope and peer group; reconciliation per metric and province; coverage per province) built at
// ingest by the page's own handler and engine (DuckDB-WASM in Node, the same SQL and the same
// Arrow IPC the page would make), each written as a gzipped Arrow stream and listed in the
// manifest, so the page's first use of one is the read of a small file instead of a build over
// every report. One thread, one engine, in name order: the same dataset gives the same bytes.
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createNodeEngine } from '../db/engine-node';
import { createHandler } from '../db/handler';
import { familyProvince, preaggregate, preaggregateFingerprint, storedAnswerNames } from '../db/sql/preaggregated';
import { EAGER_DETAIL_ROWS } from '../db/tables';
import { ARROW_FILE_SUFFIX } from '../shared/arrow-file';
import type { Manifest, ManifestStored } from '../shared/manifest';
import type { FileSink } from './dataset-files';
import { arrowFile } from './encode-parts';
import { traceMemory } from './memory-trace';

export const STORED_ROOT = 'arrow/stored';

/**
 * The row-level tables a province's answers load (its partitions and the unplaced ones'), let go
 * after each province. facts_wide too where the Parquet copy tells the years of every province's
 * rows (factsYearsOf): a province's answers cover the years of the whole dataset (ANSWER_YEARS in
 * src/db/sql/hierarchy.ts), so the provinces holding its first and last year are loaded beside it;
 * else facts_wide is loaded whole and stays.
 */
const RELEASED_TABLES = ['reports', 'jurisdictions'];

export interface StoredAnswers {
  files: Record<string, ManifestStored>;
  /** Names that could not be built (say, over the page's memory budget): the page builds or answers them row by row as before. */
  skipped: { name: string; reason: string }[];
  /**
   * Where a bounded build failed and the answers fell back to loading what they need as the page
   * does (facts_wide whole, for an answer over every province): what, and why. The answers are the
   * same; the memory is not bounded.
   */
  fallbacks: { what: string; reason: string }[];
  seconds: number;
}

/** The provinces (two digits) whose reports the dataset holds: one per-province answer each. */
const provincesOf = (manifest: Manifest): string[] =>
  [...new Set((manifest.tables.facts_wide?.partitions ?? []).map((p) => p.province).filter((p): p is string => p !== undefined && /^\d{2}$/.test(p)))].sort();

/**
 * Builds every stored answer from the dataset written in `dir` (its `manifest`, not yet on disk)
 * and stores each through `sink`, at `arrow/stored/<name>.arrows.gz`.
 */
export interface StoredOptions {
  /** The page's EAGER_DETAIL_ROWS (tests set it lower): a larger facts_wide makes the dataset national. */
  eagerDetailRows?: number;
}

/**
 * The report years of facts_wide's rows per partition province (unknown years left out), from the
 * Parquet copy's paths (`province=…/report_year=…`: one file per province and year of reports);
 * null where a file is not split by year.
 */
export function factsYearsOf(manifest: Manifest): Map<string, number[]> | null {
  const years = new Map<string, number[]>();
  for (const file of manifest.parquet.files) {
    if (file.table !== 'facts_wide') continue;
    const match = /\/province=([^/]+)\/report_year=([^/]+)\//.exec(file.path);
    if (!match || match[2] === 'all') return null;
    const seen = years.get(match[1]) ?? [];
    years.set(match[1], seen);
    if (/^\d+$/.test(match[2])) seen.push(Number(match[2]));
  }
  return years;
}

/**
 * The facts_wide partitions a province's answers load: its own, the unplaced ones, and those of the
 * provinces holding the dataset's first and last year (the first such in code order), so that the
 * years its answers cover are the whole dataset's. Null (load it whole) when the years are unknown.
 */
export function factsProvincesFor(province: string, factsYears: ReadonlyMap<string, readonly number[]> | null): string[] | null {
  if (!factsYears) return null;
  const spans = [...factsYears.entries()].filter(([, years]) => years.length > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const chosen = new Set([province, 'none']);
  if (spans.length === 0) return [...chosen];
  const first = Math.min(...spans.map(([, years]) => Math.min(...years)));
  const last = Math.max(...spans.map(([, years]) => Math.max(...years)));
  const has = (key: string, year: number) => factsYears.get(key)?.includes(year) ?? false;
  if (![...chosen].some((key) => has(key, first))) chosen.add(spans.find(([, years]) => years.includes(first))![0]);
  if (![...chosen].some((key) => has(key, last))) chosen.add(spans.find(([, years]) => years.includes(last))![0]);
  return [...chosen];
}

/**
 * National: the page never holds this dataset's facts_wide whole, so it cannot build a pre-aggregate
 * over every province, and ingest also stores those marked `stored: 'national'`.
 */
export const isNational = (manifest: Manifest, eagerDetailRows = EAGER_DETAIL_ROWS): boolean => (manifest.tables.facts_wide?.rows ?? 0) > eagerDetailRows;

export async function writeStoredAnswers(dir: string, manifest: Manifest, sink: FileSink, options: StoredOptions = {}): Promise<StoredAnswers> {
  const started = performance.now();
  const manifestUrl = pathToFileURL(join(dir, 'manifest.json')).href;
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
  const handler = createHandler({
    createEngine: createNodeEngine,
    fetchBytes: async (url) => (url === manifestUrl ? manifestBytes : new Uint8Array(await readFile(fileURLToPath(url)))),
    // Built here whatever facts_wide's size (the page's memory budget still bounds what loads).
    eagerDetailRows: Number.POSITIVE_INFINITY,
    preload: false,
  });
  const files: Record<string, ManifestStored> = {};
  const skipped: StoredAnswers['skipped'] = [];
  const fallbacks: StoredAnswers['fallbacks'] = [];
  const fellBack = (what: string) => (error: unknown) => {
    fallbacks.push({ what, reason: (error as Error).message.split('\n')[0] });
  };
  try {
    const init = await handler.handle({ id: 0, kind: 'init', payload: { manifestUrl } });
    if (!init.ok) throw new Error(`stored answers: cannot open the dataset: ${init.error.message}`);
    const names = storedAnswerNames(provincesOf(manifest), isNational(manifest, options.eagerDetailRows));
    // The answers over every province first (each group of them letting its parts go once written),
    // then one province at a time: its rows go once its answers are written, so the engine never
    // holds every province's reports and gazetteer towns at once.
    const own = names.filter((name) => familyProvince(name) === null);
    const provinces = [...new Set(names.map(familyProvince).filter((p): p is string => p !== null))];
    // Built a province at a time, never from facts_wide whole: the benchmark's picked units (parts
    // of answers) and the answers over every province that are unions or sums of the provinces'
    // (a national dataset's pooled ones). Where that fails (a province over the load budget), each
    // answer builds what it needs as the page does, or is skipped with the reason.
    const byProvince = [...new Set([...own.flatMap((name) => preaggregate(name)?.needs ?? []), ...own])].filter((name) => {
      const definition = preaggregate(name);
      return (definition?.byProvince || definition?.summedByProvince) && (definition.needs ?? []).length === 0;
    });
    await handler.buildPreaggregatesByProvince(byProvince).catch(fellBack(`built by province: ${byProvince.join(', ')}`));
    traceMemory('stored answers: parts built by province');
    const written: Record<string, ManifestStored> = {};
    const build = async (name: string): Promise<void> => {
      let result: Uint8Array;
      try {
        result = await handler.exportPreaggregate(name);
      } catch (error) {
        skipped.push({ name, reason: (error as Error).message.split('\n')[0] });
        return;
      }
      await handler.dropPreaggregates([name]);
      const path = `${STORED_ROOT}/${name}${ARROW_FILE_SUFFIX}`;
      // DuckDB answers in the IPC file format; the page loads streams (STACK-NOTES: a file inserts nothing).
      const table = tableFromIPC(result);
      const encoded = arrowFile(tableToIPC(table, 'stream'));
      const rows = table.numRows;
      written[name] = { path, rows, ...(await sink(path, encoded.file)), arrow_bytes: encoded.ipcBytes, sql_sha256: await preaggregateFingerprint(name) };
    };
    // Grouped by the parts they need: the parts go once their group is written.
    let parts: readonly string[] = [];
    for (const name of own) {
      const needs = preaggregate(name)?.needs ?? [];
      if (needs.join(',') !== parts.join(',')) {
        await handler.dropPreaggregates(parts);
        parts = needs;
      }
      await build(name);
    }
    await handler.dropPreaggregates(parts);
    const factsYears = factsYearsOf(manifest);
    const released = factsYears ? [...RELEASED_TABLES, 'facts_wide'] : RELEASED_TABLES;
    await handler.releaseTables(released);
    for (const province of provinces) {
      // As above: a load that fails leaves each answer to load what it needs, or to be skipped.
      await handler.loadTables(['facts_wide'], factsProvincesFor(province, factsYears) ?? undefined).catch(fellBack(`facts_wide of province ${province}`));
      for (const name of names) if (familyProvince(name) === province) await build(name);
      await handler.releaseTables(released);
      traceMemory(`stored answers of province ${province}`);
    }
    // Listed in the names' order, whatever the order they were built in.
    for (const name of names) if (written[name]) files[name] = written[name];
  } finally {
    handler.close();
  }
  return { files, skipped, fallbacks, seconds: (performance.now() - started) / 1000 };
}
