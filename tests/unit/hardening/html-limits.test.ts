import { describe, expect, it } from 'vitest';
import { htmlToText, MAX_DEPTH, MAX_TABLE_AREA } from '../../../src/parse/decode/html';

describe('htmlToText limits (linear time on hostile HTML)', () => {
  it('ignores start tags nested deeper than MAX_DEPTH, keeps their text and says so', () => {
    const depth = MAX_DEPTH + 1000;
    const html = `<p>前言</p>${'<div>'.repeat(depth)}深处的文字${'</div>'.repeat(depth)}<p>结尾</p>`;
    const warnings: string[] = [];
    const text = htmlToText(html, warnings);
    expect(text.split('\n').filter((l) => l !== '')).toEqual(['前言', '深处的文字', '结尾']);
    expect(warnings).toEqual([`HTML nested deeper than ${MAX_DEPTH} elements: 1000 deeper start tags ignored (their text kept)`]);
  });

  it('reads a document at exactly MAX_DEPTH without a warning', () => {
    const warnings: string[] = [];
    const html = `${'<span>'.repeat(MAX_DEPTH)}x${'</span>'.repeat(MAX_DEPTH)}`;
    expect(htmlToText(html, warnings)).toBe('x');
    expect(warnings).toEqual([]);
  });

  it('keeps tables inside deep nesting on their grid', () => {
    const depth = MAX_DEPTH + 10;
    const html = `${'<div>'.repeat(depth)}<table><tr><td>a</td><td>1</td></tr></table>${'</div>'.repeat(depth)}`;
    // The table tags sit beyond the cap: their cells become plain text of the ancestor.
    expect(htmlToText(html)).toBe('a1');
    const shallow = `${'<div>'.repeat(10)}<table><tr><td>a</td><td>1</td></tr></table>${'</div>'.repeat(10)}`;
    expect(htmlToText(shallow)).toBe('a | 1');
  });

  it('bounds the grid area of rowspan/colspan and warns', () => {
    const cells = Math.ceil(MAX_TABLE_AREA / 10_000) + 5;
    const html = `<table><tr>${'<td rowspan="100" colspan="100">1</td>'.repeat(cells)}</tr><tr><td>2</td></tr></table>`;
    const warnings: string[] = [];
    const text = htmlToText(html, warnings);
    expect(text.split('\n')[0].split(' | ')).toHaveLength(cells);
    expect(warnings).toEqual([`a table spans more than ${MAX_TABLE_AREA} grid cells: later rowspan/colspan read as 1`]);
  });

  it('collapses long runs of spaces as before (one space inside a line, none at its ends)', () => {
    const html = `<p>a${' '.repeat(100_000)}b${'\u3000'.repeat(50_000)}</p><p>${' \t'.repeat(50_000)}c</p>`;
    expect(htmlToText(html)).toBe('a b\n\nc');
  });
});
