// The user's layer as a dataset folder: built in an import worker with ingest's builder and
// layout (workers/import.worker.ts), then loaded into the data worker and offered as a zip.
import { zipSync, type Zippable } from 'fflate';
import type { BuiltFile, ImportWorkerReply, ReportRecord } from '../../../workers/import-protocol';
import type { Manifest } from '../../shared/manifest';

export interface BuiltLayer {
  manifest: Manifest;
  /** Every file of the folder in the order ingest writes them, manifest.json last. */
  files: BuiltFile[];
}

/** Builds the folder in a worker of its own, stopped afterwards (its memory goes with it). */
export function buildLayer(records: readonly ReportRecord[]): Promise<BuiltLayer> {
  const worker = new Worker(new URL('../../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'gongkai-import-build' });
  return new Promise<BuiltLayer>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<ImportWorkerReply>) => {
      const reply = event.data;
      if (reply.kind === 'ready') worker.postMessage({ kind: 'build', id: 0, records });
      else if (reply.kind === 'init-failed' || reply.kind === 'build-failed') reject(new Error(`the imported layer could not be built: ${reply.message}`));
      else if (reply.kind === 'built') resolve({ manifest: reply.manifest, files: reply.files });
    });
    worker.addEventListener('error', (event) => reject(new Error(`the imported layer could not be built: ${event.message || 'the worker failed'}`)));
    worker.postMessage({ kind: 'init', baseUrl: document.baseURI });
  }).finally(() => worker.terminate());
}

/** The Arrow files the data worker loads, by path. */
export const arrowFiles = (layer: BuiltLayer): Record<string, Uint8Array> =>
  Object.fromEntries(layer.files.filter((f) => f.path.startsWith('arrow/')).map((f) => [f.path, f.bytes]));

export const ZIP_FOLDER = 'gongkai-imported';
/** Every entry's time: a fixed date, so the same layer gives the same zip. */
const ZIP_TIME = new Date(Date.UTC(2020, 0, 1));

/** The folder as a zip (stored, not compressed: Arrow and Parquet are compressed already or small). */
export function layerZip(layer: BuiltLayer): Uint8Array {
  const entries: Zippable = {};
  for (const file of layer.files) entries[`${ZIP_FOLDER}/${file.path}`] = [file.bytes, { level: 0, mtime: ZIP_TIME }];
  return zipSync(entries);
}
