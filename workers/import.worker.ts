/// <reference lib="webworker" />
// An import worker's first script (small): at the page's init it begins loading the gazetteer
// (./import-gazetteer.ts: its files fetched, their rows read, the name index) while the body
// (./import-worker-body.ts: the parser, the layer's builder, ~0.7 MB) is fetched, compiled and
// evaluated. Loaded one after the other, the body's script took 0.9-2.2 s from the worker's start
// and the gazetteer's fetches 0.6-1.1 s more before any row was read (load 12-16). Messages that
// arrive meanwhile wait for the body, in order.
import { workerGazetteer } from './import-gazetteer';
import type { BuildJob, ImportJob, ImportWorkerInit } from './import-protocol';

declare const self: DedicatedWorkerGlobalScope;

// A promise rejected and never handled (an async step that fails outside the chains that answer
// for it, the body's script that cannot be loaded) would leave the worker silent, as a slow one
// is: the pool would wait out its start limit (60 + 120 + 240 s) before failing its files. Thrown
// here, it is the worker's error, heard at once.
self.addEventListener('unhandledrejection', (event) => {
  throw event.reason instanceof Error ? event.reason : new Error(String(event.reason));
});

type Message = ImportWorkerInit | ImportJob | BuildJob;
const waiting: Message[] = [];
let deliver = (data: Message): void => {
  // The test hooks' workers (never ready, or failing as they load) load nothing.
  if (data.kind === 'init' && !data.stall && !data.die) void workerGazetteer(data.role);
  waiting.push(data);
};
self.addEventListener('message', (event: MessageEvent<Message>) => deliver(event.data));

void import('./import-worker-body').then(({ startImportWorker }) => {
  deliver = startImportWorker();
  for (const data of waiting.splice(0)) deliver(data);
});
