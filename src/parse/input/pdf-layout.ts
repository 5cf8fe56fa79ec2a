// Positioned PDF text → the plain text the parser reads, with a map from every stretch of that
// text back to its page and box. Pure: pages of items and ruling lines in, text and boxes out.
//
// - Lines: items whose baselines fall in one y-band, left to right.
// - Tables: items enclosed by ruling lines (a horizontal rule above and below, a vertical rule on
//   each side) are grouped by the rules into cells; cells sharing a top rule are one row, written
//   "a | b | c" like the HTML renderer, so a label wrapped over lines stays one cell beside its
//   numbers and a cell spanning rows is written once, in its first row.
// - Running headers and footers: lines in the top or bottom margin that are page numbers or that
//   repeat (digits aside) on several pages are dropped.
// - Columns: a page printed in two columns (a gutter few lines cross, lines on each side starting
//   at one edge) is read column by column between full-width blocks.
// - Paragraphs: a line reaching the right margin continues on the next line starting at the
//   left margin (across a page break too); the two join without a space, so a number broken
//   across the line end is one number again. A space is kept only between two Latin letters.

export interface PdfItem {
  str: string;
  /** Left edge and baseline, PDF units (origin bottom left). */
  x: number;
  y: number;
  w: number;
  /** Font size (the item's height). */
  h: number;
}

/** An axis-aligned ruling line: x0 === x1 (vertical) or y0 === y1 (horizontal), x0 <= x1, y0 <= y1. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPageContent {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  /** Bottom of the page's visible area (its MediaBox/CropBox may not start at 0). */
  y0?: number;
  items: PdfItem[];
  rules: Rule[];
}

import { parseChineseNumeral } from '../normalise/numbers';
import type { PdfBox } from '../types';

export type { PdfBox };

/** A stretch of the laid-out text [start, end) drawn by one item: chars map proportionally into its box. */
export interface TextPiece extends PdfBox {
  start: number;
  end: number;
}

export interface LaidOutText {
  text: string;
  pieces: TextPiece[];
  /** Lines dropped as running headers, footers or page numbers. */
  droppedLines: number;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const LATIN = /[A-Za-z]/;

/** Spaces between two CJK characters are letter-spacing, not word breaks. */
const squeeze = (s: string): string => s.replace(/(?<=[\u3000-\u9fff\uff00-\uffef])[ \u00a0\u3000]+(?=[\u3000-\u9fff\uff00-\uffef])/g, '').trim();

// Fonts (Noto CJK among them) map some ideographs to the look-alike radicals: ⼀ (U+2F00) for 一,
// ⺠ (U+2EA0) for 民. Kangxi radicals have a compatibility decomposition; the supplement's do not.
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺟': '母', '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻑': '長', '⻣': '骨', '⻋': '车', '⻓': '长', '⻔': '门',
  '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻥': '鱼', '⻦': '鸟',
  '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⻤': '鬼',
};

/** One character for one character, so offsets into the item keep matching its glyphs. */
export const ideographsForRadicals = (s: string): string =>
  s.replace(/[\u2e80-\u2fdf]/g, (c) => {
    const mapped = RADICAL_SUPPLEMENT[c] ?? c.normalize('NFKC');
    return mapped.length === 1 ? mapped : c;
  });

interface Frag {
  text: string;
  /** Boxes of the fragment's pieces, relative offsets into text. */
  pieces: { start: number; end: number; box: PdfBox }[];
}

function itemFrag(item: PdfItem, page: number): Frag {
  // a producer joining neighbouring cells into one run puts a space between their numbers
  const text = squeeze(ideographsForRadicals(item.str)).replace(/(?<=\d) +(?=\d)/g, '  ');
  const box = { page, x: item.x, y: item.y - item.h * 0.2, w: item.w, h: item.h * 1.2 };
  return { text, pieces: [{ start: 0, end: text.length, box }] };
}

function appendFrag(into: Frag, add: Frag, sep: string) {
  if (into.text !== '' && add.text !== '') into.text += sep;
  const base = into.text.length;
  into.text += add.text;
  for (const p of add.pieces) into.pieces.push({ start: p.start + base, end: p.end + base, box: p.box });
}

/** Nothing between CJK text or digits; a space between Latin words. */
function joiner(left: string, right: string): string {
  const a = left[left.length - 1] ?? '';
  const b = right[0] ?? '';
  return LATIN.test(a) && LATIN.test(b) ? ' ' : '';
}

interface Line {
  items: PdfItem[];
  y: number;
  x: number;
  right: number;
  size: number;
}

/** Groups items into lines by baseline, top to bottom, each line left to right. */
function groupLines(items: PdfItem[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - item.y) <= Math.max(1, 0.45 * Math.min(line.size, item.h))) {
      line.items.push(item);
      line.size = Math.max(line.size, item.h);
    } else lines.push({ items: [item], y: item.y, x: 0, right: 0, size: item.h });
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    line.x = line.items[0].x;
    line.right = Math.max(...line.items.map((i) => i.x + i.w));
  }
  return lines;
}

/** A gap this many font sizes wide between two items on a line is a break between table cells. */
const CELL_GAP = 1;

const hasCellGap = (line: Line): boolean => line.items.some((item, k) => k > 0 && item.x - (line.items[k - 1].x + line.items[k - 1].w) > CELL_GAP * line.size);

/** One line's items as text: a space between Latin words, two spaces at a wide gap (a cell break). */
function lineFrag(line: Line, page: number): Frag {
  const frag: Frag = { text: '', pieces: [] };
  let prevRight = -Infinity;
  for (const item of line.items) {
    const add = itemFrag(item, page);
    if (add.text === '') continue;
    const gap = item.x - prevRight;
    let sep = joiner(frag.text, add.text);
    // two numbers apart on a line are two cells, however narrow the columns
    if (gap > CELL_GAP * line.size || (gap > 0.25 * line.size && /\d$/.test(frag.text) && /^\d/.test(add.text))) sep = '  ';
    else if (gap > 0.25 * line.size && !CJK.test(frag.text.slice(-1)) && !CJK.test(add.text[0])) sep = ' ';
    // a printed "|" apart from its neighbours is the text's own cell separator: not glued to them
    else if (gap > 0.15 * line.size && (frag.text.endsWith('|') || add.text.startsWith('|'))) sep = ' ';
    appendFrag(frag, add, sep);
    prevRight = Math.max(prevRight, item.x + item.w);
  }
  return frag;
}

// ---- ruling lines → table cells ------------------------------------------------------------

const RULE_SLACK = 2;

