// The normalised text as a stream of table cells. Text extractions put cells one per line,
// between "|" separators, or several on a line separated by runs of spaces; the HTML
// renderer writes "a | b | c" rows. All of them become the same stream of tokens.
import type { NormText } from '../normalise/text';

export interface Token {
  /** Trimmed cell text (normalised). */
  text: string;
  /** Normalised offsets of the trimmed text. */
  from: number;
  to: number;
  /** Line number, to tell cells of one row from the next. */
  line: number;
  /** The line had "|" separators, so blank tokens are real (blank) cells. */
  piped: boolean;
}

const isTrimmed = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3f || c === 0xff1f || c === 0x3000 || c === 0xa0;

/** Pushes the trimmed cell s[from, to); an empty one only when `keepBlank`. */
function pushToken(tokens: Token[], s: string, from: number, to: number, line: number, piped: boolean, keepBlank: boolean) {
  while (from < to && isTrimmed(s.charCodeAt(from))) from++;
  while (to > from && isTrimmed(s.charCodeAt(to - 1))) to--;
  if (from === to && !keepBlank) return;
  tokens.push({ text: s.slice(from, to), from, to, line, piped });
}

/**
 * Splits one line's segment into cells on runs of 2+ spaces or a tab (scanning the segment only).
 * Spaces around the cells (indentation, trailing spaces) make no cell; a segment holding no text
 * at all is one blank cell.
 */
function splitWide(tokens: Token[], s: string, from: number, to: number, line: number, piped: boolean) {
  const before = tokens.length;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x09 || (c === 0x20 && i + 1 < to && s.charCodeAt(i + 1) === 0x20)) {
      pushToken(tokens, s, start, i, line, piped, false);
      while (i < to && (s.charCodeAt(i) === 0x20 || s.charCodeAt(i) === 0x09)) i++;
      start = i;
      i--;
    }
  }
  pushToken(tokens, s, start, to, line, piped, false);
  if (tokens.length === before) pushToken(tokens, s, from, to, line, piped, true);
}

/** The segment holds figures and spaces only, two figures at least (1  0  5). */
function figuresOnly(s: string, from: number, to: number): boolean {
  let digits = false;
  let gap = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (gap && digits) return onlyFigures(s, i, to);
      digits = true;
    } else if (c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0) {
      if (digits) gap = true;
    } else if (c !== 0x2c && c !== 0x2e) return false;
  }
  return false;
}

const onlyFigures = (s: string, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x2c || c === 0x2e)) return false;
  }
  return true;
};

/**
 * A line of cells copied from a web table has one tab between cells (blank cells too). True when
 * the line holds at least two tab-separated cells with text: each tab is then one cell boundary.
 */
function tabbedRow(s: string, from: number, to: number): boolean {
  let texts = 0;
  let text = false;
  for (let i = from; i <= to; i++) {
    const c = i < to ? s.charCodeAt(i) : 0x09;
    if (c === 0x09) {
      if (text && ++texts >= 2) return true;
      text = false;
    } else if (!isTrimmed(c)) text = true;
  }
  return false;
}

export function tokenize(norm: NormText): Token[] {
  const s = norm.s;
  const tokens: Token[] = [];
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s.charCodeAt(i) === 0x0a) {
      // scan this line only (a search past its end made many short lines quadratic)
      let piped = false;
      let tabbed = false;
      for (let j = lineStart; j < i && !piped; j++) {
        const c = s.charCodeAt(j);
        piped = c === 0x7c;
        tabbed ||= c === 0x09;
      }
      if (!piped && tabbed && tabbedRow(s, lineStart, i)) {
        let cellStart = lineStart;
        for (let j = lineStart; j <= i; j++) {
          if (j < i && s.charCodeAt(j) !== 0x09) continue;
          pushToken(tokens, s, cellStart, j, line, true, true);
          cellStart = j + 1;
        }
        line++;
        lineStart = i + 1;
        continue;
      }
      if (piped) {
        // the pipes are the separators: spaces inside a cell are its own (a label spread out,
        // 规　　章), except between figures, which a row printed with one pipe holds apart (| 1  0  5)
        let segStart = lineStart;
        for (let j = lineStart; j <= i; j++) {
          if (j < i && s.charCodeAt(j) !== 0x7c) continue;
          if (figuresOnly(s, segStart, j)) splitWide(tokens, s, segStart, j, line, true);
          else pushToken(tokens, s, segStart, j, line, true, true);
          segStart = j + 1;
        }
      } else splitWide(tokens, s, lineStart, i, line, false);
      line++;
      lineStart = i + 1;
    }
  }
  return tokens;
}

/** Cell text compacted for label matching: no spaces, quotes, stray "?" or brackets' spaces. */
export function compact(text: string): string {
  // a loop, not a regular expression: this runs over the whole text and every cell
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isDropped(text.charCodeAt(i))) continue;
    if (i > from) out += text.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? text : from < text.length ? out + text.slice(from) : out;
}
/** What compact drops: \s as JavaScript defines it, quotes, corner brackets, question marks. */
const DROPPED = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (/[\s"'“”‘’「」?？]/.test(String.fromCharCode(c))) DROPPED[c] = 1;
const isDropped = (c: number): boolean => DROPPED[c] === 1;
