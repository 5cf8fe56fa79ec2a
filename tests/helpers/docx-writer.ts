// A minimal .docx writer for tests: paragraphs and tables (a cell may span columns or rows),
// the parts Word needs and nothing else, zipped with fflate.
import { strToU8, zipSync } from 'fflate';

export interface DocxCell {
  text: string;
  colspan?: number;
  rowspan?: number;
}

export type DocxBlock = { kind: 'p'; text: string } | { kind: 'table'; rows: (string | DocxCell)[][] };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;

/** Rows with spans laid on a grid: a rowspan continues as vMerge cells in the rows below. */
function table(rows: (string | DocxCell)[][]): string {
  const grid: (DocxCell & { merged?: boolean })[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const raw of row) {
      const cell = typeof raw === 'string' ? { text: raw } : raw;
      while (grid[r][col]) col += grid[r][col].colspan ?? 1;
      grid[r][col] = cell;
      for (let dr = 1; dr < (cell.rowspan ?? 1); dr++) if (grid[r + dr]) grid[r + dr][col] = { text: '', colspan: cell.colspan, merged: true };
      col += cell.colspan ?? 1;
    }
  });
  const xmlRows = grid.map((row) => {
    const cells = row.flatMap((cell) => {
      if (!cell) return [];
      const props = [
        cell.colspan && cell.colspan > 1 ? `<w:gridSpan w:val="${cell.colspan}"/>` : '',
        cell.merged ? '<w:vMerge/>' : cell.rowspan && cell.rowspan > 1 ? '<w:vMerge w:val="restart"/>' : '',
      ].join('');
      return [`<w:tc><w:tcPr>${props}</w:tcPr>${cell.merged ? '<w:p/>' : paragraph(cell.text)}</w:tc>`];
    });
    return `<w:tr>${cells.join('')}</w:tr>`;
  });
  return `<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single"/><w:left w:val="single"/><w:bottom w:val="single"/><w:right w:val="single"/><w:insideH w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr>${xmlRows.join('')}</w:tbl>`;
}

export function writeDocx(blocks: DocxBlock[]): Uint8Array {
  const body = blocks.map((b) => (b.kind === 'p' ? paragraph(b.text) : table(b.rows))).join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(document),
  });
}

/** The parser's plain text as blocks: runs of "a | b" lines become a table, other lines paragraphs. */
export function textToBlocks(text: string): DocxBlock[] {
  const blocks: DocxBlock[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (line.includes(' | ')) {
      const last = blocks[blocks.length - 1];
      const row = line.split(' | ');
      if (last?.kind === 'table') last.rows.push(row);
      else blocks.push({ kind: 'table', rows: [row] });
    } else blocks.push({ kind: 'p', text: line });
  }
  return blocks;
}

/** The same blocks as an HTML page (for a browser to print). */
export function blocksToHtml(blocks: DocxBlock[], style = ''): string {
  const body = blocks
    .map((b) =>
      b.kind === 'p'
        ? `<p>${escape(b.text)}</p>`
        : `<table>${b.rows.map((row) => `<tr>${row.map((c) => (typeof c === 'string' ? `<td>${escape(c)}</td>` : `<td colspan="${c.colspan ?? 1}" rowspan="${c.rowspan ?? 1}">${escape(c.text)}</td>`)).join('')}</tr>`).join('')}</table>`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>table{border-collapse:collapse}td{border:1px solid #000;padding:2px 4px}${style}</style></head><body>${body}</body></html>`;
}
