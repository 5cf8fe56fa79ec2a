// The app in real headless Chromium over the shipped dataset: every chart view renders a chart
// with series on it, the numbers shown are the dataset's, embeds render alone, Chinese resolves
// to a real CJK font, and nothing ever leaves 127.0.0.1.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/charts/format';
import { translator } from '../../src/app/i18n/messages';
import { compareSeries, datasetCounts } from '../../src/db/sql';
import type { Browser } from '../helpers/chromium';
import type { NativeDataset } from '../helpers/native-duckdb';
import { browserSession, bodyOfSeveralNames, chartInk, e2eContext, openApp, ownText, waitForChart, waitForEngine, comparePair, type Body } from './support';

const session = browserSession();
let browser: Browser;
let page: Page;
let native: NativeDataset;
/** Two bodies that state r.new.total in at least one year (most such reports first). */
let pair: [Body, Body];
const zh = translator('zh');

beforeAll(async () => {
  ({ browser, page, native } = session);
  pair = await comparePair(native);
});

describe('offline guard', () => {
  it('aborts and records a request that leaves 127.0.0.1', async () => {
    await openApp(page);
    const probe = () => fetch('http://example.invalid/x').then(() => 'fetched', () => 'blocked');
    // In the app the server's Content-Security-Policy stops it before it is even requested.
    expect(await page.evaluate(probe)).toBe('blocked');
    expect(browser.offline).toEqual([]);
    // On a page without that policy the harness aborts and records it.
    const blank = await browser.context.newPage();
    expect(await blank.evaluate(probe)).toBe('blocked');
    await blank.close();
    expect(browser.offline).toEqual(['http://example.invalid/x']);
    // The probes' own traces: the blocked request and Chromium's console lines about them.
    browser.offline.length = 0;
    browser.errors.splice(0, browser.errors.length, ...browser.errors.filter((e) => !e.includes('ERR_BLOCKED_BY_CLIENT') && !e.includes('example.invalid')));
  });
});

describe('overview', () => {
  it('loads the dataset of the manifest: KPIs are the native counts', async () => {
    // The page the guard test opened.
    await waitForEngine(page);
    const [counts] = await native.rows(datasetCounts());
    const kpi = async (key: string) => (await page.getByTestId(`kpi-${key}`).locator('.kpi-value').textContent())?.trim();
    expect(await kpi('reports')).toBe(formatNumber(native.manifest.tables.reports.rows, 'zh'));
    expect(native.manifest.tables.reports.rows).toBe(native.manifest.generated_from);
    expect(await kpi('ok')).toBe(formatNumber(Number(counts.ok), 'zh'));
    expect(await kpi('partial')).toBe(formatNumber(Number(counts.partial), 'zh'));
    expect(await kpi('failed')).toBe(formatNumber(Number(counts.failed), 'zh'));
    expect(await kpi('failing')).toBe(formatNumber(Number(counts.failing_checks), 'zh'));
    expect(await kpi('years')).toBe(`${counts.first_year}–${counts.last_year}`);
    await expect(page.getByTestId('engine-error').count()).resolves.toBe(0);
  });

  it('renders its three charts with series drawn', async () => {
    for (const id of ['overview', 'templates', 'trends']) {
      await waitForChart(page, id);
      const ink = await chartInk(page, id);
      expect(ink.width, id).toBeGreaterThan(200);
      expect(ink.coloured, `${id}: coloured pixels`).toBeGreaterThan(500);
    }
  });

  it('lists the reports with failing checks, linked to their report view', async () => {
    const failing = await native.rows({ sql: 'SELECT report_id FROM facts_wide WHERE n_failed_checks > 0 ORDER BY n_failed_checks DESC, report_id', params: [] });
    const links = page.getByTestId('failing-table').locator('tbody a');
    await expect(links.count()).resolves.toBe(failing.length);
    if (failing.length > 0) {
      const href = new URL((await links.first().getAttribute('href')) ?? '');
      expect(href.searchParams.get('view')).toBe('report');
      expect(href.searchParams.get('report')).toBe(failing[0].report_id);
    }
  });
});

describe('Chinese text', () => {
  it('renders with a real CJK font (not boxes), in the page and on canvas', async () => {
    // Still the overview page, DuckDB's charts drawn.
    await waitForChart(page, 'overview');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.brand span' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    await cdp.detach();
    expect(fonts.map((f) => f.familyName).join(', ')).toMatch(/Noto Sans CJK/);

    // Tofu boxes look alike; real glyphs of two different characters do not.
    const distinct = await page.evaluate(() => {
      const glyph = (ch: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 32;
        const ctx = canvas.getContext('2d')!;
        ctx.font = "24px 'Noto Sans CJK SC', sans-serif";
        ctx.fillText(ch, 2, 26);
        return Array.from(ctx.getImageData(0, 0, 32, 32).data).join(',');
      };
      return glyph('公') !== glyph('开') && glyph('报') !== glyph('告');
    });
    expect(distinct).toBe(true);

    const artifacts = process.env.GONGKAI_E2E_ARTIFACTS;
    if (artifacts) {
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, 'overview.png') });
    }
  });
});

