// npx tsx bench/file-formats.ts <dataset folder> — what the page's files would weigh in each
// candidate format (issue 17, "compact files for the browser"), per table, from one written dataset:
//
//   arrow     the Arrow IPC streams, uncompressed (schema ≤ 8 shipped these)
//   shipped   the files the page loads now: the same streams gzip level 6 (fflate, shared/arrow-file.ts;
//             manifest bytes), with the time to decompress them all (node:zlib; the page's own
//             DecompressionStream time is bench:ui's `decode` column)
//   parquet   the Hive-partitioned Parquet copy (manifest bytes)
//   narrow    Arrow with report ids as INTEGER (a dictionary of ids in `reports`), written by native
//             DuckDB's Arrow export of the same rows: what integer ids alone would save
//   duckdb    DuckDB database files written natively (STORAGE_VERSION 'v1.4.0', what DuckDB-WASM 1.32
//             attaches read-only), one per table × province partition like the Arrow files, so
//             lazy per-province loading stays possible
//   duckdb/p  the same, one database file per province (every table's rows of it) and one shared
//   arrow.br  the Arrow files brotli-compressed (quality 5), as a static host would serve them
//   arrow.gz  gzip level 9 (node:zlib), to see what a higher level would still save
//
//   --quick   skips narrow and duckdb (they write a database file per partition: minutes)
//
// Prints figures only. Native DuckDB reads the Parquet copy; nothing is written to the dataset.
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { Bool, Float64, Int32, Int64, Table, tableToIPC, Utf8, type Vector } from 'apache-arrow';
import { columnVector } from '../src/ingest/columns';
import { parseManifest } from '../src/shared/manifest';

const quick = process.argv.includes('--quick');
const dir = resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'data/build');
const manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
const scratch = resolve('tmp/bench-file-formats');
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const REPORT_ID_TABLES = new Set(['reports', 'texts', 'values', 'checks', 'facts_wide', 'failing']);

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;');
const parquetOf = (table: string) => `read_parquet('${join(dir, 'parquet', table, '*', '*', '*.parquet')}', hive_partitioning = true, union_by_name = true)`;
// Integer report ids: their order is the id order, so sorted ids keep their order.
await db.run(`CREATE TABLE ids AS SELECT report_id, (row_number() OVER (ORDER BY report_id))::INTEGER AS rid FROM ${parquetOf('reports')}`);

