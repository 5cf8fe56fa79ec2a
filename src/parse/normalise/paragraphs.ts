// Paragraphs of a text wrapped at a fixed width (a PDF's text extracted to a .txt, a page printed
// to plain text): the line breaks a page's width made are not the writer's, and the narrative is
// read with them undone. The principle is the PDF reader's (input/pdf-layout.ts), by characters
// instead of boxes: a text is wrapped when many of its lines end at one width and none is longer;
// a line reaching that width with no sentence end continues on the next line, across the page's
// furniture between them (a page number, a running header or footer). Its own line break, the
// next line's indentation and the furniture are dropped; everything else keeps its offset, so a
// figure broken over two lines is one figure again and its span covers both parts. A line that
// stops short of the width (a heading, a paragraph's last line) still ends there.
import type { NormText } from './text';

/** Display width: a CJK or full-width character is as wide as two Latin ones. */
const charWidth = (c: number) => (c >= 0x2e80 && c <= 0xffef && !(c >= 0xff61 && c <= 0xff9f) ? 2 : 1);
/** Whitespace as a regular expression's \s knows it (the line terminators and form feed included). */
function isSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A table row ("a | b | c"): never joined. */
const isTableRow = (line: string) => line.includes('|');
/** A sentence (or a clause of a list) ends with the line: the break is the writer's. */
const SENTENCE_END = /[。！？!?；;]\s*$/;
/** A line opening with an ordinal (四、, （二）, 3., 第二部分) begins a heading or a list item: never a continuation. */
const ORDINAL = /^\s*(?:[一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十\d]{1,3}[)]|\d{1,2}[、.](?!\d)|第[一二三四五六七八九十]+[章节部分])/;
/** A numbered heading (四、行政复议情况, （二）…, 3.…) with no clause in it: its own line, however long. */
const HEADING = new RegExp(`${ORDINAL.source}[^,。;:]*$`);
/** Page numbers as printed alone on a line: "- 3 -", "— 3 —", "第 3 页 共 8 页", "第3页", "3/8". */
const PAGE_NUMBER = /^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;
/** A number alone on a line ("3"): a page's number, or a figure the writer's layout put on its own line. */
const BARE_NUMBER = /^\d{1,4}$/;
/** At most this many lines between a page's last line and the next page's first (numbers, headers, blanks). */
const MAX_FURNITURE_LINES = 6;
/** Lines shorter than this are not counted when the text's width is sought (headings, cells). */
const MIN_MEASURED = 20;
/** A text is wrapped when at least this many lines, and this share of its measured lines, end at one width. */
const MIN_FULL_LINES = 3;
const MIN_FULL_SHARE = 0.3;
/** How far short of the width a full line may end (a character that did not fit, a kinsoku shift, indentation). */
const slackOf = (width: number) => Math.max(4, Math.round(width / 10));

interface Line {
  /** Display width of the text, as printed. */
  width: number;
  from: number;
  to: number;
  /** Trimmed of trailing spaces and form feeds. */
  text: string;
}

// One walk per line, no regular expression nor closure: every text's lines are measured, wrapped or not.
function linesOf(norm: NormText, original: string): Line[] {
  const { s, map } = norm;
  const out: Line[] = [];
  let from = 0;
  for (;;) {
    const nl = s.indexOf('\n', from);
    const to = nl < 0 ? s.length : nl;
    let end = to;
    while (end > from && isSpace(s.charCodeAt(end - 1))) end--;
    // width as printed: of the original characters (，is as wide as a CJK character, though normalised to ,)
    let width = 0;
    for (let k = from; k < end; k++) width += charWidth(original.charCodeAt(map[k]));
    out.push({ from, to, text: s.slice(from, end), width });
    if (nl < 0) return out;
    from = nl + 1;
  }
}

/** A line the text's width is sought from: its width, and whether the width may have cut it (no sentence end, no heading). */
export interface MeasuredLine {
  width: number;
  cut: boolean;
}

/**
 * The lines of a text as wide as MIN_MEASURED (shorter ones, headings and cells, are no evidence)
 * that are not table rows; none when too few of them may be cut for any width to be found
 * (wrapWidth's first test): most texts are not wrapped, and a long line's width is then never
 * summed (a line of MIN_MEASURED characters or more is as wide as MIN_MEASURED at least).
 */
