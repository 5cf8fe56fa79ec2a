// SVG exports embed a font made of exactly the glyphs they use, so Chinese renders on a machine
// without CJK fonts (a slide deck opened elsewhere, a print shop). The outlines come from
// public/fonts/noto-sans-sc-glyphs.json (Noto Sans CJK SC, SIL OFL 1.1; scripts/build-export-font.ts).
import opentype from 'opentype.js';

// The package's main is a UMD bundle: its named exports are properties of the default one.
const { Font, Glyph, Path } = opentype;

export interface GlyphData {
  family: string;
  licence: string;
  unitsPerEm: number;
  ascender: number;
  descender: number;
  /** Character → [advance width, outline as `M x y L x y C … Z` in font units, y up]. */
  glyphs: Record<string, [number, string]>;
}

export const EXPORT_FONT_FAMILY = 'GongkaiExportCJK';
/** Where the CJK faces start in a chart's font list (src/charts/frame.ts). */
const CJK_FACE = "'Noto Sans CJK SC'";
export const GLYPHS_URL = 'fonts/noto-sans-sc-glyphs.json';

function toPath(outline: string): InstanceType<typeof Path> {
  const path = new Path();
  for (const [, op, args] of outline.matchAll(/([MLQCZ])([^MLQCZ]*)/g)) {
    const n = args.trim() ? args.trim().split(' ').map(Number) : [];
    if (op === 'M') path.moveTo(n[0], n[1]);
    else if (op === 'L') path.lineTo(n[0], n[1]);
    else if (op === 'Q') path.quadraticCurveTo(n[0], n[1], n[2], n[3]);
    else if (op === 'C') path.curveTo(n[0], n[1], n[2], n[3], n[4], n[5]);
    else path.close();
  }
  return path;
}

/** A font (OpenType/CFF bytes) holding the glyphs of `text` the data has, and the characters it lacks. */
export function subsetFont(data: GlyphData, text: string): { bytes: ArrayBuffer; covered: string[]; missing: string[] } {
  const chars = [...new Set(Array.from(text))].filter((ch) => ch.trim() !== '' || ch === ' ').sort();
  const covered = chars.filter((ch) => data.glyphs[ch] !== undefined);
  const missing = chars.filter((ch) => data.glyphs[ch] === undefined);
  const glyphs = [
    new Glyph({ name: '.notdef', advanceWidth: Math.round(data.unitsPerEm / 2), path: new Path() }),
    ...covered.map((ch) => {
      const [advance, outline] = data.glyphs[ch];
      const code = ch.codePointAt(0)!;
      return new Glyph({ name: `u${code.toString(16).toUpperCase()}`, unicode: code, unicodes: [code], advanceWidth: advance, path: toPath(outline) });
    }),
  ];
  const font = new Font({ familyName: EXPORT_FONT_FAMILY, styleName: 'Regular', unitsPerEm: data.unitsPerEm, ascender: data.ascender, descender: data.descender, glyphs });
  return { bytes: font.toArrayBuffer(), covered, missing };
}

const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()];
    return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });

/** The text content of every <text> (and <tspan>) of an SVG string. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => decodeEntities(m[1].replace(/<[^>]+>/g, '')));
}

function base64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The SVG with an @font-face holding the glyphs of all its texts (a data: URL) put in every text's
 * font list where the CJK faces start: first in a Chinese chart's list, after the Latin faces in an
 * English one's (fontFamilyFor), whose ' ’ “ ” the CJK face would draw full-width. Characters the
 * font data lacks fall back to the fonts named after it.
 */
export function embedFont(svg: string, data: GlyphData): { svg: string; missing: string[] } {
  const { bytes, missing } = subsetFont(data, svgTexts(svg).join(''));
  const face = `<defs><style>@font-face{font-family:'${EXPORT_FONT_FAMILY}';src:url(data:font/otf;base64,${base64(bytes)}) format('opentype');}</style></defs>`;
  const first = `'${EXPORT_FONT_FAMILY}', `;
  const withFamily = svg.replace(/font-family:([^;"]*)/g, (_, list: string) => {
    const cjk = list.indexOf(CJK_FACE);
    return `font-family:${cjk < 0 ? `${first}${list}` : `${list.slice(0, cjk)}${first}${list.slice(cjk)}`}`;
  });
  return { svg: withFamily.replace(/(<svg\b[^>]*>)/, `$1${face}`), missing };
}

let cached: Promise<GlyphData> | null = null;
/** Browser: the glyph data, fetched once from the app (never the network). */
export function loadGlyphData(base: string = import.meta.env.BASE_URL ?? '/'): Promise<GlyphData> {
  cached ??= fetch(`${base}${GLYPHS_URL}`).then((r) => {
    if (!r.ok) throw new Error(`${GLYPHS_URL}: HTTP ${r.status}`);
    return r.json() as Promise<GlyphData>;
  });
  cached.catch(() => (cached = null));
  return cached;
}
