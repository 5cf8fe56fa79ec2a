// Views that tell the truth, second audit, in real Chromium on the shipped data: coverage says
// "—" and why where the gazetteer lists no children (never 0), the Data view labels every column
// and shows booleans as words, and the coverage table reads on a phone. Expectations come from
// native DuckDB and the messages.
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/app/i18n/messages';
import { CHART_VIEWS, SIMILARITY_CHOICES } from '../../src/app/state/url-state';
import { MIN_SIMILARITY } from '../../src/ingest/similar/similar-pairs';
import { compareSeries, coverage, reconciliation } from '../../src/db/sql';
import { columnHeads } from '../../src/app/i18n/column-labels';
import { countMetric } from '../../src/app/i18n/metric-labels';
import { browserSession, comparePair, csvOf, downloadFrom, drawnOption, openApp, READY_TIMEOUT, svgTextBoxes, waitForChart } from './support';

const session = browserSession();
type Loose = Record<string, unknown>;
const squeezed = (text: string) => text.replace(/\s+/g, '');

describe('coverage where the gazetteer lists no children that year', () => {
  // 上虞 (330604) became a district in 2013: for 2009 the gazetteer lists no children, yet a town reported.
  const parent = '330604';
  const year = 2009;
  for (const locale of ['zh', 'en'] as const) {
    it(`missing and not yet due read — with why, in the tiles, chart, table, text alternative, SVG and CSV (${locale})`, async () => {
      const { page, native } = session;
      const t = translator(locale);
      const governments = (await native.rows(coverage({ parent, year }))).filter((r) => r.unit === 'government');
      expect([governments.filter((r) => r.listed === true).length, governments.length > 0]).toEqual([0, true]);
      const note = t('coverage.noneListedNote', { year });
      await page.setViewportSize({ width: 1280, height: 900 });
      await openApp(page, `view=coverage&parent=${parent}&year=${year}&bench=1${locale === 'en' ? '&lang=en' : ''}`);
      await waitForChart(page, 'coverage');
      for (const k of ['missing', 'notDue'] as const) {
        expect(await page.getByTestId(`coverage-kpi-${k}`).locator('.kpi-value').textContent(), k).toBe('—');
        expect(await page.getByTestId(`coverage-kpi-${k}-base`).textContent(), k).toBe(t('coverage.kpi.noneListed'));
      }
      const graphic = (await drawnOption(page, 'coverage')).graphic as { elements: Loose[] };
      const drawnNotes = graphic.elements.filter((e) => String(e.id).startsWith('note-')).map((e) => squeezed(String((e.style as Loose).text)));
      expect(drawnNotes).toContain(squeezed(note));
      expect(await page.getByTestId('description-coverage').textContent()).toContain(note);
      await page.getByTestId('table-toggle-coverage').click();
      expect(await page.getByTestId('chart-table-note-coverage').allTextContents()).toContain(note);
      const csv = await csvOf(page, 'csv-coverage');
      expect(csv.rows).toHaveLength(governments.length);
      expect(csv.rows.map((r) => csv.cell(r, 'children_listed'))).toEqual(csv.rows.map(() => '0'));
      // last: reading the SVG's text boxes replaces the page
      const svg = (await downloadFrom(page, 'svg-coverage')).bytes.toString('utf8');
      expect((await svgTextBoxes(page, svg)).map((b) => b.text).join('').replace(/\s+/g, '')).toContain(squeezed(note));
    });
  }
});

