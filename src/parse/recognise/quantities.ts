// Every quantity printed in a text, recognised once, left to right, in one pass: counts with
// their unit (2546条, 3万余件, 一千二百人次), money (150万元), percentages, ranges, and the
// figures that look like numbers but count nothing (years, dates, phone numbers, postcodes,
// document numbers 〔2021〕30号, article numbers 第二十条). Rules read these tokens; none of them
// parses a number again.
import { parseChineseNumeral, timesTenThousand } from '../normalise/numbers';

export type QuantityKind =
  /** a count with its unit: 2546条, 3万余件, 十二项 */
  | 'count'
  /** an amount of money in 元 (value in 元): 150万元 */
  | 'money'
  /** a percentage (value in percent): 98.5%, 百分之九十 */
  | 'percent'
  /** a number with no unit: a table cell, 维持2 */
  | 'number'
  /** a year: 2019年, 二〇一八年, the years of 2016-2018 */
  | 'year'
  /** a month or a day of a date, or a whole date 2016-01-21 */
  | 'date'
  /** a length of time: 15个工作日, 3天 */
  | 'duration'
  /** a telephone number or hotline: 0418-2222222, 12345热线, 13800000000 */
  | 'phone'
  /** a postcode: 邮编 123000 */
  | 'postcode'
  /** a document number: the year and serial of 〔2021〕30号 */
  | 'doc_number'
  /** an ordinal: 第二十条, 第3期, 第一项 */
  | 'ordinal';

export interface Quantity {
  kind: QuantityKind;
  /** The whole token: approximate words, the number, 万/亿, 余/多 and the unit. */
  start: number;
  end: number;
  /** The printed number itself (for a range: both ends). */
  numStart: number;
  numEnd: number;
  /** The value in units (万/亿 applied); null for a range, which has low and high instead. */
  value: number | null;
  /** The unit as printed (条, 件, 人次, 元, %, 年 …), null for a bare number. */
  unit: string | null;
  /** 约/近/超过 before, or 余/多/以上/左右 after: the value is not exact. */
  approx: boolean;
  /** A range (10-20件): its ends. */
  range?: { low: number; high: number };
  /** Written in Chinese numerals (一千二百, 二〇一八). */
  chinese: boolean;
}

/** Units of counted things, longest first. */
const COUNT_UNITS = ['万人次', '条次', '件次', '人次', '个次', '条', '件', '宗', '篇', '份', '个', '项', '次', '部', '例', '期', '家', '名', '人', '场', '批', '起', '封', '本', '册', '张', '则', '户', '单'];
/** Units of time: a duration, not a count. */
const DURATION = /^(?:个工作日|个自然日|个月|工作日|小时|分钟|天|日内|周|年内)/;
const COUNT_UNIT = new RegExp(`^(?:${COUNT_UNITS.join('|')})`);

/**
 * A number: Arabic digits (thousands groups of exactly three, a decimal part) or Chinese numerals,
 * as the pattern `D+(?:,D{3}(?!D))*(?:[.．]D+)?|[〇零○一二两三四五六七八九十][〇零○一二两三四五六七八九十百千万亿]*`
 * (D: a half- or full-width digit) would find them, read by character codes.
 */
