// An import worker's gazetteer, from the app's own assets by the page's loaders
// (src/jurisdictions/load-browser.ts): begun by the worker's first script (./import.worker.ts) as
// soon as the page's init names the worker's role, while the body loads; loaded once a worker.
import type { Gazetteer } from '../src/jurisdictions';
import { loadDivisionRowsFromUrls, loadGazetteerFromUrls } from '../src/jurisdictions/load-browser';
import metaText from '../data/gazetteer/meta.json?raw';
import divisionsUrl from '../data/gazetteer/divisions.csv?url';
import lineageUrl from '../data/gazetteer/lineage.csv?url';
import overridesText from '../data/gazetteer/overrides.csv?raw';
import indexUrl from '../data/gazetteer/index.txt?url';
import type { ImportWorkerInit } from './import-protocol';

declare const self: DedicatedWorkerGlobalScope;

const townUrls = import.meta.glob<string>('../data/gazetteer/towns/*.csv', { query: '?url', import: 'default', eager: true });
const absolute = (url: string): string => new URL(url, self.location.href).href;

export interface WorkerGazetteer {
  /** The resolver's gazetteer (a parsing worker); null in a build worker. */
  gazetteer: Gazetteer | null;
  /** The division rows the builder reads: the gazetteer's, or loaded alone in a build worker (no lineage, no name index). */
  divisions: Pick<Gazetteer, 'rows'>;
}

let loading: Promise<WorkerGazetteer> | null = null;

async function load(role: ImportWorkerInit['role']): Promise<WorkerGazetteer> {
  const towns = Object.fromEntries(Object.entries(townUrls).map(([path, url]) => [path.slice(-6, -4), absolute(url)]));
  if (role === 'build') return { gazetteer: null, divisions: await loadDivisionRowsFromUrls({ divisions: absolute(divisionsUrl), towns }) };
  const gazetteer = await loadGazetteerFromUrls({ metaText, overridesText, divisions: absolute(divisionsUrl), lineage: absolute(lineageUrl), index: absolute(indexUrl), towns });
  return { gazetteer, divisions: gazetteer };
}

/** The worker's gazetteer for its role, begun at the first call (a worker has one role). A failed load is answered by the init that awaits it (init-failed), never an unhandled rejection. */
export function workerGazetteer(role: ImportWorkerInit['role']): Promise<WorkerGazetteer> {
  if (!loading) {
    loading = load(role);
    loading.catch(() => {});
  }
  return loading;
}
