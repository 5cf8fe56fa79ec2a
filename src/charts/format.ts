export type Locale = 'zh' | 'en';

/** Shown for absent values; absent is never printed as 0. */
export const MISSING = '—';

interface Scale {
  readonly factor: number;
  readonly suffix: string;
}

// Largest first. Chinese groups by 10^4 (万, 亿 = 10^8, 万亿 = 10^12).
const ZH_SCALES: readonly Scale[] = [
  { factor: 1e12, suffix: '万亿' },
  { factor: 1e8, suffix: '亿' },
  { factor: 1e4, suffix: '万' },
];
const EN_SCALES: readonly Scale[] = [
  { factor: 1e12, suffix: 'T' },
  { factor: 1e9, suffix: 'B' },
  { factor: 1e6, suffix: 'M' },
  { factor: 1e3, suffix: 'K' },
];

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: true });
const ungrouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: false });

function isPresent(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Formats |value| with the largest scale it reaches. Where rounding to two decimals would print
 * a number that reaches the next scale, that scale is used instead: 9,999.999 is "1万" (not
 * "10,000") and 99,999,999 is "1亿" (not "10,000万"). Scales below `minFactor` are not used.
 */
function scaled(abs: number, scales: readonly Scale[], minFactor: number, digits: Intl.NumberFormat): string {
  for (let i = 0; i < scales.length; i++) {
    const { factor, suffix } = scales[i];
    if (factor < minFactor) break;
    if (round2(abs) < factor) continue;
    const body = round2(abs / factor);
    const larger = scales[i - 1];
    if (larger && body * factor >= larger.factor) {
      return `${digits.format(round2(abs / larger.factor))}${larger.suffix}`;
    }
    return `${digits.format(body)}${suffix}`;
  }
  return digits.format(abs);
}

function withSign(value: number, body: string): string {
  // Intl would print "-0" for a tiny negative value that rounds away.
  return value < 0 && body !== '0' ? `-${body}` : body;
}

/**
 * Full-precision-ish number for tooltips and tables.
 * zh: 1,234 · 1.23万 · 3亿 · 1万亿; en: 12,345 · 1.23M · 4.5B.
 */
export function formatNumber(value: number | null | undefined, locale: Locale): string {
  if (!isPresent(value)) return MISSING;
  const abs = Math.abs(value);
  const body = locale === 'zh' ? scaled(abs, ZH_SCALES, 1e4, grouped) : scaled(abs, EN_SCALES, 1e6, grouped);
  return withSign(value, body);
}

const exact = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: true });

/**
 * A single value as stored (= as printed), digits grouped, never scaled or rounded to a compact
 * form: 112711 → "112,711", 21469172.33 → "21,469,172.33". For tables of single values, where a
 * reader checks the figure against the report; compact forms are for axes and sums.
 */
export function formatExact(value: number | null | undefined): string {
  if (!isPresent(value)) return MISSING;
  return withSign(value, exact.format(Math.abs(value)));
}

/** Compact number for axis labels. zh: 5000 · 1.5万 · 2亿; en: 500 · 1.5K · 2M. */
export function formatAxisNumber(value: number | null | undefined, locale: Locale): string {
  if (!isPresent(value)) return '';
  const abs = Math.abs(value);
  const body = locale === 'zh' ? scaled(abs, ZH_SCALES, 1e4, ungrouped) : scaled(abs, EN_SCALES, 1e3, ungrouped);
  return withSign(value, body);
}

/** A ratio as a percentage: 0.1234 → "12.3%". Same in both locales. */
export function formatPercent(ratio: number | null | undefined, locale: Locale, digits = 1): string {
  if (!isPresent(ratio)) return MISSING;
  const body = (Math.abs(ratio) * 100).toFixed(digits);
  const isZero = Number(body) === 0;
  return `${ratio < 0 && !isZero ? '-' : ''}${body}%`;
}
