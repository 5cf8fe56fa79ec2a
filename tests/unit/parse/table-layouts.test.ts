// The table reader's layout rules, each on a small hand-made form (2021 format).
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/parse';
import { htmlToText } from '../../../src/parse/decode/html';

const HEAD = '某某县人民政府2022年政府信息公开工作年度报告\n第二十条第(一)项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n';
const read = (body: string, fileName = 'r.txt') => {
  const parsed = parseReport(HEAD + body, { fileName });
  return (metric: string) => parsed.values.find((v) => v.metric === metric)?.value;
};
const request = (label: string) => `${label} | 1 | 2 | 3 | 4 | 5 | 6 | 21\n`;

describe('row labels', () => {
  it('are read with or without their ordinal', () => {
    for (const [label, metric] of [
      ['本年新收政府信息公开申请数量', 'r.new'],
      ['上年结转政府信息公开申请数量', 'r.carried_in'],
      ['予以公开', 'r.granted'],
      ['部分公开(区分处理的,只计这一情形,不计其他情形)', 'r.partial'],
      ['其他处理', 'r.other.total'],
      ['结转下年度继续办理', 'r.carried_out'],
    ]) {
      const get = read(request(label));
      expect([get(`${metric}.natural`), get(`${metric}.research`), get(`${metric}.total`)], label).toEqual([1, 3, 21]);
    }
  });

  it('(七)总计 and 3.其他 keep their ordinal: bare 总计 and 其他 are header words', () => {
    const get = read(request('总计') + request('其他'));
    expect(get('r.handled.natural')).toBeUndefined();
    expect(get('r.other.misc.natural')).toBeUndefined();
  });

  it('reads items numbered (1) as 1.', () => {
    const get = read(`(三)不予公开 | (1)属于国家秘密 | 1 | 2 | 3 | 4 | 5 | 6 | 21\n(2)其他法律行政法规禁止公开 | 7 | 0 | 0 | 0 | 0 | 0 | 7\n(六)其他处理 | (3)其他 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n`);
    expect([get('r.denied.state_secret.natural'), get('r.denied.law_prohibited.total'), get('r.other.misc.total')]).toEqual([1, 7, 2]);
  });

  it('joins a label broken across lines, on its own line or at the end of the row before', () => {
    const get = read(`规章 | 0 | 0 | 5\n一、本年新收政府信息\n公开申请数量 | 1 | 2 | 3 | 4 | 5 | 6 | 21\n(三)不予公开 | 1.属于国\n家秘密 | 9 | 0 | 0 | 0 | 0 | 0 | 9\n`);
    expect([get('r.new.natural'), get('r.new.total'), get('r.denied.state_secret.total'), get('p.rules.in_force')]).toEqual([1, 21, 9, 5]);
  });

  it('reads a label spread with spaces inside a piped cell (规　　章)', () => {
    const get = read(`规　　章 | 1 | 0 | 5\n行 政 许 可 | 7\n`);
    expect([get('p.rules.issued'), get('p.rules.in_force'), get('p.license.decisions')]).toEqual([1, 5, 7]);
  });

  it('does not join a sentence to a row label', () => {
    const get = read(`全年共收到依申请公开，其中本年新收政府信息\n公开申请数量 | 1 | 2 | 3 | 4 | 5 | 6 | 21\n`);
    expect(get('r.new.natural')).toBeUndefined();
  });
});