const NUM_CLASS = new Uint8Array(0x10000);
const ARABIC_DIGIT = 1;
const CHINESE_FIRST = 2;
const CHINESE_NEXT = 3;
const FORMAL_FIRST = 4;
const FORMAL_NEXT = 5;
for (let c = 0x30; c <= 0x39; c++) NUM_CLASS[c] = ARABIC_DIGIT;
for (let c = 0xff10; c <= 0xff19; c++) NUM_CLASS[c] = ARABIC_DIGIT;
for (const ch of '〇零○一二两三四五六七八九十') NUM_CLASS[ch.charCodeAt(0)] = CHINESE_FIRST;
for (const ch of '百千万亿') NUM_CLASS[ch.charCodeAt(0)] = CHINESE_NEXT;
// The formal numerals of amounts (贰仟叁佰, 壹拾): 拾 opens one (拾伍), 佰 and 仟 never do. A formal
// numeral is a run of them (零, 万 and 亿 shared) of two characters at least, an everyday tail after
// them kept (贰拾一); one alone only right before a unit (叁件, 伍元), since 伍, 陆 and 拾 are also
// words (队伍十件 is 10, 大陆一件 is 1, 陆家嘴 no count).
for (const ch of '壹贰貳叁參肆伍陆陸柒捌玖拾') NUM_CLASS[ch.charCodeAt(0)] = FORMAL_FIRST;
for (const ch of '佰仟') NUM_CLASS[ch.charCodeAt(0)] = FORMAL_NEXT;
const isD = (s: string, i: number) => i < s.length && NUM_CLASS[s.charCodeAt(i)] === ARABIC_DIGIT;
const ZERO = '零'.charCodeAt(0);
const TEN_THOUSAND = '万'.charCodeAt(0);
const HUNDRED_MILLION = '亿'.charCodeAt(0);
/** What may follow one formal character alone for it to be a numeral: a unit of counts or money (叁件, 伍元). */
const LONE_FORMAL_BEFORE = new Set([...'件条元圆项篇份宗次例'].map((ch) => ch.charCodeAt(0)));
const continuesFormal = (c: number) => NUM_CLASS[c] >= FORMAL_FIRST || c === ZERO || c === TEN_THOUSAND || c === HUNDRED_MILLION;

/** One bit per character that may open a number (NUM_CLASS's ARABIC_DIGIT, CHINESE_FIRST, FORMAL_FIRST): 8 KB, where the
 * scan for numbers looked every character of a report up in the 64 KB table (pulling its lines through the cache). */
const OPENS_NUMBER = new Uint32Array(0x10000 >> 5);
for (let c = 0; c < 0x10000; c++) if (NUM_CLASS[c] === ARABIC_DIGIT || NUM_CLASS[c] === CHINESE_FIRST || NUM_CLASS[c] === FORMAL_FIRST) OPENS_NUMBER[c >> 5] |= 1 << (c & 31);
/** A magnitude alone opens a number of one (百余件, 千余条: 一百, 一千), read as that character alone. */
const HUNDRED = '百'.charCodeAt(0);
const THOUSAND = '千'.charCodeAt(0);
for (const c of [HUNDRED, THOUSAND]) OPENS_NUMBER[c >> 5] |= 1 << (c & 31);

/** The next number at or after `from`: its [start, end), or null. */
export function nextNumber(s: string, from: number): { start: number; end: number } | null {
  const n = s.length;
  let i = from;
  for (;;) {
    while (i < n) {
      const c = s.charCodeAt(i);
      if ((OPENS_NUMBER[c >> 5] & (1 << (c & 31))) !== 0) break;
      i++;
    }
    if (i >= n) return null;
    if (NUM_CLASS[s.charCodeAt(i)] !== FORMAL_FIRST) break;
    let end = i + 1;
    while (end < n && continuesFormal(s.charCodeAt(end))) end++;
    // once two formal characters have opened it, an everyday tail still belongs to it (贰拾一件: 21)
    if (end - i >= 2 || (end < n && LONE_FORMAL_BEFORE.has(s.charCodeAt(end)))) {
      while (end < n && (NUM_CLASS[s.charCodeAt(end)] === CHINESE_FIRST || NUM_CLASS[s.charCodeAt(end)] === CHINESE_NEXT)) end++;
      return { start: i, end };
    }
    i = end;
  }
  const start = i;
  if (NUM_CLASS[s.charCodeAt(i)] === CHINESE_NEXT) return { start, end: i + 1 };
  if (NUM_CLASS[s.charCodeAt(i)] === CHINESE_FIRST) {
    i++;
    while (i < n && (NUM_CLASS[s.charCodeAt(i)] === CHINESE_FIRST || NUM_CLASS[s.charCodeAt(i)] === CHINESE_NEXT)) i++;
    return { start, end: i };
  }
  while (isD(s, i)) i++;
  while (i < n && s.charCodeAt(i) === 0x2c && isD(s, i + 1) && isD(s, i + 2) && isD(s, i + 3) && !isD(s, i + 4)) i += 4;
  const c = i < n ? s.charCodeAt(i) : -1;
  if ((c === 0x2e || c === 0xff0e) && isD(s, i + 1)) {
    i++;
    while (isD(s, i)) i++;
  }
  return { start, end: i };
}
const APPROX_BEFORE = /(?:大约|约|将近|近|超过|超|逾|多达|不足|不到|少于|未满|不超过)\s*$/;
/** Two neighbouring numerals, the second larger, with their place (两三件, 三四百条, 二三十件): a range, not 23 nor 34. */
const NUMERAL_PAIR = /^([一二两三四五六七八九])([二三四五六七八九])([十百千万])?$/;
/** A numeral of magnitude only after 数/几/若干 (数十件, 几百条): no number at all. */
const VAGUE_BEFORE = /(?:数|几|若干)$/;
const PHONE_WORDS = /(?:电话|热线|传真|手机|联系方式|咨询|投诉|号码|Tel|TEL)[^,，。;；\n]{0,12}$/;
const POSTCODE_WORDS = /(?:邮编|邮政编码)[^,，。;；\n]{0,4}$/;
const HOTLINE_AFTER = /^\s*(?:热线|平台|政务服务|便民|市民|服务热线|工单)/;
const YEAR_NEXT = /^\s*年/;
const RANGE_JOIN = /\s*(?:-|~|～|至|到|—)\s*/y;

