// A PDF report in the Report view: a click on a value renders its page with pdf.js (worker,
// CMaps and fonts served by the app, nothing from the network) and highlights the value's box.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/ingest/run-ingest';
import type { Browser } from '../helpers/chromium';
import { collectOutput } from '../helpers/collect-output';
import { makeTempDir } from '../helpers/ingest-fixture';
import { REPO_ROOT } from '../helpers/paths';
import { startPreview, type Preview } from '../helpers/preview-server';
import { e2eContext, browserSession, READY_TIMEOUT } from './support';

const REPORT = 'corpus/pdf/2024-jiangsu-huaian-city.pdf';
let root: string;
let preview: Preview;
let browser: Browser;
let page: Page;

const session = browserSession();

beforeAll(async () => {
  root = makeTempDir('gongkai-e2e-pdf-');
  mkdirSync(join(root, 'corpus/pdf'), { recursive: true });
  copyFileSync(join(REPO_ROOT, '../shared/corpus/pdf/2024-jiangsu-huaian-city.pdf'), join(root, REPORT));
  await runIngest([join(root, 'corpus')], join(root, 'dataset'), collectOutput());
  preview = await startPreview(e2eContext().distDir, join(root, 'dataset'), root);
  ({ browser, page } = session);
}, 180_000);

afterAll(async () => {
  await preview?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the PDF pane of the Report view', () => {
  it('renders the page of a clicked value and draws its box where the value is printed', async () => {
    await page.goto(`${preview.url}?view=report&report=${encodeURIComponent(REPORT)}`);
    const row = page.locator('[data-testid="value-row"]', { has: page.locator('td[title="p.penalty.decisions"]') });
    await row.waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('pdf-page').count()).toBe(0);
    await row.click();
    const pane = page.getByTestId('pdf-page');
    await pane.waitFor({ timeout: READY_TIMEOUT });
    expect(await pane.getAttribute('data-page')).toBe('4');
    const box = page.getByTestId('pdf-box');
    await box.waitFor({ timeout: READY_TIMEOUT });
    // A4 is 595 units wide, drawn 640 px wide: x 249.2 → 268 px; the box is as wide as "3985758" (38.5 → 41 px)
    const rect = await box.evaluate((el) => ({ left: parseFloat((el as HTMLElement).style.left), width: parseFloat((el as HTMLElement).style.width), top: parseFloat((el as HTMLElement).style.top) }));
    const scale = 640 / 595;
    expect(rect.left).toBeCloseTo(249.2 * scale, 0);
    expect(rect.width).toBeCloseTo(38.5 * scale, 0);
    expect(rect.top).toBeGreaterThan((842 - 720) * scale);
    expect(rect.top).toBeLessThan((842 - 700) * scale);
    // the page is drawn: dark pixels (text) under the box
    const ink = await page.evaluate(({ left, top, width }) => {
      const canvas = document.querySelector('[data-testid="pdf-page"] canvas') as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(left, top, width, 14).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++;
      return dark;
    }, rect);
    expect(ink).toBeGreaterThan(10);
    expect(browser.offline).toEqual([]);
  });
});
