// The section headings of a text (一、主动公开政府信息情况; （二）依申请公开情况) and the one that
// governs a place: a heading's subject is the scope of every figure under it, to the next heading.
// A heading is a line of its own that opens with a section's ordinal and says no sentence (no full
// stop, no figure with its unit); 1. 2. items are sentences of a list, not headings.

export interface Heading {
  start: number;
  /** Where its line ends (the line break, or the text's end). */
  end: number;
  /** 1: 一、 or 第一部分; 2: （一）. */
  level: 1 | 2;
  text: string;
}

const HEADING = /^[ \t\u3000]*(?:(第?[一二三四五六七八九十]+(?:部分|章)?[、.．]?)|([（(][一二三四五六七八九十]+[)）]))([ \t\u3000]*)([^\n]{1,40})$/;
/** The end of a first-level ordinal (一、 第三部分 第二章), or a bare ordinal when a space follows it (三 依申请公开情况). */
const ORDINAL_END = /(?:[、.．章]|部分)$/;
/** What a heading never holds: a sentence's end, or a figure with its unit. */
const NOT_HEADING = /[。；;]|[\d０-９〇零一二两三四五六七八九十百千]\s*(?:条|件|宗|篇|份|项|次|起|元)/;

/** The characters a heading's line opens with, after its indentation: 第, a numeral of 一–十, or a bracket. */
const OPENERS = new Set([...'第一二三四五六七八九十（('].map((c) => c.charCodeAt(0)));

/** The headings of `s`, in text order. */
export function headingsOf(s: string): Heading[] {
  const out: Heading[] = [];
  for (let start = 0; start < s.length; ) {
    const nl = s.indexOf('\n', start);
    const end = nl < 0 ? s.length : nl;
    // a heading is short: only short lines opening with an ordinal's first character are tried
    if (end - start <= 48) {
      let first = start;
      while (first < end && isIndent(s.charCodeAt(first))) first++;
      const m = first < end && OPENERS.has(s.charCodeAt(first)) ? HEADING.exec(s.slice(start, end)) : null;
      if (m && (m[1] === undefined || ORDINAL_END.test(m[1]) || m[3] !== '') && !NOT_HEADING.test(m[4])) out.push({ start, end, level: m[2] ? 2 : 1, text: m[4] });
    }
    start = end + 1;
  }
  return out;
}
const isIndent = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000;

/**
 * The heading whose subject governs `at`: the nearest before it, or, when that names none of
 * `subjects`, the nearest first-level heading above it (一、主动公开 / （二）公开形式 / …).
 */
export function governingHeading(headings: readonly Heading[], at: number, subjects: RegExp): Heading | null {
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  const near = lo > 0 ? headings[lo - 1] : null;
  if (near === null || near.level === 1 || subjects.test(near.text)) return near;
  for (let k = lo - 2; k >= 0; k--) if (headings[k].level === 1) return headings[k];
  return near;
}

/** The first line under a heading, at most `max` characters of it. */
export function lineAfter(s: string, h: Heading, max: number): { start: number; text: string } {
  const start = h.end + 1;
  const head = s.slice(start, start + max);
  const br = head.indexOf('\n');
  return { start, text: br < 0 ? head : head.slice(0, br) };
}
