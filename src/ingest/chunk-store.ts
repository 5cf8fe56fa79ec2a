// Where ingest keeps what it has made until the dataset is written: in memory (tests, small
// inputs) or appended to a spill file on disk as it is made, so an ingest's memory does not grow
// with the corpus. Chunks arrive in report-id order, so a part's chunks read back in order are its
// rows sorted: no merge is needed.
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { type Table, tableFromIPC, tableToIPC } from 'apache-arrow';

/** An append-only file of byte blocks, each read back by where it was written. */
export class SpillFile {
  private fd: number | null;
  private end = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w+');
  }

  private open(): number {
    if (this.fd === null) throw new Error(`spill file ${this.path} closed`);
    return this.fd;
  }

  /** Appends the bytes; returns their offset. */
  append(bytes: Uint8Array): number {
    const at = this.end;
    let written = 0;
    while (written < bytes.byteLength) written += writeSync(this.open(), bytes, written, bytes.byteLength - written, at + written);
    this.end += bytes.byteLength;
    return at;
  }

  read(offset: number, length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    let read = 0;
    while (read < length) {
      const n = readSync(this.open(), bytes, read, length - read, offset + read);
      if (n === 0) throw new Error(`spill file ${this.path}: unexpected end of file`);
      read += n;
    }
    return bytes;
  }

  /** Deletes the file. */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.path, { force: true });
  }
}

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
}

export const memoryChunkStore = (): ChunkStore => ({
  put: (table) => ({ rows: table.numRows, table }),
  get: (ref) => ref.table!,
});

/**
 * Chunks as IPC streams appended to a spill file. An empty chunk stays in memory: an empty table
 * has a batch without children that the IPC round trip would not give back as it was.
 */
export const diskChunkStore = (file: SpillFile): ChunkStore => ({
  put(table) {
    if (table.numRows === 0) return { rows: 0, table };
    const bytes = tableToIPC(table, 'stream');
    return { rows: table.numRows, offset: file.append(bytes), length: bytes.byteLength };
  },
  get: (ref) => ref.table ?? tableFromIPC(file.read(ref.offset!, ref.length!)),
});

/** Shingle sets (Uint32Array) by their index in order of addition. */
export interface SetStore {
  push(set: Uint32Array): void;
  get(index: number): Uint32Array;
  readonly length: number;
  /** Lets go of every set (the store is not used again). */
  clear(): void;
}

export function memorySetStore(): SetStore {
  let sets: Uint32Array[] = [];
  return {
    push: (set) => void sets.push(set),
    get: (i) => sets[i],
    get length() {
      return sets.length;
    },
    clear: () => void (sets = []),
  };
}

/** The sets in a spill file, their offsets and lengths in memory (two numbers a report). */
export function diskSetStore(file: SpillFile): SetStore {
  let offsets: number[] = [];
  let lengths: number[] = [];
  return {
    push(set) {
      offsets.push(set.length === 0 ? 0 : file.append(new Uint8Array(set.buffer, set.byteOffset, set.byteLength)));
      lengths.push(set.length);
    },
    get(i) {
      if (lengths[i] === 0) return new Uint32Array(0);
      return new Uint32Array(file.read(offsets[i], lengths[i] * 4).buffer);
    },
    get length() {
      return lengths.length;
    },
    clear() {
      offsets = [];
      lengths = [];
    },
  };
}

/** One spill folder's files: a chunk store and a set store, removed by `close()`. */
export function diskStores(dir: string): { chunks: ChunkStore; sets: SetStore; close(): void } {
  const chunkFile = new SpillFile(join(dir, 'chunks.spill'));
  const setFile = new SpillFile(join(dir, 'shingles.spill'));
  return {
    chunks: diskChunkStore(chunkFile),
    sets: diskSetStore(setFile),
    close() {
      chunkFile.close();
      setFile.close();
    },
  };
}
