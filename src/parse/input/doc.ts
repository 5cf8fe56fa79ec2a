// Word 97–2003 (.doc) → text, from the bytes alone (no Node APIs, so the page's import worker
// reads .doc files with the same code as the command line). The compound file (OLE) is unpacked
// just far enough to reach the WordDocument and table streams; the text is the document's piece
// table in character order: the body, then the text boxes. Table cells end with a tab (Word's
// cell mark), rows with one more; field codes are dropped and their results kept; text marked
// deleted (a tracked deletion) is left out.

export type DocRead = { ok: true; text: string } | { ok: false; reason: string };

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

class BadDoc extends Error {}

/** The streams of an OLE compound file, by name. */
function compoundStreams(bytes: Uint8Array): Map<string, Uint8Array> {
  if (bytes.length < 512 || SIGNATURE.some((b, k) => bytes[k] !== b)) throw new BadDoc('not an OLE compound file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const sectorSize = 1 << view.getUint16(0x1e, true);
  const miniSize = 1 << view.getUint16(0x20, true);
  if (sectorSize !== 512 && sectorSize !== 4096) throw new BadDoc('bad sector size');
  const sectors = Math.floor((bytes.length - sectorSize) / sectorSize);
  const sectorAt = (n: number) => {
    if (n >= sectors) throw new BadDoc('sector out of range');
    return sectorSize * (n + 1);
  };

  // the FAT's sectors: 109 in the header, the rest in a chain of DIFAT sectors
  const fatSectors: number[] = [];
  for (let k = 0; k < 109; k++) fatSectors.push(u32(0x4c + 4 * k));
  let difat = u32(0x44);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE && guard < sectors; guard++) {
    const at = sectorAt(difat);
    for (let k = 0; k < sectorSize / 4 - 1; k++) fatSectors.push(u32(at + 4 * k));
    difat = u32(at + sectorSize - 4);
  }
  const fatCount = u32(0x2c);
  const fat: number[] = [];
  for (const s of fatSectors.slice(0, fatCount)) {
    const at = sectorAt(s);
    for (let k = 0; k < sectorSize / 4; k++) fat.push(u32(at + 4 * k));
  }

  const chain = (start: number, next: number[], limit: number): number[] => {
    const out: number[] = [];
    for (let s = start; s !== END_OF_CHAIN && s !== FREE; s = next[s]) {
      if (s >= next.length || out.length > limit) throw new BadDoc('broken sector chain');
      out.push(s);
    }
    return out;
  };
  const read = (start: number, size: number): Uint8Array => {
    const out = new Uint8Array(size);
    let filled = 0;
    for (const s of chain(start, fat, sectors)) {
      if (filled >= size) break;
      const at = sectorAt(s);
      const n = Math.min(sectorSize, size - filled);
      out.set(bytes.subarray(at, at + n), filled);
      filled += n;
    }
    if (filled < size) throw new BadDoc('stream shorter than its size');
    return out;
  };

  const dirStart = u32(0x30);
  const dirSectors = chain(dirStart, fat, sectors);
  const dir = read(dirStart, dirSectors.length * sectorSize);
  const dirView = new DataView(dir.buffer);
  const entries: { name: string; type: number; start: number; size: number }[] = [];
  for (let at = 0; at + 128 <= dir.length; at += 128) {
    const nameBytes = Math.min(64, dirView.getUint16(at + 0x40, true));
    let name = '';
    for (let k = 0; k + 2 < nameBytes; k += 2) name += String.fromCharCode(dirView.getUint16(at + k, true));
    entries.push({ name, type: dir[at + 0x42], start: dirView.getUint32(at + 0x74, true), size: dirView.getUint32(at + 0x78, true) });
  }
  const root = entries[0];
  if (!root || root.type !== 5) throw new BadDoc('no root entry');
  const cutoff = u32(0x38);
  let miniStream: Uint8Array | null = null;
  let miniFat: number[] | null = null;
  const streams = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (entry.type !== 2 || streams.has(entry.name)) continue;
    if (entry.size > bytes.length * 4 + 4096) throw new BadDoc('stream larger than the file');
    if (entry.size >= cutoff) {
      streams.set(entry.name, read(entry.start, entry.size));
      continue;
    }
    miniStream ??= read(root.start, root.size);
    if (!miniFat) {
      const start = u32(0x3c);
      const raw = start === END_OF_CHAIN ? new Uint8Array(0) : read(start, u32(0x40) * sectorSize);
      const mv = new DataView(raw.buffer);
      miniFat = Array.from({ length: raw.length / 4 }, (_, k) => mv.getUint32(4 * k, true));
    }
    const out = new Uint8Array(entry.size);
    let filled = 0;
    for (const s of chain(entry.start, miniFat, miniStream.length / miniSize + 1)) {
      if (filled >= entry.size) break;
      const n = Math.min(miniSize, entry.size - filled);
      if (s * miniSize + n > miniStream.length) throw new BadDoc('mini sector out of range');
      out.set(miniStream.subarray(s * miniSize, s * miniSize + n), filled);
      filled += n;
    }
    streams.set(entry.name, out);
  }
  return streams;
}

