import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import opentype from 'opentype.js';
import { lineOverYears } from '../../../src/charts';
import { optionToSvg } from '../../../src/charts/svg';
import { estimateWidth, exportLayout, exportOption, exportText, PRESETS, wrapText } from '../../../src/briefing/export-layout';
import { embedFont, svgTexts, type GlyphData } from '../../../src/briefing/font';

const source = '来源：公开 Gongkai · 政府信息公开工作年度报告 · 数据集 0123abcd · 2026-12-05 · 广东省广州市海珠区人民政府及其部门';
const option = lineOverYears([{ name: '广州市', points: [{ year: 2020, value: 3 }, { year: 2021, value: 5 }] }], { title: '新收申请', unit: '件', source: source.replace('来源：', ''), locale: 'zh', notes: '注：一\n注：二' });

describe('wrapText', () => {
  it('keeps every character and fits every line', () => {
    for (const max of [60, 120, 200, 400]) {
      const lines = wrapText(source, max, 11, estimateWidth);
      expect(lines.join('')).toBe(source);
      for (const line of lines) expect(estimateWidth(line.trimEnd(), 11) <= max || Array.from(line.trimEnd()).length === 1).toBe(true);
    }
  });
  it('breaks a Latin word only when it alone is too wide', () => {
    expect(wrapText('aaa bbb', 30, 10, estimateWidth)).toEqual(['aaa ', 'bbb']);
    expect(wrapText('abcdefghij', 30, 10, estimateWidth)).toEqual(['abcde', 'fghij']);
  });
});

describe('export layout', () => {
  it('reads the chart texts and wraps the source whole at any width', () => {
    const text = exportText(option);
    expect(text).toEqual({ title: '新收申请', subtitle: '单位：件', notes: '注：一\n注：二', source });
    for (const width of [240, 390, 794, 1600]) {
      const layout = exportLayout({ ...text, width, height: 600 }, estimateWidth);
      expect(layout.sourceLines.join('')).toBe(source);
      expect(layout.footHeight).toBe(8 + 16 * (2 + layout.sourceLines.length) + 12);
      const laid = exportOption(option, layout) as { graphic: { elements: { id: string; style: { text: string } }[] }; grid: { bottom: number } };
      expect(laid.graphic.elements.filter((e) => e.id.startsWith('source-')).map((e) => e.style.text).join('')).toBe(source);
      expect(laid.grid.bottom).toBe(layout.footHeight);
    }
    expect(exportLayout({ ...text, width: 390, height: 300 }, estimateWidth).sourceLines.length).toBeGreaterThan(1);
  });
  it('scales presets wider than the layout width', () => {
    const slide = PRESETS.find((p) => p.id === 'slide')!;
    const layout = exportLayout({ ...exportText(option), ...slide }, estimateWidth);
    expect([layout.width, layout.height, layout.scale]).toEqual([800, 450, 2]);
  });
});

describe('embedded font', () => {
  const data = JSON.parse(readFileSync('public/fonts/noto-sans-sc-glyphs.json', 'utf8')) as GlyphData;
  it('embeds a font holding exactly the glyphs the SVG uses', () => {
    const layout = exportLayout({ ...exportText(option), width: 390, height: 400 }, estimateWidth);
    const raw = optionToSvg(exportOption(option, layout), layout.width, layout.height);
    const { svg, missing } = embedFont(raw, data);
    expect(missing).toEqual([]);
    const base64 = /@font-face\{font-family:'GongkaiExportCJK';src:url\(data:font\/otf;base64,([A-Za-z0-9+/=]+)\)/.exec(svg)?.[1];
    expect(base64).toBeTruthy();
    const font = opentype.parse(new Uint8Array(Buffer.from(base64!, 'base64')).buffer);
    const used = new Set(Array.from(svgTexts(svg).join('')).filter((c) => c !== ' '));
    expect(font.glyphs.length).toBe(used.size + 2); // .notdef and the space
    for (const ch of ['来', '源', '海', '珠', 'G']) expect((font.charToGlyph(ch) as { unicode?: number }).unicode).toBe(ch.codePointAt(0));
    const texts = svgTexts(svg);
    const first = texts.indexOf(layout.sourceLines[0]);
    expect(layout.sourceLines.length).toBeGreaterThan(1);
    expect(texts.slice(first, first + layout.sourceLines.length).join('')).toBe(source);
    // A Chinese chart's texts take the embedded face first.
    expect(new Set([...svg.matchAll(/font-family:\s*([^,;"]+)/g)].map((m) => m[1]))).toEqual(new Set(["'GongkaiExportCJK'"]));
  });

  it('puts the embedded CJK face after the Latin faces in an English chart, whose apostrophes it would draw full-width', () => {
    const english = lineOverYears([{ name: 'Guangzhou', points: [{ year: 2020, value: 3 }, { year: 2021, value: 5 }] }], { title: 'Requests’ outcomes', unit: '', source: 'Gongkai', locale: 'en' });
    const { svg } = embedFont(optionToSvg(english, 600, 400), data);
    const lists = [...svg.matchAll(/font-family:([^;"]+)/g)].map((m) => m[1].trim()).filter((l) => l !== "'GongkaiExportCJK'");
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) {
      expect(list.startsWith("'Segoe UI'")).toBe(true);
      expect(list.indexOf("'GongkaiExportCJK'")).toBeLessThan(list.indexOf("'Noto Sans CJK SC'"));
      expect(list.indexOf("'GongkaiExportCJK'")).toBeGreaterThan(list.indexOf("'DejaVu Sans'"));
    }
  });
});
