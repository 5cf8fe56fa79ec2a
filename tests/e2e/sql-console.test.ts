// The SQL console in headless Chromium over the shipped dataset: a typed query's rows are native
// DuckDB's; a write is refused and changes nothing; the URL restores and runs a query; a chart's
// SQL button opens its query; 100,000 rows stay virtualised; a long query is cancelled.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/app/i18n/messages';
import { querySql } from '../../src/app/sql-console/link';
import { reportsByYearLevel } from '../../src/db/sql';
import type { Browser } from '../helpers/chromium';
import type { NativeDataset, NativeRow } from '../helpers/native-duckdb';
import { appUrl, browserSession, csvCellOf, downloadFrom, openApp, parseCsv, READY_TIMEOUT, waitForChart, waitForEngine } from './support';

// Chromium and native DuckDB for the file (support.ts); page and native are set before the tests run.
const session = browserSession();
let browser: Browser;
let page: Page;
let native: NativeDataset;
const zh = translator('zh');
beforeAll(() => ({ browser, page, native } = session));

/** Waits for the console to show a finished result of `rows` rows. */
async function waitForRows(p: Page, rows: number): Promise<void> {
  await expect.poll(() => p.getByTestId('sql-row-count').textContent({ timeout: READY_TIMEOUT }).catch(() => null), { timeout: READY_TIMEOUT }).toBe(String(rows));
}

/** The grid's rendered rows: [row index, cell texts]. */
function gridRows(p: Page): Promise<[number, string[]][]> {
  return p.locator('[data-testid="sql-grid"] [data-row]').evaluateAll((rows) =>
    rows.map((r) => [Number(r.getAttribute('data-row')), [...r.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent ?? '')] as [number, string[]]).sort((a, b) => a[0] - b[0]),
  );
}

const cellOf = (value: unknown): string => (value === null || value === undefined ? 'NULL' : String(value));

/** Replaces the editor's text by typing, as a user does. */
async function typeQuery(p: Page, sql: string): Promise<void> {
  const editor = p.locator('[data-testid="sql-editor"] .cm-content');
  await editor.click();
  await p.keyboard.press('ControlOrMeta+a');
  await p.keyboard.press('Delete');
  await p.keyboard.type(sql);
  await p.keyboard.press('Escape'); // closes a completion list, if open
}