export function measuredLines(norm: NormText, original: string): MeasuredLine[] {
  const { s, map } = norm;
  const widthOf = (from: number, end: number) => {
    let width = 0;
    for (let k = from; k < end; k++) width += charWidth(original.charCodeAt(map[k]));
    return width;
  };
  /** [from, end) of each line kept, its width (-1: not summed yet) and whether it may be cut. */
  const found: { from: number; end: number; width: number; cut: boolean }[] = [];
  let cutCount = 0;
  // the next '|' at or after a line's start (s.length + 1: none), searched again only once passed
  let pipe = -1;
  for (let from = 0; from <= s.length; ) {
    const nl = s.indexOf('\n', from);
    const to = nl < 0 ? s.length : nl;
    let end = to;
    while (end > from && isSpace(s.charCodeAt(end - 1))) end--;
    // no character is wider than 2: a line of fewer than MIN_MEASURED / 2 characters is narrower
    if (2 * (end - from) >= MIN_MEASURED) {
      const width = end - from >= MIN_MEASURED ? -1 : widthOf(from, end);
      if (pipe < from) {
        const p = s.indexOf('|', from);
        pipe = p < 0 ? s.length + 1 : p;
      }
      if ((width < 0 || width >= MIN_MEASURED) && pipe >= end) {
        const cut = !SENTENCE_END_CODES.has(s.charCodeAt(end - 1)) && !HEADING.test(s.slice(from, end));
        if (cut) cutCount++;
        found.push({ from, end, width, cut });
      }
    }
    if (nl < 0) break;
    from = nl + 1;
  }
  if (cutCount < MIN_FULL_LINES || cutCount < MIN_FULL_SHARE * found.length) return [];
  return found.map((l) => ({ width: l.width < 0 ? widthOf(l.from, l.end) : l.width, cut: l.cut }));
}

/**
 * The width a text is wrapped at, or null when its lines are the writer's: the width most lines
 * end at (within the slack), lines longer than it being few (a title or a row copied unwrapped).
 * Only lines the width cut count as evidence: a line ending a sentence or a heading may be as
 * long by chance (three such lines of a short text are the writer's).
 */
export function wrapWidth(measured: readonly MeasuredLine[]): number | null {
  // a width's full lines are among the cut ones: too few of those, and no width can be the text's
  let cutCount = 0;
  for (const l of measured) if (l.cut) cutCount++;
  if (cutCount < MIN_FULL_LINES || cutCount < MIN_FULL_SHARE * measured.length) return null;
  const sorted = [...measured].sort((a, b) => a.width - b.width);
  const widths = sorted.map((l) => l.width);
  let best: { width: number; full: number } | null = null;
  for (let k = widths.length - 1; k >= 0; k--) {
    const width = widths[k];
    if (k < widths.length - 1 && width === widths[k + 1]) continue;
    const longer = widths.length - 1 - k;
    let full = 0;
    for (let j = k; j >= 0 && widths[j] >= width - slackOf(width); j--) if (sorted[j].cut) full++;
    if (longer * MAX_LONGER > full) continue;
    if (!best || full > best.full) best = { width, full };
  }
  return best && best.full >= MIN_FULL_LINES && best.full >= MIN_FULL_SHARE * widths.length ? best.width : null;
}
/** Lines longer than the width: at most one for this many lines ending at it. */
const MAX_LONGER = 4;

/** The characters SENTENCE_END ends a trimmed line with. */
const SENTENCE_END_CODES = new Set([...'。！？!?；;'].map((c) => c.charCodeAt(0)));

/** Repeated lines (digits aside) a page prints at its head or foot. */
function runningLines(lines: readonly Line[]): Set<string> {
  const seen = new Map<string, number>();
  for (const l of lines) {
    const key = furnitureKey(l.text);
    if (key.length >= 4 && !isTableRow(key)) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n >= 2).map(([k]) => k));
}
const furnitureKey = (line: string) => line.replace(/[\s\f]+/g, '').replace(/\d+/g, '#');

/**
 * The text with wrapped paragraphs joined (see the file's comment); the same object when the text
 * is not wrapped at a fixed width. `original`: the text `norm` was normalised from.
 */
