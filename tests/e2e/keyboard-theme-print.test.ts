// Keyboard patterns, dark mode and print in real Chromium: the division tree follows the WAI-ARIA
// tree pattern, the body search the combobox pattern, report values and their highlights work
// from the keyboard and scroll the text panel (never the window); the dark theme follows
// prefers-color-scheme and the header's switch (kept on reload), charts included; a view printed
// to PDF holds each chart's title and source line and not the navigation or the tree.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../src/parse/input/pdf';
import { translator } from '../../src/app/i18n/messages';
import { REPO_ROOT } from '../helpers/paths';
import { browserSession, comparePair, openApp, READY_TIMEOUT, waitForChart } from './support';

const REPORT = 'corpus/seeds/2019-liaoning-fuxin-city.txt';
const GUANGDONG = '440000';
const zh = translator('zh');

const session = browserSession({ viewport: { width: 1440, height: 900 } });
let page: Page;

beforeAll(() => {
  ({ page } = session);
});

const focused = (p: Page) => p.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);

describe('division tree (WAI-ARIA tree pattern)', () => {
  it('one item in the tab order; arrows, Home/End, →/← open, enter and leave; Enter selects', async () => {
    await openApp(page, [['view', 'benchmark']]);
    const root = page.getByTestId('tree-level-root');
    await root.locator(':scope > li').first().waitFor({ timeout: READY_TIMEOUT });
    const rootItems = await root.locator(':scope > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-testid')));
    expect(rootItems.length).toBeGreaterThan(1);
    expect(await page.locator('[role="tree"]').count()).toBe(1);
    // Roving tabindex: exactly one treeitem is tabbable; the controls inside items are not.
    expect(await page.locator('[role="treeitem"][tabindex="0"]').count()).toBe(1);
    expect(await page.locator('[role="treeitem"] button:not([tabindex="-1"])').count()).toBe(0);

    await root.locator(':scope > li').first().focus();
    expect(await focused(page)).toBe(rootItems[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe(rootItems[1]);
    await page.keyboard.press('End');
    expect(await focused(page)).toBe(rootItems[rootItems.length - 1]);
    await page.keyboard.press('Home');
    expect(await focused(page)).toBe(rootItems[0]);
    expect(await page.locator('[role="treeitem"][tabindex="0"]').count()).toBe(1);

    // Down to Guangdong, open it with →, enter its first child with →, back up with ←, close with ←.
    const gd = page.getByTestId(`tree-node-${GUANGDONG}`);
    for (let i = 0; i < rootItems.indexOf(`tree-node-${GUANGDONG}`); i++) await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe(`tree-node-${GUANGDONG}`);
    expect(await gd.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => gd.getAttribute('aria-expanded')).toBe('true');
    const firstChild = page.getByTestId(`tree-level-${GUANGDONG}`).locator(':scope > li').first();
    await firstChild.waitFor({ timeout: READY_TIMEOUT });
    const firstChildId = await firstChild.getAttribute('data-testid');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe(firstChildId);
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe(`tree-node-${GUANGDONG}`);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => gd.getAttribute('aria-expanded')).toBe('false');

    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('parent')).toBe(GUANGDONG);
    await expect.poll(() => gd.getAttribute('aria-selected')).toBe('true');
  });
});