const editorText = (p: Page): Promise<string> => p.locator('[data-testid="sql-editor"] .cm-content').evaluate((el) => [...el.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n'));

async function expectGridMatches(rows: NativeRow[], columns: string[]): Promise<void> {
  const shown = await gridRows(page);
  expect(shown.length).toBeGreaterThan(0);
  for (const [i, cells] of shown) expect(cells, `row ${i}`).toEqual(columns.map((c) => cellOf(rows[i][c])));
  const header = await page.locator('[data-testid="sql-grid"] [role="columnheader"]').allTextContents();
  expect(header).toEqual(columns);
}

describe('SQL console', () => {
  it('runs a typed query and shows native DuckDB’s rows; the query goes into the URL', async () => {
    await openApp(page, 'view=sql');
    await page.getByTestId('sql-schema').waitFor({ timeout: READY_TIMEOUT });
    // Completion offers the page database's tables, and a table's columns after its name.
    const editor = page.locator('[data-testid="sql-editor"] .cm-content');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('SELECT * FROM facts_w');
    await expect.poll(() => page.locator('.cm-tooltip-autocomplete').textContent(), { timeout: READY_TIMEOUT }).toContain('facts_wide');
    await page.keyboard.press('Escape');
    await page.keyboard.type(' WHERE facts_wide.r_new_');
    await expect.poll(() => page.locator('.cm-tooltip-autocomplete').textContent(), { timeout: READY_TIMEOUT }).toContain('r_new_total');
    await page.keyboard.press('Escape');

    const sql = "SELECT year, level, count(*) AS n, sum(r_new_total) AS new_requests FROM facts_wide WHERE scope = 'self' GROUP BY ALL ORDER BY ALL";
    await typeQuery(page, sql);
    expect(await editorText(page)).toBe(sql);
    await page.getByTestId('sql-run').click();
    const expected = await native.rows({ sql, params: [] });
    await waitForRows(page, expected.length);
    await expectGridMatches(expected, ['year', 'level', 'n', 'new_requests']);
    expect(new URL(page.url()).searchParams.get('q')).toBe(sql);
    expect(await page.getByTestId('sql-status').textContent()).toContain(`${expected.length} 行`);

    // The schema browser lists every table with its row count.
    for (const [name, entry] of Object.entries(native.manifest.tables)) {
      expect(await page.getByTestId(`sql-schema-rows-${name}`).textContent()).toBe(` ${entry.rows.toLocaleString('en-US')} 行`);
    }

    // CSV of the result: BOM, the header and native's rows.
    const csv = await downloadFrom(page, 'sql-csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const cells = parseCsv(csv.bytes.subarray(3).toString('utf8'));
    expect(cells[0]).toEqual(['year', 'level', 'n', 'new_requests']);
    expect(cells.slice(1)).toEqual(expected.map((r) => ['year', 'level', 'n', 'new_requests'].map((c) => csvCellOf(r[c]))));

    // The result's chart is drawn (default picks: x = year, y = new_requests, series = level), with the chart exports.
    await waitForChart(page, 'sql-result');
    expect(await page.getByTestId('sql-chart-series').inputValue()).toBe('level');
    expect(await page.getByTestId('sql-chart-y').inputValue()).toBe('new_requests');
    await expect(page.getByTestId('png-sql-result').isEnabled()).resolves.toBe(true);
    // Titled by its y column, with no unit claimed (a column name is not a unit: audit38 F13).
    const description = await page.getByTestId('description-sql-result').textContent();
    expect(description).toMatch(/^SQL 查询结果：new_requests。/);
    expect(description).not.toContain('单位');
  }, 150_000); // the first page load of the file: a cold engine on a shared machine

  it('refuses a write with a clear message, and the data is unchanged', async () => {
    const [{ n: before }] = await native.rows({ sql: 'SELECT count(*) AS n FROM facts_wide', params: [] });
    for (const write of ['DELETE FROM facts_wide', "SELECT 1; DROP TABLE facts_wide", "UPDATE facts_wide SET issuer = 'x'"]) {
      await typeQuery(page, write);
      await page.getByTestId('sql-run').click();
      await expect.poll(() => page.getByTestId('sql-error').textContent({ timeout: READY_TIMEOUT }), { timeout: READY_TIMEOUT }).toMatch(/^refused: .*Only statements that read may run here/s);
      expect(await page.getByTestId('sql-refused').textContent()).toBe(zh('sql.refused'));
    }
    await typeQuery(page, "SELECT count(*) AS n, count(*) FILTER (WHERE issuer = 'x') AS x FROM facts_wide");
    await page.getByTestId('sql-run').click();
    await waitForRows(page, 1);
    expect((await gridRows(page))[0][1]).toEqual([String(before), '0']);
  }, 120_000);

  it('a link restores the query and its chart picks, and runs it', async () => {
    const sql = 'SELECT key, name, reports FROM bodies ORDER BY reports DESC, key LIMIT 10';
    await page.goto(appUrl([['view', 'sql'], ['q', sql], ['cx', 'name'], ['cy', 'reports']]));
    const expected = await native.rows({ sql, params: [] });
    await waitForRows(page, expected.length);
    expect(await editorText(page)).toBe(sql);
    await expectGridMatches(expected, ['key', 'name', 'reports']);
    await waitForChart(page, 'sql-result');
    expect(await page.getByTestId('sql-chart-x').inputValue()).toBe('name');
    // A pick changes the URL in place.
    await page.getByTestId('sql-chart-x').selectOption('key');
    await expect.poll(() => new URL(page.url()).searchParams.get('cx')).toBe('key');
    expect(new URL(page.url()).searchParams.get('q')).toBe(sql);
  });

  it("a chart's SQL button opens the console with the query behind the chart, parameters filled in", async () => {
    await openApp(page);
    await waitForEngine(page);
    await waitForChart(page, 'overview');
    await page.getByTestId('sql-overview').click();
    const query = reportsByYearLevel();
    const sql = querySql(query);
    const expected = await native.rows(query);
    await waitForRows(page, expected.length);
    expect(new URL(page.url()).searchParams.get('view')).toBe('sql');
    expect(new URL(page.url()).searchParams.get('q')).toBe(sql);
    expect(await editorText(page)).toBe(sql);
    const columns = await page.locator('[data-testid="sql-grid"] [role="columnheader"]').allTextContents();
    await expectGridMatches(expected, columns);
    // Back returns to the overview.
    await page.goBack();
    await waitForChart(page, 'overview');
  });

  it('keeps 100,000 rows virtualised: only rows in view are in the page, the last one reachable', async () => {
    await page.goto(appUrl([['view', 'sql'], ['q', 'SELECT range AS i, range % 7 AS m FROM range(100000)']]));
    await waitForRows(page, 100_000);
    const rendered = await page.locator('[data-testid="sql-grid"] [data-row]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    await page.getByTestId('sql-grid').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(async () => (await gridRows(page)).at(-1)?.[1], { timeout: READY_TIMEOUT }).toEqual(['99999', String(99999 % 7)]);
    expect(await page.locator('[data-testid="sql-grid"] [data-row]').count()).toBeLessThan(100);
  });

  it('cancels a long query by restarting the data worker, then runs the next one', async () => {
    await typeQuery(page, 'SELECT count(*) AS n FROM range(3000000000) a, range(1000) b WHERE a.range + b.range < 0');
    await page.getByTestId('sql-run').click();
    await expect.poll(() => page.getByTestId('sql-cancel').isEnabled(), { timeout: READY_TIMEOUT }).toBe(true);
    await page.getByTestId('sql-cancel').click();
    await expect.poll(() => page.getByTestId('sql-error').textContent({ timeout: READY_TIMEOUT }), { timeout: READY_TIMEOUT }).toBe(zh('sql.cancelled'));
    await typeQuery(page, 'SELECT count(*) AS n FROM facts_wide');
    await page.getByTestId('sql-run').click();
    await waitForRows(page, 1);
    expect((await gridRows(page))[0][1]).toEqual([String(native.manifest.tables.facts_wide.rows)]);
  }, 120_000); // the new worker loads the dataset again

  it('window.__gongkai.query (?bench=1) runs reads and refuses writes with the same guard', async () => {
    await openApp(page, 'bench=1');
    await waitForEngine(page);
    const outcome = await page.evaluate(async () => {
      const hook = (window as unknown as { __gongkai: { query(sql: string): Promise<Record<string, unknown>[]> } }).__gongkai;
      const read = await hook.query('SELECT count(*) AS n FROM facts_wide');
      const write = await hook.query('DROP TABLE facts_wide').then(() => 'ran', (e: Error) => e.message);
      return { rows: read.length, plain: Object.getPrototypeOf(read[0]) === Object.prototype && typeof read[0].n === 'number', write };
    });
    expect(outcome.rows).toBe(1);
    // Rows as plain objects, counts as numbers (not Arrow rows, not BigInt).
    expect(outcome.plain).toBe(true);
    expect(outcome.write).toMatch(/^refused: DROP drops an object/);
  });

  it('made no request outside 127.0.0.1 and no page error', () => {
    expect(browser.offline).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
