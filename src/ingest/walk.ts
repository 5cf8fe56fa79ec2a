import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, isAbsolute } from 'node:path';
import { UsageError } from './usage-error';
import { isSkippedDirectory, isSkippedFile, withUniqueIds } from './input-names';

export interface InputFile {
  /** The path as given on the command line, or joined onto a given directory. */
  path: string;
  /** Stable report id: the input's own name, then the path below it, with `/` separators. */
  id: string;
  /** Set when the file could not even be listed; it still becomes a (failed) report row. */
  error?: string;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export { isSkippedDirectory, isSkippedFile };

/**
 * Expands the command-line inputs into files: directories recursively in sorted order, files as
 * given (an explicitly named file is never skipped). A missing input is a usage error.
 */
export async function collectInputFiles(inputs: readonly string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  const seenPaths = new Set<string>();
  for (const input of inputs) {
    const info = await stat(input).catch(() => {
      throw new UsageError(`no such file or directory: ${input}`);
    });
    const rootName = basename(resolve(input)) || 'root';
    const found: InputFile[] = [];
    if (info.isDirectory()) await walkDirectory(input, rootName, await realpath(input), (file) => found.push(file));
    else found.push({ path: input, id: rootName });
    for (const file of found) {
      const key = resolve(file.path);
      if (seenPaths.has(key)) continue;
      seenPaths.add(key);
      files.push(file);
    }
  }
  return withUniqueIds(files);
}

export const OUTSIDE_LINK_ERROR = 'refused: a symbolic link that leads outside the input folder (not read)';
export const BROKEN_LINK_ERROR = 'refused: a symbolic link whose target does not exist';

const isInside = (path: string, root: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * Walks a folder given on the command line. A symbolic link is followed only when its real
 * target lies inside that folder: one pointing elsewhere (say to /etc/passwd) is a failed row,
 * never read, so it is never stored, served or copied.
 */
async function walkDirectory(dir: string, idPrefix: string, rootReal: string, sink: (file: InputFile) => void, visited = new Set<string>()): Promise<void> {
  const real = await realpath(dir).catch(() => resolve(dir));
  if (visited.has(real)) return;
  visited.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    sink({ path: dir, id: idPrefix, error: `cannot read directory: ${describeError(error)}` });
    return;
  }
  entries.sort((a, b) => byCodeUnits(a.name, b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const id = `${idPrefix}/${entry.name}`;
    if (entry.isSymbolicLink() && !isSkippedDirectory(entry.name) && !isSkippedFile(entry.name)) {
      const target = await realpath(path).catch(() => null);
      const refused = target === null ? BROKEN_LINK_ERROR : isInside(target, rootReal) ? null : OUTSIDE_LINK_ERROR;
      if (refused) {
        sink({ path, id, error: refused });
        continue;
      }
    }
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectoryPath(path)));
    if (isDirectory) {
      if (!isSkippedDirectory(entry.name)) await walkDirectory(path, id, rootReal, sink, visited);
    } else if (!isSkippedFile(entry.name)) {
      sink({ path, id });
    }
  }
}

async function isDirectoryPath(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isDirectory(), () => false);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A run's input files sorted by id, read by index: what an ingest holds of them while it runs. */
export interface InputFileList {
  readonly length: number;
  at(index: number): InputFile | undefined;
}

const byId = (a: string | InputFile, b: string | InputFile): number => byCodeUnits(typeof a === 'string' ? a : a.id, typeof b === 'string' ? b : b.id);

/**
 * collectInputFiles sorted by id, held compactly: for one folder (an ingest's usual input) each
 * file is its id alone, its path joined back when asked (a nation's three million files would
 * take a gigabyte as objects with two paths each); a file whose path is not the folder joined with
 * its id, or that could not be listed, is kept whole.
 */
export async function collectSortedInputs(inputs: readonly string[]): Promise<InputFileList> {
  const input = inputs.length === 1 ? inputs[0] : null;
  const info = input === null ? null : await stat(input).catch(() => null);
  if (input === null || !info?.isDirectory()) {
    const files = (await collectInputFiles(inputs)).sort(byId);
    return { length: files.length, at: (i) => files[i] };
  }
  // One folder: its paths are distinct, so are its ids (no dedupe, no #2).
  const rootName = basename(resolve(input)) || 'root';
  const pathOf = (id: string): string => join(input, id.slice(rootName.length + 1));
  const files: (string | InputFile)[] = [];
  await walkDirectory(input, rootName, await realpath(input), (file) => files.push(file.error === undefined && pathOf(file.id) === file.path ? file.id : file));
  files.sort(byId);
  return { length: files.length, at: (i) => (i < 0 || i >= files.length ? undefined : typeof files[i] === 'string' ? { id: files[i], path: pathOf(files[i]) } : files[i]) };
}
