// The Review view (reconsideration / litigation per year), in real Chromium: each year's bars say
// the reports and bodies their sums rest on, those stating each total (absent is not 0), not every
// report the bodies have. Pooled reconsideration was 32 in 2019 and 7 in 2023, over 4 reports and
// 1: read bare, a fall that is not one. Expectations come from native DuckDB over the shipped
// Parquet and the messages, checked in the drawn chart, its text alternative and chart table, the
// view's table, the CSV and the SVG export (the PNG draws the same option); the CSV has no generic
// `reports` column (every report, used or not: `all_reports`), and the rate axis is labelled to 100 %
// at both widths.
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/app/i18n/messages';
import { reviewLitigation } from '../../src/db/sql';
import { browserSession, csvOf, downloadFrom, drawnOption, openApp, overlap, svgTextBoxes, waitForChart } from './support';

const session = browserSession();
const squeezed = (text: string) => text.replace(/\s+/g, '');

describe('review: each year names the reports and bodies stating its totals', () => {
  for (const [width, locale] of [[390, 'zh'], [1280, 'en']] as const) {
    it(`at ${width} px (${locale}): chart labels, text alternative, chart table, view table, CSV and SVG carry native DuckDB's base per year`, async () => {
      const { page, native } = session;
      const t = translator(locale);
      const pooled = await native.rows(reviewLitigation({ bodies: [] }));
      const stated = pooled.filter((r) => r.rv_total !== null || r.lit_total !== null);
      // The case itself: years resting on different numbers of reports, and a year whose bodies have more reports than state a total.
      expect(new Set(stated.map((r) => Number(r.rv_reports))).size).toBeGreaterThan(2);
      expect(stated.some((r) => Number(r.all_reports) > Number(r.rv_reports))).toBe(true);
      expect(stated.some((r) => Number(r.rv_reports) !== Number(r.lit_reports))).toBe(true);
      const base = (r: Record<string, unknown>, what: 'rv' | 'lit') => ({ reports: Number(r[`${what}_reports`]), bodies: Number(r[`${what}_bodies`]) });
      const labels = stated.map((r) => {
        const [rv, lit] = [base(r, 'rv'), base(r, 'lit')];
        const basis = rv.reports === lit.reports && rv.bodies === lit.bodies
          ? t('review.basis', rv)
          : `${t('review.basisOf', { what: t('review.rv'), ...rv })}\n${t('review.basisOf', { what: t('review.lit'), ...lit })}`;
        return { year: String(r.year), basis, label: `${r.year}\n${basis}` };
      });

      await page.setViewportSize({ width, height: 900 });
      await openApp(page, `view=review&lang=${locale}&bench=1`);
      await waitForChart(page, 'review');
      const option = await drawnOption(page, 'review');
      const categoryAxis = (option.yAxis as { type: string; data?: string[] }[] | { type: string; data?: string[] });
      const categories = (Array.isArray(categoryAxis) ? categoryAxis : [categoryAxis]).find((a) => a.type === 'category')?.data;
      expect(categories).toEqual(labels.map((l) => l.label));

      const description = squeezed((await page.getByTestId('description-review').textContent()) ?? '');
      for (const { label } of labels) expect(description).toContain(squeezed(label));
      await page.getByTestId('table-toggle-review').click();
      const chartTable = squeezed((await page.getByTestId('chart-table-review').textContent()) ?? '');
      for (const { label } of labels) expect(chartTable).toContain(squeezed(label));

      const viewRows = await page.getByTestId('review-table').locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', ...['rv-reports', 'rv-bodies', 'lit-reports', 'lit-bodies'].map((b) => Number(tr.querySelector(`[data-basis="${b}"]`)?.textContent ?? 'NaN'))]),
      );
      expect(viewRows).toEqual(stated.map((r) => [String(r.year), Number(r.rv_reports), Number(r.rv_bodies), Number(r.lit_reports), Number(r.lit_bodies)]));

      // The CSV is tidy (a row per year and metric): each total's rows carry the base of the year.
      const csv = await csvOf(page, 'csv-review');
      const basisColumns = ['rv_reports', 'rv_bodies', 'lit_reports', 'lit_bodies'];
      for (const [metric, column] of [['rv.total', 'rv_total'], ['lit.total', 'lit_total']]) {
        const csvBase = csv.rows.filter((row) => csv.cell(row, 'metric') === metric).map((row) => ['year', ...basisColumns].map((c) => Number(csv.cell(row, c))));
        expect(csvBase, metric).toEqual(stated.filter((r) => r[column] !== null).map((r) => [Number(r.year), ...basisColumns.map((c) => Number(r[c]))]));
      }
      // No generic `reports` column (it counted every report, used or not, beside each total): that count is named for what it is.
      expect(csv.header).not.toContain('reports');
      const allReports = new Map(stated.map((r) => [String(r.year), String(r.all_reports)]));
      expect(csv.rows.length).toBeGreaterThan(0);
      for (const row of csv.rows) expect(csv.cell(row, 'all_reports'), csv.cell(row, 'year')).toBe(allReports.get(csv.cell(row, 'year')));

      // last: reading the SVG's text boxes replaces the page
      const svg = (await downloadFrom(page, 'svg-review')).bytes.toString('utf8');
      const boxes = await svgTextBoxes(page, svg);
      // A label is one text, or one text a line, as the renderer writes it; a basis line repeats across years.
      const texts = boxes.map((b) => squeezed(b.text));
      const whole = (l: { year: string; label: string }) => boxes.find((b) => squeezed(b.text) === squeezed(l.label)) ?? boxes.find((b) => b.text.trim() === l.year);
      for (const l of labels) {
        expect(whole(l), l.year).toBeDefined();
        if (texts.includes(squeezed(l.label))) continue;
        for (const line of l.basis.split('\n')) {
          const wanted = labels.filter((o) => o.basis.split('\n').includes(line)).length;
          expect(texts.filter((x) => x === squeezed(line)).length, `${l.year}: ${line}`).toBeGreaterThanOrEqual(wanted);
        }
      }
      const placed = labels.map(whole) as { text: string; x: number; y: number; width: number; height: number }[];
      for (let i = 1; i < placed.length; i++) expect(overlap(placed[i - 1], placed[i]), `${placed[i - 1].text} and ${placed[i].text}`).toBe(false);
      // The rate axis: labelled up to its top (100 % was dropped at 390 px), evenly, none overlapping another.
      const ticks = boxes.filter((b) => /^\d+%$/.test(b.text.trim()));
      const values = [...new Set(ticks.map((b) => Number(b.text.trim().slice(0, -1))))].sort((a, b) => a - b);
      expect(values[0]).toBe(0);
      expect(values.at(-1)).toBeGreaterThanOrEqual(100);
      expect(new Set(values.slice(1).map((v, i) => v - values[i])).size).toBe(1);
      for (let i = 0; i < ticks.length; i++) for (let j = i + 1; j < ticks.length; j++) expect(overlap(ticks[i], ticks[j]), `${ticks[i].text} and ${ticks[j].text}`).toBe(false);
    }, 180_000);
  }
});
