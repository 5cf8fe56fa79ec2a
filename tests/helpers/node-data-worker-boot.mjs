// worker_threads cannot start a .ts file; register tsx in the thread, then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./node-data-worker.ts');
