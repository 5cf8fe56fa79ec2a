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

/** Rows with spans laid on a grid: a rowspan continues as merged (vMerge) cells in the rows below. */
function layOnGrid(rows: (string | DocxCell)[][]): (DocxCell & { merged?: boolean })[][] {
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
  return grid;
}

/** A table of rows with spans, as LibreOffice-style WordprocessingML. */
function table(rows: (string | DocxCell)[][]): string {
  const grid = layOnGrid(rows);
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
      // "a | b |": the text's row ends in an empty cell
      const row = line.split(/ \|(?: |$)/);
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

// ---- as Word writes it ------------------------------------------------------------------------

const RPR = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:hint="eastAsia"/><w:color w:val="000000"/><w:kern w:val="0"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>';
const PPR = '<w:pPr><w:widowControl/><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLine="640" w:firstLineChars="200"/><w:jc w:val="both"/><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:pPr>';
const run = (text: string, rsid: string) => `<w:r w:rsidR="${rsid}" w:rsidRPr="${rsid}">${RPR}<w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;

/**
 * A paragraph's text as Word leaves it after editing: runs of a few characters each (every
 * number cut between its first digit and the rest), spelling and bookmark marks between them,
 * a deleted run (w:del) before the first number and an inserted one (w:ins) kept.
 */
function wordRuns(text: string, seed: number): string {
  const pieces = text.match(/\d|\d+|[^\d]{1,4}/g) ?? [];
  // "\d|\d+" takes one digit alone: every number is split across two runs
  const out: string[] = [];
  let deleted = false;
  pieces.forEach((piece, k) => {
    const rsid = `00${((seed * 31 + k * 7) % 0xffffff).toString(16).toUpperCase().padStart(6, '0')}`;
    if (!deleted && /^\d/.test(piece)) {
      out.push(`<w:del w:id="${seed}${k}" w:author="审核人" w:date="2024-01-15T09:00:00Z"><w:r>${RPR}<w:delText>9</w:delText></w:r></w:del>`);
      deleted = true;
    }
    if (k % 5 === 1) out.push('<w:proofErr w:type="spellStart"/>');
    if (k === 2) out.push(`<w:bookmarkStart w:id="${seed}" w:name="_Hlk${seed}"/><w:bookmarkEnd w:id="${seed}"/>`);
    out.push(k % 7 === 3 ? `<w:ins w:id="${seed}${k}i" w:author="审核人" w:date="2024-01-15T09:00:00Z">${run(piece, rsid)}</w:ins>` : run(piece, rsid));
    if (k % 5 === 1) out.push('<w:proofErr w:type="spellEnd"/>');
  });
  return out.join('');
}

/** A number written as the result of a formula field (=SUM(LEFT)), as Word updates it. */
const fieldNumber = (value: string) =>
  `<w:r>${RPR}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${RPR}<w:instrText xml:space="preserve"> =SUM(LEFT) \\# "0" </w:instrText></w:r><w:r>${RPR}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${RPR}<w:t>${value}</w:t></w:r><w:r>${RPR}<w:fldChar w:fldCharType="end"/></w:r>`;

const wordParagraph = (inner: string, seed: number) => `<w:p w:rsidR="00${(seed % 0xffffff).toString(16).padStart(6, '0')}" w:rsidRDefault="00C51D2A">${PPR}${inner}</w:p>`;

/** A content control (w:sdt) around a block, a row's cell or runs. */
const sdt = (content: string, id: number) => `<w:sdt><w:sdtPr><w:rPr><w:sz w:val="32"/></w:rPr><w:alias w:val="填报项"/><w:tag w:val="f${id}"/><w:id w:val="${1000 + id}"/><w:text/></w:sdtPr><w:sdtEndPr/><w:sdtContent>${content}</w:sdtContent></w:sdt>`;

function wordTable(rows: (string | DocxCell)[][], seed: number): string {
  const cols = Math.max(...rows.map((r) => r.reduce<number>((n, c) => n + (typeof c === 'string' ? 1 : (c.colspan ?? 1)), 0)));
  const grid = layOnGrid(rows);
  const borders = '<w:tcBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tcBorders>';
  const xmlRows = grid.map((row, r) => {
    const cells = row.flatMap((cell, c) => {
      if (!cell) return [];
      const span = cell.colspan && cell.colspan > 1 ? `<w:gridSpan w:val="${cell.colspan}"/>` : '';
      const merge = cell.merged ? '<w:vMerge/>' : cell.rowspan && cell.rowspan > 1 ? '<w:vMerge w:val="restart"/>' : '';
      const props = `<w:tcPr><w:tcW w:w="${1200 * (cell.colspan ?? 1)}" w:type="dxa"/>${span}${merge}${borders}<w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/><w:vAlign w:val="center"/></w:tcPr>`;
      const last = c === row.length - 1;
      const body = cell.merged
        ? `<w:p>${PPR}</w:p>`
        : // a row's last number is a formula's result; every other cell's runs are split as in a paragraph
          last && /^\d+$/.test(cell.text)
          ? wordParagraph(fieldNumber(cell.text), seed + r * cols + c)
          : wordParagraph(wordRuns(cell.text, seed + r * cols + c), seed + r * cols + c);
      const tc = `<w:tc>${props}${body}</w:tc>`;
      // every third cell is a content control around the whole cell
      return [(r + c) % 3 === 2 ? sdt(tc, seed + r * cols + c) : tc];
    });
    return `<w:tr w:rsidR="00C51D2A" w:rsidTr="00C51D2A"><w:tblPrEx><w:tblCellMar><w:left w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPrEx><w:trPr><w:trHeight w:val="454" w:hRule="atLeast"/><w:jc w:val="center"/></w:trPr>${cells.join('')}</w:tr>`;
  });
  const tblGrid = `<w:tblGrid>${'<w:gridCol w:w="1200"/>'.repeat(cols)}</w:tblGrid>`;
  return `<w:tbl><w:tblPr><w:tblStyle w:val="a3"/><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>${tblGrid}${xmlRows.join('')}</w:tbl>`;
}

/**
 * The blocks as Word 2016 saves them: runs split mid-number with their formatting, proofing and
 * bookmark marks, a tracked deletion and insertion, formula fields, content controls around
 * paragraphs and cells, a text box in mc:AlternateContent, table/row/cell properties with
 * borders and widths, and header/footer parts (title, page number field) beside the document.
 */
export function writeWordDocx(blocks: DocxBlock[], title: string): Uint8Array {
  const textBox = `<w:p>${PPR}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>样稿2099年第99号</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect style="width:60pt;height:20pt"/></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
  const body = blocks
    .map((b, k) => {
      if (b.kind === 'table') return wordTable(b.rows, 100 * k);
      const p = wordParagraph(wordRuns(b.text, 100 * k), 100 * k);
      return k % 4 === 1 ? sdt(p, 100 * k) : p;
    })
    .join('');
  const sect = '<w:sectPr w:rsidR="00C51D2A"><w:headerReference w:type="default" r:id="rId7"/><w:footerReference w:type="default" r:id="rId8"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1417" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>';
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${ns}><w:body>${textBox}${body}${sect}</w:body></w:document>`;
  const header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:hdr ${ns}><w:p><w:r><w:t>${escape(title)}</w:t></w:r></w:p></w:hdr>`;
  const footer = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:ftr ${ns}><w:p><w:r><w:t>第 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t> 页</w:t></w:r></w:p></w:ftr>`;
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'word/document.xml')}</Relationships>`),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId7', 'header', 'header1.xml')}${rel('rId8', 'footer', 'footer1.xml')}</Relationships>`),
    'word/document.xml': strToU8(document),
    'word/header1.xml': strToU8(header),
    'word/footer1.xml': strToU8(footer),
  });
}
