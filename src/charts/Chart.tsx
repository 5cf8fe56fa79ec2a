import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { echarts, type ChartInstance, type Renderer } from './echarts-setup';
import { CHART_THEMES, darkOption, useChartScheme } from './theme';
import { chartToPngBlob, chartToPngDataUrl, optionToSvg } from './export';
import type { ChartOption } from './types';
import { PAD, textWidth } from './frame';

export interface ChartApi {
  instance: ChartInstance;
  toPng(): Promise<Blob>;
  toPngDataUrl(): string;
  /** Rendered offscreen by the SVG renderer at the chart's current size, whatever is on screen. */
  toSvg(): string;
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

/** Below this width (px) a legend is one scrolling row: wrapped rows would eat the plot on a phone. */
const NARROW_WIDTH = 560;

type GraphicText = { id?: string; bottom?: number; style?: { text?: string } & Record<string, unknown> };
type SeriesLike = { type?: string; label?: Record<string, unknown>; radius?: unknown; bottom?: unknown };
const FOOT_LINE_HEIGHT = 16;
const isFootLine = (element: GraphicText) => element.id === 'source' || (element.id?.startsWith('note-') ?? false);

/**
 * A chart on a phone: the legend one scrolling row (wrapped rows would eat the plot), a donut's
 * labels wrapped rather than cut, and the notes and source line wrapped to the chart's width (so
 * the dataset version is never clipped), stacked from the bottom; the chart grows by the lines added
 * so the plot keeps its height.
 */
function narrowOption(option: ChartOption, width: number): { option: ChartOption; extraHeight: number } {
  const narrowed: ChartOption = { ...option };
  if (option.legend && !Array.isArray(option.legend)) narrowed.legend = { ...option.legend, type: 'scroll' };
  const graphic = option.graphic as { elements?: GraphicText[] } | undefined;
  let extraLines = 0;
  if (graphic && !Array.isArray(graphic) && Array.isArray(graphic.elements)) {
    const usable = width - 2 * PAD;
    const elements = [...graphic.elements];
    // Bottom up: each foot line takes as many lines as its text needs at this width.
    let below = 0;
    for (let i = elements.length - 1; i >= 0; i--) {
      const element = elements[i];
      if (!isFootLine(element)) continue;
      // Words are not broken, so a line holds somewhat less than the full width.
      const lines = Math.max(1, Math.ceil(textWidth(String(element.style?.text ?? '')) / (usable * 0.9)));
      elements[i] = { ...element, bottom: 8 + FOOT_LINE_HEIGHT * below, style: { ...element.style, width: usable, overflow: 'break', lineHeight: FOOT_LINE_HEIGHT } };
      below += lines;
      extraLines += lines - 1;
    }
    narrowed.graphic = { ...graphic, elements } as ChartOption['graphic'];
  }
  const raise = extraLines * FOOT_LINE_HEIGHT;
  const raised = (bottom: unknown) => (typeof bottom === 'number' ? bottom + raise : bottom);
  if (raise > 0 && option.grid && !Array.isArray(option.grid)) narrowed.grid = { ...option.grid, bottom: raised((option.grid as { bottom?: unknown }).bottom) } as ChartOption['grid'];
  if (Array.isArray(option.series)) {
    narrowed.series = (option.series as SeriesLike[]).map((series) => {
      if (series.type !== 'pie') return series;
      return { ...series, bottom: raised(series.bottom), radius: ['34%', '54%'], label: { ...series.label, width: 76, overflow: 'break', lineHeight: 14 } };
    }) as ChartOption['series'];
  }
  return { option: narrowed, extraHeight: raise };
}

/**
 * With `?bench=1`, the option each chart last finished drawing, by test id
 * (`window.__gongkaiCharts`): tests compare what is drawn with the table and the CSV.
 */
const DRAWN: Map<string, ChartOption> | null =
  typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('bench')
    ? ((window as { __gongkaiCharts?: Map<string, ChartOption> }).__gongkaiCharts ??= new Map())
    : null;

/**
 * An ECharts instance on a div. The option is replaced, not merged, whenever it changes
 * (builders return whole options). The container carries data-chart-ready="true" once the
 * current option has finished rendering, which end-to-end tests wait on.
 */
export function Chart({ option, height = 360, renderer = 'canvas', onReady, testId, className, ariaLabel, describedBy }: ChartProps) {
  const scheme = useChartScheme();
  // The container's width when it is narrow (to 10 px, so a resize does not redraw at every pixel); 0 when wide.
  const [narrowWidth, setNarrowWidth] = useState(0);
  const { option: themed, extraHeight } = useMemo(() => {
    const painted = scheme === 'dark' ? darkOption(option) : option;
    return narrowWidth > 0 ? narrowOption(painted, narrowWidth) : { option: painted, extraHeight: 0 };
  }, [option, scheme, narrowWidth]);
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

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const chart = echarts.init(el, CHART_THEMES[scheme].name, { renderer });
    chartRef.current = chart;
    let announced = false;
    const onFinished = () => {
      if (testIdRef.current) DRAWN?.set(testIdRef.current, optionRef.current);
      el.setAttribute(READY_ATTRIBUTE, 'true');
      if (announced) return;
      announced = true;
      onReadyRef.current?.({
        instance: chart,
        toPng: async () => chartToPngBlob(chart),
        toPngDataUrl: () => chartToPngDataUrl(chart),
        toSvg: () => optionToSvg(optionRef.current, chart.getWidth(), chart.getHeight()),
      });
    };
    chart.on('finished', onFinished);
    chart.setOption(optionRef.current, { notMerge: true });
    appliedRef.current = optionRef.current;

    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            chart.resize();
            setNarrowWidth(el.clientWidth < NARROW_WIDTH ? Math.floor(el.clientWidth / 10) * 10 : 0);
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
  }, [renderer, scheme]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || appliedRef.current === themed) return;
    // Cleared until the new option has rendered, so a test can wait for this very option.
    containerRef.current?.removeAttribute(READY_ATTRIBUTE);
    chart.setOption(themed, { notMerge: true });
    appliedRef.current = themed;
  }, [themed]);

  // The value axis's kind (value, log), so what is drawn can be checked without reading pixels.
  const valueAxis = [option.xAxis, option.yAxis].flat().map((axis) => (axis as { type?: string } | undefined)?.type).find((type) => type === 'value' || type === 'log');
  // role="img": the canvas is one picture to assistive technology; its figures are in `describedBy`.
  return <div ref={containerRef} className={className} data-testid={testId} data-value-axis={valueAxis} data-chart-theme={scheme} style={{ width: '100%', height: height + extraHeight }} role={ariaLabel ? 'img' : undefined} aria-label={ariaLabel} aria-describedby={describedBy} />;
}
