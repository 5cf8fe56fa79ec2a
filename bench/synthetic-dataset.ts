// A province-scale synthetic dataset for benchmarks: the shipped corpus's parsed reports
// replicated to ≥ 100,000 reports, each replica under a different (made-up) district prefix and
// with its numbers scaled by a seeded random factor, every report marked `synthetic: true`.
// Written with the project's own writer (buildDatasetParts + writeDataset), so it is exactly
// what `gongkai ingest` would produce. Deterministic; cached under tmp/bench-ui/ keyed by the
// generator version, the target size and a hash of the parsed corpus.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDatasetParts } from '../src/ingest/arrow-tables';
import { readReportsInOrder, type ReportRecord } from '../src/ingest/read-report';
import { collectInputFiles } from '../src/ingest/walk';
import { writeDataset } from '../src/ingest/write-dataset';
import { parseManifest, SCHEMA_VERSION, type Manifest } from '../src/shared/manifest';

const GENERATOR_VERSION = 'synthetic-v2';
const ROOT = resolve(import.meta.dirname, '..');
export const SHIPPED_CORPUS = join(ROOT, 'data/corpus');
const CACHE = join(ROOT, 'tmp/bench-ui');

const CITIES = ['杭州市', '成都市', '西安市', '长沙市', '郑州市', '济南市', '合肥市', '南昌市', '昆明市', '贵阳市', '南宁市', '福州市', '太原市', '石家庄市', '兰州市', '哈尔滨市', '长春市', '沈阳市', '呼和浩特市', '乌鲁木齐市'];
const DISTRICTS = ['东城区', '西城区', '南山区', '北湖区', '城关区', '高新区', '新城区', '老城区', '江南区', '江北区', '河东区', '河西区', '开发区', '经开区', '临港区', '滨海区', '山前区', '湖滨区', '青山区', '白云区', '金水区', '天河区', '雁塔区', '碑林区', '武侯区', '岳麓区', '历下区', '蜀山区', '东湖区', '五华区', '南明区', '青秀区', '鼓楼区', '小店区', '长安区', '七里河区', '道里区', '朝阳区', '和平区', '新华区'];

/** mulberry32: a tiny seeded PRNG, so every run builds the same dataset. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The made-up place a replica is attributed to: 20 cities × 40 districts, then numbered. */
function place(k: number): string {
  const city = CITIES[k % CITIES.length];
  const district = DISTRICTS[Math.floor(k / CITIES.length) % DISTRICTS.length];
  const round = Math.floor(k / (CITIES.length * DISTRICTS.length));
  return `${city}${district}${round > 0 ? `第${round + 1}片` : ''}`;
}

const scaled = (value: number, factor: number): number => (value === 0 ? 0 : Math.max(0, Math.round(value * factor)));

/** Replica k (≥ 1) of a parsed report: renamed, numbers scaled, text replaced by a short note. */
function replica(record: ReportRecord, k: number, index: number): ReportRecord {
  const rand = random(k * 7919 + index * 104729 + 1);
  const factor = 0.5 + 1.5 * rand();
  const prefix = place(k);
  const { parsed } = record;
  const facts = {
    ...parsed.facts,
    issuer: `${prefix}${parsed.facts.issuer ?? '某机关'}`,
    jurisdiction: `${prefix}${parsed.facts.jurisdiction ?? ''}`,
    synthetic: true,
  };
  const id = `synthetic/${String(k).padStart(4, '0')}/${record.id}`;
  return {
    id,
    file: id,
    sha256: null,
    bytes: null,
    // The made-up place names resolve to no real division.
    jurisdiction: null,
    parsed: {
      ...parsed,
      facts,
      // Shared texts would multiply the dataset by the corpus size; spans point into the original.
      text: `（合成报告：${record.id} 的数值乘以 ${factor.toFixed(3)}，原文不随附。）`,
      values: parsed.values.map((v) => ({ ...v, value: scaled(v.value, factor) })),
      checks: parsed.checks.map((c) => ({
        ...c,
        expected: c.expected === null ? null : scaled(c.expected, factor),
        actual: c.actual === null ? null : scaled(c.actual, factor),
      })),
    },
  };
}

export async function parseShippedCorpus(): Promise<ReportRecord[]> {
  const records: ReportRecord[] = [];
  for await (const record of readReportsInOrder(await collectInputFiles([SHIPPED_CORPUS]))) records.push(record);
  return records;
}

export interface SyntheticDataset {
  dir: string;
  manifest: Manifest;
  cached: boolean;
  seconds: number;
}

/** Builds (or reuses) the synthetic dataset of at least `minReports` reports. */
export async function syntheticDataset(minReports = 100_000, log: (line: string) => void = () => {}): Promise<SyntheticDataset> {
  const started = performance.now();
  const originals = await parseShippedCorpus();
  const key = createHash('sha256')
    .update(JSON.stringify([GENERATOR_VERSION, SCHEMA_VERSION, minReports]))
    .update(JSON.stringify(originals.map((r) => [r.id, r.sha256, r.parsed.facts, r.parsed.values, r.parsed.checks, r.parsed.status])))
    .digest('hex')
    .slice(0, 16);
  const dir = join(CACHE, `synthetic-${minReports}-${key}`);
  if (existsSync(join(dir, 'manifest.json'))) {
    return { dir, manifest: parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))), cached: true, seconds: (performance.now() - started) / 1000 };
  }
  // Datasets of earlier parser or generator versions are stale: keep only the current one.
  if (existsSync(CACHE)) {
    for (const name of readdirSync(CACHE)) if (name.startsWith(`synthetic-${minReports}-`)) rmSync(join(CACHE, name), { recursive: true, force: true });
  }
  const copies = Math.ceil(minReports / originals.length);
  log(`generating ${copies} × ${originals.length} = ${copies * originals.length} synthetic reports into ${dir} …`);
  const records: ReportRecord[] = [];
  // Replica 0 is the corpus itself (full texts, unscaled), marked synthetic like the rest.
  for (const r of originals) records.push({ ...r, parsed: { ...r.parsed, facts: { ...r.parsed.facts, synthetic: true } } });
  for (let k = 1; k < copies; k++) originals.forEach((r, i) => records.push(replica(r, k, i)));
  const manifest = await writeDataset(dir, buildDatasetParts(records), records.length);
  return { dir, manifest, cached: false, seconds: (performance.now() - started) / 1000 };
}
