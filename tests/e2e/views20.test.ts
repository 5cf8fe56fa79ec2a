// Compare where a body has its own report and an area summary in the same year (generated 海南
// 2020–2021: the shipped corpus has no such body). Both are points of their own series: before,
// one report per body and year was picked (the own one) and the area summary's value of that year
// was shown nowhere — not in the chart, the table, the text alternative or the CSV. The English
// text alternative uses English punctuation (it used Chinese （：，；）. Expectations come from native
// DuckDB over the generated dataset's facts (not from the compare query) and the messages.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/app/i18n/messages';
import { formatNumber } from '../../src/charts/format';
import { runGenerate } from '../../src/generate/run';
import { runIngest } from '../../src/ingest/run-ingest';
import { collectOutput } from '../helpers/collect-output';
import { makeTempDir } from '../helpers/ingest-fixture';
import { openNativeDataset, type NativeDataset } from '../helpers/native-duckdb';
import { startPreview, type Preview } from '../helpers/preview-server';
import { browserSession, csvOf, drawnOption, e2eContext, waitForChart } from './support';

const session = browserSession();
const squeezed = (text: string) => text.replace(/\s+/g, '');

describe('compare: a body with its own report and an area summary in one year (generated 海南 2020–2021)', () => {
  let root: string;
  let preview: Preview;
  let generated: NativeDataset;
  let body: { key: string; name: string };
  /** The body's stated r.new.total by scope and year, one report each. */
  let facts: { year: number; scope: 'self' | 'area'; value: number }[];

  beforeAll(async () => {
    root = makeTempDir('gongkai-e2e-views20-');
    const reports = join(root, 'reports');
    await runGenerate({ province: '海南', years: [2020, 2021], out: reports, seed: 7, scale: 0.01, noise: 'default', copies: 0 });
    // With stored answers: the page reads compare from them, as it does the shipped dataset.
    await runIngest([reports], join(root, 'dataset'), collectOutput());
    preview = await startPreview(e2eContext().distDir, join(root, 'dataset'));
    generated = await openNativeDataset(join(root, 'dataset'));
    const [both] = await generated.rows({
      sql: `SELECT f.body_key AS key, e.name FROM facts_wide f JOIN entities e ON e.key = f.body_key
            WHERE f.r_new_total IS NOT NULL GROUP BY ALL HAVING count(DISTINCT f.year || f.scope) > count(DISTINCT f.year) ORDER BY f.body_key LIMIT 1`,
      params: [],
    });
    body = { key: String(both.key), name: String(both.name) };
    const rows = await generated.rows({ sql: `SELECT year, scope, r_new_total AS value FROM facts_wide WHERE body_key = ? AND r_new_total IS NOT NULL ORDER BY year, scope DESC`, params: [body.key] });
    facts = rows.map((r) => ({ year: Number(r.year), scope: r.scope === 'area' ? 'area' : 'self', value: Number(r.value) }));
  }, 240_000);

  afterAll(async () => {
    generated?.close();
    await preview?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  for (const locale of ['zh', 'en'] as const) {
    it(`draws, tabulates, describes and downloads both values of the year (${locale})`, async () => {
      const { page } = session;
      const t = translator(locale);
      // The case itself: a year with both scopes, each scope one report a year.
      const years = [...new Set(facts.map((f) => f.year))];
      expect(years.some((y) => facts.filter((f) => f.year === y).length === 2)).toBe(true);
      expect(new Set(facts.map((f) => `${f.year}${f.scope}`)).size).toBe(facts.length);
      const seriesName = (scope: 'self' | 'area') => (scope === 'area' ? `${body.name} · ${t('scope.areaSeries')}` : body.name);

      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${preview.url}?view=compare&e=${encodeURIComponent(body.key)}&bench=1&lang=${locale}`);
      await waitForChart(page, 'compare');

      // The chart: each scope a series with its value at its year.
      const option = await drawnOption(page, 'compare');
      const axis = ((Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis) as { data: string[] }).data;
      const series = (option.series as { name?: string; data?: unknown[] }[]).filter((s) => s.name);
      const drawn = (name: string, year: number) => {
        const point = series.find((s) => s.name === name)?.data?.[axis.indexOf(String(year))];
        return point !== null && typeof point === 'object' ? (point as { value: unknown }).value : point;
      };
      for (const f of facts) expect(drawn(seriesName(f.scope), f.year), `${f.scope} ${f.year}`).toBe(f.value);

      // The view's table: a row per series.
      const table = await page.getByTestId('compare-table').locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({ scope: tr.getAttribute('data-scope'), name: tr.querySelector('th')?.textContent ?? '', cells: [...tr.querySelectorAll('td')].map((td) => [td.getAttribute('data-year'), td.getAttribute('data-value')]) })),
      );
      for (const f of facts) {
        const row = table.find((r) => r.scope === f.scope);
        expect(row?.name, f.scope).toBe(seriesName(f.scope));
        expect(row?.cells.find(([y]) => y === String(f.year))?.[1], `${f.scope} ${f.year}`).toBe(String(f.value));
      }

      // The text alternative: each series with its own values, in the page's punctuation.
      const mark = locale === 'zh' ? { open: '（', close: '）', colon: '：', comma: '，' } : { open: ' (', close: ')', colon: ': ', comma: ', ' };
      const description = (await page.getByTestId('description-compare').textContent()) ?? '';
      for (const scope of ['self', 'area'] as const) {
        const points = facts.filter((f) => f.scope === scope).map((f) => `${f.year} ${formatNumber(f.value, locale)}`).join(mark.comma);
        expect(squeezed(description)).toContain(squeezed(`${body.name}${mark.open}${t(`scope.${scope}`)}${mark.close}${mark.colon}${points}`));
      }
      if (locale === 'en') expect(description).not.toMatch(/[（）：，；、]/);

      // The CSV: an observation per scope and year.
      const csv = await csvOf(page, 'csv-compare');
      const observed = csv.rows.map((r) => [Number(csv.cell(r, 'year')), csv.cell(r, 'scope'), Number(csv.cell(r, 'value'))]);
      expect(observed.sort()).toEqual(facts.map((f) => [f.year, f.scope, f.value]).sort());
    }, 180_000);
  }
});
