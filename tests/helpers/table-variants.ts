// Layouts of one statutory table that keep its meaning (or change it in a known way), for
// metamorphic tests: a report's text is read into blocks (paragraphs and tables of cells, a table
// being a run of "a | b | c" lines), a variant rewrites the blocks, and the result is written back
// as text or as HTML. A careful reader reads the same numbers from every variant; where a variant
// changes what a cell says (a 0 written as a blank or a dash: no figure printed), the cells it
// changed are named so that the expectation drops their values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { parseReport, type Value } from '../../src/parse';
import { htmlToText, looksLikeHtml } from '../../src/parse/decode/html';
import { documentXmlToHtml } from '../../src/parse/input/docx-html';
import { corpusTextSources } from './corpus-sources';
import { fillTemplate2021, readTemplate2021 } from './template-2021';

export interface Cell {
  text: string;
  /** "block:row:col" of the cell in the report as read; kept by variants that move cells. */
  id: string;
  tag?: 'td' | 'th';
  colspan?: number;
  rowspan?: number;
  /** HTML written instead of the escaped text. */
  html?: string;
}
export type Block = { kind: 'p'; text: string } | { kind: 'table'; rows: Cell[][] };

export interface Variant {
  name: string;
  /** What the variant changes, in a few words (printed by the benchmark). */
  about: string;
  form: 'text' | 'html';
  apply: (blocks: Block[]) => Block[];
  /** The cells whose figure the variant removes: their values are expected absent. */
  absent?: (blocks: Block[]) => Set<string>;
  /** Text form only: how the cells of a row are joined (default " | "). */
  join?: (row: Cell[]) => string;
}

/** The report's text (HTML laid out as the parser lays it) as paragraphs and tables. */
export function readBlocks(source: string, fileName: string): Block[] {
  const text = looksLikeHtml(source, fileName) ? htmlToText(source) : source;
  const blocks: Block[] = [];
  for (const line of text.split(/\r?\n/)) {
    const last = blocks[blocks.length - 1];
    if (!line.includes('|')) {
      blocks.push({ kind: 'p', text: line });
      continue;
    }
    const table = last?.kind === 'table' ? last : { kind: 'table' as const, rows: [] };
    if (table !== last) blocks.push(table);
    const b = blocks.length - 1;
    const r = table.rows.length;
    table.rows.push(line.split('|').map((text, c) => ({ text: text.trim(), id: `${b}:${r}:${c}` })));
  }
  return blocks;
}

export const copyBlocks = (blocks: Block[]): Block[] =>
  blocks.map((b) => (b.kind === 'p' ? { ...b } : { kind: 'table', rows: b.rows.map((row) => row.map((c) => ({ ...c }))) }));

const PIPE = (row: Cell[]) => row.map((c) => c.text).join(' | ');

