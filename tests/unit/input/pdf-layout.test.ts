// The PDF layout rules on hand-placed items: paragraphs, numbers broken at a line end, running
// headers and footers, ruled tables (wrapped labels, spanning cells, runs across rules), boxes.
import { describe, expect, it } from 'vitest';
import { boxOfSpan, ideographsForRadicals, layoutPdfText, type PdfItem, type PdfPageContent, type Rule } from '../../../src/parse/input/pdf-layout';

const A4 = { width: 595, height: 842 };
const item = (str: string, x: number, y: number, size = 16): PdfItem => ({ str, x, y, w: [...str].length * size * (/^[\d.]+$/.test(str) ? 0.5 : 1), h: size });
const page = (n: number, items: PdfItem[], rules: Rule[] = []): PdfPageContent => ({ page: n, ...A4, items, rules });
const h = (y: number, x0: number, x1: number): Rule => ({ x0, y0: y, x1, y1: y });
const v = (x: number, y0: number, y1: number): Rule => ({ x0: x, y0, x1: x, y1 });

describe('paragraphs', () => {
  it('joins a line that reaches the right margin to the next, a number broken at the line end included', () => {
    // 25 characters of 16 pt from x 72 end at 472; the next line starts at the left margin
    const laid = layoutPdfText([
      page(1, [
        item('全年共受理政府信息公开申请，其中依申请公开数量为', 72, 700),
        item('1', 472, 700),
        item('5', 72, 680),
        item('件，均按时答复。', 80, 680),
        item('（二）主动公开情况。', 104, 650),
      ]),
    ]);
    expect(laid.text).toBe('全年共受理政府信息公开申请，其中依申请公开数量为15件，均按时答复。\n（二）主动公开情况。');
  });

  it('does not join a full line to the next when they are further apart than a paragraph\'s lines: paragraph spacing', () => {
    // Chromium's print of pages/2009-heilongjiang-heilongjiang-province.txt: a page's <p> margins set
    // paragraphs 30 apart, a paragraph's wrapped lines 18; the breadcrumb filling its line is no
    // part of the title under it
    const full = (text: string) => text.repeat(25).slice(0, 25);
    const laid = layoutPdfText([
      page(1, [
        item(full('一二三四五'), 72, 700),
        item(full('六七八九十'), 72, 682),
        item(full('甲乙丙丁戊'), 72, 664),
        item('己庚辛。', 72, 646),
        item(full('您当前的位置首页政务公开'), 72, 616),
        item('2009年度某省政府信息公开工作报告', 72, 586),
      ]),
    ]);
    expect(laid.text.split('\n')).toEqual([full('一二三四五') + full('六七八九十') + full('甲乙丙丁戊') + '己庚辛。', full('您当前的位置首页政务公开'), '2009年度某省政府信息公开工作报告']);
  });

  it('joins a line that broke early because the next line\'s first word, Latin, did not fit', () => {
    // Chromium's A5 print of panel/2020-guangdong-guangzhou-haizhu-county.txt: …上年結(jié)轉 ends three
    // em short of the margin, (zhuǎn)申請10宗 opens the next line
    const full = (text: string) => text.repeat(25).slice(0, 25);
    const short = full('政府共收到政府信息公開申請').slice(0, 22);
    const laid = layoutPdfText([
      page(1, [
        item(full('一二三四五'), 72, 700),
        item(full('六七八九十'), 72, 680),
        item(short, 72, 660),
        { str: '(zhuǎn)', x: 72, y: 640, w: 62, h: 16 },
        item('申請10宗。', 134, 640),
      ]),
    ]);
    expect(laid.text).toBe(`${full('一二三四五')}${full('六七八九十')}${short}(zhuǎn)申請10宗。`);
  });

  it('keeps a space only between Latin words and collapses letter-spacing between ideographs', () => {
    const laid = layoutPdfText([page(1, [item('信 息 公 开', 72, 700), item('Open', 140, 700), item('Data', 200, 700)])]);
    expect(laid.text).toBe('信息公开Open Data');
  });

  it('reads look-alike radicals as the ideographs they stand for', () => {
    expect(ideographsForRadicals('⼀、中华⼈⺠共和国')).toBe('一、中华人民共和国');
  });
});

