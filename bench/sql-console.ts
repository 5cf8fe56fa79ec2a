// npx tsx bench/sql-console.ts — the SQL console's result grid in headless Chromium over the
// shipped dataset: for results of 1,000 / 10,000 / 100,000 rows, the time from Run to the grid
// shown (worker + Arrow decode + first render), the rows in the DOM, and the frame intervals while
// the grid scrolls from top to bottom in 60 steps (one step per animation frame). Prints figures
// only: nothing here asserts a time.
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from '../tests/helpers/chromium';
import { makeTempDir } from '../tests/helpers/ingest-fixture';
import { buildApp, startPreview } from '../tests/helpers/preview-server';
import { ingestShippedCorpus } from '../tests/helpers/shipped-dataset';

const ROOT = resolve(import.meta.dirname, '..');
const SIZES = [1_000, 10_000, 100_000];
const STEPS = 60;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function main(): Promise<void> {
  const shipped = join(ROOT, 'data/build');
  const data = existsSync(join(shipped, 'manifest.json')) ? { dir: shipped, temp: false } : { dir: (await ingestShippedCorpus()).dir, temp: true };
  const dist = join(makeTempDir('gongkai-bench-sql-'), 'dist');
  await buildApp(dist, data.dir);
  const server = await startPreview(dist, data.dir);
  const browser = await launchChromium();
  try {
    const { page } = browser;
    console.log('rows     run→grid ms  DOM rows  scroll frame p50/p95/max ms');
    for (const n of SIZES) {
      const sql = `SELECT range AS i, range % 7 AS m, 'row ' || range AS label, range / 3.0 AS x FROM range(${n})`;
      await page.goto(`${server.url}?${new URLSearchParams({ view: 'sql', q: 'SELECT 1 AS warm' })}`);
      await page.getByTestId('sql-row-count').waitFor({ state: 'attached', timeout: 120_000 });
      const runMs = await page.evaluate(async (text) => {
        const started = performance.now();
        const url = new URL(window.location.href);
        url.searchParams.set('q', text);
        window.history.pushState(null, '', url);
        window.dispatchEvent(new PopStateEvent('popstate'));
        for (;;) {
          await new Promise((r) => requestAnimationFrame(r));
          const shown = document.querySelector('[data-testid="sql-row-count"]')?.textContent;
          if (shown === String(text.match(/range\((\d+)\)/)![1])) return performance.now() - started;
        }
      }, sql);
      const scroll = await page.getByTestId('sql-grid').evaluate(async (grid, steps) => {
        const frames: number[] = [];
        let last = performance.now();
        let domRows = 0;
        for (let s = 1; s <= steps; s++) {
          grid.scrollTop = (grid.scrollHeight - grid.clientHeight) * (s / steps);
          await new Promise((r) => requestAnimationFrame(r));
          const now = performance.now();
          frames.push(now - last);
          last = now;
          domRows = Math.max(domRows, grid.querySelectorAll('[data-row]').length);
        }
        return { frames, domRows };
      }, STEPS);
      console.log(
        `${String(n).padEnd(8)} ${runMs.toFixed(0).padStart(11)}  ${String(scroll.domRows).padStart(8)}  ${percentile(scroll.frames, 50).toFixed(1)}/${percentile(scroll.frames, 95).toFixed(1)}/${Math.max(...scroll.frames).toFixed(1)}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(resolve(dist, '..'), { recursive: true, force: true });
    if (data.temp) rmSync(resolve(data.dir, '..'), { recursive: true, force: true });
  }
}

await main();
