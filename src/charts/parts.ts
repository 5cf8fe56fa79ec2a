// Which charts need echarts-extras.ts, and its load (once per page).
import type { Renderer } from './echarts-setup';
import type { ChartOption } from './types';

/** Series types registered by echarts-extras.ts. */
const EXTRA_SERIES = new Set(['custom', 'scatter', 'map']);

/** True when the option or the renderer uses a part echarts-setup.ts does not register. */
export function needsExtras(option: ChartOption, renderer: Renderer): boolean {
  if (renderer === 'svg' || option.visualMap !== undefined) return true;
  const series = [option.series ?? []].flat() as { type?: string; markArea?: unknown }[];
  return series.some((s) => EXTRA_SERIES.has(s.type ?? '') || s.markArea !== undefined);
}

let loaded = false;
let loading: Promise<void> | null = null;

export const extrasLoaded = (): boolean => loaded;

/** Loads and registers the extra parts; the same promise for every caller. */
export function loadExtras(): Promise<void> {
  loading ??= import('./echarts-extras').then(
    () => {
      loaded = true;
    },
    (error: unknown) => {
      // A failed chunk load is tried again by the next chart that needs it.
      loading = null;
      throw error;
    },
  );
  return loading;
}
