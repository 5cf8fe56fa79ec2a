// Three findings of the stop-20 user audit, in real Chromium. At 390 px every text a chart draws
// (title, legend, axis and mark labels, notes, source line) lies inside its canvas, measured on the
// ECharts instance's own text elements; the copied-reports view says in a sentence that nothing was
// found, and at what threshold; the blank official form imported is a row saying so and no report.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths';
import { TEMPLATE_2021 } from '../helpers/template-2021';
import { layerVersion } from './import-support';
import { appUrl, browserSession, READY_TIMEOUT, waitForChart, waitForEngine } from './support';

let page: Page;
const session = browserSession({ viewport: { width: 390, height: 844 } });
beforeAll(() => {
  ({ page } = session);
});

interface DrawnText {
  text: string;
  left: number;
  right: number;
}

/** Every text element the chart's ECharts instance draws, with its left and right edge (px) after its transform, and the canvas width. */
async function drawnTexts(p: Page, id: string): Promise<{ width: number; texts: DrawnText[] }> {
  return p.evaluate((testId) => {
    type Rect = { x: number; width: number; applyTransform(m: unknown): void; clone(): Rect };
    type Shown = { type?: string; style?: { text?: string }; transform?: unknown; invisible?: boolean; ignore?: boolean; getBoundingRect(): Rect };
    const instances = (window as unknown as { __gongkaiChartInstances: Map<string, { getWidth(): number; getZr(): { storage: { getDisplayList(update: boolean): Shown[] } } }> }).__gongkaiChartInstances;
    const chart = instances.get(`chart-${testId}`)!;
    const texts = chart
      .getZr()
      .storage.getDisplayList(true)
      .filter((el) => el.type === 'tspan' && !el.invisible && !el.ignore && String(el.style?.text ?? '').trim() !== '')
      .map((el) => {
        const rect = el.getBoundingRect().clone();
        if (el.transform) rect.applyTransform(el.transform);
        return { text: String(el.style?.text), left: rect.x, right: rect.x + rect.width };
      });
    return { width: chart.getWidth(), texts };
  }, id);
}

describe('charts at 390 px: no text runs off the canvas', { timeout: 300_000 }, () => {
  const cases: [string, string][] = [
    ['review', 'view=review&e=440100&e=440105'],
    ['compare', 'view=compare&e=440100&e=440105'],
  ];
  for (const lang of ['zh', 'en']) {
    for (const [id, query] of cases) {
      it(`${id} (${lang})`, async () => {
        await page.goto(appUrl(`${query}&bench=1${lang === 'en' ? '&lang=en' : ''}`));
        await waitForChart(page, id);
        const { width, texts } = await drawnTexts(page, id);
        expect(width).toBeLessThanOrEqual(390);
        // The notes and the source line are drawn, each whole, a line or more.
        expect(texts.some((t) => /^(来源：|Source: )/.test(t.text))).toBe(true);
        const outside = texts.filter((t) => t.left < -0.5 || t.right > width + 0.5).map((t) => `${t.text} [${Math.round(t.left)}, ${Math.round(t.right)}] of ${width}`);
        expect(outside).toEqual([]);
      });
    }
  }
});

describe('copied reports with none found', { timeout: 300_000 }, () => {
  it('says so in a sentence at the chosen threshold, in both languages, never an empty table header', async () => {
    await page.goto(appUrl('view=similar&parent=440100&year=2019'));
    await page.getByTestId('similar-none').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('similar-none').textContent()).toBe('没有相似度不低于 80% 的报告对。');
    await page.getByTestId('similar-scores-none').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('similar-scores-none').textContent()).toMatch(/^共比较 \d+ 份报告，没有一份与另一份报告的相似度达到 50% 或包含度达到 80%，没有单位可列。$/);
    expect(await page.getByTestId('similar-pairs').count()).toBe(0);
    expect(await page.getByTestId('similar-scores').count()).toBe(0);
    await page.getByTestId('similar-min').selectOption('0.6');
    await page.getByText('没有相似度不低于 60% 的报告对。').waitFor({ timeout: READY_TIMEOUT });

    await page.goto(appUrl('view=similar&parent=440100&year=2019&lang=en'));
    await page.getByTestId('similar-none').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('similar-none').textContent()).toBe('No pair of reports has a similarity of 80% or more.');
    await page.getByTestId('similar-scores-none').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('similar-scores-none').textContent()).toMatch(/^Of the \d+ reports compared, none has a similarity of 50% or more, or a containment of 80% or more, with another report: no unit to list\.$/);
  });
});

