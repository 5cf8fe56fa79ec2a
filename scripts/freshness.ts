import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../src/shared/manifest';

/** Newest modification time of a file or of any file below a folder; 0 when it does not exist. */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why the dataset must be (re)built, or null when it is current. */
export function datasetStaleReason(buildDir: string, inputs: readonly string[]): string | null {
  const manifestPath = join(buildDir, 'manifest.json');
  if (!existsSync(manifestPath)) return `${buildDir} has no dataset yet`;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { schema_version?: unknown };
    if (manifest.schema_version !== SCHEMA_VERSION) return `${buildDir} holds schema ${String(manifest.schema_version)}, this version writes ${SCHEMA_VERSION}`;
  } catch {
    return `${manifestPath} is unreadable`;
  }
  const built = statSync(manifestPath).mtimeMs;
  const changed = inputs.find((input) => newestMtime(input) > built);
  return changed ? `${changed} changed since the last ingest` : null;
}

/** Why the web app must be (re)built, or null when dist/ is current. */
export function appStaleReason(distDir: string, sources: readonly string[]): string | null {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return `${distDir} has no build yet`;
  const built = statSync(index).mtimeMs;
  const changed = sources.find((source) => newestMtime(source) > built);
  return changed ? `${changed} changed since the last build` : null;
}