describe('cells', () => {
  it('a / or — cell is a cell of its row with no value: the others keep their place', () => {
    for (const mark of ['/', '—', '-', '／']) {
      const get = read(`规章 | ${mark} | 2 | 5\n一、本年新收政府信息公开申请数量 | 1 | ${mark} | ${mark} | 4 | ${mark} | ${mark} | 5\n`);
      expect([get('p.rules.issued'), get('p.rules.repealed'), get('p.rules.in_force')], mark).toEqual([undefined, 2, 5]);
      expect([get('r.new.natural'), get('r.new.commercial'), get('r.new.social'), get('r.new.total')], mark).toEqual([1, undefined, 4, 5]);
    }
  });

  it('a / cell holds its place in a table printed one cell per line', () => {
    const get = read('规章\n/\n2\n5\n');
    expect([get('p.rules.issued'), get('p.rules.repealed'), get('p.rules.in_force')]).toEqual([undefined, 2, 5]);
  });

  it('无 in a cell is 0, as printed', () => {
    const get = read(`规章 | 无 | 2 | 5\n`);
    expect(get('p.rules.issued')).toBe(0);
  });

  it('a tab is one cell boundary: two tabs hold a blank cell', () => {
    const get = read(`规章\t1\t\t5\n一、本年新收政府信息公开申请数量\t1\t\t\t4\t\t\t5\n`);
    expect([get('p.rules.issued'), get('p.rules.repealed'), get('p.rules.in_force')]).toEqual([1, undefined, 5]);
    expect([get('r.new.natural'), get('r.new.commercial'), get('r.new.social'), get('r.new.total')]).toEqual([1, undefined, 4, 5]);
  });

  it('an indented line is not a row of blank cells', () => {
    const get = read(`规章\n\t1\n\t0\n\t5\n`);
    expect([get('p.rules.issued'), get('p.rules.repealed'), get('p.rules.in_force')]).toEqual([1, 0, 5]);
  });

  it('reads a row the text cuts short alike whether its cells are piped or spaced; the figure it stops on may be cut short itself', () => {
    for (const sep of [' | ', ' ']) {
      const get = read(`一、本年新收政府信息公开申请数量${sep}${[1, 2, 3, 4, 5].join(sep)}`);
      // the text stops inside the line, on "5": perhaps 5, perhaps the first digit of 57
      expect([get('r.new.natural'), get('r.new.social'), get('r.new.legal'), get('r.new.other')], sep).toEqual([1, 4, undefined, undefined]);
      const zero = read(`一、本年新收政府信息公开申请数量${sep}${[1, 2, 3, 4, 0].join(sep)}`);
      expect([zero('r.new.natural'), zero('r.new.legal'), zero('r.new.other')], sep).toEqual([1, 0, undefined]);
    }
    // cells one a line, the text cut after a cell's separator: that cell is whole
    const lines = read('一、本年新收政府信息公开申请数量 |\n1 |\n2 |\n3 |');
    expect([lines('r.new.natural'), lines('r.new.research'), lines('r.new.social')]).toEqual([1, 3, undefined]);
  });

  it('a last row printing fewer figures than cells, its line ended, is a row as printed: never read into its first columns', () => {
    // a complete report whose table ends on a row printing only its total (the file ends with a line break)
    for (const end of ['\n', '\n\n', '\r\n']) {
      for (const row of ['四、结转下年度继续办理 | 2', '四、结转下年度继续办理 2', '四、结转下年度继续办理 |\n2 |']) {
        const get = read(request('一、本年新收政府信息公开申请数量') + row + end);
        expect([get('r.carried_out.natural'), get('r.carried_out.total'), get('r.new.total')], JSON.stringify(row + end)).toEqual([undefined, undefined, 21]);
      }
    }
  });

  it('a last row short of its cells, its line not ended, is read as cut only when the text may be cut', () => {
    // a whole report (its closing parts printed before its tables) whose text, like an HTML
    // rendering's, ends without a line break: the short row is a row as printed
    const closing = '五、存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n无。\n';
    for (const row of ['四、结转下年度继续办理 | 2 | 3', '四、结转下年度继续办理 | 2', '四、结转下年度继续办理 2 3']) {
      const whole = read(closing + request('一、本年新收政府信息公开申请数量') + row);
      expect([whole('r.carried_out.natural'), whole('r.carried_out.commercial'), whole('r.new.total')], row).toEqual([undefined, undefined, 21]);
    }
    const html = (cells: string) =>
      `<html><body><h1>某某县人民政府2022年政府信息公开工作年度报告</h1><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p><table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr><tr><td>四、结转下年度继续办理</td>${cells}</tr></table></body></html>`;
    const parsed = parseReport(html('<td>2</td><td>3</td>'), { fileName: 'r.html' });
    expect(parsed.values.filter((v) => v.metric.startsWith('r.carried_out'))).toEqual([]);
    expect(parsed.warnings.join(' ')).not.toMatch(/truncated/);
    // the same text lacking its closing parts shows a cut: the cells so far keep their columns
    // (the figure it stops on, 3, may be the first digit of 35: left absent)
    const cut = read(request('一、本年新收政府信息公开申请数量') + '四、结转下年度继续办理 | 2 | 3');
    expect([cut('r.carried_out.natural'), cut('r.carried_out.commercial'), cut('r.carried_out.total')]).toEqual([2, undefined, undefined]);
  });

  it('an HTML page closed by </html> never stops inside its last row; a PDF or Word text keeps the unknown rule (a printed capture stays cut)', () => {
    // no closing parts, the last line not ended: as a text file (or a PDF's text) this reads as cut
    const body = HEAD + request('一、本年新收政府信息公开申请数量') + '四、结转下年度继续办理 | 2 | 3';
    const carriedOut = (parsed: ReturnType<typeof parseReport>) => parsed.values.filter((v) => v.metric.startsWith('r.carried_out')).map((v) => v.value);
    expect(carriedOut(parseReport(body, { fileName: 'r.pdf' }))).toEqual([2]);
    const rows = (last: string) =>
      `<html><body><p>某某县人民政府2022年政府信息公开工作年度报告</p><table><tr><td>一、本年新收政府信息公开申请数量</td>${[1, 2, 3, 4, 5, 6, 21].map((n) => `<td>${n}</td>`).join('')}</tr><tr><td>四、结转下年度继续办理</td>${last}`;
    // a page closed by its writer, and the same page cut at a size (no closing tags)
    expect(carriedOut(parseReport(`${rows('<td>2</td><td>3</td></tr>')}</table></body></html>\n`, { fileName: 'r.html' }))).toEqual([]);
    expect(carriedOut(parseReport(rows('<td>2</td><td>3'), { fileName: 'r.html' }))).toEqual([2]);
  });

  it('a capture known to be cut (it ends inside a character) reads its short last row as cut, closing parts or not', () => {
    const text = `${HEAD}五、存在的主要问题及改进情况\n${request('一、本年新收政府信息公开申请数量')}四、结转下年度继续办理 | 2 | 3 数`;
    const bytes = new TextEncoder().encode(text);
    const parsed = parseReport(bytes.subarray(0, bytes.length - 1), { fileName: 'r.txt' });
    const get = (m: string) => parsed.values.find((v) => v.metric === m)?.value;
    expect([get('r.carried_out.natural'), get('r.carried_out.commercial'), get('r.carried_out.total')]).toEqual([2, 3, undefined]);
  });
});

