// Shared by the e2e test files: the server started by global-setup.ts, one Chromium per file,
// and page helpers that wait on the app's test hooks (never on time).
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium, type Browser, type LaunchOptions } from '../helpers/chromium';
import { BODY_KEY_SQL, benchmarkChildren } from '../../src/db/sql';
import { openNativeDataset, type NativeDataset } from '../helpers/native-duckdb';
import type { E2eContext } from './global-setup';

export const READY_TIMEOUT = 45_000;

export const e2eContext = (): E2eContext => inject('gongkaiE2e');

export const openBrowser = (options?: LaunchOptions): Promise<Browser> => launchChromium(options);

/** Native DuckDB over the dataset the server serves: where the tests take their expectations. */
export const openNative = (): Promise<NativeDataset> => openNativeDataset(e2eContext().dataDir);

export interface BrowserSession {
  browser: Browser;
  page: Page;
  native: NativeDataset;
}

/**
 * A test file's Chromium and native DuckDB, opened before its tests and closed after them. Call it
 * at the top of the file; read `page` and `native` inside the tests (they are set by then).
 */
export function browserSession(options?: LaunchOptions): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    [session.browser, session.native] = await Promise.all([openBrowser(options), openNative()]);
    session.page = session.browser.page;
  });
  afterAll(async () => {
    session.native?.close();
    await session.browser?.close();
  });
  return session;
}

/** The app's URL for a query string (`view=compare&e=…`) or a list of parameters. */
export function appUrl(query: string | [string, string][] = ''): string {
  const search = typeof query === 'string' ? query : new URLSearchParams(query).toString();
  return `${e2eContext().baseUrl}${search ? `?${search.replace(/^\?/, '')}` : ''}`;
}

export async function openApp(page: Page, query: string | [string, string][] = ''): Promise<void> {
  await page.goto(appUrl(query));
}

export const chartSelector = (id: string): string => `[data-testid="chart-${id}"]`;

/** Waits until the chart has finished rendering its current option. */
export async function waitForChart(page: Page, id: string): Promise<void> {
  await page.locator(`${chartSelector(id)}[data-chart-ready="true"]`).waitFor({ state: 'visible', timeout: READY_TIMEOUT });
}

/** Waits until DuckDB-WASM answered the overview's count query (the KPIs show). */
export async function waitForEngine(page: Page): Promise<void> {
  await page.getByTestId('kpi-reports').waitFor({ timeout: READY_TIMEOUT });
}

export interface Ink {
  width: number;
  height: number;
  /** Pixels in colour (series), not white, grey or black (text, axes). */
  coloured: number;
  /** Pixels that are not the white background. */
  nonBlank: number;
}

/** Reads the chart's canvas back: a chart without series has text and axes but no coloured pixels. */
export async function chartInk(page: Page, id: string): Promise<Ink> {
  return page.locator(`${chartSelector(id)} canvas`).first().evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('chart canvas has no 2d context');
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let coloured = 0;
    let nonBlank = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a === 0 || (r > 245 && g > 245 && b > 245)) continue;
      nonBlank++;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
    }
    return { width: canvas.width, height: canvas.height, coloured, nonBlank };
  });
}

export interface Downloaded {
  name: string;
  bytes: Buffer;
}

/** Clicks a button that saves a file through an <a download>, and returns the file. */
export async function downloadFrom(page: Page, testId: string): Promise<Downloaded> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: READY_TIMEOUT }), page.getByTestId(testId).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

/** Text of an element's own text nodes (a chip without its × button). */
export async function ownText(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((nodes) =>
    nodes.map((n) => [...n.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent ?? '').join('').trim()),
  );
}