export function unwrapParagraphs(norm: NormText, original: string): NormText {
  const width = wrapWidth(measuredLines(norm, original));
  if (width === null) return norm;
  const lines = linesOf(norm, original);
  const full = width - slackOf(width);
  const running = runningLines(lines);
  const isFurniture = (l: Line) => running.has(furnitureKey(l.text));
  const pageEnd = pageEnds(lines, norm.s);
  const isPageEnd = (k: number) => pageEnd[k];
  /** [from, to) ranges of norm.s dropped. */
  const cuts: [number, number][] = [];
  /** The line the last cut joined onto. */
  let joinedOnto = -1;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i];
    // a figure alone on a line inside a paragraph (…共\n1200\n条) goes on, however short
    const figureInProse = joinedOnto === i && BARE_NUMBER.test(line.text.trim());
    // (a line the last cut joined onto goes on a paragraph: its ordinal, if any, was a reference)
    const heading = joinedOnto !== i && HEADING.test(line.text);
    if (!figureInProse && (isTableRow(line.text) || line.width < full || line.width > width || SENTENCE_END.test(line.text) || heading)) continue;
    // a page's end between the two: its number or a form feed, with blank lines and running lines
    let k = i + 1;
    let atPageEnd = false;
    while (k < lines.length && k - i <= MAX_FURNITURE_LINES && (lines[k].text.trim() === '' || isFurniture(lines[k]) || isPageEnd(k))) {
      if (isPageEnd(k)) atPageEnd = true;
      k++;
    }
    // no page's end: the very next line continues (a repeated line is a running one only at a page's end)
    if (!atPageEnd) k = i + 1;
    if (k >= lines.length || k - i > MAX_FURNITURE_LINES || lines[k].text.trim() === '') continue;
    const next = lines[k];
    // an ordinal after a full line's 第 is a reference (第二十条第⏎（一）项), not a list item
    if (isTableRow(next.text) || (ORDINAL.test(next.text) && !line.text.endsWith('第'))) continue;
    const indent = /^[\s\f]*/.exec(norm.s.slice(next.from, next.to))![0].length;
    cuts.push([line.from + line.text.length, next.from + indent]);
    joinedOnto = k;
    i = k - 1;
  }
  return withoutRanges(norm, cuts);
}

/**
 * Which lines end a page: a form feed, a page number as printed (第 3 页, - 3 -), or a bare number
 * beside a blank line or a form feed, or in the sequence of the text's page numbers (3 then 4, a
 * page's length apart; the first being 1 or 2). Any other bare number is a figure of the text
 * (…共\n1200\n条).
 */
function pageEnds(lines: readonly Line[], s: string): boolean[] {
  const raw = (k: number) => (k >= 0 && k < lines.length ? s.slice(lines[k].from, lines[k].to) : '');
  const blank = (k: number) => k >= 0 && k < lines.length && lines[k].text.trim() === '';
  const printed = lines.map((l, k) => raw(k).includes('\f') || PAGE_NUMBER.test(l.text.trim()));
  const bare = lines.map((l) => BARE_NUMBER.test(l.text.trim()));
  /** Lines that may carry a page's number, with that number. */
  const numbered: { k: number; n: number }[] = [];
  lines.forEach((l, k) => {
    const n = /\d+/.exec(l.text);
    if (n && (bare[k] || PAGE_NUMBER.test(l.text.trim()))) numbered.push({ k, n: Number(n[0]) });
  });
  const out = [...printed];
  /** The last line taken for a page's number. */
  let last: { k: number; n: number } | undefined;
  numbered.forEach(({ k, n }, j) => {
    const after = numbered[j + 1];
    const besideBreak = blank(k - 1) || blank(k + 1) || raw(k - 1).endsWith('\f') || raw(k + 1).startsWith('\f');
    // the first page's number (1, or 2 after an unnumbered cover) a page's length in, or the one after the last
    const follows = last === undefined ? n <= 2 && k > MAX_FURNITURE_LINES : last.n === n - 1 && k - last.k > MAX_FURNITURE_LINES;
    const precedes = after !== undefined && after.n === n + 1 && after.k - k > MAX_FURNITURE_LINES;
    if (!bare[k] || besideBreak || follows || precedes) {
      out[k] = true;
      last = { k, n };
    }
  });
  return out;
}

/** The units a figure's count or amount is printed with (and 万/亿, 余/多 between). */
const UNIT = '(?:万|亿)?(?:余|多)?(?:条|件|宗|篇|份|个|项|人|次|部|例|起|元)';
/**
 * A figure printed with spaces between its thousands groups (9 695件, 1 234 567条): the spaces
 * dropped, so the figure is read whole and never as its last group. Only before a unit, and not
 * after another digit: a row of figures (12 345 0) stays a row.
 */
