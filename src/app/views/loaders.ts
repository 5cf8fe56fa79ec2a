// Each view's code, loaded when first shown: the page's first chart waits only for the view in the
// URL (main.tsx starts its load beside the app's own code), never for the other views' code.
import type { ComponentType } from 'react';
import type { View } from './registry';
import type { ViewProps } from './common';

type Loader = () => Promise<ComponentType<ViewProps>>;

/** Each view's component, by id (the views themselves are declared in registry.ts). */
const IMPORTS: Record<View, Loader> = {
  overview: () => import('./Overview').then((m) => m.Overview),
  compare: () => import('./Compare').then((m) => m.Compare),
  outcomes: () => import('./Outcomes').then((m) => m.Outcomes),
  review: () => import('./Review').then((m) => m.Review),
  benchmark: () => import('./Benchmark').then((m) => m.Benchmark),
  reconcile: () => import('./Reconcile').then((m) => m.Reconcile),
  coverage: () => import('./Coverage').then((m) => m.Coverage),
  similar: () => import('./Similar').then((m) => m.Similar),
  map: () => import('./MapView').then((m) => m.MapView),
  report: () => import('./Report').then((m) => m.Report),
  data: () => import('./Data').then((m) => m.Data),
  sql: () => import('./SqlConsole').then((m) => m.SqlConsole),
  methods: () => import('./Methods').then((m) => m.Methods),
  briefing: () => import('./Briefing').then((m) => m.Briefing),
};

const loaded = new Map<View, ComponentType<ViewProps>>();

/** A view's component once its code is in, so the app draws it at once instead of suspending; else null. */
export const loadedView = (view: View): ComponentType<ViewProps> | null => loaded.get(view) ?? null;

/** Loads a view's code (once: the module cache keeps it). */
export function loadView(view: View): Promise<ComponentType<ViewProps>> {
  return IMPORTS[view]().then((component) => {
    loaded.set(view, component);
    return component;
  });
}

/**
 * The code of the view a URL's query string shows (`view`; the overview when it names none),
 * fetched at once. Failures are met again, with their message, when the app renders the view.
 */
export function preloadView(search: string): void {
  const view = new URLSearchParams(search).get('view') ?? 'overview';
  if (Object.hasOwn(IMPORTS, view)) loadView(view as View).catch(() => {});
}
