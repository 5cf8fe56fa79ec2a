// Sentences under each chart of a briefing, written by rules from the chart's data (no language
// model): a trend says its last value and the change from the year before, a ranking who leads
// and where the chosen unit stands, a share its largest part. Absent values are said to be absent.
import { formatNumber, formatPercent, type Locale } from '../charts';
import type { ChartData, RankItem, SharePart, TrendPoint } from './chart-data';

/** Series a trend sentence names; more are left to the chart. */
export const MAX_SERIES = 3;

const n = (value: number, locale: Locale) => formatNumber(value, locale);
const withUnit = (value: number, unit: string, locale: Locale) => (unit === '%' ? formatPercent(value, locale) : `${n(value, locale)}${locale === 'zh' ? unit : unit ? ` ${unit}` : ''}`);
const basis = (reports: number | null, locale: Locale) =>
  reports === null ? '' : locale === 'zh' ? `（${reports}份报告）` : ` (${reports} report${reports === 1 ? '' : 's'})`;

function trendClause(name: string, points: readonly TrendPoint[], unit: string, locale: Locale): string | null {
  const present = points.filter((p): p is TrendPoint & { value: number } => p.value !== null);
  const last = present[present.length - 1];
  if (!last) return null;
  const prev = points.find((p) => p.year === last.year - 1);
  const head = locale === 'zh' ? `${last.year}年，${name}为${withUnit(last.value, unit, locale)}${basis(last.reports, locale)}` : `In ${last.year}, ${name} was ${withUnit(last.value, unit, locale)}${basis(last.reports, locale)}`;
  if (!prev || prev.value === null) return `${head}${locale === 'zh' ? `，${last.year - 1}年无数据` : `; no figure for ${last.year - 1}`}`;
  const was = `${withUnit(prev.value, unit, locale)}${basis(prev.reports, locale)}`;
  if (prev.value === last.value) return `${head}${locale === 'zh' ? `，与上年持平（${was}）` : `, the same as the year before (${was})`}`;
  if (prev.value === 0 || unit === '%') {
    const diff = last.value - prev.value;
    const by = unit === '%' ? formatPercent(Math.abs(diff), locale).replace('%', locale === 'zh' ? '个百分点' : ' points') : withUnit(Math.abs(diff), unit, locale);
    return `${head}${locale === 'zh' ? `，比上年（${was}）${diff > 0 ? '增加' : '减少'}${by}` : `, ${diff > 0 ? 'up' : 'down'} ${by} on the year before (${was})`}`;
  }
  const change = (last.value - prev.value) / Math.abs(prev.value);
  const pct = formatPercent(Math.abs(change), locale);
  return `${head}${locale === 'zh' ? `，比上年（${was}）${change > 0 ? '增加' : '减少'}${pct}` : `, ${change > 0 ? 'up' : 'down'} ${pct} on the year before (${was})`}`;
}

export function trendSentence(series: readonly { name: string; points: readonly TrendPoint[] }[], unit: string, locale: Locale): string {
  const clauses = series.slice(0, MAX_SERIES).map((s) => trendClause(s.name, s.points, unit, locale)).filter((c): c is string => c !== null);
  if (clauses.length === 0) return locale === 'zh' ? '图中没有数值。' : 'The chart has no values.';
  const more = series.length > MAX_SERIES ? (locale === 'zh' ? `（另有${series.length - MAX_SERIES}个系列见图）` : ` (${series.length - MAX_SERIES} more series in the chart)`) : '';
  return locale === 'zh' ? `${clauses.join('；')}${more}。` : `${clauses.join('; ')}${more}.`;
}

/** Rank k of n among the items with a value, ties sharing the better rank. */
export function rankOf(items: readonly RankItem[], item: RankItem): number | null {
  if (item.value === null) return null;
  return items.filter((i) => i.value !== null && i.value > (item.value as number)).length + 1;
}

export function rankingSentence(items: readonly RankItem[], unit: string, locale: Locale): string {
  const ranked = items.filter((i): i is RankItem & { value: number } => i.value !== null);
  const absent = items.length - ranked.length;
  if (ranked.length === 0) return locale === 'zh' ? `${items.length}个单位均无数值。` : `None of the ${items.length} units has a value.`;
  const top = ranked.reduce((a, b) => (b.value > a.value ? b : a));
  // One value is no ranking: it is said, not called the highest.
  const parts = [
    ranked.length === 1
      ? locale === 'zh' ? `只有${top.name}有数值（${withUnit(top.value, unit, locale)}）` : `Only ${top.name} has a value (${withUnit(top.value, unit, locale)})`
      : locale === 'zh' ? `在有数值的${ranked.length}个单位中，${top.name}最高（${withUnit(top.value, unit, locale)}）` : `Of the ${ranked.length} units with a value, ${top.name} is highest (${withUnit(top.value, unit, locale)})`,
  ];
  for (const hl of items.filter((i) => i.highlight && (ranked.length > 1 || i !== top))) {
    const k = rankOf(items, hl);
    parts.push(
      k === null
        ? locale === 'zh' ? `${hl.name}无数值` : `${hl.name} has no value`
        : locale === 'zh' ? `${hl.name}为${withUnit(hl.value as number, unit, locale)}，居第${k}位` : `${hl.name} is ${withUnit(hl.value as number, unit, locale)}, rank ${k} of ${ranked.length}`,
    );
  }
  if (absent > 0) parts.push(locale === 'zh' ? `另有${absent}个单位无数值` : `${absent} more have no value`);
  return locale === 'zh' ? `${parts.join('；')}。` : `${parts.join('; ')}.`;
}

export function shareSentence(parts: readonly SharePart[], category: string | null, unit: string, locale: Locale): string {
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  if (parts.length === 0 || total <= 0) return locale === 'zh' ? '图中没有数值。' : 'The chart has no values.';
  const largest = parts.reduce((a, b) => (b.value > a.value ? b : a));
  const share = formatPercent(largest.value / total, locale);
  const of = unit === '%' || unit === '' ? '' : locale === 'zh' ? `（共${withUnit(total, unit, locale)}）` : ` (of ${withUnit(total, unit, locale)})`;
  const at = category === null ? '' : locale === 'zh' ? `${category}${/^\d{4}$/.test(category) ? '年' : ''}，` : `In ${category}, `;
  return locale === 'zh' ? `${at}${largest.name}占比最大，为${share}${of}，共${parts.length}项。` : `${at}${largest.name} is the largest part, ${share}${of}, of ${parts.length}.`;
}

export function sentenceFor(data: ChartData, locale: Locale): string {
  if (data.kind === 'trend') return trendSentence(data.series, data.unit, locale);
  if (data.kind === 'ranking') return rankingSentence(data.items, data.unit, locale);
  if (data.kind === 'share') return shareSentence(data.parts, data.category, data.unit, locale);
  return '';
}
