// One parse at a time, in a worker thread the pool can stop (time) and Node caps (memory).
import { parentPort } from 'node:worker_threads';
import { parseReport } from '../parse/index';
import type { ParseRequest, ParseResponse } from './parse-pool';

const port = parentPort;
if (!port) throw new Error('parse-worker-main runs in a worker thread');
port.on('message', (request: ParseRequest) => {
  const response: ParseResponse = { id: request.id, parsed: parseReport(request.bytes, { fileName: request.fileName }) };
  port.postMessage(response);
});
