// Issue 17 (cold start): each view's code is loaded when first shown. Every view's URL still renders
// that view (its first chart drawn with every series of its option: a chart needing ECharts' extra
// parts waits for them), a page fetches no other view's code, the overview none of the extra parts,
// and the overview's KPIs and templates donut are shown from summary.json before DuckDB has
// answered, with the numbers DuckDB then gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/charts/format';
import { VIEWS, type View } from '../../src/app/state/url-state';
import { chartIds } from '../../src/app/views/registry';
import { parseSummary } from '../../src/shared/summary';
import { translator } from '../../src/app/i18n/messages';
import { templateLabel } from '../../src/app/views/common';
import type { Browser } from '../helpers/chromium';
import { browserSession, busiestCountyYear, comparePair, drawnOption, e2eContext, openApp, READY_TIMEOUT, waitForChart, waitForEngine } from './support';

const session = browserSession();
let browser: Browser;
let page: Page;
let urls: Record<View, [string, string][]>;
const GUANGZHOU = '440100';

beforeAll(async () => {
  ({ browser, page } = session);
  const pair = await comparePair(session.native);
  const year = String(await busiestCountyYear(session.native, GUANGZHOU, 'p.website'));
  const bodies: [string, string][] = [['e', pair[0].key], ['e', pair[1].key]];
  urls = {
    overview: [],
    compare: bodies,
    outcomes: bodies,
    review: bodies,
    benchmark: [['parent', GUANGZHOU], ['year', year], ['metric', 'p.website']],
    // A district whose departments' figures the reconciliation draws (views17.test.ts).
    reconcile: [['parent', '440105'], ['year', '2020']],
    coverage: [['parent', GUANGZHOU], ['year', year]],
    similar: [['parent', GUANGZHOU]],
    map: [['year', year]],
    report: [],
    data: [],
    sql: [],
    methods: [],
    briefing: [],
  };
});

afterAll(() => {
  expect(browser.errors).toEqual([]);
});

/** What each view without a chart shows once its code has run. */
const CHARTLESS: Partial<Record<View, string>> = {
  similar: '[data-testid="panel-similar"]',
  report: '[data-testid="report-search"]',
  data: '.view.data',
  sql: '.view.sql-console',
  methods: '.view.methods',
  briefing: '.view.briefing',
};

/** The chunks of view modules a page asked for (file names start with the module's name). */
const VIEW_CHUNK = /\/assets\/(Overview|Compare|Outcomes|Review|Benchmark|Reconcile|Coverage|Similar|MapView|Report|Data|SqlConsole|Methods|Briefing)-[\w-]+\.js$/;
const EXTRAS_CHUNK = /\/assets\/echarts-extras-[\w-]+\.js$/;

async function requested(open: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const record = (request: { url(): string }) => seen.push(request.url());
  page.on('request', record);
  try {
    await open();
  } finally {
    page.off('request', record);
  }
  return seen;
}

describe('each view’s URL', () => {
  it.each(VIEWS.map((v) => [v]))('%s renders its view, its first chart with every series', async (view) => {
    const seen = await requested(async () => {
      await openApp(page, [['view', view], ['bench', '1'], ...urls[view]]);
      await expect(page.getByTestId(`nav-${view}`).getAttribute('aria-current')).resolves.toBe('page');
      const [chart] = chartIds(view);
      if (chart) {
        await waitForChart(page, chart);
        const drawn = (await drawnOption(page, chart)) as { series: { type: string; data: unknown[] }[] };
        // What the instance holds: a series type ECharts had not registered would be missing here.
        const held = await page.evaluate((testId) => {
          const instance = (window as unknown as { __gongkaiChartInstances: Map<string, { getOption(): { series: { type: string; data: unknown[] }[] } }> }).__gongkaiChartInstances.get(testId)!;
          return instance.getOption().series.map((s) => [s.type, s.data.length]);
        }, `chart-${chart}`);
        expect(drawn.series.length).toBeGreaterThan(0);
        expect(held).toEqual(drawn.series.map((s) => [s.type, s.data.length]));
        if (view === 'overview') expect(drawn.series.some((s) => s.data.some((v) => typeof v === 'number' && v > 0))).toBe(true);
      } else {
        await page.locator(CHARTLESS[view]!).first().waitFor({ timeout: READY_TIMEOUT });
      }
      await expect(page.getByTestId('view-loading').count()).resolves.toBe(0);
    });
    // Its own code and no other view's (the overview's is preloaded by every page's head).
    const views = new Set(seen.map((url) => VIEW_CHUNK.exec(url)?.[1]).filter((name): name is string => name !== undefined));
    views.delete('Overview');
    const own = { map: 'MapView', sql: 'SqlConsole' }[view as string] ?? view[0].toUpperCase() + view.slice(1);
    // The data view reads the other views' queries (their modules), the briefing draws their charts.
    if (view !== 'data' && view !== 'briefing' && view !== 'overview') expect([...views]).toEqual([own]);
    if (view === 'overview') {
      expect([...views]).toEqual([]);
      expect(seen.filter((url) => EXTRAS_CHUNK.test(url))).toEqual([]);
    }
  });
});

