import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import '../briefing.css';
import { downloadBlob, type ChartOption } from '../../charts';
import { optionToSvg } from '../../charts/svg';
import { chartData } from '../../briefing/chart-data';
import { exportText } from '../../briefing/export-layout';
import { briefingHtml, uniqueSvgIds } from '../../briefing/html';
import { storedPins, storePins } from '../../briefing/pin-store';
import { sentenceFor } from '../../briefing/sentences';
import { ChartSinkContext, type ChartSink } from '../components/chart-sink';
import { pinState, serialiseViewState, type View, type ViewState } from '../state/url-state';
import { Benchmark } from './Benchmark';
import { Compare } from './Compare';
import { Coverage } from './Coverage';
import type { ViewProps } from './common';
import { MapView } from './MapView';
import { Outcomes } from './Outcomes';
import { Overview } from './Overview';
import { Reconcile } from './Reconcile';
import { Review } from './Review';

/** The views a pin can come from: those with charts (VIEW_CHARTS). */
const PIN_VIEWS: Partial<Record<View, ComponentType<ViewProps>>> = { overview: Overview, compare: Compare, outcomes: Outcomes, review: Review, benchmark: Benchmark, map: MapView, reconcile: Reconcile, coverage: Coverage };
/** Charts per A4 page. */
const PER_PAGE = 2;
const HTML_SIZE = { width: 760, height: 440 };

interface Drawn {
  title: string;
  option: ChartOption;
  /** What the chart shows (title and data): a view may rebuild an equal option on every render. */
  key: string;
}

const appUrl = (state: ViewState) => `${window.location.origin}${window.location.pathname}${serialiseViewState(state)}`;

function PinnedChart({ pin, props, onDrawn }: { pin: string; props: ViewProps; onDrawn: (pin: string, drawn: Drawn) => void }) {
  const state = useMemo(() => pinState(pin, props.locale), [pin, props.locale]);
  const sink = useCallback<ChartSink>(({ title, option }) => onDrawn(pin, { title, option, key: `${title}\n${JSON.stringify(chartData(option))}` }), [pin, onDrawn]);
  const View = PIN_VIEWS[state.view];
  if (!View) return null;
  const pinProps: ViewProps = { ...props, state, update: () => {}, linkTo: (patch) => appUrl({ ...state, embed: false, ...patch }) };
  return (
    <ChartSinkContext.Provider value={sink}>
      <View {...pinProps} />
    </ChartSinkContext.Provider>
  );
}

export function Briefing(props: ViewProps) {
  const { state, update, t, locale } = props;
  const [drawn, setDrawn] = useState<Record<string, Drawn>>({});
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  // A briefing URL is the briefing; without pins, the ones collected while browsing (once, on opening).
  const opening = useRef({ pins: state.pins, update });
  useEffect(() => {
    const { pins, update: replace } = opening.current;
    if (pins.length > 0) storePins(pins);
    else {
      const stored = storedPins();
      if (stored.length > 0) replace({ pins: stored }, { replace: true });
    }
  }, []);
  const setPins = (pins: string[]) => {
    storePins(pins);
    update({ pins });
  };
  const move = (i: number, by: number) => {
    const pins = [...state.pins];
    [pins[i], pins[i + by]] = [pins[i + by], pins[i]];
    setPins(pins);
  };
  const onDrawn = useCallback((pin: string, d: Drawn) => setDrawn((all) => (all[pin]?.key === d.key ? all : { ...all, [pin]: d })), []);
  const sentences = useMemo(() => Object.fromEntries(Object.entries(drawn).map(([pin, d]) => [pin, sentenceFor(chartData(d.option), locale)])), [drawn, locale]);
  const pages: string[][] = [];
  for (let i = 0; i < state.pins.length; i += PER_PAGE) pages.push(state.pins.slice(i, i + PER_PAGE));
  const ready = state.pins.every((p) => drawn[p]);

  const downloadHtml = async () => {
    setBusy(true);
    try {
      const { embedFont, loadGlyphData } = await import('../../briefing/font');
      const glyphs = await loadGlyphData();
      const blocks = state.pins.map((pin, i) => {
        const d = drawn[pin];
        const svg = embedFont(uniqueSvgIds(optionToSvg(d.option, HTML_SIZE.width, HTML_SIZE.height), i), glyphs).svg;
        return { title: d.title, svg, sentence: sentences[pin] ?? '', source: exportText(d.option).source, link: appUrl({ ...pinState(pin, locale), embed: false }) };
      });
      const html = briefingHtml({ lang: locale, title: t('briefing.title'), note: t('briefing.note'), generated: t('briefing.generated', { date: props.date }), blocks });
      downloadBlob(new Blob([html], { type: 'text/html;charset=utf-8' }), `${t('briefing.title')}_${props.date}.html`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="view briefing" data-testid="briefing">
      <div className="briefing-bar toolbar">
        <h1>{t('briefing.title')}</h1>
        <button type="button" data-testid="briefing-print" disabled={state.pins.length === 0} onClick={() => window.print()}>{t('briefing.print')}</button>
        <button type="button" data-testid="briefing-html" disabled={!ready || busy || state.pins.length === 0} onClick={() => void downloadHtml()}>{t('briefing.html')}</button>
        <button type="button" data-testid="briefing-link" disabled={state.pins.length === 0} onClick={() => void navigator.clipboard.writeText(window.location.href).then(() => setCopied(true), () => setCopied(false))}>{copied ? t('copied') : t('briefing.copyLink')}</button>
      </div>
      <p className="note">{t('briefing.note')}</p>
      {state.pins.length === 0 ? <p className="empty" data-testid="briefing-empty">{t('briefing.empty')}</p> : null}
      {pages.map((page, p) => (
        <section className="briefing-page" key={p} aria-label={t('briefing.page', { n: p + 1 })}>
          {page.map((pin, j) => {
            const i = p * PER_PAGE + j;
            return (
              <article className="briefing-pin" key={pin} data-testid={`briefing-pin-${i}`} data-pin={pin}>
                <h2 data-testid={`briefing-title-${i}`}>{drawn[pin]?.title ?? t('loading')}</h2>
                <PinnedChart pin={pin} props={props} onDrawn={onDrawn} />
                <p className="briefing-sentence" data-testid={`briefing-sentence-${i}`}>{sentences[pin] ?? ''}</p>
                <div className="briefing-controls toolbar">
                  <button type="button" data-testid={`briefing-up-${i}`} disabled={i === 0} onClick={() => move(i, -1)}>{t('briefing.up')}</button>
                  <button type="button" data-testid={`briefing-down-${i}`} disabled={i === state.pins.length - 1} onClick={() => move(i, 1)}>{t('briefing.down')}</button>
                  <button type="button" data-testid={`briefing-remove-${i}`} onClick={() => setPins(state.pins.filter((x) => x !== pin))}>{t('briefing.remove')}</button>
                </div>
              </article>
            );
          })}
        </section>
      ))}
    </div>
  );
}