describe('body search (WAI-ARIA combobox pattern)', () => {
  it('↓/↑ move the active option, Enter adds it, Escape closes the list then clears the text', async () => {
    await openApp(page, [['view', 'compare']]);
    const input = page.getByTestId('entity-search');
    await input.waitFor({ timeout: READY_TIMEOUT });
    expect(await input.getAttribute('role')).toBe('combobox');
    await input.fill('广州');
    const options = page.getByTestId('entity-option');
    await expect.poll(() => options.count(), { timeout: READY_TIMEOUT }).toBeGreaterThan(1);
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    const listId = await input.getAttribute('aria-controls');
    expect(await page.locator(`[id="${listId}"]`).getAttribute('role')).toBe('listbox');

    await input.press('ArrowDown');
    await input.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    const second = options.nth(1);
    expect(active).toBe(await second.getAttribute('id'));
    expect(await second.getAttribute('aria-selected')).toBe('true');
    await input.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await options.nth(0).getAttribute('id'));
    await input.press('ArrowDown');
    const key = await second.getAttribute('data-key');
    expect(await focused(page)).toBe('entity-search');

    await input.press('Enter');
    await expect.poll(() => page.locator(`[data-testid="chip"][data-key="${key}"]`).count(), { timeout: READY_TIMEOUT }).toBe(1);
    expect(new URL(page.url()).searchParams.getAll('e')).toContain(key);
    expect(await second.getAttribute('aria-disabled')).toBe('true');

    await input.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('entity-results').isHidden()).toBe(true);
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    await input.press('Escape');
    expect(await input.inputValue()).toBe('');
  });
});

describe('report picker', () => {
  it('finds reports by issuer name', async () => {
    await openApp(page, [['view', 'report']]);
    const links = page.getByTestId('report-list').locator('a');
    await expect.poll(() => links.count(), { timeout: READY_TIMEOUT }).toBeGreaterThan(20);
    const all = await links.count();
    await page.getByTestId('report-search').fill('阜新');
    await expect.poll(() => links.count(), { timeout: READY_TIMEOUT }).toBeLessThan(all);
    const shown = await links.allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) expect(text).toContain('阜新');
  });
});

