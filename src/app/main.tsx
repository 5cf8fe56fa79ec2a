// The entry: starts the data worker (DuckDB-WASM's fetch and compile are most of the wait) and the
// summary's fetch first, then loads the app (React, ECharts, the views), whose code takes as long
// again to load and run on a cold visit. Nothing here imports the app's code statically.
import { startDataset } from './data/dataset';
import './styles.css';

performance.mark('gongkai:entry');
startDataset();
void import('./boot');
