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
    const found = info.isDirectory() ? await walkDirectory(input, rootName, await realpath(input)) : [{ path: input, id: rootName }];
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
async function walkDirectory(dir: string, idPrefix: string, rootReal: string, visited = new Set<string>()): Promise<InputFile[]> {
  const real = await realpath(dir).catch(() => resolve(dir));
  if (visited.has(real)) return [];
  visited.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    return [{ path: dir, id: idPrefix, error: `cannot read directory: ${describeError(error)}` }];
  }
  entries.sort((a, b) => byCodeUnits(a.name, b.name));
  const files: InputFile[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const id = `${idPrefix}/${entry.name}`;
    if (entry.isSymbolicLink() && !isSkippedDirectory(entry.name) && !isSkippedFile(entry.name)) {
      const target = await realpath(path).catch(() => null);
      const refused = target === null ? BROKEN_LINK_ERROR : isInside(target, rootReal) ? null : OUTSIDE_LINK_ERROR;
      if (refused) {
        files.push({ path, id, error: refused });
        continue;
      }
    }
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectoryPath(path)));
    if (isDirectory) {
      // A loop, not push(...found): a folder of 150,000 reports would overflow the call stack.
      if (!isSkippedDirectory(entry.name)) for (const found of await walkDirectory(path, id, rootReal, visited)) files.push(found);
    } else if (!isSkippedFile(entry.name)) {
      files.push({ path, id });
    }
  }
  return files;
}

async function isDirectoryPath(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isDirectory(), () => false);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
