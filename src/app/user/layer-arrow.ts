// The user's layer as the page loads it: the dataset builder's tables as plain Arrow IPC streams,
// one per chunk the builder stored (≤ 1,000 reports of a part; in ingest's file order, so the
// build and data workers hold one chunk's rows at a time), each row with its column `layer` =
// 'user' already, with a manifest of those files alone.
// No Parquet and no gzip: the data worker inserts the streams as they are, and the zip (the
// dataset folder ingest writes, Parquet included) is built only when the user asks for it.
// The layer's version is the hash of these files, so it is not the zip's dataset_version.
import { Table, tableToIPC, Utf8 } from 'apache-arrow';
import { columnVector } from '../../ingest/columns';
import { TABLE_NAMES, type DatasetParts } from '../../ingest/arrow-tables';
import { datasetVersionInput, parseManifest, SCHEMA_VERSION, type Manifest } from '../../shared/manifest';
import { PARQUET_ROOT } from '../../ingest/dataset-files';

export interface LayerFile {
  path: string;
  bytes: Uint8Array;
}

export type Sha256 = (bytes: Uint8Array) => Promise<string>;

/** `arrow/<table>/<n>.arrows`: not `.gz`, so the data worker takes the bytes as they are. */
export const layerArrowPath = (table: string, n: number): string => `arrow/${table}/${n}.arrows`;

/** The rows with the column `layer` = 'user' last (the data worker's schema of the user's layer); no apache-arrow builders (they eval, which the page's CSP refuses). */
function withLayer(rows: Table): Table {
  const layer = columnVector(new Utf8(), Array.from({ length: rows.numRows }, () => 'user'));
  return new Table({ ...Object.fromEntries(rows.schema.fields.map((f) => [f.name, rows.getChild(f.name) ?? columnVector(f.type, [])])), layer });
}

/**
 * Each part's rows taken once, in file order, and written as an IPC stream; `sink`: each stream is
 * handed to it as it is written and not kept (the answer's files are then empty); `written` hears each
 * file done (the build worker's word that it goes on).
 */
export async function layerArrowFiles(parts: DatasetParts, generatedFrom: number, sha256: Sha256, sink?: (file: LayerFile) => Promise<void>, written?: () => void): Promise<{ manifest: Manifest; files: LayerFile[] }> {
  const tables: Manifest['tables'] = Object.fromEntries(TABLE_NAMES.map((name) => [name, { rows: 0, partitions: [] }]));
  const files: LayerFile[] = [];
  for (const group of parts.groups()) {
    for (const part of group) {
      const entry = tables[part.table];
      // A part of a per-report table, chunk by chunk (a file each): never held whole.
      for (const rows of part.pieces?.() ?? [part.rows]) {
        // An empty piece gives its table's schema only when the table has no rows elsewhere.
        if (rows.numRows === 0 && entry.partitions.length > 0) continue;
        const bytes = tableToIPC(withLayer(rows), 'stream');
        const path = layerArrowPath(part.table, entry.partitions.length);
        if (sink) await sink({ path, bytes });
        else files.push({ path, bytes });
        entry.partitions.push({ path, rows: rows.numRows, bytes: bytes.byteLength, sha256: await sha256(bytes) });
        entry.rows += rows.numRows;
        written?.();
      }
    }
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
