// A national-size dataset for bench:ui, replicated from one ingested province (bench:ingest's
// output): the province's facts_wide, rollups and failing reports copied under every province
// code of the gazetteer (division codes and report ids rewritten; names, figures and years kept),
// so ~31 × 123,000 ≈ 3.8 million reports. Row-level detail (reports, texts, values, checks) stays
// that of the source province only: 570 million value rows would not fit this machine's disk
// budget, and the dashboard never loads more than a province of them. No Parquet copy (the
// native reference in bench:ui builds the same replication in DuckDB from the province's Parquet).
// Marked synthetic like its source. Deterministic; cached beside the source dataset.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Table, tableFromIPC, tableToIPC, Utf8, type Vector } from 'apache-arrow';
import { decodeArrowFileSync, encodeArrowFile } from '../src/shared/arrow-file';
import { TABLE_COLUMNS } from '../src/ingest/arrow-tables';
import { columnVector } from '../src/ingest/columns';
import { datasetVersionInput, parseManifest, SCHEMA_VERSION, type Manifest, type ManifestPartition } from '../src/shared/manifest';
import { parseSummary, SUMMARY_FILE, TREND_METRICS, type DatasetSummary } from '../src/shared/summary';

export const NATIONAL_VERSION = 'national-v1';

/** Province codes (two digits) of the gazetteer's current provinces. */
export function provinceCodes(): string[] {
  const csv = readFileSync(join(import.meta.dirname, '../data/gazetteer/divisions.csv'), 'utf8');
  const codes = new Set<string>();
  for (const line of csv.split('\n')) {
    const [code, , level, , kind, , last] = line.split(',');
    if (level === 'province' && kind === 'admin' && (last === '' || last === undefined)) codes.add(code.slice(0, 2));
  }
  return [...codes].sort();
}

const CODE_COLUMNS = ['division_code', 'province_code', 'city_code', 'county_code', 'parent_code', 'body_key', 'key'];

/** The table with its code columns moved to province `pp` and report ids made unique per copy. */
function relocate(table: Table, from: string, pp: string): Table {
  if (pp === from) return table;
  const columns: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const vector = table.getChild(field.name)!;
    if (CODE_COLUMNS.includes(field.name)) {
      columns[field.name] = columnVector(new Utf8(), Array.from(vector, (v: string | null) => (v !== null && v.startsWith(from) ? pp + v.slice(2) : v)));
    } else if (field.name === 'report_id') {
      columns[field.name] = columnVector(new Utf8(), Array.from(vector, (v: string) => `national/${pp}/${v}`));
    } else columns[field.name] = vector;
  }
  return new Table(columns);
}

/** Rollups: the nation rows with every count and sum × copies; the others relocated per province. */
function nationTimes(table: Table, copies: number): Table {
  const columns: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const vector = table.getChild(field.name)!;
    const numeric = !['division_code', 'division_level', 'year', 'level', 'scope'].includes(field.name);
    columns[field.name] = numeric ? columnVector(field.type, Array.from(vector, (v: number | null) => (v === null ? null : v * copies))) : vector;
  }
  return new Table(columns);
}

