// Presentation at its edges, in real Chromium: the template-change labels of Compare at a phone's
// width, and the copied embed code tall enough for the chart as laid out in it.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NativeDataset } from '../helpers/native-duckdb';
import { outcomeBreakdown } from '../../src/db/sql';
import { browserSession, comparePair, csvCellOf, downloadFrom, embedAsCopied, openApp, overlap, parseCsv, svgTextBoxes, waitForChart, type Body } from './support';

const session = browserSession({ permissions: ['clipboard-read', 'clipboard-write'] });
let native: NativeDataset;
let page: Page;
let pair: [Body, Body];

beforeAll(async () => {
  ({ page, native } = session);
  pair = await comparePair(native);
});

describe('Compare at 390 px', () => {
  it('the 2019 and 2021 template changes: each mark labelled by its year, their phrases a foot line that stays inside the chart', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, [['view', 'compare'], ['e', pair[0].key], ['e', pair[1].key]]);
    await waitForChart(page, 'compare');
    const chartWidth = await page.getByTestId('chart-compare').evaluate((el) => el.clientWidth);
    const svg = (await downloadFrom(page, 'svg-compare')).bytes.toString('utf8');
    // On a phone a phrase started at its year's line ran off the chart (narrow.ts): the phrases are
    // a foot line, wrapped as the notes are, naming both changes.
    const boxes = await svgTextBoxes(page, svg, '新表');
    const said = boxes.map((b) => b.text).join('');
    expect(said).toMatch(/2019\s*新表/);
    expect(said).toMatch(/2021\s*新表/);
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(false)));
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(chartWidth);
    }
  });
});

describe('embed code', () => {
  for (const [id, query] of [
    ['outcomes', 'view=outcomes'],
    ['compare', 'view=compare'],
    ['trends', ''],
  ] as const) {
    it(`${id}: the copied iframe is as tall as the embed page at its width`, async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await openApp(page, id === 'compare' ? [['view', 'compare'], ['e', pair[0].key], ['e', pair[1].key]] : query);
      await waitForChart(page, id);
      const { height, scroll } = await embedAsCopied(page, id);
      expect(scroll).toBeLessThanOrEqual(height);
    });
  }
});

describe('Request outcomes pooled (no body chosen)', () => {
  it('its CSV says pooled in scope and has no report_id column, the values native DuckDB\'s', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openApp(page, 'view=outcomes');
    await waitForChart(page, 'outcomes');
    const [header, ...rows] = parseCsv((await downloadFrom(page, 'csv-outcomes')).bytes.toString('utf8'));
    expect(header).not.toContain('report_id');
    const col = (name: string) => header.indexOf(name);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r[col('scope')]))).toEqual(new Set(['pooled']));
    const expected = (await native.rows(outcomeBreakdown({ bodies: [] }))).filter((r) => r.r_handled_total !== null);
    expect(rows.filter((r) => r[col('metric')] === 'r.handled.total').map((r) => [r[col('year')], r[col('value')]]).sort()).toEqual(expected.map((r) => [String(r.year), csvCellOf(r.r_handled_total)]).sort());
  });
});
