// "Your reports" alone (layer=user, issue 14) never stand on the dataset's figures: while the
// user's layer is still being built and loaded after a reload (its build worker held back here),
// the page says it is loading them, shows no view and offers no export; once it is in, the view
// shows the user's corrected value (not the dataset's printed one of the same body and year), and
// the CSV carries it with the layer's version, and a mark outside the import panel says so.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/charts/format';
import { REPO_ROOT } from '../helpers/paths';
import { holdImportWorkers, importTexts, layerVersion, pageQuery } from './import-support';
import { appUrl, browserSession, correctValue, csvOf, READY_TIMEOUT, valueRow, waitForEngine } from './support';

const NAME = '2019-liaoning-fuxin-city.txt';
const METRIC = 'r.new.total';
const OWN = `mine/${NAME}`;

let page: Page;

const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;
const query = (sql: string) => pageQuery(page, sql);

const session = browserSession();

beforeAll(() => {
  ({ page } = session);
});

describe('layer=user while the layer loads', () => {
  it('shows and exports nothing of the dataset as the user\'s reports, then the user\'s corrected value with the layer\'s version', async () => {
    await page.goto(appUrl([['bench', '1']]));
    await waitForEngine(page);
    const [shipped] = await query(`SELECT v.report_id, v.value, r.body_key FROM "values" v JOIN facts_wide r USING (report_id) WHERE v.report_id LIKE ${sqlText(`%${NAME}`)} AND v.metric = ${sqlText(METRIC)}`);
    expect(shipped, 'the dataset holds the shipped report').toBeDefined();
    const printed = Number(shipped.value);
    const body = String(shipped.body_key);
    const corrected = printed + 1000;

    // The user's own copy (a line added: not a duplicate of the shipped file), its value corrected.
    const text = `${readFileSync(join(resolve(REPO_ROOT, 'data/corpus/seeds'), NAME), 'utf8')}\n`;
    await importTexts(page, [{ path: OWN, text }]);
    await layerVersion(page);
    await page.goto(appUrl([['view', 'report'], ['report', OWN], ['bench', '1']]));
    await correctValue(page, METRIC, { value: corrected, note: '合计印错', author: '测试员' });
    await valueRow(page, METRIC).getByTestId('value-corrected').waitFor({ timeout: READY_TIMEOUT });
    const version = await layerVersion(page);

    // A reload under layer=user with the layer's build held back: the window in which the data
    // worker has no layer yet (it would answer from the dataset).
    const workers = await holdImportWorkers(page);
    await page.goto(appUrl([['view', 'compare'], ['e', body], ['layer', 'user'], ['bench', '1']]));
    await page.getByTestId('layer-loading').waitFor({ timeout: READY_TIMEOUT });
    // The layer's build has asked for its worker (held).
    await expect.poll(() => workers.held(), { timeout: READY_TIMEOUT }).toBeGreaterThan(0);
    expect(await page.getByTestId('import-toggle').getAttribute('data-busy')).toBe('true');
    expect(await page.getByTestId('user-only-banner').isVisible()).toBe(true);
    expect(await page.getByTestId('layer-loading').isVisible()).toBe(true);
    expect(await page.getByTestId('compare-table').count()).toBe(0);
    expect(await page.getByTestId('csv-compare').count()).toBe(0);
    expect(await page.getByTestId('png-compare').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain(formatNumber(printed, 'zh'));

    await workers.release();
    expect(await layerVersion(page)).toBe(version);
    const cell = page.locator('[data-testid="compare-table"] td[data-year="2019"]');
    await cell.first().waitFor({ timeout: READY_TIMEOUT });
    await expect(cell.first().getAttribute('data-value')).resolves.toBe(String(corrected));
    expect(await page.getByTestId('layer-loading').count()).toBe(0);
    expect(await page.getByTestId('user-only-banner').isVisible()).toBe(true);
    const csv = await csvOf(page, 'csv-compare');
    const rows2019 = csv.rows.filter((r) => csv.cell(r, 'year') === '2019');
    expect(rows2019.map((r) => [csv.cell(r, 'report_id'), csv.cell(r, 'value'), csv.cell(r, 'dataset_version')])).toEqual([[OWN, String(corrected), version]]);
  }, READY_TIMEOUT * 10);
});
