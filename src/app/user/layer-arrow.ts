// The user's layer as the page loads it: the dataset builder's tables as plain Arrow IPC streams,
// one file per table (its parts in ingest's file order), with a manifest of those files alone.
// No Parquet and no gzip: the data worker inserts the streams as they are, and the zip (the
// dataset folder ingest writes, Parquet included) is built only when the user asks for it.
// The layer's version is the hash of these files, so it is not the zip's dataset_version.
import { tableToIPC, type Table } from 'apache-arrow';
import { concatTables, TABLE_NAMES, type DatasetParts } from '../../ingest/arrow-tables';
import { datasetVersionInput, parseManifest, SCHEMA_VERSION, type Manifest } from '../../shared/manifest';
import { PARQUET_ROOT } from '../../ingest/dataset-files';

export interface LayerFile {
  path: string;
  bytes: Uint8Array;
}

export type Sha256 = (bytes: Uint8Array) => Promise<string>;

/** `arrow/<table>.arrows`: not `.gz`, so the data worker takes the bytes as they are. */
export const layerArrowPath = (table: string): string => `arrow/${table}.arrows`;

/** Each table's parts taken once, in file order, concatenated, and written as one IPC stream. */
export async function layerArrowFiles(parts: DatasetParts, generatedFrom: number, sha256: Sha256): Promise<{ manifest: Manifest; files: LayerFile[] }> {
  const byTable = new Map<string, Table[]>();
  for (const group of parts.groups()) {
    for (const part of group) {
      const list = byTable.get(part.table);
      if (list) list.push(part.rows);
      else byTable.set(part.table, [part.rows]);
    }
  }
  const tables: Manifest['tables'] = {};
  const files: LayerFile[] = [];
  for (const name of TABLE_NAMES) {
    const rows = concatTables(byTable.get(name) ?? []);
    byTable.delete(name);
    const bytes = tableToIPC(rows, 'stream');
    const path = layerArrowPath(name);
    files.push({ path, bytes });
    tables[name] = { rows: rows.numRows, partitions: [{ path, rows: rows.numRows, bytes: bytes.byteLength, sha256: await sha256(bytes) }] };
  }
  const parquet: Manifest['parquet'] = { layout: 'hive', root: PARQUET_ROOT, files: [] };
  const manifest: Manifest = {
    schema_version: SCHEMA_VERSION,
    dataset_version: await sha256(new TextEncoder().encode(datasetVersionInput(tables, parquet))),
    generated_from: generatedFrom,
    tables,
    parquet,
  };
  return { manifest: parseManifest(manifest), files };
}
