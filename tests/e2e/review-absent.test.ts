// The Review view with a chosen body that states neither total (audit20 F5, F6b), in real
// Chromium: 广州市 with 海珠区 — 广州市 has no report stating a reconsideration or litigation total,
// so it has no bar; the page and the chart's notes say so (absent is not 0), and the chart's title
// carries the years its figures are of (an exported chart is read without the page's controls).
// Also (audit38 F8): Review and Request outcomes with 海珠区 and 番禺区 chosen — 海珠区 has no own
// report stating the totals, so its area summaries are used: that bar, row and CSV row say so, 番禺区's
// (own reports) do not. Expectations from native DuckDB over the shipped Parquet.
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/app/i18n/messages';
import { applicantBreakdown, reviewLitigation } from '../../src/db/sql';
import { browserSession, csvOf, drawnOption, openApp, waitForChart } from './support';

const session = browserSession({ viewport: { width: 1280, height: 900 } });
const BODIES = ['440100', '440105'];

describe('review: a chosen body without a stated total', () => {
  it('is named as having no data, in the page and in the chart\'s notes, and the chart title says the years', async () => {
    const { page, native } = session;
    const t = translator('zh');
    const rows = await native.rows(reviewLitigation({ bodies: BODIES }));
    const stating = rows.filter((r) => Number(r.rv_reports) > 0 || Number(r.lit_reports) > 0);
    const silent = BODIES.filter((b) => !stating.some((r) => r.body_key === b));
    expect(silent).toEqual(['440100']);
    const [{ name }] = await native.rows({ sql: 'SELECT name FROM bodies WHERE key = ?', params: ['440100'] });
    const years = stating.map((r) => Number(r.year));
    const period = Math.min(...years) === Math.max(...years) ? String(years[0]) : `${Math.min(...years)}–${Math.max(...years)}`;

    await openApp(page, `view=review&bench=1&${BODIES.map((b) => `e=${b}`).join('&')}`);
    await waitForChart(page, 'review');
    const said = t('review.noneStated', { names: String(name) });
    await expect(page.getByTestId('review-none-stated').textContent()).resolves.toBe(said);
    const option = await drawnOption(page, 'review');
    // The note is a line drawn in the chart (so every export has it), and the title names the period.
    expect(JSON.stringify(option.graphic)).toContain(JSON.stringify(said));
    const titles = (Array.isArray(option.title) ? option.title : [option.title]) as { text?: string }[];
    expect(titles.map((x) => x.text ?? '')).toContain(`${t('review.title')} · ${period}`);
  });
});

describe('review and outcomes: a body shown by its area summaries is marked so (audit38 F8)', () => {
  const PAIR = ['440105', '440113'];
  const views = [
    { view: 'review', query: 'view=review', table: 'review-table', note: 'area-note', build: reviewLitigation, states: (r: Record<string, unknown>) => Number(r.rv_reports) > 0 || Number(r.lit_reports) > 0 },
    { view: 'outcomes', query: 'view=outcomes&breakdown=applicants', table: 'outcomes-table', note: 'outcomes-note', build: applicantBreakdown, states: (r: Record<string, unknown>) => Number(r.reports_with_total) > 0 },
  ] as const;
  for (const v of views) {
    for (const locale of ['zh', 'en'] as const) {
      it(`${v.view} (${locale}): 海珠区's bar, table row, text alternative and note say area summary; 番禺区's do not; the CSV's scope agrees`, async () => {
        const { page, native } = session;
        const t = translator(locale);
        const rows = await native.rows(v.build({ bodies: PAIR }));
        const stating = rows.filter(v.states);
        const scopes = (key: string) => [...new Set(stating.filter((r) => r.body_key === key).map((r) => String(r.scope)))];
        // The case itself: 海珠区 rests on area summaries only, 番禺区 on own reports only.
        expect([scopes('440105'), scopes('440113')]).toEqual([['area'], ['self']]);
        const nameOf = (key: string) => String(rows.find((r) => r.body_key === key)?.body);
        const area = `${nameOf('440105')} · ${t('scope.areaSeries')}`;
        const own = nameOf('440113');

        await openApp(page, `${v.query}&lang=${locale}&bench=1&${PAIR.map((b) => `e=${b}`).join('&')}`);
        await waitForChart(page, v.view);
        const option = await drawnOption(page, v.view);
        const axes = (option.yAxis as { type: string; data?: string[] }[] | { type: string; data?: string[] });
        const categories = ((Array.isArray(axes) ? axes : [axes]).find((a) => a.type === 'category')?.data ?? []).map((c) => c.split('\n')[0]);
        expect(categories).toEqual([area, own]);
        expect(JSON.stringify(option.graphic)).toContain(JSON.stringify(t('scope.areaNote')));

        const tableRows = await page.getByTestId(v.table).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.getAttribute('data-scope')]));
        expect(tableRows).toEqual([[area, 'area'], [own, 'self']]);
        const description = (await page.getByTestId(`description-${v.view}`).textContent()) ?? '';
        expect(description).toContain(area);
        expect(description).toContain(t('scope.areaNote'));
        // 番禺区's own reports are not called an area summary.
        expect(description).toContain(own);
        expect(description).not.toContain(`${own} · ${t('scope.areaSeries')}`);
        await expect(page.getByTestId(v.note).textContent()).resolves.toContain(t('scope.areaNote'));

        const csv = await csvOf(page, `csv-${v.view}`);
        expect(csv.rows.length).toBeGreaterThan(0);
        for (const row of csv.rows) {
          const native = rows.find((r) => r.body_key === csv.cell(row, 'body_key') && String(r.year) === csv.cell(row, 'year'));
          expect(csv.cell(row, 'scope'), `${csv.cell(row, 'body_key')} ${csv.cell(row, 'year')}`).toBe(String(native?.scope));
        }
        expect(csv.rows.some((row) => csv.cell(row, 'body_key') === '440105' && csv.cell(row, 'scope') === 'area')).toBe(true);
      }, 180_000);
    }
  }
});
