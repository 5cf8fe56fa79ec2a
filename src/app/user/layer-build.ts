// The user's layer built from the reports kept in IndexedDB, in an import worker of its own with
// ingest's builder (workers/import.worker.ts): the page never holds the reports. The worker
// builds the page's layer (every kept report, Arrow only) and is
// stopped afterwards (its memory goes with it); the zip, with ingest's whole layout, is built
// the same way when asked for.
import type { ImportWorkerInit, ImportWorkerReply } from '../../../workers/import-protocol';
import type { Manifest } from '../../shared/manifest';

export interface BuiltLayer {
  manifest: Manifest;
  /** The Arrow streams the data worker loads, by path (src/app/user/layer-arrow.ts). */
  files: Record<string, Uint8Array>;
  /** The OPFS folder the files are in instead (src/db/user-layer-spill.ts); null: in `files`. */
  spill: string | null;
  /** The layer's files the dataset holds too: the dataset's report id by sha256 (set by the page). */
  copies?: Record<string, string>;
}

export interface LayerBuild {
  /** The layer of every kept report. */
  build(): Promise<BuiltLayer>;
  /** The dataset folder of every kept report, zipped, with its dataset_version. */
  zip(): Promise<{ version: string; bytes: Uint8Array }>;
  close(): void;
}

const failure = (message: string) => new Error(`the imported layer could not be built: ${message}`);

/**
 * Starts the worker at once (it loads the gazetteer's division rows meanwhile); its jobs wait until it is ready.
 */
export function openLayerBuild(): LayerBuild {
  const worker = new Worker(new URL('../../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'gongkai-import-build' });
  const waiting = new Map<number, { resolve(reply: ImportWorkerReply): void; reject(error: Error): void }>();
  let nextId = 1;
  let failed: Error | null = null;
  const fail = (error: Error) => {
    failed = error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<ImportWorkerReply>) => {
      const reply = event.data;
      if (reply.kind === 'ready') resolve();
      else if (reply.kind === 'init-failed') {
        reject(failure(reply.message));
        fail(failure(reply.message));
      } else if ('id' in reply) {
        const w = waiting.get(reply.id);
        waiting.delete(reply.id);
        if (reply.kind === 'build-failed') w?.reject(failure(reply.message));
        else w?.resolve(reply);
      }
    });
    worker.addEventListener('error', (event) => {
      const error = failure(event.message || 'the worker failed');
      reject(error);
      fail(error);
    });
  });
  ready.catch(() => {});
  worker.postMessage({ kind: 'init', baseUrl: document.baseURI, role: 'build' } satisfies ImportWorkerInit);
  const ask = async (message: { kind: 'build'; zip: boolean }): Promise<ImportWorkerReply> => {
    await ready;
    if (failed) throw failed;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  };
  return {
    async build() {
      const reply = await ask({ kind: 'build', zip: false });
      if (reply.kind !== 'built') throw failure(`unexpected answer ${reply.kind}`);
      return { manifest: reply.manifest, files: Object.fromEntries(reply.files.map((f) => [f.path, f.bytes])), spill: reply.spill };
    },
    async zip() {
      const reply = await ask({ kind: 'build', zip: true });
      if (reply.kind !== 'zipped') throw failure(`unexpected answer ${reply.kind}`);
      return { version: reply.version, bytes: reply.bytes };
    },
    close: () => worker.terminate(),
  };
}