// Windows-1252's 0x80–0x9F, for 8-bit ("compressed") pieces
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the piece's first character in the WordDocument stream. */
  fc: number;
  /** Bytes per character: 1 (Windows-1252) or 2 (UTF-16LE). */
  width: 1 | 2;
}

/** Calls `onSprm` for each property of a grpprl (a run of sprms) in [at, end). */
function eachSprm(v: DataView, at: number, end: number, onSprm: (sprm: number, operand: number) => void): void {
  while (at + 2 <= end) {
    const sprm = v.getUint16(at, true);
    at += 2;
    if (at < end) onSprm(sprm, at);
    const spra = sprm >> 13;
    at += spra === 6 ? v.getUint8(at) + 1 : [1, 1, 2, 4, 2, 2, 0, 3][spra];
  }
}

/**
 * Byte ranges [from, to) of the WordDocument stream, from its formatting pages (FKPs): characters
 * marked deleted (sprmCFRMarkDel, a tracked deletion), and the row-end marks of tables (a paragraph
 * with sprmPFTtp or sprmPFInnerTtp: Word ends a row with a cell mark of its own).
 */
function formattedRanges(word: DataView, table: DataView): { deleted: [number, number][]; rowEnds: [number, number][] } {
  const deleted: [number, number][] = [];
  const rowEnds: [number, number][] = [];
  const pages = (fibAt: number): number[] => {
    const fc = word.getUint32(fibAt, true);
    const lcb = word.getUint32(fibAt + 4, true);
    if (lcb < 4 || fc + lcb > table.byteLength) return [];
    const n = (lcb - 4) / 8;
    return Array.from({ length: n }, (_, k) => (table.getUint32(fc + 4 * (n + 1) + 4 * k, true) & 0x3fffff) * 512).filter((page) => page + 512 <= word.byteLength);
  };
  for (const page of pages(0xfa)) {
    const runs = word.getUint8(page + 511);
    for (let r = 0; r < runs; r++) {
      const offset = word.getUint8(page + 4 * (runs + 1) + r) * 2;
      if (offset === 0) continue;
      const at = page + offset + 1;
      const range: [number, number] = [word.getUint32(page + 4 * r, true), word.getUint32(page + 4 * (r + 1), true)];
      eachSprm(word, at, Math.min(at + word.getUint8(page + offset), page + 511), (sprm, operand) => {
        if (sprm === 0x0800 && word.getUint8(operand) === 1) deleted.push(range);
      });
    }
  }
  for (const page of pages(0x102)) {
    const runs = word.getUint8(page + 511);
    for (let r = 0; r < runs; r++) {
      const offset = word.getUint8(page + 4 * (runs + 1) + 13 * r) * 2;
      if (offset === 0) continue;
      const cb = word.getUint8(page + offset);
      // the grpprl after the paragraph's style (2 bytes)
      const [at, length] = cb !== 0 ? [page + offset + 1, 2 * cb - 1] : [page + offset + 2, 2 * word.getUint8(page + offset + 1)];
      const range: [number, number] = [word.getUint32(page + 4 * r, true), word.getUint32(page + 4 * (r + 1), true)];
      eachSprm(word, at + 2, Math.min(at + length, page + 511), (sprm, operand) => {
        if ((sprm === 0x2417 || sprm === 0x244c) && word.getUint8(operand) === 1) rowEnds.push(range);
      });
    }
  }
  return { deleted, rowEnds };
}

