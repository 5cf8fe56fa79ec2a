// The files the overview does not count as reports, in real Chromium: on the shipped dataset (every
// file a report, said so), and on the user's imported layer, where a news page (no report: counted
// nowhere) and a page saved as .pdf (unreadable: counted as 无法解析) are each listed apart with
// their reason, and the line under the counts says how many files were left out.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetCounts, failedFiles, reviewLitigation } from '../../src/db/sql';
import { translator } from '../../src/app/i18n/messages';
import type { NativeDataset } from '../helpers/native-duckdb';
import { REPO_ROOT } from '../helpers/paths';
import { appUrl, browserSession, READY_TIMEOUT, waitForChart, waitForEngine } from './support';

const zh = translator('zh');
const NEWS = '阜新市人民政府\n2019年全市春季植树造林工作会议召开\n会议部署了2019年植树造林任务，全市计划完成造林12万亩。\n';

let page: Page;
let native: NativeDataset;
const session = browserSession();
beforeAll(() => {
  ({ page, native } = session);
});

const kpi = async (key: string) => (await page.getByTestId(`kpi-${key}`).locator('.kpi-value').textContent())?.trim();
const listed = (testId: string) =>
  page.getByTestId(testId).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent?.trim(), tr.querySelector('td')?.textContent?.trim()]));

describe('the overview on the shipped dataset', () => {
  it('says every file was read as a report, as the dataset holds none failed', async () => {
    expect(await native.rows(failedFiles())).toEqual([]);
    const [counts] = await native.rows(datasetCounts());
    await page.goto(appUrl('view=overview'));
    await page.getByTestId('failed-files-none').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('failed-files-none').textContent()).toBe(zh('overview.filesNone'));
    expect(await page.getByTestId('not-reports-line').count()).toBe(0);
    expect(await kpi('failed')).toBe(String(counts.failed));
    expect(await kpi('reports')).toBe(String(counts.reports));
  });
});

describe('the overview of imported files that are no report or cannot be read', { timeout: 300_000 }, () => {
  it('lists each kind apart with its reason, and says how many were left out', async () => {
    const seed = readFileSync(join(resolve(REPO_ROOT, 'data/corpus/seeds'), '2019-liaoning-fuxin-city.txt'));
    await page.goto(appUrl('bench=1'));
    await waitForEngine(page);
    await page.getByTestId('import-toggle').click();
    await page.getByTestId('import-files').setInputFiles([
      { name: 'news.txt', mimeType: 'text/plain', buffer: Buffer.from(NEWS) },
      // a page saved under a report's name: not a PDF, so a file that could not be read
      { name: 'report-2019.pdf', mimeType: 'application/pdf', buffer: Buffer.from(NEWS) },
      // a line added: not the dataset's own file
      { name: 'fuxin-2019.txt', mimeType: 'text/plain', buffer: Buffer.concat([seed, Buffer.from('\n')]) },
    ]);
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="import-toggle"]');
      return el?.getAttribute('data-busy') === 'false' && el.getAttribute('data-layer-version') !== '';
    }, undefined, { timeout: READY_TIMEOUT * 2 });

    await page.goto(appUrl('view=overview&layer=user&bench=1'));
    await waitForEngine(page);
    await page.getByTestId('not-reports-line').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('not-reports-line').textContent()).toBe(`${zh('overview.notReportsLine', { n: '1' })} ${zh('overview.notReportsLink')}`);
    expect(await page.getByTestId('not-reports-line').locator('a').getAttribute('href')).toBe('#failed-files');
    // One report read, one unreadable (the .pdf), the news page in neither.
    expect(await kpi('reports')).toBe('2');
    expect(await kpi('failed')).toBe('1');
    expect(await listed('unreadable-files')).toEqual([['report-2019.pdf', '名为 .pdf，但不是 PDF 文件']]);
    expect(await listed('not-reports-files')).toEqual([['news.txt', '不是政府信息公开工作年度报告：未见“信息公开”“政务公开”等字样']]);
    expect(await page.getByTestId('failed-files').locator('h3').allTextContents()).toEqual([zh('overview.unreadable', { n: '1' }), zh('overview.notReports', { n: '1' })]);
    expect(await page.getByTestId('failed-files-none').count()).toBe(0);
  });
});

