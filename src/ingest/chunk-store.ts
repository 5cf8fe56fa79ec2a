// Where ingest keeps what it has made until the dataset is written: in memory (tests, small
// inputs) or appended to a spill file on disk as it is made, so an ingest's memory does not grow
// with the corpus. Chunks arrive in report-id order, so a part's chunks read back in order are its
// rows sorted: no merge is needed.
// The memory stores and the interfaces are isomorphic (the page's import worker builds datasets
// with them); the disk stores are in chunk-store-disk.ts (Node).
import type { Table } from 'apache-arrow';

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

/** Items (shingle sets, report descriptions) by their index in order of addition. */
export interface ItemStore<T> {
  push(item: T): void;
  get(index: number): T;
  readonly length: number;
  /** Lets go of every item (the store is not used again). */
  clear(): void;
}
export type SetStore = ItemStore<Uint32Array>;

export function memoryItemStore<T>(): ItemStore<T> {
  let items: T[] = [];
  return {
    push: (item) => void items.push(item),
    get: (i) => items[i],
    get length() {
      return items.length;
    },
    clear: () => void (items = []),
  };
}
export const memorySetStore = (): SetStore => memoryItemStore<Uint32Array>();
