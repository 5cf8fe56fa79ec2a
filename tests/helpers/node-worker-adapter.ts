import { Worker } from 'node:worker_threads';
import type { WorkerLike } from '../../src/db/client';

/** worker_threads behind the Web Worker surface the data client uses; a thread exit is an error event. */
export function startNodeDataWorker(): { worker: WorkerLike; thread: Worker } {
  const thread = new Worker(new URL('./node-data-worker-boot.mjs', import.meta.url));
  const worker: WorkerLike = {
    postMessage: (message) => thread.postMessage(message),
    addEventListener(type: string, listener: (event: { data: unknown; message?: string }) => void) {
      if (type === 'message') thread.on('message', (data) => listener({ data }));
      else if (type === 'messageerror') thread.on('messageerror', () => listener({ data: null }));
      else {
        thread.on('error', (error) => listener({ data: null, message: error.message }));
        thread.on('exit', (code) => listener({ data: null, message: `worker exited with code ${code}` }));
      }
    },
    terminate: () => void thread.terminate(),
  };
  return { worker, thread };
}
