// Writes public/fonts/noto-sans-sc-glyphs.json: the outlines of Noto Sans CJK SC Regular (SIL OFL
// 1.1) for ASCII, Latin-1, general and CJK punctuation, full-width forms and the 6,763 hanzi of
// GB 2312. An exported SVG embeds a font made of just the glyphs it uses (src/briefing/font.ts), so
// Chinese renders anywhere. Outlines are kept in font units, rounded to integers.
// Run once, by hand, where fonts-noto-cjk is installed: `npx tsx scripts/build-export-font.ts`.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

const TTC = process.env.NOTO_CJK_TTC ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const LICENCE = '/usr/share/doc/fonts-noto-cjk/copyright';
const OUT = 'public/fonts/noto-sans-sc-glyphs.json';

/** The GB 2312 hanzi: rows 16–87 of the EUC-CN grid, decoded by the platform's GB18030 decoder. */
function gb2312Hanzi(): string[] {
  const decoder = new TextDecoder('gb18030');
  const chars: string[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      if (row === 0xd7 && cell > 0xf9) continue; // row 55 ends at cell 89
      chars.push(decoder.decode(new Uint8Array([row, cell])));
    }
  }
  return chars;
}

const ranges: [number, number][] = [
  [0x20, 0x7e], [0xa0, 0xff], [0x2000, 0x206f], [0x2190, 0x21ff], [0x2200, 0x22ff], [0x2460, 0x24ff],
  [0x2500, 0x257f], [0x25a0, 0x25ff], [0x3000, 0x303f], [0xff00, 0xffef],
];
const codePoints = new Set<number>();
for (const [a, b] of ranges) for (let c = a; c <= b; c++) codePoints.add(c);
for (const ch of gb2312Hanzi()) codePoints.add(ch.codePointAt(0)!);

interface Glyph { advanceWidth: number; path: { commands: unknown[] } }
interface Face { postscriptName: string; unitsPerEm: number; ascent: number; descent: number; hasGlyphForCodePoint(cp: number): boolean; glyphForCodePoint(cp: number): Glyph }
const collection = (fontkit as { openSync(path: string): { fonts: Face[] } }).openSync(TTC);
const font = collection.fonts.find((f) => f.postscriptName === 'NotoSansCJKsc-Regular');
if (!font) throw new Error(`NotoSansCJKsc-Regular not found in ${TTC}`);
type Command = { command: string; args: number[] };
const LETTER: Record<string, string> = { moveTo: 'M', lineTo: 'L', quadraticCurveTo: 'Q', bezierCurveTo: 'C', closePath: 'Z' };
const glyphs: Record<string, [number, string]> = {};
for (const cp of [...codePoints].sort((a, b) => a - b)) {
  if (!font.hasGlyphForCodePoint(cp)) continue;
  const glyph = font.glyphForCodePoint(cp);
  const path = (glyph.path.commands as Command[]).map((c) => LETTER[c.command] + c.args.map((v) => Math.round(v)).join(' ')).join('');
  glyphs[String.fromCodePoint(cp)] = [glyph.advanceWidth, path];
}
const json = JSON.stringify({
  family: 'Noto Sans CJK SC',
  licence: 'SIL Open Font License 1.1 (fonts/NotoSansCJK-LICENSE.txt)',
  unitsPerEm: font.unitsPerEm,
  ascender: font.ascent,
  descender: font.descent,
  glyphs,
});
mkdirSync('public/fonts', { recursive: true });
writeFileSync(OUT, json);
copyFileSync(LICENCE, 'public/fonts/NotoSansCJK-LICENSE.txt');
console.log(`${OUT}: ${Object.keys(glyphs).length} glyphs, ${json.length} bytes (licence: ${readFileSync(LICENCE, 'utf8').includes('SIL-1.1') ? 'SIL OFL 1.1' : '?'})`);