interface CellKey {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The nearest rules around a point, each one spanning it; null when the point is not enclosed. */
function enclosingCell(px: number, py: number, horizontal: Rule[], vertical: Rule[]): CellKey | null {
  let top = Infinity;
  let bottom = -Infinity;
  let left = -Infinity;
  let right = Infinity;
  let topRule: Rule | null = null;
  for (const r of horizontal) {
    if (px < r.x0 - RULE_SLACK || px > r.x1 + RULE_SLACK) continue;
    if (r.y0 > py && r.y0 < top) [top, topRule] = [r.y0, r];
    if (r.y0 < py && r.y0 > bottom) bottom = r.y0;
  }
  let leftRule: Rule | null = null;
  let rightRule: Rule | null = null;
  for (const r of vertical) {
    if (py < r.y0 - RULE_SLACK || py > r.y1 + RULE_SLACK) continue;
    if (r.x0 < px && r.x0 > left) [left, leftRule] = [r.x0, r];
    if (r.x0 > px && r.x0 < right) [right, rightRule] = [r.x0, r];
  }
  // the side rules end where the cell does: a producer that leaves out a stretch of a row's
  // border (LibreOffice) would otherwise put the cell's top at a rule far above, or none
  // and a row's rule ends at the table's edge where a stretch of the side rule was left out (the
  // other side's rule running from the row's top rule to its bottom one)
  const spansRow = (r: Rule) => r.y0 <= bottom + RULE_SLACK && r.y1 >= top - RULE_SLACK;
  if (topRule && !rightRule && leftRule && spansRow(leftRule) && topRule.x1 > px) right = topRule.x1;
  if (topRule && !leftRule && rightRule && spansRow(rightRule) && topRule.x0 < px) left = topRule.x0;
  if (leftRule && rightRule) {
    top = Math.min(top, leftRule.y1, rightRule.y1);
    bottom = Math.max(bottom, leftRule.y0, rightRule.y0);
  }
  if (!Number.isFinite(top + bottom + left + right)) return null;
  return { top, bottom, left, right };
}

const isWide = (c: string) => CJK.test(c);

/**
 * An item drawn across vertical rules (a producer joining the runs of neighbouring cells, "0 0 218")
 * is cut at each rule: at a space next to it when there is one, else where the glyph widths put it.
 */
function splitAtRules(item: PdfItem, vertical: Rule[]): PdfItem[] {
  const midY = item.y + item.h * 0.3;
  const cuts = vertical
    .filter((r) => r.x0 > item.x + 1 && r.x0 < item.x + item.w - 1 && midY >= r.y0 - RULE_SLACK && midY <= r.y1 + RULE_SLACK)
    .map((r) => r.x0)
    .sort((a, b) => a - b);
  if (cuts.length === 0 || item.str.length < 2) return [item];
  const chars = [...item.str];
  const units = chars.map((c) => (isWide(c) ? 1 : 0.55));
  const scale = item.w / units.reduce((a, b) => a + b, 0);
  const edges = [0];
  for (const u of units) edges.push(edges[edges.length - 1] + u * scale);
  const at: number[] = [];
  for (const x of cuts) {
    let best = 1;
    for (let k = 1; k < chars.length; k++) if (Math.abs(item.x + edges[k] - x) < Math.abs(item.x + edges[best] - x)) best = k;
    for (const k of [best, best - 1, best + 1, best - 2, best + 2]) {
      if (k > 0 && k < chars.length && (chars[k] === ' ' || chars[k - 1] === ' ')) {
        best = k;
        break;
      }
    }
    if (!at.includes(best)) at.push(best);
  }
  at.sort((a, b) => a - b);
  const parts: PdfItem[] = [];
  let from = 0;
  for (const k of [...at, chars.length]) {
    const str = chars.slice(from, k).join('');
    if (str.trim() !== '') parts.push({ str, x: item.x + edges[from], y: item.y, w: edges[k] - edges[from], h: item.h });
    from = k;
  }
  return parts;
}

/**
 * The row's ruled cells that hold no text between two cells of numbers: between two vertical
 * rules crossing the row, under a rule at the row's top (a cell continuing a merge from the row
 * above has none, and is not repeated). Written as empty cells, so the numbers keep their columns.
 */
function emptyCells(row: { top: number; cells: { key: CellKey; items: PdfItem[] }[] }, horizontal: Rule[], vertical: Rule[]): { key: CellKey; items: PdfItem[] }[] {
  const bottom = Math.max(...row.cells.map((c) => c.key.bottom));
  const mid = (row.top + bottom) / 2;
  const xs = vertical
    .filter((r) => r.y0 <= mid && r.y1 >= mid)
    .map((r) => r.x0)
    .sort((a, b) => a - b)
    .filter((x, k, all) => k === 0 || x - all[k - 1] > RULE_SLACK);
  const added: { key: CellKey; items: PdfItem[] }[] = [];
  // only from the row's first cell of numbers on: a row's leading cells may continue merges from
  // the page before (the table's top rule is drawn again), and beside a label a producer may draw
  // a column rule through a merged cell; after its last number up to the table's edge (an empty
  // total column), so every number keeps its column counted from either side
  const numeric = row.cells.filter((c) => c.items.length > 0 && c.items.every((i) => NUMBER_ONLY.test(i.str)));
  if (numeric.length < 1) return [];
  const first = Math.min(...numeric.map((c) => c.key.left));
  // a row the page's top edge cut open (the page break fell above it, no rule drawn at or above
  // its top): its column rules bound its empty cells all the same
  const cutOpen = !horizontal.some((r) => r.y0 >= row.top - RULE_SLACK);
  for (let k = 0; k + 1 < xs.length; k++) {
    const [left, right] = [xs[k], xs[k + 1]];
    const x = (left + right) / 2;
    if (right - left <= 4 || x < first || row.cells.some((c) => c.key.left < x && c.key.right > x)) continue;
    if (!horizontal.some((r) => Math.abs(r.y0 - row.top) <= RULE_SLACK && r.x0 - RULE_SLACK <= x && r.x1 + RULE_SLACK >= x) && !cutOpen) continue;
    added.push({ key: { top: row.top, bottom, left, right }, items: [] });
  }
  return added;
}

const NUMBER_ONLY = /^[\s\d,.]+$/;
/** Ends in three or more figures set apart by spaces: a table row's cells (after its label, or alone). */
const FIGURE_ROW = /(?:^|[^\d,.])\d[\d,.]*(?:\s+\d[\d,.]*){2,}$/;

/**
 * A "cell" of numbers crossed by a row rule that ends at its edge is two or more cells whose
 * border was not drawn (a producer dropping one cell's border): it is cut at those rules, so
 * each number stays in the row it is printed in. A merged label cell is never cut (only numbers are).
 */
function splitAtRowRules(cell: { key: CellKey; items: PdfItem[] }, horizontal: Rule[]): { key: CellKey; items: PdfItem[] }[] {
  if (!cell.items.every((i) => NUMBER_ONLY.test(i.str))) return [cell];
  const { top, bottom, left, right } = cell.key;
  const touches = (r: Rule) => Math.abs(r.x1 - left) <= RULE_SLACK || Math.abs(r.x0 - right) <= RULE_SLACK;
  const cuts = [...new Set(horizontal.filter((r) => r.y0 < top - RULE_SLACK && r.y0 > bottom + RULE_SLACK && touches(r)).map((r) => r.y0))].sort((a, b) => b - a);
  if (cuts.length === 0) return [cell];
  const edges = [top, ...cuts, bottom];
  const parts: { key: CellKey; items: PdfItem[] }[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const items = cell.items.filter((i) => {
      const y = i.y + i.h * 0.3;
      return y < edges[k] && y >= edges[k + 1];
    });
    if (items.length > 0) parts.push({ key: { top: edges[k], bottom: edges[k + 1], left, right }, items });
  }
  return parts.length > 1 || parts[0]?.key.top !== top ? parts : [cell];
}

interface Block {
  /** Top y, for reading order. */
  y: number;
  x: number;
  frag: Frag;
  /** A table row or a line of the margins (never joined into a paragraph). */
  kind: 'text' | 'row';
  line?: Line;
  /** A ruled table row's cells (their rules' x), left to right. */
  cells?: RowCell[];
  /** A borderless table's row: its cells are where their text lies (no rules). */
  borderless?: boolean;
}

interface RowCell {
  left: number;
  right: number;
  frag: Frag;
}

/** Collinear vertical rules that meet or overlap are one rule (a border drawn cell by cell). */
function joinVertical(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  for (const r of [...rules].sort((a, b) => a.y0 - b.y0)) {
    const joined = out.find((o) => Math.abs(o.x0 - r.x0) <= 0.5 && r.y0 <= o.y1 + RULE_SLACK);
    if (joined) joined.y1 = Math.max(joined.y1, r.y1);
    else out.push({ ...r });
  }
  return out;
}

function tableBlocks(items: PdfItem[], rules: Rule[], page: PdfPageContent): { blocks: Block[]; rest: PdfItem[] } {
  const horizontal = rules.filter((r) => r.y0 === r.y1 && r.x1 - r.x0 > 4);
  const vertical = joinVertical(rules.filter((r) => r.x0 === r.x1 && r.y1 - r.y0 > 4));
  if (horizontal.length < 2 || vertical.length < 2) return { blocks: [], rest: items };
  const cells = new Map<string, { key: CellKey; items: PdfItem[] }>();
  const rest: PdfItem[] = [];
  for (const item of items.flatMap((i) => splitAtRules(i, vertical))) {
    const key = enclosingCell(item.x + item.w / 2, item.y + item.h * 0.3, horizontal, vertical);
    // a frame around the page or a text box is not a table cell (a tall narrow one is: a label merged down many rows)
    const width = key ? key.right - key.left : 0;
    if (!key || (key.top - key.bottom > page.height * 0.4 && width > page.width * 0.3) || width > page.width * 0.9) {
      rest.push(item);
      continue;
    }
    const id = `${key.top.toFixed(1)}:${key.bottom.toFixed(1)}:${key.left.toFixed(1)}:${key.right.toFixed(1)}`;
    const cell = cells.get(id) ?? { key, items: [] };
    cell.items.push(item);
    cells.set(id, cell);
  }
  // cells sharing a top rule (within the slack) form a row
  const sorted = [...cells.values()].flatMap((cell) => splitAtRowRules(cell, horizontal)).sort((a, b) => b.key.top - a.key.top || a.key.left - b.key.left);
  const rows: { top: number; cells: typeof sorted }[] = [];
  for (const cell of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.top - cell.key.top) <= RULE_SLACK) row.cells.push(cell);
    else rows.push({ top: cell.key.top, cells: [cell] });
  }
  for (const row of rows) row.cells.push(...emptyCells(row, horizontal, vertical));
  const blocks: Block[] = rows.map((row) => {
    row.cells.sort((a, b) => a.key.left - b.key.left);
    const cells = row.cells.map((cell) => {
      const text: Frag = { text: '', pieces: [] };
      let above: Line | null = null;
      for (const line of groupLines(cell.items)) {
        const lf = lineFrag(line, page.page);
        appendFrag(text, lf, above && brokeAtSpace(above, lf.text, text.text, cell.key) ? ' ' : joiner(text.text, lf.text));
        above = line;
      }
      // a cell's own "|" would read as a cell break
      text.text = text.text.replace(/\|/g, '/');
      return { left: cell.key.left, right: cell.key.right, frag: text };
    });
    return { y: row.top, x: row.cells[0].key.left, frag: rowFrag(cells), kind: 'row' as const, cells };
  });
  return { blocks, rest };
}

