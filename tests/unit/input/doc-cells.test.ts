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

  it('a row starting with the lower parts of cells merged down the rows (no character) keeps the line breaks of its cells', () => {
    // LibreOffice's .doc of complete/2024-fujian-pingtan-zone-county.html: "（六）其他处理" spans three rows
    const body =
      '（六）其他处理\t1.申请人无正当理由逾期不补正、\n行政机关不再处理\t1\t1\t\t\t\t2.申请人逾期未按收费通知要求缴纳费用、\n行政机关不再处理\t0\t0\t\t\t\t3.其他\t1\t2\t\t四、问题\n正文\n';
    expect(docTableCells(body)).toBe(
      '（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理 | 1 | 1\n2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理 | 0 | 0\n3.其他 | 1 | 2\n四、问题\n正文',
    );
  });

  it('text without tabs is unchanged', () => {
    expect(docTableCells('甲\n\n乙\n')).toBe('甲\n\n乙');
  });
});
