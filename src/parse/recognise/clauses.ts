// Clauses and sentences of a text, found in one pass: a clause ends at a comma, colon,
// semicolon, full stop or line break; a sentence at a full stop, semicolon or line break.
// A comma between digits that groups thousands (12,345) or inside parentheses ends no clause,
// nor a colon between a label and its figure (政府网站：1070条; 行政复议：2件): one item. A heading-like
// label's colon (主动公开政府信息情况：共1520条) does end its clause: the label is the topic, as a heading line is.

export interface Segments {
  /** Start offsets of the clauses, ascending; a clause runs to the next start (minus its mark). */
  clauseStarts: Int32Array;
  /** Start offsets of the sentences, ascending. */
  sentenceStarts: Int32Array;
  length: number;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

function isClauseMark(s: string, i: number): boolean {
  switch (s.charCodeAt(i)) {
    case 0x2c: // ,
      // 12,345: a thousands separator, not a clause mark
      return !(isDigit(s.charCodeAt(i - 1)) && isDigit(s.charCodeAt(i + 1)) && isDigit(s.charCodeAt(i + 3)) && !isDigit(s.charCodeAt(i + 4)));
    case 0xff0c: // ，
    case 0x3a: // :
    case 0xff1a: // ：
    case 0x21: // !
    case 0x3f: // ?
      return true;
    default:
      return isSentenceMark(s, i);
  }
}

function isSentenceMark(s: string, i: number): boolean {
  switch (s.charCodeAt(i)) {
    case 0x3002: // 。
    case 0x3b: // ;
    case 0xff1b: // ；
    case 0x0a: // line break
    case 0xff01: // ！
    case 0xff1f: // ？
      return true;
    default:
      return false;
  }
}

/** What each character is to the segmenter (one table lookup per character). */
const OPEN = 1;
const CLOSE = 2;
const COMMA = 3;
const CLAUSE = 4;
const SENTENCE = 5;
const ROLE = new Uint8Array(0x10000);
for (const c of [0x28, 0xff08]) ROLE[c] = OPEN;
for (const c of [0x29, 0xff09]) ROLE[c] = CLOSE;
ROLE[0x2c] = COMMA;
for (const c of [0xff0c, 0x3a, 0xff1a, 0x21, 0x3f]) ROLE[c] = CLAUSE;
for (const c of [0x3002, 0x3b, 0xff1b, 0x0a, 0xff01, 0xff1f]) ROLE[c] = SENTENCE;

/** A figure with its unit right after a colon (a total word or an approximate one may come first). */
const FIGURE_NEXT = /^[ \t\u3000]*(?:共计|共|合计|总计|约|近|为)?[ \t\u3000]*(?:[\d０-９][\d０-９,.]*|[〇零一二两三四五六七八九十百千]+)[ \t\u3000]*万?(?:余|多)?[ \t\u3000]*(?:条|件|宗|篇|份|项|次|起|例|则)/;
/** What a figure after a colon can open with (a digit, a numeral, a total or an approximate word): a cheap look before the pattern. */
const FIGURE_FIRST = new Set([...'0123456789０１２３４５６７８９〇零一二两三四五六七八九十百千共合总约近为'].map((ch) => ch.charCodeAt(0)));
/** A label that is a heading (主动公开政府信息情况：, 依申请公开方面：): the topic of the fact after it, not the figure's own item. */
const HEADING_LABEL = /(?:情况|方面)[ \t\u3000]*$/;
/** A colon after a label holding no figure, before its figure: the label names what the figure counts. */
function labelColon(s: string, i: number, clauseStart: number): boolean {
  const c = s.charCodeAt(i);
  if (c !== 0x3a && c !== 0xff1a) return false;
  if (HEADING_LABEL.test(s.slice(Math.max(clauseStart, i - 4), i))) return false;
  let j = i + 1;
  while (s.charCodeAt(j) === 0x20 || s.charCodeAt(j) === 0x3000 || s.charCodeAt(j) === 0x09) j++;
  if (!FIGURE_FIRST.has(s.charCodeAt(j))) return false;
  if (!FIGURE_NEXT.test(s.slice(i + 1, i + 24))) return false;
  for (let k = clauseStart; k < i; k++) {
    const d = s.charCodeAt(k);
    if ((d >= 0x30 && d <= 0x39) || (d >= 0xff10 && d <= 0xff19)) return false;
  }
  return i - clauseStart <= 30;
}

/** A count with its unit ends right before `i` (2546条, 12件). */
const COUNT_UNITS = new Set([...'条件篇份项'].map((ch) => ch.charCodeAt(0)));
function countBefore(s: string, i: number): boolean {
  if (!COUNT_UNITS.has(s.charCodeAt(i - 1))) return false;
  const c = s.charCodeAt(i - 2);
  return isDigit(c) || (c >= 0xff10 && c <= 0xff19) || '〇零一二两三四五六七八九十百千万余多'.includes(s[i - 2] ?? '\0');
}

export function segment(s: string): Segments {
  const clauses: number[] = [0];
  const sentences: number[] = [0];
  let depth = 0; // inside parentheses a comma ends no clause: (包含市政府门户网站、局网站,下同)
  let breakdown = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // an ideograph is no mark: most characters skip the table (a report's own characters would pull its lines through the cache)
    if (c >= 0x3400 && c <= 0x9fff) continue;
    const role = ROLE[c];
    if (role === 0) continue;
    if (role === OPEN) {
      // 主动公开政府信息2546条（政府网站1070条、其他渠道1476条）: a parenthesis right after a count opens its breakdown, items of their own
      if (depth === 0 && countBefore(s, i)) {
        clauses.push(i + 1);
        breakdown = true;
      } else depth++;
    } else if (role === CLOSE) {
      if (depth > 0) depth--;
      // …2件（均维持原决定）和行政诉讼1件: the breakdown ends with its parenthesis
      else if (breakdown) clauses.push(i + 1);
      breakdown = false;
    } else if (role === SENTENCE) {
      depth = 0;
      breakdown = false;
      sentences.push(i + 1);
      clauses.push(i + 1);
    } else if (depth === 0 && (role === CLAUSE || isClauseMark(s, i)) && !labelColon(s, i, clauses[clauses.length - 1])) clauses.push(i + 1);
  }
  return { clauseStarts: Int32Array.from(clauses), sentenceStarts: Int32Array.from(sentences), length: s.length };
}

/** Index of the last start ≤ at. */
function floorIndex(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** [start, end) of the clause holding `at` (end excludes the closing mark). */
export function clauseAt(seg: Segments, at: number): [number, number] {
  const k = floorIndex(seg.clauseStarts, at);
  return [seg.clauseStarts[k], k + 1 < seg.clauseStarts.length ? seg.clauseStarts[k + 1] - 1 : seg.length];
}

/** [start, end) of the sentence holding `at`. */
export function sentenceAt(seg: Segments, at: number): [number, number] {
  const k = floorIndex(seg.sentenceStarts, at);
  return [seg.sentenceStarts[k], k + 1 < seg.sentenceStarts.length ? seg.sentenceStarts[k + 1] - 1 : seg.length];
}