/**
 * A cell's line ending in a figure over one starting with a figure was broken inside one number
 * only where it was full; with room left in the cell for another of its digits (an em where no
 * item of figures alone measures one; the cell's padding taken as its left one) it broke at a
 * space (2015-07-27 / 16:32 is 2015-07-27 16:32, not 2015-07-2716:32).
 */
function brokeAtSpace(line: Line, next: string, text: string, cell: CellKey): boolean {
  if (!/\d$/.test(text) || !/^\d/.test(next)) return false;
  const room = cell.right - (line.x - cell.left) - line.right;
  return room >= (digitWidth(line) ?? line.size);
}

/** A row's cells as "a | b | c". */
function rowFrag(cells: RowCell[]): Frag {
  const frag: Frag = { text: '', pieces: [] };
  cells.forEach((cell, k) => {
    if (k > 0) frag.text += ' | ';
    appendFrag(frag, cell.frag, '');
  });
  return frag;
}

/**
 * A row broken by a page break: the first row of a page, with text but no digits, in fewer cells
 * than the last row of the page before, each under a cell of that row (same rules left and right),
 * is the rest of that row's wrapped labels ("1.本机关不掌握相关政" / "府信息"): its text joins
 * theirs. A header row repeated on the new page fills every cell, and is left alone. In a
 * borderless table, where no rule bounds a cell, the rest starts at its cell's left edge and does
 * not open a label of its own (an item number or ordinal starts a new row).
 */
function joinRowsAcrossPages(blocks: Block[]): void {
  const pageOf = (b: Block) => b.frag.pieces[0]?.box.page;
  for (let k = 1; k < blocks.length; k++) {
    const [prev, next] = [blocks[k - 1], blocks[k]];
    if (!prev.cells || !next.cells || pageOf(next) === pageOf(prev) || /\d/.test(next.frag.text)) continue;
    const filled = (cells: RowCell[]) => cells.filter((c) => c.frag.text !== '');
    if (filled(next.cells).length >= filled(prev.cells).length || !/\d/.test(prev.frag.text)) continue;
    const borderless = prev.borderless === true && next.borderless === true;
    if (prev.borderless !== next.borderless || (borderless && ITEM_START.test(next.frag.text))) continue;
    const sameCell = (p: RowCell, c: RowCell) => Math.abs(p.left - c.left) <= RULE_SLACK && (borderless || Math.abs(p.right - c.right) <= RULE_SLACK);
    const under = next.cells.map((c) => prev.cells!.find((p) => sameCell(p, c)));
    if (under.some((p) => !p)) continue;
    next.cells.forEach((c, j) => appendFrag(under[j]!.frag, c.frag, joiner(under[j]!.frag.text, c.frag.text)));
    prev.frag = rowFrag(prev.cells);
    blocks.splice(k, 1);
    k--;
  }
}

// ---- running headers and footers ------------------------------------------------------------

