import { describe, expect, it } from 'vitest';
import { assignSlots, CHART_BACKGROUND, contrastRatio, DECALS, LINE_SYMBOLS, PALETTE, paletteIndex } from '../../../src/charts/palette';

// Machado et al. (2009) simulation matrices at full severity, applied in linear RGB.
const CVD = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  deuteranope: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  protanope: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
};
const linear = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
};
function lab(rgb: number[]): number[] {
  const [r, g, b] = rgb;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const seen = (hex: string, m: number[][]) => lab(m.map((row) => Math.min(1, Math.max(0, row[0] * linear(hex)[0] + row[1] * linear(hex)[1] + row[2] * linear(hex)[2]))));

describe('palette', () => {
  it('has at least 12 distinct colours, each at least 3:1 against the light and the dark chart background', () => {
    expect(PALETTE.length).toBeGreaterThanOrEqual(12);
    expect(new Set(PALETTE.map((c) => c.toLowerCase())).size).toBe(PALETTE.length);
    for (const colour of PALETTE) {
      expect(contrastRatio(colour, CHART_BACKGROUND.light), colour).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(colour, CHART_BACKGROUND.dark), colour).toBeGreaterThanOrEqual(3);
    }
  });

  it('computes WCAG contrast like the reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('keeps every two colours apart for deuteranope and protanope readers (CIELAB ΔE ≥ 10), and ≥ 20 for the first six', () => {
    for (const [vision, m] of Object.entries(CVD)) {
      let least = Infinity;
      let leastFirst6 = Infinity;
      for (let i = 0; i < PALETTE.length; i++) {
        for (let j = i + 1; j < PALETTE.length; j++) {
          const [a, b] = [seen(PALETTE[i], m), seen(PALETTE[j], m)];
          const d = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
          least = Math.min(least, d);
          if (j < 6) leastFirst6 = Math.min(leastFirst6, d);
        }
      }
      console.log(`palette ${vision}: smallest ΔE ${least.toFixed(1)}, first six ${leastFirst6.toFixed(1)}`);
      expect(least, vision).toBeGreaterThanOrEqual(10);
      expect(leastFirst6, vision).toBeGreaterThanOrEqual(20);
    }
  });
});

describe('assignSlots', () => {
  it('gives a key the same colour in every chart, whatever else the chart holds', () => {
    const alone = assignSlots(['广州市'])[0];
    expect(alone.color).toBe(PALETTE[paletteIndex('广州市')]);
    const others = ['深圳市', '珠海市', '汕头市', '佛山市'].filter((k) => paletteIndex(k) !== paletteIndex('广州市'));
    const among = assignSlots([...others, '广州市']);
    expect(among[among.length - 1]).toEqual(alone);
  });

  it('never gives two keys of one chart the same colour while twelve suffice, then varies pattern and marker', () => {
    const keys = Array.from({ length: 12 }, (_, i) => `body-${i}`);
    expect(new Set(assignSlots(keys).map((s) => s.color)).size).toBe(12);
    const many = assignSlots(Array.from({ length: 15 }, (_, i) => `k${i}`));
    const pairs = new Set(many.map((s) => `${s.color}|${DECALS.indexOf(s.decal)}|${LINE_SYMBOLS.indexOf(s.symbol)}`));
    expect(pairs.size).toBe(15);
  });

  it('gives a repeated key its slot again', () => {
    const [a, , c] = assignSlots(['x', 'y', 'x']);
    expect(c).toEqual(a);
  });
});

describe('builders use the slots', () => {
  it('a line keeps its colour and marker across charts, and its area series shares the colour', async () => {
    const { lineOverYears } = await import('../../../src/charts/line');
    const { stackedBars } = await import('../../../src/charts/bars');
    const frame = { title: 't', unit: '件', source: 's', locale: 'zh' as const };
    const a = lineOverYears([{ name: '甲', points: [{ year: 2020, value: 1 }] }], frame).series as { color?: string; symbol?: string }[];
    const b = lineOverYears(
      [
        { name: '乙', points: [{ year: 2020, value: 2 }] },
        { name: '甲', points: [{ year: 2020, value: 1 }] },
        { name: '甲 · 汇总', colorKey: '甲', scope: 'area', points: [{ year: 2020, value: 3 }] },
      ],
      frame,
    ).series as { color?: string; symbol?: string }[];
    expect(b[1].color).toBe(a[0].color);
    expect(b[1].symbol).toBe(a[0].symbol);
    expect(b[2].color).toBe(a[0].color);
    expect(b[0].color).not.toBe(b[1].color);
    const bars = stackedBars(['2020'], [{ name: '甲', values: [1] }], frame).series as { itemStyle?: { color?: string; decal?: unknown } }[];
    expect(bars[0].itemStyle?.color).toBe(a[0].color);
    expect(bars[0].itemStyle?.decal).toBeTruthy();
  });
});