/** The text of a document's character positions, in piece-table order, deleted runs left out. */
function documentText(word: Uint8Array, table: Uint8Array): { chars: string[]; counts: number[] } {
  const wv = new DataView(word.buffer, word.byteOffset, word.byteLength);
  const tv = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const fcClx = wv.getUint32(0x1a2, true);
  const lcbClx = wv.getUint32(0x1a6, true);
  if (fcClx + lcbClx > table.length) throw new BadDoc('piece table out of range');
  let at = fcClx;
  while (at < fcClx + lcbClx && table[at] === 0x01) at += 3 + tv.getInt16(at + 1, true);
  if (table[at] !== 0x02) throw new BadDoc('no piece table');
  const lcb = tv.getUint32(at + 1, true);
  const plc = at + 5;
  const n = (lcb - 4) / 12;
  if (!Number.isInteger(n) || plc + lcb > table.length) throw new BadDoc('bad piece table');
  const pieces: Piece[] = [];
  for (let k = 0; k < n; k++) {
    const raw = tv.getUint32(plc + 4 * (n + 1) + 8 * k + 2, true);
    const compressed = (raw & 0x40000000) !== 0;
    pieces.push({
      cpStart: tv.getUint32(plc + 4 * k, true),
      cpEnd: tv.getUint32(plc + 4 * (k + 1), true),
      fc: compressed ? (raw & 0x3fffffff) / 2 : raw,
      width: compressed ? 1 : 2,
    });
  }
  const { deleted, rowEnds } = formattedRanges(wv, tv);
  const within = (ranges: [number, number][], pos: number) => ranges.length > 0 && ranges.some(([from, to]) => pos >= from && pos < to);
  const utf16 = new TextDecoder('utf-16le');
  const chars: string[] = [];
  for (const p of pieces) {
    const count = p.cpEnd - p.cpStart;
    if (count < 0 || p.fc + count * p.width > word.length) throw new BadDoc('piece out of range');
    const text = p.width === 2 ? utf16.decode(word.subarray(p.fc, p.fc + 2 * count)) : Array.from(word.subarray(p.fc, p.fc + count), (b) => (b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b))).join('');
    for (let k = 0; k < count; k++) {
      const pos = p.fc + k * p.width;
      // a row's end mark ends the line of cells
      chars.push(within(deleted, pos) ? '' : text[k] === '\u0007' && within(rowEnds, pos) ? '\n' : (text[k] ?? ''));
    }
  }
  const counts = [0x4c, 0x50, 0x54, 0x5c, 0x60, 0x64].map((o) => wv.getUint32(o, true));
  return { chars, counts };
}

/** Word's control characters: cell marks to tabs, paragraph and line marks to line breaks, fields to their results. */
export function cleanWordText(text: string): string {
  // a typed tab is a space: tabs here are cell marks
  let out = text.replace(/\t/g, ' ').replace(/[\r\u000b\u000c]/g, '\n').replace(/\u0007/g, '\t').replace(/\u001e/g, '\u2011').replace(/\u001f/g, '');
  // \x13 code \x14 result \x15 → result; innermost first
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/\u0013[^\u0013\u0014\u0015]*(?:\u0014([^\u0013\u0014\u0015]*))?\u0015/g, (_, result: string | undefined) => result ?? '');
  }
  return out.replace(/[\u0000-\u0006\u0008\u0013-\u0015]/g, '');
}