const PAGE_NUMBER = /^(?:[-—–~·•\s]*\d{1,4}[-—–~·•\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页|\d+\s*\/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$/i;

const MARGIN = 0.09;

/** A page number printed as the number alone. */
const BARE_NUMBER = /^\d{1,4}$/;

const marginKey = (text: string): string => text.replace(/\s+/g, '').replace(/\d+/g, '#');

/** A running header or footer is printed at the same height on every page. */
const REPEAT_SLACK = 1;

/**
 * The running headers, footers and page numbers of a page: peeled from its top and its bottom,
 * outermost first, while the line is in the margin and `isRunning` says so. A body line reaching
 * into the margin ("0 |" at the foot of a long page, above the page number) is kept.
 */
function runningLines(lines: Line[], page: PdfPageContent, isRunning: (line: Line, text: string, outermost: boolean) => boolean): Set<Line> {
  const texts = new Map(lines.map((l) => [l, lineFrag(l, page.page).text] as const));
  const sorted = lines.filter((l) => texts.get(l) !== '').sort((a, b) => b.y - a.y);
  const dropped = new Set<Line>();
  for (const order of [sorted, [...sorted].reverse()]) {
    for (const line of order) {
      if (!inMargin(line, page) || !isRunning(line, texts.get(line)!, line === order[0])) break;
      dropped.add(line);
    }
  }
  return dropped;
}

/** How far apart two numbers' edges or centres may be and still stand in one column. */
const COLUMN_SLACK = 3;

/** A line lined up (left edge, right edge or centre) with a number printed in the page's body: a table column's cell. */
function inNumberColumn(line: Line, page: PdfPageContent, lines: Line[]): boolean {
  const mid = (line.x + line.right) / 2;
  return lines.some(
    (other) =>
      other !== line &&
      !inMargin(other, page) &&
      other.items.some((it) => {
        if (!/^\d[\d,.]*$/.test(it.str.trim())) return false;
        return Math.abs(it.x - line.x) <= COLUMN_SLACK || Math.abs(it.x + it.w - line.right) <= COLUMN_SLACK || Math.abs(it.x + it.w / 2 - mid) <= COLUMN_SLACK;
      }),
  );
}

function inMargin(line: Line, page: PdfPageContent): boolean {
  const y = line.y - (page.y0 ?? 0);
  return y > page.height * (1 - MARGIN) || y < page.height * MARGIN;
}

// ---- the whole document ---------------------------------------------------------------------

/** Lays out a document's pages as one text with the boxes of its pieces. */
export function layoutPdfText(pages: PdfPageContent[]): LaidOutText {
  const perPage = pages.map((page) => {
    const { blocks, rest } = tableBlocks(page.items.filter((i) => i.str.trim() !== ''), page.rules, page);
    const { lines, gutter } = columnLines(rest, page.width);
    return { page, blocks, lines, gutter };
  });

  // margin lines repeated at the same height on several pages (digits aside) are running headers/footers
  const seenAt = new Map<string, { page: number; y: number; text: string }[]>();
  for (const { page, lines } of perPage) {
    for (const line of lines) {
      if (!inMargin(line, page)) continue;
      const key = marginKey(lineFrag(line, page.page).text);
      if (!seenAt.has(key)) seenAt.set(key, []);
      seenAt.get(key)!.push({ page: page.page, y: line.y - (page.y0 ?? 0), text: lineFrag(line, page.page).text });
    }
  }
  const repeatAt = Math.min(2, pages.length);
  const sameHeight = (line: Line, page: PdfPageContent, text: string) => {
    const y = line.y - (page.y0 ?? 0);
    return (seenAt.get(marginKey(text)) ?? []).filter((s) => Math.abs(s.y - y) <= REPEAT_SLACK);
  };
  // words, not a number alone (page numbers are PAGE_NUMBER's): "0 |" at the foot of two pages is body text
  const repeated = (line: Line, page: PdfPageContent, text: string): boolean =>
    pages.length > 1 && new Set(sameHeight(line, page, text).map((s) => s.page)).size >= repeatAt && /[\p{L}]/u.test(text);
  // A number alone at a page's edge may be a table's cell (a borderless table's last row at
  // the foot of a page, its first at the top): it is a page number only when it counts the
  // pages, that is it equals the page's index, or its offset from the index is shared by
  // another page's edge number (numbering that starts after a cover).
  const offsets = new Map<number, Set<number>>();
  for (const { page, lines } of perPage) {
    const edge = lines.filter((l) => inMargin(l, page)).sort((a, b) => b.y - a.y);
    for (const line of [edge[0], edge[edge.length - 1]]) {
      const text = line ? lineFrag(line, page.page).text.trim() : '';
      if (!BARE_NUMBER.test(text)) continue;
      const offset = Number(text) - page.page;
      if (!offsets.has(offset)) offsets.set(offset, new Set());
      offsets.get(offset)!.add(page.page);
    }
  }
  const countsPages = (page: PdfPageContent, text: string) =>
    !BARE_NUMBER.test(text) || Number(text) === page.page || (offsets.get(Number(text) - page.page)?.size ?? 0) >= 2;
  // A number alone that counts the pages may still be a cell whose value happens to equal the
  // page's index: told by its place, not its value. It is furniture when another page prints a
  // number alone at the same place, or when it stands outside the columns of the page's numbers.
  const edgeNumbers = perPage.flatMap(({ page, lines }) =>
    lines.filter((l) => inMargin(l, page) && BARE_NUMBER.test(lineFrag(l, page.page).text.trim())).map((l) => ({ page: page.page, y: l.y - (page.y0 ?? 0), mid: (l.x + l.right) / 2 })),
  );
  const placedOnOtherPage = (line: Line, page: PdfPageContent) =>
    edgeNumbers.some((e) => e.page !== page.page && Math.abs(e.y - (line.y - (page.y0 ?? 0))) <= REPEAT_SLACK && Math.abs(e.mid - (line.x + line.right) / 2) <= COLUMN_SLACK);
  const placedAsFurniture = (line: Line, page: PdfPageContent, lines: Line[], text: string) =>
    !BARE_NUMBER.test(text) || placedOnOtherPage(line, page) || !inNumberColumn(line, page, lines);
  // a page number is the outermost line, or one that counts the pages (another page prints another number there)
  const pageNumber = (line: Line, page: PdfPageContent, lines: Line[], text: string, outermost: boolean): boolean =>
    PAGE_NUMBER.test(text.trim()) &&
    countsPages(page, text.trim()) &&
    placedAsFurniture(line, page, lines, text.trim()) &&
    (outermost || sameHeight(line, page, text).some((s) => s.page !== page.page && s.text !== text));
  let droppedLines = 0;

  const blocks: Block[] = [];
  let carried: [number, number][] | null = null;
  for (const { page, blocks: rows, lines, gutter } of perPage) {
    const pageBlocks: Block[] = [...rows];
    const dropped = runningLines(lines, page, (line, text, outermost) => pageNumber(line, page, lines, text, outermost) || repeated(line, page, text));
    droppedLines += dropped.size;
    const borderless: TableRows | null = gutter === null ? borderlessTables(lines.filter((l) => !dropped.has(l)), page, carried) : null;
    carried = borderless?.columns ?? null;
    if (borderless) pageBlocks.push(...borderless.blocks);
    for (const line of lines) {
      if (dropped.has(line) || borderless?.used.has(line)) continue;
      const frag = lineFrag(line, page.page);
      if (frag.text === '') continue;
      pageBlocks.push({ y: line.y + line.size, x: line.x, frag, kind: 'text', line });
    }
    pageBlocks.sort((a, b) => b.y - a.y || a.x - b.x);
    headersOverRuledNumbers(pageBlocks, page.page);
    blocks.push(...(gutter === null ? pageBlocks : inColumnOrder(pageBlocks, gutter)));
  }

  joinRowsAcrossPages(blocks);
  joinLabelsAroundNumbers(blocks);

  // body margins: where most text lines start, and how far justified lines reach
  const textLines = blocks.filter((b) => b.kind === 'text').map((b) => b.line!);
  const left = mode(textLines.map((l) => Math.round(l.x)));
  // (of body lines: a report whose table cells print as short lines of their own has few)
  const rights = textLines.filter((l) => l.right - l.x >= 10 * l.size).map((l) => l.right).sort((a, b) => a - b);
  const right = rights.length ? rights[Math.floor(rights.length * 0.9)] : Infinity;

  // A paragraph's wrapped lines are one line pitch apart; paragraphs set apart by spacing are
  // further apart (a page's <p> margins: 30 against 18): the most common gap between lines that
  // would join is the pitch, and a line further below than that starts a paragraph of its own.
  const wraps = (a: Block, b: Block) => a.kind === 'text' && b.kind === 'text' && continues(a.line!, b.line!, left, right) && !HEADING.test(b.frag.text);
  const gap = (a: Block, b: Block) => (a.frag.pieces[0]?.box.page === b.frag.pieces[0]?.box.page ? a.line!.y - b.line!.y : null);
  const gaps = blocks.flatMap((b, k) => (k > 0 && wraps(blocks[k - 1], b) ? [gap(blocks[k - 1], b)] : [])).filter((g): g is number => g !== null);
  const pitch = gaps.length >= PITCH_SAMPLES ? mode(gaps.map((g) => Math.round(g))) : Infinity;
  const out: Frag = { text: '', pieces: [] };
  let prev: Block | null = null;
  for (const block of blocks) {
    let sep = '\n';
    if (prev && wraps(prev, block) && (gap(prev, block) ?? 0) <= PARAGRAPH_GAP * pitch) {
      sep = wrapJoiner(prev, block, right);
    }
    if (prev) appendFrag(out, block.frag, sep);
    else appendFrag(out, block.frag, '');
    prev = block;
  }
  const pieces: TextPiece[] = out.pieces.filter((p) => p.end > p.start).map((p) => ({ ...p.box, start: p.start, end: p.end }));
  return { text: out.text, pieces, droppedLines };
}

// ---- borderless tables ------------------------------------------------------------------------

const NUMBERS_LINE = /^\d[\d,.]*(?: {2}\d[\d,.]*)+$/;

/**
 * A borderless table centres a row's numbers between the two lines of its wrapped label
 * ("2.其他法律行政" / "0  0  0" / "法规禁止公开"): a line of numbers alone, between two label
 * lines that end left of its first number and sit within a line's height of it, becomes one
 * line "label  numbers". A label line with a cell gap of its own (two label columns) is left.
 */
function joinLabelsAroundNumbers(blocks: Block[]): void {
  for (let k = 1; k + 1 < blocks.length; k++) {
    const [above, numbers, below] = [blocks[k - 1], blocks[k], blocks[k + 1]];
    if (above.kind !== 'text' || numbers.kind !== 'text' || below.kind !== 'text') continue;
    if (!NUMBERS_LINE.test(numbers.frag.text)) continue;
    const [a, n, b] = [above.line!, numbers.line!, below.line!];
    const near = 1.6 * n.size;
    if (a.y - n.y > near || a.y <= n.y || n.y - b.y > near || n.y <= b.y) continue;
    if (a.right > n.x || b.right > n.x || hasCellGap(a) || hasCellGap(b)) continue;
    if (NUMBERS_LINE.test(above.frag.text) || NUMBERS_LINE.test(below.frag.text)) continue;
    const page = numbers.frag.pieces[0]?.box.page;
    if ([above, below].some((x) => x.frag.pieces.some((p) => p.box.page !== page))) continue;
    const frag: Frag = { text: '', pieces: [] };
    appendFrag(frag, above.frag, '');
    appendFrag(frag, below.frag, joiner(above.frag.text, below.frag.text));
    appendFrag(frag, numbers.frag, '  ');
    // a row of its own: never joined into a paragraph
    blocks.splice(k - 1, 3, { y: above.y, x: above.x, frag, kind: 'row' });
  }
}

// ---- multi-column pages -----------------------------------------------------------------------

const extentOf = (block: Block): [number, number] => {
  const boxes = block.frag.pieces.map((p) => p.box);
  return boxes.length === 0 ? [block.x, block.x] : [Math.min(...boxes.map((b) => b.x)), Math.max(...boxes.map((b) => b.x + b.w))];
};

/** Most values equal (within 2 units) to the most common one, as a share. */
const alignedShare = (xs: number[]): number => {
  const start = mode(xs.map((x) => Math.round(x / 2)));
  return xs.filter((x) => Math.abs(Math.round(x / 2) - start) <= 1).length / Math.max(1, xs.length);
};

/**
 * The x of a gutter between two columns of text, or null: a vertical strip in the middle of the
 * page that few lines cross, with at least 4 lines on each side, each side's lines starting at
 * one left edge (a column), as the x-gaps in the line starts show.
 */
function gutterOf(extents: [number, number][], width: number): number | null {
  if (extents.length < 8) return null;
  let best: { x: number; cross: number } | null = null;
  for (let x = Math.round(width * 0.3); x <= width * 0.7; x += 2) {
    const left = extents.filter(([, r]) => r <= x);
    const right = extents.filter(([l]) => l >= x);
    const cross = extents.length - left.length - right.length;
    if (left.length < 4 || right.length < 4 || cross > 0.2 * extents.length) continue;
    if (alignedShare(left.map(([l]) => l)) < 0.6 || alignedShare(right.map(([l]) => l)) < 0.6) continue;
    if (!best || cross < best.cross) best = { x, cross };
  }
  return best?.x ?? null;
}

/**
 * The page's lines; on a page printed in two columns, each column's lines apart (a line of the
 * left column and one of the right on one baseline are two lines). The gutter is found from the
 * line segments (lines cut at gaps wider than two font sizes).
 */
function columnLines(items: PdfItem[], width: number): { lines: Line[]; gutter: number | null } {
  const lines = groupLines(items);
  const segments: [number, number][] = [];
  const numeric: boolean[] = [];
  const figureRow: boolean[] = [];
  for (const line of lines) {
    let start = line.items[0].x;
    let end = start;
    let text = '';
    const push = () => {
      segments.push([start, end]);
      numeric.push(NUMBER_ONLY.test(text));
      figureRow.push(FIGURE_ROW.test(text.trim()));
    };
    for (const item of line.items) {
      if (item.x - end > 2 * line.size) {
        push();
        start = item.x;
        text = '';
      }
      // items set apart (figures in their cells) keep a space between them
      text += (text !== '' && item.x - end > 0.25 * line.size ? ' ' : '') + item.str;
      end = Math.max(end, item.x + item.w);
    }
    push();
  }
  let gutter = gutterOf(segments, width);
  // labels beside a column of numbers are a table, not two columns of text
  const beyond = segments.flatMap(([l], k) => (gutter !== null && l >= gutter ? [k] : []));
  if (beyond.filter((k) => numeric[k]).length > 0.5 * beyond.length) gutter = null;
  // rows of figures beyond it (three or more set apart) are a table's rows, its labels wrapped
  // over many lines beside them (a table cut by a page break, its group labels alone on the left)
  if (beyond.filter((k) => figureRow[k]).length >= 2) gutter = null;
  if (gutter === null) return { lines, gutter };
  const left = items.filter((i) => i.x + i.w <= gutter);
  const right = items.filter((i) => i.x >= gutter);
  const across = items.filter((i) => i.x < gutter && i.x + i.w > gutter);
  return { lines: [...groupLines(left), ...groupLines(right), ...groupLines(across)], gutter };
}

/**
 * A page printed in two columns is read column by column: between two blocks that cross the
 * gutter (a title, a full-width table), the left column's blocks, then the right column's.
 */
function inColumnOrder(blocks: Block[], gutter: number): Block[] {
  const out: Block[] = [];
  let left: Block[] = [];
  let right: Block[] = [];
  const flush = () => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const block of blocks) {
    const [l, r] = extentOf(block);
    if (r <= gutter + 1) left.push(block);
    else if (l >= gutter - 1) right.push(block);
    else {
      flush();
      out.push(block);
    }
  }
  flush();
  return out;
}

/** Wrapped lines measured before their most common gap is taken as the line pitch. */
const PITCH_SAMPLES = 3;
/** A gap this many line pitches wide (or wider) between two lines is paragraph spacing. */
const PARAGRAPH_GAP = 1.4;

/** A numbered heading starts its own line even when the line above is full. */
const HEADING = /^\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[章节部分])/;

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  let best = values[0] ?? 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > (counts.get(best) ?? 0)) best = v;
  }
  return best;
}

