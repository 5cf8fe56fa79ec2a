import { lazy, Suspense, useEffect, useMemo, useState, type ComponentType } from 'react';
import { divisionNames, isBodyKey } from '../db/sql';
import { useSql } from './data/hooks';
import { tableRows } from './data/rows';
import type { Locale } from './i18n/locale';
import { metricLabel } from './i18n/metric-labels';
import { checkAgainstDataset, datasetYears } from './state/validate';
import { useBodies } from './data/bodies';
import { EngineProgress } from './components/EngineProgress';
import { WorkerWarnings } from './components/WorkerWarnings';
import { useDataset } from './data/dataset';
import { I18nProvider, useI18n } from './i18n/context';
import { DEFAULT_STATE, serialiseViewState, VIEWS, type Notice, type View, type ViewState } from './state/url-state';
import { useViewState, type UpdateState } from './state/use-view-state';
import type { ViewProps } from './views/common';
import { loadedView, loadView } from './views/loaders';
import { viewDecl, viewLabel } from './views/registry';
import { ImportControl } from './user/ImportControl';
import { useDatasetAloneForNow, useLayerRows, useShownVersion, useUserOnlyPending } from './user/UserLayer';
import { HeaderControls } from './components/HeaderControls';
import { CodeLoadBoundary } from './components/CodeLoadBoundary';

/**
 * Each view's component, its code loaded when first shown (views/loaders.ts): drawn at once when
 * its code is in already (main.tsx began loading the URL's view beside the app), else through a
 * lazy component, the layout saying 加载中 until it is.
 */
const VIEW_COMPONENTS = Object.fromEntries(
  VIEWS.map((view): [View, ComponentType<ViewProps>] => {
    const Lazy = lazy(() => loadView(view).then((component) => ({ default: component })));
    function ViewCode(props: ViewProps) {
      // Chosen once per mount: a switch from the lazy component to the loaded one would remount the view.
      const [Component] = useState<ComponentType<ViewProps>>(() => loadedView(view) ?? Lazy);
      return <Component {...props} />;
    }
    return [view, ViewCode];
  }),
) as Record<View, ComponentType<ViewProps>>;

const today = (): string => new Date().toISOString().slice(0, 10);

export function App() {
  const [state, update, notices] = useViewState();
  useEffect(() => {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  }, [state.lang]);
  return (
    <I18nProvider locale={state.lang}>
      <Shell state={state} update={update} notices={notices} />
    </I18nProvider>
  );
}

function noticeText(t: ReturnType<typeof useI18n>['t'], n: Notice, locale: Locale, years: [number, number] | null): string {
  if (n.reason === 'no-reports') return t('noticeNoReports', { param: n.param, value: n.value });
  if (n.reason === 'out-of-range') return t('noticeOutOfRange', { param: n.param, value: n.value, first: years?.[0] ?? '', last: years?.[1] ?? '' });
  if (n.reason === 'unsupported-metric') return t('noticeUnsupportedMetric', { value: n.value, fallback: metricLabel(DEFAULT_STATE.metric, locale) });
  if (n.reason === 'unknown-division') return t('noticeUnknownDivision', { value: n.value });
  if (n.reason === 'too-many') return t('noticeTooMany', { max: 12, value: n.value });
  if (n.reason === 'duplicate') return t('noticeDuplicate', { value: n.value });
  if (n.reason === 'not-a-code') return t('noticeNotACode', { param: n.param, value: n.value });
  if (n.reason === 'unknown-body') return t('noticeUnknownBody', { value: n.value });
  return t('noticeDropped', { param: n.param, value: n.value });
}

function ResolvingBodies({ t }: ViewProps) {
  return <p className="status" data-testid="bodies-loading">{t('loading')}</p>;
}

function ViewLoading({ t }: ViewProps) {
  return <p className="status" data-testid="view-loading">{t('loading')}</p>;
}

function NoticeList({ notices, years }: { notices: Notice[]; years: [number, number] | null }) {
  const { t, locale } = useI18n();
  if (notices.length === 0) return null;
  return (
    <ul className="notices" role="status" data-testid="notices">
      {notices.map((n, i) => (
        <li key={i}>
          {noticeText(t, n, locale, years)}
        </li>
      ))}
    </ul>
  );
}