describe('a row printed with one pipe', () => {
  it('keeps its figures apart where they are set apart by spaces, and a label spread out whole', () => {
    const get = read('一、本年新收政府信息公开申请数量 | 1  2  3  4  5  6  21\n规　　章 | 1   0   5\n');
    expect(['r.new.natural', 'r.new.other', 'r.new.total', 'p.rules.issued', 'p.rules.in_force'].map(get)).toEqual([1, 6, 21, 1, 5]);
  });
});

describe('HTML', () => {
  it('a blank cell spanning columns is that many blank cells', () => {
    expect(htmlToText('<table><tr><td>a</td><td colspan="3"></td><td>b</td></tr><tr><td colspan="2">head</td></tr></table>')).toBe('a | | | | b\nhead');
    const html = `<table><tr><td>规章</td><td>1</td><td colspan="2"></td></tr><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td><td colspan="5"></td><td>3</td></tr></table>`;
    const parsed = parseReport(`<html><body><p>某某县人民政府2022年政府信息公开工作年度报告</p><table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr></table>${html}</body></html>`, { fileName: 'r.html' });
    const get = (m: string) => parsed.values.find((v) => v.metric === m)?.value;
    expect([get('p.rules.issued'), get('p.rules.in_force'), get('r.new.natural'), get('r.new.commercial'), get('r.new.total')]).toEqual([1, undefined, 3, undefined, 3]);
  });
});

describe('the review table', () => {
  const figures = '1 | 2 | 0 | 0 | 3 | 4 | 0 | 0 | 0 | 4 | 0 | 0 | 0 | 5 | 5\n';
  it('finds its header printed as one cell (single spaces)', () => {
    for (const header of ['行政复议 | 行政诉讼\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n',
      '行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n']) {
      const get = read(header + figures);
      expect([get('rv.upheld'), get('rv.total'), get('lit.direct.total'), get('lit.after_rv.pending')]).toEqual([1, 3, 4, 5]);
    }
  });

  it('reads a table laid out in rows, one per group, never the last group as the first', () => {
    const get = read('行政复议 | 行政诉讼\n | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n行政复议 | 1 | 2 | 0 | 0 | 3\n未经复议直接起诉 | 4 | 0 | 0 | 0 | 4\n复议后起诉 | 0 | 0 | 0 | 5 | 5\n');
    expect([get('rv.upheld'), get('rv.corrected'), get('rv.total'), get('lit.direct.total'), get('lit.after_rv.pending'), get('lit.after_rv.total')]).toEqual([1, 2, 3, 4, 5, 5]);
  });

  it('reads the figures on two rows, each as wide as the outcome headers above it', () => {
    const get = read('行政复议 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n1 | | 0 | 0 | 1\n行政诉讼 | 未经复议直接起诉 | 复议后起诉\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n4 | 0 | 0 | 0 | 4 | 0 | 0 | 0 | 5 | 5 | \n');
    expect([get('rv.upheld'), get('rv.corrected'), get('rv.total'), get('lit.direct.upheld'), get('lit.after_rv.pending'), get('lit.after_rv.total')]).toEqual([1, undefined, 1, 4, 5, 5]);
  });

  it('a group label with fewer figures than its five outcome cells, or with no outcome headers, opens no row', () => {
    for (const body of ['行政复议 | 2\n行政诉讼 | 1\n', '行政复议\n2\n', '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n行政复议 | 2\n', '行政复议 | 1 | 0 | 0 | 0 | 1\n']) {
      const get = read(body);
      expect(['rv.upheld', 'rv.total', 'lit.total'].map(get), body).toEqual([undefined, undefined, undefined]);
    }
  });

  it('is not found in a sentence that ends with 复议后起诉', () => {
    const get = read('本年度行政诉讼案件中无复议后起诉\n1\n2\n');
    expect(get('rv.upheld')).toBeUndefined();
  });

  it('a — cell is an absent cell, the others keep their place', () => {
    const get = read('复议后起诉\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n1 | — | 0 | 0 | 1 | 4 | 0 | 0 | 0 | 4 | 0 | 0 | 0 | 5 | 5\n');
    expect([get('rv.upheld'), get('rv.corrected'), get('rv.total'), get('lit.after_rv.total')]).toEqual([1, undefined, 1, 5]);
  });
});