/** A digit's or Latin letter's width where it is not measured, as a share of the font size: the least of common fonts'. */
const DIGIT_WIDTH = 0.5;

/** The first word of a line that starts with Latin letters or figures ("0" of "0 |"), or null. */
const FIRST_WORD = /^[^\s\u3000-\u9fff\uff00-\uffef]+/;

/** The line reaches the right margin and the next starts at the left margin in the same size. */
function continues(a: Line, b: Line, left: number, right: number): boolean {
  const size = Math.max(a.size, b.size);
  // a line is wrapped only where the next word did not fit: room left for the next line's first
  // word (half an em a letter or figure) and an em more ended the line ("…申请数量 |" above "0 |")
  const word = FIRST_WORD.exec(b.items[0].str.trimStart())?.[0];
  if (word && right - a.right >= (word.length * DIGIT_WIDTH + 1) * size) return false;
  // the next line's first word as printed (an item of its own), or at most 0.6 em a character
  const wordWidth = !word ? 0 : b.items[0].str.trim() === word ? b.items[0].w : word.length * 0.6 * size;
  return (
    // ragged right: a line breaks up to two characters early (punctuation may not start a line),
    // or early by the next line's first word when it is Latin or figures (…上年結 / (zhuǎn)申請)
    a.right >= right - Math.max(2.5 * size, wordWidth + 0.5 * size) &&
    // a body line, not a short one that happens to end where the others do
    a.right - a.x >= 10 * size &&
    b.x <= left + 0.6 * size &&
    Math.abs(a.size - b.size) <= 0.15 * size &&
    !hasCellGap(a) &&
    !hasCellGap(b)
  );
}

/** A line's text ending in figures set apart: "0 0 0 0". */
const SPACED_FIGURES_END = /\d\s+\d+$/;
/** An item of figures alone ("1", "2100000"), whose width measures the print's digit. */
const FIGURES_ONLY = /^\d+$/;

/**
 * The width of a digit in the line's own print (an item of figures alone: its width by its
 * count), or null when no item is figures alone. Fonts' digits are wider than half an em (Arial
 * 0.556, DejaVu Sans 0.636), so a constant would take a full line for one with room left.
 */
function digitWidth(line: Line): number | null {
  const figures = line.items.filter((i) => FIGURES_ONLY.test(i.str));
  return figures.length ? figures[figures.length - 1].w / figures[figures.length - 1].str.length : null;
}

/**
 * What a wrapped line and the next are joined by. A line that ends in a figure, followed by one
 * that starts with a figure, was broken either inside one number (only where the line is full: a
 * producer breaking anywhere) or at the space between two numbers. Room for another digit of the
 * line's own print proves the space. Short of that proof, a lone number (…总数为1⏎2件) is one
 * number broken; a line ending in figures set apart ("0 0 0 0⏎0 0 0", a table flattened into
 * prose) broke at the space when room for half an em was left.
 */
function wrapJoiner(prev: Block, next: Block, right: number): string {
  const a = prev.line!;
  if (/\d$/.test(prev.frag.text) && /^\d/.test(next.frag.text)) {
    const room = right - a.right;
    const digit = digitWidth(a);
    if (digit !== null && room >= digit) return '  ';
    if (SPACED_FIGURES_END.test(prev.frag.text) && room >= DIGIT_WIDTH * a.size) return '  ';
  }
  return joiner(prev.frag.text, next.frag.text);
}

