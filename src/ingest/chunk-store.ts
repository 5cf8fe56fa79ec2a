// Where the dataset builder keeps its Arrow chunks until the dataset is written: in memory (tests,
// small inputs) or spilled to one file on disk as each chunk is made, so an ingest holds a chunk at
// a time whatever the corpus size. Chunks arrive in report-id order, so a part's chunks read back
// in order are its rows sorted: no merge is needed.
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { type Table, tableFromIPC, tableToIPC } from 'apache-arrow';

/** A stored chunk: read it back with `ChunkStore.get`. */
export interface ChunkRef {
  readonly rows: number;
  readonly table?: Table;
  readonly offset?: number;
  readonly length?: number;
}

export interface ChunkStore {
  put(table: Table): ChunkRef;
  get(ref: ChunkRef): Table;
  /** Frees what the store holds (deletes its spill file). */
  close(): void;
}

export const memoryChunkStore = (): ChunkStore => ({
  put: (table) => ({ rows: table.numRows, table }),
  get: (ref) => ref.table!,
  close: () => undefined,
});

/**
 * Chunks as IPC streams appended to `<dir>/chunks.spill`. An empty chunk stays in memory: an
 * empty table has a batch without children that the IPC round trip would not give back as is.
 */
export function diskChunkStore(dir: string): ChunkStore {
  const path = join(dir, 'chunks.spill');
  let fd: number | null = openSync(path, 'w+');
  let end = 0;
  const open = (): number => {
    if (fd === null) throw new Error('chunk store closed');
    return fd;
  };
  return {
    put(table) {
      if (table.numRows === 0) return { rows: 0, table };
      const bytes = tableToIPC(table, 'stream');
      let written = 0;
      while (written < bytes.byteLength) written += writeSync(open(), bytes, written, bytes.byteLength - written, end + written);
      const ref = { rows: table.numRows, offset: end, length: bytes.byteLength };
      end += bytes.byteLength;
      return ref;
    },
    get(ref) {
      if (ref.table) return ref.table;
      const bytes = new Uint8Array(ref.length!);
      let read = 0;
      while (read < bytes.byteLength) {
        const n = readSync(open(), bytes, read, bytes.byteLength - read, ref.offset! + read);
        if (n === 0) throw new Error(`chunk store ${path}: unexpected end of file`);
        read += n;
      }
      return tableFromIPC(bytes);
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
      rmSync(path, { force: true });
    },
  };
}