describe('Data view: every column has a label, every boolean a word', () => {
  // A head's label is its text without the id shown under it (.col-id).
  const headsOf = () =>
    session.page.getByTestId('data-table').locator('thead th').evaluateAll((ths) =>
      ths.map((th) => ({ column: th.getAttribute('data-column') ?? '', title: th.getAttribute('title'), label: [...th.childNodes].filter((n) => !(n instanceof Element && n.classList.contains('col-id'))).map((n) => n.textContent).join('') })),
    );
  // Every view's rows in Chinese, two in English: one page load each.
  const cases = [...CHART_VIEWS.map((of) => [of, 'zh'] as const), ['coverage', 'en'] as const, ['benchmark', 'en'] as const];
  for (const [of, locale] of cases) {
    it(`no head of ${of}'s rows is a raw column name; the title keeps the name or metric id (${locale})`, async () => {
      const { page, native } = session;
      const pair = await comparePair(native);
      await page.setViewportSize({ width: 1280, height: 900 });
      await openApp(page, `view=data&of=${of}&parent=440100&year=2020&e=${pair.map((b) => b.key).join(',')}${locale === 'en' ? '&lang=en' : ''}`);
      await page.getByTestId('data-table').locator('thead th').first().waitFor({ timeout: READY_TIMEOUT });
      const heads = await headsOf();
      expect(heads.length).toBeGreaterThan(1);
      expect(heads.filter((h) => h.label === h.column).map((h) => h.column)).toEqual([]);
      for (const h of heads) expect(h.title === h.column || /^[a-z_]+(\.[a-z_0-9]+)+$/.test(h.title ?? ''), `${h.column} title ${h.title}`).toBe(true);
    }, 120_000);
  }

  it("compare's rows: every column has a label (zh, en), from native DuckDB's columns", async () => {
    const { native } = session;
    const pair = await comparePair(native);
    const query = compareSeries({ bodies: pair.map((b) => b.key), metric: 'r.new.total' });
    const statement = await native.prepared(query.sql);
    statement.clearBindings();
    if (query.params.length > 0) statement.bind([...query.params]);
    const columns = (await statement.runAndReadAll()).columnNames();
    expect(columns.length).toBeGreaterThan(1);
    for (const locale of ['zh', 'en'] as const) expect(columnHeads(columns, countMetric('r.new.total'), locale).filter((h) => h.label === h.column).map((h) => h.column)).toEqual([]);
  });

  it('shows a boolean as 是/否 (Yes/No) with the value as its title, and the CSV keeps true/false', async () => {
    const { page, native } = session;
    const expected = await native.rows(coverage({ parent: '440100', year: 2020 }));
    const booleans = ['listed', 'due', 'late', 'missing', 'not_due'];
    for (const locale of ['zh', 'en'] as const) {
      const t = translator(locale);
      await openApp(page, `view=data&of=coverage&parent=440100&year=2020${locale === 'en' ? '&lang=en' : ''}`);
      const table = page.getByTestId('data-table');
      await table.locator('tbody tr').first().waitFor({ timeout: READY_TIMEOUT });
      const heads = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-column')));
      const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => ({ text: td.textContent, title: td.getAttribute('title') }))));
      expect(cells).toHaveLength(expected.length);
      const shown = (v: unknown) => (v === true ? { text: t('yes'), title: 'true' } : v === false ? { text: t('no'), title: 'false' } : { text: '', title: null });
      for (const [i, row] of expected.entries()) for (const c of booleans) expect(cells[i][heads.indexOf(c)], `${i} ${c}`).toEqual(shown(row[c]));
      expect(new Set(expected.flatMap((r) => booleans.map((c) => r[c])))).toEqual(new Set([true, false, null]));
    }
    const csv = await csvOf(page, 'download-csv');
    for (const c of booleans) expect(csv.rows.map((r) => csv.cell(r, c)), c).toEqual(expected.map((r) => (r[c] === null ? '' : String(r[c]))));
  });
});