/** Text form; `cells` receives each cell's [from, to) in the text (the id of the cell). */
export function writeText(blocks: Block[], join: (row: Cell[]) => string = PIPE, cells?: Map<string, [number, number]>): string {
  let out = '';
  for (const block of blocks) {
    if (block.kind === 'p') out += block.text + '\n';
    else
      for (const row of block.rows) {
        if (cells && join === PIPE) {
          row.forEach((c, k) => {
            const at = out.length;
            cells.set(c.id, [at, at + c.text.length]);
            out += c.text + (k < row.length - 1 ? ' | ' : '');
          });
          out += '\n';
        } else out += join(row) + '\n';
      }
  }
  // no line break after the last line: a report cut inside its table stays cut (an ended line is a row as printed)
  return out.slice(0, -1);
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A page cut at a size stops where the cut fell: nothing closes its last cell, table or page. */
const CLOSING_TAGS = /(?:<\/(?:td|th|tr|table|div|center)>|\s)+$/;

/** HTML form; a `cut` report (read as cut inside its table) is written as a capture cut there, unclosed. */
export function writeHtml(blocks: Block[], wrapTable: (table: string) => string = (t) => t, cut = false): string {
  let out = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n';
  for (const block of blocks) {
    if (block.kind === 'p') out += block.text === '' ? '' : `<p>${escape(block.text)}</p>\n`;
    else {
      let t = '<table border="1">';
      for (const row of block.rows) {
        t += '<tr>';
        for (const c of row) {
          const tag = c.tag ?? 'td';
          const span = (c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : '') + (c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : '');
          t += `<${tag}${span}>${c.html ?? escape(c.text).replace(/\n/g, '<br>')}</${tag}>`;
        }
        t += '</tr>\n';
      }
      out += wrapTable(t + '</table>') + '\n';
    }
  }
  return cut ? out.replace(CLOSING_TAGS, '') : out + '</body></html>\n';
}

// ---- what the cells are

const NUMBER = /^\d+(\.\d+)?$/;
const CJK = /[\u4e00-\u9fff]/;
const isNumber = (c: Cell) => NUMBER.test(c.text);
/** A row of the form: a label followed by number cells. */
const isDataRow = (row: Cell[]) => row.some(isNumber) && CJK.test(row[0]?.text ?? '');
/** A row with no figure: a header. */
const isHeaderRow = (row: Cell[]) => !row.some(isNumber) && row.some((c) => CJK.test(c.text));

function mapCells(blocks: Block[], f: (cell: Cell, row: Cell[]) => void): Block[] {
  const out = copyBlocks(blocks);
  for (const b of out) if (b.kind === 'table') for (const row of b.rows) for (const c of row) f(c, row);
  return out;
}
function mapRows(blocks: Block[], f: (row: Cell[], table: Cell[][]) => Cell[][]): Block[] {
  return copyBlocks(blocks).map((b) => (b.kind === 'table' ? { kind: 'table', rows: b.rows.flatMap((row) => f(row, b.rows)) } : b));
}

const FULL_DIGITS = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const grouped = (s: string, sep: string) => s.replace(/^\d+/, (int) => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep));

/** Zeros written as `mark` (blank, dash…): the number cells that were 0. */
const zeroCells = (blocks: Block[]) => {
  const ids = new Set<string>();
  for (const b of blocks) if (b.kind === 'table') for (const row of b.rows) if (isDataRow(row)) for (const c of row) if (c.text === '0') ids.add(c.id);
  return ids;
};
const zeroAs = (mark: string, meaning: 'zero' | 'absent'): Pick<Variant, 'apply' | 'absent'> => ({
  apply: (blocks) => {
    const zeros = zeroCells(blocks);
    return mapCells(blocks, (c) => {
      if (zeros.has(c.id)) c.text = mark;
    });
  },
  absent: meaning === 'absent' ? zeroCells : undefined,
});

/** The ordinal a row label opens with: 一、 (一) 1. 1、 */
const ORDINAL = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.、．])/;
/** Labels that name their row only with their ordinal (3.其他, (七)总计). */
const NEEDS_ORDINAL = /^(?:其他|总计)$/;

const isLabel = (c: Cell, row: Cell[]) => CJK.test(c.text) && !isNumber(c) && isDataRow(row);
/** The group label of the request table's rows ((三)不予公开 before 1.属于国家秘密). */
const GROUP = /^(?:[(（][三四五六][)）](?:不予公开|无法提供|不予处理|其他处理)|三、\s*本\s*年\s*度\s*办\s*理\s*结\s*果)$/;

/** The label broken in two between two Chinese characters near its middle (never inside a bracket). */
function breakLabel(text: string): string {
  if (text.length < 8) return text;
  const outside = (at: number) => text.lastIndexOf('(', at) <= text.lastIndexOf(')', at) && text.lastIndexOf('（', at) <= text.lastIndexOf('）', at);
  const fits = (at: number) => CJK.test(text[at - 1]) && CJK.test(text[at]) && outside(at);
  const mid = Math.floor(text.length / 2);
  for (let d = 0; d < mid - 1; d++) for (const at of [mid - d, mid + d]) if (at > 1 && at < text.length - 1 && fits(at)) return `${text.slice(0, at)}\n${text.slice(at)}`;
  return text;
}

