// The entry: spawns the data worker (DuckDB-WASM's fetch and compile are most of the wait) and
// starts the manifest's and summary's fetches first (early.ts, which imports nothing heavy), then
// loads the data client, which sends the worker its init, and the app (React, ECharts, the views),
// whose code takes as long again to load and run on a cold visit, and the code of the view the URL
// shows beside it (views/loaders.ts). Nothing here imports any of them statically.
import { startEarly } from './data/early';
import { preloadView } from './views/loaders';
import './styles.css';

performance.mark('gongkai:entry');
startEarly();
// Failures are met again, with their message, when the app's provider starts the dataset.
import('./data/dataset').then(({ startDataset }) => startDataset(), () => {});
import('./boot').catch((error: unknown) => {
  // The app's code did not load (a site updated since this page was opened, or the network gone):
  // say so instead of a blank page. The app's translations are in that code, so both languages here.
  const root = document.getElementById('root');
  if (!root) return;
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'error';
  message.dataset.testid = 'boot-failed';
  message.textContent = `页面代码未能加载，请刷新页面。 The page's code did not load; reload the page. (${error instanceof Error ? error.message : String(error)})`;
  root.replaceChildren(message);
});
preloadView(window.location.search);