describe('coverage table on a phone (390 px)', () => {
  it('scrolls in its own box, names whole on one line and kept in view, reachable and scrolled by keyboard', async () => {
    const { page, native } = session;
    const expected = await native.rows(coverage({ parent: '440100', year: 2020 }));
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, 'view=coverage&parent=440100&year=2020');
    const box = page.getByTestId('coverage-scroll');
    await page.getByTestId('coverage-table').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const names = page.getByTestId('coverage-name');
    const shownNames = await names.allTextContents();
    expect(shownNames).toHaveLength(expected.length);
    for (const [i, r] of expected.entries()) expect(shownNames[i].startsWith(String(r.unit === 'department' ? r.department : (r.division_name ?? r.division_code))), shownNames[i]).toBe(true);
    const measure = () =>
      page.getByTestId('coverage-scroll').evaluate((el) => {
        const region = el.getBoundingClientRect();
        const cells = [...el.querySelectorAll('tbody th[scope="row"]')].map((th) => {
          const r = th.getBoundingClientRect();
          const lineHeight = parseFloat(getComputedStyle(th).lineHeight) || parseFloat(getComputedStyle(th).fontSize) * 1.6;
          return { left: r.left - region.left, cut: th.scrollWidth > th.clientWidth, lines: Math.round((th.clientHeight - parseFloat(getComputedStyle(th).paddingTop) - parseFloat(getComputedStyle(th).paddingBottom)) / lineHeight) };
        });
        return { scrollLeft: el.scrollLeft, overflow: el.scrollWidth - el.clientWidth, cells };
      });
    const before = await measure();
    expect(before.overflow).toBeGreaterThan(0);
    expect(before.cells.every((c) => !c.cut && c.lines === 1), JSON.stringify(before.cells)).toBe(true);
    // Keyboard: Tab reaches the box (a focusable region with a name), arrows scroll it.
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 400 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await box.evaluate((el) => document.activeElement === el);
    }
    expect(reached).toBe(true);
    expect(await box.getAttribute('aria-label')).toBeTruthy();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    const after = await measure();
    expect(after.scrollLeft).toBeGreaterThan(0);
    // The names stay at the box's left edge while the rest scrolls under them.
    expect(after.cells.map((c) => Math.round(c.left))).toEqual(before.cells.map((c) => Math.round(c.left)));
  });
});

describe('benchmark copy score', () => {
  it('reads below the kept threshold (<50%), not 0%, where no similar pair was kept', async () => {
    const { page } = session;
    expect(SIMILARITY_CHOICES[0]).toBe(MIN_SIMILARITY);
    await page.setViewportSize({ width: 1280, height: 900 });
    await openApp(page, 'view=benchmark&parent=440100&year=2024');
    await page.getByTestId('bench-copy').first().waitFor({ timeout: READY_TIMEOUT });
    const cells = await page.getByTestId('bench-copy').evaluateAll((tds) => tds.map((td) => ({ score: td.getAttribute('data-score'), text: td.textContent })));
    const none = cells.filter((c) => c.score === '0');
    expect(none.length).toBeGreaterThan(0);
    expect(none.map((c) => c.text)).toEqual(none.map(() => `<${Math.round(MIN_SIMILARITY * 100)}%`));
  });
});

describe('reconciliation with no gap', () => {
  // 广州市 2020: no area summary, so no gap; the children's sum (113) rests on 1 of 11 listed children.
  for (const locale of ['zh', 'en'] as const) {
    it(`says on the chart how many listed children the children's sum rests on (${locale})`, async () => {
      const { page, native } = session;
      const [row] = await native.rows(reconciliation({ parent: '440100', year: 2020, metric: 'r.new.total' }));
      const [n, m] = [Number(row.children_in_sum), Number(row.children_listed)];
      expect([row.gap, row.children_value !== null, n < m]).toEqual([null, true, true]);
      const note = translator(locale)('reconcile.childrenPartial', { n, m });
      await page.setViewportSize({ width: 1280, height: 900 });
      await openApp(page, `view=reconcile&parent=440100&year=2020&bench=1${locale === 'en' ? '&lang=en' : ''}`);
      await waitForChart(page, 'reconcile');
      const graphic = (await drawnOption(page, 'reconcile')).graphic as { elements: Loose[] };
      expect(graphic.elements.filter((e) => String(e.id).startsWith('note-')).map((e) => squeezed(String((e.style as Loose).text)))).toContain(squeezed(note));
      expect(await page.getByTestId('description-reconcile').textContent()).toContain(note);
    });
  }
});