describe('compare', () => {
  it('draws two bodies and shows their native values in the table, under their names', async () => {
    await openApp(page, [['view', 'compare'], ['e', pair[0].key], ['e', pair[1].key]]);
    await page.getByTestId('compare-table').waitFor({ timeout: 45_000 });
    await waitForChart(page, 'compare');
    const ink = await chartInk(page, 'compare');
    expect(ink.coloured).toBeGreaterThan(100);
    await expect(page.getByTestId('empty-compare').count()).resolves.toBe(0);

    const expected = await native.rows(compareSeries({ bodies: pair.map((b) => b.key), metric: 'r.new.total' }));
    expect(expected.some((r) => r.value !== null)).toBe(true);
    const shown = await page.getByTestId('compare-table').evaluate((table: HTMLTableElement) => {
      const years = [...table.tHead!.rows[0].cells].slice(1).map((c) => c.textContent!.trim());
      const rows = [...table.tBodies[0].rows].map((r) => ({ name: r.cells[0].textContent!.trim(), cells: [...r.cells].slice(1).map((c) => c.textContent!.trim()) }));
      return { years, rows };
    });
    // A row per series, as drawn: a body's own reports, then its area summaries when it has any.
    const areaSeries = (name: unknown) => `${String(name)} · ${zh('scope.areaSeries')}`;
    const seriesOf = (row: Record<string, unknown>) => (row.scope === 'area' ? areaSeries(row.body) : String(row.body));
    expect(shown.rows.map((r) => r.name)).toEqual(
      pair.flatMap((b) => [
        ...(expected.some((r) => r.body_key === b.key && r.scope !== 'area') ? [b.name] : []),
        ...(expected.some((r) => r.body_key === b.key && r.scope === 'area') ? [areaSeries(b.name)] : []),
      ]),
    );
    await expect.poll(() => ownText(page, '[data-testid="chip"]'), { timeout: 45_000 }).toEqual(pair.map((b) => b.name));
    expect(shown.years).toEqual([...new Set(expected.map((r) => String(r.year)))].sort());
    for (const row of expected) {
      const cell = shown.rows.find((r) => r.name === seriesOf(row))!.cells[shown.years.indexOf(String(row.year))];
      expect(cell, `${String(row.body)} ${row.year}`).toBe(`${formatNumber(row.value as number | null, 'zh')}${row.area_summary ? '*' : ''}`);
    }
  });

  it('embed URL renders the chart alone, without header, nav or toolbar', async () => {
    const href = await page.getByTestId('embed-link-compare').getAttribute('href');
    expect(href).toBeTruthy();
    const embed = new URL(href!);
    expect(embed.searchParams.get('embed')).toBe('1');
    expect(embed.searchParams.getAll('e')).toEqual(pair.map((b) => b.key));
    await page.goto(embed.href);
    await waitForChart(page, 'compare');
    expect((await chartInk(page, 'compare')).coloured).toBeGreaterThan(100);
    await expect(page.getByTestId('embed').count()).resolves.toBe(1);
    await expect(page.locator('header, nav, [data-testid^="nav-"], [data-testid="lang"], [data-testid="png-compare"], [data-testid="entity-search"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid^="chart-"]').count()).resolves.toBe(1);
  });
});

