// How a dataset replaces the previous one with a single atomic step, and what a killed run leaves.
//
//   <parent>/<name>                         a symbolic link to the current version (the `--out` path)
//   <parent>/.<name>.versions/<version>/    complete datasets: the current one (and, for a moment, the previous)
//   <parent>/.<name>.versions/.staging-…/   a dataset being written
//   <parent>/.<name>.lock                   the writer lock: one ingest per `--out` at a time
//
// A new dataset is written under .staging-…, renamed to its version folder, and a new link is
// renamed over <name>: readers see the old dataset or the new one, never a mix or nothing. A run
// killed at any point leaves debris that the next run removes (or, if <name> is missing, relinks
// to the newest complete version).
import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, readdir, readFile, readlink, rename, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { faultPoint } from './faults';
import { RunError } from './run-error';

export interface SwapPaths {
  target: string;
  parent: string;
  versions: string;
  lock: string;
  name: string;
}

export function swapPaths(outDir: string): SwapPaths {
  const target = resolve(outDir);
  const parent = dirname(target);
  const name = basename(target);
  return { target, parent, name, versions: join(parent, `.${name}.versions`), lock: join(parent, `.${name}.lock`) };
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the writer lock of `outDir`, removing a lock left by a run that no longer exists. Returns its release. */
export async function acquireWriterLock(outDir: string): Promise<() => Promise<void>> {
  const paths = swapPaths(outDir);
  await mkdir(paths.parent, { recursive: true });
  // The lock appears with its holder already written in it (a hard link to a file written first is
  // atomic and fails when the lock exists): another run never reads a lock half written and takes it
  // for a stale one.
  const written = join(paths.parent, `.${paths.name}.lock-${process.pid}-${randomBytes(4).toString('hex')}`);
  await writeFile(written, JSON.stringify({ pid: process.pid, started: new Date().toISOString() }));
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(written, paths.lock);
        return () => unlink(paths.lock).catch(() => undefined);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await readFile(paths.lock, 'utf8').then(
        (text) => {
          try {
            return JSON.parse(text) as { pid?: number; started?: string };
          } catch {
            return {};
          }
        },
        () => ({}) as { pid?: number; started?: string },
      );
      if (typeof holder.pid === 'number' && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new RunError(
          `another ingest (process ${holder.pid}, started ${holder.started ?? 'at an unknown time'}) is writing ${paths.target}: ` +
            `wait for it to finish, or delete ${paths.lock} if no ingest is running.`,
        );
      }
      await unlink(paths.lock).catch(() => undefined);
    }
    throw new RunError(`cannot take the writer lock ${paths.lock}: delete it if no ingest is running.`);
  } finally {
    await unlink(written).catch(() => undefined);
  }
}

async function isCompleteDataset(dir: string): Promise<boolean> {
  return stat(join(dir, 'manifest.json')).then((info) => info.isFile(), () => false);
}

async function linkAtomically(paths: SwapPaths, version: string): Promise<void> {
  const temporary = join(paths.parent, `.${paths.name}.link-${process.pid}-${randomBytes(4).toString('hex')}`);
  await symlink(relative(paths.parent, version), temporary);
  faultPoint('linked');
  await rename(temporary, paths.target);
}

/** Where <name> points now (a version folder), or null when it is missing or a plain folder. */
async function currentVersion(paths: SwapPaths): Promise<string | null> {
  const info = await lstat(paths.target).catch(() => null);
  if (!info?.isSymbolicLink()) return null;
  return resolve(paths.parent, await readlink(paths.target));
}

/**
 * Cleans up after runs that were killed (call it holding the lock): staging folders, temporary
 * links, versions no longer linked, and the temp folders of the previous on-disk layout. When
 * <name> is missing but a complete version exists, <name> is linked to the newest one.
 * Returns what it did, one line each.
 */