describe('the blank official form imported', { timeout: 300_000 }, () => {
  it('is a row saying 空白模板, and no report of the imported layer', async () => {
    const seed = readFileSync(join(resolve(REPO_ROOT, 'data/corpus/seeds'), '2019-liaoning-fuxin-city.txt'));
    await page.goto(appUrl('bench=1'));
    await waitForEngine(page);
    await page.getByTestId('import-toggle').click();
    await page.getByTestId('import-files').setInputFiles([
      { name: 'template-2021-blank.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: readFileSync(TEMPLATE_2021) },
      // a line added: not the dataset's own file
      { name: 'fuxin-2019.txt', mimeType: 'text/plain', buffer: Buffer.concat([seed, Buffer.from('\n')]) },
    ]);
    await layerVersion(page);
    const row = page.getByTestId('import-list').locator('li').filter({ has: page.locator('.import-id').getByText('template-2021-blank.docx', { exact: true }) });
    expect(await row.getAttribute('data-status')).toBe('failed');
    expect(await row.getByTestId('import-reason').textContent()).toBe(' — 空白模板：只有法定表格，没有发布机关，也没有填写任何数字；不计为报告');
    // The header counts the reports read: the text file alone.
    expect(await page.getByTestId('import-count').textContent()).toBe(' (1)');

    // The imported reports alone: one report (the text file), none failed, no 2021 report of unknown level.
    await page.goto(appUrl('view=overview&layer=user&bench=1'));
    await waitForEngine(page);
    await page.getByTestId('kpi-reports').waitFor({ timeout: READY_TIMEOUT });
    const kpi = async (key: string) => (await page.getByTestId(`kpi-${key}`).locator('.kpi-value').textContent())?.trim();
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-reports"] .kpi-value')?.textContent?.trim() === '1', undefined, { timeout: READY_TIMEOUT });
    expect(await kpi('failed')).toBe('0');
    expect(await kpi('years')).toBe('2019–2019');

    // Both layers (the layer's rollups summed in SQL, src/db/user-layer.ts): the dataset's reports and the one text file.
    const reportsUnder = async (layer: string) => {
      await page.goto(appUrl(`view=overview&layer=${layer}&bench=1`));
      await waitForEngine(page);
      await layerVersion(page);
      const counts = await page.evaluate(async () => (window as unknown as { __gongkai: { query(sql: string): Promise<Record<string, unknown>[]> } }).__gongkai.query("SELECT sum(reports) AS reports, sum(failed) AS failed FROM rollups WHERE division_level = 'nation'"));
      return { reports: Number(counts[0].reports), failed: Number(counts[0].failed) };
    };
    const dataset = await reportsUnder('dataset');
    expect(await reportsUnder('all')).toEqual({ reports: dataset.reports + 1, failed: dataset.failed });

    // With a copy of a dataset file in the layer its rollups are counted in SQL from its rows (ownRollupsSql): the form still counts nowhere.
    await page.getByTestId('import-toggle').click();
    await page.getByTestId('import-files').setInputFiles([{ name: '2019-liaoning-fuxin-city.txt', mimeType: 'text/plain', buffer: seed }]);
    await page.getByTestId('import-duplicate').first().waitFor({ timeout: READY_TIMEOUT * 2 });
    expect(await reportsUnder('all')).toEqual({ reports: dataset.reports + 1, failed: dataset.failed });
  });
});