describe('a body printed under several names', () => {
  it("is one series, and an old link carrying its printed names resolves to it", async () => {
    const body = await bodyOfSeveralNames(native);
    expect(body.printed.length).toBeGreaterThanOrEqual(2);
    // An old link: one `e` per printed name. It becomes the one body's key, the rest noticed as repeats.
    await openApp(page, [['view', 'compare'], ...body.printed.map((n): [string, string] => ['e', n])]);
    await page.getByTestId('compare-table').waitFor({ timeout: 45_000 });
    await waitForChart(page, 'compare');
    expect(new URL(page.url()).searchParams.getAll('e')).toEqual([body.key]);
    await expect.poll(() => ownText(page, '[data-testid="chip"]'), { timeout: 45_000 }).toEqual([body.name]);
    await expect(page.getByTestId('compare-table').locator('tbody tr').allTextContents()).resolves.toHaveLength(1);
    await expect(page.getByTestId('compare-table').locator('tbody th').allTextContents()).resolves.toEqual([body.name]);
    const notices = await page.getByTestId('notices').locator('li').allTextContents();
    expect(notices).toHaveLength(body.printed.length - 1);
    // Its reports of every printed name are in the one series: counted per year, never added.
    const expected = await native.rows(compareSeries({ bodies: [body.key], metric: 'r.new.total' }));
    const reports = await native.rows({ sql: `SELECT count(*) AS n, count(DISTINCT issuer) AS names FROM facts_wide WHERE year IS NOT NULL AND status <> 'failed' AND division_code || coalesce('/' || nullif(department, ''), '') = ?`, params: [body.key] });
    expect(expected.reduce((s, r) => s + Number(r.reports), 0)).toBe(Number(reports[0].n));
    expect(Number(reports[0].names)).toBeGreaterThanOrEqual(2);
    expect(new Set(expected.map((r) => r.body))).toEqual(new Set([body.name]));
  });
});

describe('outcomes and review', () => {
  it('outcomes of two bodies: a bar per body, named, never keyed', async () => {
    await openApp(page, [['view', 'outcomes'], ['e', pair[0].key], ['e', pair[1].key]]);
    await waitForChart(page, 'outcomes');
    expect((await chartInk(page, 'outcomes')).coloured).toBeGreaterThan(100);
    await expect.poll(() => ownText(page, '[data-testid="chip"]'), { timeout: 45_000 }).toEqual(pair.map((b) => b.name));
  });

  it('review of one body carries its name in the title', async () => {
    await openApp(page, [['view', 'review'], ['e', pair[0].key]]);
    await page.getByTestId('review-table').locator('tbody tr').first().waitFor({ timeout: 45_000 });
    const title = `${translator('zh')('review.title')} · ${pair[0].name}`;
    await page.locator(`[role="toolbar"][aria-label="${title}"]`).waitFor({ timeout: 45_000 });
    await expect(page.getByTestId('review-table').locator('tbody th').allTextContents()).resolves.not.toContain(pair[0].key);
  });

  it('outcomes (pooled self reports) renders a stacked bar chart', async () => {
    await openApp(page, 'view=outcomes');
    await waitForChart(page, 'outcomes');
    expect((await chartInk(page, 'outcomes')).coloured).toBeGreaterThan(500);
  });

  it('applicant breakdown renders too', async () => {
    await page.getByTestId('breakdown').selectOption('applicants');
    expect(new URL(page.url()).searchParams.get('breakdown')).toBe('applicants');
    // A fresh load: the chart's first render is the applicants' one (no earlier option to wait past).
    await page.reload();
    await waitForChart(page, 'outcomes');
    await expect(page.getByTestId('breakdown').inputValue()).resolves.toBe('applicants');
    expect((await chartInk(page, 'outcomes')).coloured).toBeGreaterThan(100);
  });

  it('review & litigation renders bars with the correction rate', async () => {
    await openApp(page, 'view=review');
    await waitForChart(page, 'review');
    expect((await chartInk(page, 'review')).coloured).toBeGreaterThan(200);
    await expect(page.getByTestId('review-table').locator('tbody tr').count()).resolves.toBeGreaterThan(0);
  });
});

describe('benchmark hook', () => {
  // The URL is rewritten to its canonical form on mount (dropping `bench=1`): the flag must be
  // read before that, when the module loads.
  it('?bench=1 exposes window.__gongkai, whose client answers a built query', async () => {
    await openApp(page, 'bench=1');
    await waitForEngine(page);
    // The hook is set before the app renders anything from DuckDB, so it must be there by now.
    await expect(page.evaluate(() => 'client' in ((window as unknown as { __gongkai?: object }).__gongkai ?? {}))).resolves.toBe(true);
    const reports = await page.evaluate(async () => {
      const hook = (window as unknown as { __gongkai: { client: { query(q: unknown): Promise<{ table: { getChild(n: string): { get(i: number): unknown } | null } }> }; sql: { datasetCounts(): unknown } } }).__gongkai;
      const { table } = await hook.client.query(hook.sql.datasetCounts());
      return Number(table.getChild('reports')?.get(0));
    });
    expect(reports).toBe(native.manifest.tables.reports.rows);
  });
});

describe('whole run', () => {
  it('made no request outside 127.0.0.1 and no page error', () => {
    expect(browser.requests.length).toBeGreaterThan(10);
    expect(browser.requests.filter((u) => u.includes('/data/'))).toContain(`${e2eContext().baseUrl}data/manifest.json`);
    expect(browser.offline).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