const totals = { arrow: 0, shipped: 0, parquet: 0, narrow: 0, duckdb: 0, brotli: 0, gzip: 0 };
let decodeMs = 0;
/** One database per province (`all`: the shared partitions), attached for the whole run. */
const provinceDbs = new Map<string, string>();
async function provinceDb(province: string): Promise<string> {
  let alias = provinceDbs.get(province);
  if (!alias) {
    alias = `p_${province}`;
    await db.run(`ATTACH '${join(scratch, `province-${province}.duckdb`)}' AS ${alias} (STORAGE_VERSION 'v1.4.0')`);
    provinceDbs.set(province, alias);
  }
  return alias;
}
console.log(`dataset ${dir}: ${manifest.generated_from} input files`);
console.log('table            arrow   shipped   parquet    narrow    duckdb  arrow.br  arrow.gz  (files)');
for (const [name, entry] of Object.entries(manifest.tables)) {
  const shipped = entry.partitions.reduce((n, p) => n + p.bytes, 0);
  const parquet = manifest.parquet.files.filter((f) => f.table === name).reduce((n, f) => n + f.bytes, 0);
  let arrow = 0;
  let brotli = 0;
  let gzip = 0;
  for (const p of entry.partitions) {
    const stored = readFileSync(join(dir, p.path));
    const t0 = performance.now();
    const bytes = gunzipSync(stored);
    decodeMs += performance.now() - t0;
    arrow += bytes.byteLength;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).byteLength;
    gzip += gzipSync(bytes, { level: 9 }).byteLength;
  }
  // One database file and one narrow Arrow stream per Arrow partition (same rows: the Parquet files of its province).
  let duck = 0;
  let narrow = 0;
  for (const [i, p] of (quick ? [] : entry.partitions).entries()) {
    const where = [p.province === undefined ? "province = 'all'" : `province = '${p.province}'`, p.year === undefined ? '' : `report_year = '${p.year ?? 'none'}'`].filter(Boolean).join(' AND ');
    const select = `SELECT * EXCLUDE (province, report_year) FROM ${parquetOf(name)} WHERE ${where}`;
    const file = join(scratch, `${name}-${i}.duckdb`);
    await db.run(`ATTACH '${file}' AS part (STORAGE_VERSION 'v1.4.0')`);
    await db.run(`CREATE TABLE part.${name} AS ${select}`);
    await db.run('DETACH part');
    duck += statSync(file).size;
    rmSync(file, { force: true });
    await db.run(`CREATE TABLE ${await provinceDb(p.province ?? 'all')}.${name}_${i} AS ${select}`);
    const hasId = REPORT_ID_TABLES.has(name);
    const narrowSql = hasId ? `SELECT i.rid AS report_id, t.* EXCLUDE (report_id) FROM (${select}) t JOIN ids i USING (report_id)` : select;
    narrow += await arrowBytesOf(narrowSql);
  }
  if (name === 'reports') narrow += await arrowBytesOf('SELECT rid, report_id FROM ids ORDER BY rid');
  totals.arrow += arrow;
  totals.shipped += shipped;
  totals.parquet += parquet;
  totals.narrow += narrow;
  totals.duckdb += duck;
  totals.brotli += brotli;
  totals.gzip += gzip;
  console.log(`${name.padEnd(14)} ${mb(arrow).padStart(9)} ${mb(shipped).padStart(9)} ${mb(parquet).padStart(9)} ${mb(narrow).padStart(9)} ${mb(duck).padStart(9)} ${mb(brotli).padStart(9)} ${mb(gzip).padStart(9)}  (${entry.partitions.length})`);
}
console.log(`${'total'.padEnd(14)} ${mb(totals.arrow).padStart(9)} ${mb(totals.shipped).padStart(9)} ${mb(totals.parquet).padStart(9)} ${mb(totals.narrow).padStart(9)} ${mb(totals.duckdb).padStart(9)} ${mb(totals.brotli).padStart(9)} ${mb(totals.gzip).padStart(9)}`);
let perProvince = 0;
for (const [province, alias] of provinceDbs) {
  await db.run(`DETACH ${alias}`);
  perProvince += statSync(join(scratch, `province-${province}.duckdb`)).size;
}
if (!quick) console.log(`duckdb, one file per province (${provinceDbs.size} files): ${mb(perProvince)}, ${(perProvince / totals.parquet).toFixed(2)} × parquet`);
console.log(`× parquet      ${(totals.arrow / totals.parquet).toFixed(2).padStart(9)} ${(totals.shipped / totals.parquet).toFixed(2).padStart(9)} ${'1.00'.padStart(9)} ${(totals.narrow / totals.parquet).toFixed(2).padStart(9)} ${(totals.duckdb / totals.parquet).toFixed(2).padStart(9)} ${(totals.brotli / totals.parquet).toFixed(2).padStart(9)} ${(totals.gzip / totals.parquet).toFixed(2).padStart(9)}`);
console.log(`decompressing every shipped file (node:zlib gunzipSync, one after another): ${(decodeMs / 1000).toFixed(2)} s, ${(totals.arrow / 1e6 / (decodeMs / 1000)).toFixed(0)} MB/s of Arrow out`);
if (quick) console.log('(--quick: narrow and duckdb not measured)');
db.closeSync();
rmSync(scratch, { recursive: true, force: true });

/** The bytes of an Arrow IPC stream of a query's result (plain types, as DuckDB's result gives them). */
async function arrowBytesOf(sql: string): Promise<number> {
  const result = await db.runAndReadAll(sql);
  const columns = result.columnNames();
  const types = result.columnTypes();
  const rows = result.getColumnsJS();
  const vectors: Record<string, Vector> = {};
  columns.forEach((name, i) => {
    const t = types[i].toString();
    const type = t === 'VARCHAR' ? new Utf8() : t === 'INTEGER' ? new Int32() : t === 'BIGINT' ? new Int64() : t === 'BOOLEAN' ? new Bool() : new Float64();
    const column = rows[i] ?? [];
    const values = t === 'BIGINT' ? column.map((v) => (v === null ? null : BigInt(v as bigint))) : column;
    vectors[name] = columnVector(type, values);
  });
  return tableToIPC(new Table(vectors), 'stream').byteLength;
}
