// A chart's notes and source line at desktop width (1280 px): a note longer than the chart is
// wide wraps inside the chart and is never cut, on screen, in the PNG and in the SVG. The longest
// notes are Compare's in English (how several reports of a year are used; the index's base year). Measured as drawn: the canvas's
// and the PNG's pixels at the right edge, and each SVG <text>'s box as the browser lays it out.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/app/i18n/messages';
import type { NativeDataset } from '../helpers/native-duckdb';
import { browserSession, chartSelector, comparePair, downloadFrom, openApp, READY_TIMEOUT, waitForChart, type Body } from './support';

const session = browserSession({ viewport: { width: 1280, height: 900 } });
let page: Page;
let native: NativeDataset;
let pair: [Body, Body];

beforeAll(async () => {
  ({ page, native } = session);
  pair = await comparePair(native);
});

/** Columns (CSS px from the left) holding any pixel that is not the white or transparent background, in an RGBA image of `scale` device px per CSS px. */
async function inkRightEdge(p: Page, image: { base64?: string; selector?: string }): Promise<{ width: number; rightmost: number }> {
  return p.evaluate(async ({ base64, selector }) => {
    let source: CanvasImageSource;
    let width: number;
    let height: number;
    if (base64) {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      [source, width, height] = [bitmap, bitmap.width, bitmap.height];
    } else {
      const canvas = document.querySelector(`${selector} canvas`) as HTMLCanvasElement;
      [source, width, height] = [canvas, canvas.width, canvas.height];
    }
    const copy = new OffscreenCanvas(width, height);
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(source, 0, 0);
    const pixels = ctx.getImageData(0, 0, width, height).data;
    let rightmost = -1;
    for (let y = 0; y < height; y++) {
      for (let x = width - 1; x > rightmost; x--) {
        const i = (y * width + x) * 4;
        if (pixels[i + 3] > 0 && Math.min(pixels[i], pixels[i + 1], pixels[i + 2]) < 235) {
          rightmost = x;
          break;
        }
      }
    }
    return { width, rightmost };
  }, image);
}

describe('chart foot notes at desktop width', () => {
  it('a note longer than the chart is wide is drawn whole inside the chart, and so in its PNG and SVG', async () => {
    await openApp(page, [['view', 'compare'], ['e', pair[0].key], ['e', pair[1].key], ['index', '1'], ['lang', 'en']]);
    await page.getByTestId('scale-note').waitFor({ timeout: READY_TIMEOUT });
    await waitForChart(page, 'compare');
    const note = translator('en')('compare.note');
    const indexNote = (await page.getByTestId('scale-note').textContent())!.trim();
    expect(indexNote).toMatch(/^Index: /);
    const chart = page.locator(chartSelector('compare'));
    const box = await chart.evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }));
    // The case worth testing: at 11 px in the chart's font the note is wider than the chart.
    const natural = await page.evaluate((text) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = "11px 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
      return ctx.measureText(text).width;
    }, note);
    expect(natural).toBeGreaterThan(box.width);

    // On screen: nothing drawn in the last 6 px of the canvas (the plot ends 20 px from the edge, text 12 px).
    const screen = await inkRightEdge(page, { selector: chartSelector('compare') });
    expect(screen.width).toBe(box.width);
    expect(screen.rightmost).toBeGreaterThan(box.width / 2);
    expect(screen.rightmost).toBeLessThan(box.width - 6);

    // The PNG (2×): the same.
    const png = await downloadFrom(page, 'png-compare');
    const image = await inkRightEdge(page, { base64: png.bytes.toString('base64') });
    expect(image.width).toBe(2 * box.width);
    expect(image.rightmost).toBeLessThan(2 * (box.width - 6));

    // The SVG: the note's text whole, read in order across its lines, and every text box inside the image.
    const svg = (await downloadFrom(page, 'svg-compare')).bytes.toString('utf8');
    const laid = await page.evaluate((text) => {
      const host = document.createElement('div');
      document.body.appendChild(host);
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
      host.appendChild(root);
      const width = Number(root.getAttribute('width'));
      const texts = [...root.querySelectorAll('text')].map((t) => {
        const b = t.getBBox();
        const m = t.getCTM();
        return { text: t.textContent ?? '', left: b.x + (m?.e ?? 0), right: b.x + b.width + (m?.e ?? 0) };
      });
      host.remove();
      return { width, texts };
    }, svg);
    expect(laid.width).toBe(box.width);
    const all = laid.texts.map((t) => t.text).join('').replace(/\s+/g, '');
    expect(all).toContain(note.replace(/\s+/g, ''));
    expect(all).toContain(indexNote.replace(/\s+/g, ''));
    const noteLines = laid.texts.filter((t) => t.text.trim() !== '' && note.includes(t.text.trim()));
    expect(noteLines.length).toBeGreaterThan(1);
    for (const t of laid.texts) {
      expect(t.left, t.text).toBeGreaterThanOrEqual(0);
      expect(t.right, t.text).toBeLessThanOrEqual(laid.width);
    }
  });
});
