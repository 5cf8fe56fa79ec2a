// HTML → plain text through a real HTML parser (htmlparser2). Block elements become line
// breaks; each table row becomes one line of cells separated by " | ", laid out on the
// table's grid (rowspan/colspan honoured) so that a blank cell stays a blank cell.
// Linear in the input: elements nested deeper than MAX_DEPTH are read as text of their
// ancestor (libxml2 stops at the same depth), and a table's grid has a bounded area.
import { Parser } from 'htmlparser2';

/** Deepest element nesting kept; deeper start tags are ignored (their text is kept). */
export const MAX_DEPTH = 256;
/** Grid positions one table may cover through rowspan/colspan; beyond it spans count as 1. */
export const MAX_TABLE_AREA = 1_000_000;

const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article',
  'header', 'footer', 'title', 'dd', 'dt', 'dl', 'blockquote', 'pre', 'hr', 'caption', 'center',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'select', 'button']);

interface Cell {
  text: string;
  rowspan: number;
  colspan: number;
}

interface TableBuild {
  rows: Cell[][];
  row: Cell[] | null;
  cell: Cell | null;
}

const span = (value: string | undefined): number => {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 && n <= 100 ? n : 1;
};

const cellText = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

/** Lays the cells on a grid and renders each row as "a | b | c": cells covered by a rowspan from above are skipped, not repeated. */
function renderTable(rows: Cell[][], warnings: string[]): string {
  const occupied: boolean[][] = [];
  const lines: string[] = [];
  let area = 0;
  rows.forEach((row, r) => {
    occupied[r] ??= [];
    const placed: { col: number; text: string }[] = [];
    let col = 0;
    for (const cell of row) {
      while (occupied[r][col]) col++;
      area += cell.rowspan * cell.colspan;
      if (area > MAX_TABLE_AREA && cell.rowspan * cell.colspan > 1) {
        if (area - cell.rowspan * cell.colspan <= MAX_TABLE_AREA) warnings.push(`a table spans more than ${MAX_TABLE_AREA} grid cells: later rowspan/colspan read as 1`);
        cell.rowspan = 1;
        cell.colspan = 1;
      }
      for (let dr = 0; dr < cell.rowspan; dr++) {
        occupied[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) occupied[r + dr][col + dc] = true;
      }
      const text = cellText(cell.text);
      placed.push({ col, text });
      // a blank cell over several columns is that many blank cells (a filled one is one cell)
      if (text === '') for (let dc = 1; dc < cell.colspan; dc++) placed.push({ col: col + dc, text: '' });
      col += cell.colspan;
    }
    if (placed.length > 0) lines.push(placed.map((p) => p.text).join(' | '));
  });
  return lines.join('\n');
}

/** The parts of htmlparser2's Parser the depth cap touches (not in its public types). */
interface ParserInternals {
  stack: string[];
  foreignContext: unknown[];
  tagname: string;
  attribs: unknown;
}

/**
 * htmlparser2 keeps its open elements in an array it shifts and searches on every tag, so a
 * document nested 400,000 deep takes minutes. Past MAX_DEPTH a start tag is dropped as the
 * parser itself drops a second <form>: no open/close events, its text goes to the ancestor.
 */
class DepthCappedParser extends Parser {
  deepTags = 0;

  override onopentagname(start: number, endIndex: number): void {
    const self = this as unknown as ParserInternals;
    const depth = self.stack.length;
    const contexts = self.foreignContext.length;
    super.onopentagname(start, endIndex);
    if (depth < MAX_DEPTH || self.stack.length <= depth) return;
    self.stack.shift();
    while (self.foreignContext.length > contexts) self.foreignContext.shift();
    self.tagname = '';
    self.attribs = null;
    this.deepTags++;
  }
}

const isEdgeSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;

/** Drops spaces, tabs, NBSP and ideographic spaces at both ends of a line (a loop: a regex anchored at $ is quadratic on long runs). */
function trimLine(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && isEdgeSpace(line.charCodeAt(start))) start++;
  while (end > start && isEdgeSpace(line.charCodeAt(end - 1))) end--;
  return line.slice(start, end);
}

/** Spaces around line breaks dropped, runs of spaces/tabs made one, at most one blank line. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map(trimLine)
    .join('\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** HTML → plain text; `warnings` receives what was cut to keep the work linear. */
export function htmlToText(html: string, warnings: string[] = []): string {
  const out: string[] = [];
  const tables: TableBuild[] = [];
  let skipDepth = 0;

  const write = (text: string) => {
    const table = tables[tables.length - 1];
    if (table) {
      if (table.cell) table.cell.text += text;
      return;
    }
    out.push(text);
  };
  const newline = () => {
    const table = tables[tables.length - 1];
    if (table) {
      if (table.cell) table.cell.text += ' ';
      return;
    }
    out.push('\n');
  };

  const parser = new DepthCappedParser(
    {
      onopentag(name, attrs) {
        if (SKIPPED.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        const table = tables[tables.length - 1];
        if (name === 'table') {
          if (table) return; // nested table: its text joins the enclosing cell
          newline();
          tables.push({ rows: [], row: null, cell: null });
        } else if (name === 'tr' && table && tables.length === 1) {
          table.row = [];
          table.rows.push(table.row);
        } else if ((name === 'td' || name === 'th') && table) {
          if (!table.row) {
            table.row = [];
            table.rows.push(table.row);
          }
          if (table.cell) table.cell.text += ' ';
          else {
            table.cell = { text: '', rowspan: span(attrs.rowspan), colspan: span(attrs.colspan) };
            table.row.push(table.cell);
          }
        } else if (BLOCK.has(name)) newline();
      },
      ontext(text) {
        if (skipDepth === 0) write(text);
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        const table = tables[tables.length - 1];
        if (name === 'table' && table) {
          tables.pop();
          out.push(renderTable(table.rows, warnings), '\n');
        } else if ((name === 'td' || name === 'th') && table) {
          table.cell = null;
        } else if (name === 'tr' && table) {
          table.row = null;
          table.cell = null;
        } else if (BLOCK.has(name)) newline();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  while (tables.length > 0) out.push(renderTable(tables.pop()!.rows, warnings), '\n');
  if (parser.deepTags > 0) warnings.push(`HTML nested deeper than ${MAX_DEPTH} elements: ${parser.deepTags} deeper start tags ignored (their text kept)`);
  return tidyLines(out.join(''));
}

export function looksLikeHtml(text: string, fileName?: string): boolean {
  if (fileName && /\.(x?html?|shtml|jsp|aspx?|php)$/i.test(fileName)) return true;
  const head = text.slice(0, 4096);
  return /<(!doctype html|html|body|head|table|div|p|br|span|meta)\b/i.test(head) && /<\/\w+>/.test(head);
}
