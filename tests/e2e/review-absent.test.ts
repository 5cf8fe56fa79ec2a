// The Review view with a chosen body that states neither total (audit20 F5, F6b), in real
// Chromium: 广州市 with 海珠区 — 广州市 has no report stating a reconsideration or litigation total,
// so it has no bar; the page and the chart's notes say so (absent is not 0), and the chart's title
// carries the years its figures are of (an exported chart is read without the page's controls).
// Expectations from native DuckDB over the shipped Parquet.
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/app/i18n/messages';
import { reviewLitigation } from '../../src/db/sql';
import { browserSession, drawnOption, openApp, waitForChart } from './support';

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
