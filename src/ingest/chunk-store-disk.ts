// Ingest's spill files (Node): see chunk-store.ts for the interfaces and memory stores.
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import type { ChunkStore, ItemStore, SetStore } from './chunk-store';

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

/** Numbers appended and read by index, in pages of a typed array (8 bytes a number, never copied to grow). */
class NumberPages {
  private static readonly PAGE = 1 << 16;
  private pages: Float64Array[] = [];
  length = 0;

  push(n: number): void {
    const at = this.length % NumberPages.PAGE;
    if (at === 0) this.pages.push(new Float64Array(NumberPages.PAGE));
    this.pages[this.pages.length - 1][at] = n;
    this.length++;
  }

  get(i: number): number {
    return this.pages[Math.floor(i / NumberPages.PAGE)][i % NumberPages.PAGE];
  }

  clear(): void {
    this.pages = [];
    this.length = 0;
  }
}

/** Items encoded into a spill file, their offsets and lengths in memory (two numbers an item). */
export function diskItemStore<T>(file: SpillFile, encode: (item: T) => Uint8Array, decode: (bytes: Uint8Array) => T): ItemStore<T> {
  const offsets = new NumberPages();
  const lengths = new NumberPages();
  return {
    push(item) {
      const bytes = encode(item);
      offsets.push(bytes.byteLength === 0 ? 0 : file.append(bytes));
      lengths.push(bytes.byteLength);
    },
    get(i) {
      if (!(i >= 0 && i < lengths.length)) throw new RangeError(`spill file ${file.path}: no item ${i}`);
      return decode(lengths.get(i) === 0 ? new Uint8Array(0) : file.read(offsets.get(i), lengths.get(i)));
    },
    get length() {
      return lengths.length;
    },
    clear() {
      offsets.clear();
      lengths.clear();
    },
  };
}

export const diskSetStore = (file: SpillFile): SetStore =>
  diskItemStore(
    file,
    (set) => new Uint8Array(set.buffer, set.byteOffset, set.byteLength),
    (bytes) => new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4),
  );

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Plain JSON-able items (the copied-report search's report descriptions). */
export const diskJsonStore = <T>(file: SpillFile): ItemStore<T> =>
  diskItemStore<T>(
    file,
    (item) => encoder.encode(JSON.stringify(item)),
    (bytes) => JSON.parse(decoder.decode(bytes)) as T,
  );

/** Strings as UTF-8 (the texts of the copied-report search's confirmed pairs). */
export const diskTextStore = (file: SpillFile): ItemStore<string> =>
  diskItemStore<string>(
    file,
    (text) => encoder.encode(text),
    (bytes) => decoder.decode(bytes),
  );

/**
 * One spill folder's files: the builder's chunks; the search's shingle sets, report descriptions,
 * band keys and confirmed pairs' texts; removed by `close()`.
 */
export function diskStores<R>(dir: string): { chunks: ChunkStore; sets: SetStore; reports: ItemStore<R>; keyBlocks: SetStore; texts: ItemStore<string>; close(): void } {
  const files = ['chunks', 'shingles', 'reports', 'bands', 'texts'].map((name) => new SpillFile(join(dir, `${name}.spill`)));
  return {
    chunks: diskChunkStore(files[0]),
    sets: diskSetStore(files[1]),
    reports: diskJsonStore<R>(files[2]),
    keyBlocks: diskSetStore(files[3]),
    texts: diskTextStore(files[4]),
    close() {
      for (const file of files) file.close();
    },
  };
}
