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

const TRIM = /[\s?？]/;

function pushToken(tokens: Token[], s: string, from: number, to: number, line: number, piped: boolean) {
  while (from < to && TRIM.test(s[from])) from++;
  while (to > from && TRIM.test(s[to - 1])) to--;
  tokens.push({ text: s.slice(from, to), from, to, line, piped });
}

/** Splits one line's segment into cells on runs of 2+ spaces or a tab (scanning the segment only). */
function splitWide(tokens: Token[], s: string, from: number, to: number, line: number, piped: boolean) {
  let start = from;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x09 || (c === 0x20 && s.charCodeAt(i + 1) === 0x20 && i + 1 < to)) {
      pushToken(tokens, s, start, i, line, piped);
      while (i < to && (s.charCodeAt(i) === 0x20 || s.charCodeAt(i) === 0x09)) i++;
      start = i;
      i--;
    }
  }
  pushToken(tokens, s, start, to, line, piped);
}

export function tokenize(norm: NormText): Token[] {
  const s = norm.s;
  const tokens: Token[] = [];
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s[i] === '\n') {
      const piped = s.lastIndexOf('|', i - 1) >= lineStart;
      let segStart = lineStart;
      for (let j = lineStart; j < i; j++) {
        if (s[j] === '|') {
          splitWide(tokens, s, segStart, j, line, piped);
          segStart = j + 1;
        }
      }
      splitWide(tokens, s, segStart, i, line, piped);
      line++;
      lineStart = i + 1;
    }
  }
  return tokens;
}

/** Cell text compacted for label matching: no spaces, quotes, stray "?" or brackets' spaces. */
export const compact = (text: string): string => text.replace(/[\s"'“”‘’「」?？]/g, '');
