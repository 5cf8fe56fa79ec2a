// Numbers as printed in reports: Arabic digits with thousands separators or stray spaces,
// Chinese numerals (一件, 十二条, 二〇一八), 万/亿 multipliers, signed changes (增82, 减5,
// +19, --253) and the approximate markers 余/多/近/约/超.

const DIGIT: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The formal numerals of amounts (大写数字: 贰仟叁佰, 壹拾), each as its everyday numeral. */
const FORMAL: Record<string, string> = {
  壹: '一', 贰: '二', 貳: '二', 叁: '三', 參: '三', 肆: '四', 伍: '五', 陆: '六', 陸: '六', 柒: '七', 捌: '八', 玖: '九', 拾: '十', 佰: '百', 仟: '千',
};
export const FORMAL_NUMERALS = Object.keys(FORMAL).join('');
const FORMAL_CHAR = new RegExp(`[${FORMAL_NUMERALS}]`, 'g');

/** 一千二百零五 → 1205; 十二 → 12; 二〇一八 → 2018 (digit by digit); 贰仟叁佰 → 2300; null if not a numeral. */
export function parseChineseNumeral(printed: string): number | null {
  if (printed.length === 0) return null;
  const text = printed.replace(FORMAL_CHAR, (ch) => FORMAL[ch]);
  if (![...text].every((ch) => ch in DIGIT || ch in SMALL_UNIT || ch === '万' || ch === '亿')) return null;
  if (![...text].some((ch) => ch in SMALL_UNIT || ch === '万' || ch === '亿')) {
    // digit-by-digit form (二〇一八)
    let n = 0;
    for (const ch of text) n = n * 10 + DIGIT[ch];
    return n;
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGIT) digit = DIGIT[ch];
    else if (ch in SMALL_UNIT) {
      section += (digit === 0 ? 1 : digit) * SMALL_UNIT[ch];
      digit = 0;
    } else {
      const big = ch === '万' ? 10_000 : 100_000_000;
      total += (section + digit) * big;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** "3,146" / "3 146" / "21469172.33" → number; null when the string is not a plain number. */
export function parseArabic(text: string): number | null {
  const cleaned = text.replace(/[,\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** Multiplies a value printed in 万 into units, keeping cents exact (4.14万 → 41400). */
export const timesTenThousand = (value: number): number => Math.round(value * 10_000 * 100) / 100;

export interface CellNumber {
  value: number;
  approx: boolean;
  /** Offsets of the digits inside the cell text. */
  from: number;
  to: number;
  /** The cell carried a unit of 万元 (value already multiplied). */
  tenThousand: boolean;
}

/** A cell of numerals only, everyday or formal (十二, 壹拾贰). */
const CELL_NUMERAL = new RegExp(`^[〇零一二两三四五六七八九十百千${FORMAL_NUMERALS}]+$`);
const CELL_NUMBER = /^(?<sign>增|减|[+-]{1,2})?\s*(?<num>\d[\d,]*(?:\.\d+)?)\s*(?<unit>万元|万|元|件|条|个|项|宗|人次|次)?(?<approx>余|多)?$/;

/** What a cell's number may have around it: whitespace as a pattern's \s knows it, ? and ？ (extraction noise). */
function isCellNoise(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0x3f || c === 0xff1f || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * A table cell's number. Stray "?" and spaces around the digits (text extraction noise)
 * are tolerated; anything else in the cell means it is not a number cell.
 */
export function parseCellNumber(cell: string): CellNumber | null {
  let from = 0;
  let to = cell.length;
  while (from < to && isCellNoise(cell.charCodeAt(from))) from++;
  while (to > from && isCellNoise(cell.charCodeAt(to - 1))) to--;
  if (from === to) return null;
  // most cells are plain digits (0, 12, 2546): read without the pattern
  if (allDigits(cell, from, to)) {
    const value = Number(cell.slice(from, to));
    return Number.isFinite(value) ? { value, approx: false, from, to, tenThousand: false } : null;
  }
  const core = cell.slice(from, to);
  const m = CELL_NUMBER.exec(core);
  if (!m?.groups) {
    const zh = CELL_NUMERAL.test(core) ? parseChineseNumeral(core) : null;
    if (zh === null) return null;
    return { value: zh, approx: false, from, to, tenThousand: false };
  }
  const { sign, num, unit } = m.groups;
  let value = Number(num.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  const tenThousand = unit === '万元' || unit === '万';
  if (tenThousand) value = timesTenThousand(value);
  if (sign === '减' || sign?.startsWith('-')) value = -value;
  const numStart = from + core.indexOf(num);
  return { value, approx: m.groups.approx !== undefined, from: sign ? from : numStart, to: numStart + num.length, tenThousand };
}

