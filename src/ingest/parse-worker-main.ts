// One parse at a time, in a worker thread the pool can stop (time) and Node caps (memory). Every
// format goes through the input stage (text, HTML, PDF, Word, MHTML), as in-process parsing does.
import { parentPort } from 'node:worker_threads';
import { parseDocument } from '../parse/input';
import { NODE_INPUT } from './input-node';
import type { ParseRequest, ParseResponse } from './parse-pool';

const port = parentPort;
if (!port) throw new Error('parse-worker-main runs in a worker thread');
port.on('message', (request: ParseRequest) => {
  void parseDocument(request.bytes, { fileName: request.fileName, ...NODE_INPUT }).then((parsed) => {
    const response: ParseResponse = { id: request.id, parsed };
    port.postMessage(response);
  });
});
