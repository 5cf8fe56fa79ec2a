// Series colours that stay readable for colour-blind readers and on both themes, and one colour
// per category in every chart: a series' colour comes from its key (a body, metric or category
// name), not from its position. Colour is never the only cue: bars and areas get a decal pattern
// and lines a marker shape, both tied to the same slot.

/**
 * Twelve colours of middle lightness (relative luminance 0.17–0.28), so each is at least 3:1
 * against the light (#ffffff) and the dark chart background alike; chosen greedily for the largest
 * smallest difference (CIELAB) under normal, deuteranope and protanope vision
 * (tests/unit/charts/palette.test.ts measures both).
 */
export const PALETTE: readonly string[] = [
  '#0072B2',
  '#D55E00',
  '#009977',
  '#7755FF',
  '#DD2255',
  '#4499AA',
  '#6688FF',
  '#CC7744',
  '#DD22CC',
  '#996688',
  '#DD6677',
  '#DD66AA',
];

export const CHART_BACKGROUND = { light: '#ffffff', dark: '#161b26' } as const;

/** Marker shapes for line series, by slot; the "empty" variant marks a point on few reports. */
export const LINE_SYMBOLS: readonly string[] = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin'];

export interface Decal {
  symbol: string;
  symbolSize: number;
  color: string;
  dashArrayX: number[] | number[][];
  dashArrayY: number[];
  rotation: number;
}

const DECAL_INK = 'rgba(255, 255, 255, 0.5)';
/** Patterns for bars, slices and areas, by slot: lines at four angles, dots, a grid of squares. */
export const DECALS: readonly Decal[] = [
  { symbol: 'rect', symbolSize: 1, color: DECAL_INK, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4 },
  { symbol: 'circle', symbolSize: 0.7, color: DECAL_INK, dashArrayX: [[6, 6], [0, 6, 6, 0]], dashArrayY: [6, 0], rotation: 0 },
  { symbol: 'rect', symbolSize: 1, color: DECAL_INK, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4 },
  { symbol: 'rect', symbolSize: 1, color: DECAL_INK, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: 0 },
  { symbol: 'rect', symbolSize: 0.8, color: DECAL_INK, dashArrayX: [[4, 4], [0, 4, 4, 0]], dashArrayY: [4, 0], rotation: 0 },
  { symbol: 'rect', symbolSize: 1, color: DECAL_INK, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 2 },
];

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio of two #rrggbb colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** FNV-1a of the key: the slot a key asks for, the same in every chart. */
export function paletteIndex(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % PALETTE.length;
}

export interface Slot {
  color: string;
  decal: Decal;
  symbol: string;
}

/**
 * The slot of a fixed palette place: for a closed set of categories (a report's level) given the
 * first places, whose colours stay furthest apart for every vision (palette.test.ts), rather than
 * the places their names hash to.
 */
export function slotAt(index: number): Slot {
  return { color: PALETTE[index % PALETTE.length], decal: DECALS[index % DECALS.length], symbol: LINE_SYMBOLS[index % LINE_SYMBOLS.length] };
}

/**
 * A colour, decal and marker for each key, in order. A key gets its own slot (paletteIndex)
 * unless an earlier key of the same chart took it; then the next free one. Past twelve keys the
 * colours repeat, with another pattern and marker. The same key given twice gets the same slot.
 */
export function assignSlots(keys: readonly string[]): Slot[] {
  const uses: number[] = PALETTE.map(() => 0);
  const byKey = new Map<string, Slot>();
  for (const key of keys) {
    if (byKey.has(key)) continue;
    const wanted = paletteIndex(key);
    const least = Math.min(...uses);
    let slot = wanted;
    for (let step = 0; step < PALETTE.length; step++) {
      const candidate = (wanted + step) % PALETTE.length;
      if (uses[candidate] === least) {
        slot = candidate;
        break;
      }
    }
    const variant = slot + uses[slot];
    uses[slot]++;
    byKey.set(key, { color: PALETTE[slot], decal: DECALS[variant % DECALS.length], symbol: LINE_SYMBOLS[variant % LINE_SYMBOLS.length] });
  }
  return keys.map((key) => byKey.get(key) as Slot);
}