/** The request table's applicant header: the rows naming 自然人 / 商业企业. */
const APPLICANT_HEADER = /自然人|商业\s*企业/;

export const VARIANTS: Variant[] = [
  { name: 'identity', about: 'the report as read, written back', form: 'text', apply: copyBlocks },
  { name: 'html', about: 'the same rows as an HTML table', form: 'html', apply: copyBlocks },
  {
    name: 'pad-spaces',
    about: 'cells padded with NBSP and ideographic spaces',
    form: 'text',
    apply: (b) => mapCells(b, (c) => void (c.text !== '' && (c.text = `\u00a0${c.text}\u3000`))),
  },
  { name: 'fullwidth-digits', about: 'digits full-width (０１２)', form: 'text', apply: (b) => mapCells(b, (c) => void (c.text = FULL_DIGITS(c.text).replace(/(?<=[０-９])\./g, '．'))) },
  { name: 'thousands-comma', about: '1,234', form: 'text', apply: (b) => mapCells(b, (c) => void (isNumber(c) && (c.text = grouped(c.text, ',')))) },
  { name: 'thousands-fullwidth', about: '1，234', form: 'text', apply: (b) => mapCells(b, (c) => void (isNumber(c) && (c.text = grouped(c.text, '，')))) },
  { name: 'zero-as-无', about: '0 written 无 (none: still 0)', form: 'text', ...zeroAs('无', 'zero') },
  { name: 'zero-as-blank', about: '0 left blank (absent)', form: 'text', ...zeroAs('', 'absent') },
  { name: 'zero-as-slash', about: '0 written / (absent)', form: 'text', ...zeroAs('/', 'absent') },
  { name: 'zero-as-dash', about: '0 written — (absent)', form: 'text', ...zeroAs('—', 'absent') },
  {
    name: 'no-ordinals',
    about: 'row labels without 一、/(一)/1.',
    form: 'text',
    apply: (b) =>
      mapCells(b, (c, row) => {
        if (!isLabel(c, row)) return;
        const bare = c.text.replace(ORDINAL, '');
        if (!NEEDS_ORDINAL.test(bare)) c.text = bare;
      }),
  },
  { name: 'item-number-、', about: '1. written 1、', form: 'text', apply: (b) => mapCells(b, (c, row) => void (isLabel(c, row) && (c.text = c.text.replace(/^(\d{1,2})[.．]/, '$1、')))) },
  { name: 'item-number-(1)', about: '1. written (1)', form: 'text', apply: (b) => mapCells(b, (c, row) => void (isLabel(c, row) && (c.text = c.text.replace(/^(\d{1,2})[.．]/, '($1)')))) },
  {
    name: 'zero-width',
    about: 'zero-width spaces inside labels and around figures (web copies)',
    form: 'text',
    apply: (b) => mapCells(b, (c) => void (c.text !== '' && (c.text = isNumber(c) ? `\u200b${c.text}\u200b` : c.text.replace(/(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])/, '\u200b')))),
  },
  {
    name: 'single-spaces',
    about: 'cells of rows without blanks separated by one space (PDF text)',
    form: 'text',
    apply: copyBlocks,
    join: (row) => row.map((c) => c.text).join(row.every((c) => c.text !== '') ? ' ' : ' | '),
  },
  {
    name: 'cell-per-line',
    about: 'cells one per line (rows without blank cells)',
    form: 'text',
    apply: copyBlocks,
    join: (row) => (row.every((c) => c.text !== '') ? row.map((c) => c.text).join('\n') : PIPE(row)),
  },
  {
    name: 'label-spaced',
    about: 'short labels spread with spaces (规　　章, 行 政 许 可)',
    form: 'text',
    apply: (b) =>
      mapCells(b, (c, row) => {
        if (!isLabel(c, row) || !/^[\u4e00-\u9fff]{2,4}$/.test(c.text)) return;
        c.text = c.text.length === 2 ? c.text.split('').join('\u3000\u3000') : c.text.split('').join(' ');
      }),
  },
  { name: 'label-break-text', about: 'long labels broken across two lines', form: 'text', apply: (b) => mapCells(b, (c, row) => void (c === row[0] && isLabel(c, row) && (c.text = breakLabel(c.text)))) },
  { name: 'label-break-html', about: 'long labels with <br> inside', form: 'html', apply: (b) => mapCells(b, (c, row) => void (c === row[0] && isLabel(c, row) && (c.text = breakLabel(c.text)))) },
  {
    name: 'group-own-row',
    about: '(三)不予公开 on its own row above its items',
    form: 'text',
    apply: (b) => mapRows(b, (row) => (row.length > 2 && GROUP.test(row[0].text) ? [[row[0]], row.slice(1)] : [row])),
  },
  {
    name: 'group-repeated',
    about: 'the group label repeated on each item row (a merged cell split)',
    form: 'text',
    apply: (blocks) => {
      let group: Cell | null = null;
      return mapRows(blocks, (row) => {
        if (row.length > 2 && GROUP.test(row[0].text)) group = row[0];
        else if (group && /^\d{1,2}[.、．]/.test(row[0]?.text ?? '') && isDataRow(row)) return [[{ ...group, id: `${group.id}+` }, ...row]];
        else if (isDataRow(row)) group = null;
        return [row];
      });
    },
  },
  {
    name: 'applicant-header-one-row',
    about: 'the applicant header on one row',
    form: 'text',
    apply: (blocks) =>
      mapRows(blocks, (row, rows) => {
        if (!isHeaderRow(row) || !APPLICANT_HEADER.test(row.map((c) => c.text).join('|'))) return [row];
        const first = rows.find((r) => isHeaderRow(r) && APPLICANT_HEADER.test(r.map((c) => c.text).join('|')));
        if (row !== first) return [];
        return [[{ text: '申请人情况', id: `${row[0].id}h` }, ...['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map((text, k) => ({ text, id: `${row[0].id}h${k}` }))]];
      }),
  },
  {
    name: 'split-page-text',
    about: 'the request table cut by a page break, its header repeated',
    form: 'text',
    apply: (b) => splitAtPage(b, true),
  },
  {
    name: 'group-rowspan-html',
    about: 'a group label as one cell spanning its item rows (rowspan)',
    form: 'html',
    apply: (blocks) =>
      copyBlocks(blocks).map((b) => {
        if (b.kind !== 'table') return b;
        b.rows.forEach((row, k) => {
          if (row.length < 3 || !GROUP.test(row[0].text)) return;
          let n = 1;
          while (k + n < b.rows.length && /^\d{1,2}[.、．]/.test(b.rows[k + n][0]?.text ?? '')) n++;
          row[0].rowspan = n;
        });
        return b;
      }),
  },
  { name: 'split-tables-html', about: 'the request table as two <table>s, header repeated', form: 'html', apply: (b) => splitAtPage(b, false) },
  { name: 'tabs', about: 'cells separated by tabs', form: 'text', apply: copyBlocks, join: (row) => row.map((c) => c.text).join('\t') },
  {
    name: 'spaces',
    about: 'cells separated by runs of spaces (rows without blank cells)',
    form: 'text',
    apply: copyBlocks,
    join: (row) => row.map((c) => c.text).join(row.every((c) => c.text !== '') ? '   ' : ' | '),
  },
  {
    name: 'trailing-合计',
    about: 'a 合计 column after the figures',
    form: 'text',
    apply: (blocks) =>
      mapRows(blocks, (row, rows) => {
        const nums = row.filter(isNumber);
        if (!isDataRow(row) || nums.length < 2 || nums.length !== row.length - 1 - row.slice(1).filter((c) => !isNumber(c) && CJK.test(c.text)).length) return [row];
        // a row the text cuts short (fewer figures than the rows beside it) is left as printed
        const k = rows.indexOf(row);
        const beside = [rows[k - 1], rows[k + 1]].filter((r) => r && isDataRow(r));
        if (beside.length > 0 && !beside.some((r) => r.filter(isNumber).length === nums.length)) return [row];
        const sum = nums.reduce((s, c) => s + Number(c.text), 0);
        return [[...row, { text: String(Math.round(sum * 100) / 100), id: `${row[0].id}sum` }]];
      }),
  },
  { name: 'html-th', about: 'header rows and row labels as <th>', form: 'html', apply: (b) => mapCells(b, (c, row) => void ((isHeaderRow(row) || isLabel(c, row)) && (c.tag = 'th'))) },
  {
    name: 'html-cell-wrap',
    about: 'cell contents inside <p>/<div>/<span>',
    form: 'html',
    apply: (b) => mapCells(b, (c) => void (c.html = isNumber(c) ? `<p><span>${c.text}</span></p>` : `<div><p>${escape(c.text)}</p></div>`)),
  },
  { name: 'html-table-wrap', about: 'each table inside <div><center>', form: 'html', apply: copyBlocks },
  {
    name: 'html-colspan',
    about: 'blank cells at a row end merged into one colspan cell',
    form: 'html',
    apply: (blocks) =>
      mapRows(blocks, (row) => {
        let n = 0;
        while (n < row.length - 1 && row[row.length - 1 - n].text === '') n++;
        if (n < 2) return [row];
        return [[...row.slice(0, row.length - n), { ...row[row.length - n], colspan: n }]];
      }),
  },
];

const squeeze = (t: string) => t.replace(/\s+/g, '');
/**
 * The review table rewritten by `write` (its header rows and its row of 15 figures in, rows out);
 * tables laid otherwise are left as they are.
 */
function reviewTable(blocks: Block[], write: (figures: Cell[]) => Cell[][]): Block[] {
  return copyBlocks(blocks).map((b) => {
    if (b.kind !== 'table') return b;
    const head = b.rows.findIndex((row) => row.some((c) => squeeze(c.text) === '行政复议'));
    const after = b.rows.findIndex((row, k) => k > head && row.some((c) => squeeze(c.text) === '复议后起诉'));
    if (head < 0 || after < 0) return b;
    const data = b.rows.findIndex((row, k) => k > after && row.filter((c) => isNumber(c) || c.text === '').length >= 15 && row.some(isNumber));
    if (data < 0 || data > after + 3) return b;
    const figures = b.rows[data].slice(0, 15);
    return { kind: 'table', rows: [...b.rows.slice(0, head), ...write(figures), ...b.rows.slice(data + 1)] };
  });
}
const cell = (text: string, id: string): Cell => ({ text, id });
const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

VARIANTS.push(
  {
    name: 'review-transposed',
    about: 'the review table with a row each for 行政复议, 直接起诉, 复议后起诉',
    form: 'text',
    apply: (blocks) =>
      reviewTable(blocks, (f) => [
        [cell('', 'rvh'), ...OUTCOMES.map((t, k) => cell(t, `rvh${k}`))],
        [cell('行政复议', 'rv0'), ...f.slice(0, 5)],
        [cell('未经复议直接起诉', 'rv1'), ...f.slice(5, 10)],
        [cell('复议后起诉', 'rv2'), ...f.slice(10, 15)],
      ]),
  },
  {
    name: 'review-two-rows',
    about: 'the review figures on two rows: 行政复议 5, 行政诉讼 10',
    form: 'text',
    apply: (blocks) =>
      reviewTable(blocks, (f) => [
        [cell('行政复议', 'rvh0'), ...OUTCOMES.map((t, k) => cell(t, `rvh1${k}`))],
        f.slice(0, 5),
        [cell('行政诉讼', 'rvh2'), cell('未经复议直接起诉', 'rvh3'), cell('复议后起诉', 'rvh4')],
        [...OUTCOMES, ...OUTCOMES].map((t, k) => cell(t, `rvh5${k}`)),
        f.slice(5, 15),
      ]),
  },
);

const named = (name: string) => VARIANTS.find((v) => v.name === name)!;
/** Several layout changes at once: a report from a site that does all of them. */
VARIANTS.push(
  {
    name: 'combined-text',
    about: 'no ordinals, (1) items, labels broken, full-width digits, 1，234, /, tabs',
    form: 'text',
    apply: (b) => ['zero-as-slash', 'no-ordinals', 'item-number-(1)', 'label-break-text', 'thousands-fullwidth', 'fullwidth-digits'].reduce((blocks, n) => named(n).apply(blocks), b),
    absent: (b) => named('zero-as-slash').absent!(b),
    join: named('tabs').join,
  },
  {
    name: 'combined-html',
    about: '<th> labels in <p>, <br> in labels, rowspan groups, tables split, —, 1,234',
    form: 'html',
    apply: (b) => ['thousands-comma', 'zero-as-dash', 'label-break-html', 'group-rowspan-html', 'split-tables-html', 'html-th', 'html-cell-wrap'].reduce((blocks, n) => named(n).apply(blocks), b),
    absent: (b) => named('zero-as-dash').absent!(b),
  },
);

/** The request table cut before its (三) group: a page mark, then its header rows again. */
function splitAtPage(blocks: Block[], pageMark: boolean): Block[] {
  const out: Block[] = [];
  for (const block of copyBlocks(blocks)) {
    if (block.kind !== 'table') {
      out.push(block);
      continue;
    }
    const cut = block.rows.findIndex((row) => GROUP.test(row[0]?.text ?? '') && row[0].text.includes('不予公开'));
    const header = block.rows.filter((row) => isHeaderRow(row) && APPLICANT_HEADER.test(row.map((c) => c.text).join('|')));
    if (cut <= 0 || header.length === 0) {
      out.push(block);
      continue;
    }
    out.push({ kind: 'table', rows: block.rows.slice(0, cut) });
    if (pageMark) out.push({ kind: 'p', text: '— 3 —' });
    const again = header.map((row) => row.map((c) => ({ ...c, id: `${c.id}r` })));
    out.push({ kind: 'table', rows: [...again, ...block.rows.slice(cut)] });
  }
  return out;
}

export const TABLE_WRAP = (t: string) => `<div class="content"><center><div>${t}</div></center></div>`;

/** The variant written out: text or HTML, with the file name that tells the parser which. */
export function writeVariant(variant: Variant, blocks: Block[], cut = false): { text: string; fileName: string } {
  const changed = variant.apply(blocks);
  if (variant.form === 'html') return { text: writeHtml(changed, variant.name === 'html-table-wrap' ? TABLE_WRAP : undefined, cut), fileName: 'variant.html' };
  return { text: writeText(changed, variant.join), fileName: 'variant.txt' };
}

// ---- the reports and the comparison (Node: the corpus on disk)

export interface TableReport {
  /** folder/file */
  name: string;
  blocks: Block[];
  /** Its form table is printed in rows of cells ("a | b | c"), not one cell per line: HTML can carry it. */
  rowed: boolean;
}

/** Table cells read from the report's cells (not split from a glued run, not derived). */
const cellsRead = (blocks: Block[]) => parseReport(writeText(blocks), { fileName: 'reference.txt' }).values.filter((v) => v.source === 'table' && !v.derived && !v.split).length;
/** Fewer cells read than this: no form table laid out in cells (narrative, glued or cut short). */
const MIN_CELLS = 5;

/**
 * The official 2021 form (../shared/templates) with every value cell filled with its own figure
 * (1001, 1002, …): a column read in the wrong place shows.
 */
export function filledTemplateReport(): TableReport {
  const { docx } = fillTemplate2021(readTemplate2021());
  const xml = new TextDecoder().decode(unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']);
  return { name: 'templates/2021 form, filled 1001…', blocks: readBlocks(documentXmlToHtml(xml), 'form.html'), rowed: true };
}

/**
 * Every corpus report with a truth file whose text prints a 2019 or 2021 form table (.txt, .html)
 * from which cells are read, and the filled official form.
 */
export function tableReports(root: string): TableReport[] {
  const out: TableReport[] = [filledTemplateReport()];
  for (const { folder, file, rel } of corpusTextSources(root)) {
    const source = readFileSync(join(root, rel), 'utf8');
    const parsed = parseReport(source, { fileName: file });
    if (parsed.facts.template !== 'table2019' && parsed.facts.template !== 'table2021') continue;
    const blocks = readBlocks(source, file);
    if (cellsRead(blocks) < MIN_CELLS) continue;
    const rowed = blocks.some((b) => b.kind === 'table' && b.rows.some((row) => isDataRow(row) && row.filter(isNumber).length >= 2));
    out.push({ name: `${folder}/${file}`, blocks, rowed });
  }
  return out;
}

export interface Outcome {
  equal: number;
  changed: number;
  lost: number;
  gained: number;
  details: string[];
}

const valueMap = (values: readonly Value[]) => new Map(values.filter((v) => !v.derived).map((v) => [v.metric, v]));

/**
 * The variant's values against the report's as read (its blocks written back as text): equal,
 * changed (another value), lost, gained. Derived values are left out (they follow their parts).
 * A value printed in a cell the variant empties is expected absent; read from a sentence instead
 * it still counts as equal.
 */
const REFERENCES = new WeakMap<TableReport, { cells: Map<string, [number, number]>; reference: ReturnType<typeof parseReport> }>();
function referenceOf(report: TableReport) {
  let r = REFERENCES.get(report);
  if (!r) {
    const cells = new Map<string, [number, number]>();
    r = { cells, reference: parseReport(writeText(report.blocks, undefined, cells), { fileName: 'reference.txt' }) };
    REFERENCES.set(report, r);
  }
  return r;
}

export function compareVariant(report: TableReport, variant: Variant): Outcome | null {
  // a table printed one cell per line, blank lines being blank cells, has no HTML form
  if (variant.form === 'html' && !report.rowed) return null;
  const { cells, reference } = referenceOf(report);
  const absent = variant.absent?.(report.blocks) ?? new Set<string>();
  const emptied: [number, number][] = [...absent].map((id) => cells.get(id)!);
  const expected = valueMap(reference.values);
  for (const [metric, v] of expected) if (v.source === 'table' && emptied.some(([a, b]) => v.start >= a && v.end <= b)) expected.delete(metric);
  // a capture cut inside its table stays one in every form (a closed page is a whole document)
  const { text, fileName } = writeVariant(variant, report.blocks, reference.warnings.some((w) => w.includes('(truncated)')));
  const got = valueMap(parseReport(text, { fileName }).values);
  const outcome: Outcome = { equal: 0, changed: 0, lost: 0, gained: 0, details: [] };
  for (const [metric, v] of expected) {
    const g = got.get(metric);
    if (!g) {
      outcome.lost++;
      outcome.details.push(`lost    ${metric} = ${v.value}`);
    } else if (g.value !== v.value) {
      outcome.changed++;
      outcome.details.push(`changed ${metric} = ${g.value}, was ${v.value}`);
    } else outcome.equal++;
  }
  for (const [metric, g] of got) {
    if (expected.has(metric)) continue;
    // read from a sentence, or printed where the reference derived it: the same figure
    const before = reference.values.find((v) => v.metric === metric);
    if (before && before.value === g.value && (g.source !== 'table' || before.derived)) outcome.equal++;
    else {
      outcome.gained++;
      outcome.details.push(`gained  ${metric} = ${g.value}${before ? ` (a cell the variant emptied, was ${before.value})` : ''}`);
    }
  }
  return outcome;
}
