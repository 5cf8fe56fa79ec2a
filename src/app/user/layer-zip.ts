// The user's layer as a zip: the dataset folder ingest writes, under one folder, stored (Arrow and
// Parquet are compressed already or small) with a fixed time, so the same layer gives the same zip.
import { zipSync, type Zippable } from 'fflate';
import type { BuiltFile } from '../../../workers/import-protocol';

export const ZIP_FOLDER = 'gongkai-imported';
const ZIP_TIME = new Date(Date.UTC(2020, 0, 1));

export function folderZip(files: readonly BuiltFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) entries[`${ZIP_FOLDER}/${file.path}`] = [file.bytes, { level: 0, mtime: ZIP_TIME }];
  return zipSync(entries);
}
