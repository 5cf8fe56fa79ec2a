/// <reference lib="webworker" />
// An import worker: the page's copy of ingest's read-parse-resolve step (src/ingest/read-report.ts)
// for one file at a time, with the same parser (parseDocument), gazetteer files and resolver. The
// gazetteer comes from the app's own assets; pdf.js's CMaps and fonts from ./pdfjs/. No request
// leaves the page's origin. The pool (src/app/user/import-pool.ts) stops a worker that runs over.
import { failedReport, MAX_FILE_BYTES, tooLargeError, withReason } from '../src/ingest/failed-report';
import type { Gazetteer } from '../src/jurisdictions';
import { loadGazetteerFromUrls } from '../src/jurisdictions/load-browser';
import { resolveParsedReport } from '../src/jurisdictions/report-division';
import { parseDocument } from '../src/parse/input';
import metaUrl from '../data/gazetteer/meta.json?url';
import divisionsUrl from '../data/gazetteer/divisions.csv?url';
import lineageUrl from '../data/gazetteer/lineage.csv?url';
import overridesUrl from '../data/gazetteer/overrides.csv?url';
import indexUrl from '../data/gazetteer/index.txt?url';
import type { ImportJob, ImportWorkerInit, ImportWorkerReply } from './import-protocol';

declare const self: DedicatedWorkerGlobalScope;

const townUrls = import.meta.glob<string>('../data/gazetteer/towns/*.csv', { query: '?url', import: 'default', eager: true });
const absolute = (url: string): string => new URL(url, self.location.href).href;

let gazetteer: Gazetteer | null = null;
let pdf: { cMapUrl: string; standardFontDataUrl: string } | null = null;

const reply = (message: ImportWorkerReply) => self.postMessage(message);
const hex = (digest: ArrayBuffer): string => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');

async function init(message: ImportWorkerInit): Promise<void> {
  const towns = Object.fromEntries(Object.entries(townUrls).map(([path, url]) => [path.slice(-6, -4), absolute(url)]));
  gazetteer = await loadGazetteerFromUrls({
    meta: absolute(metaUrl),
    divisions: absolute(divisionsUrl),
    lineage: absolute(lineageUrl),
    overrides: absolute(overridesUrl),
    index: absolute(indexUrl),
    towns,
  });
  const base = new URL('pdfjs/', message.baseUrl).href;
  pdf = { cMapUrl: `${base}cmaps/`, standardFontDataUrl: `${base}standard_fonts/` };
}

async function parse(job: ImportJob): Promise<void> {
  const sha256 = hex(await crypto.subtle.digest('SHA-256', job.bytes as Uint8Array<ArrayBuffer>));
  const size = job.bytes.byteLength;
  const parsed = size > MAX_FILE_BYTES ? failedReport(tooLargeError(size)) : withReason(await parseDocument(job.bytes, { fileName: job.fileName, pdf: pdf! }));
  reply({ kind: 'parsed', id: job.id, file: { parsed, jurisdiction: resolveParsedReport(parsed, gazetteer!), sha256, bytes: size } });
}

self.addEventListener('message', (event: MessageEvent<ImportWorkerInit | ImportJob>) => {
  const message = event.data;
  if (message.kind === 'init') {
    init(message).then(
      () => reply({ kind: 'ready' }),
      (error: unknown) => reply({ kind: 'init-failed', message: error instanceof Error ? error.message : String(error) }),
    );
  } else if (message.kind === 'parse') {
    void parse(message);
  }
});
