// The report view: every extracted value, exactly as printed, with its source highlighted in the
// report's text; a click on a value marks its source and brings it into view (1280 px: the text
// panel stays beside the list; 390 px: the source shows under the row); failing checks are listed,
// and nothing is said of them before they are read.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatExact } from '../../src/charts/format';
import { reportChecks, reportText, reportValues } from '../../src/db/sql';
import type { Browser } from '../helpers/chromium';
import type { NativeDataset, NativeRow } from '../helpers/native-duckdb';
import { browserSession, downloadFrom, e2eContext, openApp, parseCsv, READY_TIMEOUT, waitForEngine } from './support';

const REPORT = 'corpus/seeds/2019-liaoning-fuxin-city.txt';

// Chromium and native DuckDB for the file (support.ts); page and native are set before the tests run.
const session = browserSession({ viewport: { width: 1280, height: 900 } });
let browser: Browser;
let page: Page;
let native: NativeDataset;
beforeAll(() => ({ browser, page, native } = session));

async function openReport(p: Page, id: string): Promise<void> {
  await openApp(p, [['view', 'report'], ['report', id]]);
  await p.getByTestId('report-view').waitFor({ timeout: READY_TIMEOUT });
  await p.getByTestId('value-row').first().waitFor({ timeout: READY_TIMEOUT });
  await p.locator('[data-testid="report-text"] mark').first().waitFor({ timeout: READY_TIMEOUT });
}