describe('running headers and footers', () => {
  it('drops page numbers and a title repeated in the margins of every page, keeps the body', () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [
        item('某某区人民政府2023年政府信息公开工作年度报告', 100, 800, 9),
        item(`第 ${n} 页 共 3 页`, 260, 30, 9),
        item(`- ${n} -`, 280, 50, 9),
        item(`正文第${n}段。`, 72, 500),
      ]),
    );
    const laid = layoutPdfText(pages);
    expect(laid.text).toBe('正文第1段。\n正文第2段。\n正文第3段。');
    expect(laid.droppedLines).toBe(9);
  });

  it('keeps a number alone at a page edge that does not count the pages: a borderless table cell', () => {
    // Chromium's A5 print of seeds/2019-liaoning-fuxin-city (borderless, no footer): a row's cells
    // each on a line of its own, the cell "7" the first line of page 2 and "23" the last of page 3
    const pages = [
      page(1, [item('正文。', 72, 500), item('14', 72, 60)]),
      page(2, [item('7', 72, 800), item('22', 72, 500)]),
      page(3, [item('15', 72, 500), item('23', 72, 30)]),
    ];
    expect(layoutPdfText(pages).text).toBe('正文。\n14\n7\n22\n15\n23');
    // numbers that count the pages are dropped: the page's own index, or an offset other pages share
    const numbered = [1, 2, 3].map((n) => page(n, [item(`正文第${n}段。`, 72, 500), item(String(n + 2), 290, 30, 9)]));
    expect(layoutPdfText(numbered).text).toBe('正文第1段。\n正文第2段。\n正文第3段。');
    expect(layoutPdfText([page(1, [item('正文。', 72, 500), item('1', 290, 30, 9)])]).text).toBe('正文。');
  });

  it('keeps a borderless table\'s last cell at the foot of a page whose value equals the page number: told by place, not value', () => {
    // the cells stand in a column at x 72; the page numbers, where printed, are centred at 290
    // (Chromium's A5 print of a report whose cells are lines of their own: page 2 ends on the cell "2")
    const cells = (n: number) => page(n, [item('一、本年新收政府信息公开申请数量', 72, 500, 12), item('14', 72, 470), item('22', 72, 440), ...(n === 2 ? [item('2', 72, 40)] : [])]);
    expect(layoutPdfText([cells(1), cells(2)]).text).toBe('一、本年新收政府信息公开申请数量\n14\n22\n一、本年新收政府信息公开申请数量\n14\n22\n2');
    // the same cells with a page number centred below them: the number goes, the cell stays
    const numbered = [1, 2].map((n) => ({ ...cells(n), items: [...cells(n).items, item(String(n), 290, 20, 9)] }));
    expect(layoutPdfText(numbered).text).toBe('一、本年新收政府信息公开申请数量\n14\n22\n一、本年新收政府信息公开申请数量\n14\n22\n2');
    // a number printed in the cells' column at the same place on every page is furniture all the same
    const inColumn = [1, 2].map((n) => page(n, [item('正文。', 72, 500), item('14', 72, 470), item(String(n), 72, 20, 9)]));
    expect(layoutPdfText(inColumn).text).toBe('正文。\n14\n正文。\n14');
  });

  it('keeps body lines that reach into the margin: a number alone, or one above the footer, is text there', () => {
    // a long page of one-cell lines: "0 |" and "5" print low on each page, the page number below them
    const pages = [1, 2].map((n) =>
      page(n, [item('正文。', 72, 500), item('0 |', 72, 62, 12), item('5', 72, 45, 12), item(`第 ${n} 页 共 2 页`, 260, 16, 6)]),
    );
    const laid = layoutPdfText(pages);
    expect(laid.text).toBe('正文。\n0 |\n5\n正文。\n0 |\n5');
    expect(laid.droppedLines).toBe(2);
  });

  it('a repeated line at another height on each page is body text, not a running header', () => {
    const pages = [1, 2].map((n) => page(n, [item('正文。', 72, 500), item('其他需要报告的事项', 72, 60 + 10 * n, 12)]));
    expect(layoutPdfText(pages).text).toBe('正文。\n其他需要报告的事项\n正文。\n其他需要报告的事项');
  });

  it('measures the margins from the bottom of the page box, wherever it starts', () => {
    const shifted = [1, 2].map((n) => ({ ...page(n, [item(`- ${n} -`, 280, 1030, 9), item(`正文第${n}段。`, 72, 1500)]), y0: 1000 }));
    expect(layoutPdfText(shifted).text).toBe('正文第1段。\n正文第2段。');
  });
});

describe('ruled tables with stretches of border left out (LibreOffice)', () => {
  const items = [item('予以公开', 80, 680, 10), item('5', 180, 680, 10), item('6', 330, 680, 10), item('不予公开', 80, 650, 10), item('7', 180, 650, 10), item('8', 330, 650, 10)];
  it('a cell without a top rule above it ends where its side rules do, not at a rule of a table above', () => {
    const rules = [h(800, 72, 472), h(760, 72, 472), v(72, 760, 800), v(472, 760, 800), h(700, 172, 322), h(670, 72, 472), h(640, 72, 472), v(72, 640, 700), v(172, 640, 700), v(322, 640, 700), v(472, 640, 700)];
    expect(layoutPdfText([page(1, [item('表一', 80, 780, 10), ...items], rules)]).text).toBe('表一\n予以公开 | 5 | 6\n不予公开 | 7 | 8');
  });

  it('a cell whose right rule is missing for one row ends where the row rule does', () => {
    const rules = [h(700, 72, 472), h(670, 72, 472), h(640, 72, 472), v(72, 640, 700), v(172, 640, 700), v(322, 640, 700), v(472, 640, 670), v(472, 600, 600.5)];
    expect(layoutPdfText([page(1, items, rules)]).text).toBe('予以公开 | 5 | 6\n不予公开 | 7 | 8');
  });

  it('side rules drawn cell by cell are one rule; a rule of another table in line with them is not joined across the gap', () => {
    const rules = [h(700, 72, 472), h(670, 72, 472), h(640, 72, 472), v(72, 640, 700), v(172, 670, 700), v(172, 640, 670), v(322.2, 640, 670), v(322, 670, 700), v(472, 640, 700), v(322.1, 750, 800)];
    expect(layoutPdfText([page(1, items, rules)]).text).toBe('予以公开 | 5 | 6\n不予公开 | 7 | 8');
  });
});

