// The import worker's file reads, several files at a time. Each Blob read in a worker costs the
// browser a read of its own (a data pipe, the file opened, its length checked): 1,000 picked text
// files read one by one took 5-6 s of wall time and 0.5-2.6 s of the worker's own thread in the
// call itself; read as one Blob of 8 files, 0.8-1.5 s and 0.1 s (headless Chromium, load 9-10).
// A file's bytes are read with those that came after it and are not read yet; a run of files not
// read is read ahead, before it is asked for. A group that cannot be read (a file changed or gone
// since it was picked), or that does not answer in its limit (./bounded-wait.ts), is read again file
// by file, so only that file fails, with its own error.
import { boundedCall } from './bounded-wait';

/** Unread files that start a read ahead of the parse. */
export const READ_AHEAD_FILES = 4;
/** The most bytes read in one group (a large file is read alone: never held twice for long). */
export const GROUP_BYTES = 4 * 1024 * 1024;

export interface GroupedReads {
  /** Queues the file's read (the order files are added is the order they are read). */
  add(file: Blob): { bytes(): Promise<Uint8Array> };
}

interface Pending {
  file: Blob;
  size: number;
  started: boolean;
  promise: Promise<Uint8Array>;
  resolve(bytes: Uint8Array): void;
  reject(error: unknown): void;
}

const readOne = async (file: Blob): Promise<Uint8Array> => new Uint8Array(await boundedCall('file-read', () => file.arrayBuffer()));

/** `join`: the Blob of several files (tests may pass another). */
export function groupedReads(join: (files: Blob[]) => Blob = (files) => new Blob(files)): GroupedReads {
  let unread: Pending[] = [];

  const readGroup = (group: Pending[]) => {
    if (group.length === 1) {
      readOne(group[0].file).then(group[0].resolve, group[0].reject);
      return;
    }
    boundedCall('file-read', () => join(group.map((p) => p.file)).arrayBuffer())
      .then((buffer) => {
        if (buffer.byteLength !== group.reduce((n, p) => n + p.size, 0)) throw new Error('a file changed since it was picked');
        let at = 0;
        for (const p of group) {
          p.resolve(new Uint8Array(buffer.slice(at, at + p.size)));
          at += p.size;
        }
      })
      .catch(() => {
        for (const p of group) readOne(p.file).then(p.resolve, p.reject);
      });
  };

  /** Reads every file not read yet, in groups of at most GROUP_BYTES. */
  const readUnread = () => {
    const files = unread;
    unread = [];
    let group: Pending[] = [];
    let bytes = 0;
    for (const p of files) {
      p.started = true;
      if (group.length > 0 && bytes + p.size > GROUP_BYTES) {
        readGroup(group);
        group = [];
        bytes = 0;
      }
      group.push(p);
      bytes += p.size;
    }
    if (group.length > 0) readGroup(group);
  };

  return {
    add(file) {
      let resolve!: (bytes: Uint8Array) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<Uint8Array>((yes, no) => {
        resolve = yes;
        reject = no;
      });
      promise.catch(() => {});
      const pending: Pending = { file, size: file.size, started: false, promise, resolve, reject };
      unread.push(pending);
      if (unread.length >= READ_AHEAD_FILES) readUnread();
      return {
        bytes() {
          if (!pending.started) readUnread();
          return promise;
        },
      };
    },
  };
}
