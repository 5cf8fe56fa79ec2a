// Views re-audited by views19, in real Chromium. A benchmark whose peers fall into groups by level
// (province-level peers of 海南省's children: 4 cities, 23 counties, over a generated 海南) says
// each group's size and which groups were too small to flag outliers in, instead of one group's
// size as if it were everyone's. Request outcomes label every bar with its year and basis at 390
// and 1280 px (every other label was dropped as overlapping). Tables that scroll sideways on a
// phone do so in a focusable, named box. Expectations come from native DuckDB and the messages.
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/app/i18n/messages';
import { levelLabel } from '../../src/app/views/common';
import { MIN_SPREAD_PEERS } from '../../src/db/sql';
import { formatNumber } from '../../src/charts/format';
import { benchmarkChildren, outcomeBreakdown } from '../../src/db/sql';
import { runGenerate } from '../../src/generate/run';
import { runIngest } from '../../src/ingest/run-ingest';
import { collectOutput } from '../helpers/collect-output';
import { makeTempDir } from '../helpers/ingest-fixture';
import { openNativeDataset, type NativeDataset, type NativeRow } from '../helpers/native-duckdb';
import { startPreview, type Preview } from '../helpers/preview-server';
import { browserSession, comparePair, downloadFrom, drawnOption, e2eContext, openApp, overlap, parseCsv, READY_TIMEOUT, svgTextBoxes, waitForChart } from './support';

const session = browserSession();
const squeezed = (text: string) => text.replace(/\s+/g, '');

