// A report as blocks (paragraphs and tables) that remember which metric each printed number is,
// and its rendering as plain text (tables as piped rows or one cell per line, as text
// extractions of real reports come) or as HTML. The truth is read from the same blocks, so it
// holds exactly what is printed.

export interface Printed {
  id: string;
  value: number;
  approx?: boolean;
}

export interface Cell {
  text: string;
  printed?: Printed;
  colspan?: number;
  rowspan?: number;
}

export type Block =
  /** A line of text: title, date, heading or paragraph. `keep`: never cut away by truncation; `fixed`: no stray characters (title, date, signature). */
  | { kind: 'para'; text: string; printed: Printed[]; heading?: boolean; keep?: boolean; fixed?: boolean }
  | { kind: 'table'; rows: Cell[][] };

/** How a text file prints its tables: "a | b | c" rows, or every cell on its own line. */
export type TextLayout = 'piped' | 'cells';

export const para = (text: string, printed: Printed[] = [], extra: { heading?: boolean; keep?: boolean; fixed?: boolean } = {}): Block => ({ kind: 'para', text, printed, ...extra });

/** Every printed value of the blocks, in order. */
export function printedOf(blocks: readonly Block[]): Printed[] {
  const out: Printed[] = [];
  for (const b of blocks) {
    if (b.kind === 'para') out.push(...b.printed);
    else for (const row of b.rows) for (const c of row) if (c.printed) out.push(c.printed);
  }
  return out;
}

/** The units truncation may cut between: each paragraph, each table row. */
export function units(blocks: readonly Block[]): number {
  return blocks.reduce((n, b) => n + (b.kind === 'para' ? 1 : b.rows.length), 0);
}

/** The blocks up to (not including) unit `n`. */
export function cutUnits(blocks: readonly Block[], n: number): Block[] {
  const out: Block[] = [];
  let left = n;
  for (const b of blocks) {
    if (left <= 0) break;
    if (b.kind === 'para') {
      out.push(b);
      left--;
    } else {
      out.push({ kind: 'table', rows: b.rows.slice(0, left) });
      left -= b.rows.length;
    }
  }
  return out;
}

export function renderText(blocks: readonly Block[], layout: TextLayout, trailingPipe: boolean): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'para') {
      lines.push(b.text);
      continue;
    }
    for (const row of b.rows) {
      const cells = row.map((c) => c.text);
      if (layout === 'cells') lines.push(cells.join('\n\n'), '');
      // a blank cell is "| |": the parser reads a run of two spaces as a cell boundary too
      else lines.push(cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|').trim() + (trailingPipe && cells.length > 1 ? ' |' : ''));
    }
  }
  return lines.join('\n') + '\n';
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderHtml(blocks: readonly Block[], title: string, charset: string): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html><head><meta charset="${charset}"><title>${escape(title)}</title></head>`,
    '<body><div class="article">',
  ];
  for (const b of blocks) {
    if (b.kind === 'para') {
      out.push(b.heading ? `<h3>${escape(b.text)}</h3>` : `<p>${escape(b.text)}</p>`);
      continue;
    }
    out.push('<table border="1" cellspacing="0">');
    for (const row of b.rows) {
      const tds = row.map((c) => {
        const span = `${c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}`;
        return `<td${span}>${escape(c.text)}</td>`;
      });
      out.push(`<tr>${tds.join('')}</tr>`);
    }
    out.push('</table>');
  }
  out.push('</div></body></html>', '');
  return out.join('\n');
}
