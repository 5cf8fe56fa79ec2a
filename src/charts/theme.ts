// Light and dark chart themes, and which one the page shows. The builders write light colours
// (an exported image is light by default); on a dark page the Chart component passes the option
// through darkOption, which swaps the builders' fixed ink colours for their dark counterparts.
import { useSyncExternalStore } from 'react';
import { CHART_BACKGROUND, PALETTE } from './palette';

export type ColorScheme = 'light' | 'dark';

const DARK_TEXT = '#e5e7eb';
const DARK_MUTED = '#9ca3af';
const DARK_LINE = '#374151';

/** ECharts themes, registered in echarts-setup.ts under these names. */
export const CHART_THEMES: Record<ColorScheme, { name: string; theme: object }> = {
  light: { name: 'gongkai', theme: { color: [...PALETTE] } },
  dark: {
    name: 'gongkai-dark',
    theme: {
      color: [...PALETTE],
      backgroundColor: CHART_BACKGROUND.dark,
      textStyle: { color: DARK_TEXT },
      title: { textStyle: { color: '#f3f4f6' }, subtextStyle: { color: DARK_MUTED } },
      legend: { textStyle: { color: DARK_TEXT }, pageTextStyle: { color: DARK_TEXT } },
      tooltip: { backgroundColor: '#1f2937', borderColor: DARK_LINE, textStyle: { color: DARK_TEXT } },
      categoryAxis: { axisLine: { lineStyle: { color: DARK_MUTED } }, axisTick: { lineStyle: { color: DARK_MUTED } }, axisLabel: { color: DARK_TEXT }, splitLine: { lineStyle: { color: [DARK_LINE] } } },
      valueAxis: { axisLine: { lineStyle: { color: DARK_MUTED } }, axisLabel: { color: DARK_TEXT }, splitLine: { lineStyle: { color: [DARK_LINE] } } },
      visualMap: { textStyle: { color: DARK_TEXT } },
    },
  },
};

/** The builders' fixed light-theme inks, and what they become on the dark background. */
const DARK_SWAPS: Record<string, string> = {
  '#6b7280': DARK_MUTED,
  '#4b5563': DARK_MUTED,
  '#374151': '#d1d5db',
  '#111827': '#f9fafb',
  '#1f2937': '#f3f4f6',
  '#9ca3af': '#6b7280',
  '#ffffff': CHART_BACKGROUND.dark,
  '#e5e7eb': '#374151',
  '#cbd5e1': '#4b5563',
  'rgba(107, 114, 128, 0.14)': 'rgba(156, 163, 175, 0.22)',
};

/** The option with its fixed light inks swapped for dark ones; functions and data kept as they are. */
export function darkOption<T>(option: T): T {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return DARK_SWAPS[value.toLowerCase()] ?? value;
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'data' || k === 'name' || k === 'text' ? v : walk(v)]));
    }
    return value;
  };
  return walk(option) as T;
}

// The scheme the page shows: set by the app (its switch or the system's preference), read by every chart.
let current: ColorScheme = 'light';
const listeners = new Set<() => void>();

export function setChartScheme(scheme: ColorScheme): void {
  if (scheme === current) return;
  current = scheme;
  for (const listener of listeners) listener();
}

export const chartScheme = (): ColorScheme => current;

export function useChartScheme(): ColorScheme {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => 'light',
  );
}
