// The user's layer is every report the user imported (issue 14, audit19 P2): a byte-copy of a
// shipped report is one of the user's reports alone (layer=user) and counted once, as the
// dataset's, over both layers; the header counts the reports read (not a failed file) and says
// the copies apart; the column `layer` is there in every mode (P6); and under both layers, while
// the kept layer is still being built after a reload, the page says the dataset alone is shown.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../helpers/chromium';
import { REPO_ROOT } from '../helpers/paths';
import { holdImportWorkers, importTexts, layerVersion, pageQuery } from './import-support';
import { appUrl, openBrowser, READY_TIMEOUT, waitForEngine } from './support';

const NAME = '2019-liaoning-fuxin-city.txt';
const TEXT = readFileSync(join(resolve(REPO_ROOT, 'data/corpus/seeds'), NAME), 'utf8');
const COPY = `mine/${NAME}`;
const OWN = 'mine/own.txt';
const EMPTY = 'mine/empty.txt';

let browser: Browser;
let page: Page;

const query = (sql: string) => pageQuery(page, sql);
const byLayer = async () => (await query('SELECT layer, count(*) AS n FROM reports GROUP BY layer ORDER BY layer')).map((r) => [r.layer, Number(r.n)]);
const nationReports = async () => Number((await query("SELECT sum(reports) AS n FROM rollups WHERE division_level = 'nation'"))[0].n);

async function open(layer: 'all' | 'user' | 'dataset'): Promise<void> {
  await page.goto(appUrl([...(layer === 'all' ? [] : [['layer', layer]] as [string, string][]), ['bench', '1']]));
  await waitForEngine(page);
  await layerVersion(page);
}

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
});

describe('copies of shipped reports in the user\'s layer', () => {
  let datasetReports: number;
  let datasetNation: number;

  it('are the user\'s reports alone and counted once over both layers; the header counts reports read, copies apart', async () => {
    await page.goto(appUrl([['bench', '1']]));
    await waitForEngine(page);
    datasetReports = Number((await query('SELECT count(*) AS n FROM reports'))[0].n);
    datasetNation = await nationReports();
    // The shipped file as it is, the same with a line added (the user's own), and an empty file (failed).
    await importTexts(page, [{ path: COPY, text: TEXT }, { path: OWN, text: `${TEXT}\n` }, { path: EMPTY, text: '' }]);
    await layerVersion(page);
    // Two reports read, one of them the dataset's file; the failed file is not counted.
    const count = page.getByTestId('import-count');
    await expect(count.textContent()).resolves.toBe(' (2 · 同数据集 1)');
    await expect(count.getAttribute('title')).resolves.toBe('2 份报告，其中 1 份与数据集中的文件相同');
    await page.getByTestId('import-toggle').click();
    await expect(page.getByTestId('import-duplicate').allTextContents()).resolves.toEqual([expect.stringContaining('仅导入报告')]);

    // Over both layers: the copy is the dataset's row; the own report and the failed file are the user's.
    expect(await byLayer()).toEqual([['dataset', datasetReports], ['user', 2]]);
    expect(await nationReports()).toBe(datasetNation + 2);
    expect(await query(`SELECT report_id, layer FROM facts_wide WHERE report_id IN ('${COPY}', 'corpus/seeds/${NAME}') ORDER BY report_id`)).toEqual([{ report_id: `corpus/seeds/${NAME}`, layer: 'dataset' }]);

    // The user's reports alone: every one of them, the copy included.
    await open('user');
    expect(await byLayer()).toEqual([['user', 3]]);
    expect((await query('SELECT report_id FROM reports ORDER BY report_id')).map((r) => r.report_id)).toEqual([COPY, EMPTY, OWN]);
    expect(await nationReports()).toBe(3);

    // The dataset alone: the same SQL, naming `layer`, runs.
    await open('dataset');
    expect(await byLayer()).toEqual([['dataset', datasetReports]]);
  }, READY_TIMEOUT * 10);

  it('says, under both layers while the kept layer is built after a reload, that the dataset alone is shown', async () => {
    const workers = await holdImportWorkers(page);
    await page.goto(appUrl([['bench', '1']]));
    await page.getByTestId('layer-dataset-alone').waitFor({ timeout: READY_TIMEOUT });
    await expect.poll(() => workers.held(), { timeout: READY_TIMEOUT }).toBeGreaterThan(0);
    await expect(page.getByTestId('layer-dataset-alone').textContent()).resolves.toBe('正在载入您导入的报告…（目前仅显示数据集）');
    expect(await page.getByTestId('user-only-banner').count()).toBe(0);
    await workers.release();
    await layerVersion(page);
    await page.getByTestId('layer-dataset-alone').waitFor({ state: 'detached', timeout: READY_TIMEOUT });
    expect(await byLayer()).toEqual([['dataset', datasetReports], ['user', 2]]);
  }, READY_TIMEOUT * 10);
});
