// One parse at a time, in a worker thread the pool can stop (time) and Node caps (memory). Every
// format goes through the input stage (text, HTML, PDF, Word, MHTML), as in-process parsing does.
// Asked to `resolve`, the worker also ties the report to its division and makes its shingle set
// (ingest's per-report work, off the main thread; the gazetteer is loaded once per worker).
import { parentPort } from 'node:worker_threads';
import { parseDocument } from '../parse/input';
import { NODE_INPUT } from './input-node';
import { resolveReport } from './jurisdiction';
import { type ParseRequest, type ParseResponse, sendable } from './parse-pool';
import { reportShingles } from './similar/report-names';
import { traceMemory } from './memory-trace';

/** Files between two memory trace lines of a worker (GONGKAI_TRACE_MEMORY=1): its own heap, the process's RSS. */
const TRACE_EVERY = 5_000;
let parsedHere = 0;

const port = parentPort;
if (!port) throw new Error('parse-worker-main runs in a worker thread');
port.on('message', (request: ParseRequest) => {
  void parseDocument(request.bytes, { fileName: request.fileName, ...NODE_INPUT }).then((parsed) => {
    if (!request.resolve) {
      const { response, transfer } = sendable(request.id, parsed);
      port.postMessage(response, transfer);
      return;
    }
    if (++parsedHere % TRACE_EVERY === 0) traceMemory(`parse worker after ${parsedHere} files`);
    const jurisdiction = resolveReport(parsed);
    const shingles = reportShingles(parsed, jurisdiction);
    const { response, transfer } = sendable(request.id, parsed, { jurisdiction, shingles });
    port.postMessage(response satisfies ParseResponse, [...transfer, shingles.buffer as ArrayBuffer]);
  });
});
