// The user's layer on its way from the build worker to the data worker, spilled to the origin's
// private file system (OPFS) so that no worker holds the whole layer at once: the build worker
// writes the builder's chunks and then each part's Arrow stream to files of a folder of its own,
// one part in memory at a time; the data worker reads the parts back one at a time, inserts each,
// and removes the folder. Without OPFS (an old browser, storage refused) the layer goes in memory.
// A folder in use is held by a shared Web Lock named after it (the build worker's from before the
// folder is made; then the page's, taken before it stops the build worker, until the data worker
// has answered): a later build, in any tab, removes every folder no lock holds (a tab closed,
// a worker that died), at once, and never one in use.
/** OPFS folder holding every build's own folder. */
const ROOT = 'gongkai-layer-spill';
/** Without Web Locks, a folder left behind is removed by a later build after this long. */
const STALE_MS = 10 * 60_000;

/** How the stages of a build that wait on OPFS begin (the build worker's word of where it is). */
export const SPILL_STAGE = 'spill:';

/** The Web Lock that holds a folder while it is in use. */
export const spillLockName = (folder: string): string => `${ROOT}:${folder}`;

const locks = (): LockManager | null => (typeof navigator !== 'undefined' && navigator.locks) || null;

/**
 * Holds the folder's lock (shared: the build worker, the page and the data worker may hold it at
 * once) until the answer is called; resolves once held. Without Web Locks, holds nothing.
 */
export async function holdSpill(folder: string): Promise<() => void> {
  const manager = locks();
  if (!manager) return () => {};
  return new Promise((held) => {
    void manager.request(spillLockName(folder), { mode: 'shared' }, () => new Promise<void>((release) => held(release)));
  });
}

/** Sync access handles: in dedicated workers only (not in every lib.dom of TypeScript). */
interface SyncHandle {
  write(buffer: Uint8Array, options?: { at: number }): number;
  read(buffer: Uint8Array, options?: { at: number }): number;
  flush(): void;
  close(): void;
}
type SyncFileHandle = FileSystemFileHandle & { createSyncAccessHandle(): Promise<SyncHandle> };

/** A part's file name in the folder (one level: paths' slashes replaced). */
export const spillName = (path: string): string => path.replaceAll('/', '~');

async function root(): Promise<FileSystemDirectoryHandle> {
  return (await navigator.storage.getDirectory()).getDirectoryHandle(ROOT, { create: true });
}

/** An append-only file read back by where each block was written (the builder's chunks). */
export interface SpillFile {
  append(bytes: Uint8Array): number;
  read(offset: number, length: number): Uint8Array;
}

export interface SpillFolder {
  /** The folder's name: the data worker finds the parts there. */
  readonly name: string;
  /** A file of blocks for the builder's chunks. */
  blocks(): Promise<SpillFile>;
  /** Writes one part's bytes to its own file. */
  write(path: string, bytes: Uint8Array): Promise<void>;
  /** Closes every handle; `remove`: removes the folder too (on failure, or when nothing is left to read). */
  close(remove: boolean): Promise<void>;
}

/**
 * A new folder of this build; null when OPFS cannot be used (the caller keeps the layer in memory).
 * `waiting` hears what it waits on before each wait.
 */
export async function openSpillFolder(waiting: (what: string) => void = () => {}): Promise<SpillFolder | null> {
  let dir: FileSystemDirectoryHandle;
  let parent: FileSystemDirectoryHandle;
  const name = `${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
  // Held before the folder exists: no sweep can take it meanwhile.
  waiting(`${SPILL_STAGE} taking the lock`);
  const release = await holdSpill(name);
  try {
    waiting(`${SPILL_STAGE} opening the root folder`);
    parent = await root();
    waiting(`${SPILL_STAGE} removing stale folders`);
    await removeStale(parent);
    waiting(`${SPILL_STAGE} making the folder`);
    dir = await parent.getDirectoryHandle(name, { create: true });
  } catch {
    release();
    return null;
  }
  const handles: SyncHandle[] = [];
  const open = async (file: string): Promise<SyncHandle> => {
    waiting(`${SPILL_STAGE} making the file ${file}`);
    const made = (await dir.getFileHandle(file, { create: true })) as SyncFileHandle;
    waiting(`${SPILL_STAGE} opening the file ${file}`);
    const handle = await made.createSyncAccessHandle();
    handles.push(handle);
    return handle;
  };
  return {
    name,
    async blocks() {
      const handle = await open('chunks');
      let end = 0;
      return {
        append(bytes) {
          const at = end;
          let written = 0;
          while (written < bytes.byteLength) written += handle.write(bytes.subarray(written), { at: at + written });
          end += bytes.byteLength;
          return at;
        },
        read(offset, length) {
          const bytes = new Uint8Array(length);
          let read = 0;
          while (read < length) {
            const n = handle.read(bytes.subarray(read), { at: offset + read });
            if (n === 0) throw new Error('the layer spill file ended early');
            read += n;
          }
          return bytes;
        },
      };
    },
    async write(path, bytes) {
      const handle = await open(spillName(path));
      let written = 0;
      while (written < bytes.byteLength) written += handle.write(bytes.subarray(written), { at: written });
      handle.flush();
      handle.close();
      handles.splice(handles.indexOf(handle), 1);
    },
    async close(remove) {
      for (const handle of handles.splice(0)) handle.close();
      if (remove) {
        await removeSpill(name);
        release();
      } else await dir.removeEntry('chunks').catch(() => {});
      // Kept: the lock stays held until the page holds it too (it stops this worker afterwards).
    },
  };
}

/** Reads a part written by the build worker (the data worker's side). */
export async function readSpilled(folder: string, path: string): Promise<Uint8Array | undefined> {
  let file: File;
  try {
    file = await (await (await (await root()).getDirectoryHandle(folder)).getFileHandle(spillName(path))).getFile();
  } catch {
    return undefined;
  }
  return new Uint8Array(await file.arrayBuffer());
}

/** Removes a build's folder (never throws: a folder left behind is removed as stale later). */
export async function removeSpill(folder: string): Promise<void> {
  try {
    await (await root()).removeEntry(folder, { recursive: true });
  } catch {
    // gone already, or still open somewhere
  }
}

/** Removes the folders no lock holds (without Web Locks: those older than STALE_MS). */
async function removeStale(parent: FileSystemDirectoryHandle): Promise<void> {
  const now = Date.now();
  const manager = locks();
  const names: string[] = [];
  for await (const name of (parent as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  for (const name of names) {
    const remove = () => parent.removeEntry(name, { recursive: true }).catch(() => {});
    if (!manager) {
      if (!(now - Number(name.split('-')[0]) < STALE_MS)) await remove();
      continue;
    }
    // Exclusive and only if free: no holder now, and none can take it while the folder goes.
    await manager.request(spillLockName(name), { ifAvailable: true }, async (lock) => {
      if (lock) await remove();
    });
  }
}