/** Reads a .doc file's text: body, then text boxes, each Word table row on a line of cells "a | b | c". */
export function readDoc(bytes: Uint8Array): DocRead {
  try {
    const streams = compoundStreams(bytes);
    const word = streams.get('WordDocument');
    if (!word) return { ok: false, reason: 'OLE document (.doc/.xls) could not be read as Word: no WordDocument stream (an .xls or .ppt?)' };
    if (word.length < 0x1aa) throw new BadDoc('WordDocument stream too short');
    const wv = new DataView(word.buffer, word.byteOffset, word.byteLength);
    if (wv.getUint16(0, true) !== 0xa5ec) return { ok: false, reason: 'OLE document (.doc/.xls) could not be read as Word: not Word 97–2003 (Word 6/95 or older?)' };
    const flags = wv.getUint16(0x0a, true);
    if (flags & 0x0100) return { ok: false, reason: 'encrypted Word document: a password is needed to read it' };
    const table = streams.get(flags & 0x0200 ? '1Table' : '0Table');
    if (!table) throw new BadDoc('no table stream');
    // one string per character position (the counts index positions, not UTF-16 units)
    const { chars, counts } = documentText(word, table);
    const [ccpText, ccpFtn, ccpHdd, ccpAtn, ccpEdn, ccpTxbx] = counts;
    const body = chars.slice(0, ccpText).join('');
    const boxStart = ccpText + ccpFtn + ccpHdd + ccpAtn + ccpEdn;
    const boxes = ccpTxbx > 0 ? chars.slice(boxStart, boxStart + ccpTxbx - 1).join('') : '';
    return {
      ok: true,
      text: [cleanWordText(body), cleanWordText(boxes)]
        .filter((t) => t.trim() !== '')
        .map(docTableCells)
        .join('\n'),
    };
  } catch (error) {
    return { ok: false, reason: `OLE document (.doc/.xls) could not be read as Word: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Word ends every table cell with a cell mark (a tab here) and every row with one more (an empty
 * piece between two tabs) or a tab and a line break; a line break inside a cell's text is the cell's
 * own. Each row becomes a line of cells "a | b | c": a blank cell (a space, as LibreOffice and
 * Word save an emptied cell) stays a cell, so the numbers after it keep their columns (as tabs,
 * runs of blank cells would collapse into one gap). A cell holding no character at all cannot be
 * told from a row's end and ends the row: numbers after it are left unread, never moved.
 */
const nextTabBeforeLineBreak = (text: string, from: number): boolean => {
  const tab = text.indexOf('\t', from);
  const lineBreak = text.indexOf('\n', from);
  return tab >= 0 && (lineBreak < 0 || tab < lineBreak);
};

export function docTableCells(text: string): string {
  const lines: string[] = [];
  let row: string[] = [];
  let cell = '';
  let afterTab = false;
  // a row just ended by its mark, and then cell marks with nothing before them: the next row's
  // first cells, empty (the lower parts of cells merged down the rows), so the row goes on
  let rowEnded = false;
  let blankLead = false;
  const endRow = () => {
    if (row.length > 0) lines.push(row.join(' | '));
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\t') {
      if (afterTab && cell === '') {
        if (row.length > 0) rowEnded = true;
        else if (rowEnded) blankLead = true;
        endRow();
      } else {
        row.push(cell.trim());
        rowEnded = blankLead = false;
      }
      cell = '';
      afterTab = true;
    } else if (ch === '\n') {
      // inside a cell: the row has cells (or merged blank ones) and this one has text, or a row's
      // first cell wrapped after a few characters ("结果" / "维持") going on to a tab before any
      // other line break (a paragraph before a table is longer, or it would join the table's first cell)
      if (!afterTab && cell !== '' && (row.length > 0 || blankLead || (cell.length <= 6 && nextTabBeforeLineBreak(text, i + 1)))) continue;
      endRow();
      if (cell !== '' || !afterTab) lines.push(cell);
      cell = '';
      afterTab = false;
      rowEnded = blankLead = false;
    } else {
      cell += ch;
      afterTab = false;
    }
  }
  endRow();
  if (cell !== '') lines.push(cell);
  return lines.join('\n');
}
