// A .doc's table text (cells and rows ended by tabs) → rows of "a | b | c".
import { describe, expect, it } from 'vitest';
import { docTableCells } from '../../../src/parse/input/doc';

describe('docTableCells', () => {
  it('rows ended by a second tab, blank cells kept as cells so numbers keep their columns', () => {
    const body = '三、收到和处理\n一、本年新收\t821\t35\t \t \t2\t1\t859\t\t二、上年结转\t18\t \t \t \t \t \t18\t\t正文\n';
    expect(docTableCells(body)).toBe('三、收到和处理\n一、本年新收 | 821 | 35 |  |  | 2 | 1 | 859\n二、上年结转 | 18 |  |  |  |  |  | 18\n正文');
  });

  it('a line break inside a cell is the cell’s own; a row ended by a tab and a line break; a heading before a table stays a line', () => {
    const body = '四、行政复议、行政诉讼情况\n行政复议\t行政诉讼\t\n结果\n维持\t结果\n纠正\t\n5\t \t2\t\t五、问题\n';
    expect(docTableCells(body)).toBe('四、行政复议、行政诉讼情况\n行政复议 | 行政诉讼\n结果维持 | 结果纠正\n5 |  | 2\n五、问题');
  });

  it('text without tabs is unchanged', () => {
    expect(docTableCells('甲\n\n乙\n')).toBe('甲\n\n乙');
  });
});