/** \s of a regular expression, by character code. */
const JS_SPACE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) JS_SPACE[c] = /\s/.test(String.fromCharCode(c)) ? 1 : 0;
const isJsSpace = (c: number) => JS_SPACE[c] === 1;
const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39;
const digitValue = (c: number) => (c >= 0xff10 && c <= 0xff19 ? c - 0xff10 : c - 0x30);

function arabicValue(text: string): number {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) out += String(digitValue(c));
    else if (c === 0x2e || c === 0xff0e) out += '.';
  }
  return Number(out);
}

const isArabicDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
/** A number's runs (nextNumber) are all Arabic or all Chinese: the first character tells which. */
const isChineseRun = (t: string) => !isArabicDigit(t.charCodeAt(0));
const isLatin = (ch: string) => ch.length === 1 && ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'));
/** APPROX_BEFORE's words end in one of these (spaces aside): the pattern is tried only then. */
const APPROX_LAST = new Set(['约', '近', '过', '超', '逾', '达', '足', '到', '于', '满']);
const mayBeApprox = (before: string) => before.length > 0 && (APPROX_LAST.has(before[before.length - 1]) || isJsSpace(before.charCodeAt(before.length - 1)));

function valueOf(text: string): number | null {
  if (!isChineseRun(text)) return arabicValue(text);
  return parseChineseNumeral(text.replace(/○/g, '〇'));
}

/** Numeral characters the reader does not read (廿 twenty): a Chinese run after one is part of their number. */
const OTHER_NUMERAL = /^[廿卅卌]$/;
/** A four-digit year printed digit by digit (二〇一八) or in Arabic digits. */
const isYearNumber = (text: string, value: number | null) =>
  value !== null && value >= 1949 && value <= 2100 && (isChineseRun(text) ? /^[〇零○一二三四五六七八九]{4}$/.test(text) : /^\d{4}$/.test(text.replace(/[\uff10-\uff19]/g, '0')));

interface Tail {
  /** End of the token after the number. */
  end: number;
  multiplier: number;
  approx: boolean;
  unit: string | null;
  kind: QuantityKind;
}