function Shell({ state, update, notices }: { state: ViewState; update: UpdateState; notices: Notice[] }) {
  const { t, locale } = useI18n();
  const [menuOpen, setMenuOpen] = useState(false);
  const { client, info, error, summary } = useDataset();
  const bodies = useBodies(state.entities, t('picker.pending'));
  // The URL's `e` values become the keys of their bodies (an old link's printed names too); values
  // naming no body are dropped with a notice. A correction of the URL, not a step in history.
  useEffect(() => {
    const resolved = bodies.resolved;
    if (!resolved || resolved.entities.join('\n') === state.entities.join('\n')) return;
    update({ entities: resolved.entities }, { replace: true, addNotices: resolved.notices });
  }, [bodies.resolved, state.entities, update]);
  // The state checked against the dataset (its years) and the view (its metrics): a value the
  // dataset or view cannot show is replaced, with a notice, so the controls show what is used.
  useEffect(() => {
    if (!summary) return;
    const { patch, notices: found } = checkAgainstDataset(state, datasetYears(summary.by_year_level));
    if (found.length > 0) update(patch, { replace: true, addNotices: found });
  }, [summary, state, update]);
  // A parent the gazetteer does not have.
  const parentCheck = useSql(useMemo(() => (viewDecl(state.view).hierarchy && state.parent ? divisionNames([state.parent]) : null), [state.view, state.parent]));
  useEffect(() => {
    // Only an answer about this parent (not the previous parent's, kept while the new one loads).
    if (!parentCheck.data || parentCheck.isPlaceholderData || !state.parent) return;
    if (!tableRows(parentCheck.data.table).some((r) => r.code === state.parent)) {
      update({ parent: null }, { replace: true, addNotices: [{ param: 'parent', value: state.parent, reason: 'unknown-division' }] });
    }
  }, [parentCheck.data, parentCheck.isPlaceholderData, state.parent, update]);
  const resolving = viewDecl(state.view).bodies && !bodies.resolved && !bodies.failed && state.entities.some((e) => !isBodyKey(e));
  // Under the user's reports alone: their layer's version, and nothing shown until it is in.
  const userOnly = state.layer === 'user';
  const version = useShownVersion(info?.datasetVersion ?? summary?.dataset_version ?? null);
  const pending = useUserOnlyPending(state.layer);
  const aloneForNow = useDatasetAloneForNow(state.layer);
  // Under both layers with the user's in: the source line names both versions.
  const layerRows = useLayerRows();
  const userVersion = layerRows?.version ?? null;
  const props: ViewProps = useMemo(
    () => ({
      state,
      update,
      t,
      locale,
      date: today(),
      sourceSuffix: version
        ? ` · ${locale === 'zh' ? (userOnly ? '您导入的报告' : '数据集') : userOnly ? 'your reports' : 'dataset'} ${version.slice(0, 8)}${userVersion ? ` + ${locale === 'zh' ? '您导入的报告' : 'your reports'} ${userVersion.slice(0, 8)}` : ''}`
        : '',
      linkTo: (patch) => `${window.location.origin}${window.location.pathname}${serialiseViewState({ ...state, ...patch })}`,
      bodyName: bodies.nameOf,
      datasetVersion: version,
    }),
    [state, update, t, locale, version, userOnly, userVersion, bodies.nameOf],
  );
  const ViewComponent = resolving ? ResolvingBodies : VIEW_COMPONENTS[state.view];
  const synthetic = summary?.synthetic ? <div className="banner synthetic" role="alert" data-testid="synthetic-banner">{t('syntheticBanner')}</div> : null;
  const userOnlyBanner = userOnly ? (
    <div className="banner user-only" role="status" data-testid="user-only-banner">{t('layer.userOnly')}</div>
  ) : aloneForNow ? (
    <div className="banner user-only" role="status" data-testid="layer-dataset-alone">{t('layer.datasetAloneForNow')}</div>
  ) : null;
  // The view, or (the user's reports alone, not in yet) why there is none: no figure nor export of the dataset's stands for them.
  const shown = pending ? (
    <p className="status" role="status" data-testid={`layer-${pending}`}>{t(pending === 'loading' ? 'layer.loading' : 'layer.none')}</p>
  ) : (
    <CodeLoadBoundary resetKey={state.view} testId="view-failed">
      <Suspense fallback={<ViewLoading {...props} />}>
        <ViewComponent {...props} />
      </Suspense>
    </CodeLoadBoundary>
  );

  if (state.embed) {
    return (
      <main className="embed" data-testid="embed">
        {synthetic}
        {userOnlyBanner}
        {error ? <p className="error" role="alert">{t('engineFailed')}: {error.message}</p> : shown}
      </main>
    );
  }
  return (
    <div className="app">
      <a className="skip-link" href="#main" data-testid="skip-link" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>{t('skipToContent')}</a>
      <header className={menuOpen ? 'menu-open' : undefined}>
        <div className="brand">
          <strong>{t('appTitle')}</strong> <span>{t('appSubtitle')}</span>
        </div>
        <button type="button" className="menu-toggle" data-testid="menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen((open) => !open)}>{t('header.menu')} · {viewLabel(state.view, locale)}</button>
        <nav id="main-nav">
          {VIEWS.map((v) => (
            <a key={v} href={props.linkTo({ view: v })} aria-current={state.view === v ? 'page' : undefined} data-testid={`nav-${v}`} onClick={(e) => { e.preventDefault(); setMenuOpen(false); update({ view: v, chart: null }); }}>
              {viewLabel(v, locale)}
            </a>
          ))}
        </nav>
        <ImportControl layer={state.layer} onLayer={(layer) => update({ layer })} />
        <HeaderControls />
        <button type="button" className="lang" data-testid="lang" onClick={() => update({ lang: locale === 'zh' ? 'en' : 'zh' })}>{t('language')}</button>
      </header>
      {synthetic}
      {userOnlyBanner}
      <NoticeList notices={notices} years={summary?.years ?? null} />
      <WorkerWarnings client={client} />
      {error ? <p className="error" role="alert" data-testid="engine-error">{t('engineFailed')}: {error.message}</p> : null}
      <main id="main" tabIndex={-1}>
        <EngineProgress />
        {!info && !error && state.view !== 'overview' ? <p className="status" data-testid="engine-loading">{t('loadingEngine')}</p> : null}
        {shown}
      </main>
    </div>
  );
}