describe('a benchmark over peer groups of several levels (generated 海南 2021, province-level peers)', () => {
  const parent = '460000';
  const year = 2021;
  let root: string;
  let preview: Preview;
  let generated: NativeDataset;
  let rows: NativeRow[];

  beforeAll(async () => {
    root = makeTempDir('gongkai-e2e-views19-');
    const reports = join(root, 'reports');
    await runGenerate({ province: '海南', years: [year], out: reports, seed: 7, scale: 0.01, noise: 'default', copies: 0 });
    await runIngest([reports], join(root, 'dataset'), collectOutput(), { storedAnswers: false });
    preview = await startPreview(e2eContext().distDir, join(root, 'dataset'));
    generated = await openNativeDataset(join(root, 'dataset'));
    rows = await generated.rows(benchmarkChildren({ parent, year, metric: 'r.new.total', peer: 'province-level' }));
  }, 240_000);

  afterAll(async () => {
    generated?.close();
    await preview?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** Each peer group of the ranked children and its size, in rank order of first appearance (as native DuckDB ranks them). */
  const groupsOf = (ranked: NativeRow[]) => {
    const groups = new Map<string, number>();
    for (const r of ranked) if (r.value !== null && !groups.has(String(r.peer_group))) groups.set(String(r.peer_group), Number(r.peers));
    return [...groups];
  };

  for (const locale of ['zh', 'en'] as const) {
    it(`names every group's size and the groups too small for outliers, in chart, text alternative, chart table and CSV (${locale})`, async () => {
      const { page } = session;
      const t = translator(locale);
      const groups = groupsOf(rows);
      // The case itself: two groups, one below MIN_SPREAD_PEERS and one at or above it.
      expect(groups.length).toBe(2);
      const small = groups.filter(([, n]) => n < MIN_SPREAD_PEERS);
      expect(small.length).toBe(1);
      expect(groups.some(([, n]) => n >= MIN_SPREAD_PEERS)).toBe(true);
      const sep = locale === 'zh' ? '、' : ', ';
      const list = groups.map(([g, n]) => t('bench.peerGroup', { level: levelLabel(t, g), n })).join(sep);
      const groupsNote = squeezed(t('bench.peerGroups', { list }));
      const smallNote = squeezed(t('bench.fewPeerGroups', { groups: small.map(([g]) => levelLabel(t, g)).join(sep), n: small.length, min: MIN_SPREAD_PEERS }));
      // What the view said before: the first ranked row's group size as the size of all peers.
      const firstGroupOnly = squeezed(t('bench.peers', { n: Number(rows[0].peers) }));

      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${preview.url}?view=benchmark&parent=${parent}&year=${year}&peer=province-level&bench=1&lang=${locale}`);
      await waitForChart(page, 'benchmark');
      const notes = (JSON.parse(JSON.stringify((await drawnOption(page, 'benchmark')).graphic)) as { elements: { id?: string; style?: { text?: string } }[] }).elements
        .filter((e) => e.id?.startsWith('note-'))
        .map((e) => squeezed(e.style?.text ?? ''));
      expect(notes).toContain(groupsNote);
      expect(notes).toContain(smallNote);
      expect(notes).not.toContain(firstGroupOnly);
      const description = squeezed((await page.getByTestId('description-benchmark').textContent()) ?? '');
      expect(description).toContain(groupsNote);
      expect(description).toContain(smallNote);
      await page.getByTestId('table-toggle-benchmark').click();
      const tableNotes = squeezed((await page.getByTestId('chart-table-note-benchmark').allTextContents()).join(''));
      expect(tableNotes).toContain(groupsNote);
      expect(tableNotes).toContain(smallNote);

      // The small group's units carry no outlier flag (CSV cell empty: not tested); the large group's flags stay as native DuckDB computes them.
      const csv = parseCsv((await downloadFrom(page, 'csv-benchmark')).bytes.toString('utf8').replace(/^\uFEFF/, ''));
      const [header, ...csvRows] = csv;
      const cell = (r: string[], c: string) => r[header.indexOf(c)];
      const smallGroup = small[0][0];
      const inSmall = csvRows.filter((r) => cell(r, 'peer_group') === smallGroup && cell(r, 'value') !== '');
      expect(inSmall.length).toBe(rows.filter((r) => r.peer_group === smallGroup && r.value !== null).length);
      expect(inSmall.map((r) => cell(r, 'outlier'))).toEqual(inSmall.map(() => ''));
      const flagged = rows.filter((r) => r.peer_group !== smallGroup && r.outlier === true).map((r) => String(r.division_code)).sort();
      expect(flagged.length).toBeGreaterThan(0);
      expect(csvRows.filter((r) => cell(r, 'outlier') === 'true').map((r) => cell(r, 'body_key')).sort()).toEqual(flagged);
      const badges = await page.locator('[data-testid="benchmark-table"] tr:has(.badge.outlier)').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code') ?? '').sort());
      expect(badges).toEqual(flagged);
    }, 120_000);
  }
});

describe('request outcomes: every bar keeps its label and basis', () => {
  for (const [width, locale] of [[390, 'zh'], [1280, 'en']] as const) {
    it(`at ${width} px (${locale}): each year stating the handled total is named with its reports, bodies and total in the SVG, no two labels overlapping`, async () => {
      const { page, native } = session;
      const t = translator(locale);
      const stated = (await native.rows(outcomeBreakdown({ bodies: [] }))).filter((r) => r.r_handled_total !== null);
      expect(stated.length).toBeGreaterThan(3);
      const labels = stated.map((r) => ({
        year: String(r.year),
        basis: t('outcomes.basis', { reports: Number(r.reports_with_total), bodies: Number(r.bodies), total: formatNumber(Number(r.r_handled_total), locale) }),
      }));
      await page.setViewportSize({ width, height: 900 });
      await openApp(page, `view=outcomes&lang=${locale}`);
      await waitForChart(page, 'outcomes');
      // The chart table's shares in the page's language: 14.7% (161) in English, 14.7%（161） in Chinese.
      const tableText = (await page.getByTestId('outcomes-table').textContent()) ?? '';
      expect(tableText).toMatch(locale === 'zh' ? /%（[\d,]+）/ : /% \([\d,]+\)/);
      expect(tableText).not.toMatch(locale === 'zh' ? /% \(/ : /[（）]/);
      // last: reading the SVG's text boxes replaces the page
      const svg = (await downloadFrom(page, 'svg-outcomes')).bytes.toString('utf8');
      const boxes = await svgTextBoxes(page, svg);
      // A two-line label is one text or one text a line, as the renderer writes it.
      const whole = (year: string, basis: string) => boxes.filter((b) => squeezed(b.text) === squeezed(`${year}${basis}`) || squeezed(b.text) === year || squeezed(b.text) === squeezed(basis));
      const found = labels.map(({ year, basis }) => whole(year, basis).map((b) => squeezed(b.text)).join(''));
      expect(found).toEqual(labels.map(({ year, basis }) => squeezed(`${year}${basis}`)));
      // Each label's box (its lines together): no two labels' boxes overlap.
      const placed = labels.map(({ year, basis }) => {
        const lines = whole(year, basis);
        const [x, y] = [Math.min(...lines.map((b) => b.x)), Math.min(...lines.map((b) => b.y))];
        return { text: year, x, y, width: Math.max(...lines.map((b) => b.x + b.width)) - x, height: Math.max(...lines.map((b) => b.y + b.height)) - y };
      });
      for (let i = 1; i < placed.length; i++) expect(overlap(placed[i - 1], placed[i]), `${placed[i - 1].text} and ${placed[i].text}`).toBe(false);
    }, 120_000);
  }
});

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('tables wider than a phone scroll in a focusable, named box (390 px)', () => {
  for (const [view, testId] of [['review', 'review-table'], ['map', 'map-table'], ['compare', 'compare-table'], ['overview', 'failing-table']] as const) {
    it(`${view}: the ${testId}'s scrolling box takes the keyboard and has a name; axe finds no scrollable region out of reach`, async () => {
      const { page, native } = session;
      const pair = await comparePair(native);
      await page.setViewportSize({ width: 390, height: 844 });
      await openApp(page, [['view', view], ...(view === 'compare' ? pair.map((b) => ['e', b.key] as [string, string]) : [])]);
      await page.getByTestId(testId).locator('tbody tr').first().waitFor({ timeout: READY_TIMEOUT });
      const box = await page.getByTestId(testId).evaluate((table) => {
        let el: HTMLElement | null = table.parentElement;
        while (el && getComputedStyle(el).overflowX === 'visible') el = el.parentElement;
        return el ? { tabIndex: el.tabIndex, role: el.getAttribute('role'), name: el.getAttribute('aria-label') ?? '', fits: document.documentElement.scrollWidth <= innerWidth } : null;
      });
      expect(box).not.toBeNull();
      expect(box!.tabIndex).toBe(0);
      expect(box!.role).toBe('region');
      expect(box!.name.length).toBeGreaterThan(1);
      expect(box!.fits).toBe(true);
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
      const unreachable = await page.evaluate(async () => {
        type Axe = { run: (context: Document, options: object) => Promise<{ violations: { nodes: { target: unknown[] }[] }[] }> };
        const result = await (window as unknown as { axe: Axe }).axe.run(document, { runOnly: { type: 'rule', values: ['scrollable-region-focusable'] } });
        return result.violations.flatMap((v) => v.nodes.map((n) => String(n.target[0])));
      });
      expect(unreachable).toEqual([]);
    }, 120_000);
  }
});