describe('a table row broken by a page break', () => {
  const cols = [72, 122, 272, 372, 472];
  const vr = (y0: number, y1: number) => cols.map((x) => v(x, y0, y1));
  it("joins the rest of the row's wrapped labels on the next page to the row; a repeated header row is left alone", () => {
    const first = page(1, [item('（四）', 76, 90, 10), item('1.本机关不掌握相关政', 126, 90, 10), item('31', 280, 90, 10), item('31', 380, 90, 10)], [h(110, 72, 472), h(60, 72, 472), ...vr(60, 110)]);
    const second = page(2, [item('无法提供', 76, 780, 10), item('府信息', 126, 780, 10), item('2.没有现成信息', 126, 750, 10), item('0', 280, 750, 10), item('0', 380, 750, 10)], [h(800, 72, 472), h(770, 122, 472), h(740, 72, 472), ...vr(740, 800)]);
    expect(layoutPdfText([first, second]).text).toBe('（四）无法提供 | 1.本机关不掌握相关政府信息 | 31 | 31\n2.没有现成信息 | 0 | 0');
    const header = page(2, [item('信息内容', 76, 780, 10), item('类别', 126, 780, 10), item('新收', 280, 780, 10), item('总计', 380, 780, 10)], [h(800, 72, 472), h(770, 72, 472), ...vr(770, 800)]);
    expect(layoutPdfText([first, header]).text).toBe('（四） | 1.本机关不掌握相关政 | 31 | 31\n信息内容 | 类别 | 新收 | 总计');
  });
});

describe('ruled tables', () => {
  it('keeps the space a cell\'s line broke at between two figures when the line had room for another digit', () => {
    // Chromium's print of real/2009-zhejiang-shangyu-xiaguan-town.txt: 公開日期 | 2015-07-27 / 16:32 (was
    // 2015-07-2716:32, no published date); a number broken in a full narrow cell stays one number
    const rules = [h(700, 72, 300), h(660, 72, 300), v(72, 660, 700), v(200, 660, 700), v(300, 660, 700), h(600, 72, 240), h(560, 72, 240), v(72, 560, 600), v(200, 560, 600), v(240, 560, 600)];
    const items = [
      item('公开日期', 76, 676, 12),
      { str: '2015-07-27', x: 203, y: 684, w: 56, h: 12 },
      { str: '16:32', x: 203, y: 670, w: 27, h: 12 },
      item('本年新收', 76, 576, 12),
      { str: '1234', x: 203, y: 584, w: 34, h: 12 },
      { str: '56', x: 203, y: 570, w: 17, h: 12 },
    ];
    expect(layoutPdfText([page(1, items, rules)]).text).toBe('公开日期 | 2015-07-27 16:32\n本年新收 | 123456');
  });

  // a 3-column table: label | 自然人 | 总计, three rows; the first column of rows 2–3 merged
  const rules = [h(700, 72, 472), h(670, 72, 472), h(640, 172, 472), h(610, 72, 472), v(72, 610, 700), v(172, 610, 700), v(322, 610, 700), v(472, 610, 700)];
  const items = [
    item('一、本年新收政府信息', 76, 688, 10),
    item('公开申请数量', 76, 676, 10),
    item('3001', 180, 682, 10),
    item('3119', 330, 682, 10),
    item('（四）无法提供', 76, 625, 10),
    item('12 13', 180, 655, 10), // one run drawn across the rule at x 322
    item('7', 180, 620, 10),
    item('8', 330, 620, 10),
  ];
  items[5].w = 200;

  it('writes each row as cells "a | b | c": a wrapped label stays one cell, a spanning cell is written once, a run across a rule is cut', () => {
    const laid = layoutPdfText([page(1, items, rules)]);
    expect(laid.text).toBe(['一、本年新收政府信息公开申请数量 | 3001 | 3119', '（四）无法提供 | 12 | 13', '7 | 8'].join('\n'));
  });

  it('maps a value span back to its page and box', () => {
    const laid = layoutPdfText([page(1, items, rules)]);
    const start = laid.text.indexOf('3119');
    const box = boxOfSpan(laid.pieces, start, start + 4)!;
    expect(box).toMatchObject({ page: 1, x: 330, w: 20 });
    expect(box.y).toBeLessThan(682);
    expect(box.y + box.h).toBeGreaterThan(682 + 5);
    // part of an item: the second digit of "3001" is a quarter of its width
    const one = boxOfSpan(laid.pieces, laid.text.indexOf('3001') + 1, laid.text.indexOf('3001') + 2)!;
    expect(one.x).toBeCloseTo(185, 5);
    expect(one.w).toBeCloseTo(5, 5);
  });
});

describe('ruled tables as other producers draw them', () => {
  // label | a | b | c | 总计, two rows
  const grid = [h(700, 72, 472), h(670, 72, 472), h(640, 72, 472), ...[72, 172, 247, 322, 397, 472].map((x) => v(x, 640, 700))];

  it('an empty ruled cell between two numbers is written as an empty cell, so the numbers keep their columns', () => {
    const laid = layoutPdfText([page(1, [item('新收', 76, 682, 10), item('821', 180, 682, 10), item('2', 330, 682, 10), item('823', 400, 682, 10)], grid)]);
    expect(laid.text).toBe('新收 | 821 |  | 2 | 823');
  });

  it('a number under a row rule that stops at its cell (a border not drawn) stays in the row it is printed in', () => {
    // the rule between the rows does not cross the 总计 column
    const rules = [h(700, 72, 472), h(670, 72, 397), h(640, 72, 472), ...[72, 172, 247, 322, 397, 472].map((x) => v(x, 640, 700))];
    const laid = layoutPdfText([page(1, [item('（一）', 76, 682, 10), item('22', 180, 682, 10), item('（二）', 76, 652, 10), item('19', 180, 652, 10), item('20', 400, 652, 10)], rules)]);
    // the empty cells after 22 are written: it keeps its column counted from either side
    expect(laid.text).toBe('（一） | 22 |  |  | \n（二） | 19 |  |  | 20');
  });

  it('a row the page\'s top edge cut open (no rule at or above it) keeps its empty ruled cells, so its numbers keep their columns', () => {
    // Chromium's print of real/2019-shanghai-shanghai-government-office-department on A6: the page
    // break falls above row 6, whose column rules run to the page's edge with no top rule
    const xs = [72, 172, 222, 272, 322, 372, 422, 472, 522];
    const rules = [...xs.map((x) => v(x, 770, 842)), h(800, 72, 522), h(770, 72, 522)];
    const items = [item('6.过程信息', 76, 820, 10), item('3', 190, 820, 10), item('1', 240, 820, 10), item('8.查询事项', 76, 782, 10), item('10', 190, 782, 10), item('2', 240, 782, 10), item('5', 490, 782, 10)];
    const lines = layoutPdfText([page(1, items, rules)]).text.split('\n');
    expect(lines.map((l) => l.split(' | ').length)).toEqual([8, 8]);
    expect(lines[0].split(' | ').slice(0, 3)).toEqual(['6.过程信息', '3', '1']);
  });

  it('a label merged down most of the page is a cell, not a frame', () => {
    const rows = Array.from({ length: 12 }, (_, k) => 760 - 40 * k);
    const rules = [...rows.map((y) => h(y, 72, 472)).map((r, k) => (k === 0 || k === rows.length - 1 ? r : { ...r, x0: 122 })), v(72, rows.at(-1)!, 760), v(122, rows.at(-1)!, 760), v(472, rows.at(-1)!, 760)];
    const items = [item('三、', 76, 520, 10), item('办理', 76, 508, 10), item('（一）', 126, 748, 10)];
    expect(layoutPdfText([page(1, items, rules)]).text).toBe('三、办理 | （一）');
  });
});

