// Downloads as a user gets them: PNG (decodes, twice the chart's CSS size), SVG (standalone, with
// the Chinese title), CSV (UTF-8 BOM, the chart's rows), and the Data view's CSV and Parquet (the
// whole table, readable by another Parquet reader). Expectations come from native DuckDB.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../src/app/data/rows';
import { codebookRows, TIDY_COLUMNS, tidyRows } from '../../src/app/data/tidy';
import { translator } from '../../src/app/i18n/messages';
import { safeFileName } from '../../src/charts/file-name';
import { benchmarkChildren, compareSeries, factsRows, reportsByYearLevel } from '../../src/db/sql';
import type { Browser } from '../helpers/chromium';
import type { NativeDataset, NativeRow } from '../helpers/native-duckdb';
import { browserSession, chartSelector, csvCellOf, downloadFrom, openApp, parseCsv, READY_TIMEOUT, waitForChart, waitForEngine, comparePair, type Body } from './support';

const session = browserSession({ permissions: ['clipboard-read', 'clipboard-write'] });
let browser: Browser;
let page: Page;
let native: NativeDataset;
let pair: [Body, Body];
const zh = translator('zh');
const BOM = [0xef, 0xbb, 0xbf];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The CSV text of a download: asserts the BOM, returns rows of cells. */
function csvRows(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual(BOM);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  return parseCsv(text);
}

/** A native value as the app's CSV cell (text that Excel would run as a formula gets a tab first). */
const expectedCell = (value: unknown): string => (typeof value === 'string' && /^[=+\-@]/.test(value) ? `\t${value}` : csvCellOf(value));
const expectedRows = (rows: readonly NativeRow[], columns: string[]): string[][] => rows.map((r) => columns.map((c) => expectedCell(r[c])));

function saveArtifact(name: string, bytes: Buffer): void {
  const dir = process.env.GONGKAI_E2E_ARTIFACTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), bytes);
}

/** The overview page once the main chart shows DuckDB's rows (queries answer in the order sent). */
async function openOverview(p: Page): Promise<void> {
  await openApp(p);
  await waitForEngine(p);
  await waitForChart(p, 'trends');
  await waitForChart(p, 'overview');
}

beforeAll(async () => {
  ({ browser, page, native } = session);
  pair = await comparePair(native);
});

describe('chart exports (overview)', () => {
  it('PNG: a valid PNG at twice the chart size that decodes to the drawn chart', async () => {
    await openOverview(page);
    const size = await page.locator(chartSelector('overview')).evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }));
    const { name, bytes } = await downloadFrom(page, 'png-overview');
    saveArtifact('overview-export.png', bytes);
    expect(name).toBe(safeFileName(zh('overview.byYearLevel'), 'png'));
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const ihdr = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    expect(ihdr).toEqual({ width: 2 * size.width, height: 2 * size.height });
    expect(bytes.subarray(bytes.length - 8, bytes.length - 4).toString('latin1')).toBe('IEND');

    const decoded = await page.evaluate(async (base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const pixels = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let coloured = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (Math.max(pixels[i], pixels[i + 1], pixels[i + 2]) - Math.min(pixels[i], pixels[i + 1], pixels[i + 2]) > 60) coloured++;
      }
      return { width: bitmap.width, height: bitmap.height, corner: [...pixels.subarray(0, 4)], coloured };
    }, bytes.toString('base64'));
    expect(decoded.width).toBe(ihdr.width);
    expect(decoded.height).toBe(ihdr.height);
    expect(decoded.corner).toEqual([255, 255, 255, 255]);
    expect(decoded.coloured).toBeGreaterThan(2000);
  });

  it('SVG: a standalone SVG document with the Chinese title, unit and source line', async () => {
    const { name, bytes } = await downloadFrom(page, 'svg-overview');
    saveArtifact('overview-export.svg', bytes);
    expect(name).toBe(safeFileName(zh('overview.byYearLevel'), 'svg'));
    const svg = bytes.toString('utf8');
    expect(svg.trimStart().startsWith('<svg')).toBe(true);
    expect(svg).toContain(zh('overview.byYearLevel'));
    expect(svg).toContain('单位：');
    expect(svg).toContain('来源：');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, rects: doc.querySelectorAll('path, rect').length };
    }, svg);
    expect(parsed).toMatchObject({ error: null, root: 'svg' });
    expect(parsed.rects).toBeGreaterThan(10);
  });

  it('CSV: UTF-8 BOM, then the chart rows exactly as native DuckDB counts them', async () => {
    const { name, bytes } = await downloadFrom(page, 'csv-overview');
    // Named after what it holds: the reports by year and level, and the dataset version.
    expect(name).toBe(safeFileName(`gongkai_reports_v${native.manifest.dataset_version.slice(0, 8)}`, 'csv'));
    const [header, ...rows] = csvRows(bytes);
    expect(header).toEqual(['year', 'level', 'reports']);
    const expected = await native.rows(reportsByYearLevel());
    expect(rows).toEqual(expectedRows(expected, header));
    expect(rows.reduce((sum, r) => sum + Number(r[2]), 0)).toBe(native.manifest.tables.facts_wide.rows);
  });
});