describe('report values from the keyboard', () => {
  it('a value row and a highlight work with Enter; the text panel scrolls, the window does not', async () => {
    await openApp(page, [['view', 'report'], ['report', REPORT]]);
    await page.locator('[data-testid="report-text"] mark').first().waitFor({ timeout: READY_TIMEOUT });
    const rows = page.getByTestId('value-row');
    const last = rows.nth((await rows.count()) - 1);
    await last.focus();
    const before = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('Enter');
    await expect.poll(() => last.getAttribute('class')).toBe('active');
    const after = await page.evaluate(() => ({ window: window.scrollY, text: document.querySelector('[data-testid="report-text"]')!.scrollTop }));
    expect(after.window).toBe(before);
    expect(after.text).toBeGreaterThan(0);

    // The highlights are in the tab order and select their value.
    const marks = page.locator('[data-testid="report-text"] mark[tabindex="0"]');
    expect(await marks.count()).toBeGreaterThan(5);
    const first = marks.first();
    const value = Number(await first.getAttribute('data-value'));
    await first.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.nth(value).getAttribute('class')).toBe('active');
    expect(await first.getAttribute('aria-pressed')).toBe('true');
  });
});

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings (WCAG 2.x A/AA) on the page, as "rule: target". */
async function seriousAxe(p: Page): Promise<string[]> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.evaluate(AXE_SOURCE);
  return p.evaluate(async () => {
    type Axe = { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> };
    const result = await (window as unknown as { axe: Axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${String(v.nodes[0]?.target[0])} (${v.nodes.length})`);
  });
}

/** The computed background of the page and the chart's theme and top-left pixel. */
async function paint(p: Page) {
  return p.evaluate(() => {
    const chart = document.querySelector('[data-testid="chart-overview"]')!;
    const canvas = chart.querySelector('canvas')!;
    const pixel = [...canvas.getContext('2d')!.getImageData(2, 2, 1, 1).data];
    return { background: getComputedStyle(document.documentElement).backgroundColor, chartTheme: chart.getAttribute('data-chart-theme'), pixel };
  });
}

describe('dark theme', () => {
  it('follows prefers-color-scheme, charts included; the switch overrides it and is kept on reload', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      await openApp(page);
      await page.evaluate(() => localStorage.removeItem('gongkai.theme'));
      await openApp(page);
      await waitForChart(page, 'overview');
      const dark = await paint(page);
      expect(dark.background).toBe('rgb(15, 19, 26)');
      expect(dark.chartTheme).toBe('dark');
      // The chart's own background is the dark one (#161b26), not white.
      expect(dark.pixel.slice(0, 3)).toEqual([0x16, 0x1b, 0x26]);
      expect(await page.getByTestId('theme-toggle').getAttribute('aria-pressed')).toBe('true');
      // The dark page is as readable: no serious or critical axe-core finding (colour contrast included).
      for (const view of ['overview', 'compare', 'benchmark', 'report', 'methods'] as const) {
        if (view !== 'overview') await openApp(page, [['view', view]]);
        await page.waitForLoadState('networkidle');
        expect(await seriousAxe(page), view).toEqual([]);
      }
      await openApp(page);
      await waitForChart(page, 'overview');

      await page.getByTestId('theme-toggle').click();
      await waitForChart(page, 'overview');
      const light = await paint(page);
      expect(light.background).toBe('rgb(247, 247, 245)');
      expect(light.chartTheme).toBe('light');
      expect(light.pixel[3]).toBe(0);

      await page.reload();
      await waitForChart(page, 'overview');
      expect((await paint(page)).chartTheme).toBe('light');
      expect(await page.getByTestId('theme-toggle').getAttribute('aria-pressed')).toBe('false');
    } finally {
      await page.evaluate(() => localStorage.removeItem('gongkai.theme'));
      await page.emulateMedia({ colorScheme: 'light' });
    }
  }, 300_000);
});

/** Compared as NFKC without spaces: Chrome's PDF maps some CJK glyphs to compatibility forms (⼯ for 工). */
const norm = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

async function pdfText(p: Page): Promise<string> {
  const bytes = await p.pdf({ format: 'A4', printBackground: true });
  const pdfjs = join(REPO_ROOT, 'node_modules/pdfjs-dist');
  const read = await readPdf(new Uint8Array(bytes), { cMapUrl: join(pdfjs, 'cmaps') + '/', standardFontDataUrl: join(pdfjs, 'standard_fonts') + '/' });
  if (!read.ok) throw new Error(read.reason);
  return norm(read.pages.flatMap((page) => page.items.map((item) => item.str)).join(''));
}

describe('print', () => {
  it('a printed view holds each chart title and its source line, without navigation or tree', async () => {
    await openApp(page);
    await waitForChart(page, 'overview');
    await waitForChart(page, 'trends');
    const text = await pdfText(page);
    expect(text).toContain(norm(zh('overview.byYearLevel')));
    expect(text).toContain(norm(zh('overview.trends')));
    expect(text).toContain(norm(`来源：${zh('source')}`));
    expect(text).not.toContain(norm(zh('skipToContent')));
    expect(text).not.toContain(norm(zh('exportPng')));

    // A hierarchy view: the tree is on screen, not on paper.
    await openApp(page, [['view', 'benchmark'], ['parent', '440100']]);
    await page.getByTestId('panel-benchmark').waitFor({ timeout: READY_TIMEOUT });
    await page.getByTestId('tree-level-root').locator(':scope > li').first().waitFor({ timeout: READY_TIMEOUT });
    // The chart drawn before the page is printed (its data come behind the first answer: printed sooner, it says 加载中).
    await waitForChart(page, 'benchmark');
    expect(await page.getByTestId('division-tree').isVisible()).toBe(true);
    const bench = await pdfText(page);
    expect(bench).not.toContain(norm(zh('tree.title')));
    expect(bench).toContain(norm('来源：'));
  }, 180_000);
});

describe('phone (390×844)', () => {
  it('the header folds into a menu button; the two-body outcomes chart leaves its bars room', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const pair = await comparePair(session.native);
      await openApp(page, [['view', 'outcomes'], ['e', pair[0].key], ['e', pair[1].key]]);
      const toggle = page.getByTestId('menu-toggle');
      await toggle.waitFor({ timeout: READY_TIMEOUT });
      expect(await page.getByTestId('nav-compare').isVisible()).toBe(false);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await page.getByTestId('nav-compare').isVisible()).toBe(true);
      await toggle.click();

      await waitForChart(page, 'outcomes');
      const height = await page.getByTestId('chart-outcomes').evaluate((el) => el.getBoundingClientRect().height);
      await page.getByTestId('table-toggle-outcomes').click();
      const bars = (await page.getByTestId('chart-table-outcomes').locator('tbody tr').count());
      expect(bars).toBeGreaterThan(0);
      // Beyond title, unit, legend, notes and source (at least 120 px), 56 px a bar and the axis.
      expect(height).toBeGreaterThanOrEqual(120 + 40 + 56 * bars);
      // The picker keeps the width of the screen (it was squeezed into a 20 px column).
      const picker = await page.locator('.picker').evaluate((el) => el.getBoundingClientRect().width);
      expect(picker).toBeGreaterThan(300);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('division and body search results keep each name on one line, its level and years below it', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await openApp(page, 'view=benchmark');
      await page.getByTestId('tree-search').waitFor({ timeout: READY_TIMEOUT });
      await page.getByTestId('tree-search').fill('海珠');
      await page.getByTestId('tree-match-440105').waitFor({ timeout: READY_TIMEOUT });
      const heights = (els: Element[]) => els.map((el) => ({ name: el.textContent, height: el.getBoundingClientRect().height, fontSize: parseFloat(getComputedStyle(el).fontSize) }));
      // One line of text: no taller than two font sizes (the 24 px touch target allowed).
      const tall = (names: { name: string | null; height: number; fontSize: number }[]) => names.filter((n) => n.height > Math.max(24, n.fontSize * 2)).map((n) => n.name);
      const treeNames = await page.getByTestId('tree-match').evaluateAll(heights);
      expect(treeNames.length).toBeGreaterThan(0);
      expect(tall(treeNames)).toEqual([]);
      await openApp(page, 'view=compare');
      await page.getByTestId('entity-search').waitFor({ timeout: READY_TIMEOUT });
      await page.getByTestId('entity-search').fill('海珠');
      await page.getByTestId('entity-option').first().waitFor({ timeout: READY_TIMEOUT });
      const pickerNames = await page.getByTestId('entity-add').evaluateAll(heights);
      expect(pickerNames.length).toBeGreaterThan(0);
      expect(tall(pickerNames)).toEqual([]);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it("benchmark's table keeps each header on one line on a wide screen, and on a phone stacks into labelled cards inside its own focusable region, nothing scrolling sideways", async () => {
    const shapeOf = () =>
      page.evaluate(() => {
        const region = document.querySelector('[data-testid="benchmark-table-scroll"]') as HTMLElement;
        const heads = [...document.querySelectorAll('[data-testid="benchmark-table"] thead th')].filter((th) => th.textContent);
        const lineHeight = parseFloat(getComputedStyle(heads[0]).fontSize) * 2;
        return {
          tall: heads.filter((th) => th.getBoundingClientRect().height > lineHeight).map((th) => th.textContent),
          scrolls: region.scrollWidth > region.clientWidth,
          focusable: region.tabIndex === 0 && region.getAttribute('role') === 'region' && !!region.getAttribute('aria-label'),
          labelled: document.querySelectorAll('[data-testid="benchmark-table"] td[data-label]').length,
          pageWidth: document.documentElement.scrollWidth,
        };
      });
    await openApp(page, [['view', 'benchmark'], ['parent', '440100']]);
    await page.getByTestId('benchmark-table').waitFor({ timeout: READY_TIMEOUT });
    const wide = await shapeOf();
    expect(wide.tall).toEqual([]);
    expect(wide.focusable).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await openApp(page, [['view', 'benchmark'], ['parent', '440100']]);
      await page.getByTestId('benchmark-table').waitFor({ timeout: READY_TIMEOUT });
      const phone = await shapeOf();
      expect(phone.scrolls).toBe(false);
      expect(phone.labelled).toBeGreaterThan(0);
      expect(phone.focusable).toBe(true);
      expect(phone.pageWidth).toBeLessThanOrEqual(390);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});