describe('multi-column pages', () => {
  it('reads a two-column page column by column, a full-width title and table row first', () => {
    const left = ['一、总体情况', '本年主动公开', '政府信息', '共计', '二、主动公开'];
    const right = ['三、收到申请', '本年新收申请', '12件', '办结12件', '四、复议诉讼'];
    const items = [
      item('某县2023年政府信息公开工作年度报告', 72, 780),
      ...left.map((t, k) => item(t, 72, 740 - 20 * k, 12)),
      ...right.map((t, k) => item(t, 320, 740 - 20 * k, 12)),
    ];
    const laid = layoutPdfText([page(1, items)]);
    expect(laid.text).toBe(['某县2023年政府信息公开工作年度报告', ...left, ...right].join('\n'));
  });

  it('reads a borderless table whose group labels stand alone on the left (the table cut by a page break) as a table, not two columns', () => {
    // Chromium's A5 print of complete/2025-fujian-pingtan-zone-county cut before (四): group labels
    // at x 80 between the rows' lines, item labels wrapped over lines at x 131, figures beside the middle line
    const figures = (cells: number[], y: number) => cells.map((c, k) => item(String(c), 205 + 22 * k, y, 12));
    const labels = [['1.本机关不', 520], ['掌握相关政', 502], ['府信息', 484], ['2.没有现成', 466], ['信息需要另', 448], ['行制作', 430], ['1.信访举报', 412], ['投诉类申请', 394]];
    const items = [
      ...[['（四）', 511], ['无法提', 493], ['供', 475], ['（五）', 403], ['不予处', 385], ['理', 367]].map(([t, y]) => item(t as string, 80, y as number, 12)),
      ...labels.map(([t, y]) => item(t as string, 131, y as number, 12)),
      ...figures([49, 1, 0, 0, 0, 0, 50], 502),
      ...figures([3, 0, 0, 0, 0, 0, 3], 448),
      ...figures([2, 0, 0, 0, 0, 0, 2], 394),
    ];
    const text = layoutPdfText([{ page: 1, width: 420, height: 595, items, rules: [] }]).text;
    expect(text).toBe(
      '（四）无法提供 | 1.本机关不掌握相关政府信息 | 49 | 1 | 0 | 0 | 0 | 0 | 50\n2.没有现成信息需要另行制作 | 3 | 0 | 0 | 0 | 0 | 0 | 3\n（五）不予处理 | 1.信访举报投诉类申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2',
    );
  });

  it('leaves a one-column page with a right-aligned signature as it is', () => {
    const items = [
      ...[0, 1, 2, 3, 4, 5].map((k) => item('全年共受理政府信息公开申请十二件均按时答复', 72, 740 - 20 * k, 16)),
      item('某县人民政府办公室', 380, 600, 12),
      item('2024年1月20日', 400, 580, 12),
    ];
    const laid = layoutPdfText([page(1, items)]);
    expect(laid.text.endsWith('某县人民政府办公室\n2024年1月20日')).toBe(true);
  });
});