/** Splits a CSV the app wrote (CRLF, RFC 4180 quoting) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A native value as the app's CSV writes it (absent → empty cell). */
export function csvCellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** A body as the tests pick it: its key (the URL's `e`) and the name the app shows. */
export interface Body {
  key: string;
  name: string;
}

/** The two bodies stating r.new.total in the most reports: the compare pair of every e2e file. */
/** The year in which most county-level units under `city` state their new requests: the benchmark's busiest year. */
/**
 * The year in which the benchmark of a city's children ranks the most children stating `metric`
 * (the latest of ties): the year its chart draws fullest. Counted by the benchmark's own query, so
 * a report that is not a child government's own (a department's, an area summary) never makes a
 * year look drawable.
 */
export async function busiestCountyYear(native: NativeDataset, city: string, metric = 'r.new.total'): Promise<number> {
  const years = await native.rows({ sql: 'SELECT DISTINCT year FROM facts_wide WHERE parent_code = ? ORDER BY year DESC', params: [city] });
  let best: { year: number; stated: number } | null = null;
  for (const { year } of years) {
    const rows = await native.rows(benchmarkChildren({ parent: city, year: Number(year), metric }));
    const stated = rows.filter((r) => r.value !== null).length;
    if (stated > (best?.stated ?? 0)) best = { year: Number(year), stated };
  }
  if (!best) throw new Error(`no child of ${city} states ${metric} in any year`);
  return best.year;
}

export async function comparePair(native: NativeDataset): Promise<[Body, Body]> {
  const rows = await native.rows({
    sql: `SELECT e.key, e.name, count(*) AS n
          FROM (SELECT ${BODY_KEY_SQL} AS key FROM facts_wide WHERE r_new_total IS NOT NULL AND status <> 'failed') f
          JOIN entities e USING (key)
          GROUP BY ALL ORDER BY n DESC, e.key LIMIT 2`,
    params: [],
  });
  if (rows.length < 2) throw new Error('the shipped dataset needs two bodies stating r.new.total');
  return [{ key: String(rows[0].key), name: String(rows[0].name) }, { key: String(rows[1].key), name: String(rows[1].name) }];
}

/** A body whose reports print it under two names or more (most names, then most reports, first). */
export async function bodyOfSeveralNames(native: NativeDataset): Promise<Body & { printed: string[] }> {
  const rows = await native.rows({
    sql: `SELECT key, name, printed_names FROM entities WHERE len(printed_names) >= 2 ORDER BY len(printed_names) DESC, reports DESC, key LIMIT 1`,
    params: [],
  });
  if (rows.length === 0) throw new Error('the shipped dataset has no body printed under two names');
  return { key: String(rows[0].key), name: String(rows[0].name), printed: (rows[0].printed_names as unknown[]).map(String) };
}

/** A chart's CSV download as a header and rows of cells, a cell addressed by column name. */
export async function csvOf(page: Page, testId: string): Promise<{ header: string[]; rows: string[][]; cell: (r: string[], c: string) => string }> {
  const [header, ...rows] = parseCsv((await downloadFrom(page, testId)).bytes.toString('utf8').replace(/^\ufeff/, ''));
  return { header, rows, cell: (r, c) => r[header.indexOf(c)] };
}

export interface Box {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The boxes of an SVG export's texts containing `needle` (every text for ''), as Chromium lays them out. Replaces the page. */
export async function svgTextBoxes(page: Page, svg: string, needle = ''): Promise<Box[]> {
  await page.setContent(svg);
  return page.evaluate(
    (n) =>
      [...document.querySelectorAll('text')]
        .filter((t) => (t.textContent ?? '').includes(n))
        .map((t) => {
          const r = t.getBoundingClientRect();
          return { text: t.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
        }),
    needle,
  );
}

export const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** `#RRGGBB` of an SVG colour written as hex or rgb(). */
export function hexOf(colour: string): string | null {
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  if (rgb) return `#${rgb.slice(1, 4).map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
  return /^#[0-9a-f]{6}$/i.test(colour) ? colour.toUpperCase() : null;
}

/**
 * The option a chart last finished drawing, as JSON (its formatters dropped): recorded by
 * src/charts/Chart.tsx when the URL has `bench`, so open the app with `bench=1`.
 */
export async function drawnOption(page: Page, id: string): Promise<Record<string, unknown>> {
  return page.evaluate((testId) => {
    const option = (window as unknown as { __gongkaiCharts?: Map<string, unknown> }).__gongkaiCharts?.get(testId);
    if (!option) throw new Error(`no drawn option for ${testId} (open the app with bench=1)`);
    return JSON.parse(JSON.stringify(option)) as Record<string, unknown>;
  }, `chart-${id}`);
}

/** Copies a chart's embed code, opens its iframe's page at the iframe's size: the iframe's height and the page laid out there. */
export async function embedAsCopied(page: Page, id: string): Promise<{ height: number; laid: number; scroll: number }> {
  await page.getByTestId(`embed-${id}`).click();
  await page.getByTestId(`embed-${id}`).filter({ hasText: /已复制|Copied/ }).waitFor({ timeout: READY_TIMEOUT });
  const iframe = await page.evaluate(() => navigator.clipboard.readText());
  const width = Number(/width="(\d+)"/.exec(iframe)?.[1]);
  const height = Number(/height="(\d+)"/.exec(iframe)?.[1]);
  const src = (/src="([^"]*)"/.exec(iframe)?.[1] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  await page.setViewportSize({ width, height });
  await page.goto(src);
  await waitForChart(page, id);
  const laid = await page.evaluate(() => ({ laid: Math.ceil(document.querySelector('main.embed')?.getBoundingClientRect().height ?? 0), scroll: document.documentElement.scrollHeight }));
  return { height, ...laid };
}

/** The report view's row of a value, by its metric id. */
export const valueRow = (page: Page, metric: string): Locator => page.getByTestId('value-row').filter({ has: page.locator(`code.id:text-is("${metric}")`) });

export interface CorrectionFields {
  value: number;
  note?: string;
  author?: string;
}

/**
 * Corrects a value in the report view's form: opened from the value's row, filled with `fields`
 * (or by `fill`, for the form's other inputs), saved; returns once the form has closed.
 */
export async function correctValue(page: Page, metric: string, fields: CorrectionFields | ((form: Locator) => Promise<void>)): Promise<void> {
  const row = valueRow(page, metric).first();
  await row.waitFor({ timeout: READY_TIMEOUT });
  await row.getByTestId('value-correct').click();
  const form = page.getByTestId('correction-form');
  if (typeof fields === 'function') await fields(form);
  else {
    await form.getByTestId('correction-value').fill(String(fields.value));
    if (fields.note !== undefined) await form.getByTestId('correction-note').fill(fields.note);
    if (fields.author !== undefined) await form.getByTestId('correction-author').fill(fields.author);
  }
  await form.getByTestId('correction-save').click();
  await form.waitFor({ state: 'detached', timeout: READY_TIMEOUT });
}
