// Tables whose cells were run together (../shared/corpus/complete: the 平潭 archive saved its
// pages as text with the cells of each row glued). Examples cite the report they come from.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, type Value } from '../../src/parse';
import { MAX_RUN_CHARS, splitRun, type ColumnKind } from '../../src/parse/extract/split-run';

const COMPLETE = join(import.meta.dirname, '../../../shared/corpus/complete');
const count: ColumnKind = { signed: false, fractional: false };
const change: ColumnKind = { signed: true, fractional: false };
const money: ColumnKind = { signed: false, fractional: true };
const any = () => true;
const rowSum = (v: number[]) => v[0] + v[1] + v[2] + v[3] + v[4] + v[5] === v[6];
const splits = (run: string, kinds: ColumnKind[], accept: (v: number[]) => boolean = any) =>
  splitRun(run, kinds, accept).candidates.map((c) => c.map((cell) => cell.value));

describe('splitRun: one digit run into a row of cells', () => {
  it('splits a run only one way when leading zeros rule the others out', () => {
    // 2021-fujian-pingtan-finance-bureau-department: 行政规范性文件303
    expect(splits('303', [count, count, count])).toEqual([[3, 0, 3]]);
    // 2021-fujian-pingtan-transport-construction-bureau-department: 行政规范性文件0012
    expect(splits('0012', [count, count, count])).toEqual([[0, 0, 12]]);
    // 2019-fujian-pingtan-finance-bureau-department: 规章000
    expect(splits('000', [count, count, count])).toEqual([[0, 0, 0]]);
  });

  it('keeps every split that fits when the digits alone cannot decide', () => {
    // 2019-fujian-pingtan-finance-bureau-department: 规范性文件1077 (the page's HTML prints 10/7/7)
    expect(splits('1077', [count, count, count])).toEqual([[1, 0, 77], [10, 7, 7]]);
    // 2025-fujian-pingtan-transport-construction-bureau-department: 行政规范性文件1024
    expect(splits('1024', [count, count, count])).toEqual([[1, 0, 24], [10, 2, 4]]);
    // 2019-fujian-pingtan-finance-bureau-department: 政府集中采购2832995元
    expect(splits('2832995', [count, money])).toHaveLength(6);
  });

  it('takes whitespace as a cell boundary and the total column as the sum of the six applicant columns', () => {
    // 2023-fujian-pingtan-transport-construction-bureau-department: 本年新收…1400000 14
    expect(splits('1400000 14', Array(7).fill(count), rowSum)).toEqual([[14, 0, 0, 0, 0, 0, 14]]);
    // 2025-fujian-pingtan-transport-construction-bureau-department: （一）予以公开100000010
    expect(splits('100000010', Array(7).fill(count), rowSum)).toEqual([[10, 0, 0, 0, 0, 0, 10]]);
    // 2024-fujian-pingtan-public-security-bureau-department: （二）部分公开 10 0 0 0 01
    expect(splits('10 0 0 0 01', Array(7).fill(count), rowSum)).toEqual([[1, 0, 0, 0, 0, 0, 1]]);
    // 2021-fujian-pingtan-finance-bureau-department: 0 0 0 0 0 00
    expect(splits('0 0 0 0 0 00', Array(7).fill(count), rowSum)).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
  });

  it('finds no split when the row holds too few digits', () => {
    // 2019-fujian-pingtan-public-security-bureau-department: 本年新收…0 00000 (six digits, seven cells)
    expect(splits('0 00000', Array(7).fill(count), rowSum)).toEqual([]);
  });

  it('allows a sign only at the start of a change cell', () => {
    // 2020-fujian-pingtan-transport-construction-bureau-department: 行政事业性收费15-15 (上一年项目数量, 本年增/减)
    expect(splits('15-15', [count, change])).toEqual([[15, -15]]);
    // 行政许可88-720: -72/0 or -7/20, both possible
    expect(splits('88-720', [count, change, count])).toEqual([[88, -7, 20], [88, -72, 0]]);
  });

  it('splits the review/litigation table with each group total equal to its four outcomes', () => {
    // 2025-fujian-pingtan-transport-construction-bureau-department: 315090000000000
    const groups = (v: number[]) => [0, 5, 10].every((g) => v[g] + v[g + 1] + v[g + 2] + v[g + 3] === v[g + 4]);
    expect(splits('315090000000000', Array(15).fill(count), groups)).toEqual([[3, 1, 5, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]);
  });

  it('bounds the search: a run longer than a row is refused, and a huge search stops with a reason', () => {
    const long = splitRun('1'.repeat(40_000), Array(7).fill(count), any);
    expect(long.candidates).toEqual([]);
    expect(long.limit).toContain(String(MAX_RUN_CHARS));
    const wide = splitRun('1'.repeat(MAX_RUN_CHARS), Array(15).fill(count), () => false);
    expect(wide.limit).toMatch(/steps/);
  });
});

const parseFile = (name: string) => parseReport(readFileSync(join(COMPLETE, name)), { fileName: name });
const byMetric = (values: Value[]) => new Map(values.map((v) => [v.metric, v]));

describe('glued tables in real reports', () => {
  it('reads rows glued to the next item number, flags split cells and keeps the span of their digit group', () => {
    const r = parseFile('2024-fujian-pingtan-transport-construction-bureau-department.txt');
    const v = byMetric(r.values);
    // '5.属于三类内部事务信息3200000326.属于四类过程性信息' = 32,0,0,0,0,0,32 then item 6
    expect(v.get('r.denied.internal_affairs.natural')?.value).toBe(32);
    expect(v.get('r.denied.internal_affairs.total')?.value).toBe(32);
    expect(v.get('r.denied.process_info.total')?.value).toBe(0);
    // '1.本机关不掌握相关政府信息1000000102.没有现成…' = 10,…,10 then item 2
    expect(v.get('r.unable.not_held.total')?.value).toBe(10);
    const cell = v.get('r.denied.internal_affairs.total')!;
    expect(cell.split).toBe(true);
    expect(r.text.slice(cell.start, cell.end)).toBe('320000032');
    // 行政规范性文件3123 splits 3|1|23 or 3|12|3 (31|2|3 has fewer in force than issued less
    // repealed): the 3 both agree on is read, the rest left absent with the candidates in a warning
    expect(v.get('p.normative.issued')).toMatchObject({ value: 3, split: true });
    expect(v.has('p.normative.repealed')).toBe(false);
    expect(v.has('p.normative.in_force')).toBe(false);
    expect(r.warnings.some((w) => w.includes('3123') && w.includes('(3|1|23; 3|12|3)'))).toBe(true);
    expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('leaves cells on which every split agrees, and only those', () => {
    // 2020: 行政许可88-720 = 88 then -72/0 or -7/20: 88 is proven, the rest is not
    const v = byMetric(parseFile('2020-fujian-pingtan-transport-construction-bureau-department.txt').values);
    expect(v.get('p.license.prev_items')?.value).toBe(88);
    expect(v.has('p.license.change')).toBe(false);
    expect(v.has('p.license.decisions')).toBe(false);
    expect(v.get('p.fees.change')?.value).toBe(-15);
  });

  it('chooses between splits by what the columns mean: in force ≥ issued − repealed', () => {
    // 2025: 行政规范性文件1024 is 1/0/24 or 10/2/4; ten issued, two repealed and four in force
    // cannot be, so 1/0/24 (the page's HTML prints 1 / 0 / 24)
    const v = byMetric(parseFile('2025-fujian-pingtan-transport-construction-bureau-department.txt').values);
    expect(v.get('p.normative.issued')).toMatchObject({ value: 1, split: true });
    expect(v.get('p.normative.repealed')).toMatchObject({ value: 0, split: true });
    expect(v.get('p.normative.in_force')).toMatchObject({ value: 24, split: true });
    // 2023: 行政规范性文件5615: 56/1/5 breaks the bound, 5/6/15 and 5/61/5 both keep it: the
    // 5 issued they agree on is read, the other two cells are left absent
    const r = parseFile('2023-fujian-pingtan-transport-construction-bureau-department.txt');
    expect(r.values.filter((x) => x.metric.startsWith('p.normative.')).map((x) => [x.metric, x.value])).toEqual([['p.normative.issued', 5]]);
    const warning = r.warnings.find((w) => w.includes('"5615"'));
    expect(warning).toContain('5|6|15; 5|61|5)');
    expect(warning).not.toContain('56|1|5');
  });

  it('warns when a bound chose the split: had the report printed another, its row broke the bound', () => {
    const text = (run: string) => `2022年度政府信息公开工作年度报告 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件${run}第二十条第（五）项`;
    // 1024: 10|2|4 breaks in force ≥ issued − repealed, 1|0|24 keeps it and is read, with a warning
    const r = parseReport(text('1024'));
    expect(byMetric(r.values).get('p.normative.in_force')).toMatchObject({ value: 24, split: true });
    const warning = r.warnings.find((w) => w.includes('"1024"'));
    expect(warning).toContain('read as 1|0|24');
    expect(warning).toContain('10|2|4 break it');
    expect(warning).toContain('in force ≥ issued − repealed');
    // 303 splits one way and 1077 two ways that both keep the bound: no bound chose, no such warning
    expect(parseReport(text('303')).warnings.filter((w) => w.includes('break it'))).toEqual([]);
    expect(parseReport(text('1077')).warnings.filter((w) => w.includes('break it'))).toEqual([]);
    // the 2025 report that prints 1024 says so too
    const real = parseFile('2025-fujian-pingtan-transport-construction-bureau-department.txt');
    expect(real.warnings.some((w) => w.includes('"1024" read as 1|0|24') && w.includes('10|2|4 break it'))).toBe(true);
  });

  it('reads a row the digits allow one way as printed even when it breaks a column bound', () => {
    const text = '2022年度政府信息公开工作年度报告 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件500第二十条第（五）项';
    const v = byMetric(parseReport(text).values);
    expect(v.get('p.normative.issued')).toMatchObject({ value: 5, split: true });
    expect(v.get('p.normative.in_force')).toMatchObject({ value: 0, split: true });
  });

  it('reads a space-separated row as printed, without the split flag', () => {
    // 2022-fujian-pingtan-transport-construction-bureau-department: every cell separated by one space
    const v = byMetric(parseFile('2022-fujian-pingtan-transport-construction-bureau-department.txt').values);
    expect(v.get('p.normative.in_force')?.value).toBe(16);
    expect(v.get('p.normative.in_force')?.split).toBeUndefined();
    expect(v.get('r.new.total')?.value).toBe(11);
    expect(v.get('rv.total')?.value).toBe(0);
  });

  it('uses the table identities to choose between splits the row alone allows', () => {
    const table = (newRow: string) =>
      [
        '2022年度政府信息公开工作年度报告',
        '三、收到和处理政府信息公开申请情况',
        `申请人情况自然人法人或其他组织总计一、本年新收政府信息公开申请数量${newRow}二、上年结转政府信息公开申请数量0000000`,
        '三、本年度办理结果（一）予以公开11 0 0 0 0 0 11（七）总计11 0 0 0 0 0 11四、结转下年度继续办理0000000',
      ].join('');
    // 110000011 is 11,0,0,0,0,0,11 or 1,10,0,0,0,0,11: only the first keeps 新收 + 结转 = 总计 + 结转下年度
    const v = byMetric(parseReport(table('110000011')).values);
    expect(v.get('r.new.natural')).toMatchObject({ value: 11, split: true });
    expect(v.get('r.new.commercial')?.value).toBe(0);
  });

  it('does not split a spaced row without arithmetic: a blank cell and two glued cells look alike', () => {
    const text = '2022年度政府信息公开工作年度报告 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件3 45第二十条第（五）项';
    const r = parseReport(text);
    expect(r.values.filter((v) => v.metric.startsWith('p.normative.'))).toEqual([]);
    expect(r.values.find((v) => v.metric === 'p.rules.in_force')).toMatchObject({ value: 0, split: true });
    expect(r.warnings.some((w) => w.includes('行政规范性文件') && w.includes('blank cell'))).toBe(true);
  });

  it('splits cells run together on a row of their own line, and says nothing is unread', () => {
    const text = [
      '某县人民政府2022年政府信息公开工作年度报告',
      '第二十条第(一)项',
      '信息内容 本年制发件数 本年废止件数 现行有效件数',
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量 5000005',
      '二、上年结转政府信息公开申请数量 0000000',
    ].join('\n');
    const r = parseReport(text);
    const row = r.values.filter((v) => v.metric.startsWith('r.new.')).map((v) => [v.metric, v.value, v.split]);
    expect(row).toContainEqual(['r.new.natural', 5, true]);
    expect(row).toContainEqual(['r.new.total', 5, true]);
    expect(r.warnings.filter((w) => w.includes('本年新收'))).toEqual([]);
  });

  it('does not read a count in a sentence as a table row', () => {
    const text = '2022年度政府信息公开工作年度报告 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数\n本机关办理行政许可57项，行政处罚12，公开规范性文件3件，行政强制0。';
    const r = parseReport(text);
    expect(r.values.filter((x) => x.source === 'table')).toEqual([]);
  });

  it('reads a row label followed by a long digit cell without exponential backtracking', () => {
    // "(\d[\d,.]*\s*)+" took 2^n steps on "规章 111…1a"; at 76 digits it would never finish
    const text = `2022年度政府信息公开工作年度报告\n第二十条第(一)项\n信息内容 | 本年制发件数\n规章 ${'1'.repeat(76)}a\n行政规范性文件 4 0 16\n`;
    const r = parseReport(text);
    expect(r.values.filter((v) => v.metric.startsWith('p.rules.'))).toEqual([]);
    expect(r.values.filter((v) => v.metric.startsWith('p.normative.')).map((v) => v.value)).toEqual([4, 0, 16]);
  });

  it('tokenises 100,000 short lines without looking past each line (a backward search made it quadratic: 95 s)', () => {
    const text = '某县2022年政府信息公开工作年度报告\n第二十条第(一)项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n' + '一二三四五六七八九\n'.repeat(100_000);
    expect(parseReport(text).status).not.toBe('failed');
  });

  it('parses a 40,000-digit run after a row label without reading it', () => {
    const text = `2022年度政府信息公开工作年度报告 第二十条第（一）项 本年制发件数 行政规范性文件303规章${'7'.repeat(40_000)}`;
    const r = parseReport(text);
    expect(r.values.some((x) => x.metric.startsWith('p.rules.'))).toBe(false);
    expect(r.warnings.some((w) => w.includes('规章') && w.includes(String(MAX_RUN_CHARS)))).toBe(true);
  });

  /** A request row whose total is the sum of six cells, printed with or without a space between cells. */
  const gluedRow = fc
    .tuple(fc.array(fc.nat(120), { minLength: 6, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }))
    .map(([six, spaced]) => {
      const cells = [...six, six.reduce((a, b) => a + b, 0)];
      return { text: cells.map((c, k) => (k > 0 && spaced[k - 1] ? ' ' : '') + c).join(''), cells };
    });
  const anyRun = fc.stringMatching(/^[0-9 ]{0,30}$/).map((text) => ({ text, cells: null as number[] | null }));

  it('on any run: never throws, spans stay in the text, and a split row keeps its digits and its arithmetic', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9 .-]{0,40}$/), fc.oneof(anyRun, gluedRow), (proactive, { text: request, cells }) => {
        const text =
          '2022年度政府信息公开工作年度报告 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数' +
          `规章${proactive}行政规范性文件303 三、收到和处理政府信息公开申请情况 申请人情况自然人法人或其他组织总计` +
          `一、本年新收政府信息公开申请数量${request}二、上年结转政府信息公开申请数量0000000`;
        const r = parseReport(text);
        for (const v of r.values) {
          expect(v.start).toBeGreaterThanOrEqual(0);
          expect(v.end).toBeLessThanOrEqual(text.length);
          expect(v.start).toBeLessThan(v.end);
        }
        const row = r.values.filter((v) => v.metric.startsWith('r.new.') && !v.derived);
        if (row.length === 7) {
          const byColumn = new Map(row.map((v) => [v.metric.slice('r.new.'.length), v.value]));
          const columns = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];
          expect(columns.map((c) => byColumn.get(c)).join('')).toBe(request.replace(/\s/g, ''));
          if (row.some((v) => v.split)) expect(columns.slice(0, 6).reduce((a, c) => a + byColumn.get(c)!, 0)).toBe(byColumn.get('total'));
          // a row printed from known cells is read as exactly those cells, or not at all
          if (cells) expect(columns.map((c) => byColumn.get(c))).toEqual(cells);
        }
      }),
      { numRuns: 300 },
    );
  });
});
