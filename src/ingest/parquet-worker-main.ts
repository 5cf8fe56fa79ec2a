// Encodes one job of table parts at a time (parquet-pool.ts): the Arrow rows arrive as IPC
// streams, the Parquet and Arrow files go back transferred.
import { parentPort } from 'node:worker_threads';
import { tableFromIPC } from 'apache-arrow';
import { encodedBuffers, encodeParts } from './encode-parts';
import type { EncodeRequest, EncodeResponse } from './parquet-pool';

const port = parentPort;
if (!port) throw new Error('parquet-worker-main runs in a worker thread');
port.on('message', (request: EncodeRequest) => {
  let response: EncodeResponse;
  try {
    // A table's own Arrow file is the gzipped stream received: the same bytes tableToIPC gives.
    response = { id: request.id, encoded: encodeParts(request.ipcs.map((ipc) => tableFromIPC(ipc)), request.mode, request.ipcs) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response, response.encoded ? encodedBuffers(response.encoded) : []);
});
