// The page's layer (src/app/user/layer-arrow.ts): the same rows as the Arrow files ingest writes for
// the same reports, table by table in file order, each with its column layer = 'user', as plain
// Arrow streams with no Parquet and no gzip; the same reports give the same bytes.
import { createHash } from 'node:crypto';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { layerArrowFiles } from '../../../src/app/user/layer-arrow';
import { buildDatasetParts, TABLE_NAMES } from '../../../src/ingest/arrow-tables';
import { writeDatasetFiles } from '../../../src/ingest/dataset-files';
import { sharedGazetteer } from '../../../src/ingest/jurisdiction';
import { decodeArrowFileSync } from '../../../src/shared/arrow-file';
import { sampleRecords } from '../ingest/records';

const sha256 = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const rowsOf = (ipc: Uint8Array) => tableFromIPC(ipc).toArray().map((row) => JSON.stringify(row.toJSON(), (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)));

describe('the page layer', () => {
  it('holds ingest\'s rows of every table, each with layer = user, as plain Arrow streams, and nothing else', async () => {
    const records = sampleRecords();
    const page = await layerArrowFiles(buildDatasetParts(records, sharedGazetteer()), records.length, sha256);
    const ingest = new Map<string, Uint8Array>();
    const manifest = await writeDatasetFiles(async (path, bytes) => (ingest.set(path, bytes), { bytes: bytes.byteLength, sha256: await sha256(bytes) }), (text) => sha256(new TextEncoder().encode(text)), buildDatasetParts(records, sharedGazetteer()), records.length);

    expect(page.files.every((f) => /^arrow\/[a-z_]+\/\d+\.arrows$/.test(f.path))).toBe(true);
    expect(page.manifest.parquet.files).toEqual([]);
    expect(page.manifest.generated_from).toBe(records.length);
    const files = new Map(page.files.map((f) => [f.path, f.bytes]));
    expect(files.size).toBe(page.files.length);
    let nonEmpty = 0;
    for (const name of TABLE_NAMES) {
      const fromPage: string[] = [];
      for (const partition of page.manifest.tables[name].partitions) {
        const bytes = files.get(partition.path)!;
        expect(partition.bytes).toBe(bytes.byteLength);
        expect(partition.sha256).toBe(await sha256(bytes));
        const table = tableFromIPC(bytes);
        // Every row is the user's, the column last; without it, ingest's row.
        expect(table.schema.fields.at(-1)!.name).toBe('layer');
        expect(new Set(table.getChild('layer')!.toArray())).toEqual(new Set(table.numRows > 0 ? ['user'] : []));
        fromPage.push(...rowsOf(tableToIPC(table.select(table.schema.fields.slice(0, -1).map((f) => f.name)), 'stream')));
      }
      const fromIngest = manifest.tables[name].partitions.flatMap((p) => rowsOf(decodeArrowFileSync(p.path, ingest.get(p.path)!)));
      expect(fromPage, name).toEqual(fromIngest);
      expect(page.manifest.tables[name].rows).toBe(manifest.tables[name].rows);
      if (fromPage.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(8);
    // Its own version: the hash of these files, not the dataset folder's.
    expect(page.manifest.dataset_version).toMatch(/^[0-9a-f]{64}$/);
    expect(page.manifest.dataset_version).not.toBe(manifest.dataset_version);
  });

  it('gives the same bytes for the same reports, and another version for others', async () => {
    const records = sampleRecords();
    const build = (some: typeof records) => layerArrowFiles(buildDatasetParts(some, sharedGazetteer()), some.length, sha256);
    const [a, b, fewer] = await Promise.all([build(records), build([...records].reverse()), build(records.slice(1))]);
    expect(b.manifest).toEqual(a.manifest);
    expect(b.files.map((f) => Buffer.from(f.bytes).toString('hex'))).toEqual(a.files.map((f) => Buffer.from(f.bytes).toString('hex')));
    expect(fewer.manifest.dataset_version).not.toBe(a.manifest.dataset_version);
  });

  it('writes a part of many reports chunk by chunk, a file each, with the same rows as ingest\'s one file', async () => {
    // 2,400 copies of the sample's reports (ids kept sorted): its parts pass the builder's chunk of 1,000 reports.
    const sample = sampleRecords();
    const records = Array.from({ length: 2400 }, (_, i) => sample.map((r) => ({ ...r, id: `${r.id}/${String(i).padStart(4, '0')}`, sha256: `${i}`.padStart(64, '0') + r.id })))
      .flat()
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const page = await layerArrowFiles(buildDatasetParts(records, sharedGazetteer()), records.length, sha256);
    const ingest = new Map<string, Uint8Array>();
    const manifest = await writeDatasetFiles(async (path, bytes) => (ingest.set(path, bytes), { bytes: bytes.byteLength, sha256: await sha256(bytes) }), (text) => sha256(new TextEncoder().encode(text)), buildDatasetParts(records, sharedGazetteer()), records.length);
    const files = new Map(page.files.map((f) => [f.path, f.bytes]));
    const reports = page.manifest.tables.reports;
    expect(reports.rows).toBe(records.length);
    // Several files where ingest writes one per part, none of more than a chunk's reports.
    expect(reports.partitions.length).toBeGreaterThan(manifest.tables.reports.partitions.length);
    expect(Math.max(...reports.partitions.map((p) => p.rows))).toBeLessThanOrEqual(1000);
    for (const name of ['reports', 'values', 'facts_wide'] as const) {
      const fromPage = page.manifest.tables[name].partitions.flatMap((p) => {
        const table = tableFromIPC(files.get(p.path)!);
        return rowsOf(tableToIPC(table.select(table.schema.fields.slice(0, -1).map((f) => f.name)), 'stream'));
      });
      const fromIngest = manifest.tables[name].partitions.flatMap((p) => rowsOf(decodeArrowFileSync(p.path, ingest.get(p.path)!)));
      expect(fromPage.length, name).toBe(fromIngest.length);
      expect(fromPage, name).toEqual(fromIngest);
    }
  }, 120_000);
});
