// pdfjs-dist ships no types for its worker module; it is loaded only to run on this thread.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