export async function recoverDebris(outDir: string): Promise<string[]> {
  const paths = swapPaths(outDir);
  const done: string[] = [];
  for (const entry of await readdir(paths.parent).catch(() => [] as string[])) {
    const path = join(paths.parent, entry);
    if (entry.startsWith(`.${paths.name}.link-`)) {
      await unlink(path).catch(() => undefined);
      done.push(`removed a leftover link ${path}`);
    } else if (entry.startsWith(`.${paths.name}.lock-`)) {
      // A lock written by a run that died before it was linked (a live run's is its own business).
      const pid = Number(entry.slice(`.${paths.name}.lock-`.length).split('-')[0]);
      if (Number.isInteger(pid) && !isAlive(pid)) {
        await unlink(path).catch(() => undefined);
        done.push(`removed a leftover lock ${path}`);
      }
    } else if (entry.startsWith(`.${paths.name}.tmp-`)) {
      // The previous layout's staging (and "-previous") folders: a previous dataset is recovered first.
      if (entry.endsWith('-previous') && !(await lstat(paths.target).catch(() => null)) && (await isCompleteDataset(path))) {
        await rename(path, paths.target);
        done.push(`recovered the previous dataset from ${path}`);
      } else {
        await rm(path, { recursive: true, force: true });
        done.push(`removed a leftover folder ${path}`);
      }
    }
  }
  const versions = (await readdir(paths.versions).catch(() => [] as string[])).map((entry) => join(paths.versions, entry));
  for (const path of versions.filter((p) => basename(p).startsWith('.staging-'))) {
    await rm(path, { recursive: true, force: true });
    done.push(`removed an unfinished dataset ${path}`);
  }
  const complete: { path: string; mtime: number }[] = [];
  // A `.replaced-…` folder is a dataset of the previous layout moved aside just before its link was made.
  for (const path of versions.filter((p) => !basename(p).startsWith('.') || basename(p).startsWith('.replaced-'))) {
    if (await isCompleteDataset(path)) complete.push({ path, mtime: (await stat(join(path, 'manifest.json'))).mtimeMs });
    else {
      await rm(path, { recursive: true, force: true });
      done.push(`removed an incomplete dataset ${path}`);
    }
  }
  let current = await currentVersion(paths);
  const targetExists = (await lstat(paths.target).catch(() => null)) !== null;
  if (!targetExists && complete.length > 0) {
    const newest = complete.reduce((a, b) => (b.mtime > a.mtime ? b : a));
    await linkAtomically(paths, newest.path);
    current = newest.path;
    done.push(`recovered ${paths.target} → ${newest.path}`);
  }
  for (const { path } of complete) {
    if (path === current) continue;
    await rm(path, { recursive: true, force: true });
    done.push(`removed a replaced dataset ${path}`);
  }
  return done;
}

/** A fresh staging folder for a new dataset, inside the versions folder (same file system as the link). */
export async function makeStaging(outDir: string): Promise<string> {
  const paths = swapPaths(outDir);
  await mkdir(paths.versions, { recursive: true });
  const staging = join(paths.versions, `.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(staging, { mode: 0o755 });
  return staging;
}

/** Makes the complete dataset in `staging` the current one at `outDir` in one atomic rename, then removes the previous. */
export async function publishDataset(staging: string, outDir: string, datasetVersion: string): Promise<void> {
  const paths = swapPaths(outDir);
  faultPoint('staged');
  const version = join(paths.versions, `${datasetVersion.slice(0, 16)}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`);
  await rename(staging, version);
  faultPoint('versioned');
  const previous = await currentVersion(paths);
  const info = await lstat(paths.target).catch(() => null);
  if (info && !info.isSymbolicLink()) {
    // A dataset of the previous layout (a plain folder): moved aside once, then linked like any other.
    if (!info.isDirectory()) throw new RunError(`cannot replace ${paths.target}: it is a file, not a dataset folder`);
    await rename(paths.target, join(paths.versions, `.replaced-${Date.now().toString(36)}`));
    faultPoint('moved-aside');
  }
  await linkAtomically(paths, version);
  faultPoint('swapped');
  if (previous && previous !== version) await rm(previous, { recursive: true, force: true });
  for (const entry of await readdir(paths.versions)) {
    if (entry.startsWith('.replaced-')) await rm(join(paths.versions, entry), { recursive: true, force: true });
  }
}
