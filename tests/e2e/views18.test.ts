// Views that tell the truth, second audit, in real Chromium on the shipped data: coverage says
// "—" and why where the gazetteer lists no children (never 0), the Data view labels every column
// and shows booleans as words, and the coverage table reads on a phone. Expectations come from
// native DuckDB and the messages.
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/app/i18n/messages';
import { coverage } from '../../src/db/sql';
import { browserSession, csvOf, downloadFrom, drawnOption, openApp, svgTextBoxes, waitForChart } from './support';

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
