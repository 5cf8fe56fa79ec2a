// What is counted as a report, and which year benchmark opens on, in real Chromium on the shipped
// dataset: a file with no 信息公开 wording imported beside a real report is a row of the import list
// with its reason and no report (nor failed one) of the overview; benchmark of a parent without a
// year opens on the latest year some child states the metric, a year in the URL is kept as asked.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { benchmarkLatestYear } from '../../src/db/sql';
import { translator } from '../../src/app/i18n/messages';
import type { NativeDataset } from '../helpers/native-duckdb';
import { REPO_ROOT } from '../helpers/paths';
import { appUrl, browserSession, READY_TIMEOUT, waitForChart, waitForEngine } from './support';

const GUANGZHOU = '440100';
const zh = translator('zh');

let page: Page;
let native: NativeDataset;
const session = browserSession();
beforeAll(() => {
  ({ page, native } = session);
});

describe('benchmark without a year in the URL', () => {
  for (const metric of ['r.new.total', 'rv.total']) {
    it(`opens 广州 on the latest year a district states ${metric}, with its peers drawn`, async () => {
      const [{ year: latest }] = await native.rows(benchmarkLatestYear({ parent: GUANGZHOU, metric }));
      expect(typeof latest).toBe('number');
      await page.goto(appUrl(`view=benchmark&parent=${GUANGZHOU}&metric=${metric}`));
      await waitForChart(page, 'benchmark');
      expect(await page.getByTestId('year').inputValue()).toBe(String(latest));
      const values = await page.getByTestId('benchmark-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-value')));
      expect(values.filter((v) => v !== null && v !== '').length).toBeGreaterThan(0);
      expect(await page.getByTestId('benchmark-empty').count()).toBe(0);
    });
  }

  it('keeps a year asked for in the URL, saying when no district states the metric that year', async () => {
    const [{ last }] = await native.rows({ sql: 'SELECT max(year) AS last FROM facts_wide', params: [] });
    const [{ year: latest }] = await native.rows(benchmarkLatestYear({ parent: GUANGZHOU, metric: 'r.new.total' }));
    // The dataset's last year has reports of 广州's districts, none stating new requests (the case that opened on an empty year).
    expect(Number(latest)).toBeLessThan(Number(last));
    await page.goto(appUrl(`view=benchmark&parent=${GUANGZHOU}&year=${String(last)}`));
    await page.getByTestId('benchmark-empty').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('year').inputValue()).toBe(String(last));
    // The division's name replaces its placeholder once loaded.
    await expect.poll(() => page.getByTestId('benchmark-empty').textContent(), { timeout: READY_TIMEOUT }).toBe(zh('bench.noValues', { parent: '广州市', year: String(last) }));
  });
});

describe('a file that is no report, imported', { timeout: 300_000 }, () => {
  it('is a row of the import list with its reason, and neither a report nor a failed one of the overview', async () => {
    const seed = readFileSync(join(resolve(REPO_ROOT, 'data/corpus/seeds'), '2019-liaoning-fuxin-city.txt'));
    await page.goto(appUrl('bench=1'));
    await waitForEngine(page);
    await page.getByTestId('import-toggle').click();
    await page.getByTestId('import-files').setInputFiles([
      { name: 'news.txt', mimeType: 'text/plain', buffer: Buffer.from('阜新市人民政府\n2019年全市春季植树造林工作会议召开\n会议部署了2019年植树造林任务，全市计划完成造林12万亩。\n') },
      // a line added: not the dataset's own file
      { name: 'fuxin-2019.txt', mimeType: 'text/plain', buffer: Buffer.concat([seed, Buffer.from('\n')]) },
    ]);
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="import-toggle"]');
      return el?.getAttribute('data-busy') === 'false' && el.getAttribute('data-layer-version') !== '';
    }, undefined, { timeout: READY_TIMEOUT * 2 });
    const row = page.getByTestId('import-list').locator('li').filter({ has: page.locator('.import-id').getByText('news.txt', { exact: true }) });
    expect(await row.getAttribute('data-status')).toBe('failed');
    expect(await row.getByTestId('import-reason').textContent()).toBe(' — 不是政府信息公开工作年度报告：未见“信息公开”“政务公开”等字样');

    // The imported reports alone: one report (the real one), none failed.
    await page.goto(appUrl('view=overview&layer=user&bench=1'));
    await waitForEngine(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-reports"] .kpi-value')?.textContent?.trim() === '1', undefined, { timeout: READY_TIMEOUT });
    const kpi = async (key: string) => (await page.getByTestId(`kpi-${key}`).locator('.kpi-value').textContent())?.trim();
    expect(await kpi('failed')).toBe('0');
    expect(await kpi('years')).toBe('2019–2019');
  });
});
