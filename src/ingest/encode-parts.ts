// What a table part's files are made of, computed where the rows are (in process, or in a worker
// thread of parquet-pool.ts): its Parquet bytes and, where the group is known, its Arrow file
// (gzipped IPC stream). The same function either way, so the bytes never depend on the threads.
import { type Table, tableToIPC } from 'apache-arrow';
import { encodeArrowFile } from '../shared/arrow-file';
import { tableToParquet } from '../shared/parquet';
import { concatTables } from './concat-tables';

/** A stored Arrow file and the length of the IPC stream it holds (the manifest's `arrow_bytes`). */
export interface ArrowFile {
  file: Uint8Array;
  ipcBytes: number;
}

/**
 * - `parquet`: the Parquet bytes of each table only;
 * - `each`: with each table's own Arrow file (a group stored one file per year);
 * - `whole`: with one Arrow file of the tables concatenated in order (a group stored in one file).
 */
export type ArrowMode = 'parquet' | 'each' | 'whole';

export interface EncodedParts {
  parquet: Uint8Array[];
  /** `each`: one file per table; `whole`: one file; `parquet`: none. */
  arrow: ArrowFile[];
}

export function arrowFile(ipc: Uint8Array): ArrowFile {
  return { file: encodeArrowFile(ipc), ipcBytes: ipc.byteLength };
}

/** `ipcs`: each table's IPC stream when it is at hand already (tableToIPC(table, 'stream'): the same bytes). */
export function encodeParts(tables: readonly Table[], mode: ArrowMode, ipcs?: readonly Uint8Array[]): EncodedParts {
  const parquet = tables.map((table) => tableToParquet(table));
  const arrow =
    mode === 'each'
      ? tables.map((table, i) => arrowFile(ipcs?.[i] ?? tableToIPC(table, 'stream')))
      : mode === 'whole'
        ? [arrowFile(tableToIPC(concatTables(tables), 'stream'))]
        : [];
  return { parquet, arrow };
}

/** The buffers of the encoded files, to transfer. */
export const encodedBuffers = (encoded: EncodedParts): ArrayBuffer[] => [...encoded.parquet, ...encoded.arrow.map((a) => a.file)].map((b) => b.buffer as ArrayBuffer);
