// Views that tell the truth on a phone and in English, in real Chromium on the shipped data: the
// reconciliation chart carries its gap's caveat (screen, SVG, text alternative), phone legends
// and axis labels show every name whole, English text is set in a Latin face first (page and
// exports), the Data view's heads are the catalogue's labels with the ids under them, and the
// coverage donut's statuses keep their palette colours in every language. Expectations come from
// native DuckDB and the catalogue.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/app/i18n/messages';
import { metricLabel } from '../../src/app/i18n/metric-labels';
import { COVERAGE_SLOTS, type CoveragePart } from '../../src/app/views/coverage-model';
import { PALETTE } from '../../src/charts/palette';
import { coverage, factsRows, reconciliation } from '../../src/db/sql';
import type { NativeDataset } from '../helpers/native-duckdb';
import { browserSession, downloadFrom, drawnOption, openApp, overlap, parseCsv, READY_TIMEOUT, svgTextBoxes, waitForChart } from './support';

// Chromium and native DuckDB for the file (support.ts); page and native are set before the tests run.
const session = browserSession();
let page: Page;
let native: NativeDataset;
beforeAll(() => ({ page, native } = session));

type Loose = Record<string, unknown>;
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]) as Loose[];
/** Every text of an SVG joined, white space dropped: a text wrapped onto several lines reads whole again. */
const joinedTexts = async (svg: string) => (await svgTextBoxes(page, svg)).map((b) => b.text).join('').replace(/\s+/g, '');
const squeezed = (text: string) => text.replace(/\s+/g, '');

describe('reconciliation: the gap\'s caveat is on the chart', () => {
  // 海珠区 2020: an area summary whose gap rests on 1 of its 18 children.
  for (const locale of ['zh', 'en'] as const) {
    it(`drawn, in the SVG export and in the text alternative (${locale})`, async () => {
      const [expected] = await native.rows(reconciliation({ parent: '440105', year: 2020, metric: 'r.new.total' }));
      const m = Number(expected.children_listed);
      const k = m - Number(expected.children_in_sum ?? 0);
      expect([expected.gap !== null, k > 0]).toEqual([true, true]);
      const caveat = translator(locale)('reconcile.gapIncomplete', { k, m });
      await page.setViewportSize({ width: 1280, height: 900 });
      await openApp(page, `view=reconcile&parent=440105&year=2020&bench=1${locale === 'en' ? '&lang=en' : ''}`);
      await waitForChart(page, 'reconcile');
      const graphic = (await drawnOption(page, 'reconcile')).graphic as { elements: Loose[] };
      const drawnNotes = graphic.elements.filter((e) => String(e.id).startsWith('note-')).map((e) => squeezed(String((e.style as Loose).text)));
      expect(drawnNotes).toContain(squeezed(caveat));
      await expect(page.getByTestId('description-reconcile').textContent()).resolves.toContain(caveat);
      const svg = (await downloadFrom(page, 'svg-reconcile')).bytes.toString('utf8');
      expect(await joinedTexts(svg)).toContain(squeezed(caveat));
    });
  }
});

describe('at 390 px', () => {
  it('the overview\'s legend shows every level, none behind arrows, above the plot and inside the chart', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, 'bench=1');
    await waitForChart(page, 'overview');
    const option = await drawnOption(page, 'overview');
    const legend = option.legend as Loose;
    expect(legend.type).toBe('plain');
    const names = (legend.data as string[]).map(String);
    expect(names.length).toBeGreaterThanOrEqual(2);
    const chartWidth = await page.getByTestId('chart-overview').evaluate((el) => el.clientWidth);
    const plotTop = Number((list(option.grid)[0] as Loose).top);
    const svg = (await downloadFrom(page, 'svg-overview')).bytes.toString('utf8');
    const boxes = await svgTextBoxes(page, svg);
    for (const name of names) {
      const box = boxes.find((b) => b.text === name);
      expect(box, name).toBeDefined();
      if (!box) continue;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, name).toBeLessThanOrEqual(chartWidth);
      expect(box.y + box.height, name).toBeLessThanOrEqual(plotTop);
    }
    const legendBoxes = names.map((n) => boxes.find((b) => b.text === n)!);
    for (let i = 0; i < legendBoxes.length; i++) for (let j = i + 1; j < legendBoxes.length; j++) expect(overlap(legendBoxes[i], legendBoxes[j]), `${names[i]} / ${names[j]}`).toBe(false);
  });

  for (const locale of ['zh', 'en'] as const) {
    it(`reconciliation's part names are whole, wrapped and never cut (${locale})`, async () => {
      const t = translator(locale);
      await page.setViewportSize({ width: 390, height: 844 });
      await openApp(page, `view=reconcile&parent=440105&year=2020&bench=1${locale === 'en' ? '&lang=en' : ''}`);
      await waitForChart(page, 'reconcile');
      const svg = (await downloadFrom(page, 'svg-reconcile')).bytes.toString('utf8');
      const texts = await joinedTexts(svg);
      expect(texts).not.toContain('…');
      for (const key of ['reconcile.area', 'reconcile.children', 'reconcile.parentSelf', 'reconcile.departments'] as const) expect(texts, t(key)).toContain(squeezed(t(key)));
      // The chart is tall enough for the wrapped names: no line of one name touches a line of another (or any text).
      const boxes = (await svgTextBoxes(page, svg)).filter((b) => b.text.trim() !== '').map((b) => ({ ...b, y: b.y + 1, height: b.height - 2 }));
      const clashes = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlap(a, b)).map((b) => `${a.text} / ${b.text}`));
      expect(clashes).toEqual([]);
    });
  }
});