export async function nationalDataset(provinceDir: string, log: (line: string) => void): Promise<{ dir: string; manifest: Manifest; cached: boolean }> {
  const source = parseManifest(JSON.parse(readFileSync(join(provinceDir, 'manifest.json'), 'utf8')));
  const dir = join(dirname(provinceDir), `national-${createHash('sha256').update(NATIONAL_VERSION + source.dataset_version).digest('hex').slice(0, 12)}`);
  if (existsSync(join(dir, 'manifest.json'))) return { dir, manifest: parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))), cached: true };
  rmSync(dir, { recursive: true, force: true });
  const provinces = provinceCodes();
  const facts = source.tables.facts_wide.partitions.filter((p) => p.province !== 'none');
  const from = facts[0].province!;
  if (facts.some((p) => p.province !== from)) throw new Error(`${provinceDir} holds more than one province`);
  log(`national: replicating province ${from} × ${provinces.length} provinces → ${dir}`);

  const tables: Manifest['tables'] = {};
  const write = (name: string, path: string, table: Table, extra: Pick<ManifestPartition, 'province' | 'year'> = {}) => {
    const ipc = tableToIPC(table, 'stream');
    const bytes = encodeArrowFile(ipc);
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
    const entry = (tables[name] ??= { rows: 0, partitions: [] });
    entry.partitions.push({ path, rows: table.numRows, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), arrow_bytes: ipc.byteLength, ...extra });
    entry.rows += table.numRows;
  };
  const read = (p: ManifestPartition) => tableFromIPC(decodeArrowFileSync(p.path, readFileSync(join(provinceDir, p.path))));

  // Row-level detail of the source province, as it is.
  for (const name of ['reports', 'texts', 'values', 'checks', 'jurisdictions', 'corrections']) {
    for (const p of source.tables[name].partitions) write(name, p.path, read(p), { ...(p.province === undefined ? {} : { province: p.province }), ...(p.year === undefined ? {} : { year: p.year }) });
  }
  for (const p of facts) {
    const table = read(p);
    for (const pp of provinces) write('facts_wide', `arrow/facts_wide/${pp}${p.year === undefined ? '' : `-${p.year}`}.arrows.gz`, relocate(table, from, pp), { province: pp, ...(p.year === undefined ? {} : { year: p.year }) });
  }
  const [sharedRollups, ...countyRollups] = source.tables.rollups.partitions;
  const shared = read(sharedRollups);
  const level = shared.getChild('division_level')!;
  const rows = (want: (l: string) => boolean) => Array.from({ length: shared.numRows }, (_, i) => i).filter((i) => want(level.get(i) as string));
  const take = (indices: number[]) => new Table(Object.fromEntries(shared.schema.fields.map((f) => [f.name, columnVector(f.type, indices.map((i) => shared.getChild(f.name)!.get(i)))])));
  const nation = nationTimes(take(rows((l) => l === 'nation')), provinces.length);
  const regional = take(rows((l) => l !== 'nation'));
  const parts = [nation, ...provinces.map((pp) => relocate(regional, from, pp))];
  write('rollups', 'arrow/rollups/all.arrows.gz', parts.slice(1).reduce((a, b) => a.concat(b), parts[0]));
  for (const p of countyRollups) for (const pp of provinces) write('rollups', `arrow/rollups/${pp}.arrows.gz`, relocate(read(p), from, pp), { province: pp });
  // Bodies known by a printed name stay with the source province: their keys are not codes.
  const bodies = read(source.tables.bodies.partitions[0]);
  const keys = Array.from(bodies.getChild('key')!, (k: string) => k);
  const codedRows = keys.map((k, i) => (k.startsWith('name:') ? -1 : i)).filter((i) => i >= 0);
  const codedOnly = new Table(Object.fromEntries(bodies.schema.fields.map((f) => [f.name, columnVector(f.type, codedRows.map((i) => bodies.getChild(f.name)!.get(i)))])));
  write('bodies', 'arrow/bodies/all.arrows.gz', provinces.map((pp) => (pp === from ? bodies : relocate(codedOnly, from, pp))).reduce((a, b) => a.concat(b)));
  // Copied reports stay the source province's (its texts do); every other province has its empty
  // partition, as ingest writes one for each province (a query naming the province loads it).
  const similar = source.tables.similar_pairs.partitions;
  for (const p of similar) write('similar_pairs', p.path, read(p), p.province === undefined ? {} : { province: p.province });
  const noPairs = read(similar[0]).slice(0, 0);
  for (const pp of provinces) if (!similar.some((p) => p.province === pp)) write('similar_pairs', `arrow/similar_pairs/${pp}.arrows.gz`, noPairs, { province: pp });
  const failing = read(source.tables.failing.partitions[0]);
  write('failing', 'arrow/failing/all.arrows.gz', provinces.map((pp) => relocate(failing, from, pp)).reduce((a, b) => a.concat(b)));

  const parquet = { layout: 'hive' as const, root: 'parquet', files: [] };
  const datasetVersion = createHash('sha256').update(datasetVersionInput(tables, parquet)).digest('hex');
  const summary = nationalSummary(JSON.parse(readFileSync(join(provinceDir, SUMMARY_FILE), 'utf8')) as DatasetSummary, provinces.length, datasetVersion);
  writeFileSync(join(dir, SUMMARY_FILE), `${JSON.stringify(parseSummary(summary), null, 2)}\n`);
  const manifest: Manifest = { schema_version: SCHEMA_VERSION, dataset_version: datasetVersion, generated_from: source.generated_from * provinces.length, summary: SUMMARY_FILE, tables, parquet };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(parseManifest(manifest), null, 2)}\n`);
  return { dir, manifest, cached: false };
}

/** The province's summary for `copies` identical provinces: every count and sum multiplied. */
function nationalSummary(s: DatasetSummary, copies: number, datasetVersion: string): DatasetSummary {
  return {
    ...s,
    dataset_version: datasetVersion,
    reports: s.reports * copies,
    by_year_level: s.by_year_level.map((c) => ({ ...c, reports: c.reports * copies })),
    by_status: s.by_status.map((c) => ({ ...c, reports: c.reports * copies })),
    by_template: s.by_template.map((c) => ({ ...c, reports: c.reports * copies, by_year: c.by_year * copies })),
    failing_checks: s.failing_checks * copies,
    trends: s.trends.map((t) => ({ ...t, reports: t.reports * copies, ...Object.fromEntries(TREND_METRICS.map((m) => [m, t[m] === null ? null : t[m]! * copies])) })),
  };
}

/**
 * The same replication in native DuckDB, over tables loaded from the source province's Parquet
 * files (tests/helpers/native-duckdb.ts): the reference bench:ui compares the browser with.
 */
export async function replicateNative(run: (sql: string) => Promise<unknown>, from: string, provinces: readonly string[]): Promise<void> {
  const list = `[${provinces.map((p) => `'${p}'`).join(', ')}]`;
  const moved = (column: string) => `CASE WHEN ${column} LIKE '${from}%' THEN p.pp || substr(${column}, 3) ELSE ${column} END AS ${column}`;
  const newId = `CASE WHEN p.pp = '${from}' THEN t.report_id ELSE 'national/' || p.pp || '/' || t.report_id END AS report_id`;
  const copies = `(SELECT unnest(${list}) AS pp) p`;
  await run(`CREATE TABLE facts_wide_national AS SELECT t.* REPLACE (${newId}, ${CODE_COLUMNS.filter((c) => c !== 'key').map(moved).join(', ')}) FROM facts_wide t, ${copies}`);
  await run(`CREATE TABLE failing_national AS SELECT t.* REPLACE (${newId}, ${moved('province_code')}) FROM failing t, ${copies}`);
  const keys = ['division_code', 'division_level', 'year', 'level', 'scope'];
  await run(`CREATE TABLE rollups_national AS
    SELECT ${TABLE_COLUMNS.rollups.map((c) => (keys.includes(c) ? c : `${c} * ${provinces.length} AS ${c}`)).join(', ')} FROM rollups WHERE division_level = 'nation'
    UNION ALL BY NAME
    SELECT t.* REPLACE (${moved('division_code')}) FROM rollups t, ${copies} WHERE t.division_level <> 'nation'`);
  await run(`CREATE TABLE bodies_national AS SELECT t.* REPLACE (${moved('key')}, ${moved('division_code')}, ${moved('province_code')}) FROM bodies t, ${copies} WHERE p.pp = '${from}' OR t.key NOT LIKE 'name:%'`);
  for (const table of ['facts_wide', 'failing', 'rollups', 'bodies']) {
    await run(`DROP TABLE ${table}`);
    await run(`ALTER TABLE ${table}_national RENAME TO ${table}`);
  }
}