describe('report view', () => {
  let values: NativeRow[];
  let text: string;

  beforeAll(async () => {
    values = await native.rows(reportValues(REPORT));
    [{ text }] = (await native.rows(reportText(REPORT))) as { text: string }[];
    expect(values.length).toBeGreaterThan(5);
  });

  it('lists every value of the report with the printed figure, never rounded to 万', async () => {
    await openReport(page, REPORT);
    const rows = page.getByTestId('value-row');
    await expect(rows.count()).resolves.toBe(values.length);
    const shown = await rows.locator('td.n').allTextContents();
    expect(shown).toEqual(values.map((v) => formatExact(v.value as number)));
    // 行政许可·处理决定数量 is printed 112711: the table shows 112,711, not 11.27万.
    const big = values.findIndex((v) => v.value === 112711);
    expect(big).toBeGreaterThanOrEqual(0);
    expect(shown[big]).toBe('112,711');
    const href = await page.getByTestId('source-link').getAttribute('href');
    expect(href).toBe(`${e2eContext().baseUrl}sources/${REPORT}`);
    // The source is served as plain text from the same origin.
    const source = await page.evaluate(async (url) => {
      const r = await fetch(url);
      return { status: r.status, type: r.headers.get('content-type'), length: (await r.text()).length };
    }, href!);
    expect(source).toMatchObject({ status: 200, type: 'text/plain; charset=utf-8' });
    expect(source.length).toBeGreaterThan(1000);
  });

  /** Clicks value row `index`, checks its row and mark are active with the printed number; returns how the mark sits in the text box. */
  async function clickValue(index: number) {
    const v = values[index];
    const row = page.getByTestId('value-row').nth(index);
    await row.click();
    await expect(row.getAttribute('class')).resolves.toBe('active');
    await expect(page.locator('[data-testid="value-row"].active').count()).resolves.toBe(1);
    const active = page.locator('[data-testid="report-text"] mark.active');
    await expect(active.count()).resolves.toBeGreaterThanOrEqual(1);
    // The smallest active mark is the value's own span (a derived value's span covers its addends).
    const own = await active.evaluateAll((marks, span) => {
      const mark = marks.find((m) => m.textContent === span) ?? null;
      return mark ? mark.textContent : null;
    }, text.slice(v.start as number, v.end as number));
    expect(own, `${String(v.metric)}: an active mark holds its span`).toBe(String(v.value));
    return () =>
      active.evaluateAll((marks, span) => {
        const mark = marks.find((m) => m.textContent === span)!;
        const pre = mark.closest('pre')!;
        const box = pre.getBoundingClientRect();
        const r = mark.getBoundingClientRect();
        // In the text box and in the window: the box itself must not have scrolled off the page.
        const inBox = r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.height > 0;
        const inWindow = r.top >= 0 && r.bottom <= window.innerHeight;
        return { ok: inBox && inWindow, markTop: r.top, boxTop: box.top, boxBottom: box.bottom, scrollTop: pre.scrollTop, windowHeight: window.innerHeight };
      }, text.slice(v.start as number, v.end as number));
  }

  /** Values printed as-is (not approximate 万 figures, not derived), their span exactly the number. */
  const printed = () =>
    values
      .map((v, index) => ({ v, index }))
      .filter(({ v }) => v.start !== null && !v.derived && !v.approx && text.slice(v.start as number, v.end as number) === String(v.value));
  /** Whether another value's span overlaps this one (then their marks are shared). */
  const shared = (index: number) => {
    const [a, b] = [values[index].start as number, values[index].end as number];
    return values.some((w, j) => j !== index && w.start !== null && (w.start as number) < b && (w.end as number) > a);
  };

  it('clicking a value marks its source span, whose text is the printed number, and brings it into the window', async () => {
    const alone = printed().filter(({ index }) => !shared(index));
    expect(alone.length).toBeGreaterThan(2);
    for (const { index } of [alone[alone.length - 1], alone[0], alone[Math.floor(alone.length / 2)]]) {
      const position = await clickValue(index);
      // The view scrolls in an effect after the click's render: wait for it (bounded), then report.
      await expect
        .poll(async () => (await position()).ok, { timeout: 5_000 })
        .toBe(true)
        .catch(async () => {
          throw new Error(`value ${index} (${String(values[index].metric)}) not scrolled into view: ${JSON.stringify(await position())}`);
        });
    }
  });

  // A mark carries data-value of only the first value whose span covers it, and a derived total's
  // span covers all its addends: the view must scroll to the active mark, not look it up by value.
  it('a value inside a derived total\'s span also scrolls into view', async () => {
    const inside = printed().filter(({ index }) => shared(index));
    expect(inside.length).toBeGreaterThan(0);
    const { index } = inside[inside.length - 1];
    const position = await clickValue(index);
    await expect.poll(async () => (await position()).ok, { timeout: 1_000 }).toBe(true);
  });

  it('at 390 px, the clicked value\'s source shows under its row, in the window', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const alone = printed().filter(({ index }) => !shared(index));
      for (const { index } of [alone[Math.floor(alone.length / 2)], alone[alone.length - 1]]) {
        const v = values[index];
        await page.getByTestId('value-row').nth(index).click();
        const snippet = page.getByTestId('value-snippet');
        await expect(snippet.count()).resolves.toBe(1);
        // The snippet is the text around the span, the span marked: its mark is the printed number.
        await expect(snippet.locator('mark.active').textContent()).resolves.toBe(text.slice(v.start as number, v.end as number));
        const seen = await snippet.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, height: window.innerHeight, text: el.textContent ?? '' };
        });
        expect(seen.top, JSON.stringify(seen)).toBeGreaterThanOrEqual(0);
        expect(seen.bottom, JSON.stringify(seen)).toBeLessThanOrEqual(seen.height);
        expect(seen.text.replace(/^…|…$/g, '')).toBe(text.slice(Math.max(0, (v.start as number) - 40), Math.min(text.length, (v.end as number) + 40)));
        // The value itself is in the window too: the table fits the phone's width, no sideways scroll.
        const cell = await page.getByTestId('value-row').nth(index).locator('td.n').evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, right: r.right, width: window.innerWidth };
        });
        expect(cell.left, JSON.stringify(cell)).toBeGreaterThanOrEqual(0);
        expect(cell.right, JSON.stringify(cell)).toBeLessThanOrEqual(cell.width);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    // In two columns the text panel beside the list carries the source; no snippet is shown.
    await expect(page.getByTestId('value-snippet').isVisible()).resolves.toBe(false);
    // Every width shows the source one way or the other: just under the two-column breakpoint the
    // snippet shows, at it the text panel stands beside the list (auto-fit columns once turned at a
    // width of their own, leaving a band with neither).
    for (const width of [880, 899, 900, 920]) {
      await page.setViewportSize({ width, height: 900 });
      const layout = await page.evaluate(() => {
        const source = document.querySelector('.report-source')!.getBoundingClientRect();
        const list = document.querySelector('[data-testid="value-row"]')!.closest('section')!.getBoundingClientRect();
        const snippet = document.querySelector<HTMLElement>('[data-testid="value-snippet"]');
        return { beside: source.left >= list.right, snippet: snippet !== null && snippet.offsetParent !== null };
      });
      expect(layout.beside || layout.snippet, `${width}: ${JSON.stringify(layout)}`).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('the marks cover the value spans of the text, in order', async () => {
    const marked = await page.getByTestId('report-text').evaluate((pre) => {
      const spans: [number, number][] = [];
      let offset = 0;
      const walk = (node: Node) => {
        if (node.nodeType === Node.TEXT_NODE) {
          const length = node.textContent?.length ?? 0;
          if (node.parentElement?.tagName === 'MARK') spans.push([offset, offset + length]);
          offset += length;
        } else node.childNodes.forEach(walk);
      };
      walk(pre);
      return { spans, length: offset };
    });
    expect(marked.length).toBe(text.length);
    for (const v of values.filter((x) => x.start !== null)) {
      const [start, end] = [v.start as number, v.end as number];
      // Mark spans are disjoint: the characters of [start, end) they cover must be all of them.
      const covered = marked.spans.reduce((n, [a, b]) => n + Math.max(0, Math.min(b, end) - Math.max(a, start)), 0);
      expect(covered, `${String(v.metric)} [${start}, ${end})`).toBe(end - start);
    }
  });
});

