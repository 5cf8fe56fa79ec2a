// Exports for briefings and the briefing page, in real Chromium: a PNG exported from a 390 px
// window is the preset's size × 2 whatever the window; the SVG of the same export carries the whole
// source line and a font of its glyphs; two charts pinned from two views print to a PDF whose text
// holds each chart's title and sentence; the briefing URL alone restores the same pins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readPdf } from '../../src/parse/input/pdf';
import { svgTexts } from '../../src/briefing/font';
import type { Browser } from '../helpers/chromium';
import { appUrl, browserSession, comparePair, downloadFrom, openApp, openBrowser, READY_TIMEOUT, waitForChart, waitForEngine } from './support';

let browser: Browser;
let page: Page;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect([...bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** The consecutive <text> lines of an SVG that make up `whole`, joined (or '' when they are not there). */
function linesFrom(svg: string, whole: string): string {
  const texts = svgTexts(svg);
  for (let i = 0; i < texts.length; i++) {
    if (!texts[i] || !whole.startsWith(texts[i])) continue;
    let joined = '';
    for (let j = i; j < texts.length && whole.startsWith(joined + texts[j]); j++) {
      joined += texts[j];
      if (joined === whole) return joined;
    }
  }
  return '';
}

// PDF text comes back with some hanzi as their Kangxi-radical twins (⽐ for 比): NFKC folds them.
const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

const session = browserSession({ viewport: { width: 390, height: 844 } });

beforeAll(() => {
  ({ browser, page } = session);
});

afterAll(() => {
  expect(browser.errors).toEqual([]);
});

describe('export for briefings at a 390 px window', () => {
  it('gives a 16:9 slide PNG at 2× and an SVG with the whole source line and an embedded font', async () => {
    await openApp(page);
    await waitForEngine(page);
    await waitForChart(page, 'trends');
    await page.getByTestId('export-trends').click();
    const dialog = page.getByTestId('export-dialog-trends');
    await dialog.waitFor();
    const source = (await page.getByTestId('export-source').textContent()) ?? '';
    expect(source).toMatch(/^来源：公开 Gongkai.*数据集 [0-9a-f]{8} · \d{4}-\d{2}-\d{2}$/);
    await page.getByTestId('export-title').fill('新收与办结申请（简报）');

    const png = await downloadFrom(page, 'export-png');
    expect(png.name).toBe('新收与办结申请（简报）_1600x900.png');
    expect(pngSize(png.bytes)).toEqual([3200, 1800]);

    const svg = (await downloadFrom(page, 'export-svg')).bytes.toString('utf8');
    expect(svg.startsWith('<svg width="1600" height="900"')).toBe(true);
    expect(svg).toMatch(/@font-face\{font-family:'GongkaiExportCJK';src:url\(data:font\/otf;base64,[A-Za-z0-9+/=]{200,}\)/);
    expect(linesFrom(svg, source)).toBe(source);
    expect(svgTexts(svg)).toContain('新收与办结申请（简报）');
  });

  it('wraps the source line at a narrow custom size, never cuts it', async () => {
    await page.getByTestId('export-preset-custom').check();
    await page.getByTestId('export-width').fill('390');
    await page.getByTestId('export-height').fill('600');
    const dialog = page.getByTestId('export-dialog-trends');
    await expect.poll(() => dialog.getAttribute('data-source-lines')).not.toBe('1');
    const lines = Number(await dialog.getAttribute('data-source-lines'));
    expect(lines).toBeGreaterThan(1);
    expect(Number(await dialog.getAttribute('data-foot-height'))).toBeGreaterThanOrEqual(8 + 16 * (lines + 1) + 12);
    const source = (await page.getByTestId('export-source').textContent()) ?? '';
    const png = await downloadFrom(page, 'export-png');
    expect(pngSize(png.bytes)).toEqual([780, 1200]);
    const svg = (await downloadFrom(page, 'export-svg')).bytes.toString('utf8');
    expect(linesFrom(svg, source)).toBe(source);
    // The source line is drawn on as many <text> lines as the layout said.
    const first = svgTexts(svg).findIndex((t) => t !== '' && source.startsWith(t) && t.startsWith('来源'));
    expect(svgTexts(svg).slice(first, first + lines).join('')).toBe(source);
    expect((await page.getByTestId('export-alt').inputValue()).length).toBeGreaterThan(20);
    await page.getByTestId('export-close').click();
  });
});

describe('briefing page', () => {
  it('pins two charts from two views, prints them with their sentences and restores them from its URL', async () => {
    const pair = await comparePair(session.native);
    await openApp(page);
    await waitForEngine(page);
    await waitForChart(page, 'trends');
    await page.getByTestId('pin-trends').click();
    await expect.poll(() => page.getByTestId('pin-trends').textContent()).toContain('1');
    await openApp(page, [['view', 'compare'], ['e', pair[0].key], ['e', pair[1].key]]);
    await waitForChart(page, 'compare');
    await page.getByTestId('pin-compare').click();
    await expect.poll(() => page.getByTestId('pin-compare').textContent()).toContain('2');

    await openApp(page, 'view=briefing');
    for (const i of [0, 1]) await page.getByTestId(`briefing-sentence-${i}`).filter({ hasText: /\S/ }).waitFor({ timeout: READY_TIMEOUT });
    const url = new URL(page.url());
    const pins = url.searchParams.getAll('pin');
    expect(pins).toHaveLength(2);
    expect(pins[0]).toBe('chart=trends');
    expect(new URLSearchParams(pins[1]).get('view')).toBe('compare');
    const titles = await Promise.all([0, 1].map((i) => page.getByTestId(`briefing-title-${i}`).textContent()));
    const sentences = await Promise.all([0, 1].map((i) => page.getByTestId(`briefing-sentence-${i}`).textContent()));
    expect(titles[0]).toBe('主要指标年度合计（不含汇总报告）');
    expect(sentences[0]).toMatch(/^\d{4}年，.+为[\d,.万]+件（\d+份报告）/);
    expect(sentences[1]).toContain(pair[0].name);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const read = await readPdf(new Uint8Array(pdf));
    if (!read.ok) throw new Error(read.reason);
    const text = squash(read.pages.flatMap((p) => p.items.map((item) => item.str)).join(''));
    for (const t of [...titles, ...sentences]) expect(text).toContain(squash(t ?? ''));
    // Navigation and the pin controls are not printed.
    expect(text).not.toContain(squash('上移'));

    // The briefing URL alone, in a fresh browser (no stored pins), shows the same pins.
    const fresh = await openBrowser({ viewport: { width: 1280, height: 900 } });
    try {
      await fresh.page.goto(appUrl(url.search));
      for (const i of [0, 1]) await fresh.page.getByTestId(`briefing-sentence-${i}`).filter({ hasText: /\S/ }).waitFor({ timeout: READY_TIMEOUT });
      expect(await Promise.all([0, 1].map((i) => fresh.page.getByTestId(`briefing-pin-${i}`).getAttribute('data-pin')))).toEqual(pins);
      expect(await Promise.all([0, 1].map((i) => fresh.page.getByTestId(`briefing-title-${i}`).textContent()))).toEqual(titles);
      expect(await Promise.all([0, 1].map((i) => fresh.page.getByTestId(`briefing-sentence-${i}`).textContent()))).toEqual(sentences);
    } finally {
      await fresh.close();
    }
  }, 240_000);

  it('drops a pin that is not a chart, with a notice', async () => {
    await openApp(page, [['view', 'briefing'], ['pin', 'chart=trends'], ['pin', 'view=sql'], ['pin', 'view=nowhere']]);
    await page.getByTestId('briefing-pin-0').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('notices').locator('li').count()).toBe(2);
    expect(await page.locator('[data-testid^="briefing-pin-"]').count()).toBe(1);
  });
});
