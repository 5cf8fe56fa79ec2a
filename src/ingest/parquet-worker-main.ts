// Encodes one table part as Parquet at a time (parquet-pool.ts): the Arrow rows arrive as an IPC
// stream, the Parquet bytes go back transferred.
import { parentPort } from 'node:worker_threads';
import { tableFromIPC } from 'apache-arrow';
import { tableToParquet } from '../shared/parquet';
import type { EncodeRequest, EncodeResponse } from './parquet-pool';

const port = parentPort;
if (!port) throw new Error('parquet-worker-main runs in a worker thread');
port.on('message', (request: EncodeRequest) => {
  let response: EncodeResponse;
  try {
    response = { id: request.id, parquet: tableToParquet(tableFromIPC(request.ipc)) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response, response.parquet ? [response.parquet.buffer as ArrayBuffer] : []);
});
