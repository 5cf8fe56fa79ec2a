// HTML → plain text through a real HTML parser (htmlparser2). Block elements become line
// breaks; each table row becomes one line of cells separated by " | ", laid out on the
// table's grid (rowspan/colspan honoured) so that a blank cell stays a blank cell.
import { Parser } from 'htmlparser2';

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
function renderTable(rows: Cell[][]): string {
  const occupied: boolean[][] = [];
  const lines: string[] = [];
  rows.forEach((row, r) => {
    occupied[r] ??= [];
    const placed: { col: number; text: string }[] = [];
    let col = 0;
    for (const cell of row) {
      while (occupied[r][col]) col++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        occupied[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) occupied[r + dr][col + dc] = true;
      }
      placed.push({ col, text: cellText(cell.text) });
      col += cell.colspan;
    }
    if (placed.length > 0) lines.push(placed.map((p) => p.text).join(' | '));
  });
  return lines.join('\n');
}

export function htmlToText(html: string): string {
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

  const parser = new Parser(
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
          out.push(renderTable(table.rows), '\n');
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
  while (tables.length > 0) out.push(renderTable(tables.pop()!.rows), '\n');

  return out
    .join('')
    .replace(/[ \t\u00a0\u3000]*\n[ \t\u00a0\u3000]*/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function looksLikeHtml(text: string, fileName?: string): boolean {
  if (fileName && /\.(x?html?|shtml|jsp|aspx?|php)$/i.test(fileName)) return true;
  const head = text.slice(0, 4096);
  return /<(!doctype html|html|body|head|table|div|p|br|span|meta)\b/i.test(head) && /<\/\w+>/.test(head);
}
