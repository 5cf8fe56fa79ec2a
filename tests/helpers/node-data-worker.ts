// A data worker for Node tests: the production handler and engine in a worker_threads thread.
// `{crash: code}` makes the thread die the way a browser worker can (out of memory, a wasm trap).
import { parentPort } from 'node:worker_threads';
import { isRequest, transferList } from '../../src/db/protocol';
import { createNodeHandler } from './duckdb-wasm-node';

const port = parentPort!;
const handler = createNodeHandler();
port.on('message', (message: unknown) => {
  const crash = (message as { crash?: number })?.crash;
  if (typeof crash === 'number') process.exit(crash);
  if (!isRequest(message)) return;
  void handler.handle(message).then((response) => port.postMessage(response, transferList(response)));
});