describe('benchmark at 390 px', () => {
  it('stacks each unit into a card: every column, its label, inside the width, nothing scrolling sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(appUrl(`view=benchmark&parent=440100&metric=r.new.total`));
      await waitForChart(page, 'benchmark');
      const box = page.getByTestId('benchmark-table-scroll');
      const [scrollWidth, clientWidth] = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // The row of a district with a report: its 报告, 校验 and 雷同度 cells are on screen, each said by its label.
      const row = page.getByTestId('benchmark-table').locator('tbody tr').filter({ has: page.getByRole('link', { name: zh('bench.report'), exact: true }) }).first();
      const cells = await row.locator('td').evaluateAll((tds) =>
        tds.filter((td) => td.getBoundingClientRect().width > 0).map((td) => ({ label: td.getAttribute('data-label'), right: td.getBoundingClientRect().right, shown: getComputedStyle(td, '::before').content })),
      );
      for (const cell of cells) expect(cell.right).toBeLessThanOrEqual(390);
      const labels = cells.map((c) => c.label);
      expect(labels).toContain(zh('report.failingChecks'));
      expect(labels).toContain(zh('value'));
      expect(cells.find((c) => c.label === zh('value'))?.shown).toBe(`"${zh('value')}："`);
      // A screen reader still meets a table: its header cells are there, out of sight.
      expect(await page.getByTestId('benchmark-table').getAttribute('role')).toBe('table');
      expect(await page.getByTestId('benchmark-table').locator('thead th').count()).toBe(11);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe('coverage and reconciliation of 广州 2024 agree on who reported', () => {
  it("coverage's reported count is reconciliation's reported plus its ambiguous ones, and says how many are ambiguous", async () => {
    const value = async (testId: string) => Number((await page.getByTestId(testId).textContent())?.trim());
    await page.goto(appUrl('view=reconcile&parent=440100&year=2024&metric=r.new.total'));
    await page.getByTestId('rec-reported-value').waitFor({ timeout: READY_TIMEOUT });
    const reported = await value('rec-reported-value');
    const ambiguous = await value('rec-ambiguous-value');
    expect([reported, ambiguous]).toEqual([2, 1]);
    // No district's own report states new requests in 2024: the in-sum list says so, not a blank box.
    await page.getByTestId('reconcile-in-sum-none').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('reconcile-in-sum-none').textContent()).toBe(zh('reconcile.inSumNone'));
    expect(await page.getByTestId('reconcile-in-sum').locator('tr').count()).toBe(0);

    await page.goto(appUrl('view=coverage&parent=440100&year=2024'));
    await page.getByTestId('coverage-kpi-reported').waitFor({ timeout: READY_TIMEOUT });
    await expect.poll(async () => Number(await page.getByTestId('coverage-kpi-reported').locator('.kpi-value').textContent()), { timeout: READY_TIMEOUT }).toBe(reported + ambiguous);
    expect(await page.getByTestId('coverage-kpi-reported-ambiguous').textContent()).toBe(zh('coverage.kpi.reportedAmbiguous', { n: String(ambiguous) }));
  });
});

describe('a report none of whose identities can be checked', () => {
  it('says its arithmetic is unchecked, not that every identity holds; a checked one says how many hold', async () => {
    const statuses = async (id: string) => (await native.rows({ sql: "SELECT count(*) FILTER (WHERE status = 'pass') AS pass, count(*) FILTER (WHERE status = 'fail') AS fail FROM checks WHERE report_id = ?", params: [id] }))[0];
    const unchecked = 'corpus/panel/2014-guangdong-guangzhou-planning-bureau-department.txt';
    expect(await statuses(unchecked)).toEqual({ pass: 0, fail: 0 });
    await page.goto(appUrl(`view=report&report=${encodeURIComponent(unchecked)}`));
    await page.getByTestId('no-assessable').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('no-assessable').textContent()).toBe(zh('report.noAssessable'));
    expect(await page.getByTestId('no-failing').count()).toBe(0);

    const checked = 'corpus/panel/2020-guangdong-guangzhou-haizhu-jiangnanzhong-town.txt';
    const { pass } = await statuses(checked);
    expect(Number(pass)).toBeGreaterThan(0);
    await page.goto(appUrl(`view=report&report=${encodeURIComponent(checked)}`));
    await page.getByTestId('no-failing').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('no-failing').textContent()).toBe(zh('report.noFailing', { n: String(pass) }));
  });
});

describe('review: the reports left out of the correction rate', () => {
  it('are named by body, their totals said to be in the total and not the rate', async () => {
    const rows = await native.rows(reviewLitigation({ bodies: ['440100', '440113', '440105'] }));
    const unrated = (key: string) => rows.filter((r) => r.body_key === key).reduce((n, r) => n + Number(r.rv_reports_unrated ?? 0), 0);
    expect([unrated('440113'), unrated('440105'), unrated('440100')]).toEqual([1, 0, 0]);
    await page.goto(appUrl('view=review&e=440100,440113,440105'));
    await page.getByTestId('unrated').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('unrated').textContent()).toBe(zh('review.unrated', { n: '1', names: '广州市番禺区' }));
  });

  it("are named by year, as years, when the chart's categories are years; litigation's left-out reports are said too", async () => {
    const rows = await native.rows(reviewLitigation({ bodies: ['440113'] }));
    const leftOut = (column: string) => rows.filter((r) => Number(r[column] ?? 0) > 0);
    const rv = leftOut('rv_reports_unrated');
    expect(rv.length).toBeGreaterThan(0);
    const years = (of: typeof rows) => [...new Set(of.map((r) => Number(r.year)))].sort((a, b) => a - b).join('、');
    await page.goto(appUrl('view=review&e=440113'));
    await page.getByTestId('unrated').waitFor({ timeout: READY_TIMEOUT });
    const n = (of: typeof rows, column: string) => String(of.reduce((s, r) => s + Number(r[column]), 0));
    expect(await page.getByTestId('unrated').textContent()).toBe(zh('review.unrated', { n: n(rv, 'rv_reports_unrated'), names: zh('review.inYears', { years: years(rv) }) }));
    const lit = leftOut('lit_reports_unrated');
    if (lit.length === 0) expect(await page.getByTestId('unrated-lit').count()).toBe(0);
    else expect(await page.getByTestId('unrated-lit').textContent()).toBe(zh('review.unratedLit', { n: n(lit, 'lit_reports_unrated'), names: zh('review.inYears', { years: years(lit) }) }));
  });
});