/** The box of the text [start, end): the pieces it covers on its first page, united. */
export function boxOfSpan(pieces: readonly TextPiece[], start: number, end: number): PdfBox | null {
  let box: PdfBox | null = null;
  for (const p of pieces) {
    if (p.end <= start || p.start >= end) continue;
    const n = p.end - p.start;
    const from = Math.max(start, p.start) - p.start;
    const to = Math.min(end, p.end) - p.start;
    const x = p.x + (p.w * from) / n;
    const w = (p.w * (to - from)) / n;
    if (!box) box = { page: p.page, x, y: p.y, w, h: p.h };
    else if (box.page === p.page) {
      const x0 = Math.min(box.x, x);
      const y0 = Math.min(box.y, p.y);
      const x1 = Math.max(box.x + box.w, x + w);
      const y1 = Math.max(box.y + box.h, p.y + p.h);
      box = { page: box.page, x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
    }
  }
  if (!box) return null;
  const round = (v: number) => Math.round(v * 10) / 10;
  return { page: box.page, x: round(box.x), y: round(box.y), w: round(box.w), h: round(box.h) };
}

// ---- borderless tables ------------------------------------------------------------------------

/** A table cell's number as printed: digits, maybe a decimal part, a unit or a percent. */
const NUM_CELL = /^\d[\d,]*(?:\.\d+)?(?:万?元|%)?$/;
const NUMBER_RUN = /^\s*\d[\d,.]*(?:\s+\d[\d,.]*)+\s*$/;

/** A label's end and the figures after it, set apart by a space (") 0": a label filling its cell up to the next one's figure). */
const LABEL_THEN_NUMBERS = /^(.*[^\d\s,.])(\s+\d[\d,.]*(?:\s+\d[\d,.]*)*\s*)$/;

/**
 * An item of several numbers ("1 859") or of a label's end and numbers (") 0"), a producer joining
 * neighbouring cells, as one item per number (and the label's part): each part as wide as its
 * characters (a CJK character a font size, others about half of one).
 */
function splitNumberRun(item: PdfItem): PdfItem[] {
  const head = NUMBER_RUN.test(item.str) ? '' : LABEL_THEN_NUMBERS.exec(item.str)?.[1];
  if (head === undefined) return [item];
  const units = item.str.split('').map((c) => (isWide(c) ? 1 : 0.55));
  const scale = item.w / units.reduce((a, b) => a + b, 0);
  const at = (index: number) => item.x + units.slice(0, index).reduce((a, b) => a + b, 0) * scale;
  const part = (str: string, index: number) => ({ ...item, str, x: at(index), w: at(index + str.length) - at(index) });
  const numbers = [...item.str.slice(head.length).matchAll(/\S+/g)].map((m) => part(m[0], head.length + m.index));
  return head ? [part(head, 0), ...numbers] : numbers;
}

interface Segment {
  items: PdfItem[];
  x0: number;
  x1: number;
  y: number;
  size: number;
}

interface NumberLine {
  line: Line;
  label: PdfItem[];
  cells: PdfItem[];
}

/** A line ending in cells of numbers, each apart from what precedes it: its label items and its numbers. */
function numberLine(line: Line): NumberLine | null {
  const tokens = line.items.flatMap(splitNumberRun).filter((t) => t.str.trim() !== '');
  let k = tokens.length;
  while (k > 0 && NUM_CELL.test(tokens[k - 1].str.trim())) k--;
  const apart = (j: number) => j === 0 || tokens[j].x - (tokens[j - 1].x + tokens[j - 1].w) >= 0.4 * line.size;
  while (k < tokens.length && !apart(k)) k++;
  const cells = tokens.slice(k);
  if (cells.length === 0 || cells.some((c, j) => j > 0 && !apart(k + j))) return null;
  const label = tokens.slice(0, k);
  if (RUN_IN_LABEL.test(label.map((t, j) => (j > 0 && t.x - (label[j - 1].x + label[j - 1].w) > 0.25 * line.size ? ' ' : '') + t.str).join(''))) return null;
  return { line, label, cells };
}

/** A row label's item number: 1. 2、 （六） 三、 */
const ITEM_START = /^\s*(?:\d{1,2}[.、．](?!\d)|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/;

/** A line's item number and its style ("2." and "2、" are one style): 2.其他… → { style: 'arabic', value: 2 }. */
function itemNumber(text: string): { style: string; value: number } | null {
  const m = ITEM_START.exec(text);
  if (!m) return null;
  const arabic = /\d+/.exec(m[0]);
  if (arabic) return { style: 'arabic', value: Number(arabic[0]) };
  const numeral = /[一二三四五六七八九十]+/.exec(m[0])!;
  const value = parseChineseNumeral(numeral[0]);
  return value === null ? null : { style: /[（(]/.test(m[0]) ? 'bracketed' : 'numeral', value };
}

/**
 * Numbers apart inside the text before a line's last numbers: a row's cells with the next row's
 * label after them, that is running text holding a table's rows (a text report wrapped into
 * lines), not a row of a table laid out in columns.
 */
const RUN_IN_LABEL = /(?:^|[^\d.,])\d[\d,]*\s+\d[\d,]*(?=\s|$|[^\d.,])/;

const lineText = (line: Line) => line.items.map((i) => i.str).join('');
/** Where a row's figures start. */
const figuresLeft = (r: NumberLine) => Math.min(...r.cells.map((c) => c.x));
/** Where a line's text ends: its last item that is not a space (a producer draws the space up to the next cell). */
const inkRight = (line: Line) => Math.max(line.x, ...line.items.filter((i) => i.str.trim() !== '').map((i) => i.x + i.w));

/**
 * A row's item number: at the start of its label, or of the label line just above it when its
 * label is wrapped around its figures (1.属于国家秘 over 14, 密 under it).
 */
function rowNumber(sorted: Line[], parsed: (NumberLine | null)[], j: number): ReturnType<typeof itemNumber> {
  const own = itemNumber(parsed[j]!.label.map((i) => i.str).join(''));
  if (own || j === 0 || parsed[j - 1] || sorted[j - 1].y - sorted[j].y > 1.8 * sorted[j].size) return own;
  return itemNumber(lineText(sorted[j - 1]));
}

function segmentsOf(items: PdfItem[], size: number, gap = 0.15): Segment[] {
  const out: Segment[] = [];
  for (const item of [...items].sort((a, b) => a.x - b.x)) {
    const last = out[out.length - 1];
    if (last && item.x - last.x1 < gap * size) {
      last.items.push(item);
      last.x1 = Math.max(last.x1, item.x + item.w);
      last.y = Math.max(last.y, item.y);
    } else out.push({ items: [item], x0: item.x, x1: item.x + item.w, y: item.y, size });
  }
  return out;
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0);

/** Column extents: the x-ranges of the numbers over the whole table, overlapping ranges united. */
function numberColumns(cells: PdfItem[]): [number, number][] {
  const columns: [number, number][] = [];
  for (const c of [...cells].sort((a, b) => a.x - b.x)) {
    const last = columns[columns.length - 1];
    if (last && c.x <= last[1]) last[1] = Math.max(last[1], c.x + c.w);
    else columns.push([c.x, c.x + c.w]);
  }
  return columns;
}

/**
 * Columns no number fills: header cells above the table that lie over no number column and over
 * one column's width at most (a header spanning several columns, "法人或其他组织", adds none).
 * A cell shows as a column when it stands a cell gap apart on its line, is stacked over lines
 * ("社会/公益/组织") or is a word (two characters or more: "企业 其他", set close in a narrow
 * header); a lone glyph set closer than a cell gap to a neighbour ("科研 機" of a cell that
 * wrapped unevenly) is part of that neighbour: a column too many shifts every figure after it.
 */
function headerColumns(columns: [number, number][], header: Segment[]): [number, number][] {
  const all = [...columns];
  const sameLine = (a: Segment, b: Segment) => a !== b && Math.abs(a.y - b.y) <= 0.5 * a.size;
  const apart = (s: Segment) => !header.some((t) => sameLine(s, t) && Math.min(Math.abs(t.x0 - s.x1), Math.abs(s.x0 - t.x1)) < CELL_GAP * s.size);
  const glyphs = (s: Segment) => [...s.items.map((i) => i.str).join('').replace(/\s/g, '')].length;
  const stacked = (s: Segment) => header.some((t) => t !== s && !sameLine(s, t) && Math.abs(t.x0 - s.x0) <= 1);
  for (const s of [...header].sort((a, b) => a.x1 - a.x0 - (b.x1 - b.x0))) {
    if (all.some(([l, r]) => overlap(l, r, s.x0, s.x1) > 0)) continue;
    if (!apart(s) && !stacked(s) && glyphs(s) === 1) continue;
    all.push([s.x0, s.x1]);
  }
  // a header cell wider than the gap it sits in spans columns: dropped when it overlaps another
  return all.sort((a, b) => a[0] - b[0]);
}

interface TableRows {
  blocks: Block[];
  used: Set<Line>;
  columns: [number, number][] | null;
}

/**
 * Tables printed without rules. Rows are the lines ending in numbers; columns are the x-ranges of
 * all the table's numbers and of its header cells over no number, so an empty cell is an empty
 * column, not a shift. Label lines between the rows are grouped into cells (lines one line-pitch
 * apart, overlapping in x), and each cell goes to the row whose numbers it is printed beside (a
 * wrapped label is centred on them); a label beside no numbers is a row of its own. Written as
 * "label | n | | n", like a ruled table.
 */
function borderlessTables(lines: Line[], page: PdfPageContent, carried: [number, number][] | null): TableRows {
  const sorted = [...lines].sort((a, b) => b.y - a.y);
  const parsed = sorted.map((l) => numberLine(l));
  const used = new Set<Line>();
  const blocks: Block[] = [];
  let lastColumns: [number, number][] | null = null;
  let k = 0;
  while (k < sorted.length) {
    if (!parsed[k]) {
      k++;
      continue;
    }
    // a table: number lines, with only label lines (left of its numbers) between them
    const rows: NumberLine[] = [parsed[k]!];
    let numLeft = Math.min(...parsed[k]!.cells.map((c) => c.x));
    let end = k;
    // the last row, or label of a row whose cells are all blank ("2.其他法律行政法规禁止公开"
    // printing no figure): rows without figures go on the table as far as rows with them do, when
    // they go on the numbering of the rows with figures (2. after 1.); a list numbered on its own
    // (1.加强组织领导 … 10.加强宣传 under the table) is not the table's
    let reach = sorted[k].y;
    const numbering = new Map<string, number>();
    const countRow = (j: number) => {
      const number = rowNumber(sorted, parsed, j);
      if (number) numbering.set(number.style, number.value);
    };
    countRow(k);
    // a label line right of the table's first figures, left of those of the row just above or
    // below it: the wrapped label of a row with a cell more than the others (三、本年度办理结果 |
    // (一)予以 / 公开 | figures), not text beside the table
    const wrappedBeside = (j: number) =>
      [j - 1, j + 1].some((n) => parsed[n] && inkRight(sorted[j]) <= figuresLeft(parsed[n]!) + 1 && Math.abs(sorted[j].y - sorted[n].y) <= 1.8 * sorted[j].size);
    for (let j = k + 1; j < sorted.length; j++) {
      const p = parsed[j];
      if (p) {
        const left = Math.min(...p.cells.map((c) => c.x));
        if (p.label.some((i) => i.x + i.w > Math.min(numLeft, left) + 1)) break;
        rows.push(p);
        numLeft = Math.min(numLeft, left);
        end = j;
        reach = sorted[j].y;
        countRow(j);
      } else if ((inkRight(sorted[j]) > numLeft + 1 && !wrappedBeside(j)) || sorted[j].y < reach - 8 * sorted[j].size) break;
      else {
        const number = itemNumber(lineText(sorted[j]));
        if (number && numbering.get(number.style) === number.value - 1) {
          reach = sorted[j].y;
          numbering.set(number.style, number.value);
        }
      }
    }
    // label lines: those between the rows, and wrapped lines just above and below them
    const labelLines: Line[] = sorted.slice(k, end + 1).filter((_, j) => !parsed[k + j]);
    // (left of the figures of the row they are wrapped around: a row may have a cell more than the others)
    for (let j = k - 1; j >= 0 && !parsed[j] && inkRight(sorted[j]) <= figuresLeft(rows[0]) + 1 && sorted[j].y - sorted[j + 1].y <= 1.8 * sorted[j].size; j--) labelLines.push(sorted[j]);
    for (let j = end + 1; j < sorted.length && !parsed[j] && inkRight(sorted[j]) <= figuresLeft(rows[rows.length - 1]) + 1 && sorted[j - 1].y - sorted[j].y <= 1.8 * sorted[j].size; j++) labelLines.push(sorted[j]);
    // the header: lines above the table up to a heading, a line of numbers or a line across the whole table
    const header: Segment[] = [];
    const headerLines: Line[] = [];
    const cellsAll = rows.flatMap((r) => r.cells);
    let columns = numberColumns(cellsAll);
    const tableRight = Math.max(...cellsAll.map((c) => c.x + c.w));
    for (let j = k - 1, below = sorted[k].y; j >= 0 && j >= k - 16; j--) {
      const line = sorted[j];
      const text = lineFrag(line, page.page).text;
      // a line holding figures apart is running text with a table's rows in it, not a header
      if (below - line.y > 3 * line.size || parsed[j] || used.has(line)) break;
      // a row's label wrapped around its figures ("一、本年新收…" above them, "数量" below) is
      // the table's own line, not a heading over it: the header goes on above it
      if (labelLines.includes(line)) {
        below = line.y;
        continue;
      }
      if (HEADING.test(text) || RUN_IN_LABEL.test(text)) break;
      const segs = segmentsOf(line.items.filter((i) => i.x + i.w > numLeft + 1), line.size, 0.15);
      if (segs.some((s) => s.x1 - s.x0 >= 0.9 * (tableRight - numLeft))) break;
      below = line.y;
      header.push(...segs);
      headerLines.push(line);
    }
    const strong = rows.filter((r) => r.cells.length >= 2).length;
    // one row of numbers under a header of its own columns is a table too (the review/litigation row)
    const single = rows.length === 1 && rows[0].cells.length >= 3 && header.length >= rows[0].cells.length;
    if ((rows.length < 2 || strong < 1) && !single) {
      k = end + 1;
      continue;
    }
    columns = headerColumns(columns, header);
    // a table without a header continuing one above (on this page or the page before) keeps its columns
    const known: [number, number][] | null = lastColumns ?? carried;
    if (header.length === 0 && known && columns.every(([l, r]) => known.some(([cl, cr]) => overlap(l, r, cl, cr) > 0))) columns = known;
    lastColumns = columns;

    // label cells: segments one line-pitch apart and overlapping in x form one cell
    const segments = [...rows.flatMap((r) => segmentsOf(r.label, r.line.size)), ...labelLines.flatMap((l) => segmentsOf(l.items, l.size))].sort((a, b) => b.y - a.y || a.x0 - b.x0);
    const gaps: number[] = [];
    for (const s of segments) {
      const above = segments.filter((t) => t.y > s.y + 0.5 * s.size && overlap(t.x0, t.x1, s.x0, s.x1) > 0);
      if (above.length) gaps.push(Math.min(...above.map((t) => t.y)) - s.y);
    }
    const pitch = gaps.length ? Math.min(...gaps) : Infinity;
    // A cell holding two paragraphs prints a blank line inside its label; its row's figures,
    // centred on the cell, may fall in that gap with no label line beside them. The label goes
    // on across the gap when the figures there have no label of their own and no row lies beside
    // the lines above it.
    const beside = (c: Segment[], r: NumberLine) => r.line.y >= c[c.length - 1].y - 0.5 * c[0].size && r.line.y <= c[0].y + 0.5 * c[0].size;
    const figuresInGap = (c: Segment[], s: Segment): boolean => {
      const last = c[c.length - 1];
      if (last.y - s.y > 4 * pitch || rows.some((r) => beside(c, r))) return false;
      // a blank line: nothing printed in the label's column between the two paragraphs
      if (segments.some((t) => t.y < last.y - 0.5 * s.size && t.y > s.y + 0.5 * s.size && overlap(t.x0, t.x1, s.x0, s.x1) > 0)) return false;
      const inGap = rows.filter((r) => r.line.y < last.y - 0.5 * s.size && r.line.y > s.y + 0.5 * s.size);
      return inGap.length === 1 && inGap[0].label.length === 0;
    };
    const cellsOfLabels: Segment[][] = [];
    for (const s of segments) {
      // a line starting with an item number ("1.", "（六）") starts a label of its own
      const numbered = ITEM_START.test(s.items.map((i) => i.str).join(''));
      const open = !numbered && cellsOfLabels.find((c) => {
        const last = c[c.length - 1];
        // lines of one cell are aligned: on the left, on the right or about their centres
        const aligned = Math.abs(last.x0 - s.x0) <= 1 || Math.abs(last.x1 - s.x1) <= 1 || Math.abs(last.x0 + last.x1 - s.x0 - s.x1) <= 2;
        if (!(last.y > s.y && aligned && overlap(last.x0, last.x1, s.x0, s.x1) > 0)) return false;
        return last.y - s.y <= pitch + 0.6 || figuresInGap(c, s);
      });
      if (open) open.push(s);
      else cellsOfLabels.push([s]);
    }
    const rowLabels = new Map<NumberLine, Segment[][]>(rows.map((r) => [r, []]));
    const own: { y: number; segs: Segment[] }[] = [];
    const top = rows[0].line.y;
    const bottom = rows[rows.length - 1].line.y;
    for (const cell of cellsOfLabels) {
      const hi = cell[0].y + 0.5 * cell[0].size;
      const lo = cell[cell.length - 1].y - 0.5 * cell[0].size;
      const beside = rows.filter((r) => r.line.y >= lo && r.line.y <= hi);
      if (beside.length === 0) {
        // above or below the table: not its label, unless the page opens with it above a table
        // going on from the page before (the rest of a label the page break cut, joined later)
        const rest =
          lo > top &&
          carried !== null &&
          blocks.length === 0 &&
          sorted[0].items.includes(cell[0].items[0]) &&
          cell.every((seg) => seg.x1 <= numLeft) &&
          !ITEM_START.test(cell[0].items.map((i) => i.str).join(''));
        if (hi < bottom || (lo > top && !rest)) continue;
        own.push({ y: (hi + lo) / 2, segs: cell });
        continue;
      }
      splitAmongRows(cell, beside).forEach((segs, j) => {
        if (segs.length > 0) rowLabels.get(beside[j])!.push(segs);
      });
      for (const s of cell) for (const l of labelLines) if (l.items.includes(s.items[0])) used.add(l);
    }
    for (const { segs } of own) for (const s of segs) for (const l of labelLines) if (l.items.includes(s.items[0])) used.add(l);

    const labelFrag = (segs: Segment[]) => segmentsFrag(segs, page.page);
    const emit = (y: number, labels: Segment[][], numbers: PdfItem[]) => {
      const cells: RowCell[] = [...labels].sort((a, b) => Math.min(...a.map((s) => s.x0)) - Math.min(...b.map((s) => s.x0))).map((segs) => ({ left: segs[0].x0, right: segs[0].x1, frag: labelFrag(segs) }));
      if (numbers.length > 0) {
        // a column the row's own label is printed over is no cell of the row (a row with a cell
        // more than the rows around it: 三、本年度办理结果 | (一)予以公开 | figures)
        for (const [l, r] of columns) {
          if (cells.some((c) => overlap(c.left, c.right, l, r) > 0) && !numbers.some((n) => overlap(l, r, n.x, n.x + n.w) > 0)) continue;
          const inColumn = numbers.filter((n) => overlap(l, r, n.x, n.x + n.w) > 0);
          const frag: Frag = { text: '', pieces: [] };
          for (const n of inColumn) appendFrag(frag, itemFrag(n, page.page), '  ');
          cells.push({ left: l, right: r, frag });
        }
      }
      blocks.push({ y, x: Math.min(...cells.map((c) => c.left)), frag: rowFrag(cells), kind: 'row', cells, borderless: true });
    };
    if (headerLines.length > 0) {
      blocks.push(...headerBlocks(headerLines, columns, numLeft, page.page));
      for (const line of headerLines) used.add(line);
    }
    for (const row of rows) {
      used.add(row.line);
      emit(row.line.y + 0.5 * row.line.size, rowLabels.get(row)!, row.cells);
    }
    for (const { y, segs } of own) emit(y + 0.5 * segs[0].size, [segs], []);
    k = end + 1;
  }
  return { blocks, used, columns: lastColumns };
}

/**
 * The lines of a label column beside several rows, split into one run of lines per row, top to
 * bottom: each run centred on its row's numbers (or starting on their line, a top-aligned cell),
 * as near as the lines allow; a row beside none of them costs a line's height. Rows printed
 * without space between them leave no gap to cut at.
 */
function splitAmongRows(lines: Segment[], rows: NumberLine[]): Segment[][] {
  const n = lines.length;
  const m = rows.length;
  const cost = (from: number, to: number, row: number): number => {
    const y = rows[row].line.y;
    // a row beside no line of the column: only where a cell spans rows (an outer label)
    if (to === from) return rows[row].line.size;
    const mid = (lines[from].y + lines[to - 1].y) / 2;
    return Math.min(Math.abs(mid - y), Math.abs(lines[from].y - y));
  };
  // best[j][i]: the first i lines laid beside the first j rows
  const best = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const cut = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  best[0][0] = 0;
  for (let j = 1; j <= m; j++) {
    for (let i = 0; i <= n; i++) {
      for (let k = 0; k <= i; k++) {
        const c = best[j - 1][k] + cost(k, i, j - 1);
        if (c < best[j][i]) [best[j][i], cut[j][i]] = [c, k];
      }
    }
  }
  const out: Segment[][] = new Array(m);
  for (let j = m, i = n; j >= 1; j--) {
    const k = cut[j][i];
    out[j - 1] = lines.slice(k, i);
    i = k;
  }
  return out;
}

/** Segments as one cell's text, top to bottom (a cell's own "|" would read as a cell break). */
function segmentsFrag(segs: Segment[], page: number): Frag {
  const frag: Frag = { text: '', pieces: [] };
  for (const s of segs) {
    const lf = lineFrag({ items: s.items, y: s.y, x: s.x0, right: s.x1, size: s.size }, page);
    appendFrag(frag, lf, joiner(frag.text, lf.text));
  }
  frag.text = frag.text.replace(/\|/g, '/');
  return frag;
}

/**
 * A table's header over its columns: cells over one column are stacked into it (a narrow
 * column's header wraps, down to a character a line: "结/果/维/持"); a cell over several columns
 * is a header row of its own; what is left of the columns (the label column's header) leads.
 */
function headerBlocks(headerLines: Line[], columns: [number, number][], numLeft: number, page: number, ruled = false): Block[] {
  const lines = [...headerLines].sort((a, b) => b.y - a.y);
  // a ruled column's zone is its cell; a borderless one's reaches halfway to its neighbours
  const zones = columns.map(([l, r], j) => (ruled ? [l, r] : [j === 0 ? -Infinity : (l + columns[j - 1][1]) / 2, j + 1 === columns.length ? Infinity : (r + columns[j + 1][0]) / 2]));
  const under = (sg: Segment) => {
    const share = zones.map(([l, r]) => overlap(l, r, sg.x0, sg.x1) / (sg.x1 - sg.x0));
    const over = columns.filter((_, j) => share[j] > 0.25);
    // a cell reaching well out of the one ruled cell it is mostly in spans columns too
    return ruled && over.length === 1 && Math.max(...share) < 0.8 ? columns : over;
  };
  const stacked: Segment[][] = columns.map(() => []);
  const headerRows: RowCell[][] = [];
  for (const line of lines) {
    const spanning: RowCell[] = [];
    for (const sg of segmentsOf(line.items.filter((i) => i.x + i.w > numLeft + 1), line.size, 0.15)) {
      const over = under(sg);
      if (over.length === 1) stacked[columns.indexOf(over[0])].push(sg);
      else spanning.push({ left: sg.x0, right: sg.x1, frag: segmentsFrag([sg], page) });
    }
    if (spanning.length > 0) headerRows.push(spanning);
  }
  if (stacked.some((c) => c.length > 0)) headerRows.push(columns.map(([l, r], j) => ({ left: l, right: r, frag: segmentsFrag(stacked[j], page) })));
  const labelSegs = lines.flatMap((l) => segmentsOf(l.items.filter((i) => i.x + i.w <= numLeft + 1), l.size));
  if (labelSegs.length > 0) {
    const cell = { left: labelSegs[0].x0, right: numLeft, frag: segmentsFrag(labelSegs, page) };
    if (headerRows.length > 0) headerRows[0].unshift(cell);
    else headerRows.push([cell]);
  }
  return headerRows.map((cells, j) => ({ y: lines[0].y + lines[0].size - 0.001 * j, x: cells[0].left, frag: rowFrag(cells), kind: 'row' as const }));
}

/**
 * A ruled row of numbers alone (the review/litigation row) under a header whose rules a producer
 * left out in part (LibreOffice drops borders set to none): the header's text, ruled cells and
 * loose lines alike, is laid again over the row's ruled columns. A header that already has a row
 * of as many cells as the numbers is left as it is.
 */
function headersOverRuledNumbers(blocks: Block[], page: number): void {
  for (let k = 0; k < blocks.length; k++) {
    const row = blocks[k];
    if (!row.cells || row.borderless || row.cells.length < 5 || !row.cells.every((c) => c.frag.text === '' || NUMBER_ONLY.test(c.frag.text))) continue;
    if (row.cells.filter((c) => c.frag.text !== '').length < 2) continue;
    const left = Math.min(...row.cells.map((c) => c.left));
    const right = Math.max(...row.cells.map((c) => c.right));
    const header: Block[] = [];
    let j = k - 1;
    for (; j >= 0; j--) {
      const above = blocks[j];
      const [x0, x1] = extentOf(above);
      if (/\d/.test(above.frag.text) || HEADING.test(above.frag.text) || x0 < left - 2 || x1 > right + 2) break;
      if (above.cells && !above.borderless && above.cells.length >= row.cells.length) {
        header.length = 0;
        break;
      }
      header.push(above);
    }
    // only a header with loose text: a fully ruled one is read by its rules
    if (header.length < 2 || header.every((b) => b.cells && !b.borderless)) continue;
    const items: PdfItem[] = header.flatMap((b) =>
      b.line ? b.line.items : b.frag.pieces.map((p) => ({ str: b.frag.text.slice(p.start, p.end), x: p.box.x, y: p.box.y + p.box.h / 6, w: p.box.w, h: p.box.h / 1.2 })),
    );
    const rebuilt = headerBlocks(groupLines(items), row.cells.map((c) => [c.left, c.right]), left, page, true);
    blocks.splice(j + 1, header.length, ...rebuilt);
    k = j + 1 + rebuilt.length;
  }
}