describe('chart exports (compare)', () => {
  it('CSV of two bodies holds their series, under their names, as native DuckDB computes it', async () => {
    await openApp(page, [['view', 'compare'], ['e', pair[0].key], ['e', pair[1].key]]);
    await page.getByTestId('compare-table').waitFor({ timeout: READY_TIMEOUT });
    await waitForChart(page, 'compare');
    // Tidy (one row per body, year and scope stating the metric; see issue13-views.test.ts for every column).
    const [header, ...rows] = csvRows((await downloadFrom(page, 'csv-compare')).bytes);
    expect(header).toEqual([...TIDY_COLUMNS]);
    const stated = (await native.rows(compareSeries({ bodies: pair.map((b) => b.key), metric: 'r.new.total' }))).filter((r) => r.value !== null);
    expect(rows.map((r) => [r[0], r[1], r[2], r[6], r[7]])).toEqual(stated.map((r) => [String(r.body_key), String(r.body), String(r.year), String(r.value), String(r.scope)]));
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(pair.map((b) => b.name)));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('copy link and copy embed put this view\'s URLs on the clipboard', async () => {
    await page.getByTestId('link-compare').click();
    await page.getByTestId('link-compare').filter({ hasText: zh('copied') }).waitFor();
    // This view's URL, naming the chart the link was copied from.
    const expected = new URL(page.url());
    expected.searchParams.set('chart', 'compare');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected.href);
    await page.getByTestId('embed-compare').click();
    await page.getByTestId('embed-compare').filter({ hasText: zh('copied') }).waitFor();
    const iframe = await page.evaluate(() => navigator.clipboard.readText());
    const embedHref = await page.getByTestId('embed-link-compare').getAttribute('href');
    expect(iframe).toMatch(/^<iframe src="[^"]+" width="\d+" height="\d+"/);
    expect(iframeSrc(iframe)).toBe(embedHref);
    expect(new URL(embedHref!).searchParams.get('embed')).toBe('1');
  });
});

/** The src attribute of an <iframe …> snippet, entity-decoded as a browser would read it. */
function iframeSrc(snippet: string): string {
  const raw = /src="([^"]*)"/.exec(snippet)?.[1] ?? '';
  return raw.replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

