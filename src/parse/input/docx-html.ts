// word/document.xml → the HTML the parser's HTML path reads, in one pass over the XML (no DOM).
// Replaces mammoth on the hot path: mammoth builds an xmldom tree and its own document model,
// ~100 ms for the 256 KB XML of the official form; this pass takes a few ms. It writes what
// mammoth writes for the parts the parser reads: non-empty paragraphs as <p>, line breaks as
// <br />, tables with colspan (w:gridSpan) and rowspan (w:vMerge), tables nested in cells.
// Deleted and moved-away text (w:del, w:moveFrom), field instructions and the Choice branch of
// mc:AlternateContent (its Fallback is read, as mammoth does) give no text. Nothing outside
// document.xml is opened: no images, no external references.

interface Cell {
  html: string[];
  span: number;
  /** 'restart' starts a vertical merge, 'continue' extends the one above. */
  vMerge: 'none' | 'restart' | 'continue';
  rowspan: number;
}

interface Row {
  cells: Cell[];
  /** grid columns skipped before the first cell (w:gridBefore) */
  before: number;
}

interface Container {
  kind: 'body' | 'cell';
  out: string[];
}


const attr = (attrs: string, name: string): string | null => {
  const m = new RegExp(`(?:^|\\s)w:${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] ?? m[2]) : null;
};

const escapeText = (s: string) => s.replace(/&(?!(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;').replace(/</g, '&lt;');

// Property blocks that give no text and hold nothing read here (run, paragraph, border, table
// and section formatting; cell spans and merges are in w:tcPr, kept): most of Word's XML, cut
// before the tag-by-tag pass. None nests in itself but through a *Change record, whose rest the
// pass ignores.
const FORMATTING_BLOCKS = ['rPr', 'pPr', 'tcBorders', 'tblPr', 'tblGrid', 'sectPr', 'tblPrEx', 'tcMar'];
const FORMATTING = new RegExp(`<w:(${FORMATTING_BLOCKS.join('|')})>[\\s\\S]*?<\\/w:\\1>`, 'g');

const NAMES = FORMATTING_BLOCKS.map((name) => [...name].map((c) => c.charCodeAt(0)));
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;

/** The name (of FORMATTING_BLOCKS) of the tag at `at` ("<w:name>" or "</w:name>"), or -1. */
function blockAt(bytes: Uint8Array, at: number, closing: boolean): number {
  let k = at + 1;
  if (closing) {
    if (bytes[k] !== SLASH) return -1;
    k++;
  }
  if (bytes[k] !== 0x77 || bytes[k + 1] !== 0x3a) return -1; // "w:"
  k += 2;
  outer: for (let n = 0; n < NAMES.length; n++) {
    const name = NAMES[n];
    for (let j = 0; j < name.length; j++) if (bytes[k + j] !== name[j]) continue outer;
    if (bytes[k + name.length] === GT) return n;
  }
  return -1;
}

/**
 * The same cut as FORMATTING, on the UTF-8 bytes before they are decoded: the formatting is most
 * of the part (60 % of the official form's), and decoding it costs as much as reading the rest.
 */
export function stripFormattingBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  const n = bytes.length;
  let size = 0;
  let from = 0;
  for (let at = 0; at < n; at++) {
    if (bytes[at] !== LT) continue;
    const block = blockAt(bytes, at, false);
    if (block < 0) continue;
    // the first closing tag of the same name ends it (a *Change record inside may leave its own end tag)
    let c = at + 1;
    while (c < n && (bytes[c] !== LT || blockAt(bytes, c, true) !== block)) c++;
    if (c >= n) break;
    out.set(bytes.subarray(from, at), size);
    size += at - from;
    from = c + NAMES[block].length + 5; // "</w:" + name + ">"
    at = from - 1;
  }
  out.set(bytes.subarray(from), size);
  size += n - from;
  return out.subarray(0, size);
}

/** HTML of a DOCX main document part (its XML as a string). */
export function documentXmlToHtml(xml: string): string {
  xml = xml.replace(FORMATTING, '');
  const body: Container = { kind: 'body', out: [] };
  const containers: Container[] = [body];
  const tables: Row[][] = [];
  const cells: Cell[] = [];
  const paragraphs: string[][] = [];
  // depth counters of elements whose text is not read
  let skip = 0;
  let inText = false;

  const paragraphEnd = () => {
    const parts = paragraphs.pop();
    if (!parts) return;
    const html = parts.join('');
    if (html.replace(/<br \/>/g, '').trim() === '') return;
    containers[containers.length - 1].out.push(`<p>${html}</p>`);
  };

  const tableEnd = () => {
    const rows = tables.pop();
    if (!rows) return;
    // the cell that starts a vertical merge at a grid column takes the continuations below it
    const open = new Map<number, Cell>();
    const kept: Cell[][] = rows.map((row) => {
      let column = row.before;
      const cellsKept: Cell[] = [];
      for (const cell of row.cells) {
        const above = open.get(column);
        if (cell.vMerge === 'continue' && above) above.rowspan++;
        else {
          if (cell.vMerge === 'restart') open.set(column, cell);
          else open.delete(column);
          cellsKept.push(cell);
        }
        for (let c = column + 1; c < column + cell.span; c++) open.delete(c);
        column += cell.span;
      }
      return cellsKept;
    });
    const html: string[] = ['<table>'];
    for (const row of kept) {
      html.push('<tr>');
      for (const cell of row) {
        const colspan = cell.span > 1 ? ` colspan="${cell.span}"` : '';
        const rowspan = cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '';
        html.push(`<td${colspan}${rowspan}>${cell.html.join('')}</td>`);
      }
      html.push('</tr>');
    }
    html.push('</table>');
    containers[containers.length - 1].out.push(html.join(''));
  };

  const n = xml.length;
  const pushText = (text: string) => {
    if (inText && skip === 0 && paragraphs.length > 0) paragraphs[paragraphs.length - 1].push(text);
  };
  // one pass over tags (Word escapes ">" in attribute values), text, CDATA, comments and processing instructions
  for (let i = 0; i < n; ) {
    if (xml.charCodeAt(i) !== LT) {
      const j = xml.indexOf('<', i);
      const end = j < 0 ? n : j;
      pushText(xml.slice(i, end));
      i = end;
      continue;
    }
    const c1 = xml.charCodeAt(i + 1);
    if (c1 === 0x21) {
      // CDATA (its text escaped) or a comment
      if (xml.startsWith('<![CDATA[', i)) {
        const j = xml.indexOf(']]>', i + 9);
        const end = j < 0 ? n : j;
        pushText(escapeText(xml.slice(i + 9, end)));
        i = end + 3;
      } else {
        const j = xml.indexOf('-->', i + 4);
        i = j < 0 ? n : j + 3;
      }
      continue;
    }
    if (c1 === 0x3f) {
      const j = xml.indexOf('?>', i + 2);
      i = j < 0 ? n : j + 2;
      continue;
    }
    const gt = xml.indexOf('>', i);
    if (gt < 0) break;
    const closing = c1 === SLASH;
    const start = closing ? i + 2 : i + 1;
    let e = start;
    for (let ch = xml.charCodeAt(e); e < gt && ch !== 0x20 && ch !== 0x09 && ch !== 0x0a && ch !== 0x0d && ch !== SLASH; ch = xml.charCodeAt(++e));
    const selfClosing = xml.charCodeAt(gt - 1) === SLASH;
    const attrs = xml.slice(e, selfClosing ? gt - 1 : gt);
    i = gt + 1;
    if (xml.startsWith('mc:', start)) {
      if (e - start === 9 && xml.startsWith('Choice', start + 3)) skip += closing ? -1 : selfClosing ? 0 : 1;
      continue;
    }
    if (xml.charCodeAt(start) !== 0x77 || xml.charCodeAt(start + 1) !== 0x3a) continue; // "w:"
    const local = xml.slice(start + 2, e);
    switch (local) {
      case 'del':
      case 'moveFrom':
      case 'instrText':
      case 'delText':
        if (!selfClosing) skip += closing ? -1 : 1;
        break;
      case 't':
        inText = !closing && !selfClosing;
        break;
      case 'tab':
        // a run's tab has no attributes; w:tabs/w:tab in paragraph properties are tab stops
        if (!closing && skip === 0 && paragraphs.length > 0 && attrs.trim() === '') paragraphs[paragraphs.length - 1].push('\t');
        break;
      case 'br':
      case 'cr': {
        // page and column breaks are layout, not line breaks (mammoth drops them too)
        const type = attr(attrs, 'type');
        if (!closing && skip === 0 && paragraphs.length > 0 && (type === null || type === 'textWrapping')) paragraphs[paragraphs.length - 1].push('<br />');
        break;
      }
      case 'noBreakHyphen':
        if (!closing && skip === 0 && paragraphs.length > 0) paragraphs[paragraphs.length - 1].push('-');
        break;
      case 'p':
        if (closing) paragraphEnd();
        else if (!selfClosing) paragraphs.push([]);
        break;
      case 'tbl':
        if (closing) tableEnd();
        else if (!selfClosing) tables.push([]);
        break;
      case 'tr':
        if (!closing && !selfClosing && tables.length > 0) tables[tables.length - 1].push({ cells: [], before: 0 });
        break;
      case 'gridBefore': {
        // in w:trPr, before the row's first cell: the row is the innermost table's last
        const rows = tables[tables.length - 1];
        const row = rows?.[rows.length - 1];
        if (row) row.before = Number(attr(attrs, 'val')) || 0;
        break;
      }
      case 'tc':
        if (closing) {
          const cell = cells.pop();
          containers.pop();
          const rows = tables[tables.length - 1];
          if (cell && rows && rows.length > 0) rows[rows.length - 1].cells.push(cell);
        } else if (!selfClosing) {
          const cell: Cell = { html: [], span: 1, vMerge: 'none', rowspan: 1 };
          cells.push(cell);
          containers.push({ kind: 'cell', out: cell.html });
        }
        break;
      case 'gridSpan':
        if (cells.length > 0) cells[cells.length - 1].span = Math.max(1, Number(attr(attrs, 'val')) || 1);
        break;
      case 'vMerge':
        if (cells.length > 0) cells[cells.length - 1].vMerge = attr(attrs, 'val') === 'restart' ? 'restart' : 'continue';
        break;
    }
  }
  while (paragraphs.length > 0) paragraphEnd();
  while (tables.length > 0) tableEnd();
  return body.out.join('');
}