/** What follows a number: 万/亿, 余/多, the unit, 以上 or 左右. */
function readTail(s: string, at: number): Tail {
  let i = at;
  while (s[i] === ' ') i++;
  let multiplier = 1;
  let approx = false;
  // 3万余条, 20余万条
  if ((s[i] === '余' || s[i] === '多') && (s[i + 1] === '万' || s[i + 1] === '亿')) {
    approx = true;
    i++;
  }
  if (s[i] === '万' || s[i] === '亿') {
    multiplier = s[i] === '万' ? 10_000 : 100_000_000;
    i++;
  }
  if (s[i] === '余' || s[i] === '多') {
    approx = true;
    i++;
  }
  while (s[i] === ' ') i++;
  const rest = s.slice(i, i + 6);
  let unit: string | null = null;
  let kind: QuantityKind = 'number';
  if (rest[0] === '%' || rest[0] === '％') {
    unit = '%';
    kind = 'percent';
  } else if (rest[0] === '元') {
    unit = multiplier === 10_000 ? '万元' : multiplier === 1e8 ? '亿元' : '元';
    kind = 'money';
  } else {
    // a unit or a duration opens with one of TAIL_FIRST's characters: no pattern is tried otherwise
    const opens = rest.length > 0 && TAIL_FIRST_CODE[rest.charCodeAt(0)] === 1;
    const d = opens ? DURATION.exec(rest) : null;
    const u = d || !opens ? null : COUNT_UNIT.exec(rest);
    if (d) {
      unit = d[0];
      kind = 'duration';
    } else if (u) {
      unit = u[0];
      kind = 'count';
    }
  }
  if (unit !== null) i += unit === '万元' || unit === '亿元' ? 1 : unit.length;
  if (unit !== null && (s.startsWith('以上', i) || s.startsWith('左右', i))) {
    approx = true;
    i += 2;
  }
  return { end: unit !== null || multiplier !== 1 || approx ? i : at, multiplier, approx, unit, kind };
}

/** Characters before a number that make it more than a bare number (第3, 之, 〔2021〕, 约5, 2016-2018). */
const MARKS_BEFORE = new Set(['第', '之', '〔', '[', '【', '(', '-', '—', '~', '～', '至', '到', '号', '〕', ']', '】', '月', ...APPROX_LAST]);

/**
 * A short Arabic number standing alone as a table cell (…| 12 | 0 0 3⏎): followed, after spaces, by
 * a cell separator, a line end, the text's end or the next cell's digit, and preceded by no mark
 * that could make it a date, an ordinal, a document number or an approximate figure. Such a
 * number is a bare number whatever else holds; the full reading below would say the same,
 * slowly. Longer numbers (phones, postcodes, years) always take the full reading.
 */
function isBareCell(s: string, numStart: number, numEnd: number): boolean {
  if (numEnd - numStart > 3) return false;
  let i = numEnd;
  while (i < s.length && s.charCodeAt(i) === 0x20) i++;
  const c = i < s.length ? s.charCodeAt(i) : -1;
  if (!(i >= s.length || c === 0x0a || c === 0x0d || c === 0x7c || (c >= 0x30 && c <= 0x39))) return false;
  if (s[numEnd] === '.' || s[numEnd] === ',') return false;
  let k = numStart - 1;
  while (k >= 0 && isJsSpace(s.charCodeAt(k))) k--;
  return k < 0 || !MARKS_BEFORE.has(s[k]);
}

/**
 * The characters a unit, 万/亿, 余/多 or 年 can open with (and spaces, which readTail skips): a
 * Chinese run followed by anything else is a word (一是, 统一), dropped below after the whole
 * reading; this says so at once.
 */
const TAIL_FIRST = new Set(['余', '多', '万', '亿', '%', '％', '元', '年', ...COUNT_UNITS.map((u) => u[0]), ...DURATION.source.slice(4, -1).split('|').map((u) => u[0])]);
const TAIL_FIRST_CODE = new Uint8Array(0x10000);
for (const c of TAIL_FIRST) TAIL_FIRST_CODE[c.charCodeAt(0)] = 1;
const mayHaveTail = (c: number) => TAIL_FIRST_CODE[c] === 1 || c <= 0x20 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff || c === 0x85;

/**
 * The quantities of a text, in order. One left-to-right scan with one pattern; each number is
 * classified from the few characters around it. Chinese numerals count only with a unit (一是,
 * 统一, 十分 are words) or as a year written digit by digit (二〇一八年).
 */