describe('borderless tables', () => {
  it('a row whose numbers are centred between the two lines of its wrapped label is one row', () => {
    const items = [
      item('2.其他法律行政', 72, 700, 10),
      item('0', 200, 694, 10), item('3', 240, 694, 10), item('3', 280, 694, 10),
      item('法规禁止公开', 72, 688, 10),
      item('2.重复申请', 72, 670, 10), item('1', 200, 670, 10), item('1', 280, 670, 10),
    ];
    // the second row's empty middle cell is an empty column, not a shift
    expect(layoutPdfText([page(1, items)]).text).toBe('2.其他法律行政法规禁止公开 | 0 | 3 | 3\n2.重复申请 | 1 |  | 1');
  });

  it('a label filling its cell up to the next cell\'s figure, printed as one item (") 0"), keeps the figure in its column', () => {
    // Chromium's A5 borderless print of pages/2021-hubei-baokang-agriculture-rural-bureau-department.txt
    const items = [
      item('规章(县级无此项', 9, 76, 12),
      { str: ') 0', x: 97, y: 76, w: 16, h: 12 },
      item('0', 244, 76, 12),
      item('0', 322, 76, 12),
      item('行政规范性文件', 9, 55, 12),
      item('2', 107, 55, 12),
      item('0', 244, 55, 12),
      item('4', 322, 55, 12),
    ];
    expect(layoutPdfText([page(1, items)]).text).toBe('规章(县级无此项) | 0 | 0 | 0\n行政规范性文件 | 2 | 0 | 4');
  });

  it('a row with a cell more than the others keeps its second label, wrapped around its figures, and its figures\' columns', () => {
    // Chromium's A5 borderless print of panel/2021-guangdong-guangzhou-huadu-science-industry-commerce-bureau-department.txt:
    // a page of a text report's table, its first request-outcome row one cell longer (三、本年度办理结果 |
    // (一)予以公开 | figures), prints that label over the column where the other rows print their first figure
    const figures = (cells: number[], x: number, y: number) => cells.map((c, k) => item(String(c), x + 50 * k, y, 12));
    const items = [
      item('一、本年新收申请数量', 9, 400, 12),
      ...figures([1, 2, 3, 4], 190, 400),
      { str: '(一)予以', x: 190, y: 377, w: 44, h: 12 },
      item('三、本年度办理结果', 9, 368, 12),
      ...figures([5, 6, 7, 8], 240, 370),
      item('公开', 190, 362, 12),
      item('(二)部分公开', 9, 340, 12),
      ...figures([1, 0, 0, 1], 190, 340),
    ];
    expect(layoutPdfText([page(1, items)]).text).toBe('一、本年新收申请数量 | 1 | 2 | 3 | 4 | \n三、本年度办理结果 | (一)予以公开 | 5 | 6 | 7 | 8\n(二)部分公开 | 1 | 0 | 0 | 1 | ');
  });

  it('a label cell of two paragraphs, its row\'s figures in the blank line between them, is one row', () => {
    // Chromium's borderless print of complete/2024-fujian-pingtan-zone-county: 1.申请人… / (blank) / 不再处理…
    const figures = (cells: number[], y: number) => cells.map((c, k) => item(String(c), 245 + 22 * k, y, 12));
    const items = [
      item('5.要求行政机关', 131, 560, 12),
      ...figures([0, 0, 0, 0, 0, 0, 0], 560),
      ...[['1.申请人无正当', 530], ['理由逾期不补正', 512], ['行政机关', 494], ['不再处理其政府', 458], ['信息公开申请', 440]].map(([t, y]) => item(t as string, 131, y as number, 12)),
      ...figures([1, 0, 0, 0, 0, 0, 1], 476),
      item('3.其他', 131, 410, 12),
      ...figures([1, 1, 0, 0, 0, 0, 2], 410),
    ];
    expect(layoutPdfText([page(1, items)]).text).toBe(
      '5.要求行政机关 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n1.申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n3.其他 | 1 | 1 | 0 | 0 | 0 | 0 | 2',
    );
  });

  it('joins the rest of a row\'s label that a page break carried to the top of the next page to that row', () => {
    // Chromium's borderless print of complete/2023-fujian-pingtan-zone-county: 2.没有现成信息需要另 | figures, then 行制作 opens page 2
    const figures = (cells: number[], y: number) => cells.map((c, k) => item(String(c), 300 + 22 * k, y, 12));
    const first = page(1, [item('1.本机关不掌握相关政府信息', 72, 400, 12), ...figures([4, 0, 0, 0, 0, 0, 4], 400), item('2.没有现成信息需要另', 72, 370, 12), ...figures([3, 0, 0, 0, 0, 0, 3], 370)]);
    const second = page(2, [
      item('行制作', 72, 700, 12),
      item('3.补正后申请内容仍不明确', 72, 682, 12),
      ...figures([0, 0, 0, 0, 0, 0, 0], 682),
      item('1.信访举报投诉类申请', 72, 652, 12),
      ...figures([2, 0, 0, 0, 0, 0, 2], 652),
    ]);
    expect(layoutPdfText([first, second]).text).toBe(
      '1.本机关不掌握相关政府信息 | 4 | 0 | 0 | 0 | 0 | 0 | 4\n2.没有现成信息需要另行制作 | 3 | 0 | 0 | 0 | 0 | 0 | 3\n3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n1.信访举报投诉类申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2',
    );
  });

  it('reads running text that holds a table\'s rows (a text report wrapped into lines) as text, not as table rows', () => {
    // LibreOffice's PDF of complete/2022-fujian-pingtan-transport-construction-bureau-department.txt
    // (its text import): rows "label 0 0 0 0 0 0 0" follow each other on wrapped lines; a line
    // ending in numbers holds the cells of the row before it and the next row's label
    const pdf = [
      page(1, [
        item('（二）部分公开 0 0 0 0 0 0 0 （三）不予公开 1.属于国家秘密', 72, 700, 10),
        item('0', 520, 700, 10),
        item('0 0 0 0 0 0', 72, 686, 10),
        item('2.其他法律行政法规禁止公开', 190, 686, 10),
        item('0 0 0 0 0 0 0', 392, 686, 10),
        item('3.危及“三安全一稳定” 0 0 0 0 0 0 0', 72, 672, 10),
      ]),
    ];
    const text = layoutPdfText(pdf).text;
    expect(text).not.toContain('|');
    // every cell in its place (whether the line break between two cells was a space the PDF does not tell)
    expect(text.replace(/\s+/g, '')).toContain('1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及');
  });

  it('a wrapped paragraph holding a table\'s rows: a header above its last row that holds figures is running text, not a header', () => {
    // Chromium's A5 print of complete/2022-fujian-pingtan-transport-construction-bureau-department.txt:
    // the review/litigation row's 15 figures end the paragraph, under lines of words and figures
    const line = (words: string[], y: number) => {
      let x = 30;
      // "+" glues a word to the one before it (Chromium cuts a run at the radicals it prints)
      return words.map((word) => {
        const w = word.replace(/^\+/, '');
        if (word !== w) x -= 2.5;
        const it = { ...item(w, x, y, 8), w: [...w].length * (/^[\d ]+$/.test(w) ? 4 : 8) };
        x += it.w + 2.5;
        return it;
      });
    };
    const zeros = (n: number) => Array(n).fill('0').join(' ');
    const items = [
      ...line(['（五）不予处理', '1.信访举报投诉类申请', zeros(7), '2.重复申请', zeros(7), '3.要求', '提供', '公开', '出版物'], 736),
      ...line(['0 0 0 0 0 0 0', '4.无正当理由大量反复申请', zeros(7), '5.要求', '行政', '机关', '确认', '或', '重新'], 724),
      ...line(['出具已获取信息', zeros(7), '（六）其他处理', '3.其他', zeros(7), '行政', '机关', '不再', '处理'], 712),
      ...line(['其政府信息公开申请', zeros(7), '3.其他', zeros(7), '（七）总计', '11 0 0 0 0 0 11', '四、结转下'], 700),
      ...line(['年度继续办理', zeros(7), '四、政府信息公开', '+⾏', '+政复议、', '+⾏', '+政诉讼情况', '行政复议', '行政诉讼', '结果维'], 688),
      ...line(['持', '结果', '纠正', '其他', '结果', '尚未', '审结', '总计', '未经复议直接起诉', '复议后起诉', '结果', '维持', '结果', '纠正', '其他', '结'], 676),
      ...line(['果', '尚未', '审结', '总计', '结果', '维持', '结果', '纠正', '其他', '结果', '尚未', '审结', '总计', zeros(15)], 664),
    ];
    const text = layoutPdfText([page(1, items)]).text;
    expect(text).not.toContain('|');
    expect(text).toContain('（七）总计11  0  0  0  0  0  11四、结转下');
  });

  it('a wrapped line ending in a figure short of the margin by a digit or more broke at the space before the next figure', () => {
    // Chromium's A5 print of the same report: "…申请数量 0 0 0 0" ends 7.6 pt short of the margin, "0 0 0 三、…" follows
    const at = (str: string, x: number, y: number, w: number): PdfItem => ({ str, x, y, w, h: 10 });
    const items = [
      at('全年共受理政府信息公开申请的数量分别为', 72, 700, 190), at('1 2 3 4', 265, 700, 40),
      at('5 6 7', 72, 686, 24), at('件，均已办结并按期答复申请人及各方当事人', 102, 686, 210),
      at('本年度主动公开政府信息的数量与上年相比总数为', 72, 672, 210), at('12345', 287, 672, 25),
      at('6', 72, 658, 5), at('条，均在法定期限内公开并按期更新各栏', 77, 658, 200),
      at('其他内容。', 72, 644, 50),
    ];
    const text = layoutPdfText([page(1, items)]).text;
    // the first line ends at 305, 7 pt short of the margin (312): room for a digit (5), not for a space and a digit
    expect(text).toContain('1  2  3  4  5  6  7件');
    // a full line: a number broken where the line ran out stays one number
    expect(text).toContain('总数为123456条');
  });

  it('a lone number broken at a line end short of the margin by less than its own digit stays one number, in Arial and DejaVu widths', () => {
    // 10 pt, margin at 312: "…总数为1" ends 5.5 pt short (more than half an em, less than Arial's
    // digit of 5.56 pt), or 6 pt short in DejaVu Sans (digit 6.36 pt, Chromium's on Debian)
    const at = (str: string, x: number, y: number, w: number): PdfItem => ({ str, x, y, w, h: 10 });
    const read = (digit: number, room: number, next: string) => {
      const end = 312 - room;
      return layoutPdfText([
        page(1, [
          at('本年度主动公开政府信息，并按期更新各栏目', 72, 700, 240),
          at('全年共收到政府信息公开申请总数为', 72, 686, end - digit - 72), at('1', end - digit, 686, digit),
          at(next, 72, 672, 240),
          at('其他内容。', 72, 658, 50),
        ]),
      ]).text;
    };
    expect(read(5.56, 5.5, '2件，均已按时办结并按期答复申请人各方')).toContain('总数为12件，均已按时办结');
    expect(read(6.36, 6, '2件，均已按时办结并按期答复申请人各方')).toContain('总数为12件，均已按时办结');
    // room for one more of its digits: the next digit would have fit, so the line broke at a space
    expect(read(5.56, 8, '5件，均已按时办结并按期答复申请人各方')).toContain('总数为1  5件');
  });

  it('a line that left room for the next line\'s first word was ended, not wrapped: a text table\'s cells one a line', () => {
    // Chromium's A6 print of real/2022-hunan-mayang-banlishu-town.txt: the label line ends 28 pt
    // (2.3 em) short of the margin, where the next line's "0 |" would have fit
    const at = (str: string, x: number, y: number, w: number): PdfItem => ({ str, x, y, w, h: 12 });
    const items = [
      at('依据条例规定，现将本机关本年度政府信息公开工作', 34, 400, 228),
      at('一、本年新收政府信息公开申请数量', 34, 380, 192), at('|', 230, 380, 4),
      ...[0, 1, 2].map((k) => at('0 |', 34, 360 - 20 * k, 15.5)),
    ];
    expect(layoutPdfText([page(1, items)]).text).toBe('依据条例规定，现将本机关本年度政府信息公开工作\n一、本年新收政府信息公开申请数量 |\n0 |\n0 |\n0 |');
  });

  it('starts a label at a line beginning with an item number, though it is aligned with the label above', () => {
    // Chromium's A5 borderless print of complete/2025-fujian-pingtan-zone-county.html: the 1. row's
    // label printed right under the 5. row's, its numbers beside its second line
    const items = [
      item('5.要求行政机关', 72, 700, 10), item('0', 200, 694, 10), item('0', 240, 694, 10),
      item('确认或重新出具', 72, 688, 10),
      item('（六）其他处理', 72, 676, 10),
      item('1.申请人无正当', 72, 664, 10),
      item('理由逾期不补正', 72, 652, 10), item('8', 200, 652, 10), item('8', 240, 652, 10),
      item('2.其他', 72, 640, 10), item('1', 200, 640, 10), item('1', 240, 640, 10),
    ];
    const text = layoutPdfText([page(1, items)]).text;
    expect(text).toContain('5.要求行政机关确认或重新出具 | 0 | 0');
    expect(text).toContain('1.申请人无正当理由逾期不补正 | 8 | 8');
    expect(text).toContain('2.其他 | 1 | 1');
  });

  it('takes columns from the header cells as well as the numbers over the whole table: a column no number fills stays a column', () => {
    const items = [
      item('申请人情况', 250, 740, 10),
      item('自然人', 200, 720, 10), item('商业', 240, 720, 10), item('科研', 280, 720, 10), item('其他', 320, 720, 10), item('总计', 360, 720, 10),
      item('一、本年新收', 72, 700, 10), item('821', 200, 700, 10), item('35', 240, 700, 10), item('1', 320, 700, 10), item('857', 360, 700, 10),
      item('二、上年结转', 72, 685, 10), item('18', 200, 685, 10), item('18', 360, 685, 10),
    ];
    expect(layoutPdfText([page(1, items)]).text).toBe(
      ['申请人情况', '自然人 | 商业 | 科研 | 其他 | 总计', '一、本年新收 | 821 | 35 |  | 1 | 857', '二、上年结转 | 18 |  |  |  | 18'].join('\n'),
    );
  });

  it('a lone piece of a header cell set closer than a cell gap to its neighbour is no column of its own', () => {
    // Chromium's A5 borderless print of panel/2021-guangdong-guangzhou-huadu-science-industry-commerce-bureau-department.txt:
    // 科研 over the first column, then 機 0.3 em after it over no figure (the cell wrapped unevenly)
    const items = [
      item('科研', 181, 457, 12), item('機', 208.9, 457, 12), item('總計', 233.8, 457, 12), item('法律', 268.9, 457, 12),
      item('一、本年新收', 9, 401, 12), item('0', 181, 401, 12), item('0', 233.8, 401, 12), item('5', 268.9, 401, 12),
      item('二、上年結轉', 9, 380, 12), item('1', 181, 380, 12), item('0', 233.8, 380, 12), item('2', 268.9, 380, 12),
    ];
    const rows = layoutPdfText([page(1, items)]).text.split('\n').slice(-2);
    expect(rows).toEqual(['一、本年新收 | 0 | 0 | 5', '二、上年結轉 | 1 | 0 | 2']);
  });

  it('a header word set closer than a cell gap to its neighbour is a column of its own, blank in every row', () => {
    // 其他 0.6 em after 企业, over no figure: its cells are empty, not a part of 企业
    const items = [
      item('自然人', 100, 500, 10), item('企业', 150, 500, 10), item('其他', 176, 500, 10), item('总计', 215, 500, 10),
      item('一、新收', 10, 480, 10), item('3', 100, 480, 10), item('2', 150, 480, 10), item('5', 215, 480, 10),
      item('二、结转', 10, 465, 10), item('1', 100, 465, 10), item('0', 150, 465, 10), item('1', 215, 465, 10),
    ];
    const rows = layoutPdfText([page(1, items)]).text.split('\n').slice(-2);
    expect(rows).toEqual(['一、新收 | 3 | 2 |  | 5', '二、结转 | 1 | 0 |  | 1']);
  });

  it('splits a label column among rows printed without space between them, each run of lines centred on its numbers', () => {
    // rows abut (the line pitch is the row pitch): a five-line label between two one-line ones
    const items = [
      item('1.信访举报', 72, 700, 10), item('0', 200, 700, 10), item('0', 240, 700, 10),
      item('2.申请人无', 72, 688, 10), item('正当理由逾', 72, 676, 10), item('期不补正、', 72, 664, 10), item('行政机关不', 72, 652, 10), item('再处理', 72, 640, 10),
      item('1', 200, 664, 10), item('1', 240, 664, 10),
      item('3.其他', 72, 628, 10), item('2', 200, 628, 10), item('2', 240, 628, 10),
    ];
    expect(layoutPdfText([page(1, items)]).text).toBe('1.信访举报 | 0 | 0\n2.申请人无正当理由逾期不补正、行政机关不再处理 | 1 | 1\n3.其他 | 2 | 2');
  });

  it('stacks a narrow column\'s header, one character a line, into its column; a header over several columns is a row of its own', () => {
    const chars = (word: string, x: number, top: number) => [...word].map((c, k) => item(c, x, top - 12 * k, 10));
    const items = [
      item('行政复议', 80, 760, 10), item('行政诉讼', 140, 760, 10),
      ...chars('结果维持', 80, 740), ...chars('尚未审结', 100, 740), ...chars('总计', 120, 740),
      ...chars('结果维持', 140, 740), ...chars('尚未审结', 160, 740), ...chars('总计', 180, 740),
      item('5', 82, 680, 10), item('2', 102, 680, 10), item('7', 122, 680, 10), item('1', 162, 680, 10), item('1', 182, 680, 10),
    ];
    expect(layoutPdfText([page(1, items)]).text).toBe(
      ['行政复议 | 行政诉讼', '结果维持 | 尚未审结 | 总计 | 结果维持 | 尚未审结 | 总计', '5 | 2 | 7 |  | 1 | 1'].join('\n'),
    );
  });

  it('a header over a first row whose wrapped label opens with an item number above its figures ("一、…" / figures / "数量") is the table\'s header', () => {
    // Chromium's A5 borderless print of real/2019-shanghai-shanghai-government-office-department.html:
    // the header stacked a character a line, then 一、本年新收政府信息公开申请 over 821 35 859 over 数量
    const chars = (word: string, x: number, top: number) => [...word].map((c, k) => item(c, x, top - 12 * k, 10));
    const items = [
      ...chars('自然人', 213, 218), ...chars('商业企业', 245, 230), ...chars('总计', 367, 218),
      item('一、本年新收政府信息公开申请', 34, 171, 10),
      item('821', 213, 163, 10), item('35', 245, 163, 10), item('859', 367, 163, 10),
      item('数量', 34, 153, 10),
      item('二、上年结转政府信息公开申请', 34, 134, 10),
      item('18', 213, 126, 10), item('18', 367, 126, 10),
      item('数量', 34, 116, 10),
    ];
    expect(layoutPdfText([page(1, items)]).text).toBe(
      ['自然人 | 商业企业 | 总计', '一、本年新收政府信息公开申请数量 | 821 | 35 | 859', '二、上年结转政府信息公开申请数量 | 18 |  | 18'].join('\n'),
    );
  });

  it('rows printing no figure between rows with figures stay in the table, however many lines they take', () => {
    // Chromium's A5 borderless print of real/2019-shanghai-shanghai-government-office-department.html:
    // 1.属于国家秘密 | 14, then three rows of blank cells over ten label lines, then 5.属于三类… | 5
    const lines = (words: string[], top: number) => words.map((w, k) => item(w, 34, top - 9 * k, 8));
    const items = [
      ...lines(['1.属于国家秘'], 400), item('14', 213, 396, 8), ...lines(['密', '2.其他法律行', '政法规禁止公', '开', '3.危及“三安', '全一稳定”', '4.保护第三方', '合法权益'], 391),
      item('5.属于三类内部事务信息', 34, 310, 8), item('5', 213, 310, 8), item('1', 245, 310, 8),
      item('6.属于四类过程性信息', 34, 300, 8), item('3', 213, 300, 8),
    ];
    const text = layoutPdfText([page(1, items)]).text;
    expect(text.split('\n')[0]).toBe('1.属于国家秘密 | 14 | ');
    expect(text).toContain('5.属于三类内部事务信息 | 5 | 1');
  });

  it('a numbered list under a table, numbered on its own, does not carry the table on to the next', () => {
    // ten short list lines (1.加强组织领导 … 10.加强宣传) between two tables of other columns
    const list = ['1.加强组织领导', '2.完善工作制度', '3.强化监督考核', '4.做好政策解读', '5.回应社会关切', '6.加强平台建设', '7.推进重点领域', '8.规范依申请', '9.加强培训', '10.加强宣传'];
    const items = [
      item('信息内容', 34, 500, 8), item('本年新制作数量', 150, 500, 8), item('本年新公开数量', 230, 500, 8),
      item('规章', 34, 490, 8), item('0', 150, 490, 8), item('0', 230, 490, 8),
      item('规范性文件', 34, 480, 8), item('3', 150, 480, 8), item('3', 230, 480, 8),
      ...list.map((w, k) => item(w, 34, 470 - 9 * k, 8)),
      item('行政许可', 34, 370, 8), item('12', 300, 370, 8),
      item('行政处罚', 34, 360, 8), item('5', 300, 360, 8),
    ];
    const text = layoutPdfText([page(1, items)]).text.split('\n');
    expect(text[0]).toBe('信息内容 | 本年新制作数量 | 本年新公开数量');
    expect(text).toContain('规章 | 0 | 0');
    expect(text).toContain('规范性文件 | 3 | 3');
    expect(text).toContain('10.加强宣传');
    expect(text).toContain('行政许可  12');
  });

  it('lays a header whose rules were left out over the ruled cells of the row of numbers under it', () => {
    // five ruled cells of numbers (x 100–300, 40 wide); above them, loose header text: a cell
    // over three columns, one over two, and each column's own header wrapped over two lines
    const rules = [h(700, 100, 300), h(680, 100, 300), ...[100, 140, 180, 220, 260, 300].map((x) => v(x, 680, 700))];
    const items = [
      item('行政复议', 125, 760, 10), item('行政诉讼', 240, 760, 10),
      ...['结果', '其他', '尚未', '结果', '尚未'].map((w, k) => item(w, 110 + 40 * k, 740, 10)),
      ...['维持', '结果', '审结', '维持', '审结'].map((w, k) => item(w, 110 + 40 * k, 726, 10)),
      ...['1', '0', '2', '4', '1'].map((n, k) => item(n, 115 + 40 * k, 686, 10)),
    ];
    expect(layoutPdfText([page(1, items, rules)]).text).toBe(['行政复议 | 行政诉讼', '结果维持 | 其他结果 | 尚未审结 | 结果维持 | 尚未审结', '1 | 0 | 2 | 4 | 1'].join('\n'));
  });

  it('a number line between two paragraphs that reach past its first number is left alone', () => {
    const items = [item('全年共受理政府信息公开申请十二件', 72, 700, 10), item('12', 100, 694, 10), item('24', 140, 694, 10), item('均按时答复', 72, 688, 10)];
    expect(layoutPdfText([page(1, items)]).text).not.toContain('十二件均按时答复');
  });
});
