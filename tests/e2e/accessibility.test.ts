// Accessibility in real Chromium, every view at 1440×900 and 390×844: the skip link is first in the
// tab order and moves focus to the main content; axe-core (WCAG 2.x A/AA rules) finds no serious or
// critical violation; the page never scrolls sideways; every chart is an image with a name and a
// text alternative carrying its figures, the same figures its "show as table" switch lists, and
// those figures are the dataset's (native DuckDB) for the overview and compare charts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { VIEWS, type View } from '../../src/app/state/url-state';
import type { NativeDataset } from '../helpers/native-duckdb';
import { compareSeries, reportsByYearLevel } from '../../src/db/sql';
import { browserSession, comparePair, openApp, READY_TIMEOUT, waitForEngine, type Body } from './support';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Both sizes every view is checked at: a desktop and a phone (390 px, the iPhone size). */
const SIZES = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

interface Finding {
  id: string;
  impact: string;
  nodes: number;
  help: string;
  /** The first few offending elements' selectors. */
  targets: string;
}

const HIERARCHY_PARENT = '440100';

const session = browserSession({ viewport: { width: 1440, height: 900 } });
let page: Page;
let native: NativeDataset;
let pair: [Body, Body];

beforeAll(async () => {
  ({ page, native } = session);
  pair = await comparePair(native);
});

async function openView(view: View): Promise<void> {
  const bodies: [string, string][] = ['compare', 'outcomes', 'review'].includes(view) ? [['e', pair[0].key], ['e', pair[1].key]] : [];
  // The hierarchy views with a division chosen (Guangzhou), so their charts, tables and the tree's selected row are checked.
  const parent: [string, string][] = ['benchmark', 'reconcile', 'coverage', 'similar'].includes(view) ? [['parent', HIERARCHY_PARENT]] : [];
  await openApp(page, [['view', view], ...bodies, ...parent]);
  await page.getByTestId('engine-loading').waitFor({ state: 'detached', timeout: READY_TIMEOUT });
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelectorAll('[data-chart-ready="false"]').length === 0, undefined, { timeout: READY_TIMEOUT });
}

async function seriousFindings(): Promise<Finding[]> {
  // Evaluated, not added as a <script>: the app's Content-Security-Policy forbids inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Axe = { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[]; help: string }[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', nodes: v.nodes.length, help: v.help, targets: v.nodes.slice(0, 3).map((n) => String(n.target[0])).join(', ') }));
  });
}

describe('skip link', () => {
  it('is the first stop in the tab order and moves focus to the main content', async () => {
    await openApp(page);
    await waitForEngine(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-link');
    await expect.poll(() => page.getByTestId('skip-link').boundingBox().then((box) => (box?.y ?? -1) >= 0)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
  });
});

interface ChartCheck {
  id: string;
  label: string;
  description: string;
  /** The switch's table: header and rows of cells. */
  table: string[][];
}

/** Every chart on the page: its accessible name, its description, and its table (switch on, read, off). */
async function chartChecks(): Promise<ChartCheck[]> {
  const ids = await page.$$eval('[data-testid^="chart-"][role="img"]', (els) => els.map((el) => el.getAttribute('data-testid')!.slice('chart-'.length)));
  const out: ChartCheck[] = [];
  for (const id of ids) {
    const chart = page.getByTestId(`chart-${id}`);
    const label = (await chart.getAttribute('aria-label')) ?? '';
    const describedBy = (await chart.getAttribute('aria-describedby')) ?? '';
    const description = describedBy ? await page.evaluate((ref) => document.getElementById(ref)?.textContent ?? '', describedBy) : '';
    const toggle = page.getByTestId(`table-toggle-${id}`);
    let table: string[][] = [];
    if ((await toggle.count()) > 0) {
      await toggle.click();
      table = await page.getByTestId(`chart-table-${id}`).evaluate((el) => [...el.querySelectorAll('tr')].map((tr) => [...tr.cells].map((c) => c.textContent!.trim())));
      await toggle.click();
    }
    out.push({ id, label, description, table });
  }
  return out;
}

/** What is wrong with a chart's text alternative, or [] (compared with its own table). */
function chartProblems(c: ChartCheck): string[] {
  const problems: string[] = [];
  if (!c.label) problems.push(`${c.id}: no accessible name`);
  if (!/\d/.test(c.description)) problems.push(`${c.id}: description without figures: "${c.description.slice(0, 80)}"`);
  if (c.table.length < 2) problems.push(`${c.id}: no table`);
  const title = c.label.replace(/^(图表：|Chart: )/, '');
  if (!c.description.startsWith(title)) problems.push(`${c.id}: description does not start with the title "${title}"`);
  // Each shown value, with what it belongs to, is in the words (up to the rows listed in full).
  for (const row of c.table.slice(1, 41)) {
    for (const cell of row.slice(1)) {
      if (cell !== '—' && !c.description.includes(`${row[0]} ${cell}`)) problems.push(`${c.id}: "${row[0]} ${cell}" missing from the description`);
    }
  }
  return problems.slice(0, 5);
}

async function overflow(): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
}

for (const size of SIZES) {
  describe(`every view at ${size.width}×${size.height}`, () => {
    it('axe-core finds no serious or critical violation, nothing scrolls sideways, every chart says its figures', async () => {
      await page.setViewportSize(size);
      const problems = new Map<View, string[]>();
      for (const view of VIEWS) {
        await openView(view);
        const found: string[] = [];
        const sideways = await overflow();
        if (sideways > 0) found.push(`scrolls sideways by ${sideways}px`);
        for (const f of await seriousFindings()) found.push(`axe ${f.id} (${f.impact}, ${f.nodes} nodes: ${f.targets})`);
        for (const chart of await chartChecks()) found.push(...chartProblems(chart));
        problems.set(view, found);
      }
      for (const [view, list] of problems) if (list.length > 0) console.log(`${size.width}px ${view}: ${list.join('; ')}`);
      for (const view of VIEWS) expect(problems.get(view), view).toEqual([]);
    }, 900_000);
  });
}

describe('text alternatives carry the dataset\'s figures', () => {
  it('overview: every year × level count of native DuckDB is in the chart\'s words', async () => {
    await page.setViewportSize(SIZES[0]);
    await openView('overview');
    const expected = await native.rows(reportsByYearLevel());
    expect(expected.length).toBeGreaterThan(0);
    const description = (await page.getByTestId('description-overview').textContent()) ?? '';
    for (const row of expected) {
      expect(description, `${String(row.year)} ${String(row.level)}`).toContain(`${String(row.year)} ${Number(row.reports).toLocaleString('en-US')}`);
    }
  });

  it('compare: each body\'s native value per year is in its series\' words', async () => {
    await openView('compare');
    const expected = await native.rows(compareSeries({ bodies: pair.map((b) => b.key), metric: 'r.new.total' }));
    const description = (await page.getByTestId('description-compare').textContent()) ?? '';
    const segments = description.split('；');
    let checked = 0;
    for (const row of expected) {
      if (row.value === null || row.scope === 'area') continue;
      const segment = segments.find((s) => s.includes(`${String(row.body)}：`)) ?? '';
      expect(segment, `${String(row.body)} ${String(row.year)}`).toMatch(new RegExp(`${String(row.year)} ${Number(row.value).toLocaleString('en-US')}(（|，|$)`));
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