describe('data view downloads', () => {
  it('a benchmark\'s CSV says its year on every row (its rows hold none: one year is ranked)', async () => {
    const year = 2020;
    const expected = (await native.rows(benchmarkChildren({ parent: '440100', year, metric: 'r.new.total', peer: 'parent' }))).filter((r) => r.value !== null);
    expect(expected.length).toBeGreaterThan(0);
    await openApp(page, `view=data&of=benchmark&parent=440100&year=${year}`);
    await page.getByTestId('row-count').filter({ hasText: /[1-9]/ }).waitFor({ timeout: READY_TIMEOUT });
    const [header, ...rows] = csvRows((await downloadFrom(page, 'download-csv')).bytes);
    expect(header.slice(0, TIDY_COLUMNS.length)).toEqual([...TIDY_COLUMNS]);
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((r) => [r[col('body_key')], r[col('year')], r[col('value')]])).toEqual(expected.map((r) => [String(r.division_code), String(year), csvCellOf(r.value)]));
    // The Parquet too: a first `year` column on every row, beside the rows as the view has them.
    const parquet = new Uint8Array((await downloadFrom(page, 'download-parquet')).bytes).buffer;
    expect(parquetMetadata(parquet).schema.map((f) => f.name)[1]).toBe('year');
    const read = (await parquetReadObjects({ file: parquet, columns: ['year', 'division_code', 'value'] })) as { year: number; division_code: string; value: number | null }[];
    expect(read.filter((r) => r.value !== null).map((r) => [r.division_code, r.year])).toEqual(expected.map((r) => [String(r.division_code), year]));
  });

  it('shows every report and downloads them as CSV and as Parquet', async () => {
    const n = native.manifest.tables.facts_wide.rows;
    await openApp(page, 'view=data');
    await page.getByTestId('row-count').filter({ hasText: zh('data.rows', { n }) }).waitFor({ timeout: READY_TIMEOUT });
    const expected = await native.rows(factsRows());
    const columns = Object.keys(expected[0]);
    await expect(page.getByTestId('data-table').locator('thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-column')))).resolves.toEqual(columns);
    await expect(page.getByTestId('data-table').locator('tbody tr').count()).resolves.toBe(Math.min(n, 500));

    const csv = await downloadFrom(page, 'download-csv');
    // Named after what it holds: every report, this dataset version.
    const version = native.manifest.dataset_version.slice(0, 8);
    expect(csv.name).toBe(`gongkai_reports_v${version}.csv`);
    // Tidy: one row per report and stated metric, with its label, unit and the dataset version.
    const tidy = tidyRows(columns, expected as Row[], { valueMetric: null, datasetVersion: native.manifest.dataset_version, locale: 'zh' })!;
    const [header, ...rows] = csvRows(csv.bytes);
    // Each row is one report's: no column counts reports, so the tidy `reports` column is left out
    // (an empty one would read as reports missing).
    const tidyColumns = TIDY_COLUMNS.filter((c) => c !== 'reports');
    expect(header).toEqual(tidyColumns);
    expect(rows).toEqual(expectedRows(tidy, tidyColumns));
    expect(new Set(rows.map((r) => r[tidyColumns.indexOf('report_id')])).size).toBeGreaterThan(n / 2);

    // The zip: the tidy CSV, every report's row as shown, the codebook and a citation line.
    const zip = await downloadFrom(page, 'download-zip');
    expect(zip.name).toBe(`gongkai_reports_v${version}.zip`);
    const files = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(files).sort()).toEqual(['CITATION.txt', 'codebook.csv', `gongkai_reports_v${version}.csv`, `gongkai_reports_v${version}_rows.csv`]);
    expect(Buffer.from(files[`gongkai_reports_v${version}.csv`])).toEqual(csv.bytes);
    const [wideHeader, ...wide] = csvRows(Buffer.from(files[`gongkai_reports_v${version}_rows.csv`]));
    expect(wideHeader).toEqual(columns);
    expect(wide).toEqual(expectedRows(expected, columns));
    expect(csvRows(Buffer.from(files['codebook.csv'])).slice(1).map((r) => r[0])).toEqual(codebookRows().map((r) => r.id));
    expect(strFromU8(files['CITATION.txt'])).toContain(native.manifest.dataset_version);

    const parquet = await downloadFrom(page, 'download-parquet');
    expect(parquet.name).toBe(`gongkai_reports_v${version}.parquet`);
    saveArtifact('gongkai-overview.parquet', parquet.bytes);
    expect(parquet.bytes.subarray(0, 4).toString('latin1')).toBe('PAR1');
    expect(parquet.bytes.subarray(parquet.bytes.length - 4).toString('latin1')).toBe('PAR1');
    const buffer: ArrayBuffer = new Uint8Array(parquet.bytes).buffer;
    const metadata = parquetMetadata(buffer);
    expect(Number(metadata.num_rows)).toBe(n);
    const read = await parquetReadObjects({ file: buffer, columns: ['report_id', 'year', 'r_new_total'] });
    expect(read).toHaveLength(n);
    expect(read.map((r) => r.report_id)).toEqual(expected.map((r) => r.report_id));
    expect(read.map((r) => (r.year === null || r.year === undefined ? null : Number(r.year)))).toEqual(expected.map((r) => r.year));
    expect(read.map((r) => r.r_new_total ?? null)).toEqual(expected.map((r) => r.r_new_total));
  });

  it('made no request outside 127.0.0.1 and no page error', () => {
    expect(browser.offline).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