describe('the overview before DuckDB has answered', () => {
  it('shows the KPIs and the templates donut from the summary, and DuckDB’s answer shows the same numbers', async () => {
    await page.goto('about:blank');
    await browser.context.addInitScript(() => {
      const w = window as unknown as { __firstKpis?: unknown; __firstTemplates?: unknown; __firstTemplatesText?: string; __gongkaiCharts?: Map<string, unknown> };
      new MutationObserver(() => {
        const kpis = document.querySelector('[data-testid="kpis"][data-from-summary="true"]');
        if (kpis && !w.__firstKpis) w.__firstKpis = [...kpis.querySelectorAll('[data-kpi]')].map((k) => [k.getAttribute('data-kpi'), k.querySelector('.kpi-value')?.textContent]);
        if (!w.__firstTemplates && document.querySelector('[data-testid="chart-templates"][data-chart-ready="true"]')) {
          w.__firstTemplates = JSON.parse(JSON.stringify(w.__gongkaiCharts?.get('chart-templates') ?? null));
          w.__firstTemplatesText = document.querySelector('[data-testid="description-templates"]')?.textContent ?? '';
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-chart-ready'] });
    });
    await openApp(page, 'bench=1');
    await waitForEngine(page);
    await waitForChart(page, 'templates');
    const first = (await page.evaluate(() => {
      const w = window as unknown as { __firstKpis?: [string, string][]; __firstTemplates?: { graphic: unknown; series: { data: { name: string; value: number }[] }[] }; __firstTemplatesText?: string };
      return { kpis: w.__firstKpis, templates: w.__firstTemplates, templatesText: w.__firstTemplatesText };
    })) as { kpis?: [string, string][]; templates?: { graphic: unknown; series: { data: { name: string; value: number }[] }[] }; templatesText?: string };

    const summary = parseSummary(JSON.parse(readFileSync(join(e2eContext().dataDir, 'summary.json'), 'utf8')));
    expect(first.kpis).toBeDefined();
    const shown = new Map(first.kpis);
    expect(shown.get('reports')).toBe(formatNumber(summary.reports, 'zh'));
    expect(shown.get('failing')).toBe(formatNumber(summary.failing_checks, 'zh'));
    expect(shown.get('years')).toBe(`${summary.years![0]}–${summary.years![1]}`);
    // DuckDB's KPIs (kpi-… test ids mark its answer) say the same.
    const live = await page.locator('[data-testid="kpis"] [data-kpi]').evaluateAll((els) => els.map((k) => [k.getAttribute('data-kpi'), k.querySelector('.kpi-value')?.textContent]));
    await expect(page.locator('[data-testid="kpis"][data-from-summary]').count()).resolves.toBe(0);
    expect(live).toEqual(first.kpis);

    // The donut first drawn from the summary, saying so in its notes, then from DuckDB with the same slices.
    expect(first.templates).toBeDefined();
    expect(JSON.stringify(first.templates!.graphic)).toContain('预计算摘要');
    const after = (await drawnOption(page, 'templates')) as unknown as { graphic: unknown; series: { data: { name: string; value: number }[] }[] };
    expect(JSON.stringify(after.graphic)).not.toContain('预计算摘要');
    const slices = (o: { series: { data: { name: string; value: number }[] }[] }) => o.series[0].data.map((d) => [d.name, d.value]);
    expect(slices(first.templates!)).toEqual(slices(after));
    expect(slices(after).reduce((sum, [, v]) => sum + Number(v), 0)).toBe(summary.reports);

    // Of each template, how many reports print it and how many have it from their year alone (audit38 F1):
    // the reports table's numbers, said in the donut's notes drawn from the summary and from DuckDB alike.
    const bases = await session.native.rows({ sql: `SELECT template, template_basis, count(*) AS n FROM reports WHERE template IS NOT NULL GROUP BY ALL ORDER BY ALL`, params: [] });
    const count = (template: string, basis: string) => Number(bases.find((r) => r.template === template && r.template_basis === basis)?.n ?? 0);
    expect(count('table2021', 'year')).toBeGreaterThan(0);
    const zh = translator('zh');
    const parts = [...new Set(bases.map((r) => String(r.template)))].map((template) => zh('overview.templatePart', {
      template: templateLabel(zh, template), reports: formatNumber(count(template, 'printed') + count(template, 'year'), 'zh'), printed: formatNumber(count(template, 'printed'), 'zh'), year: formatNumber(count(template, 'year'), 'zh'),
    }));
    const note = zh('overview.templatesBasis', { parts: parts.join('；') });
    expect(first.templatesText).toContain(note);
    await expect(page.getByTestId('description-templates').textContent()).resolves.toContain(note);
  });
});

describe('a view whose code cannot load', () => {
  it('says so in both languages in the view’s place, the header and the other views still there (no blank page)', async () => {
    const chunk = /\/assets\/Methods-[\w-]+\.js$/;
    await page.route(chunk, (route) => route.abort());
    try {
      await openApp(page, [['view', 'methods']]);
      const alert = page.getByTestId('view-failed');
      await alert.waitFor({ timeout: READY_TIMEOUT });
      await expect(alert.getAttribute('role')).resolves.toBe('alert');
      await expect(alert.textContent()).resolves.toMatch(/此部分未能显示.*could not be shown/);
      await expect(page.getByTestId('nav-overview').count()).resolves.toBe(1);
      // Another view is drawn in its place (the boundary tries again for another view).
      await page.getByTestId('nav-overview').click();
      await waitForChart(page, 'overview');
      await expect(page.getByTestId('view-failed').count()).resolves.toBe(0);
    } finally {
      await page.unroute(chunk);
      // the aborted chunk and the error it raised are this test's doing: nothing else is expected
      browser.errors.splice(0, browser.errors.length, ...browser.errors.filter((e) => !/Failed to load resource: net::ERR_FAILED|Failed to fetch dynamically imported module|Methods-/.test(e)));
    }
  });
});

describe('the SVG export whose code cannot load', () => {
  it('says so in both languages beside the chart, and the chart stays', async () => {
    const chunk = /\/assets\/svg-[\w-]+\.js$/;
    await page.route(chunk, (route) => route.abort());
    try {
      await openApp(page, [['view', 'overview']]);
      await waitForChart(page, 'overview');
      await expect(page.getByTestId('svg-failed-overview').count()).resolves.toBe(0);
      await page.getByTestId('svg-overview').click();
      const alert = page.getByTestId('svg-failed-overview');
      await alert.waitFor({ timeout: READY_TIMEOUT });
      await expect(alert.getAttribute('role')).resolves.toBe('alert');
      await expect(alert.textContent()).resolves.toMatch(/此部分未能显示.*could not be shown/);
      await expect(page.getByTestId('chart-overview').count()).resolves.toBe(1);
    } finally {
      await page.unroute(chunk);
      browser.errors.splice(0, browser.errors.length, ...browser.errors.filter((e) => !/Failed to load resource: net::ERR_FAILED|Failed to fetch dynamically imported module|svg-/.test(e)));
    }
  });
});