describe('failing checks', () => {
  it('the overview links each report with failing checks to its report view, which lists them', async () => {
    const failing = await native.rows({ sql: 'SELECT report_id, n_failed_checks FROM facts_wide WHERE n_failed_checks > 0 ORDER BY n_failed_checks DESC, report_id LIMIT 1', params: [] });
    expect(failing).toHaveLength(1);
    const id = String(failing[0].report_id);
    const checks = (await native.rows(reportChecks(id))).filter((c) => c.status === 'fail');
    expect(checks).toHaveLength(Number(failing[0].n_failed_checks));

    await openApp(page);
    await waitForEngine(page);
    await page.getByTestId('failing-table').locator('tbody a').first().click();
    await page.getByTestId('failing-checks').waitFor({ timeout: READY_TIMEOUT });
    expect(new URL(page.url()).searchParams.get('report')).toBe(id);
    // Each row: its identity's id (under the formula), expected, actual.
    const rows = await page.getByTestId('failing-checks').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('code.id')?.textContent ?? null, ...[...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent)]));
    expect(rows).toEqual(checks.map((c) => [String(c.id), formatExact(c.expected as number | null), formatExact(c.actual as number | null)]));
  });

  it('says nothing of the checks before they are read: never the all-clear for a report that fails', async () => {
    const [{ n }] = await native.rows({ sql: 'SELECT n_failed_checks AS n FROM facts_wide WHERE report_id = ?', params: [REPORT] });
    expect(n).toBeGreaterThan(0);
    // What the page says of the checks, from the first render on (the engine starts cold).
    await page.addInitScript((allClear) => {
      const seen = { allClear: false, loading: false };
      (window as unknown as { checksSaid: typeof seen }).checksSaid = seen;
      new MutationObserver(() => {
        if (document.body?.textContent?.includes(allClear)) seen.allClear = true;
        if (document.querySelector('[data-testid="checks-loading"]')) seen.loading = true;
      }).observe(document, { subtree: true, childList: true, characterData: true });
    }, '所有可校验的等式均成立');
    await openApp(page, [['view', 'report'], ['report', REPORT]]);
    await page.getByTestId('failing-checks').waitFor({ timeout: READY_TIMEOUT });
    const said = await page.evaluate(() => (window as unknown as { checksSaid: { allClear: boolean; loading: boolean } }).checksSaid);
    expect(said).toEqual({ allClear: false, loading: true });
    await expect(page.getByTestId('failing-check').count()).resolves.toBe(n);
  });

  it('marks a value the narrative implies but does not print, and the values CSV carries the split and inferred columns', async () => {
    const inferredRows = await native.rows({ sql: `SELECT report_id, metric FROM "values" WHERE inferred ORDER BY report_id, metric LIMIT 1`, params: [] });
    expect(inferredRows.length).toBe(1);
    const id = String(inferredRows[0].report_id);
    const rows = await native.rows(reportValues(id));
    await openReport(page, id);
    const marked = page.getByTestId('value-row').filter({ has: page.getByTestId('value-inferred') });
    await expect(marked.count()).resolves.toBe(rows.filter((r) => r.inferred === true).length);
    await expect(marked.first().locator('code.id').textContent()).resolves.toBe(String(rows.find((r) => r.inferred === true)!.metric));
    await expect(marked.first().getByTestId('value-inferred').textContent()).resolves.toBe('推断');
    await expect(marked.first().getByTestId('value-inferred').getAttribute('title')).resolves.toContain('未印出');
    await expect(page.getByTestId('value-split').count()).resolves.toBe(rows.filter((r) => r.split === true).length);

    const { name, bytes } = await downloadFrom(page, 'values-csv');
    expect(name.endsWith('.csv')).toBe(true);
    const [header, ...cells] = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(header).toContain('split');
    expect(header).toContain('inferred');
    const col = (c: string) => cells.map((r) => r[header.indexOf(c)]);
    expect(col('metric')).toEqual(rows.map((r) => String(r.metric)));
    expect(col('inferred')).toEqual(rows.map((r) => String(r.inferred === true)));
    expect(col('split')).toEqual(rows.map((r) => String(r.split === true)));
    // The report's file by its SHA-256 and each value's unit (audit38 F6).
    const [{ sha256 }] = await native.rows({ sql: 'SELECT sha256 FROM reports WHERE report_id = ?', params: [id] });
    expect(new Set(col('report_sha256'))).toEqual(new Set([String(sha256)]));
    expect(col('unit').every((u) => u !== '')).toBe(true);
    expect(name).toMatch(/^gongkai_report_.*_values\.csv$/);
  });

  it('an unknown report id says so instead of crashing', async () => {
    await openApp(page, [['view', 'report'], ['report', 'corpus/nope.txt']]);
    await page.getByRole('alert').filter({ hasText: 'corpus/nope.txt' }).waitFor({ timeout: READY_TIMEOUT });
  });

  it('made no request outside 127.0.0.1 and no page error', () => {
    expect(browser.offline).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