describe('English text is set in a Latin face first', () => {
  it('an apostrophe on the page is narrow, not a full-width CJK glyph; Chinese stays in the CJK face', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openApp(page, 'view=coverage&parent=440100&year=2020&lang=en');
    await page.getByTestId('coverage-section').waitFor({ timeout: READY_TIMEOUT });
    const measured = await page.evaluate(() => {
      const note = [...document.querySelectorAll('p.note')].find((p) => (p.textContent ?? '').includes('’'));
      const node = note ? [...note.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').includes('’')) : undefined;
      if (!note || !node) return null;
      const range = document.createRange();
      const at = (node.textContent ?? '').indexOf('’');
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return { width: range.getBoundingClientRect().width, fontSize: parseFloat(getComputedStyle(note).fontSize), font: getComputedStyle(note).fontFamily };
    });
    expect(measured).not.toBeNull();
    expect(measured!.width, measured!.font).toBeLessThan(measured!.fontSize * 0.5);
    await openApp(page, 'view=coverage&parent=440100&year=2020');
    await page.getByTestId('coverage-section').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"?Noto Sans CJK SC/);
  });

  it('a chart and its SVG export take the language\'s face: Latin first in English, CJK first in Chinese', async () => {
    for (const [query, first] of [['bench=1&lang=en', 'Segoe UI'], ['bench=1', 'Noto Sans CJK SC']] as const) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await openApp(page, query);
      await waitForChart(page, 'trends');
      const option = await drawnOption(page, 'trends');
      expect(String((option.textStyle as Loose).fontFamily)).toMatch(new RegExp(`^'${first}'`));
      expect(String(((option.title as Loose).textStyle as Loose).fontFamily)).toMatch(new RegExp(`^'${first}'`));
      const svg = (await downloadFrom(page, 'svg-trends')).bytes.toString('utf8');
      const families = new Set([...svg.matchAll(/font-family:\s*([^;"]+)/g)].map((f) => f[1].trim().split(',')[0].replace(/['"&#;x27]/g, '').trim()));
      expect([...families], svg.slice(0, 200)).toEqual([first]);
    }
  });
});

describe('Data view heads', () => {
  it('show the catalogue\'s label with the metric id under it and as the title; the column name stays the files\'', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openApp(page, 'view=data');
    await page.getByTestId('data-table').locator('tbody tr').first().waitFor({ timeout: READY_TIMEOUT });
    const head = page.getByTestId('data-table').locator('thead th[data-column="r_granted_total"]');
    expect(await head.getAttribute('title')).toBe('r.granted.total');
    expect(await head.locator('.col-id').textContent()).toBe('r.granted.total');
    expect(await head.textContent()).toBe(`${metricLabel('r.granted.total', 'zh')}r.granted.total`);
    expect(await page.getByTestId('data-table').locator('thead th[data-column="year"]').textContent()).toBe('年度year');
    await openApp(page, 'view=data&lang=en');
    await page.getByTestId('data-table').locator('tbody tr').first().waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('data-table').locator('thead th[data-column="r_granted_total"]').textContent()).toBe(`${metricLabel('r.granted.total', 'en')}r.granted.total`);
  });
});

describe('coverage donut', () => {
  const order: CoveragePart[] = ['on_time', 'late', 'date_unknown', 'missing', 'not_due'];
  const labelKey = { on_time: 'coverage.onTime', late: 'coverage.kpi.late', date_unknown: 'coverage.dateUnknownPart', missing: 'coverage.kpi.missing', not_due: 'coverage.kpi.notDue' } as const;
  const colours: Record<string, string[]> = {};
  for (const locale of ['zh', 'en'] as const) {
    it(`gives each status its palette colour, legend in the fixed order (${locale})`, async () => {
      const t = translator(locale);
      await page.setViewportSize({ width: 1280, height: 900 });
      await openApp(page, `view=coverage&parent=440100&year=2020&bench=1${locale === 'en' ? '&lang=en' : ''}`);
      await waitForChart(page, 'coverage');
      const option = await drawnOption(page, 'coverage');
      const data = list(list(option.series)[0].data);
      const status = (name: unknown) => order.find((p) => t(labelKey[p]) === name);
      const drawn = data.map((d) => [status(d.name), (d.itemStyle as Loose).color]);
      expect(drawn.length).toBeGreaterThanOrEqual(2);
      expect(drawn.every(([s]) => s !== undefined)).toBe(true);
      expect(drawn).toEqual(drawn.map(([s]) => [s, PALETTE[COVERAGE_SLOTS[s as CoveragePart]]]));
      // the fixed order of the statuses, whatever their labels sort to
      const places = drawn.map(([s]) => order.indexOf(s as CoveragePart));
      expect(places).toEqual([...places].sort((a, b) => a - b));
      expect((option.legend as Loose).data).toEqual(data.map((d) => d.name));
      colours[locale] = drawn.map(([s, c]) => `${s}:${c}`);
    });
  }

  it('the same colours in Chinese and English, three apart for on time, late and missing', () => {
    expect(colours.zh?.length).toBeGreaterThanOrEqual(2);
    expect(colours.en).toEqual(colours.zh);
    expect(new Set(['on_time', 'late', 'missing'].map((s) => COVERAGE_SLOTS[s as CoveragePart])).size).toBe(3);
  });
});

describe('coverage: lateness rests only on known dates', () => {
  // 广州市 2020: every child that reported has no known publication date, so none can be called late.
  for (const locale of ['zh', 'en'] as const) {
    it(`the late tile reads unknown with the unknown count, never a bare 0; the chart and CSV draw no late part (${locale})`, async () => {
      const t = translator(locale);
      const governments = (await native.rows(coverage({ parent: '440100', year: 2020 }))).filter((r) => r.unit === 'government');
      const known = governments.filter((r) => r.late === true || r.late === false).length;
      const unknown = governments.filter((r) => r.late !== true && r.late !== false && (Number(r.reports ?? 0) > 0 || Number(r.ambiguous_reports ?? 0) > 0)).length;
      expect([known, unknown > 0]).toEqual([0, true]);
      await page.setViewportSize({ width: 1280, height: 900 });
      await openApp(page, `view=coverage&parent=440100&year=2020&bench=1${locale === 'en' ? '&lang=en' : ''}`);
      await waitForChart(page, 'coverage');
      const tile = page.getByTestId('coverage-kpi-late');
      expect(await tile.locator('.kpi-value').textContent()).toBe('—');
      expect(await page.getByTestId('coverage-kpi-late-base').textContent()).toBe(t('coverage.kpi.lateBase', { known: '0', unknown: String(unknown) }));
      const names = list(list((await drawnOption(page, 'coverage')).series)[0].data).map((d) => d.name);
      expect(names).toContain(t('coverage.dateUnknownPart'));
      expect(names).not.toContain(t('coverage.kpi.late'));
      expect(await page.getByTestId('description-coverage').textContent()).not.toContain(t('coverage.kpi.late'));
      const [header, ...rows] = parseCsv((await downloadFrom(page, 'csv-coverage')).bytes.subarray(3).toString('utf8'));
      const status = rows.map((r) => r[header.indexOf('status')]);
      expect(status.filter((s) => s === 'date_unknown')).toHaveLength(unknown);
      expect(status).not.toContain('late');
      expect(status).not.toContain('on_time');
    });
  }
});

describe('Data view cells', () => {
  it('show a coded value (level, scope, parse status, template) by its label with the code as its title, while the CSV keeps the code', async () => {
    const t = translator('zh');
    const expected = (await native.rows(factsRows())).slice(0, 5);
    const keys = { level: 'level.', scope: 'scope.', status: 'status.', template: 'template.' } as const;
    await page.setViewportSize({ width: 1280, height: 900 });
    await openApp(page, 'view=data');
    const table = page.getByTestId('data-table');
    await table.locator('tbody tr').first().waitFor({ timeout: READY_TIMEOUT });
    const heads = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-column')));
    const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.slice(0, 5).map((tr) => [...tr.querySelectorAll('td')].map((td) => ({ text: td.textContent, code: td.getAttribute('data-code') }))));
    for (const [i, row] of expected.entries()) {
      for (const [column, prefix] of Object.entries(keys)) {
        const code = row[column];
        expect(typeof code).toBe('string');
        const cell = cells[i][heads.indexOf(column)];
        expect(cell).toEqual({ text: t(`${prefix}${String(code)}` as Parameters<typeof t>[0]), code });
        expect(cell.text).not.toBe(code);
      }
    }
    const [header, ...rows] = parseCsv((await downloadFrom(page, 'download-csv')).bytes.subarray(3).toString('utf8'));
    // the tidy CSV carries scope of the coded columns: codes, never the labels on screen
    const scopes = new Set(rows.map((r) => r[header.indexOf('scope')]));
    expect(scopes.has('self')).toBe(true);
    expect([...scopes].filter((v) => v !== 'self' && v !== 'area')).toEqual([]);
  });
});
