// Entry of a parse worker thread (see parse-pool.ts): TypeScript sources load through tsx here too.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker-main.ts');