export function recogniseQuantities(s: string, options: { fullReading?: boolean } = {}): Quantity[] {
  const fast = options.fullReading !== true; // tests compare the two readings
  const out: Quantity[] = [];
  let cursor = 0;
  for (let m = nextNumber(s, cursor); m; m = nextNumber(s, cursor)) {
    cursor = m.end;
    const text = s.slice(m.start, m.end);
    const numStart = m.start;
    let numEnd = numStart + text.length;
    const chinese = !isArabicDigit(text.charCodeAt(0));
    if (fast && !chinese && isBareCell(s, numStart, numEnd)) {
      if (!isLatin(s[numStart - 1] ?? '')) out.push({ kind: 'number', start: numStart, end: numEnd, numStart, numEnd, value: arabicValue(text), unit: null, approx: false, chinese: false });
      continue;
    }
    if (fast && chinese && numEnd < s.length && !mayHaveTail(s.charCodeAt(numEnd))) continue;
    let tail = readTail(s, numEnd);
    const after = numEnd < s.length ? s.charCodeAt(numEnd) : -1;
    const yearNext = after === 0x5e74 || (after >= 0 && isJsSpace(after)) ? YEAR_NEXT.exec(s.slice(numEnd, numEnd + 3)) : null; // 年, or spaces before it
    // most Chinese runs are words (一是, 统一, 三年行动), not numbers: dropped before any other work
    if (chinese && tail.kind === 'number' && !(yearNext && text.length === 4)) continue;
    // a Chinese run may swallow a following 万/亿 of its own: 三万 is fine, and 万余条 follows
    let value = valueOf(text);
    const yearLike = isYearNumber(text, value);
    if (chinese && tail.kind === 'number' && !yearLike) continue;
    const before = s.slice(Math.max(0, numStart - 16), numStart);
    const prev = before[before.length - 1] ?? '';
    const next = s[numEnd] ?? '';
    let kind: QuantityKind = tail.kind;
    let unit = tail.unit;
    let end = tail.end;
    let approx = tail.approx;
    let range: Quantity['range'];

    if (isLatin(prev) || isLatin(next)) continue; // part of a code or a name (G20, 5G网络 is kept below)
    if (chinese && OTHER_NUMERAL.test(prev)) continue; // the end of a numeral in characters not read (廿一): no figure of its own
    // a lone 百/千 opens a number only with 余/多 and a unit after it (百余件), never after digits (1.2千元: not read)
    if (NUM_CLASS[text.charCodeAt(0)] === CHINESE_NEXT && (/[\d.,０-９]$/.test(before) || !/^(?:余|多)/.test(s.slice(numEnd, numEnd + 1)))) continue;

    const dash = yearLike && s[numEnd] === '-' ? /^-(\d{1,2})-(\d{1,2})/.exec(s.slice(numEnd, numEnd + 6)) : null;
    if ((prev === '〔' || prev === '[' || prev === '【' || prev === '(') && /^[〕\]】)]/.test(next) && yearLike) {
      kind = 'doc_number';
      unit = null;
      end = numEnd;
    } else if (next === '号' && (/[〕\]】]$/.test(before) || /第$/.test(before))) {
      kind = 'doc_number';
      unit = '号';
      end = numEnd + 1;
    } else if (/第\s*$/.test(before)) {
      kind = 'ordinal';
      end = numEnd + (/^[条款项章节期批次号届个]/.test(next) ? 1 : 0);
      unit = end > numEnd ? next : null;
    } else if (yearLike && dash) {
      kind = 'date';
      unit = null;
      end = numEnd + dash[0].length;
    } else if (yearLike && (yearNext || /^\s*(?:-|—|~|至|到)\s*\d{4}/.test(s.slice(numEnd, numEnd + 8)) || /\d{4}\s*(?:-|—|~|至|到)\s*$/.test(before))) {
      kind = 'year';
      unit = yearNext ? '年' : null;
      end = numEnd + (yearNext ? yearNext[0].length : 0);
    } else if (!chinese && s.charCodeAt(numEnd) === 0x2d && isAsciiDigit(s.charCodeAt(numEnd + 1)) && /^\d{3,4}-\d{5,8}/.test(s.slice(numStart, numStart + 14))) {
      kind = 'phone';
      const p = /^\d{3,4}-\d{5,8}(?:-\d{1,5})?/.exec(s.slice(numStart, numStart + 20))!;
      numEnd = numStart + p[0].length;
      end = numEnd;
      unit = null;
      value = null;
    } else if (!chinese && text.length >= 5 && tail.kind === 'number' && PHONE_WORDS.test(before)) {
      kind = 'phone';
      unit = null;
    } else if (!chinese && text.length === 6 && POSTCODE_WORDS.test(before)) {
      kind = 'postcode';
      unit = null;
    } else if (!chinese && ((text.length === 11 && tail.kind === 'number' && /^1[3-9]\d{9}$/.test(text)) || (text.length === 5 && /^(?:12345|96\d{3}|12\d{3})$/.test(text) && HOTLINE_AFTER.test(s.slice(numEnd, numEnd + 8))))) {
      kind = 'phone';
      unit = null;
      end = numEnd;
    } else if (yearNext && tail.kind === 'number') {
      kind = 'duration'; // 3年, 19年: not a year of the calendar
      unit = '年';
      end = numEnd + yearNext[0].length;
    } else if (value !== null && value >= 1 && value <= 12 && /^\s*(?:月|个月)/.test(s.slice(numEnd, numEnd + 3)) && !s.startsWith('个', numEnd)) {
      kind = 'date';
      unit = '月';
      end = numEnd + 1;
    } else if (value !== null && value <= 31 && /^\s*[日号]/.test(s.slice(numEnd, numEnd + 2)) && /月\s*$/.test(before)) {
      kind = 'date';
      unit = s[numEnd];
      end = numEnd + 1;
    } else if (prev === '之' && /百分之$/.test(before)) {
      kind = 'percent';
      unit = '%';
    } else {
      // a range: 10-20件, 3至5个
      RANGE_JOIN.lastIndex = numEnd;
      const join = tail.end === numEnd && !chinese ? RANGE_JOIN.exec(s) : null;
      if (join) {
        const found = nextNumber(s, join.index + join[0].length);
        const second = found && { index: found.start, 0: s.slice(found.start, found.end) };
        if (second && second.index === join.index + join[0].length && !isChineseRun(second[0])) {
          const t2 = readTail(s, second.index + second[0].length);
          const hi = arabicValue(second[0]) * t2.multiplier;
          if (t2.unit !== null && value !== null) {
            range = { low: value * t2.multiplier, high: hi };
            kind = t2.kind;
            unit = t2.unit;
            end = t2.end;
            numEnd = second.index + second[0].length;
            approx = true;
            tail = t2;
          }
        }
        cursor = range ? end : numEnd;
      }
    }

    let start = numStart;
    if (kind === 'count' || kind === 'money' || kind === 'percent' || kind === 'number') {
      const a = mayBeApprox(before) ? APPROX_BEFORE.exec(before) : null;
      if (a) {
        approx = true;
        start = numStart - a[0].length;
      }
    }
    // 两三件, 二三十件: a range of the two numerals; 数十件, 几百条: approximate with no number
    if (chinese && (kind === 'count' || kind === 'money') && !range) {
      const pair = NUMERAL_PAIR.exec(text);
      const place = pair?.[3] ? parseChineseNumeral(`一${pair[3]}`)! : 1;
      const low = pair ? parseChineseNumeral(pair[1])! * place : 0;
      const high = pair ? parseChineseNumeral(pair[2])! * place : 0;
      if (pair && high > low) {
        range = { low, high };
        approx = true;
      } else if (VAGUE_BEFORE.test(before)) {
        value = null;
        approx = true;
        start = numStart - 1;
      }
    }
    let v: number | null = range ? null : value;
    if (v !== null && (kind === 'count' || kind === 'money' || kind === 'number' || kind === 'percent' || kind === 'duration') && tail.multiplier !== 1) {
      v = tail.multiplier === 10_000 ? timesTenThousand(v) : v * tail.multiplier;
    }
    if (v !== null && !Number.isFinite(v)) v = null; // no count has hundreds of digits
    out.push({ kind, start, end: Math.max(end, numEnd), numStart, numEnd, value: v, unit, approx, chinese, ...(range ? { range } : {}) });
    cursor = Math.max(cursor, numEnd, end);
  }
  return out;
}

/** Kinds that state how many of something: what a rule's number slot can take. */
export const isCount = (q: Quantity): boolean => (q.kind === 'count' || q.kind === 'number') && q.value !== null;
