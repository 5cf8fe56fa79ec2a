// Entry of a Parquet encoding worker thread (see parquet-pool.ts): TypeScript sources load through tsx here too.
import { register } from 'tsx/esm/api';

register();
await import('./parquet-worker-main.ts');
