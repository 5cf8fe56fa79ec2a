// The imported reports' texts, kept in the origin's private file system (OPFS) beside IndexedDB:
// a report's text is most of its bytes (a Chinese report's text is ~35 KB as UTF-16 of its ~40 KB),
// and IndexedDB writes each byte through the browser process (its database log and compactions),
// where a worker's sync access handle writes a file directly. Each import worker appends its texts,
// as UTF-16 code units (exact, lone surrogates too), to a file of its own, flushed before the
// reports naming them are stored; IndexedDB keeps each report with where its text is (TextRef).
// A file no stored report names (reports removed or replaced, a worker stopped before storing)
// is removed after a build has read every report; one a worker still writes is locked by its
// handle and stays. Without OPFS the texts stay in IndexedDB, as before.
const ROOT = 'gongkai-user-texts';

/** Where a report's text is: its file, the byte it starts at, and its length in UTF-16 code units. */
export interface TextRef {
  file: string;
  at: number;
  units: number;
}

/** Sync access handles: in dedicated workers only (not in every lib.dom of TypeScript). */
interface SyncHandle {
  write(buffer: Uint8Array, options?: { at: number }): number;
  flush(): void;
  close(): void;
}
type SyncFileHandle = FileSystemFileHandle & { createSyncAccessHandle(): Promise<SyncHandle> };

async function folder(): Promise<FileSystemDirectoryHandle> {
  return (await navigator.storage.getDirectory()).getDirectoryHandle(ROOT, { create: true });
}

export interface TextWriter {
  /** Appends the text (not yet durable: flush before storing what names it). */
  append(text: string): TextRef;
  flush(): void;
}

/** A new file of texts for this worker; null where OPFS or sync access handles cannot be used. */
export async function openTextWriter(): Promise<TextWriter | null> {
  try {
    const name = `${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
    const handle = await ((await (await folder()).getFileHandle(name, { create: true })) as SyncFileHandle).createSyncAccessHandle();
    let end = 0;
    return {
      append(text) {
        const units = new Uint16Array(text.length);
        for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
        const bytes = new Uint8Array(units.buffer);
        let written = 0;
        while (written < bytes.byteLength) written += handle.write(bytes.subarray(written), { at: end + written });
        const ref = { file: name, at: end, units: text.length };
        end += bytes.byteLength;
        return ref;
      },
      flush: () => handle.flush(),
    };
  } catch {
    return null;
  }
}

const decode = (units: Uint16Array): string => {
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
};

/** A range read at once when the texts asked for lie this close together in their file. */
const SPAN_BYTES = 8 * 1024 * 1024;

/** The texts at these places, in order; a text whose file is gone or short throws. */
export async function readTexts(refs: readonly TextRef[]): Promise<string[]> {
  const dir = await folder();
  const out = new Array<string>(refs.length);
  const byFile = new Map<string, number[]>();
  refs.forEach((ref, i) => byFile.set(ref.file, [...(byFile.get(ref.file) ?? []), i]));
  for (const [name, indices] of byFile) {
    let file: File;
    try {
      file = await (await dir.getFileHandle(name)).getFile();
    } catch {
      throw new Error(`the text of an imported report is missing (file ${name})`);
    }
    const from = Math.min(...indices.map((i) => refs[i].at));
    const to = Math.max(...indices.map((i) => refs[i].at + refs[i].units * 2));
    if (to > file.size) throw new Error(`the text of an imported report is cut short (file ${name})`);
    const span = to - from <= SPAN_BYTES ? await file.slice(from, to).arrayBuffer() : null;
    for (const i of indices) {
      const { at, units } = refs[i];
      const buffer = span ?? (await file.slice(at, at + units * 2).arrayBuffer());
      out[i] = decode(new Uint16Array(buffer, span ? at - from : 0, units));
    }
  }
  return out;
}

/**
 * An unnamed file is removed by a build only when made this long ago: another tab's import may
 * have stored reports naming it since the build read them.
 */
const UNNAMED_AGE_MS = 60 * 60_000;

/** Removes the files of texts no stored report names (a file still being written stays: its handle locks it). */
export async function removeUnnamed(named: ReadonlySet<string>, ageMs = UNNAMED_AGE_MS): Promise<void> {
  try {
    const dir = await folder();
    const names: string[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    const now = Date.now();
    for (const name of names) if (!named.has(name) && !(now - Number(name.split('-')[0]) < ageMs)) await dir.removeEntry(name).catch(() => {});
  } catch {
    // no OPFS: nothing kept there
  }
}

/** Removes every file of texts (every report removed); files being written stay. */
export async function removeAllTexts(): Promise<void> {
  await removeUnnamed(new Set(), 0);
}
