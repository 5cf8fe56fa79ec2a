import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { echarts, type ChartInstance, type Renderer } from './echarts-setup';
import { CHART_THEMES, darkOption, useChartScheme } from './theme';
import { chartToPngBlob, chartToPngDataUrl } from './export';
import { extrasLoaded, loadExtras, needsExtras } from './parts';
import type { ChartOption } from './types';
import { fitToWidth } from './narrow';

export interface ChartApi {
  instance: ChartInstance;
  toPng(): Promise<Blob>;
  toPngDataUrl(): string;
  /** Rendered offscreen by the SVG renderer at the chart's current size, whatever is on screen (its code loaded on first use). */
  toSvg(): Promise<string>;
}

export interface ChartProps {
  option: ChartOption;
  height?: number;
  renderer?: Renderer;
  /** Called once per chart instance, after its first completed render. */
  onReady?: (api: ChartApi) => void;
  testId?: string;
  className?: string;
  /** The chart's accessible name, and the id of the element that gives its figures in words. */
  ariaLabel?: string;
  describedBy?: string;
}

const READY_ATTRIBUTE = 'data-chart-ready';

/**
 * With `?bench=1`, the option each chart last finished drawing, by test id
 * (`window.__gongkaiCharts`): tests compare what is drawn with the table and the CSV.
 */
const BENCH = typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('bench');
const DRAWN: Map<string, ChartOption> | null = BENCH ? ((window as { __gongkaiCharts?: Map<string, ChartOption> }).__gongkaiCharts ??= new Map()) : null;
/** With `?bench=1`, each chart's ECharts instance by test id (`window.__gongkaiChartInstances`): tests measure the text it draws. */
const INSTANCES: Map<string, ChartInstance> | null = BENCH ? ((window as { __gongkaiChartInstances?: Map<string, ChartInstance> }).__gongkaiChartInstances ??= new Map()) : null;
/** With `?bench=1`, how many times each chart was laid out and drawn (setOption or resize), by test id (`window.__gongkaiChartDraws`). */
const DRAWS: Map<string, number> | null = BENCH ? ((window as { __gongkaiChartDraws?: Map<string, number> }).__gongkaiChartDraws ??= new Map()) : null;
const counted = (testId: string | undefined): void => {
  if (DRAWS && testId) DRAWS.set(testId, (DRAWS.get(testId) ?? 0) + 1);
};

/**
 * An ECharts instance on a div. The option is replaced, not merged, whenever it changes
 * (builders return whole options). The container carries data-chart-ready="true" once the
 * current option has finished rendering, which end-to-end tests wait on.
 */
export function Chart({ option, height = 360, renderer = 'canvas', onReady, testId, className, ariaLabel, describedBy }: ChartProps) {
  const scheme = useChartScheme();
  // The container's width, down to 10 px (a resize does not redraw at every pixel); 0 before it is known.
  const [width, setWidth] = useState(0);
  // False until the container has been measured: the chart is made and drawn once, at its laid-out
  // size and with its text fitted to that width (before, it was drawn unfitted, resized, then drawn fitted).
  const [measured, setMeasured] = useState(false);
  const { option: themed, extraHeight } = useMemo(() => {
    const painted = scheme === 'dark' ? darkOption(option) : option;
    // Foot lines and a long title wrap to the width at every width; a phone gets more (narrow.ts).
    return width > 0 ? fitToWidth(painted, width) : { option: painted, extraHeight: 0 };
  }, [option, scheme, width]);
  // A chart using a part the first code does not carry (a map, a scale, …) is drawn once it is loaded.
  const partsReady = !needsExtras(themed, renderer) || extrasLoaded();
  const [partsFailed, setPartsFailed] = useState<Error | null>(null);
  const [, setPartsLoaded] = useState(false);
  useEffect(() => {
    if (partsReady) return;
    let live = true;
    loadExtras().then(
      () => live && setPartsLoaded(true),
      (error: unknown) => live && setPartsFailed(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      live = false;
    };
  }, [partsReady]);
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ChartInstance | null>(null);
  const appliedRef = useRef<ChartOption | null>(null);
  const optionRef = useRef(themed);
  const onReadyRef = useRef(onReady);
  const testIdRef = useRef(testId);
  useLayoutEffect(() => {
    optionRef.current = themed;
    onReadyRef.current = onReady;
    testIdRef.current = testId;
  });

  // Laid out for the container's width before the first paint, not after a first draw at none.
  useLayoutEffect(() => {
    const el = containerRef.current;
    if (el) setWidth(Math.floor(el.clientWidth / 10) * 10);
    setMeasured(true);
  }, []);

  useEffect(() => {
    const el = containerRef.current;
    if (!el || !measured || !partsReady) return;
    const chart = echarts.init(el, CHART_THEMES[scheme].name, { renderer });
    chartRef.current = chart;
    let announced = false;
    const onFinished = () => {
      if (testIdRef.current) {
        DRAWN?.set(testIdRef.current, optionRef.current);
        INSTANCES?.set(testIdRef.current, chart);
      }
      el.setAttribute(READY_ATTRIBUTE, 'true');
      if (announced) return;
      announced = true;
      onReadyRef.current?.({
        instance: chart,
        toPng: async () => chartToPngBlob(chart),
        toPngDataUrl: () => chartToPngDataUrl(chart),
        toSvg: async () => (await import('./svg')).optionToSvg(optionRef.current, chart.getWidth(), chart.getHeight()),
      });
    };
    chart.on('finished', onFinished);
    counted(testIdRef.current);
    chart.setOption(optionRef.current, { notMerge: true });
    appliedRef.current = optionRef.current;

    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            // Its first call (on observe) finds the size the chart was made at: no second draw.
            if (el.clientWidth !== chart.getWidth() || el.clientHeight !== chart.getHeight()) {
              counted(testIdRef.current);
              chart.resize();
            }
            setWidth(Math.floor(el.clientWidth / 10) * 10);
          });
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      chart.off('finished', onFinished);
      chart.dispose();
      chartRef.current = null;
      appliedRef.current = null;
      el.removeAttribute(READY_ATTRIBUTE);
    };
  }, [renderer, scheme, measured, partsReady]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || appliedRef.current === themed || !partsReady) return;
    // Cleared until the new option has rendered, so a test can wait for this very option.
    containerRef.current?.removeAttribute(READY_ATTRIBUTE);
    counted(testIdRef.current);
    chart.setOption(themed, { notMerge: true });
    appliedRef.current = themed;
  }, [themed, partsReady]);

  // The value axis's kind (value, log), so what is drawn can be checked without reading pixels.
  const valueAxis = [option.xAxis, option.yAxis].flat().map((axis) => (axis as { type?: string } | undefined)?.type).find((type) => type === 'value' || type === 'log');
  if (partsFailed) {
    // The chart's code did not load (a site updated since this page was opened, or the network gone); as main.tsx says it, in both languages.
    return <p className="error" role="alert" data-testid={testId ? `${testId}-failed` : undefined}>图表代码未能加载，请刷新页面。 The chart's code did not load; reload the page. ({partsFailed.message})</p>;
  }
  // role="img": the canvas is one picture to assistive technology; its figures are in `describedBy`.
  return <div ref={containerRef} className={className} data-testid={testId} data-value-axis={valueAxis} data-chart-theme={scheme} style={{ width: '100%', height: height + extraHeight }} role={ariaLabel ? 'img' : undefined} aria-label={ariaLabel} aria-describedby={describedBy} />;
}
