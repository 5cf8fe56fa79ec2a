// Issue 17 (cold start): the overview's first chart is drawn once, at its laid-out width (before,
// it was drawn unfitted, at once again fitted to the width, then resized), and shows the numbers summary.json gives,
// the same as it shows once DuckDB-WASM has answered.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSummary } from '../../src/shared/summary';
import type { Browser } from '../helpers/chromium';
import { browserSession, drawnOption, e2eContext, openApp, waitForChart, waitForEngine } from './support';

const session = browserSession();
let browser: Browser;
let page: Page;

interface FirstDraw {
  draws: number;
  option: { xAxis: { data: string[] }; series: { data: number[] }[] };
}

beforeAll(async () => {
  ({ browser, page } = session);
  // What the overview's chart had drawn, and how many times, when it first said it was ready.
  await browser.context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid="chart-overview"][data-chart-ready="true"]')) return;
      const w = window as unknown as { __gongkaiChartDraws?: Map<string, number>; __gongkaiCharts?: Map<string, unknown>; __firstOverview?: unknown };
      w.__firstOverview = { draws: w.__gongkaiChartDraws?.get('chart-overview') ?? 0, option: JSON.parse(JSON.stringify(w.__gongkaiCharts?.get('chart-overview') ?? null)) };
      observer.disconnect();
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-chart-ready'] });
  });
});

afterAll(() => {
  expect(browser.errors).toEqual([]);
});

const perYear = (option: FirstDraw['option']): Map<string, number> =>
  new Map(option.xAxis.data.map((year, i) => [year, option.series.reduce((sum, s) => sum + Number(s.data[i] ?? 0), 0)]));

describe('the first chart', () => {
  it('is drawn once, with the summary’s reports per year, and DuckDB’s answer draws the same numbers', async () => {
    await openApp(page, 'bench=1');
    await waitForEngine(page);
    await waitForChart(page, 'overview');
    const first = (await page.evaluate(() => (window as unknown as { __firstOverview?: unknown }).__firstOverview)) as FirstDraw;
    expect(first.draws).toBe(1);

    const summary = parseSummary(JSON.parse(readFileSync(join(e2eContext().dataDir, 'summary.json'), 'utf8')));
    const expected = new Map<string, number>();
    for (const row of summary.by_year_level) if (row.year !== null) expected.set(String(row.year), (expected.get(String(row.year)) ?? 0) + row.reports);
    expect(expected.size).toBeGreaterThan(3);
    expect(perYear(first.option)).toEqual(expected);

    // The live chart (DuckDB's rows, without the summary's note) keeps every bar's value.
    const live = (await drawnOption(page, 'overview')) as unknown as FirstDraw['option'];
    expect(live.xAxis.data).toEqual(first.option.xAxis.data);
    expect(live.series.map((s) => s.data)).toEqual(first.option.series.map((s) => s.data));
  });
});