const SPACED_GROUPS = new RegExp(`(?<![\\d,.|] *)\\d{1,3}(?: \\d{3})+(?= ?${UNIT})`, 'g');
/**
 * Spaces between a figure and its unit (12 件, as text extraction and &nbsp; print them), after the
 * figure's last digit (matched, not looked behind for: a lookbehind is tried at every character).
 */
const SPACE_BEFORE_UNIT = new RegExp(`\\d +(?=${UNIT})`, 'g');

/** A figure's spaces (between its groups, before its unit) dropped; each character left keeps its offset. */
export function joinFigures(norm: NormText): NormText {
  if (!digitBeforeSpace(norm.s)) return norm; // both patterns need a digit and a space after it
  const cuts: [number, number][] = [];
  for (const m of norm.s.matchAll(SPACED_GROUPS)) for (let k = m.index; k < m.index + m[0].length; k++) if (norm.s[k] === ' ') cuts.push([k, k + 1]);
  for (const m of norm.s.matchAll(SPACE_BEFORE_UNIT)) cuts.push([m.index + 1, m.index + m[0].length]);
  return withoutRanges(norm, cuts.sort((a, b) => a[0] - b[0]));
}

/** Whether a digit is followed by a space anywhere in `s` (the spaces are few: found by indexOf, not a pattern). */
function digitBeforeSpace(s: string): boolean {
  for (let i = s.indexOf(' ', 1); i > 0; i = s.indexOf(' ', i + 1)) {
    const c = s.charCodeAt(i - 1);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}
/** `norm` without the [from, to) ranges (in order, not overlapping); each character left keeps its offset. */
function withoutRanges(norm: NormText, cuts: readonly [number, number][]): NormText {
  if (cuts.length === 0) return norm;
  const ends = [...cuts, [norm.s.length, norm.s.length] as const];
  let kept = 0;
  let at = 0;
  for (const [from, to] of ends) {
    kept += Math.max(0, from - at);
    at = to;
  }
  const parts: string[] = [];
  const map = new Int32Array(kept + 1);
  let o = 0;
  at = 0;
  for (const [from, to] of ends) {
    if (from > at) {
      parts.push(norm.s.slice(at, from));
      map.set(norm.map.subarray(at, from), o);
      o += from - at;
    }
    at = to;
  }
  map[o] = norm.map[norm.s.length];
  return { s: parts.join(''), map };
}

/** A prose line's last character inside its sentence: a character, a digit, a comma (not 。；： nor a closing bracket). */
const isOpenLineEnd = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || c === 0x2c || c === 0xff0c || c === 0x3001;
/** A line going on with the sentence: a character or a digit first, no indentation (an indented line opens a paragraph). */
const GOES_ON = /^[\u4e00-\u9fff\d]/;
/**
 * Prose lines broken inside their sentence by a writer or a converter, at no fixed width (…主动公开政府⏎信息1234条。):
 * joined when the line holds a clause's comma (prose, not a title or table cell) and no ordinal first (a heading), ends with no
 * sentence's end or colon, and the next line goes on unindented with no ordinal, table row or page number.
 * Each character left keeps its offset.
 */
export function joinBrokenSentences(norm: NormText): NormText {
  const s = norm.s;
  // the line breaks, found in one walk over the text (no search started from each line)
  const breaks: number[] = [];
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 0x0a) breaks.push(i);
  const cuts: [number, number][] = [];
  for (let k = 0; k < breaks.length; k++) {
    const nl = breaks[k];
    const from = k === 0 ? 0 : breaks[k - 1] + 1;
    // most lines end a sentence: their last character says so before the line is cut out
    if (nl === from || !isOpenLineEnd(s.charCodeAt(nl - 1))) continue;
    const line = s.slice(from, nl);
    // (a line opening with an ordinal and ending with no stop is a heading: （一）重视政民互动交流,回应社会民生关切)
    if (!/[,，]/.test(line) || isTableRow(line) || ORDINAL.test(line)) continue;
    const next = s.slice(nl + 1, k + 1 < breaks.length ? breaks[k + 1] : s.length);
    if (!GOES_ON.test(next) || ORDINAL.test(next) || isTableRow(next) || PAGE_NUMBER.test(next.trim())) continue;
    // (a digit each side would make one number of two: 答复13⏎2件结转…, 详见附表1⏎2021年…; a figure split by a break is joinFigures')
    if (/\d$/.test(line) && /^\d/.test(next)) continue;
    cuts.push([nl, nl + 1]);
  }
  return withoutRanges(norm, cuts);
}
